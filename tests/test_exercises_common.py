"""What every registered exercise does, whatever its lesson: it is registered under its lesson's
name, reminds a learner who has not answered yet, meets a wrong answer with a hint, and shows its
feedback as HTML and as text. Each lesson's own answers and hints are in test_exercises_<lesson>.py.
"""

from __future__ import annotations

import pkgutil

import pytest

import pakafghan.exercises
from pakafghan.exercises import Feedback, check, exercise_ids
from pakafghan.html import html_text

#: How many exercises each lesson module registers (ids ``<lesson>-1`` to ``<lesson>-<n>``).
LESSONS = {"start": 5, "actors": 5, "security": 4, "timeline": 5, "project": 5, "checking": 4}

#: Ids of the lesson modules' exercises (the registry may also hold ones a doctest registered).
IDS = [i for i in exercise_ids() if i.rsplit("-", 1)[0] in LESSONS]

REMINDER = "✗ Not yet. Replace ... with your answer, then run the cell again."
NOT_AN_ANSWER = "<b>not an answer</b> $5"


def test_every_lesson_module_is_listed():
    modules = {m.name for m in pkgutil.iter_modules(pakafghan.exercises.__path__)}
    assert modules == set(LESSONS)


@pytest.mark.parametrize("lesson", sorted(LESSONS))
def test_each_lesson_registers_its_exercises_numbered_from_one(lesson):
    ids = {i for i in exercise_ids() if i.rsplit("-", 1)[0] == lesson}
    assert ids == {f"{lesson}-{n}" for n in range(1, LESSONS[lesson] + 1)}


def test_an_unknown_exercise_is_an_error_that_lists_the_known_ones():
    with pytest.raises(KeyError, match="no exercise 'nothing-1'; known: .*actors-1"):
        check("nothing-1", "a")


@pytest.mark.parametrize("exercise_id", IDS)
@pytest.mark.parametrize("placeholder", [..., None], ids=["ellipsis", "none"])
def test_no_answer_yet_gives_the_reminder(exercise_id, placeholder):
    feedback = check(exercise_id, placeholder)
    assert not feedback.correct and not feedback
    assert repr(feedback) == REMINDER


@pytest.mark.parametrize("exercise_id", IDS)
def test_a_wrong_answer_gets_a_hint(exercise_id):
    feedback = check(exercise_id, NOT_AN_ANSWER)
    assert isinstance(feedback, Feedback)
    assert not feedback.correct
    assert len(feedback.message) > 20
    assert "Replace ... with your answer" not in feedback.message
    assert repr(feedback) == f"✗ Not yet. {feedback.message}"


@pytest.mark.parametrize("exercise_id", IDS)
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
