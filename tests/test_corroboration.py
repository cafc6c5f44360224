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

#: A report: S1..S62 in the corroborating notes' numbering, C1..C97 in the context primer's,
#: N1..N46 in the notes on what happened next (October 2025 to April 2026).
REPORT_ID = re.compile(r"[SCN][1-9][0-9]*")


@dataclass(frozen=True)
class NextConflict:
    """One of the 14 conflicts (C1..C14) of the notes on what happened next.

    ``claimants``: the (source_id, claimant_id) pairs the notes name for it: each must be a claim
    on one of its propositions. ``propositions`` carry the competing versions; ``also`` holds the
    figures the notes list in the same conflict that count something else; ``events`` are the
    events that are one source's version in it. Every claim and event of it is contested
    (``tests/test_framing.py``).
    """

    label: str
    propositions: tuple[str, ...]
    claimants: frozenset[tuple[str, str]]
    also: tuple[str, ...] = ()
    events: tuple[str, ...] = ()

    @property
    def sources(self) -> frozenset[str]:
        return frozenset(source for source, _ in self.claimants)

    @property
    def all_propositions(self) -> tuple[str, ...]:
        return self.propositions + self.also


FEB_FIGHTING = (
    "pr-feb-fighting-pakistani-soldiers-wounded",
    "pr-feb-fighting-pakistani-posts-captured",
    "pr-feb-fighting-afghan-soldiers-killed",
    "pr-feb-fighting-afghan-taliban-injured",
    "pr-feb-fighting-afghan-posts-destroyed",
    "pr-feb-fighting-afghan-posts-captured",
)

NEXT_CONFLICTS = {
    "C1": NextConflict(
        "casualties of the 11-12 Oct 2025 fighting",
        (
            "pr-oct-clashes-pakistani-soldiers-killed",
            "pr-oct-clashes-pakistani-soldiers-wounded",
            "pr-oct-clashes-afghan-side-killed",
        ),
        frozenset({("N3", "ispr"), ("N4", "zabihullah-mujahid"), ("N2", "britannica")}),
        also=(
            "pr-oct-clashes-afghan-soldiers-wounded",
            "pr-oct-clashes-afghan-positions-captured",
            "pr-oct-clashes-pakistani-posts-destroyed",
            "pr-oct-clashes-unprovoked",
        ),
        events=("ev-border-clashes-oct-ispr", "ev-border-clashes-oct-taliban"),
    ),
    "C2": NextConflict(
        "who asked for the 15 Oct truce",
        ("pr-truce-oct15-requested-by",),
        frozenset(
            {
                ("N5", "pakistan-foreign-ministry"),
                ("N6", "pakistan-foreign-ministry"),
                ("N6", "zabihullah-mujahid"),
            }
        ),
        events=("ev-truce-48h-fo", "ev-truce-48h-mujahid"),
    ),
    "C3": NextConflict(
        "deaths in the 17 Oct Paktika strikes",
        ("pr-paktika-strikes-deaths", "pr-paktika-strikes-killed-civilians"),
        frozenset(
            {
                ("N8", "acb"),
                ("N9", "afp-hospital-official"),
                ("N8", "pakistan"),
                ("N8", "attaullah-tarar"),
                ("N28", "unama"),
            }
        ),
        also=("pr-paktika-strikes-wounded",),
        events=("ev-urgun-strike-acb",),
    ),
    "C4": NextConflict(
        "the 11 Nov Islamabad court bombing: injured and responsibility",
        ("pr-court-bombing-injured", "pr-court-bombing-by-ttp"),
        frozenset(
            {
                ("N16", "mohsin-naqvi"),
                ("N17", "dawn"),
                ("N16", "ttp"),
                ("N17", "pakistani-officials"),
                ("N19", "the-national"),
            }
        ),
        also=("pr-court-bombing-killed",),
    ),
    "C5": NextConflict(
        "the 24-25 Nov Khost strike",
        ("pr-khost-strike-by-pakistan",),
        frozenset({("N19", "zabihullah-mujahid"), ("N20", "ahmed-sharif-chaudhry")}),
        also=(
            "pr-khost-strike-deaths",
            "pr-kunar-paktika-strikes-wounded-nov",
            "pr-pakistan-announces-operations",
        ),
        events=("ev-khost-strike-mujahid",),
    ),
    "C6": NextConflict(
        "Pakistan's 2025 violence statistics",
        (
            "pr-pakistan-militants-killed-2025",
            "pr-pakistan-security-personnel-killed-2025",
            "pr-pakistan-violence-deaths-2025",
            "pr-pakistan-violence-deaths-2024",
        ),
        frozenset({("N24", "picss"), ("N23", "picss"), ("N23", "crss")}),
        also=("pr-pakistan-civilians-killed-2025", "pr-pakistan-militant-attacks-2025"),
    ),
    "C7": NextConflict(
        "UNAMA's Oct-Dec 2025 injured",
        ("pr-unama-civilians-injured-oct-dec-2025",),
        frozenset({("N28", "unama"), ("N46", "unama")}),
        also=("pr-unama-civilians-killed-oct-dec-2025",),
    ),
    "C8": NextConflict(
        "death toll of the 6 Feb imambargah bombing (a rising count)",
        ("pr-imambargah-deaths",),
        frozenset({("N26", "pakistani-officials"), ("N27", "daily-pakistan")}),
        also=("pr-imambargah-injured",),
    ),
    "C9": NextConflict(
        "the 21-22 Feb Pakistani strikes",
        ("pr-feb-strikes-deaths",),
        frozenset({("N32", "pakistan"), ("N32", "taliban"), ("N33", "unama")}),
        events=("ev-strikes-feb21-tarar",),
    ),
    "C10": NextConflict(
        "the 26-27 Feb fighting",
        ("pr-feb-fighting-pakistani-soldiers-killed", "pr-feb-fighting-afghan-taliban-killed"),
        frozenset(
            {("N34", "taliban-defence-ministry"), ("N37", "ispr"), ("N36", "attaullah-tarar")}
        ),
        also=FEB_FIGHTING,
        events=("ev-afghan-offensive-feb26",),
    ),
    "C11": NextConflict(
        "when the border closed",
        ("pr-border-closure-date",),
        frozenset({("N21", "anadolu-agency"), ("N23", "new-indian-express")}),
        events=("ev-border-closed-anadolu", "ev-border-closed-nie"),
    ),
    "C12": NextConflict(
        "when the Kabul explosions happened",
        ("pr-kabul-explosions-date",),
        frozenset({("N2", "britannica"), ("N1", "trt-world")}),
        events=("ev-kabul-explosions-trt", "ev-kabul-strike-britannica"),
    ),
    "C13": NextConflict(
        "the 16 Mar Kabul rehab-centre strike",
        ("pr-kabul-rehab-deaths", "pr-kabul-rehab-civilian-target"),
        frozenset(
            {
                ("N40", "taliban-health-ministry"),
                ("N40", "taliban-interior-ministry"),
                ("N41", "unama"),
                ("N40", "attaullah-tarar"),
            }
        ),
        also=("pr-kabul-rehab-wounded", "pr-kabul-rehab-bodies-seen"),
        events=("ev-kabul-rehab-strike",),
    ),
    "C14": NextConflict(
        "where the Istanbul talks were (an outlet's error)",
        ("pr-talks-venue-oct-nov-2025",),
        frozenset(
            {("N19", "the-national"), ("N13", "turkey-foreign-ministry"), ("N14", "pakistan-today")}
        ),
    ),
}

