"""Exercise checks that coach and record: ``check("actors-1", answer)``, ``hint("actors-1")``.

A check tells three cases apart: **not attempted** (the placeholder ``...`` or ``None`` still
in place), **not yet** (with a hint aimed at the answer given) and **right** (with an
explanation). Its :class:`Feedback` is true only when right, so ``assert check(...)`` works as
an nbgrader autograded test or an otter-grader test case. More help comes in steps:
:func:`hint` shows the next hint each time it is called. :func:`solution` shows the instructor's
solution only when the teacher has enabled it (the environment variable
``PAKAFGHAN_SOLUTIONS`` names a JSON file of solutions, which learners do not have).

Every check is recorded in the kernel (exercise, state, attempts, hints seen, time; never the
answer): :func:`progress` shows it, :func:`export_progress` writes it as a small JSON and CSV
file pair to hand in, and a teacher reads a folder of those with
``python -m pakafghan progress-report FOLDER``. A written-answer exercise takes free text with
:func:`write`; its text is handed in, and not evaluated.

Answers are not stored in plain sight. An exercise either derives its answer from the data when
checked (``derive``), or stores only salted SHA-256 digests of the accepted answers. Hints for the
common wrong answers are keyed by digest too, so reading this package does not reveal them. The
checks are for practice: a graded test belongs in nbgrader or otter-grader
(``tools/nbgrader_assignment.py`` makes an nbgrader assignment of a lesson).

Each lesson registers its exercises in a module of this package (``exercises/actors.py``, ...);
:func:`check` finds them by id.

Example:
    >>> from pakafghan.exercises import Exercise, answer_digest, register, check, hint
    >>> _ = register(Exercise("demo-1", accepted={answer_digest("demo-1", "kabul")},
    ...     hints={answer_digest("demo-1", "islamabad"): "That is where the other meeting was."},
    ...     steps=("Read the first sentence.", "Which city hosts the talks?")))
    >>> check("demo-1", ...)
    ○ Not attempted yet. Replace ... with your answer, then run the cell again. For a first step: hint("demo-1").
    >>> check("demo-1", "Islamabad")
    ✗ Not yet. That is where the other meeting was.
    >>> hint("demo-1")
    Hint 1 of 2 for demo-1: Read the first sentence.
    >>> check("demo-1", " Kabul ")
    ✓ Right.
    >>> bool(check("demo-1", " Kabul ")), bool(check("demo-1", ...))
    (True, False)
"""  # noqa: E501

from __future__ import annotations

import hashlib
import importlib
import json
import os
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from pakafghan.exercises._record import Progress, Record, progress_of
from pakafghan.handin import (
    MAX_NAME,
    NOT_ATTEMPTED,
    NOT_YET,
    RIGHT,
    STATES,
    WRITTEN,
    clean_text,
    slug,
    write_handin,
)
from pakafghan.html import banner, html_text

__all__ = [
    "RECORD",
    "Exercise",
    "Exported",
    "Feedback",
    "Note",
    "Progress",
    "answer_digest",
    "check",
    "exercise_ids",
    "export_progress",
    "hint",
    "normalise",
    "progress",
    "register",
    "solution",
    "write",
]

_SALT = "pakafghan-exercises"
#: The environment variable that names the teacher's solutions file (JSON: id → code).
SOLUTIONS_ENV = "PAKAFGHAN_SOLUTIONS"
#: The longest written answer :func:`write` takes, in characters.
WRITTEN_LIMIT = 3000
#: The first words of each kind of feedback.
LEADS = {
    RIGHT: "✓ Right.",
    NOT_YET: "✗ Not yet.",
    NOT_ATTEMPTED: "○ Not attempted yet.",
    WRITTEN: "✎ Saved.",
}

#: What the learner did in this kernel (see :mod:`pakafghan.exercises._record`).
RECORD = Record()


