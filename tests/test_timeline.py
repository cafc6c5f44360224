"""The timeline chart and its filter: what is kept, what is drawn, and the text alternative."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

import pakafghan
from pakafghan.charts.timeline import (
    AGGREGATE_ABOVE,
    count_period,
    describe_timeline,
    filter_events,
    timeline_chart,
)
from pakafghan.load import Dataset
from pakafghan.select import article_only
from pakafghan.style import STATUS_STYLE

ARTICLE_IDS = {"article", "copy-reportwire", "copy-newsanalysisindia", "copy-thechhattisgarh"}


def with_events(ds: Dataset, *changes: dict) -> Dataset:
    """``ds`` plus copies of ev-meeting-announced, each changed by one dict (in memory)."""
    events = ds.events
    base = events[events["event_id"] == "ev-meeting-announced"]
    extra = [base.assign(quote=pd.NA, note="test row", **change) for change in changes]
    out = pd.concat([events, *extra], ignore_index=True)
    for column in events.columns:
        if isinstance(events[column].dtype, pd.CategoricalDtype):
            categories = events[column].cat.categories
            out[column] = pd.Categorical(out[column].astype(object), categories=categories)
    return Dataset(ds.data_dir, {**ds.tables, "events": out})


HELD_S10 = {
    "event_id": "ev-test-held",
    "title": "Test meeting held",
    "source_id": "S10",
    "status": "held",
    "date_text": "Monday",
    "date_earliest": pd.Timestamp("2025-09-29"),
    "date_latest": pd.Timestamp("2025-09-30"),
    "year_basis": "stated",
    "year_source_id": pd.NA,
}
POSTPONED_S3 = {
    "event_id": "ev-test-postponed",
    "title": "Test meeting postponed",
    "source_id": "S3",
    "status": "postponed",
    "date_text": "Friday",
    "date_earliest": pd.Timestamp("2025-08-22"),
    "date_latest": pd.Timestamp("2025-08-22"),
    "date_precision": "day",
    "year_basis": "stated",
    "year_source_id": pd.NA,
}
WEEK_S3 = {
    "event_id": "ev-test-week",
    "title": "Test meeting moved to a later week",
    "source_id": "S3",
    "status": "planned",
    "date_text": "the last week of September",
    "date_earliest": pd.Timestamp("2025-09-22"),
    "date_latest": pd.Timestamp("2025-09-28"),
    "date_precision": "week",
    "year_basis": "stated",
    "year_source_id": pd.NA,
}


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return pakafghan.load_dataset()


def artists(chart, prefix: str) -> dict[str, object]:
    ax = chart.figure.axes[0]
    found = {}
    for artist in [*ax.lines, *ax.patches, *ax.texts]:
        gid = artist.get_gid() or ""
        if gid.startswith(prefix):
            found[gid.removeprefix(prefix)] = artist
    return found


# --- filter_events -------------------------------------------------------------------------


def test_filter_by_sources_keeps_only_the_article_and_its_copies(ds):
    extended = with_events(ds, HELD_S10)
    everything = filter_events(extended)
    article = filter_events(extended, sources="article")
    assert "ev-test-held" in set(everything["event_id"])
    assert "ev-test-held" not in set(article["event_id"])
    assert set(article["source_id"]) <= ARTICLE_IDS
    assert set(article["event_id"]) == set(article_only(ds).events["event_id"])
    with pytest.raises(ValueError, match="sources must be one of"):
        filter_events(ds, sources="S10")


def test_filter_by_actor_uses_participations(ds):
    assert filter_events(ds, actors="wang-yi", sources="article")["event_id"].tolist() == [
        "ev-kabul-trilateral"
    ]
    pa = ds.event_actors
    expected = set(pa.loc[pa["actor_id"].isin(["khalilzad", "sassi"]), "event_id"])
    got = filter_events(ds, actors=["khalilzad", "sassi"])
    assert set(got["event_id"]) == expected
    assert {"ev-khalilzad-criticism", "ev-meeting-announced"} <= expected


def test_filter_by_event_type(ds):
    agree = filter_events(ds, event_types="AGREE")
    assert "ev-cpec-extension-agreed" in set(agree["event_id"])
    assert set(agree["event_type"].astype(str)) == {"AGREE"}
    both = filter_events(ds, event_types=["AGREE", "ACCUSE"])
    assert {"ev-cpec-extension-agreed", "ev-khalilzad-criticism"} <= set(both["event_id"])


def test_filter_by_dates_keeps_overlapping_ranges_and_undated_events(ds):
    day = filter_events(ds, start="2025-08-20", end="2025-08-20", sources="article")
    ids = set(day["event_id"])
    assert {"ev-kabul-trilateral", "ev-cpec-extension-agreed"} <= ids
    assert "ev-meeting-announced" not in ids
    assert "ev-khalilzad-criticism" in ids  # undated: cannot be placed, so not filtered out
    overlap = filter_events(ds, start="2025-08-26", end="2025-09-01", sources="article")
    assert "ev-meeting-announced" in set(overlap["event_id"])  # 25-26 Aug overlaps 26 Aug


def test_order_is_date_then_id_with_undated_last(ds):
    events = filter_events(with_events(ds, HELD_S10, POSTPONED_S3))
    dated = events[events["date_earliest"].notna()]
    keys = list(zip(dated["date_earliest"], dated["event_id"], strict=True))
    assert keys == sorted(keys)
    assert events["date_earliest"].isna().tolist() == sorted(events["date_earliest"].isna())
    undated = events.loc[events["date_earliest"].isna(), "event_id"].tolist()
    assert undated == sorted(undated)
    article = filter_events(ds, sources="article")
    assert article.loc[:2, "event_id"].tolist() == [
        "ev-cpec-extension-agreed",
        "ev-kabul-trilateral",
        "ev-meeting-announced",
    ]


def test_filter_by_thread(ds):
    kabul = filter_events(ds, threads="kabul_trilateral")
    assert "ev-kabul-trilateral" in set(kabul["event_id"])
    assert set(kabul["thread"].astype(str)) == {"kabul_trilateral"}
    expected = ds.events["thread"].isin(["kabul_trilateral", "cpec"]).sum()
    assert len(filter_events(ds, threads=["kabul_trilateral", "cpec"])) == expected


# --- timeline_chart ------------------------------------------------------------------------


def test_single_days_are_markers_and_ranges_are_bars(ds):
    chart = timeline_chart(ds, sources="article")
    marks, bars = artists(chart, "mark:"), artists(chart, "bar:")
    dated = article_only(ds).events.dropna(subset=["date_earliest"])
    assert set(marks) == set(dated["event_id"])
    ranges = dated.loc[dated["date_latest"] > dated["date_earliest"], "event_id"]
    assert set(bars) == set(ranges)
    assert "ev-meeting-announced" in bars
    assert "ev-kabul-trilateral" not in bars
    labels = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
    assert len(labels) == len(dated)
    assert labels[0].startswith("Agreement on extending CPEC")


def test_status_has_its_own_shape_fill_and_colour(ds):
    chart = timeline_chart(with_events(ds, HELD_S10, POSTPONED_S3))
    marks = artists(chart, "mark:")
    planned = marks["ev-meeting-announced"]
    assert planned.get_marker() == STATUS_STYLE["planned"]["marker"]
    assert planned.get_markerfacecolor() == "white"
    assert to_hex(planned.get_markeredgecolor()) == STATUS_STYLE["planned"]["color"].lower()
    held = marks["ev-kabul-trilateral"]
    assert to_hex(held.get_markerfacecolor()) == STATUS_STYLE["held"]["color"].lower()
    postponed = marks["ev-test-postponed"]
    assert postponed.get_marker() == "X"
    assert to_hex(postponed.get_markerfacecolor()) == STATUS_STYLE["postponed"]["color"].lower()
    bars = artists(chart, "bar:")
    assert bars["ev-meeting-announced"].get_linestyle() == "--"  # a plan: a dashed, hollow bar
    assert bars["ev-test-held"].get_linestyle() == "-"
    legend = [t.get_text() for t in chart.figure.axes[0].get_legend().get_texts()]
    shown = [label for label in legend if label in STATUS_STYLE]
    assert {"planned", "held", "postponed"} <= set(shown)
    assert shown == [s for s in ("planned", "held", "postponed", "cancelled") if s in shown]
    assert "bar: a range of days" in legend


def test_precision_and_inferred_years_are_visible(ds):
    chart = timeline_chart(with_events(ds, WEEK_S3))
    bars = artists(chart, "bar:")
    assert bars["ev-test-week"].get_alpha() < bars["ev-meeting-announced"].get_alpha()
    labels = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
    assert any(label.startswith("~ Test meeting moved") for label in labels)
    assert not any(label.startswith("~ Trilateral") for label in labels)
    years = artists(chart, "year:")
    assert years["ev-kabul-trilateral"].get_text() == "year from S43"
    assert years["ev-meeting-announced"].get_text() == "year from S1"
    assert "ev-test-week" not in years  # its year is stated


def test_undated_events_are_listed_under_the_chart_and_in_the_alt_text(ds):
    chart = timeline_chart(ds, sources="article")
    undated = article_only(ds).events.query("year_basis == 'none'")
    assert len(undated) >= 3
    footer = chart.figure.get_supxlabel().replace("\n", " ")
    assert footer.startswith(f"Undated in the source ({len(undated)}):")
    assert "Khalilzad criticises Pakistan's support for the meeting [article]" in footer
    assert "undated in the source" in chart.alt_text
    assert "Taliban foreign minister's visit to Pakistan postponed" in chart.alt_text


def test_alt_text_counts_come_from_the_data(ds):
    chart = timeline_chart(ds, sources="article")
    events = article_only(ds).events
    counts = events["status"].value_counts()
    assert chart.alt_text.startswith(f"Timeline of {len(events)} events (the article only):")
    assert f"{counts['held']} held" in chart.alt_text
    assert f"{counts['planned']} planned" in chart.alt_text
    assert "from 20 Aug 2025 to 26 Aug 2025" in chart.alt_text
    assert repr(chart) == f"Chart: {chart.alt_text}"


def test_dollar_signs_in_titles_are_not_mathtext(ds):
    chart = timeline_chart(
        with_events(ds, {**HELD_S10, "title": "Costs $5 or $6"}), threads="islamabad_meeting"
    )
    labels = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
    assert r"Costs \$5 or \$6 [S10]" in labels
    chart.png()  # draws without a mathtext error


def test_nothing_dated_gives_an_empty_chart_with_a_message(ds):
    chart = timeline_chart(ds, actors="khalilzad", sources="article")
    ax = chart.figure.axes[0]
    assert [t.get_text() for t in ax.texts] == ["No dated event matches."]
    assert "None is dated." in chart.alt_text


def repeated(ds: Dataset, n: int, days: int) -> Dataset:
    """``n`` events cycling through the real rows, with new ids, shifted by up to ``days``."""
    events = ds.events
    big = events.iloc[np.arange(n) % len(events)].reset_index(drop=True)
    big["event_id"] = [f"ev-big-{i:06d}" for i in range(n)]
    shift = pd.to_timedelta(np.arange(n) % days, unit="D")
    big["date_earliest"] = big["date_earliest"] + shift
    big["date_latest"] = big["date_latest"] + shift
    return Dataset(ds.data_dir, {**ds.tables, "events": big})


def test_large_data_is_counted_per_period_quickly(ds):
    n = 100_000
    large = repeated(ds, n, days=60)
    started = time.perf_counter()
    chart = timeline_chart(large)
    assert time.perf_counter() - started < 2.0
    dated = int(large.events["date_earliest"].notna().sum())
    assert dated > AGGREGATE_ABOVE
    counts = artists(chart, "count:")
    assert not artists(chart, "mark:")
    assert set(counts) == set(large.events.dropna(subset=["date_earliest"])["status"].astype(str))
    drawn = sum(
        (step.get_data().values - step.get_data().baseline).sum() for step in counts.values()
    )
    assert drawn == dated
    title = chart.figure.axes[0].get_title()
    assert f"{dated:,} events, counted" in title
    period = title.split()[2]  # "Events per <period> by status ..."
    assert period in {"week", "month", "year"}
    assert chart.alt_text.startswith(
        f"Events per {period} by status, counted because {n:,} events are too many"
    )
    assert "more" in chart.figure.get_supxlabel()  # undated: the first few, then how many more


def test_up_to_the_threshold_each_event_is_drawn_then_counted(ds):
    dated = ds.events["date_earliest"].notna().to_numpy()
    cumulative = np.cumsum(dated[np.arange(AGGREGATE_ABOVE * 4) % len(dated)])
    n = int(np.searchsorted(cumulative, AGGREGATE_ABOVE, side="right"))  # n rows, 150 dated
    at_threshold = timeline_chart(repeated(ds, n, days=30))
    assert len(artists(at_threshold, "mark:")) == AGGREGATE_ABOVE
    assert at_threshold.alt_text.startswith("Timeline of")
    above = repeated(ds, int(np.searchsorted(cumulative, AGGREGATE_ABOVE + 1)) + 1, days=30)
    assert describe_timeline(filter_events(above)).startswith("Events per ")
    assert artists(timeline_chart(above), "count:")


def test_count_period_follows_the_span():
    def span(*days: str) -> pd.DataFrame:
        return pd.DataFrame({"date_earliest": pd.to_datetime(list(days))})

    assert count_period(span("2025-08-01", "2025-12-31")) == ("W-SUN", "week")
    assert count_period(span("2021-08-15", "2025-12-31")) == ("M", "month")
    assert count_period(span("2007-12-01", "2025-12-31")) == ("Y", "year")
