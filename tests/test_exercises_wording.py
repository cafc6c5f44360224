"""Lesson 8's exercises: each accepts its answer, meets common wrong ones with a hint, and the
derived answer follows the data."""

from __future__ import annotations

import pytest

from pakafghan.exercises import check, write
from pakafghan.exercises.wording import direct_wording_source

#: Answers of this lesson's exercises that store only digests (test_exercises_common reads it).
DIGEST_ANSWERS = {"wording-3": "c"}


@pytest.mark.parametrize(
    ("exercise_id", "answer"),
    [("wording-1", "S2"), ("wording-1", " s2 "), ("wording-3", "c"), ("wording-3", "C")],
)
def test_right_answers_are_accepted_with_an_explanation(exercise_id, answer):
    feedback = check(exercise_id, answer)
    assert feedback.correct, repr(feedback)
    assert repr(feedback).startswith("✓ Right. ") and len(feedback.message) > 40


@pytest.mark.parametrize(
    ("exercise_id", "answer", "hint"),
    [
        ("wording-1", "S22", "rendering of his words"),
        ("wording-1", "S15", "rendering of his words"),
        ("wording-1", "S61", "rendering of his words"),
        ("wording-1", "copy-unspecified", "only in unnamed copies"),
        ("wording-1", "article", "quotes none of his"),
        ("wording-1", "S4", "no row of the data is coded from it"),
        ("wording-1", "S36", "no row of the data is coded from it"),
        ("wording-1", "Khalilzad", "source_id of a row"),
        ("wording-3", "a", "whose postponement"),
        ("wording-3", "b", "'childish'"),
        ("wording-3", "d", "Finding nothing"),
        ("wording-3", "yes", "one letter"),
    ],
)
def test_wrong_answers_get_their_hint(exercise_id, answer, hint):
    feedback = check(exercise_id, answer)
    assert not feedback.correct
    assert repr(feedback).startswith("✗ Not yet.")
    assert hint in feedback.message


@pytest.mark.parametrize("exercise_id", ["wording-2", "wording-4", "wording-5"])
def test_written_answers_are_saved_not_checked(exercise_id):
    feedback = write(exercise_id, "One article, not confirmed elsewhere, says so.")
    assert feedback.state == "written" and not feedback
    with pytest.raises(ValueError, match="use write"):
        check(exercise_id, "anything")


def test_the_article_bears_out_both_notes_of_wording_3(ds):
    from pakafghan.article import article_text

    text = article_text(ds).casefold()
    assert "childish" not in text and "criticized" in text
    # the only postponement the article mentions is of a visit, not of the meeting
    assert text.count("postpone") == 1 and "postponed a scheduled visit" in text
    claims = ds.claims[ds.claims["proposition_id"] == "pr-hosting-unwise"]
    (note,) = claims.loc[claims["source_id"] == "copy-unspecified", "note"]
    assert "does not use it" in note
    article = ds.sources.set_index("source_id").loc["article", "reliability_note"]
    assert "silent on its postponement" in article


def test_derived_answer_comes_from_the_data():
    assert direct_wording_source() == "S2"


def test_derived_answer_follows_a_changed_copy(data_copy, monkeypatch):
    claims = data_copy.text("claims").split("\n")
    line = next(x for x in claims if ",S22," in x and "pr-hosting-unwise" in x)
    data_copy.replace("claims", line, line.replace(",paraphrase,", ",direct,", 1))
    monkeypatch.setenv("PAKAFGHAN_DATA", str(data_copy.path))
    assert direct_wording_source() == ["S2", "S22"]