def normalise(answer: Any) -> str:
    """A canonical text form of an answer, so small differences do not matter.

    Text: trimmed, case-folded, inner spaces collapsed. Numbers: as floats ("30" == 30 == 30.0).
    Collections (list, set, tuple): their items normalised and sorted, so order does not matter.

    Example:
        >>> normalise(["TTP", " isis-k "])
        '[isis-k|ttp]'
    """
    if isinstance(answer, bool):
        return str(answer).casefold()
    if isinstance(answer, int | float):
        return repr(float(answer))
    if isinstance(answer, str):
        text = " ".join(answer.split()).casefold()
        try:
            return repr(float(text.replace(",", "")))
        except ValueError:
            return text
    if isinstance(answer, Iterable):
        return "[" + "|".join(sorted(normalise(a) for a in answer)) + "]"
    return normalise(str(answer))


def answer_digest(exercise_id: str, answer: Any) -> str:
    """Salted SHA-256 of a normalised answer (what the exercise modules store)."""
    text = f"{_SALT}:{exercise_id}:{normalise(answer)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Feedback:
    """The result of a check: its ``state`` and a message. Shows as text and as HTML.

    ``state`` is "right", "not yet", "not attempted" or "written" (a saved written answer).
    Feedback is true only when right, so ``assert check(...)`` passes only for a right answer.

    Example:
        >>> Feedback(False, "Replace ... with your answer.", state="not attempted")
        ○ Not attempted yet. Replace ... with your answer.
    """

    correct: bool
    message: str
    state: str = ""

    def __post_init__(self) -> None:
        state = self.state or (RIGHT if self.correct else NOT_YET)
        if state not in STATES:
            raise ValueError(f"state {state!r} is not one of {', '.join(STATES)}")
        if bool(self.correct) != (state == RIGHT):
            raise ValueError(f"a {state!r} feedback cannot have correct={self.correct!r}")
        object.__setattr__(self, "state", state)

    @property
    def lead(self) -> str:
        return LEADS[self.state]

    def __repr__(self) -> str:
        return f"{self.lead} {self.message}".strip()

    def __bool__(self) -> bool:
        return self.state == RIGHT

    def _repr_html_(self) -> str:
        ok = None if self.state == NOT_ATTEMPTED else self.state in (RIGHT, WRITTEN)
        return banner(ok, self.lead, self.message)


@dataclass(frozen=True)
class Exercise:
    """One exercise. Give ``accepted`` digests, or ``derive`` to compute the answer from the data.

    ``hints`` maps digests of common wrong answers to a hint; ``default_hint`` is shown for any
    other wrong answer; ``explanation`` is shown with a right answer. ``steps`` are the
    progressive hints :func:`hint` shows one at a time: they lead towards the method and never
    give the answer. ``written=True`` makes a written-answer exercise: :func:`write` takes its
    text (no answer to check, so no ``accepted`` or ``derive``).
    """

    exercise_id: str
    accepted: frozenset[str] | set[str] = field(default_factory=frozenset)
    derive: Callable[[], Any] | None = None
    hints: dict[str, str] = field(default_factory=dict)
    default_hint: str = "Look again at the data the question points to."
    explanation: str = ""
    steps: tuple[str, ...] = ()
    written: bool = False

    def __post_init__(self) -> None:
        if isinstance(self.steps, str):
            object.__setattr__(self, "steps", (self.steps,))
        object.__setattr__(self, "steps", tuple(self.steps))

    def is_right(self, answer: Any) -> bool:
        if self.derive is not None:
            return normalise(answer) == normalise(self.derive())
        return answer_digest(self.exercise_id, answer) in self.accepted

    def feedback(self, answer: Any) -> Feedback:
        """Feedback on ``answer`` (not recorded: :func:`check` records)."""
        if self.written:
            raise ValueError(f"{self.exercise_id} is a written answer: use write(), not check()")
        if answer is None or answer is Ellipsis:
            return Feedback(False, _not_attempted(self), NOT_ATTEMPTED)
        if self.is_right(answer):
            return Feedback(True, self.explanation)
        hint = self.hints.get(answer_digest(self.exercise_id, answer), self.default_hint)
        return Feedback(False, hint)


def _not_attempted(exercise: Exercise) -> str:
    text = "Replace ... with your answer, then run the cell again."
    if exercise.steps:
        text += f' For a first step: hint("{exercise.exercise_id}").'
    return text


_REGISTRY: dict[str, Exercise] = {}


def register(exercise: Exercise) -> Exercise:
    """Add an exercise to the registry (registering the same id again replaces it)."""
    _REGISTRY[exercise.exercise_id] = exercise
    return exercise