#: The conflicts of every set of notes, for the framing rules.
ALL_CONFLICTS: dict = {**CONFLICTS, **NEXT_CONFLICTS}


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


# --- the notes on what happened next (N1..N46): their 14 conflicts, and the same rules --------


def missing_claimants(ds, conflict: NextConflict) -> set[tuple[str, str]]:
    """The (source, claimant) pairs the notes name for a conflict that no claim on it has."""
    claims = ds.claims[ds.claims["proposition_id"].isin(conflict.all_propositions)]
    have = set(zip(claims["source_id"], claims["claimant_id"], strict=True))
    return set(conflict.claimants) - have


def next_conflict_problems(ds, conflict: NextConflict) -> list[str]:
    """What keeps a conflict of the sheet from being competing claims with the right claimants."""
    problems = []
    known = set(ds.propositions["proposition_id"])
    problems += [f"no proposition {p}" for p in conflict.all_propositions if p not in known]
    if not conflict_represented(ds, conflict):
        problems.append("no proposition carries different versions from two of its sources")
    problems += [f"no claim by {c} citing {s}" for s, c in sorted(missing_claimants(ds, conflict))]
    claims = ds.claims[ds.claims["proposition_id"].isin(conflict.all_propositions)]
    marks = claims["confidence"].astype(object)
    unmarked = claims.loc[~marks.isin(["contested", "unverified"]), "claim_id"]
    problems += [f"{c} not contested" for c in sorted(unmarked)]
    events = ds.events.set_index("event_id")
    for e in conflict.events:
        if e not in events.index:
            problems.append(f"no event {e}")
        elif events.loc[e, "confidence"] != "contested":
            problems.append(f"{e} not contested")
        elif not str(events.loc[e, "source_id"]).startswith("N"):
            problems.append(f"{e} does not cite a report of the sheet")
    return problems


