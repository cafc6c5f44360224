"""The "what happened next" tables: who gives which figure, how a matter stood over time, what
became of the article's story and how long after the article each event came.

The helpers are tested on small synthetic rows added in memory to the bundled data (so they pass
whatever the data holds); the tests at the end check the ids lesson 9 uses in the data the
library reads (``$PAKAFGHAN_DATA`` or the bundled data), and skip, naming the missing ids, only
while those rows are not in it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import pakafghan
from pakafghan.aftermath import (
    after_the_article,
    event_when,
    source_label,
    status_over_time,
    what_became_of,
    who_says_how_many,
)
from pakafghan.load import Dataset
from pakafghan.views import NEGATIVE, POSITIVE, first_published


def _add(ds: Dataset, table: str, *changes: dict) -> Dataset:
    """``ds`` plus one changed copy of ``table``'s first row per dict (types kept)."""
    frame = ds.tables[table]
    base = frame.iloc[[0]]
    extra = [base.assign(**change) for change in changes]
    out = pd.concat([frame, *extra], ignore_index=True)
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.CategoricalDtype):
            categories = frame[column].cat.categories
            out[column] = pd.Categorical(out[column].astype(object), categories=categories)
        else:
            out[column] = out[column].astype(frame[column].dtype)
    return Dataset(ds.data_dir, {**ds.tables, table: out})


def _claim(claim_id: str, claimant: str, source: str, **more) -> dict:
    row = {
        "claim_id": claim_id,
        "proposition_id": "pr-test-dead",
        "claimant_id": claimant,
        "stance": "asserts",
        "directness": "paraphrase",
        "value": pd.NA,
        "value_qualifier": pd.NA,
        "value_max": pd.NA,
        "version": pd.NA,
        "confidence": "contested",
        "source_id": source,
        "quote": pd.NA,
        "note": "test row",
    }
    return {**row, **more}


@pytest.fixture(scope="module")
def counted(ds: Dataset) -> Dataset:
    """The bundled data plus a count with four claims: two figures, a floor and a denial."""
    out = _add(
        ds,
        "propositions",
        {
            "proposition_id": "pr-test-dead",
            "statement": "How many soldiers were killed in the test fighting.",
            "topic": "security",
            "subject_actor_id": pd.NA,
            "event_id": pd.NA,
            "unit": "soldiers",
        },
        {
            "proposition_id": "pr-test-holds",
            "statement": "The test ceasefire holds.",
            "topic": "security",
            "subject_actor_id": pd.NA,
            "event_id": pd.NA,
            "unit": pd.NA,
        },
    )
    return _add(
        out,
        "claims",
        _claim("cl-t1", "taliban", "S10", value=58.0),
        _claim("cl-t2", "pakistan", "S3", value=23.0, value_qualifier="at_least"),
        _claim("cl-t3", "pakistan", "copy-reportwire", stance="denies", value=70.0),
        _claim("cl-t4", "taliban", "S3", version="58 killed, 30 wounded", value=58.0),
        _claim("cl-t5", "taliban", "S10", proposition_id="pr-test-holds", version="broken"),
        _claim("cl-t6", "pakistan", "S3", proposition_id="pr-test-holds"),
    )


def _published(ds: Dataset, source_id: str) -> pd.Timestamp:
    return ds.sources.set_index("source_id").loc[source_id, "published_earliest"]


def test_who_says_how_many_gives_one_row_per_claim_earliest_report_first(counted):
    rows = who_says_how_many(counted, "pr-test-dead")
    assert list(rows.columns) == ["who", "says", "when", "source"]
    assert len(rows) == 4
    claims = counted.claims.set_index("claim_id").loc[["cl-t1", "cl-t2", "cl-t3", "cl-t4"]]
    first = first_published(counted.sources.set_index("source_id"))
    day = claims["source_id"].map(first)
    order = sorted(
        claims.index,
        key=lambda c: (
            pd.isna(day[c]),
            day[c] if pd.notna(day[c]) else 0,
            claims.loc[c, "source_id"],
            c,
        ),
    )
    says = {
        "cl-t1": "58 soldiers",
        "cl-t2": "at least 23 soldiers",
        "cl-t3": "denies: 70 soldiers",
        "cl-t4": "58 killed, 30 wounded",
    }
    assert rows["says"].tolist() == [says[c] for c in order]
    assert rows["source"].tolist()[order.index("cl-t3")] == (
        "reportwire.in (copy-reportwire, a copy of the article)"
    )
    assert rows["who"].tolist() == [
        "Taliban" if claims.loc[c, "claimant_id"] == "taliban" else "Pakistan" for c in order
    ]
    sources = counted.sources.set_index("source_id")
    assert rows["when"].tolist()[order.index("cl-t1")] == sources.loc["S10", "published_text"]


def test_who_says_how_many_takes_several_propositions_one_after_another(counted):
    rows = who_says_how_many(counted, ["pr-test-holds", "pr-test-dead"])
    assert len(rows) == 6
    assert rows["says"].tolist()[:2] == ["asserts", "broken"]


