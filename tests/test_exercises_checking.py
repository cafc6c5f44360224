"""Lesson 7's exercises: each accepts its answer, meets common wrong ones with a hint, and the
derived answers follow the data."""

from __future__ import annotations

import pytest

from pakafghan.exercises import check, write
from pakafghan.exercises.checking import OUTLETS, independent_nrf_reports, state_outlets

#: Answers of this lesson's exercises that store only digests (test_exercises_common reads it).
DIGEST_ANSWERS = {"checking-1": "d"}


@pytest.mark.parametrize(
    ("exercise_id", "answer"),
    [
        ("checking-1", "d"),
        ("checking-1", " D "),
        ("checking-3", 1),
        ("checking-3", "1"),
        ("checking-4", ["S58", "S43", "S47"]),
        ("checking-4", (" s47", "S43", "s58")),
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
        ("checking-1", "b", "dated only to August"),
        ("checking-1", "c", "not equally placed"),
        ("checking-1", "29-30 Sep", "one letter"),
        ("checking-3", 2, "S18 (MobiCrazy) is an aggregator"),
        ("checking-3", 4, "Not every row asserts"),
        ("checking-3", 3, "do not report the refusal"),
        ("checking-3", 0, "The article itself says it"),
        ("checking-3", 7, "counting a copy as the text it copies"),
        ("checking-4", ["S58"], "A news agency can belong to a state"),
        ("checking-4", ["S47"], "Is it the only one"),
        ("checking-4", ["S43", "S58"], "Pakistan has a news agency"),
        ("checking-4", ["S47", "S58"], "Anadolu"),
        ("checking-4", ["S43", "S47"], "China's international broadcaster"),
        ("checking-4", ["S43", "S47", "S58", "S4"], "exile media, and no page"),
        ("checking-4", ["S43", "S47", "S58", "S3"], "privately owned"),
        ("checking-4", "CGTN", "list of source ids"),
    ],
)
def test_wrong_answers_get_their_hint(exercise_id, answer, hint):
    feedback = check(exercise_id, answer)
    assert not feedback.correct
    assert repr(feedback).startswith("✗ Not yet.")
    assert hint in feedback.message


@pytest.mark.parametrize("exercise_id", ["checking-2", "checking-5"])
def test_written_answers_are_saved_not_checked(exercise_id):
    feedback = write(exercise_id, "PTI reported on 29 September that the meeting had begun.")
    assert feedback.state == "written" and not feedback
    with pytest.raises(ValueError, match="use write"):
        check(exercise_id, "anything")


def test_derived_answers_come_from_the_data():
    assert independent_nrf_reports() == 1
    assert state_outlets() == ["S43", "S47", "S58"]
    assert set(state_outlets()) <= set(OUTLETS)


def test_derived_answers_follow_a_changed_copy(data_copy, monkeypatch):
    # an independent report asserting the refusal would make it two sources
    data_copy.append(
        "claims", "cl-993,pr-nrf-declined,hindustan-times,asserts,unattributed,,,,,,S9,,Test row."
    )
    # and Ariana News profiled as state-owned would add it to the state outlets
    line = next(x for x in data_copy.text("sources").split("\n") if x.startswith("S3,"))
    data_copy.replace("sources", line, line.replace(",private,", ",state_owned,", 1))
    monkeypatch.setenv("PAKAFGHAN_DATA", str(data_copy.path))
    assert independent_nrf_reports() == 2
    assert check("checking-3", 2).correct
    assert not check("checking-3", 1).correct
    assert state_outlets() == ["S3", "S43", "S47", "S58"]
