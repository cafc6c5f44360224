"""Fair framing, by rule: what is contested is marked on every side, and our own voice says
nothing contested.

- Every claim on a proposition that carries a disagreement is ``contested``: the propositions of
  the research notes' twelve conflicts and the fourteen of the notes on what happened next
  (``ALL_CONFLICTS`` in ``test_corroboration``) and every
  proposition on which the data itself holds competing stances, values or versions from
  independent sources (:func:`pakafghan.conflicts.conflicting_propositions`,
  :func:`~pakafghan.conflicts.disputed_propositions`), the article's claims included. The one
  mark kept instead is ``unverified``, where the notes give it: it says more.
- Every event that is one source's version in a conflict is ``contested``, the article's too.
- A contested event's title attributes its version, or is one of the reviewed neutral titles.
- ``armed_group`` and ``opposition_movement`` follow one definition (the codebook's): an actor
  whose description says it fights (armed, militant, insurgent, fighters, camps, attacks) is an
  armed group, whichever government it opposes; an opposition movement's description does not.

Each rule is a function returning what breaks it, so the same check runs on broken copies.
"""

from __future__ import annotations

import re

import pytest
from test_corroboration import ALL_CONFLICTS, CONFLICTS

from pakafghan.conflicts import conflicting_propositions, disputed_propositions
from pakafghan.load import Dataset
from pakafghan.vocabulary import value_labels

#: Marks a claim on a disagreement may carry: contested, or the notes' stronger unverified.
DISAGREEMENT_MARKS = {"contested", "unverified"}

#: Claims the notes mark UNVERIFIED: the NRF's refusal (the article, and its aggregator copy).
UNVERIFIED = {"cl-010", "cl-058"}

#: Words in a title that attribute a version to its source.
ATTRIBUTION = re.compile(
    r"\(as the article|\(the article's|'s account|\bas dated by\b|\(as [A-Z][\w ]* reports"
)

#: Contested events whose titles were reviewed and state nothing disputed: what is disputed
#: about them (a date, a plan's days) is not in the title.
NEUTRAL_TITLES = {
    "ev-kabul-trilateral",
    "ev-trilateral-s43",
    "ev-meeting-plan-afghan-day",
    "ev-meeting-plan-joint-day",
}

#: What makes a description describe a group that fights.
ARMED = re.compile(r"\b(armed|militant|insurgent|fighters?|camps?|attacks?|bombing)", re.I)


def disagreement_propositions(ds: Dataset) -> set[str]:
    """Propositions carrying a disagreement: the notes' conflicts and the data's own."""
    sheet = {pid for c in ALL_CONFLICTS.values() for pid in c.all_propositions}
    return sheet | set(conflicting_propositions(ds)) | set(disputed_propositions(ds.claims))


def unmarked_claims(ds: Dataset) -> list[str]:
    """Claims on a disagreement without a disagreement mark."""
    claims = ds.claims[ds.claims["proposition_id"].isin(disagreement_propositions(ds))]
    marks = claims["confidence"].astype(object)
    return sorted(claims.loc[~marks.isin(DISAGREEMENT_MARKS), "claim_id"])


def unmarked_events(ds: Dataset) -> list[str]:
    """Events that are one source's version in a conflict, without the contested mark."""
    events = ds.events.set_index("event_id")
    ids = {e for c in ALL_CONFLICTS.values() for e in c.events}
    return sorted(e for e in ids if events.loc[e, "confidence"] != "contested")


def unattributed_titles(ds: Dataset) -> list[str]:
    """Contested events whose title neither attributes its version nor was reviewed neutral."""
    contested = ds.events[ds.events["confidence"] == "contested"]
    return sorted(
        eid
        for eid, title in zip(contested["event_id"], contested["title"], strict=True)
        if eid not in NEUTRAL_TITLES and not ATTRIBUTION.search(title)
    )


def kinds_against_descriptions(ds: Dataset) -> list[str]:
    """Armed groups whose description does not say they fight, and opposition movements
    whose description does."""
    actors = ds.actors[ds.actors["kind"].isin(["armed_group", "opposition_movement"])]
    return sorted(
        aid
        for aid, kind, text in zip(
            actors["actor_id"], actors["kind"].astype(str), actors["description"], strict=True
        )
        if (kind == "armed_group") != bool(ARMED.search(text))
    )


# --- the bundled data follows the rules -------------------------------------------------------


def test_the_disagreements_include_the_notes_conflicts_and_the_datas_own(ds):
    found = disagreement_propositions(ds)
    assert {"pr-ttp-in-afghanistan", "pr-pakistan-backs-meeting", "pr-hekmatyar-invited"} <= found
    assert set(conflicting_propositions(ds)) <= found
    assert set(disputed_propositions(ds.claims)) <= found


def test_every_claim_on_a_disagreement_is_contested_on_every_side(ds):
    assert unmarked_claims(ds) == []
    claims = ds.claims[ds.claims["proposition_id"].isin(disagreement_propositions(ds))]
    marks = claims.set_index("claim_id")["confidence"].astype(str)
    assert set(marks[marks == "unverified"].index) == UNVERIFIED
    # the article's own contradicted claims carry the mark, as the reports against them do
    for article, report in (
        ("cl-011", "cl-061"),  # the Foreign Office "has not commented" / it commented on 22 Aug
        ("cl-021", "cl-116"),  # Muttaqi postponed his visit / no UN exemption decided it
        ("cl-025", "cl-127"),  # CPEC's extension newly secured / agreed in Beijing in May
        ("cl-128", "cl-129"),  # "to Kabul" / "to Afghanistan"
        ("cl-027", "cl-028"),  # 25-26 Aug, the majority's date too
    ):
        assert marks[article] == marks[report] == "contested", (article, report)


