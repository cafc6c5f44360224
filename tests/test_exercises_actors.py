"""Lesson 3's exercises accept their answers and give the right hint for common wrong ones."""

from __future__ import annotations

import pytest

from pakafghan.exercises import _REGISTRY, check, write
from pakafghan.exercises.actors import links_resting_on_the_meeting, unnamed_people
from pakafghan.relations import relations_table

#: The answers of this lesson's exercises that store only digests (the common test reads it).
DIGEST_ANSWERS = {"actors-1": "pakistan-foreign-ministry"}


def test_actors_1_the_spokesman_belongs_to_the_foreign_office(ds):
    actors = ds.actors.set_index("actor_id")
    assert actors.loc["shafqat-ali-khan", "parent_id"] == DIGEST_ANSWERS["actors-1"]
    assert actors.loc["pakistan-foreign-ministry", "parent_id"] == "pakistan"
    for answer in ("pakistan-foreign-ministry", "Foreign Office", "Pakistan's Foreign Office"):
        assert check("actors-1", answer).correct, answer
    assert check("actors-1", " the foreign office ").correct
    assert check("actors-1", "Pakistan’s Foreign Office").correct
    assert "where the chain ends" in check("actors-1", "pakistan").message
    assert "spokesman himself" in check("actors-1", "shafqat-ali-khan").message
    assert "not as the minister" in check("actors-1", "ishaq-dar").message
    assert "collective actor" in check("actors-1", "pakistani-officials").message


def test_actors_3_the_ministers_the_article_calls_by_their_office():
    answer = ["muttaqi", "wang-yi", "ishaq-dar"]
    assert unnamed_people() == sorted(answer)
    assert check("actors-3", answer).correct
    assert check("actors-3", list(reversed(answer))).correct
    assert check("actors-3", ["muttaqi"]).message.startswith("Right about him")
    assert "One more official" in check("actors-3", ["wang-yi", "ishaq-dar"]).message
    names = ["Amir Khan Muttaqi", "Wang Yi", "Ishaq Dar"]
    assert "actor ids instead of their names" in check("actors-3", names).message
    assert "names him in full" in check("actors-3", ["khalilzad"]).message
    assert "names in full" in check("actors-3", [*answer, "asim-iftikhar-ahmad"]).message


def test_actors_4_the_links_that_rest_on_facilitating(article):
    rel = relations_table(article)
    pakistan = rel[(rel["source"] == "pakistan") | (rel["target"] == "pakistan")]
    hosting = pakistan[pakistan["kind"] == "hosts"]
    # every hosting link of Pakistan's comes from the announced meeting, where it facilitates
    assert set(hosting["record_id"]) == {"ev-meeting-announced"}
    role = article.event_actors.set_index(["event_id", "actor_id"]).loc[
        ("ev-meeting-announced", "pakistan"), "role"
    ]
    assert role == "facilitator"
    answer = hosting[["source", "target"]].drop_duplicates().shape[0]
    assert answer == 5 == links_resting_on_the_meeting()
    assert check("actors-4", answer).correct
    assert check("actors-4", "5").correct
    everything = pakistan[["source", "target", "kind"]].drop_duplicates().shape[0]
    assert "every link of Pakistan's" in check("actors-4", everything).message
    assert "unsay Khalilzad's criticism" in check("actors-4", 6).message
    assert "think tank's links" in check("actors-4", 10).message
    assert "Count links, not events" in check("actors-4", 1).message
    assert "Some do go" in check("actors-4", 0).message


@pytest.mark.parametrize("exercise_id", ["actors-2", "actors-5"])
def test_the_written_exercises_take_text_and_have_steps(exercise_id):
    exercise = _REGISTRY[exercise_id]
    assert exercise.written and len(exercise.steps) == 3
    assert write(exercise_id, ...).state == "not attempted"
    saved = write(exercise_id, "The Foreign Office's spokesman said so (S7).")
    assert saved.state == "written" and not saved
    with pytest.raises(ValueError, match="use write"):
        check(exercise_id, "text")


def test_right_answers_come_with_an_explanation():
    feedback = check("actors-1", "pakistan-foreign-ministry")
    assert repr(feedback).startswith("✓ Right. The data records the spokesman")
    assert "&lt;" not in feedback._repr_html_()


def test_no_docstring_of_the_module_shows_an_answer():
    import pakafghan.exercises.actors as module

    text = "\n".join([module.__doc__ or ""] + [f.__doc__ or "" for f in (unnamed_people,)])
    assert "pakistan-foreign-ministry" not in text
    for name in ("muttaqi", "wang-yi", "ishaq-dar"):
        assert name not in text
    assert ">>> links_resting_on_the_meeting()\n" not in (links_resting_on_the_meeting.__doc__)
