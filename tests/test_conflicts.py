"""Where sources disagree: versions per source, conflicts derived from the claims, the table."""

from __future__ import annotations

import pandas as pd
import pytest
from test_corroboration import CONFLICTS

from pakafghan.conflicts import (
    CATEGORIES,
    category_of,
    conflicting_propositions,
    conflicts_table,
    disputed_propositions,
    says,
    versions,
)
from pakafghan.views import original_of

SHEET_PROPOSITIONS = sorted({pid for c in CONFLICTS.values() for pid in c.propositions})


@pytest.fixture(scope="module")
def table(ds):
    return conflicts_table(ds)


# --- versions ---------------------------------------------------------------------------------


def test_versions_hold_every_claim_with_its_source_and_independence(ds):
    rows = versions(ds, "pr-nrf-declined")
    expected = set(ds.claims.loc[ds.claims["proposition_id"] == "pr-nrf-declined", "claim_id"])
    assert set(rows["claim_id"]) == expected
    by_source = rows.set_index("source_id")
    assert by_source.loc["S18", "original"] == "article"
    assert by_source.loc["S18", "copy_of"] == "article"
    assert by_source.loc["S18", "reliability"] == "syndicated_copy"
    assert by_source.loc["S1", "original"] == "S1" and pd.isna(by_source.loc["S1", "copy_of"])
    assert by_source.loc["S1", "stance"] == "complicates"
    assert by_source.loc["article", "quote"].startswith("The National Resistance Front")
    assert by_source.loc["S9", "publisher"] == "Hindustan Times"
    for column in ("published_text", "directness", "claimant", "confidence", "note", "value"):
        assert column in rows.columns


def test_versions_are_earliest_published_first(ds):
    rows = versions(ds, "pr-meeting-headcount")
    dates = list(rows["published"])
    assert dates == sorted(dates)
    assert rows["source_id"].iloc[-1] == "S10"
    assert dict(zip(rows["source_id"], rows["value"], strict=True))["S9"] == 40


def test_versions_of_an_unknown_proposition(ds):
    with pytest.raises(KeyError, match="pr-nothing"):
        versions(ds, "pr-nothing")


# --- conflicting_propositions -----------------------------------------------------------------


def test_the_research_sheets_conflicts_are_found(ds):
    found = conflicting_propositions(ds)
    assert found == sorted(found)
    assert set(SHEET_PROPOSITIONS) <= set(found)
    for pid in ("pr-meeting-headcount", "pr-meeting-dates", "pr-meeting-name", "pr-fo-silent"):
        assert pid in found


def test_agreeing_or_single_sources_are_not_conflicts(ds):
    found = set(conflicting_propositions(ds))
    # every source gives the same number (6,000), in different words
    sizes = ds.claims.loc[ds.claims["proposition_id"] == "pr-ttp-size", "value"]
    assert sizes.nunique() == 1 and "pr-ttp-size" not in found
    # only one of the two sources gives a version in words
    assert "pr-afghanistan-unstable" not in found
    # one source only
    single = ds.claims.groupby("proposition_id")["source_id"].agg(
        lambda s: len(set(s.map(original_of(ds))))
    )
    assert not found & set(single[single == 1].index)


def test_conflicts_follow_the_data(data_copy):
    # S7's report of the briefing is the only version against the article's "has not
    # commented": without it, no conflict
    lines = data_copy.text("claims").split("\n")
    kept = [x for x in lines if not x.startswith("cl-061,")]
    assert len(kept) == len(lines) - 1
    data_copy.write("claims", "\n".join(kept))
    # a copy of the article contradicting the article is still one source...
    data_copy.append(
        "claims", "cl-990,pr-meeting-informal,nrf,denies,reported,,,,formal,,S18,,A test row."
    )
    copy = data_copy.load()
    found = conflicting_propositions(copy)
    assert "pr-fo-silent" not in found
    assert "pr-meeting-informal" not in found
    # ...but an independent report contradicting it makes a conflict
    data_copy.append(
        "claims", "cl-991,pr-meeting-informal,pti,denies,unattributed,,,,formal,,S10,,A test row."
    )
    assert "pr-meeting-informal" in conflicting_propositions(data_copy.load())


# --- categories and the table -----------------------------------------------------------------


def test_categories_are_read_from_the_propositions_wording():
    assert category_of("How many fighters the TTP has.", "fighters") == "number"
    assert category_of("When CPEC was launched.", None) == "date"
    assert category_of("Why the meeting was postponed.", pd.NA) == "reason"
    assert category_of("Who organises the meeting.", None) == "name"
    assert category_of("What the meeting is called.", None) == "name"
    assert category_of("Where CPEC is to be extended.", None) == "name"
    assert category_of("The NRF declined its invitation.", None) == "other"
    assert category_of("", None) == "other"


def test_says_prefers_words_then_the_number():
    assert says(30.0, "about 30 expected", "people") == "about 30 expected"
    assert says(36.0, pd.NA, "people") == "36 people"
    assert says(2.5, None) == "2.5"
    assert says(pd.NA, pd.NA) is None


