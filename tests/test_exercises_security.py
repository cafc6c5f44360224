"""Lesson 3's exercises: each accepts its answer, rejects common wrong ones with a hint, and
follows the data."""

from __future__ import annotations

import pytest

from pakafghan.exercises import check
from pakafghan.exercises.security import (
    envoy_groups,
    un_reports_directness,
    who_denies_ttp_presence,
    whose_ttp_figure,
)

RIGHT = {
    "security-1": "taliban",
    "security-2": "reported",
    "security-3": ["ttp", "isis-k", "baloch-insurgents"],
    "security-4": "article-author",
}

WRONG = [
    ("security-1", "pakistan", "cl-018"),
    ("security-1", "un-monitoring-team", "Who says the opposite?"),
    ("security-1", "ttp", "not who makes it"),
    ("security-1", "Afghanistan", "de facto authority"),
    ("security-2", "direct", "quotation marks"),
    ("security-2", "Paraphrase", "which UN reports"),
    ("security-2", "unattributed", "interpreted by some"),
    ("security-2", "confirms", "That is the stance."),
    ("security-3", ["baloch-insurgents", "ttp"], "another group"),
    ("security-3", ["isis-k"], "names more"),
    ("security-3", ["ttp"], "asim-iftikhar-ahmad"),
    ("security-3", ["ttp", "isis-k", "baloch-insurgents", "taliban"], "de facto authority"),
    ("security-3", ["TTP", "ISIS-K", "Baloch insurgents"], "actor id"),
    ("security-4", "pakistan", "not that the number is Pakistan's"),
    ("security-4", "un-monitoring-team", "not for the number"),
    ("security-4", "asim-iftikhar-ahmad", "does not say that the envoy"),
    ("security-4", "ttp", "what is counted"),
]


@pytest.mark.parametrize(("exercise_id", "answer"), RIGHT.items())
def test_right_answers_are_accepted_with_an_explanation(exercise_id, answer):
    feedback = check(exercise_id, answer)
    assert feedback.correct, feedback
    assert repr(feedback).startswith("✓ Right. ") and len(feedback.message) > 40


def test_answers_are_derived_from_the_data():
    assert who_denies_ttp_presence() == "taliban"
    assert un_reports_directness() == "reported"
    assert whose_ttp_figure() == "article-author"
    assert envoy_groups() == ["baloch-insurgents", "isis-k", "ttp"]


@pytest.mark.parametrize(("exercise_id", "answer", "hint"), WRONG)
def test_common_wrong_answers_get_their_hint(exercise_id, answer, hint):
    feedback = check(exercise_id, answer)
    assert not feedback.correct
    assert hint in feedback.message


def test_other_wrong_answers_get_the_default_hint():
    assert "claimant_id" in check("security-1", "nobody").message
    assert "direct, paraphrase, reported, unattributed" in check("security-2", "maybe").message
    assert "list of actor ids" in check("security-3", "ttp, isis-k").message


def test_answers_follow_a_change_in_the_data(data_copy, monkeypatch):
    data_copy.replace(
        "claims",
        "cl-020,pr-ttp-in-afghanistan,un-monitoring-team,confirms,reported,",
        "cl-020,pr-ttp-in-afghanistan,un-monitoring-team,confirms,paraphrase,",
    )
    monkeypatch.setenv("PAKAFGHAN_DATA", str(data_copy.path))
    assert check("security-2", "paraphrase").correct
    assert not check("security-2", "reported").correct
