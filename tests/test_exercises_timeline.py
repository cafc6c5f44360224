"""Lesson 4's exercises: each accepts its answer and meets common wrong answers with a hint."""

from __future__ import annotations

import pytest

from pakafghan.exercises import check
from pakafghan.exercises.timeline import (
    days_trilateral_to_meeting,
    islamabad_status_in_article,
    planned_in_article,
    trilateral_date_and_year_source,
)


def test_derived_answers_come_from_the_article_rows(ds, article):
    events = ds.events.set_index("event_id")
    assert trilateral_date_and_year_source() == ["2025-08-20", "S43"]
    assert events.loc["ev-kabul-trilateral", "year_basis"] == "inferred"
    assert islamabad_status_in_article() == events.loc["ev-meeting-announced", "status"]
    events_of_article = article.events
    planned = events_of_article["status"] == "planned"
    assert planned_in_article() == sorted(events_of_article.loc[planned, "event_id"])
    assert "ev-muttaqi-visit-postponed" not in planned_in_article()
    gap = (
        events.loc["ev-meeting-announced", "date_earliest"]
        - events.loc["ev-kabul-trilateral", "date_earliest"]
    )
    assert days_trilateral_to_meeting() == gap.days == 5


@pytest.mark.parametrize(
    ("exercise_id", "answer"),
    [
        ("timeline-1", ["2025-08-20", "S43"]),
        ("timeline-1", ("s43", " 2025-08-20 ")),
        ("timeline-2", "b"),
        ("timeline-2", " B "),
        ("timeline-3", "planned"),
        ("timeline-3", "Planned"),
        ("timeline-4", ["ev-meeting-announced"]),
        ("timeline-5", 5),
        ("timeline-5", "5"),
    ],
)
def test_right_answers_are_accepted(exercise_id, answer):
    feedback = check(exercise_id, answer)
    assert feedback.correct, repr(feedback)
    assert repr(feedback).startswith("✓ Right.")


@pytest.mark.parametrize(
    ("exercise_id", "answer", "hint"),
    [
        ("timeline-1", ["2025-08-20", "article"], "no year"),
        ("timeline-1", ["2025-08-20", "S1"], "year of another event"),
        ("timeline-1", ["August 20th", "S43"], "ISO form"),
        ("timeline-1", "2025-08-20", "list of two items"),
        ("timeline-1", ["2025-08-21", "S43"], "Answer with a list of two items"),
        ("timeline-2", "a", "is there a year"),
        ("timeline-2", "c", "not guessed"),
        ("timeline-2", "d", "not whether the event happened"),
        ("timeline-2", "e", "one letter"),
        ("timeline-3", "held", "A reported plan is not an event that happened."),
        ("timeline-3", "postponed", "the article's account"),
        (
            "timeline-4",
            ["ev-meeting-announced", "ev-muttaqi-visit-postponed"],
            "its status is 'postponed'",
        ),
        ("timeline-4", "ev-meeting-announced", "Give a list"),
        ("timeline-5", 6, "second day"),
        ("timeline-5", 4, "days in between"),
        ("timeline-5", 40, "other reports"),
        ("timeline-5", 12, "Subtract"),
    ],
)
def test_wrong_answers_get_their_hint(exercise_id, answer, hint):
    feedback = check(exercise_id, answer)
    assert not feedback.correct
    assert repr(feedback).startswith("✗ Not yet.")
    assert hint in feedback.message
