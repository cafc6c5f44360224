"""Lesson 4's exercises: each checked one accepts its answer, rejects common wrong ones with a
hint, and follows the data; the written one keeps the learner's text."""

from __future__ import annotations

import pytest

from pakafghan.exercises import RECORD, check, write
from pakafghan.exercises.security import (
    envoy_groups,
    un_reports_directness,
    who_denies_ttp_presence,
    whose_ttp_figure,
)

#: Answers of this lesson's exercises that store only digests (test_exercises_common imports
#: it). Every checked exercise of this lesson derives its answer from the data, so none.
DIGEST_ANSWERS: dict[str, object] = {}

RIGHT = {
    "security-1": "taliban",
    "security-2": "reported",
    "security-3": "article-author",
    "security-5": ["ttp", "isis-k", "baloch-insurgents"],
}

WRONG = [
    ("security-1", "pakistan", "Who says the opposite?"),
    ("security-1", "un-monitoring-team", "second half of sentence 12"),
    ("security-1", "ttp", "not who makes it"),
    ("security-1", "Afghanistan", "de facto authority"),
    ("security-2", "direct", "quotation marks"),
    ("security-2", "Paraphrase", "which UN reports"),
    ("security-2", "unattributed", "interpreted by some"),
    ("security-2", "confirms", "That is the stance."),
    ("security-3", "pakistan", "not that the number is Pakistan's"),
    ("security-3", "un-monitoring-team", "not for the number"),
    ("security-3", "asim-iftikhar-ahmad", "does not say that the envoy"),
    ("security-3", "ttp", "what is counted"),
    ("security-3", "article", "the source's id"),
    ("security-3", "The article", "give it as an actor id"),
    ("security-5", ["baloch-insurgents", "ttp"], "another group"),
    ("security-5", ["isis-k"], "names more"),
    ("security-5", ["ttp"], "asim-iftikhar-ahmad"),
    ("security-5", ["ttp", "isis-k", "baloch-insurgents", "taliban"], "de facto authority"),
    ("security-5", ["TTP", "ISIS-K", "Baloch insurgents"], "actor id"),
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
    assert "actor id" in check("security-1", "nobody").message
    assert "direct, paraphrase, reported, unattributed" in check("security-2", "maybe").message
    assert "claimant of the article's number" in check("security-3", "nobody").message
    assert "list of actor ids" in check("security-5", "ttp, isis-k").message


def test_the_written_exercise_keeps_the_text_and_is_not_checked():
    text = "The article gives about 6,000 fighters without saying whose figure it is."
    feedback = write("security-4", text)
    assert feedback.state == "written" and not feedback
    assert RECORD.get("security-4").text == text
    assert write("security-4", ...).state == "not attempted"
    with pytest.raises(ValueError, match="use write"):
        check("security-4", text)


def test_no_exercise_text_gives_a_checked_answer_away():
    """The steps of the written exercise do not name whose figure the article's number is."""
    from pakafghan.exercises import _REGISTRY

    for step in _REGISTRY["security-4"].steps:
        assert "article-author" not in step and "article author" not in step.casefold()


def test_answers_follow_a_change_in_the_data(data_copy, monkeypatch):
    data_copy.replace(
        "claims",
        "cl-020,pr-ttp-in-afghanistan,un-monitoring-team,confirms,reported,",
        "cl-020,pr-ttp-in-afghanistan,un-monitoring-team,confirms,paraphrase,",
    )
    monkeypatch.setenv("PAKAFGHAN_DATA", str(data_copy.path))
    assert check("security-2", "paraphrase").correct
    assert not check("security-2", "reported").correct