def _lesson_modules() -> list[str]:
    """The lesson modules of this package (private ``_`` modules are not lessons)."""
    return [m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")]


def _load_lesson_modules() -> None:
    for name in _lesson_modules():
        importlib.import_module(f"{__name__}.{name}")


def _load_lesson_module(exercise_id: str) -> None:
    """Import only the lesson module an id names ("timeline-2" → ``exercises.timeline``)."""
    lesson = exercise_id.rpartition("-")[0]
    if lesson in _lesson_modules():
        importlib.import_module(f"{__name__}.{lesson}")


def exercise_ids() -> list[str]:
    """Every registered exercise id, sorted."""
    _load_lesson_modules()
    return sorted(_REGISTRY)


def _find(exercise_id: str) -> Exercise:
    if exercise_id not in _REGISTRY:
        _load_lesson_module(exercise_id)
    if exercise_id not in _REGISTRY:
        _load_lesson_modules()
        raise KeyError(f"no exercise {exercise_id!r}; known: {', '.join(sorted(_REGISTRY))}")
    return _REGISTRY[exercise_id]


def check(exercise_id: str, answer: Any) -> Feedback:
    """Check ``answer`` to exercise ``exercise_id``; returns :class:`Feedback`, and records it.

    A learner who has not answered yet (``answer`` is ``None`` or ``...``) gets a reminder, not
    an error; that is not counted as an attempt. The record keeps the state, never the answer.
    """
    exercise = _find(exercise_id)
    feedback = exercise.feedback(answer)
    if feedback.state == NOT_ATTEMPTED:
        RECORD.seen(exercise_id)
    else:
        RECORD.attempt(exercise_id, feedback.state)
    return feedback


def write(exercise_id: str, text: Any) -> Feedback:
    """Save the text of a written-answer exercise (no evaluation); its text is handed in.

    Up to :data:`WRITTEN_LIMIT` characters; writing again replaces the text. The feedback's
    state is "written" (it is not "right": nothing is checked).
    """
    exercise = _find(exercise_id)
    if not exercise.written:
        raise ValueError(f"{exercise_id} is checked: use check({exercise_id!r}, answer)")
    if text is None or text is Ellipsis or (isinstance(text, str) and not text.strip()):
        RECORD.seen(exercise_id)
        return Feedback(
            False,
            "Write your answer as text in quotation marks in place of ..., then run the cell "
            "again.",
            NOT_ATTEMPTED,
        )
    if not isinstance(text, str):
        return Feedback(False, 'Write your answer as text, in quotation marks: "...".')
    text = clean_text(text, lines=True)
    if len(text) > WRITTEN_LIMIT:
        return Feedback(
            False,
            f"Your answer has {len(text):,} characters; the limit is {WRITTEN_LIMIT:,}. "
            "Shorten it, then run the cell again (nothing was saved).",
        )
    RECORD.written(exercise_id, text)
    words = len(text.split())
    return Feedback(
        False,
        f"Your answer ({words} word{'s' if words != 1 else ''}) is kept for your teacher; "
        "export_progress() writes it into your hand-in file.",
        WRITTEN,
    )


@dataclass(frozen=True)
class Note:
    """A hint or a solution: a lead in bold, a message, and code (shown as code), if any."""

    lead: str
    message: str = ""
    code: str | None = None

    def __repr__(self) -> str:
        text = f"{self.lead} {self.message}".strip()
        return text if self.code is None else f"{text}\n{self.code}"

    def _repr_html_(self) -> str:
        html = banner(True, self.lead, self.message)
        if self.code is None:
            return html
        return html + f"<pre><code>{html_text(self.code)}</code></pre>"


def hint(exercise_id: str, step: int | None = None) -> Note:
    """The next hint for an exercise, one step further each time it is called.

    ``hint(id, n)`` shows hint number ``n`` again. After the last one it says there are no
    more. The hints seen are recorded (their number, not their text).
    """
    exercise = _find(exercise_id)
    steps = exercise.steps
    if not steps:
        return Note(f"No hints for {exercise_id}.", "Read the question again, or ask your teacher.")
    if step is None:
        step = RECORD.get(exercise_id).hints + 1
        if step > len(steps):
            return Note(
                f"No more hints for {exercise_id}.",
                f"You have seen all {len(steps)}; hint({exercise_id!r}, 1) shows the first "
                "again. Your teacher can help too.",
            )
    elif not 1 <= step <= len(steps):
        raise ValueError(f"{exercise_id} has hints 1 to {len(steps)}, not {step}")
    RECORD.hint_seen(exercise_id, step)
    return Note(f"Hint {step} of {len(steps)} for {exercise_id}:", steps[step - 1])


def _solutions() -> tuple[dict[str, Any] | None, str]:
    """The teacher's solutions file (id → code), or ``None`` and why not."""
    name = os.environ.get(SOLUTIONS_ENV, "").strip()
    if not name:
        return None, ""
    path = Path(name).expanduser()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else "not JSON"
        return (
            None,
            f"The solutions file named by {SOLUTIONS_ENV} ({path.name}) cannot be read: {reason}.",
        )
    if not isinstance(data, dict):
        return None, f"The solutions file {path.name} should map exercise ids to code."
    return data, ""


def solution(exercise_id: str) -> Note:
    """The instructor's solution code, only when the teacher has enabled solutions.

    The environment variable ``PAKAFGHAN_SOLUTIONS`` names a JSON file that maps exercise ids
    to solution code (``make editions`` writes one for the instructor edition). Without it, the
    answer says that solutions are with the teacher.
    """
    exercise = _find(exercise_id)
    solutions, problem = _solutions()
    if solutions is None:
        more = f' hint("{exercise_id}") gives the next step.' if exercise.steps else ""
        return Note(
            "Solutions are with your teacher.",
            problem or f"Try your own answer first: check() tells you how close it is.{more}",
        )
    code = solutions.get(exercise_id)
    if isinstance(code, list) and all(isinstance(line, str) for line in code):
        code = "".join(code)
    if not isinstance(code, str) or not code.strip():
        return Note(f"No solution for {exercise_id} in the teacher's solutions file.")
    return Note(f"Solution to {exercise_id} (instructor):", code=code.rstrip("\n"))


def progress() -> Progress:
    """Your exercises in the lessons you have touched in this session: state and attempts.

    Shows as a table (no times: those go in the file :func:`export_progress` writes).
    """
    _load_lesson_modules()
    return progress_of(RECORD, _REGISTRY)


class Exported(NamedTuple):
    """The two files :func:`export_progress` wrote."""

    json: Path
    csv: Path

    def __repr__(self) -> str:
        return (
            f"Saved your progress in {self.json.name} and {self.csv.name} (folder "
            f"{self.json.parent.name or '.'}): hand in either file as your teacher asks."
        )


def export_progress(path: str | Path | None = None, name: str | None = None) -> Exported:
    """Write your progress as a JSON and a CSV file to hand in; returns their paths.

    ``name`` is your name as your teacher should see it. ``path`` is a folder (default: the
    current one; the files are ``pakafghan-progress-<name>.json`` and ``.csv``), or a file
    name ending in ``.json`` or ``.csv`` (the other file gets the same name). Each exercise of
    the lessons you touched is listed with its state, attempts, hints seen and time of the last
    attempt (UTC); written answers with their text; never the answer to a checked exercise.
    """
    if name is not None:
        if not isinstance(name, str):
            raise TypeError('name should be text, e.g. export_progress(name="Amina")')
        name = clean_text(name, MAX_NAME) or None
    target = Path.cwd() if path is None else Path(path).expanduser()
    if target.exists() and not target.is_dir() and target.suffix.lower() not in (".json", ".csv"):
        raise ValueError(f"{path} is a file: give a folder, or a file name ending in .json")
    if target.suffix.lower() in (".json", ".csv"):
        stem = target.with_suffix("")
    else:
        target.mkdir(parents=True, exist_ok=True)
        stem = target / f"pakafghan-progress-{slug(name)}"
    json_path, csv_path = stem.with_name(stem.name + ".json"), stem.with_name(stem.name + ".csv")
    rows = [entry.row() for entry in progress()]
    write_handin(rows, json_path, csv_path, learner=name, exported_at=RECORD.clock())
    return Exported(json_path, csv_path)
