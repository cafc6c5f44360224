"""Lesson 5's exercises and the report the class codes."""

from __future__ import annotations

import inspect

import pytest

import pakafghan.exercises.project as project
from pakafghan.exercises import check
from pakafghan.exercises.project import (
    REPORT_PARAPHRASE,
    REPORT_SOURCE,
    days_until_held,
    project_event_count,
    report_html,
)
from pakafghan.html import html_text
from pakafghan.select import select


def test_the_report_shows_the_source_details_from_the_data(ds):
    html = report_html(ds)
    source = ds.sources.set_index("source_id").loc[REPORT_SOURCE]
    assert "Press Trust of India" in source["publisher"]
    for value in (source["publisher"], source["url"], source["published_text"]):
        assert html_text(value) in html
    assert "our paraphrase" in html
    assert "29 and 30 September 2025" in REPORT_PARAPHRASE


def test_the_paraphrase_agrees_with_the_projects_coding_of_the_report(ds):
    events = select(ds, sources=[REPORT_SOURCE]).events
    held = events[events["status"] == "held"]
    assert held["date_earliest"].min().strftime("%Y-%m-%d") == "2025-09-29"
    # published on 29 Sep, the report can tell the first day as held, the second as programmed
    assert held["date_latest"].max().strftime("%Y-%m-%d") == "2025-09-29"
    assert events["date_latest"].max().strftime("%Y-%m-%d") == "2025-09-30"
    assert set(events["place_id"]) == {"islamabad"}


def test_the_report_is_escaped(data_copy):
    data_copy.replace("sources", "Press Trust of India (via NewsDrum)", "<b>PTI</b> & co")
    html = report_html(data_copy.load())
    assert "<b>PTI</b>" not in html and "&lt;b&gt;PTI&lt;/b&gt; &amp; co" in html


def test_derived_answers_follow_the_data(ds):
    events = ds.events.set_index("event_id")
    announced = events.loc["ev-meeting-announced", "date_earliest"]
    held = events.loc["ev-meeting-held", "date_earliest"]
    assert days_until_held() == (held - announced).days
    assert check("project-4", (held - announced).days).correct
    assert project_event_count() == len(select(ds, sources=["S10"]).events)
    assert check("project-5", project_event_count()).correct


@pytest.mark.parametrize(
    ("exercise", "answer"),
    [
        ("project-1", ["date_latest", "status"]),
        ("project-1", ("Status", "date_latest")),
        ("project-2", "Held"),
        ("project-3", "related_event_id"),
    ],
)
def test_right_answers_are_accepted(exercise, answer):
    assert check(exercise, answer).correct


@pytest.mark.parametrize(
    ("exercise", "answer", "hint"),
    [
        ("project-1", ["status"], "That is one of them"),
        ("project-1", ["date_earliest", "status"], "which of the two dates"),
        ("project-1", ["date_earliest", "date_latest"], "Only one date is wrong"),
        ("project-1", "status", "list of two field names"),
        ("project-2", "happened", "the validator refused"),
        ("project-2", "planned", "That is the article's event"),
        ("project-3", "thread", "strand of the story"),
        ("project-3", "event_id", "the row's own key"),
        ("project-4", 30, "August has 31 days"),
        ("project-4", 36, "reaches the second day"),
        ("project-5", 1, "how many you coded"),
    ],
)
def test_common_wrong_answers_get_their_hint(exercise, answer, hint):
    feedback = check(exercise, answer)
    assert not feedback.correct
    assert hint in feedback.message


def test_stored_answers_are_not_in_plain_text():
    source = inspect.getsource(project)
    for answer in ("related_event_id", "'held'", '"held"', '"date_latest"'):
        assert answer not in source
