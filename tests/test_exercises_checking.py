"""Lesson 6's exercises: each accepts its answer, meets common wrong ones with a hint, and the
derived answers follow the data."""

from __future__ import annotations

import pytest

from pakafghan.exercises import check
from pakafghan.exercises.checking import fo_comment_report_and_day, independent_nrf_reports


@pytest.mark.parametrize(
    ("exercise_id", "answer"),
    [
        ("checking-1", "b"),
        ("checking-1", " B "),
        ("checking-2", 1),
        ("checking-2", "1"),
        ("checking-3", "c"),
        ("checking-4", ["S7", "2025-08-22"]),
        ("checking-4", ("2025-08-22", " s7 ")),
    ],
)
def test_right_answers_are_accepted_with_an_explanation(exercise_id, answer):
    feedback = check(exercise_id, answer)
    assert feedback.correct, repr(feedback)
    assert repr(feedback).startswith("✓ Right. ") and len(feedback.message) > 40


@pytest.mark.parametrize(
    ("exercise_id", "answer", "hint"),
    [
        ("checking-1", "a", "written before those days"),
        ("checking-1", "c", "An outlet's name does not make"),
        ("checking-1", "d", "not equally placed"),
        ("checking-1", "29-30 Sep", "one letter"),
        ("checking-2", 2, "S18 (MobiCrazy) is an aggregator"),
        ("checking-2", 5, "one text: one source"),
        ("checking-2", 4, "not separate sources"),
        ("checking-2", 3, "do not report the refusal"),
        ("checking-2", 0, "The article itself says it"),
        ("checking-2", 7, "counting a copy as its original"),
        ("checking-3", "a", "in our own voice"),
        ("checking-3", "b", "one source"),
        ("checking-3", "d", "not proven false"),
        ("checking-3", "e", "one letter"),
        ("checking-4", ["article", "2025-08-22"], "says there was no comment"),
        ("checking-4", ["S3", "2025-08-22"], "cites another report"),
        ("checking-4", ["S4", "2025-08-22"], "cites another report"),
        ("checking-4", ["S7", "2025-08-23"], "date_earliest"),
        ("checking-4", "S7", "Add the day"),
        ("checking-4", "2025-08-22", "Add the report's source_id"),
        ("checking-4", ["S10", "2025-09-29"], "disputes"),
    ],
)
def test_wrong_answers_get_their_hint(exercise_id, answer, hint):
    feedback = check(exercise_id, answer)
    assert not feedback.correct
    assert repr(feedback).startswith("✗ Not yet.")
    assert hint in feedback.message


def test_derived_answers_come_from_the_data():
    assert independent_nrf_reports() == 1
    assert fo_comment_report_and_day() == ["S7", "2025-08-22"]


def test_derived_answers_follow_a_changed_copy(data_copy, monkeypatch):
    # an independent report asserting the refusal would make it two sources
    data_copy.append(
        "claims", "cl-993,pr-nrf-declined,hindustan-times,asserts,unattributed,,,,,,S9,,Test row."
    )
    # and the briefing a day earlier would change the answer about the Foreign Office
    briefing = "ev-fo-briefing,"
    line = next(x for x in data_copy.text("events").split("\n") if x.startswith(briefing))
    data_copy.replace(
        "events", line, line.replace("22 Aug,2025-08-22,2025-08-22", "21 Aug,2025-08-21,2025-08-21")
    )
    monkeypatch.setenv("PAKAFGHAN_DATA", str(data_copy.path))
    assert independent_nrf_reports() == 2
    assert fo_comment_report_and_day() == ["S7", "2025-08-21"]
    assert check("checking-2", 2).correct
    assert not check("checking-2", 1).correct
