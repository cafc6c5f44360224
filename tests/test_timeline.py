"""The timeline chart: what is drawn, how large data is counted, and the text alternative.

Which events the filters keep is tested in test_select.py; the chart's speed on large data is
measured by ``make bench`` (bench/run.py), never asserted here.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from matplotlib.colors import to_hex

from bench.synthetic import repeated_events
from pakafghan.charts.timeline import (
    AGGREGATE_ABOVE,
    count_period,
    describe_timeline,
    timeline_chart,
)
from pakafghan.select import filter_events
from pakafghan.style import STATUS_STYLE


def artists(chart, prefix: str) -> dict[str, object]:
    ax = chart.figure.axes[0]
    found = {}
    for artist in [*ax.lines, *ax.patches, *ax.texts]:
        gid = artist.get_gid() or ""
        if gid.startswith(prefix):
            found[gid.removeprefix(prefix)] = artist
    return found


# --- timeline_chart ------------------------------------------------------------------------


def test_single_days_are_markers_and_ranges_are_bars(ds, article):
    chart = timeline_chart(ds, sources="article")
    marks, bars = artists(chart, "mark:"), artists(chart, "bar:")
    dated = article.events.dropna(subset=["date_earliest"])
    assert set(marks) == set(dated["event_id"])
    ranges = dated.loc[dated["date_latest"] > dated["date_earliest"], "event_id"]
    assert set(bars) == set(ranges)
    assert "ev-meeting-announced" in bars
    assert "ev-kabul-trilateral" not in bars
    labels = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
    assert len(labels) == len(dated)
    assert labels[0].replace("\n", " ").startswith("CPEC extension at the Kabul trilateral (the")


def test_status_has_its_own_shape_fill_and_colour(ds, extra_events):
    chart = timeline_chart(extra_events.add(ds, extra_events.held_s10, extra_events.postponed_s3))
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
    order = [str(s) for s in ds.events["status"].cat.categories]  # the codebook's order
    assert shown == [s for s in order if s in shown]
    assert "bar: a range of days" in legend


def test_precision_and_inferred_years_are_visible(ds, extra_events):
    chart = timeline_chart(extra_events.add(ds, extra_events.week_s3))
    bars = artists(chart, "bar:")
    assert bars["ev-test-week"].get_alpha() < bars["ev-meeting-announced"].get_alpha()
    labels = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
    labels = [label.replace("\n", " ") for label in labels]
    assert any(label.startswith("~ Test meeting moved") for label in labels)
    assert not any(label.startswith("~ Trilateral") for label in labels)
    years = artists(chart, "year:")
    assert years["ev-kabul-trilateral"].get_text() == "year from S43"
    assert years["ev-meeting-announced"].get_text() == "year from S1"
    assert "ev-test-week" not in years  # its year is stated


def test_undated_events_are_listed_under_the_chart_and_in_the_alt_text(ds, article):
    chart = timeline_chart(ds, sources="article")
    undated = article.events.query("year_basis == 'none'")
    assert len(undated) >= 3
    footer = chart.figure.get_supxlabel().replace("\n", " ")
    assert footer.startswith(f"Undated in the source ({len(undated)}):")
    assert (
        "Khalilzad criticises the meeting and what the article calls Pakistan's support for it "
        "[article]" in footer
    )
    assert "undated in the source" in chart.alt_text
    assert "Taliban foreign minister's visit to Pakistan postponed" in chart.alt_text


def test_alt_text_counts_come_from_the_data(ds, article):
    chart = timeline_chart(ds, sources="article")
    events = article.events
    counts = events["status"].value_counts()
    assert chart.alt_text.startswith(f"Timeline of {len(events)} events (the article only):")
    assert f"{counts['held']} held" in chart.alt_text
    assert f"{counts['planned']} planned" in chart.alt_text
    assert "from 20 Aug 2025 to 26 Aug 2025" in chart.alt_text
    assert repr(chart) == f"Chart: {chart.alt_text}"


def test_dollar_signs_in_titles_are_not_mathtext(ds, extra_events):
    chart = timeline_chart(
        extra_events.add(ds, {**extra_events.held_s10, "title": "Costs $5 or $6"}),
        threads="islamabad_meeting",
    )
    labels = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
    assert r"Costs \$5 or \$6 [S10]" in labels
    chart.png()  # draws without a mathtext error


def test_nothing_dated_gives_an_empty_chart_with_a_message(ds):
    chart = timeline_chart(ds, actors="khalilzad", sources="article")
    ax = chart.figure.axes[0]
    assert [t.get_text() for t in ax.texts] == ["No dated event matches."]
    assert "None is dated." in chart.alt_text


def test_100000_events_are_counted_per_period(ds):
    n = 100_000
    large = repeated_events(ds, n, days=60)
    chart = timeline_chart(large)
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
    at_threshold = timeline_chart(repeated_events(ds, n, days=30))
    assert len(artists(at_threshold, "mark:")) == AGGREGATE_ABOVE
    assert at_threshold.alt_text.startswith("Timeline of")
    above = repeated_events(ds, int(np.searchsorted(cumulative, AGGREGATE_ABOVE + 1)) + 1, days=30)
    assert describe_timeline(filter_events(above)).startswith("Events per ")
    assert artists(timeline_chart(above), "count:")


def test_count_period_follows_the_span():
    def span(*days: str) -> pd.DataFrame:
        return pd.DataFrame({"date_earliest": pd.to_datetime(list(days))})

    assert count_period(span("2025-08-01", "2025-12-31")) == ("W-SUN", "week")
    assert count_period(span("2021-08-15", "2025-12-31")) == ("M", "month")
    assert count_period(span("2007-12-01", "2025-12-31")) == ("Y", "year")


def test_the_date_axis_names_days_then_months_then_years(ds, article):
    def ticks(chart) -> tuple[list[str], str]:
        chart.figure.draw_without_rendering()
        axis = chart.figure.axes[0].xaxis
        return [t.get_text() for t in axis.get_ticklabels()], axis.get_offset_text().get_text()

    days, offset = ticks(timeline_chart(ds, sources="article"))  # 20-26 Aug 2025
    assert 3 <= len(days) <= 8 and all(days)
    # each day tick names its day and month ("21 Aug"), with no platform-specific code
    assert all(re.fullmatch(r"\d{2} [A-Z][a-z]{2}", label) for label in days), days
    assert "Aug" in days[0] and offset == "2025"  # the year is said once, not on every tick
    years, _ = ticks(timeline_chart(repeated_events(ds, 100_000, days=60)))
    assert all(label.isdigit() and len(label) == 4 for label in years)
    dated = ds.events["date_earliest"].dropna()
    assert int(years[0]) <= dated.min().year + 20 and int(years[-1]) >= 2025 - 20


def test_statuses_follow_the_codebooks_order(ds, extra_events):
    chart = timeline_chart(extra_events.add(ds, extra_events.held_s10, extra_events.postponed_s3))
    legend = [t.get_text() for t in chart.figure.axes[0].get_legend().get_texts()]
    order = [str(s) for s in ds.events["status"].cat.categories]
    shown = [label for label in legend if label in order]
    assert shown == [s for s in order if s in shown] and len(shown) >= 3
    counts = ds.events["status"].value_counts()
    expected = ", ".join(f"{counts[s]:,} {s}" for s in order if counts.get(s, 0))
    assert f"(all sources): {expected}." in describe_timeline(filter_events(ds))


def test_loose_dates_are_drawn_thinner_and_lighter_than_days(ds):
    """A month's bar and mark must not be the most prominent on the chart (review item 4.3)."""
    chart = timeline_chart(ds, threads="islamabad_meeting")
    bars, marks = artists(chart, "bar:"), artists(chart, "mark:")
    events = ds.events.set_index("event_id")
    month = "ev-taliban-objects-meeting"  # known only to the month
    week = "ev-meeting-rescheduled"
    days = "ev-meeting-announced"  # a range of days the source names
    assert events.loc[month, "date_precision"] == "month"
    assert events.loc[week, "date_precision"] == "week"
    assert events.loc[days, "date_precision"] == "days"
    for loose in (month, week):
        assert bars[loose].get_height() < bars[days].get_height() / 2
        assert bars[loose].get_alpha() < bars[days].get_alpha()
        assert bars[loose].get_linewidth() < bars[days].get_linewidth()
        assert marks[loose].get_markersize() < marks[days].get_markersize()
        assert marks[loose].get_alpha() < (marks[days].get_alpha() or 1.0)
    legend = [t.get_text() for t in chart.figure.axes[0].get_legend().get_texts()]
    assert any(label.startswith("~ thin, light: a loose date") for label in legend)