def test_table_has_one_row_per_proposition_and_independent_source(ds, table):
    assert not table.duplicated(["proposition_id", "source_id"]).any()
    assert set(table["proposition_id"]) == set(conflicting_propositions(ds))
    assert set(table["source_id"]) <= set(original_of(ds).values())
    nrf = table[table["proposition_id"] == "pr-nrf-declined"].set_index("source_id")
    assert nrf.loc["article", "cited"] == "S18, article"
    assert nrf.loc["article", "version"] == "declined | NRF confirmed it declined"
    assert nrf.loc["article", "confidence"] == "unverified"
    assert "S18" not in nrf.index
    wording = table[table["proposition_id"] == "pr-hosting-unwise"].set_index("source_id")
    assert wording.loc["article", "cited"] == "copy-unspecified"
    assert wording.loc["S2", "version"].count(" | ") == 1


def test_table_categories_and_order(table):
    expected = {
        "pr-meeting-headcount": "number",
        "pr-cpec-value": "number",
        "pr-meeting-name": "name",
        "pr-meeting-organiser": "name",
        "pr-asim-title": "name",
        "pr-meeting-dates": "date",
        "pr-trilateral-date": "date",
        "pr-meeting-postponement-reason": "reason",
        "pr-fo-silent": "other",
        "pr-nrf-declined": "other",
    }
    got = dict(zip(table["proposition_id"], table["category"].astype(str), strict=False))
    for pid, cat in expected.items():
        assert got[pid] == cat, pid
    order = [CATEGORIES.index(c) for c in table["category"].astype(str)]
    assert order == sorted(order)
    for _, rows in table.groupby("proposition_id"):
        dates = rows["published"].dropna().tolist()
        assert dates == sorted(dates)
    headcount = table[table["proposition_id"] == "pr-meeting-headcount"]
    assert dict(zip(headcount["source_id"], headcount["value"], strict=True))["S10"] == 37


def test_table_filters_one_category(ds, table):
    dates = conflicts_table(ds, "date")
    assert set(dates["category"].astype(str)) == {"date"}
    assert len(dates) == (table["category"] == "date").sum()
    assert "29-30 Sep 2025 (begun on 29 Sep)" in set(dates["version"])
    with pytest.raises(ValueError, match="category must be one of"):
        conflicts_table(ds, "colour")


def test_disputed_needs_a_yes_and_a_no():
    claims = pd.DataFrame(
        {
            "proposition_id": ["a", "a", "b", "b", "c", "d", "d"],
            "stance": [
                "confirms",
                "disputes",
                "asserts",
                "interprets",
                "denies",
                "asserts",
                "denies",
            ],
        }
    )
    assert disputed_propositions(claims) == ["a", "d"]


def test_disputed_propositions_ignore_sources_unlike_conflicts(ds, article):
    disputed = disputed_propositions(ds.claims)
    assert "pr-ttp-in-afghanistan" in disputed
    assert disputed == sorted(disputed)
    # within the article alone the TTP's presence is asserted and denied: disputed, but not a
    # conflict between independent sources
    assert "pr-ttp-in-afghanistan" in disputed_propositions(article.claims)
    assert "pr-ttp-in-afghanistan" not in conflicting_propositions(article)


def test_figure_text_reads_the_qualifier_and_a_range():
    from pakafghan.conflicts import figure_text

    assert figure_text(6000.0, "nearly") == "nearly 6,000"
    assert figure_text(6000.0, "between", 6500.0) == "6,000–6,500"
    assert figure_text(6000.0, "at_least") == "at least 6,000"
    assert figure_text(3_500_000.0, None) == "3.5 million"
    assert figure_text(6000.0, "between", None) == "6,000"
    assert figure_text(None, "about") is None


def test_who_gives_one_row_per_claimant_and_stance_with_independent_sources(ds):
    from pakafghan.conflicts import who_gives

    rows = who_gives(ds, "pr-ttp-size").set_index("claimant")
    claims = ds.claims[ds.claims["proposition_id"] == "pr-ttp-size"]
    names = ds.actors.set_index("actor_id")["name"]
    assert set(rows.index) == {str(names[c]) for c in claims["claimant_id"]}
    un = rows.loc["UN sanctions Monitoring Team"]
    assert un["stance"] == "asserts" and "6,000-6,500" in un["says"]
    assert un["directness"] == "paraphrase"
    assert list(rows.columns) == ["stance", "directness", "says", "sources"]
    for source in claims.loc[claims["claimant_id"] == "un-monitoring-team", "source_id"]:
        assert source in un["sources"]
    dates = ds.sources.set_index("source_id")["published_text"]
    assert f"S30 ({dates['S30']})" in un["sources"]


def test_who_gives_counts_a_copy_as_its_original(ds):
    from pakafghan.conflicts import who_gives

    rows = who_gives(ds, "pr-nrf-declined")
    copies = set(ds.sources.loc[ds.sources["copy_of"].notna(), "source_id"])
    text = " ".join(rows["sources"])
    assert not any(f"{c} (" in text for c in copies)
    with pytest.raises(KeyError, match="no proposition"):
        who_gives(ds, "pr-nothing")
