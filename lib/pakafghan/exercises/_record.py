"""What a learner did in this kernel: each exercise's state, attempts, hints seen and last time.

Kept in memory only (a new kernel starts afresh); :func:`pakafghan.exercises.export_progress`
writes it to a hand-in file. The answers to checked exercises are never kept: only whether they
were right. A written answer's text is kept, since handing it in is its purpose.

Example:
    >>> record = Record(clock=lambda: "2025-09-01T10:00:00+00:00")
    >>> record.attempt("demo-1", "not yet"); record.attempt("demo-1", "right")
    >>> record.get("demo-1")
    Entry(exercise_id='demo-1', state='right', attempts=2, hints=0, last_attempt='2025-09-01T10:00:00+00:00', text=None)
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import pandas as pd

from pakafghan.handin import NOT_ATTEMPTED, NOT_YET, RIGHT, WRITTEN, HandinRow
from pakafghan.html import html_table, html_text

#: How each state reads in the progress table (a symbol too, so it reads without colour).
STATE_LABELS = {
    RIGHT: "✓ right",
    NOT_YET: "✗ not yet",
    NOT_ATTEMPTED: "○ not attempted",
    WRITTEN: "✎ written",
}


def utc_now() -> str:
    """The time now, in UTC, as ISO text to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Entry:
    """One exercise's record: state, attempts, hints seen, last attempt (UTC), written text."""

    exercise_id: str
    state: str = NOT_ATTEMPTED
    attempts: int = 0
    hints: int = 0
    last_attempt: str | None = None
    text: str | None = None

    def row(self) -> HandinRow:
        return HandinRow(
            self.exercise_id, self.state, self.attempts, self.hints, self.last_attempt, self.text
        )


class Record:
    """The exercises a learner has touched in this kernel, by id."""

    def __init__(self, clock: Callable[[], str] = utc_now) -> None:
        self.clock = clock
        self._entries: dict[str, Entry] = {}

    def get(self, exercise_id: str) -> Entry:
        return self._entries.get(exercise_id, Entry(exercise_id))

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._entries

    def ids(self) -> list[str]:
        return list(self._entries)

    def seen(self, exercise_id: str) -> None:
        """The learner ran the exercise's cell with its placeholder: touched, not attempted."""
        self._entries.setdefault(exercise_id, Entry(exercise_id))

    def attempt(self, exercise_id: str, state: str) -> None:
        """A checked answer: its state (right or not yet), never the answer itself."""
        entry = self.get(exercise_id)
        self._entries[exercise_id] = replace(
            entry, state=state, attempts=entry.attempts + 1, last_attempt=self.clock(), text=None
        )

    def written(self, exercise_id: str, text: str) -> None:
        """A written answer: its text replaces the one before."""
        entry = self.get(exercise_id)
        self._entries[exercise_id] = replace(
            entry, state=WRITTEN, attempts=entry.attempts + 1, last_attempt=self.clock(), text=text
        )

    def hint_seen(self, exercise_id: str, step: int) -> None:
        """Hint number ``step`` (from 1) was shown."""
        entry = self.get(exercise_id)
        self._entries[exercise_id] = replace(entry, hints=max(entry.hints, step))

    def clear(self) -> None:
        self._entries.clear()


@dataclass(frozen=True)
class Progress:
    """A learner's exercises, for the lessons they touched: shows as a table (text and HTML).

    No times are shown (so that a lesson that shows its progress gives the same output each run);
    the hand-in file made by ``export_progress()`` has them.
    """

    entries: tuple[Entry, ...]

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries)

    def count(self, state: str) -> int:
        return sum(e.state == state for e in self.entries)

    def summary(self) -> str:
        if not self.entries:
            return "No exercise checked yet in this session: run an exercise's cell first."
        lessons = sorted({e.exercise_id.rpartition("-")[0] for e in self.entries})
        counts = ", ".join(
            f"{self.count(state)} {state}"
            for state in (RIGHT, NOT_YET, NOT_ATTEMPTED, WRITTEN)
            if self.count(state) or state != WRITTEN
        )
        which = "lesson" if len(lessons) == 1 else "lessons"
        return f"{len(self.entries)} exercises in {which} {', '.join(lessons)}: {counts}."

    def frame(self) -> pd.DataFrame:
        """The table shown: exercise, state, attempts, hints seen."""
        return pd.DataFrame(
            {
                "exercise": [e.exercise_id for e in self.entries],
                "state": [STATE_LABELS[e.state] for e in self.entries],
                "attempts": [str(e.attempts) for e in self.entries],
                "hints seen": [str(e.hints) for e in self.entries],
            }
        )

    def __repr__(self) -> str:
        if not self.entries:
            return self.summary()
        frame = self.frame()
        widths = {c: max(len(c), *(len(v) for v in frame[c])) for c in frame.columns}
        lines = ["  ".join(c.ljust(widths[c]) for c in frame.columns).rstrip()]
        for row in frame.itertuples(index=False):
            cells = zip(frame.columns, row, strict=True)
            lines.append("  ".join(v.ljust(widths[c]) for c, v in cells).rstrip())
        return "\n".join([self.summary(), *lines])

    def _repr_html_(self) -> str:
        summary = f"<p>{html_text(self.summary())}</p>"
        if not self.entries:
            return summary
        frame = self.frame()
        return summary + html_table(frame, list(frame.columns))


def id_key(exercise_id: str) -> tuple[str, int]:
    """Sort key of an exercise id: its lesson, then its number ("actors-10" after "actors-9")."""
    lesson, _, number = exercise_id.rpartition("-")
    return lesson, int(number) if number.isdigit() else -1


def progress_of(record: Record, registered: Iterable[str]) -> Progress:
    """Every registered exercise of the lessons ``record`` touched, with its entry, in id order."""
    lessons = {id_key(i)[0] for i in record.ids()}
    ids = {i for i in registered if id_key(i)[0] in lessons} | set(record.ids())
    return Progress(tuple(record.get(i) for i in sorted(ids, key=id_key)))
