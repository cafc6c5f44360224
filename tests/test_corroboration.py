"""The corroborating reports are coded: conflicts between sources stay in the data as claims.

The research notes on the corroborating reports end with twelve "conflicts between sources". Each
is mapped here to the proposition(s) that carry it, to the sources the notes cite for it and to
the events that are one source's version in it; a conflict is represented when one of its
propositions has claims from at least two independent sources (a syndicated copy counts as its
original) that give different versions, values or stances. Expectations name rows coded from the
notes, never row counts, so the data may grow. (``tests/test_framing.py`` checks that every claim
and event of a conflict is marked ``contested``.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
import pytest

from pakafghan.schema import EVIDENCE_TABLES
from pakafghan.views import original_of


@dataclass(frozen=True)
class Conflict:
    """One of the notes' conflicts: the propositions carrying it and the sources it cites.

    ``also``: propositions holding versions the notes list in the same conflict that count or
    name something else (the headcount, split by what is counted), so they do not compete among
    themselves. ``events``: the events that are one source's version in the conflict.
    """

    label: str
    propositions: tuple[str, ...]
    sources: frozenset[str]
    also: tuple[str, ...] = ()
    events: tuple[str, ...] = ()

    @property
    def all_propositions(self) -> tuple[str, ...]:
        return self.propositions + self.also


CONFLICTS = {
    1: Conflict(
        "meeting dates",
        ("pr-meeting-dates",),
        frozenset({"S20", "S15", "S16", "S10"}),
        events=(
            "ev-meeting-announced",
            "ev-meeting-plan-afghan-day",
            "ev-meeting-plan-joint-day",
            "ev-meeting-dates-s20",
            "ev-meeting-dates-s15",
            "ev-meeting-dates-s16",
        ),
    ),
    2: Conflict(
        "headcount",
        ("pr-meeting-headcount",),
        frozenset({"article", "S8", "S16", "S21", "S10", "S11", "S9"}),
        also=(
            "pr-meeting-expected-attendance",
            "pr-meeting-attendance",
            "pr-meeting-headcount-unspecified",
        ),
    ),
    3: Conflict(
        "meeting name", ("pr-meeting-name",), frozenset({"article", "S36", "S1", "S12", "S37"})
    ),
    4: Conflict("co-organiser", ("pr-meeting-organiser",), frozenset({"S10", "S15"})),
    5: Conflict(
        "reason for postponement",
        ("pr-meeting-postponement-reason",),
        frozenset({"S3", "S4", "S13", "S19"}),
    ),
    6: Conflict("Foreign Office comment", ("pr-fo-silent",), frozenset({"article", "S7"})),
    7: Conflict("NRF refusal", ("pr-nrf-declined",), frozenset({"article", "S18", "S1", "S9"})),
    8: Conflict(
        "Khalilzad's wording",
        ("pr-hosting-unwise",),
        frozenset({"S2", "S22", "S15", "S61", "copy-unspecified"}),
    ),
    9: Conflict("Asim Iftikhar's title", ("pr-asim-title",), frozenset({"S23", "S27", "S26"})),
    10: Conflict(
        "Muttaqi's visit",
        ("pr-muttaqi-visit-had-dates", "pr-muttaqi-postponed-visit"),
        frozenset({"S40", "S39", "article", "S35"}),
        events=(
            "ev-muttaqi-visit-postponed",
            "ev-muttaqi-visit-planned",
            "ev-muttaqi-visit-delayed",
        ),
    ),
    11: Conflict(
        "Kabul trilateral",
        (
            "pr-trilateral-joint-statement",
            "pr-trilateral-date",
            "pr-cpec-extension-new",
            "pr-cpec-extension-destination",
        ),
        frozenset({"S46", "S62", "article", "S47"}),
        events=(
            "ev-kabul-trilateral",
            "ev-trilateral-s43",
            "ev-trilateral-s62",
            "ev-cpec-extension-agreed",
        ),
    ),
    12: Conflict(
        "CPEC origin",
        ("pr-cpec-launch-date", "pr-cpec-value"),
        frozenset({"S57", "S58"}),
        events=("ev-cpec-launch-2015", "ev-cpec-launch-2013"),
    ),
}

#: Conflicts of the notes that no proposition carries yet (none: all twelve are represented).
NOT_REPRESENTED: frozenset[int] = frozenset()

#: A report: S1..S62 in the corroborating notes' numbering, C1..C97 in the context primer's.
REPORT_ID = re.compile(r"[SC][1-9][0-9]*")


def versions(claims: pd.DataFrame) -> set[tuple]:
    """What a claim says, as a comparable tuple: version, value and stance."""
    return set(
        zip(
            claims["version"].fillna(""),
            claims["value"].astype(object).where(claims["value"].notna(), None),
            claims["stance"].astype(str),
            strict=True,
        )
    )


def is_represented(ds, proposition_id: str, sources: frozenset[str] | None = None) -> bool:
    """Two independent sources (of ``sources``, if given) give different versions of it."""
    claims = ds.claims[ds.claims["proposition_id"] == proposition_id]
    if sources is not None:
        claims = claims[claims["source_id"].isin(sources)]
    originals = claims["source_id"].map(original_of(ds))
    per_source = {orig: versions(claims[originals == orig]) for orig in set(originals)}
    return any(a != b and per_source[a] != per_source[b] for a in per_source for b in per_source)


def conflict_represented(ds, conflict: Conflict) -> bool:
    """Some proposition of the conflict carries it, between the sources the notes cite."""
    return any(is_represented(ds, pid, conflict.sources) for pid in conflict.propositions)


@pytest.mark.parametrize("number", sorted(set(CONFLICTS) - NOT_REPRESENTED))
def test_conflict_is_competing_claims_from_independent_sources(ds, number):
    conflict = CONFLICTS[number]
    assert conflict_represented(ds, conflict), conflict.label
    claims = ds.claims[ds.claims["proposition_id"].isin(conflict.all_propositions)]
    missing = conflict.sources - set(claims["source_id"])
    assert not missing, f"conflict {number} ({conflict.label}) lacks claims citing {missing}"


def test_at_least_ten_of_the_twelve_conflicts_are_represented(ds):
    represented = {n for n, c in CONFLICTS.items() if conflict_represented(ds, c)}
    assert len(CONFLICTS) == 12
    assert len(represented) >= 10
    assert set(CONFLICTS) - represented == NOT_REPRESENTED


def test_a_copy_does_not_count_as_a_second_source(ds):
    # the article and its aggregator copy S18 agree on the NRF's refusal: one source, not two
    claims = ds.claims[ds.claims["proposition_id"] == "pr-nrf-declined"]
    only_article = claims[claims["source_id"].isin(["article", "S18"])]
    assert len(only_article) == 2
    assert set(only_article["source_id"].map(original_of(ds))) == {"article"}


def test_competing_versions_keep_their_values_and_sources(ds):
    claims = ds.claims.set_index("claim_id")

    def numbers(proposition_id):
        rows = ds.claims[ds.claims["proposition_id"] == proposition_id]
        values = rows["value"].astype(object).where(rows["value"].notna(), None)
        qualifiers = rows["value_qualifier"].astype(object).where(rows["value_qualifier"].notna())
        return dict(zip(rows["source_id"], zip(values, qualifiers, strict=True), strict=True))

    # the headcount, split by what is counted: expected, invited, attended
    assert numbers("pr-meeting-expected-attendance")["article"] == (30, "about")
    invited = numbers("pr-meeting-headcount")
    assert invited["S9"] == (40, "about")
    assert invited["S8"] == (30, "over")  # "over 30" is not 30
    assert invited["S10"][0] == 37
    assert numbers("pr-meeting-attendance")["S11"] == (37, "at_least")
    organisers = ds.claims[ds.claims["proposition_id"] == "pr-meeting-organiser"]
    assert "Women for Afghan Women" in " ".join(organisers["version"].dropna())
    assert claims.loc["cl-010", "version"] == "declined"


def test_every_row_citing_a_report_names_a_listed_source_and_says_what_it_says(ds):
    known = set(ds.sources["source_id"])
    copies = set(ds.sources.loc[ds.sources["copy_of"].notna(), "source_id"])
    for table in EVIDENCE_TABLES:
        frame = ds.tables[table]
        cited = frame[frame["source_id"] != "article"]
        assert len(cited) > 0, table
        assert set(cited["source_id"]) <= known, table
        assert cited["source_id"].map(lambda s: bool(REPORT_ID.fullmatch(s)) or s in copies).all()
        said = cited["quote"].notna() | cited["note"].notna()
        assert said.all(), cited.loc[~said].iloc[:, 0].tolist()


def test_actors_introduced_by_reports_cite_a_listed_source(ds):
    known = set(ds.sources["source_id"])
    assert set(ds.actors["source_id"]) <= known
    outlet = ds.actors.set_index("actor_id").loc["new-indian-express"]
    assert outlet["kind"] == "media_outlet"
    assert outlet["source_id"] == "S1"


def test_unverified_facts_stay_unverified(ds):
    # the NRF's refusal: only the article and an aggregator copy of it say so
    nrf = ds.claims[ds.claims["proposition_id"] == "pr-nrf-declined"]
    refusals = nrf[nrf["stance"] == "asserts"]
    assert {"article", "S18"} <= set(refusals["source_id"])
    assert (refusals["confidence"] == "unverified").all()
    # a later visit of Muttaqi to Pakistan is not reported anywhere: no held visit in the data
    visits = ds.events[(ds.events["thread"] == "muttaqi_visit") & (ds.events["status"] == "held")]
    assert not visits["title"].str.contains("Pakistan").any()


def test_marked_weak_sources_keep_their_marks(ds):
    claims = ds.claims
    for source in ("S11", "S21", "S26"):
        cited = claims[claims["source_id"] == source]
        assert (cited["confidence"] == "single_source").any(), source
    military = claims[claims["claimant_id"] == "ht-unnamed-sources"]
    assert set(military["confidence"]) == {"contested"}
    assert set(military["directness"]) == {"reported"}
    aggregator = ds.events[ds.events["source_id"] == "S51"]
    assert len(aggregator) > 0
    assert (aggregator["confidence"] == "single_source").all()


def test_the_meeting_moved_from_august_to_september(ds):
    events = ds.events.set_index("event_id")
    announced = events.loc["ev-meeting-announced"]
    assert (announced["date_earliest"], announced["date_latest"]) == (
        pd.Timestamp("2025-08-25"),
        pd.Timestamp("2025-08-26"),
    )
    held = ds.events[
        (ds.events["related_event_id"] == "ev-meeting-announced") & (ds.events["status"] == "held")
    ]
    assert len(held) >= 1
    # held on 29-30 Sep, as PTI's report of 1 Oct (S11) tells it, dated by S10
    s11 = held[held["source_id"] == "S11"].iloc[0]
    assert s11["date_earliest"] == pd.Timestamp("2025-09-29")
    assert s11["date_latest"] == pd.Timestamp("2025-09-30")
    assert (s11["year_basis"], s11["year_source_id"]) == ("inferred", "S10")
    # PTI's report of 29 Sep (S10) could know only the first day as held; the second is a plan
    s10 = ds.events[ds.events["source_id"] == "S10"].set_index("event_id")
    assert s10.loc["ev-meeting-held-day1", "status"] == "held"
    assert s10.loc["ev-meeting-held-day1", "date_latest"] == pd.Timestamp("2025-09-29")
    assert set(s10.loc[s10["date_latest"] > pd.Timestamp("2025-09-29"), "status"]) == {"planned"}
    postponed = ds.events[
        (ds.events["related_event_id"] == "ev-meeting-announced")
        & (ds.events["status"] == "postponed")
    ]
    assert list(postponed["source_id"]) == ["S3"]
    assert postponed["date_earliest"].iloc[0] == pd.Timestamp("2025-08-22")


def test_events_from_reports_are_dated_as_the_reports_date_them(ds):
    events = ds.events.set_index("event_id")
    expected = {
        "ev-khalilzad-x-post": ("S2", "2025-08-16"),
        "ev-fo-briefing": ("S7", "2025-08-22"),
        "ev-unsc-isil-briefing": ("S25", "2025-08-20"),
        "ev-muttaqi-visit-planned": ("S35", "2025-08-04"),
        "ev-beijing-trilateral": ("S47", "2025-05-21"),
        "ev-pta-signed": ("S49", "2025-07-23"),
        "ev-pak-china-strategic-dialogue": ("S45", "2025-08-21"),
        "ev-muttaqi-india-visit": ("S41", "2025-10-09"),
    }
    for event_id, (source, day) in expected.items():
        row = events.loc[event_id]
        assert row["source_id"] == source, event_id
        assert row["date_earliest"] == pd.Timestamp(day), event_id
    assert events.loc["ev-pak-china-strategic-dialogue", "status"] == "planned"
    assert events.loc["ev-muttaqi-india-visit", "date_latest"] == pd.Timestamp("2025-10-16")


def test_reliability_follows_the_notes_marks(ds):
    sources = ds.sources.set_index("source_id")
    assert sources.loc["S19", "reliability"] == "partisan"
    assert sources.loc["S51", "reliability"] == "aggregator"
    assert sources.loc["S51", "kind"] == "aggregator"
    assert sources.loc["S18", "kind"] == "aggregator"
    copies = sources[sources["copy_of"].notna()]
    assert set(copies["copy_of"]) == {"article"}
    assert (copies["reliability"] == "syndicated_copy").all()
    assert "S18" in copies.index
    assert sources.loc["S21", "reliability"] == "single_source"
    assert sources.loc["S26", "reliability"] == "single_source"


def test_no_source_is_the_research_notes_themselves(ds):
    sources = ds.sources
    assert set(sources.loc[sources["source_id"] != "article", "source_id"]) <= {
        *filter(REPORT_ID.fullmatch, sources["source_id"]),
        *sources.loc[sources["copy_of"].notna(), "source_id"],
    }
    for column in ("publisher", "title", "url", "text_file"):
        text = sources[column].dropna().str.lower()
        assert not text.str.contains("corroborating|research notes|\\.md\\b|/work/").any(), column


def test_the_check_fails_when_a_competing_version_is_removed(data_copy):
    # drop Deeyar's "Women for Afghan Women": the co-organiser conflict is no longer in the data
    lines = data_copy.text("claims").split("\n")
    kept = [x for x in lines if not ("pr-meeting-organiser" in x and ",S15," in x)]
    assert len(kept) == len(lines) - 1
    data_copy.write("claims", "\n".join(kept))
    copy = data_copy.load()
    assert not conflict_represented(copy, CONFLICTS[4])
    assert conflict_represented(copy, CONFLICTS[3])
