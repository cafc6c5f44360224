"""Exercise checks with feedback: ``check("actors-1", answer)`` says right or not yet, with a hint.

Answers are not stored in plain sight. An exercise either derives its answer from the data when
checked (``derive``), or stores only salted SHA-256 digests of the accepted answers. Hints for the
common wrong answers are keyed by digest too, so reading this package does not reveal them.

Each lesson registers its exercises in a module of this package (``exercises/actors.py``, ...);
:func:`check` finds them by id.

Example:
    >>> from pakafghan.exercises import Exercise, answer_digest, register, check
    >>> _ = register(Exercise("demo-1", accepted={answer_digest("demo-1", "kabul")},
    ...     hints={answer_digest("demo-1", "islamabad"): "That is where the other meeting was."}))
    >>> check("demo-1", " Kabul ")
    ✓ Right.
    >>> check("demo-1", "Islamabad")
    ✗ Not yet. That is where the other meeting was.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pakafghan.html import banner

_SALT = "pakafghan-exercises"


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
    """The result of a check: right or not yet, and a message. Shows as text and as HTML."""

    correct: bool
    message: str

    def __repr__(self) -> str:
        mark = "✓ Right." if self.correct else "✗ Not yet."
        return f"{mark} {self.message}".strip()

    def __bool__(self) -> bool:
        return self.correct

    def _repr_html_(self) -> str:
        return banner(self.correct, "✓ Right." if self.correct else "✗ Not yet.", self.message)


@dataclass(frozen=True)
class Exercise:
    """One exercise. Give ``accepted`` digests, or ``derive`` to compute the answer from the data.

    ``hints`` maps digests of common wrong answers to a hint; ``default_hint`` is shown for any
    other wrong answer; ``explanation`` is shown with a right answer.
    """

    exercise_id: str
    accepted: frozenset[str] | set[str] = field(default_factory=frozenset)
    derive: Callable[[], Any] | None = None
    hints: dict[str, str] = field(default_factory=dict)
    default_hint: str = "Look again at the data the question points to."
    explanation: str = ""

    def is_right(self, answer: Any) -> bool:
        if self.derive is not None:
            return normalise(answer) == normalise(self.derive())
        return answer_digest(self.exercise_id, answer) in self.accepted

    def feedback(self, answer: Any) -> Feedback:
        if self.is_right(answer):
            return Feedback(True, self.explanation)
        hint = self.hints.get(answer_digest(self.exercise_id, answer), self.default_hint)
        return Feedback(False, hint)


_REGISTRY: dict[str, Exercise] = {}


def register(exercise: Exercise) -> Exercise:
    """Add an exercise to the registry (registering the same id again replaces it)."""
    _REGISTRY[exercise.exercise_id] = exercise
    return exercise


def _load_lesson_modules() -> None:
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")


def _load_lesson_module(exercise_id: str) -> None:
    """Import only the lesson module an id names ("timeline-2" → ``exercises.timeline``)."""
    lesson = exercise_id.partition("-")[0]
    if lesson in {m.name for m in pkgutil.iter_modules(__path__)}:
        importlib.import_module(f"{__name__}.{lesson}")


def exercise_ids() -> list[str]:
    """Every registered exercise id, sorted."""
    _load_lesson_modules()
    return sorted(_REGISTRY)


def check(exercise_id: str, answer: Any) -> Feedback:
    """Check ``answer`` to exercise ``exercise_id``; returns :class:`Feedback`.

    A learner who has not answered yet (``answer`` is ``None`` or ``...``) gets a reminder, not
    an error.
    """
    if exercise_id not in _REGISTRY:
        _load_lesson_module(exercise_id)
    if exercise_id not in _REGISTRY:
        _load_lesson_modules()
        raise KeyError(f"no exercise {exercise_id!r}; known: {', '.join(sorted(_REGISTRY))}")
    if answer is None or answer is Ellipsis:
        return Feedback(False, "Replace ... with your answer, then run the cell again.")
    return _REGISTRY[exercise_id].feedback(answer)
