"""Lesson 1's exercises accept their answers (from the data) and give hints for common slips."""

from __future__ import annotations

import inspect

import pytest

import pakafghan.exercises.start as start
from pakafghan.article import records_for_sentence, sentences
from pakafghan.exercises import check


def test_answers_follow_the_data(ds):
    assert check("start-1", len(sentences(ds))).correct
    assert check("start-1", str(len(sentences(ds)))).correct
    assert check("start-3", " Planned ").correct
    n = next(s.number for s in sentences(ds) if s.text.startswith("On August 20th"))
    assert check("start-4", len(records_for_sentence(ds, n))).correct
    assert check("start-5", "some-observers").correct


@pytest.mark.parametrize("answer", ["claims", "Claim"])
def test_start_2_accepts_the_claims_table(answer):
    feedback = check("start-2", answer)
    assert feedback.correct
    assert "cl-019" in feedback.message


@pytest.mark.parametrize(
    ("exercise", "answer", "hint"),
    [
        ("start-1", 5, "number of paragraphs"),
        ("start-1", 17, "U.S."),
        ("start-1", 40, "numbers in brackets"),
        ("start-2", "events", "A denial is a stance"),
        ("start-2", "event_actors", "who took part"),
        ("start-2", "propositions", "statement itself"),
        ("start-3", "held", "Read the status column"),
        ("start-3", "postponed", "does not report a postponement"),
        ("start-4", 1, "only the event"),
        ("start-4", 3, "participations only"),
        ("start-4", 4, "count the claims"),
        ("start-5", "pakistan", "who the interpretation is about"),
        ("start-5", "article-author", "does not give it as its own"),
    ],
)
def test_common_wrong_answers_get_their_hint(exercise, answer, hint):
    feedback = check(exercise, answer)
    assert not feedback.correct
    assert hint in feedback.message


def test_answers_are_not_stored_in_plain_text():
    source = inspect.getsource(start).casefold()
    for answer in ("planned", "some-observers", "some observers"):
        assert answer not in source


def test_derived_answers_change_with_the_data(data_copy, monkeypatch):
    data_copy.replace(
        "events",
        "islamabad_meeting,CONSULT,multilateral,political,planned",
        ("islamabad_meeting,CONSULT,multilateral,political,postponed"),
    )
    monkeypatch.setenv("PAKAFGHAN_DATA", str(data_copy.path))
    assert start.meeting_status() == "postponed"
    assert check("start-3", "postponed").correct
