"""Claims about an actor: named as the subject, or mentioned in the statement."""

from __future__ import annotations

import pandas as pd
import pytest

from pakafghan.claims import ALL_SECURITY, armed_groups, claims_about, mention_terms
from pakafghan.views import claims_view


def test_mention_terms_are_the_name_its_parts_and_the_id():
    assert mention_terms("TTP (Pakistani Taliban)", "ttp") == [
        "Pakistani Taliban",
        "TTP",
        "TTP (Pakistani Taliban)",
    ]
    assert mention_terms("Baloch insurgents", "baloch-insurgents") == [
        "Baloch insurgents",
        "baloch-insurgents",
    ]
    assert mention_terms("United Nations (UN)", "un") == ["United Nations", "United Nations (UN)"]


def test_claims_about_a_group_are_claims_view_rows(ds):
    about = claims_about(ds, "ttp")
    assert list(about.columns) == list(claims_view(ds).columns)
    assert {"cl-016", "cl-017", "cl-018", "cl-019", "cl-020"} <= set(about["claim_id"])
    assert about.index.tolist() == list(range(len(about)))


def test_the_subject_or_a_mention_makes_a_claim_about_a_group(ds):
    about = claims_about(ds, "ttp")
    subject = about["subject_actor_id"] == "ttp"
    assert subject.fillna(False).any()
    mentioned = about.loc[~subject.fillna(False).astype(bool), "statement"]
    assert mentioned.str.contains("TTP|Pakistani Taliban", case=False).all()
    # named only in a statement
    assert "cl-015" in set(claims_about(ds, "baloch-insurgents")["claim_id"])
    isis = set(claims_about(ds, "isis-k")["claim_id"])
    assert "cl-014" in isis and "cl-019" not in isis


def test_a_name_inside_another_word_is_not_a_mention(ds):
    about = set(claims_about(ds, "pakistan")["claim_id"])
    view = claims_view(ds)
    # "Pakistani" holds "Pakistan" only inside a longer word
    inside = view[
        view["statement"].str.contains("Pakistani")
        & ~view["statement"].str.contains(r"Pakistan\b", regex=True)
        & (view["subject_actor_id"] != "pakistan").fillna(True)
    ]
    assert len(inside) > 0
    assert not set(inside["claim_id"]) & about
    # nor one joined by a hyphen ("Pakistan-Afghanistan"), as in ids
    hyphened = view[view["statement"].str.contains("Pakistan-Afghanistan", regex=False)]
    assert len(hyphened) > 0 and not set(hyphened["claim_id"]) & about
    named = view[view["statement"].str.contains(r"(?<![\w-])Pakistan(?![\w-])", regex=True)]
    assert len(named) > 0 and set(named["claim_id"]) <= about


def test_terms_shorter_than_three_letters_are_not_searched(ds):
    # the UN's id and acronym are too short to search for safely ("fund", "unstable")
    statements = set(claims_about(ds, "un")["statement"])
    assert statements == {"What post Asim Iftikhar Ahmad holds at the United Nations."}


def test_all_security_is_every_security_claim(ds):
    security = claims_about(ds, ALL_SECURITY)
    view = claims_view(ds)
    assert set(security["claim_id"]) == set(view.loc[view["topic"] == "security", "claim_id"])


def test_an_unknown_actor_is_an_error(ds):
    with pytest.raises(KeyError, match="no actor 'nobody' in actors.csv"):
        claims_about(ds, "nobody")


def test_armed_groups_most_talked_about_first(ds):
    groups = armed_groups(ds)
    ids = [aid for _, aid in groups]
    assert set(ids) == set(ds.actors.loc[ds.actors["kind"] == "armed_group", "actor_id"])
    assert {"ttp", "isis-k", "baloch-insurgents"} <= set(ids)
    assert groups[0] == ("TTP (Pakistani Taliban)", "ttp")
    ranked = [(-len(claims_about(ds, aid)), name.casefold()) for name, aid in groups]
    assert ranked == sorted(ranked)


def test_claims_by_an_actor_include_its_officials_and_bodies(ds):
    from pakafghan.claims import claims_by

    rows = claims_by(ds, "taliban", topic="security")
    parents = ds.actors.set_index("actor_id")["parent_id"]
    names = ds.actors.set_index("actor_id")["name"]
    members = {"taliban"}
    while more := {a for a, p in parents.items() if isinstance(p, str) and p in members} - members:
        members |= more
    view = ds.claims[ds.claims["claimant_id"].isin(members)]
    topics = ds.propositions.set_index("proposition_id")["topic"]
    expected = sorted(
        c
        for c, p in zip(view["claim_id"], view["proposition_id"], strict=True)
        if topics[p] == "security"
    )
    assert rows["claim_id"].tolist() == expected
    assert {"cl-110", "cl-134"} <= set(rows["claim_id"])
    assert set(rows["claimant"]) <= {str(names[m]) for m in members}
    assert list(rows.columns) == [
        "claim_id",
        "claimant",
        "stance",
        "statement",
        "source_id",
        "published_text",
    ]
    assert len(claims_by(ds, "taliban")) > len(rows)
    with pytest.raises(KeyError, match="no actor 'nobody'"):
        claims_by(ds, "nobody")


def test_designations_list_who_decided_what_and_when_with_the_source(ds):
    from pakafghan.claims import designations

    table = designations(ds, about=True)
    events = ds.events[ds.events["thread"] == "designations"]
    assert len(table) == len(events)
    assert list(table.columns) == ["when", "by", "about", "decision", "source_id"]
    un_ttp = table[table["decision"].str.contains("adds the TTP")].iloc[0]
    assert "1267 Committee" in un_ttp["by"] and "TTP" in un_ttp["about"]
    assert un_ttp["source_id"] == "C26"
    request = table[table["decision"].str.startswith("Pakistan and China")].iloc[0]
    assert request["by"] == "Pakistan, China"
    firsts = events.set_index("title").loc[table["decision"], "date_earliest"]
    assert firsts.is_monotonic_increasing
    assert "about" not in designations(ds).columns


def test_claims_by_until_a_day_keeps_earlier_and_undated_sources(ds):
    from pakafghan.claims import claims_by
    from pakafghan.views import first_published

    every = claims_by(ds, "taliban")
    early = claims_by(ds, "taliban", until="2025-09-30")
    first = first_published(ds.sources.set_index("source_id"))
    kept = every["source_id"].map(first)
    expected = every[kept.isna() | (kept <= pd.Timestamp("2025-09-30"))]
    assert early["claim_id"].tolist() == expected["claim_id"].tolist()
    assert "cl-019" in set(early["claim_id"])
    assert all(
        first[s] <= pd.Timestamp("2025-09-30") for s in early["source_id"] if pd.notna(first[s])
    )
