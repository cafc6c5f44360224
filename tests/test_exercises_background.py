"""Lesson 2's exercises: predictions that follow the data, and a choice to justify."""

from __future__ import annotations

import pytest

import pakafghan.exercises.background as background
from pakafghan.exercises import check, write

#: Answers stored as digests (the common test checks them against the module).
DIGEST_ANSWERS = {"background-4": "b", "background-6": "no"}


def test_the_predictions_follow_the_data(ds):
    claims = ds.claims
    china = claims[claims["proposition_id"] == "pr-china-credentials-mean-recognition"]
    expected = "no" if set(china["stance"]) == {"denies"} else "yes"
    assert check("background-1", expected)
    lengths = claims.loc[claims["proposition_id"] == "pr-durand-line-length", "value"]
    assert check("background-2", lengths.nunique())
    assert check("background-2", str(lengths.nunique()))


def test_a_derived_answer_changes_with_the_data(data_copy, monkeypatch):
    """If every report gave the same length, the right prediction would be 1."""
    from pakafghan import load_dataset

    for claim in ("cl-147", "cl-148", "cl-149"):
        data_copy.set_cell("claims", claim, "value", "2600")
    monkeypatch.setattr(background, "load_dataset", lambda: load_dataset(data_copy.path))
    assert background.durand_lengths() == 1


@pytest.mark.parametrize(
    ("exercise", "answer", "hint"),
    [
        ("background-1", "yes", "Receiving an ambassador is an act"),
        ("background-2", 1, "compare the numbers"),
        ("background-2", 5, "any two"),
        ("background-4", "a", "who denies it"),
        ("background-4", "c", "India denies it"),
        ("background-6", "yes", "periods in brackets"),
    ],
)
def test_common_wrong_answers_get_their_hint(exercise, answer, hint):
    feedback = check(exercise, answer)
    assert not feedback and hint in feedback.message


@pytest.mark.parametrize("exercise", ["background-3", "background-5"])
def test_written_answers_are_saved(exercise):
    assert write(exercise, "The Durand Line was agreed in 1893.").state == "written"