def test_long_labels_wrap_onto_two_lines_instead_of_being_cut(ds):
    chart = timeline_chart(ds, threads="islamabad_meeting")
    labels = {t.get_text() for t in chart.figure.axes[0].get_yticklabels()}
    events = ds.events[ds.events["thread"] == "islamabad_meeting"].set_index("event_id")
    title = events.loc["ev-meeting-postponed", "title"]
    assert len(title) > 40
    wrapped = next(label for label in labels if label.startswith(title[:20]))
    assert wrapped.replace("\n", " ") == f"{title} [S3]"  # whole, on two lines
    assert all(label.count("\n") <= 1 for label in labels)
    assert all(label.endswith("]") for label in labels)  # the source is never cut off
    longest = max(labels, key=len)
    assert "…" in longest or len(longest) <= 2 * 48 + 1
    assert chart.figure.get_size_inches()[1] >= 0.5 * len(labels)


def test_a_drawn_chart_lets_go_of_its_pixels_and_draws_the_same_again(ds):
    """A chart kept in ``Out`` after being shown must not keep its image buffer (the canvas's
    renderer, which every drawn text also refers to); drawing it again gives the same PNG."""
    from matplotlib.text import Text

    chart = timeline_chart(ds, threads="islamabad_meeting")
    first = chart.png()
    texts = chart.figure.findobj(Text)
    assert texts and all(t._renderer is None for t in texts)
    assert chart.figure.canvas.renderer is None
    assert chart.png() == first == timeline_chart(ds, threads="islamabad_meeting").png()
