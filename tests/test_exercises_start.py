"""Lesson 1's exercises accept their answers (from the data) and give hints for common slips."""

from __future__ import annotations

import inspect

import pytest

import pakafghan.exercises.start as start
from pakafghan.article import records_for_sentence, sentence_number
from pakafghan.exercises import check, write

#: Answers stored only as digests (test_exercises_common checks them): none here, since every
#: checked exercise of lesson 1 derives its answer from the data.
DIGEST_ANSWERS: dict[str, object] = {}

#: Exercise start-1's key, as the lesson's guide gives it (sentences 1, 5, 8, 13, 16, 18).
VOICES = ["did", "says", "says", "did", "did", "judgement"]


def test_the_voice_sentences_are_the_ones_the_lesson_names(ds):
    assert start.voice_numbers() == [1, 5, 8, 13, 16, 18]
    assert [sentence_number(ds, w) for w in start.VOICE_SENTENCES] == start.voice_numbers()


@pytest.mark.parametrize(
    "answer",
    [
        " ".join(VOICES),
        ", ".join(v.upper() for v in VOICES),
        VOICES,
        dict(zip([1, 5, 8, 13, 16, 18], VOICES, strict=True)),
        " ".join(VOICES).replace("judgement", "judgment"),
    ],
)
def test_start_1_accepts_the_labels_in_several_forms(answer):
    feedback = check("start-1", answer)
    assert feedback.correct
    assert "interprets" in feedback.message


@pytest.mark.parametrize(
    ("position", "wrong", "hint"),
    [
        (1, "judgement", "even without a name"),
        (1, "did", "how the move is read"),
        (2, "did", "Whose view is it?"),
        (2, "judgement", "names at its start"),
        (5, "did", "weighs the outcome"),
        (5, "says", "even say “some”"),
        (0, "says", "someone's words or views"),
        (0, "judgement", "word of assessment"),
        (3, "says", "something the NRF did"),
        (4, "judgement", "no word in it weighs"),
    ],
)
def test_start_1_gives_the_hint_for_the_first_confusion(position, wrong, hint):
    labels = list(VOICES)
    labels[position] = wrong
    feedback = check("start-1", " ".join(labels))
    assert not feedback.correct
    assert feedback.message.startswith("5 of 6 right. Sentence ")
    assert hint in feedback.message


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        ("did says", "Give six labels"),
        ("did says fact did did judgement", "“fact” is not one of the labels"),
        ({1: "did", 2: "says"}, "for each of sentences 1, 5, 8, 13, 16, 18"),
        (42, "Give six labels"),
    ],
)
def test_start_1_says_what_is_wrong_with_the_form(answer, hint):
    feedback = check("start-1", answer)
    assert not feedback.correct
    assert hint in feedback.message


def test_start_1_key_follows_the_data(data_copy, monkeypatch):
    """The author's 'interprets' claim in sentence 18 makes it a judgement: recode it, and the
    key follows."""
    data_copy.replace(
        "claims",
        "cl-024,pr-china-strategic-goals,article-author,interprets",
        "cl-024,pr-china-strategic-goals,article-author,asserts",
    )
    monkeypatch.setenv("PAKAFGHAN_DATA", str(data_copy.path))
    assert start.voice_labels().split()[-1] == "did"


def test_start_3_and_5_follow_the_data(ds):
    assert check("start-3", " Planned ").correct
    n = sentence_number(ds, start.GUESTS_SENTENCE)
    records = records_for_sentence(ds, n)
    assert check("start-5", int((records["table"] == "participation").sum())).correct
    assert check("start-5", 5).correct


@pytest.mark.parametrize(
    ("exercise", "answer", "hint"),
    [
        ("start-3", "held", "Compare the dates"),
        ("start-3", "postponed", "does not report a postponement"),
        ("start-3", "cancelled", "what did the article know"),
        ("start-5", 1, "One row per actor"),
        ("start-5", 2, "Two passages carry a P"),
        ("start-5", 4, "alongside"),
        ("start-5", 30, "Count the groups"),
    ],
)
def test_common_wrong_answers_get_their_hint(exercise, answer, hint):
    feedback = check(exercise, answer)
    assert not feedback.correct
    assert hint in feedback.message


@pytest.mark.parametrize("exercise", ["start-2", "start-4"])
def test_the_written_exercises_keep_the_text(exercise):
    assert write(exercise, "Sentence 5 gives the view to “some”, not to the author.").state == (
        "written"
    )


def test_answers_are_not_stored_in_plain_text():
    source = inspect.getsource(start).casefold()
    for answer in ("planned", " ".join(VOICES)):
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