@pytest.mark.parametrize("label", list(NEXT_CONFLICTS))
def test_next_conflict_is_competing_claims_with_the_right_claimants(ds, label):
    conflict = NEXT_CONFLICTS[label]
    assert next_conflict_problems(ds, conflict) == [], f"{label} ({conflict.label})"
    assert conflict.sources <= set(ds.sources["source_id"])
    assert all(s.startswith("N") for s in conflict.sources)


def test_all_fourteen_conflicts_of_the_sheet_are_mapped(ds):
    assert list(NEXT_CONFLICTS) == [f"C{n}" for n in range(1, 15)]
    pids = [p for c in NEXT_CONFLICTS.values() for p in c.all_propositions]
    assert len(pids) == len(set(pids)), "a proposition is mapped to two conflicts"


def test_competing_numbers_of_the_sheet_keep_their_claimants_and_qualifiers(ds):
    def numbers(proposition_id):
        rows = ds.claims[ds.claims["proposition_id"] == proposition_id]
        qualifiers = [None if pd.isna(q) else q for q in rows["value_qualifier"]]
        return {
            (s, c): (v, q)
            for s, c, v, q in zip(
                rows["source_id"], rows["claimant_id"], rows["value"], qualifiers, strict=True
            )
        }

    killed = numbers("pr-oct-clashes-pakistani-soldiers-killed")
    assert killed[("N3", "ispr")] == (23, None)
    assert killed[("N4", "zabihullah-mujahid")] == (58, None)
    assert killed[("N2", "britannica")] == (23, "at_least")  # a floor, not ISPR's figure
    paktika = numbers("pr-paktika-strikes-deaths")
    assert {v for v, _ in paktika.values()} == {8, 10, 70, 11}
    assert numbers("pr-unama-civilians-injured-oct-dec-2025") == {
        ("N28", "unama"): (478, None),
        ("N46", "unama"): (477, None),
    }
    taliban_dead = numbers("pr-feb-fighting-afghan-taliban-killed")
    assert taliban_dead == {("N37", "ispr"): (274, None), ("N36", "attaullah-tarar"): (352, None)}
    rehab = numbers("pr-kabul-rehab-deaths")
    assert rehab[("N41", "unama")] == (143, None)
    assert rehab[("N40", "taliban-health-ministry")] == (400, "about")
    # casualty and fighter figures are claims: no event row of the sheet carries a number
    sheet_events = ds.events[ds.events["source_id"].str.fullmatch(r"N[0-9]+")]
    assert not sheet_events["title"].str.contains(r"[0-9]+ (?:killed|dead|soldiers)").any()


def test_the_ceasefire_status_is_each_sides_claim_over_time(ds):
    holds = ds.claims[ds.claims["proposition_id"] == "pr-doha-ceasefire-holds"]
    stances = dict(zip(holds["claimant_id"], holds["stance"], strict=True))
    assert stances == {
        "turkey-foreign-ministry": "asserts",
        "khawaja-asif": "asserts",
        "tahir-andrabi": "denies",
    }
    assert set(holds["confidence"]) == {"contested"}
    # the one denial rests on a paraphrase in a weak source
    assert ds.sources.set_index("source_id").loc["N22", "reliability"] == "single_source"


def test_sheet_sources_follow_the_rules_of_the_other_reports(ds):
    sources = ds.sources.set_index("source_id")
    sheet = sources[sources.index.str.fullmatch(r"N[0-9]+")]
    assert list(sheet.index) == [f"N{n}" for n in range(1, 47)]
    for column in ("publisher", "title", "published_text", "url", "kind", "reliability"):
        assert sheet[column].notna().all(), column
    # ownership from the outlet profiles, or "not found" and unknown, as for the S and C rows
    found = sheet["outlet_country"] != "not found"
    assert sheet.loc[found, "ownership_source"].notna().all()
    assert set(sheet.loc[~found, "ownership"].astype(str)) == {"unknown"}
    assert sheet.loc[~found, "ownership_source"].isna().all()
    assert sheet.loc[~found, "ownership_note"].str.startswith("No profile").all()
    # relays take the profile of the outlet whose words they carry (AP, Reuters, Dawn, PTI)
    assert sheet.loc["N24", "ownership_note"].startswith("AP:")
    assert sheet.loc["N31", "ownership_note"].startswith("Reuters:")
    assert sheet.loc["N43", "ownership_note"].startswith("Dawn text:")
    assert sheet.loc["N44", "ownership_note"].startswith("PTI:")
    assert sheet.loc["N1", "ownership"] == "public_broadcaster"
    assert sheet.loc["N21", "ownership"] == "state_owned"
    # copies and relays are marked as such, never as an outlet's own report
    for sid in ("N8", "N12", "N17", "N25", "N43", "N46"):
        assert sheet.loc[sid, "reliability"] == "mirror_copy", sid
    for sid in ("N9", "N10", "N24", "N29", "N30", "N31", "N34", "N40", "N42", "N44"):
        assert sheet.loc[sid, "reliability"] == "wire_copy", sid
    assert sheet["copy_of"].isna().all()  # no report of the sheet is a copy of another one
    # what a source could know: no held event of the sheet ends after its source's date
    events = ds.events[ds.events["source_id"].isin(sheet.index)]
    held = events[(events["status"] == "held") & events["date_latest"].notna()]
    latest = held["source_id"].map(sheet["published_latest"])
    assert not (latest.notna() & (latest < held["date_latest"])).any()