def test_an_unknown_proposition_or_event_is_an_error(counted):
    with pytest.raises(KeyError, match="no proposition 'pr-nothing'"):
        who_says_how_many(counted, "pr-nothing")
    with pytest.raises(KeyError, match="no event 'ev-nothing'"):
        after_the_article(counted, ["ev-nothing"])
    with pytest.raises(KeyError, match="no event 'ev-nothing'"):
        what_became_of(counted, ["ev-nothing"])
    with pytest.raises(KeyError, match="no event 'ev-nothing'"):
        status_over_time(counted, ["ev-nothing"])
    with pytest.raises(KeyError, match="no source 'N999'"):
        source_label(counted, "N999")


def test_source_labels_name_the_article_the_publisher_and_the_copy(ds):
    assert source_label(ds, "article") == "the article"
    assert source_label(ds, "S3").endswith("(S3)")
    assert source_label(ds, "copy-reportwire").endswith("a copy of the article)")


def test_event_when_prefers_the_rows_days_to_the_sources_words():
    t = pd.Timestamp
    assert event_when(t("2025-10-09"), t("2025-10-09"), "Thursday") == "9 Oct 2025"
    assert event_when(t("2026-04-01"), t("2026-04-07"), "1-7 Apr") == "1–7 Apr 2026"
    assert event_when(t("2025-10-09"), pd.NaT, None) == "9 Oct 2025"
    assert event_when(pd.NaT, pd.NaT, "a day before") == "a day before"
    assert event_when(pd.NaT, pd.NaT, pd.NA) == "no date given"


@pytest.fixture(scope="module")
def timed(counted: Dataset) -> Dataset:
    """Three test events: spoken for by a speaker, by hosts only, and by nobody."""
    events = {
        "ev-test-truce": ("2025-10-15", "S3", "Test truce announced"),
        "ev-test-talks": ("2025-11-06", "S10", "Test talks"),
        "ev-test-quiet": (None, "S3", "Test event nobody speaks for"),
    }
    out = _add(
        counted,
        "events",
        *(
            {
                "event_id": eid,
                "title": title,
                "source_id": source,
                "status": "held",
                "date_text": pd.NA if day is None else "Wednesday",
                "date_earliest": pd.NaT if day is None else pd.Timestamp(day),
                "date_latest": pd.NaT if day is None else pd.Timestamp(day),
                "related_event_id": pd.NA,
                "quote": pd.NA,
                "note": "test row",
            }
            for eid, (day, source, title) in events.items()
        ),
    )
    return _add(
        out,
        "event_actors",
        *(
            {
                "participation_id": pid,
                "event_id": eid,
                "actor_id": actor,
                "role": role,
                "source_id": "S3",
                "quote": pd.NA,
                "note": "test row",
            }
            for pid, eid, actor, role in [
                ("pa-t1", "ev-test-truce", "pakistan", "participant"),
                ("pa-t2", "ev-test-truce", "muttaqi", "speaker"),
                ("pa-t3", "ev-test-talks", "china", "host"),
                ("pa-t4", "ev-test-talks", "pakistan", "host"),
                ("pa-t5", "ev-test-quiet", "pakistan", "participant"),
            ]
        ),
    )


def test_status_over_time_merges_events_and_claims_in_date_order(timed):
    rows = status_over_time(
        timed, ["ev-test-talks", "ev-test-quiet", "ev-test-truce"], ["pr-test-holds"]
    )
    assert list(rows.columns) == ["when", "who", "says", "source"]
    days = {
        "ev-test-truce": pd.Timestamp("2025-10-15"),
        "ev-test-talks": pd.Timestamp("2025-11-06"),
        "cl-t5": _published(timed, "S10"),
        "cl-t6": _published(timed, "S3"),
    }
    expected = sorted(days, key=lambda k: (days[k], k.startswith("cl")))
    says = {
        "ev-test-truce": "Test truce announced",
        "ev-test-talks": "Test talks",
        "cl-t5": "asserts: The test ceasefire holds — broken",
        "cl-t6": "asserts: The test ceasefire holds",
    }
    assert rows["says"].tolist() == [says[k] for k in expected] + ["Test event nobody speaks for"]
    who = dict(zip(rows["says"], rows["who"], strict=True))
    assert who["Test truce announced"] == "Amir Khan Muttaqi"  # the speaker, not a participant
    assert who["Test talks"] == "China, Pakistan"  # no speaker nor mediator: the hosts
    assert who["Test event nobody speaks for"] == "(no speaker recorded)"
    assert rows["when"].tolist()[-1] == "no date given"  # undated last
    assert rows.loc[rows["says"] == "Test talks", "when"].item() == "6 Nov 2025"


def test_status_over_time_with_a_denial_names_the_stance_first(counted):
    rows = status_over_time(counted, proposition_ids=["pr-test-dead"])
    assert rows["says"].str.startswith(("denies: ", "asserts: ")).all()
    assert "denies: How many soldiers were killed in the test fighting — 70 soldiers" in set(
        rows["says"]
    )


