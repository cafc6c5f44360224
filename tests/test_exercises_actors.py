"""Lesson 2's exercises accept their answers and give the right hint for common wrong ones."""

from __future__ import annotations

from pakafghan.exercises import check
from pakafghan.exercises.actors import acting_kinds, most_linked, unnamed_people
from pakafghan.views import claims_view, participations_view


def test_actors_1_the_envoy_acts_for_pakistan():
    assert check("actors-1", "pakistan").correct
    assert check("actors-1", " Pakistan ").correct
    assert "parent_id" in check("actors-1", "un").message
    assert "where he speaks" in check("actors-1", "un-security-council").message
    assert "envoy himself" in check("actors-1", "asim-iftikhar-ahmad").message


def test_actors_3_counts_kinds_of_the_actors_who_act_in_the_article(article):
    # an independent count, from the joined views
    acting = set(participations_view(article)["kind"].astype(str))
    acting |= set(claims_view(article)["claimant_kind"].astype(str))
    assert acting_kinds() == len(acting)
    assert {"observers", "media_outlet", "de_facto_authority"} <= acting
    # the one armed group acting in the article is the NRF, which declined an invitation
    assert "armed_group" in acting
    armed = set(article.actors.loc[article.actors["kind"] == "armed_group", "actor_id"])
    assert armed & set(article.event_actors["actor_id"]) == {"nrf"}
    assert check("actors-3", len(acting)).correct
    assert check("actors-3", str(len(acting))).correct
    assert "every kind in the actors table" in check("actors-3", 12).message
    assert "counts actors" in check("actors-3", 20).message


def test_actors_2_unattributed_means_nobody_is_named():
    assert check("actors-2", "a").correct
    assert check("actors-2", "A ").correct
    assert "not whether the claim is true" in check("actors-2", "c").message
    assert "no reason" in check("actors-2", "b").message
    assert check("actors-2", "e").message == "Answer with one letter: a, b, c or d."


def test_actors_4_the_ministers_the_article_calls_by_their_office():
    answer = ["muttaqi", "wang-yi", "ishaq-dar"]
    assert unnamed_people() == sorted(answer)
    assert check("actors-4", answer).correct
    assert check("actors-4", list(reversed(answer))).correct
    assert check("actors-4", ["muttaqi"]).message.startswith("Right about him")
    assert "One more official" in check("actors-4", ["wang-yi", "ishaq-dar"]).message
    names = ["Amir Khan Muttaqi", "Wang Yi", "Ishaq Dar"]
    assert "actor ids instead of their names" in check("actors-4", names).message
    assert "names him in full" in check("actors-4", ["khalilzad"]).message


def test_actors_5_the_most_linked_actor_in_the_articles_network():
    assert most_linked() == "pakistan"
    assert check("actors-5", "pakistan").correct
    assert check("actors-5", "Pakistan").correct
    assert "text alternative" in check("actors-5", "afghanistan").message
    assert "one actor has more links" in check("actors-5", "afghan-exiles").message


def test_right_answers_come_with_an_explanation():
    feedback = check("actors-2", "a")
    assert repr(feedback).startswith("✓ Right. “Interpreted by some” names nobody")
    assert "&lt;" not in feedback._repr_html_()