def test_sheet_single_source_marks_are_kept(ds):
    claims = ds.claims

    def marks(proposition_id):
        rows = claims[claims["proposition_id"] == proposition_id]
        return set(rows["confidence"].astype(str))

    for pid in (
        "pr-kabul-asked-money-to-move-ttp",  # Asif's accusation (N1)
        "pr-delegation-refused-over-strikes",  # the refused delegation (N4)
        "pr-afghan-negotiators-ttp-threat",  # "6,000 TTP terrorists" (N20)
        "pr-saudi-trade-proposal",  # the Riyadh round (N22)
        "pr-civilian-casualties-26feb-5mar",  # Ariana's unattributed count (N38)
    ):
        assert marks(pid) == {"single_source"}, pid
    events = ds.events.set_index("event_id")["confidence"]
    for eid in (
        "ev-asif-assembly-accusation",
        "ev-pakistani-delegation-refused",
        "ev-riyadh-round",
    ):
        assert events[eid] == "single_source", eid
    # the UN's 143 rests on one aggregator rewrite: its source says so
    assert ds.sources.set_index("source_id").loc["N41", "reliability"] == "aggregator"


def test_inferred_days_say_so(ds):
    events = ds.events.set_index("event_id")
    inferred = {
        "ev-urgun-strike-acb": "2025-10-17",
        "ev-wana-cadet-college-attack": "2025-11-10",
        "ev-peshawar-suicide-attack": "2025-11-24",
        "ev-riyadh-round": "2025-11-30",
        "ev-imambargah-bombing": "2026-02-06",
        "ev-kabul-rehab-strike": "2026-03-16",
        "ev-eid-pause-announced": "2026-03-18",
    }
    for eid, day in inferred.items():
        row = events.loc[eid]
        assert row["date_earliest"] == row["date_latest"] == pd.Timestamp(day), eid
        assert "worked out from the weekday" in row["note"], eid


@pytest.mark.parametrize(
    ("label", "prefix", "source"),
    [
        ("C1", "pr-oct-clashes-", "N4"),  # Mujahid's figures dropped
        ("C7", "pr-unama-civilians-", "N46"),  # Khaama's copy dropped
        ("C14", "pr-talks-venue-oct-nov-2025", "N19"),  # The National's "Ankara" dropped
    ],
)
def test_the_check_fails_when_a_sheet_version_is_removed(data_copy, label, prefix, source):
    lines = data_copy.text("claims").split("\n")
    kept = [x for x in lines if not (f",{prefix}" in x and f",{source}," in x)]
    assert len(kept) < len(lines)
    data_copy.write("claims", "\n".join(kept))
    problems = next_conflict_problems(data_copy.load(), NEXT_CONFLICTS[label])
    assert any(source in p for p in problems), problems


def test_the_check_fails_on_a_wrong_claimant_or_a_lost_mark(data_copy):
    claims = data_copy.load().claims
    row = claims[
        (claims["proposition_id"] == "pr-truce-oct15-requested-by")
        & (claims["claimant_id"] == "zabihullah-mujahid")
    ].iloc[0]
    data_copy.set_cell("claims", row["claim_id"], "claimant_id", "taliban")
    other = claims[claims["proposition_id"] == "pr-imambargah-deaths"].iloc[0]["claim_id"]
    data_copy.set_cell("claims", other, "confidence", "")
    copy = data_copy.load()
    assert "no claim by zabihullah-mujahid citing N6" in next_conflict_problems(
        copy, NEXT_CONFLICTS["C2"]
    )
    assert f"{other} not contested" in next_conflict_problems(copy, NEXT_CONFLICTS["C8"])
