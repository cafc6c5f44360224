"""Lesson 5's exercises: each accepts its answer and meets common wrong answers with a hint."""

from __future__ import annotations

import pytest

from pakafghan.exercises import check, write
from pakafghan.exercises.timeline import (
    SECOND_DAY,
    YEAR_CASES,
    borrowed_years,
    second_day_status,
)

#: Answers stored only as digests (test_exercises_common.py imports this).
DIGEST_ANSWERS = {"timeline-1": ["2025-09-24", "2025-09-30", "week"]}

RESCHEDULED = "ev-meeting-rescheduled"


def test_the_week_is_coded_as_the_exercise_accepts(ds):
    """The project's own coding of Ariana News's "last week of September" is a right answer."""
    row = ds.events.set_index("event_id").loc[RESCHEDULED]
    assert row["source_id"] == "S3"
    assert row["date_text"] == "last week of September"
    coded = [row["date_earliest"].date().isoformat(), row["date_latest"].date().isoformat()]
    assert check("timeline-1", [*coded, str(row["date_precision"])])


def test_derived_answers_come_from_the_rows(ds):
    events = ds.events.set_index("event_id")
    sources = ds.sources.set_index("source_id")
    cases = events.loc[list(YEAR_CASES)]
    assert borrowed_years() == ["ev-meeting-dates-s15", "ev-meeting-dates-s20"]
    # the rule the exercise teaches: an undated report borrows its year, a dated one gives it
    undated = cases["source_id"].map(sources["published_text"]).str.startswith("n.d.")
    assert sorted(cases.index[undated]) == borrowed_years()
    assert set(cases.loc[undated, "year_source_id"]) == {"S1"}
    assert (cases.loc[~undated, "year_basis"] == "stated").all()
    assert cases["date_text"].str.contains("2025").sum() == 0  # no year in the words
    assert second_day_status() == "planned"
    day2 = events.loc[SECOND_DAY]
    assert day2["source_id"] == "S10" and day2["date_earliest"] == day2["date_latest"]
    assert sources.loc["S10", "published_earliest"] < day2["date_earliest"]


@pytest.mark.parametrize(
    ("exercise_id", "answer"),
    [
        ("timeline-1", ["2025-09-24", "2025-09-30", "week"]),
        ("timeline-1", ("week", " 2025-09-30", "2025-09-24 ")),
        ("timeline-1", ["2025-09-22", "2025-09-30", "Week"]),
        ("timeline-2", ["ev-meeting-dates-s20", "ev-meeting-dates-s15"]),
        ("timeline-3", "planned"),
        ("timeline-3", " Planned "),
    ],
)
def test_right_answers_are_accepted(exercise_id, answer):
    feedback = check(exercise_id, answer)
    assert feedback.correct, repr(feedback)
    assert repr(feedback).startswith("✓ Right.")


@pytest.mark.parametrize(
    ("exercise_id", "answer", "hint"),
    [
        ("timeline-1", ["2025-09-22", "2025-09-28", "week"], "last two days of the month"),
        ("timeline-1", ["2025-09-29", "2025-10-05", "week"], "runs into October"),
        ("timeline-1", ["2025-09-24", "2025-09-30", "days"], "names no day at all"),
        ("timeline-1", ["2025-09-01", "2025-09-30", "month"], "narrows the date"),
        ("timeline-1", ["2025-09-23", "2025-09-30", "week"], "how many days"),
        ("timeline-1", ["2025-09-25", "2025-09-30", "week"], "a whole week"),
        ("timeline-1", ["2025-09-24", "2025-09-30"], "the third item"),
        ("timeline-1", ["2026-09-24", "2026-09-30", "week"], "list of three items"),
        ("timeline-2", list(YEAR_CASES), "Not all of them"),
        (
            "timeline-2",
            ["ev-meeting-plan-afghan-day", "ev-meeting-dates-s15", "ev-meeting-dates-s20"],
            "Hum News (S7) carries its own date",
        ),
        (
            "timeline-2",
            ["ev-meeting-dates-s16", "ev-meeting-dates-s15", "ev-meeting-dates-s20"],
            "Pakistan News Network (S16)",
        ),
        ("timeline-2", ["ev-meeting-dates-s15"], "One more report"),
        ("timeline-2", ["ev-meeting-dates-s20"], "One more report"),
        ("timeline-2", [], "None?"),
        ("timeline-2", ["ev-meeting-plan-afghan-day", "ev-meeting-dates-s16"], "other way round"),
        ("timeline-2", "ev-meeting-dates-s15", "Give a list"),
        ("timeline-2", ["ev-meeting-rescheduled"], "no date of its own"),
        ("timeline-3", "held", "Could it say that something on 30 September took place?"),
        ("timeline-3", "postponed", "put off"),
        ("timeline-3", "cancelled", "called off"),
        ("timeline-3", "happened", "one status from the table"),
    ],
)
def test_wrong_answers_get_their_hint(exercise_id, answer, hint):
    feedback = check(exercise_id, answer)
    assert not feedback.correct
    assert repr(feedback).startswith("✗ Not yet.")
    assert hint in feedback.message


@pytest.mark.parametrize("exercise_id", ["timeline-4", "timeline-5"])
def test_the_written_exercises_keep_the_text(exercise_id):
    saved = write(exercise_id, "According to PTI (S10), published on 29 September, ...")
    assert saved.state == "written"
    assert "kept for your teacher" in saved.message