def test_after_the_article_counts_days_from_its_last_possible_day(timed):
    rows = after_the_article(timed, ["ev-test-quiet", "ev-test-talks", "ev-meeting-announced"])
    assert list(rows.columns) == ["when", "what", "source", "days after the article"]
    last = timed.sources.set_index("source_id").loc["article", "published_latest"]
    announced = timed.events.set_index("event_id").loc["ev-meeting-announced", "date_earliest"]
    assert rows["days after the article"].tolist()[:2] == [
        (announced - last).days,
        (pd.Timestamp("2025-11-06") - last).days,
    ]
    assert pd.isna(rows["days after the article"].iloc[2])  # undated: no number, listed last
    assert rows["what"].tolist()[2] == "Test event nobody speaks for"


def test_what_became_of_lists_each_status_in_date_order(timed):
    rows = what_became_of(timed, ["ev-test-quiet", "ev-meeting-held", "ev-meeting-announced"])
    assert list(rows.columns) == ["when", "status", "what", "source"]
    assert rows["status"].tolist() == ["planned", "held", "held"]
    assert rows["source"].tolist()[0] == "the article"
    assert rows["when"].tolist()[-1] == "no date given"


# --- the rows lesson 9 uses, in the data the library reads --------------------------------------


@lru_cache(maxsize=1)
def _now() -> Dataset:
    """The data the lessons read: ``$PAKAFGHAN_DATA`` when set, else the bundled data."""
    return pakafghan.load_dataset()


LESSON = Path(__file__).resolve().parents[1] / "lessons" / "09_what_happened_next.ipynb"


def _lesson_ids(prefix: str) -> tuple[str, ...]:
    """The ids of one kind ("ev", "pr") that lesson 9's code cells name, in order."""
    cells = nbformat.read(LESSON, as_version=4).cells
    code = "\n".join(c.source for c in cells if c.cell_type == "code")
    return tuple(dict.fromkeys(re.findall(rf'"({prefix}-[a-z0-9-]+)"', code)))


#: The event and proposition ids lesson 9 shows.
LESSON_EVENTS = _lesson_ids("ev")
LESSON_PROPOSITIONS = _lesson_ids("pr")


def missing_ids(events: tuple[str, ...] = (), propositions: tuple[str, ...] = ()) -> list[str]:
    """The ids lesson 9 needs that the data does not hold (yet)."""
    ds = _now()
    have = set(ds.events["event_id"]) | set(ds.propositions["proposition_id"])
    return [i for i in (*events, *propositions) if i not in have]


def needs(events: tuple[str, ...] = (), propositions: tuple[str, ...] = ()):
    """Skip, naming the missing ids, while the rows of "what happened next" are not in the data."""
    missing = missing_ids(events, propositions)
    reason = f"rows of 'what happened next' not in the data yet: {', '.join(missing)}"
    return pytest.mark.skipif(bool(missing), reason=reason)


def test_the_lesson_names_the_rows_it_shows():
    assert {"ev-doha-ceasefire", "ev-urumqi-talks"} <= set(LESSON_EVENTS)
    assert "pr-doha-ceasefire-holds" in LESSON_PROPOSITIONS and len(LESSON_PROPOSITIONS) >= 8


@needs(LESSON_EVENTS, LESSON_PROPOSITIONS)
def test_every_id_the_lesson_shows_is_in_the_data():
    ds = _now()
    assert not missing_ids(LESSON_EVENTS, LESSON_PROPOSITIONS)
    for pid in LESSON_PROPOSITIONS:
        assert len(who_says_how_many(ds, pid)) >= 1, pid


@needs(propositions=("pr-oct-clashes-pakistani-soldiers-killed",))
def test_the_two_sides_give_their_own_figures_for_the_october_dead():
    rows = who_says_how_many(_now(), "pr-oct-clashes-pakistani-soldiers-killed")
    assert {"ISPR (Inter-Services Public Relations)", "Zabihullah Mujahid"} <= set(rows["who"])
    assert rows["says"].str.contains(r"\d").all()


@needs(propositions=("pr-doha-ceasefire-holds",))
def test_the_ceasefire_is_asserted_and_denied():
    rows = who_says_how_many(_now(), "pr-doha-ceasefire-holds")
    stances = {s.split(":")[0] for s in rows["says"]}
    assert stances & set(NEGATIVE)
    claims = _now().claims
    held = claims[claims["proposition_id"] == "pr-doha-ceasefire-holds"]
    assert set(held["stance"].astype(str)) & set(POSITIVE)


LATER = ("ev-kabul-strike-britannica", "ev-asif-open-war-post", "ev-urumqi-talks")


@needs(events=LATER)
def test_the_later_events_come_after_the_article():
    rows = after_the_article(_now(), LATER)
    assert (rows["days after the article"] > 0).all()
