"""What every registered exercise does, whatever its lesson: it is registered under its lesson's
name, tells "not attempted" (placeholder in place), "not yet" (with a hint) and "right" apart,
is true only when right (so ``assert check(...)`` grades), shows its feedback as HTML and as text,
and has two or three progressive hints that never give its answer. Each lesson's own answers and
hints are in test_exercises_<lesson>.py.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import nbformat
import pytest

import pakafghan.exercises
from pakafghan.exercises import _REGISTRY, Feedback, check, exercise_ids, normalise, write
from pakafghan.html import html_text

LESSON_SOURCES = Path(__file__).resolve().parents[1] / "lessons"
_USE = re.compile(r'\b(?:check|write)\("([a-z]+)-(\d+)"')


def _lesson_ids() -> dict[str, set[str]]:
    """The exercise ids each lesson source uses, by lesson module (the id's prefix)."""
    found: dict[str, set[str]] = {}
    for path in sorted(LESSON_SOURCES.glob("[0-9][0-9]_*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                for prefix, number in _USE.findall(cell.source):
                    found.setdefault(prefix, set()).add(f"{prefix}-{number}")
    return found


#: The exercise ids each lesson module registers, as the lesson sources use them.
LESSONS = _lesson_ids()

#: Ids of the lesson modules' exercises (the registry may also hold ones a doctest registered).
IDS = [i for i in exercise_ids() if i.rsplit("-", 1)[0] in LESSONS]
#: The checked exercises, and the written ones (``write(id, text)``: nothing to check).
CHECKED = [i for i in IDS if not _REGISTRY[i].written]
WRITTEN = [i for i in IDS if _REGISTRY[i].written]

REMINDER = (
    "○ Not attempted yet. Replace ... with your answer, then run the cell again. "
    'For a first step: hint("{id}").'
)
NOT_AN_ANSWER = "<b>not an answer</b> $5"


def test_every_lesson_module_is_used_by_a_lesson():
    modules = {m.name for m in pkgutil.iter_modules(pakafghan.exercises.__path__)}
    assert {m for m in modules if not m.startswith("_")} == set(LESSONS)


@pytest.mark.parametrize("lesson", sorted(LESSONS))
def test_each_lesson_registers_the_exercises_its_lessons_use_numbered_from_one(lesson):
    ids = {i for i in exercise_ids() if i.rsplit("-", 1)[0] == lesson}
    assert ids == LESSONS[lesson]
    assert ids == {f"{lesson}-{n}" for n in range(1, len(ids) + 1)}


@pytest.mark.parametrize("exercise_id", IDS)
def test_a_lesson_calls_check_for_a_checked_exercise_and_write_for_a_written_one(exercise_id):
    call = "write" if _REGISTRY[exercise_id].written else "check"
    sources = [p.read_text(encoding="utf-8") for p in LESSON_SOURCES.glob("[0-9][0-9]_*.ipynb")]
    assert any(f'{call}(\\"{exercise_id}\\"' in s for s in sources), exercise_id


def test_an_unknown_exercise_is_an_error_that_lists_the_known_ones():
    with pytest.raises(KeyError, match="no exercise 'nothing-1'; known: .*actors-1"):
        check("nothing-1", "a")


@pytest.mark.parametrize("exercise_id", CHECKED)
@pytest.mark.parametrize("placeholder", [..., None], ids=["ellipsis", "none"])
def test_no_answer_yet_is_not_attempted(exercise_id, placeholder):
    feedback = check(exercise_id, placeholder)
    assert feedback.state == "not attempted"
    assert not feedback.correct and not feedback
    assert repr(feedback) == REMINDER.format(id=exercise_id)
    assert "not attempted yet" in repr(feedback).casefold()
    assert "<strong>○ Not attempted yet.</strong> Replace ... with your answer" in (
        feedback._repr_html_()
    )


@pytest.mark.parametrize("exercise_id", CHECKED)
def test_a_wrong_answer_gets_a_hint(exercise_id):
    feedback = check(exercise_id, NOT_AN_ANSWER)
    assert isinstance(feedback, Feedback)
    assert feedback.state == "not yet"
    assert not feedback.correct and not feedback
    assert len(feedback.message) > 20
    assert "Replace ... with your answer" not in feedback.message
    assert repr(feedback) == f"✗ Not yet. {feedback.message}"


@pytest.mark.parametrize("exercise_id", CHECKED)
def test_assert_check_grades_like_an_autograder_test(exercise_id):
    """``assert check(...)`` fails for a placeholder and a wrong answer (nbgrader, otter)."""
    for answer in (..., None, NOT_AN_ANSWER):
        with pytest.raises(AssertionError):
            assert check(exercise_id, answer)


def test_only_a_right_answer_is_true():
    assert Feedback(True, "").state == "right" and Feedback(True, "")
    assert Feedback(False, "").state == "not yet" and not Feedback(False, "")
    assert not Feedback(False, "", state="not attempted")
    assert not Feedback(False, "", state="written")
    with pytest.raises(ValueError, match="cannot have correct=True"):
        Feedback(True, "", state="not yet")
    with pytest.raises(ValueError, match="not one of"):
        Feedback(False, "", state="done")


@pytest.mark.parametrize("exercise_id", CHECKED)
def test_feedback_shows_as_html_and_as_text(exercise_id):
    feedback = check(exercise_id, NOT_AN_ANSWER)
    html = feedback._repr_html_()
    assert html == (
        '<div style="border-left:4px solid #D55E00;padding:4px 8px">'
        f"<strong>✗ Not yet.</strong> {html_text(feedback.message)}</div>"
    )
    assert "<b>" not in html


def test_right_feedback_shows_as_html_and_as_text():
    right = Feedback(True, "Well <done>.")
    assert right and repr(right) == "✓ Right. Well <done>."
    assert right._repr_html_() == (
        '<div style="border-left:4px solid #0072B2;padding:4px 8px">'
        "<strong>✓ Right.</strong> Well &lt;done&gt;.</div>"
    )
    assert repr(Feedback(True, "")) == "✓ Right."


# --- progressive hints ----------------------------------------------------------------------------

#: Answers of the exercises that store only digests (the others derive their answer from the
#: data), as each lesson's own test module declares them in its ``DIGEST_ANSWERS``.
DIGEST_ANSWERS = {
    exercise_id: answer
    for lesson in sorted(LESSONS)
    for exercise_id, answer in importlib.import_module(f"test_exercises_{lesson}")
    .__dict__.get("DIGEST_ANSWERS", {})
    .items()
}
_WORDS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
_WORDS += " fifteen sixteen seventeen eighteen nineteen"
_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty"}


def _number_words(n: int) -> set[str]:
    words = _WORDS.split()
    if 0 <= n < len(words):
        return {words[n]}
    if n in _TENS:
        return {_TENS[n]}
    if 20 < n < 60:
        tens = _TENS[n // 10 * 10]
        return {f"{tens}-{words[n % 10]}", f"{tens} {words[n % 10]}"}
    return set()


def _answer(exercise_id: str):
    exercise = _REGISTRY[exercise_id]
    if exercise.derive is not None:
        return exercise.derive()
    return DIGEST_ANSWERS[exercise_id]


def _forbidden(answer) -> list[re.Pattern]:
    """What a hint must not contain for ``answer``: its text, its number, the option's letter."""
    if isinstance(answer, list | tuple | set):
        return [p for item in answer for p in _forbidden(item)]
    if isinstance(answer, int | float) and not isinstance(answer, bool):
        n = int(answer)
        forms = [rf"(?<![\w.]){n}(?![\w])"]
        forms += [rf"\b{re.escape(w)}\b" for w in _number_words(n)]
        return [re.compile(f, re.IGNORECASE) for f in forms]
    text = str(answer)
    if len(text) == 1:  # a multiple-choice letter
        x = re.escape(text)
        forms = [
            rf"\b(option|answer|letter|choice)\s+\**{x}\b",
            rf"\(\s*{x}\s*\)",
            rf"\*\*{x}\*\*",
            rf"(?<![\w'’]){x}[.:)](?=\s|$)",
        ]
        return [re.compile(f, re.IGNORECASE) for f in forms]
    forms = {text, text.replace("-", " "), text.replace("_", " ")}
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):  # a date: its day and month in words too
        import datetime

        day = datetime.date.fromisoformat(text)
        forms |= {f"{day.day} {day:%B}", f"{day:%B} {day.day}"}
    return [re.compile(rf"(?<![\w-]){re.escape(f)}(?![\w-])", re.IGNORECASE) for f in forms]


def test_the_digest_answers_above_are_right():
    for exercise_id, answer in DIGEST_ANSWERS.items():
        assert check(exercise_id, answer), exercise_id
    assert {i for i in CHECKED if _REGISTRY[i].derive is None} == set(DIGEST_ANSWERS)


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_exercise_has_two_or_three_hints_in_steps(exercise_id):
    steps = _REGISTRY[exercise_id].steps
    assert 2 <= len(steps) <= 3
    assert len(set(steps)) == len(steps)
    for step in steps:
        assert isinstance(step, str) and 30 < len(step) < 300, step
        assert step.strip() == step and step[-1] in ".?)", step


@pytest.mark.parametrize("exercise_id", CHECKED)
def test_no_hint_gives_the_answer(exercise_id):
    answer = _answer(exercise_id)
    for step in _REGISTRY[exercise_id].steps:
        for pattern in _forbidden(answer):
            assert not pattern.search(step), f"{exercise_id}: {pattern.pattern!r} in {step!r}"
        if isinstance(answer, str) and len(answer) == 1:
            continue  # a letter: "a" is also a word
        # and no phrase of the hint is itself an accepted answer
        words = re.findall(r"[\w'-]+", step)
        for size in (1, 2, 3):
            for i in range(len(words) - size + 1):
                phrase = " ".join(words[i : i + size])
                assert normalise(phrase) != normalise(answer), (exercise_id, phrase)


@pytest.mark.parametrize(
    ("answer", "step", "caught"),
    [
        ("pakistan", "Look at Pakistan's envoy.", True),
        ("pakistan", "Look at the envoy.", False),
        ("some-observers", "Some observers say so.", True),
        (18, "There are 18 of them.", True),
        (5, "Count the S5 rows: five of them.", True),
        (5, "Count the S5 rows.", False),
        ("b", "Option b is right.", True),
        ("b", "The answer is (b).", True),
        ("a", "A careful reader reads a source.", False),
        (["2025-08-20", "S43"], "It was on 20 August.", True),
        (["status", "date_latest"], "Look at the date latest field.", True),
    ],
)
def test_the_answer_finder_itself(answer, step, caught):
    """The check above would catch an answer given away (and not flag ordinary words)."""
    assert any(p.search(step) for p in _forbidden(answer)) is caught


# --- written exercises -------------------------------------------------------------------------


@pytest.mark.parametrize("exercise_id", WRITTEN)
def test_a_written_exercise_saves_text_and_checks_nothing(exercise_id):
    assert write(exercise_id, ...).state == "not attempted"
    assert write(exercise_id, "   ").state == "not attempted"
    saved = write(exercise_id, "The envoy, not the article, gives this figure.")
    assert saved.state == "written" and not saved
    with pytest.raises(ValueError, match="written answer"):
        check(exercise_id, "anything")


@pytest.mark.parametrize("exercise_id", WRITTEN)
def test_a_written_exercise_has_steps_to_help_and_nothing_to_accept(exercise_id):
    exercise = _REGISTRY[exercise_id]
    assert not exercise.accepted and exercise.derive is None
    assert 2 <= len(exercise.steps) <= 3


@pytest.mark.parametrize(
    "path", sorted(LESSON_SOURCES.glob("[0-9][0-9]_*.ipynb")), ids=lambda p: p.stem
)
def test_every_lesson_imports_what_its_messages_tell_learners_to_type(path):
    """A reminder says 'hint("id")' and every lesson ends with 'type export_progress()': both
    must be defined in the lesson, or the learner meets a NameError."""
    cells = nbformat.read(path, as_version=4).cells
    code = "\n".join(c.source for c in cells if c.cell_type == "code")
    imported = re.search(r"from pakafghan\.exercises import ([^\n]+)", code)
    assert imported, path.name
    names = {n.strip() for n in imported[1].split(",")}
    assert {"check", "hint", "export_progress"} <= names, path.name
    if "write(" in code:
        assert "write" in names, path.name