def test_every_event_in_a_conflict_is_contested_the_articles_included(ds):
    assert unmarked_events(ds) == []
    article_events = ds.events.loc[ds.events["source_id"] == "article", "event_id"]
    in_conflicts = {e for c in CONFLICTS.values() for e in c.events}
    assert {
        "ev-meeting-announced",
        "ev-muttaqi-visit-postponed",
        "ev-kabul-trilateral",
        "ev-cpec-extension-agreed",
    } <= in_conflicts & set(article_events)


def test_contested_versions_are_attributed_in_their_titles(ds):
    assert unattributed_titles(ds) == []
    titles = ds.events.set_index("event_id")["title"]
    assert "the article's account" in titles["ev-cpec-extension-agreed"]
    assert "Afghanistan International's account" in titles["ev-muttaqi-visit-delayed"]
    assert "(as the article tells it)" in titles["ev-muttaqi-visit-postponed"]
    # the title states no contested support of Pakistan's in our own voice
    assert "what the article calls Pakistan's support" in titles["ev-khalilzad-criticism"]


#: Words that take a side when the project describes people with them in its own voice. A
#: designation's own legal name ("Foreign Terrorist Organization") is the designating body's.
LOADED = re.compile(
    r"\b(militants?|terrorists?|regime|martyr(s|dom)?|extremists?|puppets?)\b", re.I
)
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|‘[^’]*’")


def loaded_titles(ds) -> list[str]:
    """Events whose title uses a loaded word outside quotation marks (designations aside)."""
    events = ds.events[ds.events["thread"] != "designations"]
    return sorted(
        e
        for e, t in zip(events["event_id"], events["title"], strict=True)
        if LOADED.search(_QUOTED.sub("", str(t)))
    )


def test_event_titles_use_no_loaded_word_in_our_own_voice(ds):
    assert loaded_titles(ds) == []


def test_a_loaded_title_is_found_and_a_quoted_one_is_not(data_copy):
    data_copy.set_cell(
        "events", "ev-wana-cadet-college-attack", "title", "Militants attack a college"
    )
    data_copy.set_cell("events", "ev-asif-open-war-post", "title", "Asif calls them 'terrorists'")
    assert loaded_titles(data_copy.load()) == ["ev-wana-cadet-college-attack"]


def test_one_definition_of_armed_group_on_every_side(ds):
    assert kinds_against_descriptions(ds) == []
    kinds = ds.actors.set_index("actor_id")["kind"].astype(str)
    # the armed front against the Taliban is of the same kind as the groups fighting Pakistan
    assert {kinds[a] for a in ("nrf", "ttp", "bla", "baloch-insurgents", "isis-k")} == {
        "armed_group"
    }
    labels = value_labels("actors", "kind")
    assert "whatever it opposes" in labels["armed_group"]
    assert "do not describe as fighting" in labels["opposition_movement"]


def test_neutral_stances_do_not_manufacture_disagreement(ds):
    claims = ds.claims.set_index("claim_id")
    # "we do not comment on rumours" is neither a denial nor a dispute
    assert claims.loc["cl-115", "stance"] == "declines_comment"
    # reports that predate a claim and speak of something else complicate it, not dispute it
    for cid in ("cl-059", "cl-060", "cl-127"):
        assert claims.loc[cid, "stance"] == "complicates", cid
    # the two Foreign Office words are about two events, not a contradiction
    open_claims = ds.claims[ds.claims["proposition_id"] == "pr-meeting-open"]
    assert set(open_claims["stance"]) == {"asserts"}
    assert "pr-meeting-open" not in disagreement_propositions(ds)


# --- broken copies: each rule rejects them ------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "mark"),
    [
        ("cl-011", ""),  # the article's side left unmarked
        ("cl-061", "corroborated"),  # a report's side marked as settled
        ("cl-010", ""),  # an unverified claim losing its mark
    ],
)
def test_an_unmarked_side_of_a_disagreement_is_found(data_copy, claim, mark):
    data_copy.set_cell("claims", claim, "confidence", mark)
    assert unmarked_claims(data_copy.load()) == [claim]


def test_a_disagreement_added_later_is_found(data_copy):
    # a new report contradicting the article on an uncontested proposition: the rule now
    # covers the article's claim too, and both rows lack the mark
    data_copy.append(
        "claims",
        "cl-990,pr-meeting-informal,pti,denies,unattributed,,,,a formal meeting,,S10,,A test row.",
    )
    assert unmarked_claims(data_copy.load()) == ["cl-004", "cl-990"]


def test_an_unmarked_event_of_a_conflict_is_found(data_copy):
    data_copy.set_cell("events", "ev-muttaqi-visit-postponed", "confidence", "")
    assert unmarked_events(data_copy.load()) == ["ev-muttaqi-visit-postponed"]


def test_a_contested_title_in_our_own_voice_is_found(data_copy):
    data_copy.set_cell(
        "events",
        "ev-cpec-extension-agreed",
        "title",
        "Agreement on extending CPEC to Kabul, at the trilateral",
    )
    assert unattributed_titles(data_copy.load()) == ["ev-cpec-extension-agreed"]


@pytest.mark.parametrize(
    ("actor", "kind"),
    [("nrf", "opposition_movement"), ("national-resistance-council", "armed_group")],
)
def test_a_kind_against_the_definition_is_found(data_copy, actor, kind):
    data_copy.set_cell("actors", actor, "kind", kind)
    assert kinds_against_descriptions(data_copy.load()) == [actor]
