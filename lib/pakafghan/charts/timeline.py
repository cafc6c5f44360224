"""A timeline of events: what was held, planned or postponed, and when, as each source tells it.

One row per event, earliest first (then by ``event_id``). A single day is a marker; a range of
days (``date_earliest`` to ``date_latest``) is a bar with the marker at its middle. Status shows
three ways at once: colour, marker shape and fill (``pakafghan.style.STATUS_STYLE``: planned is
hollow, held is filled, postponed is an X). A loose date (a week, a month, a year) is drawn
thinner and lighter, with a smaller mark and a "~" before its label, so that the vaguest date is
never the most prominent; "year from S43" next to a mark means the source gave no year and S43
did. Long labels wrap onto two lines rather than being cut.
Events the source does not date cannot be placed: they are listed under the chart. Above
:data:`AGGREGATE_ABOVE` dated events the chart counts events per week (or month, or year, for
long spans) by status instead.

Example:
    >>> from pakafghan import load_dataset
    >>> chart = timeline_chart(load_dataset(), sources="article")
    >>> chart.alt_text.startswith("Timeline of")
    True
"""

from __future__ import annotations

import textwrap
from typing import Unpack

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from pakafghan.charts.base import Chart, classroom_style, date_axis, new_figure
from pakafghan.load import Dataset
from pakafghan.select import SOURCE_CHOICES, EventFilters, matching_events
from pakafghan.style import FONT, OKABE_ITO, STATUS_HATCH, STATUS_STYLE
from pakafghan.text import day, plot_text
from pakafghan.views import events_view

#: Above this many dated events, the chart counts events per period instead of drawing them.
AGGREGATE_ABOVE = 150

#: Precisions looser than a day or a range of days: drawn lighter, labelled with "~".
LOOSE_PRECISION = ("week", "month", "year", "unknown")

#: Count per week up to about a year and a half of dates, per month up to twelve years.
_PERIODS = (("W-SUN", "week", 550), ("M", "month", 12 * 366))
_MAX_LISTED = 6
#: Characters per line of a row label, and lines per label (longer titles end with "…").
_LABEL_WIDTH = 48
_LABEL_LINES = 2
#: Bar height (in rows) and mark size of a day or a range of days, and of a loose date.
_BAR_HEIGHT = {False: 0.36, True: 0.14}
_MARK_SIZE = {False: 13, True: 8}
_BAR_ALPHA = {False: 0.85, True: 0.35}
_MARK_ALPHA = {False: 1.0, True: 0.55}
#: Figure inches per row, when every label fits on one line and when some take two.
_ROW_INCHES = {1: 0.34, 2: 0.5}


def _statuses(events: pd.DataFrame) -> list[str]:
    """The statuses, in the schema's order (the categories of ``status``)."""
    return [str(s) for s in events["status"].cat.categories]


def _status_counts(events: pd.DataFrame) -> str:
    counts = events["status"].value_counts()
    parts = [f"{counts[s]:,} {s}" for s in _statuses(events) if counts.get(s, 0)]
    return ", ".join(parts) if parts else "none"


def _listing(undated: pd.DataFrame) -> str:
    first = undated.sort_values("event_id").head(_MAX_LISTED)
    names = [f"{t} [{s}]" for t, s in zip(first["title"], first["source_id"], strict=True)]
    shown = "; ".join(names)
    more = len(undated) - _MAX_LISTED
    return shown + (f"; and {more:,} more" if more > 0 else "")


def describe_timeline(events: pd.DataFrame, sources: str = "all") -> str:
    """The text alternative of the timeline of ``events`` (from
    :func:`pakafghan.select.filter_events`).

    Example:
        >>> from pakafghan import load_dataset
        >>> from pakafghan.select import filter_events
        >>> events = filter_events(load_dataset(), actors="wang-yi", sources="article")
        >>> text = describe_timeline(events, sources="article")
        >>> text.split(":")[0]
        'Timeline of 1 event (the article only)'
    """
    n = len(events)
    dated = events[events["date_earliest"].notna()]
    undated = events[events["date_earliest"].isna()]
    noun = "event" if n == 1 else "events"
    if len(dated) > AGGREGATE_ABOVE:
        head = (
            f"Events per {count_period(dated)[1]} by status, counted because {n:,} {noun} are "
            f"too many to draw one by one ({SOURCE_CHOICES[sources]}): {_status_counts(events)}."
        )
    else:
        head = f"Timeline of {n:,} {noun} ({SOURCE_CHOICES[sources]}): {_status_counts(events)}."
    if dated.empty:
        span = "None is dated."
    else:
        first, last = dated["date_earliest"].min(), dated["date_latest"].max()
        inferred = int((dated["year_basis"] == "inferred").sum())
        span = f"{len(dated):,} dated, from {day(first)} to {day(last)}"
        span += f" (year inferred from another source for {inferred:,})." if inferred else "."
    if undated.empty:
        return f"{head} {span}"
    return (
        f"{head} {span} {len(undated):,} undated in the source, listed under the chart: "
        f"{_listing(undated)}."
    )


def _marker_style(status: str, loose: bool = False) -> dict:
    """Filled (with a white rim, to stand out on a bar) or hollow, in the status's colour;
    smaller and fainter for a loose date."""
    style = STATUS_STYLE[status]
    color = style["color"]
    return {
        "linestyle": "none",
        "marker": style["marker"],
        "markersize": _MARK_SIZE[loose],
        "alpha": _MARK_ALPHA[loose],
        "markeredgewidth": (2 if not style["filled"] else 1.5) * (0.75 if loose else 1),
        "markeredgecolor": "white" if style["filled"] else color,
        "markerfacecolor": color if style["filled"] else "white",
    }


def _legend_handles(statuses: list[str], loose: bool, inferred: bool) -> list:
    handles: list = []
    for status in statuses:
        style = STATUS_STYLE[status]
        handles.append(Line2D([], [], label=style["label"], **_marker_style(status)))
    handles.append(Patch(facecolor=OKABE_ITO["grey"], alpha=0.8, label="bar: a range of days"))
    if loose:
        handles.append(
            Line2D(
                [],
                [],
                color=OKABE_ITO["grey"],
                alpha=_BAR_ALPHA[True],
                linewidth=5,
                label="~ thin, light: a loose date\n(a week, month or year)",
            )
        )
    if inferred:
        handles.append(
            Line2D(
                [], [], linestyle="none", label="year from Sn: the source gives\nno year; Sn does"
            )
        )
    return handles


def _label(title: str, source_id: str, loose: bool) -> str:
    """A row label on one or two lines: "~" for a loose date, the title, the source (a title
    too long for two lines ends with "…")."""
    text = f"{'~ ' if loose else ''}{title} [{source_id}]"
    lines = textwrap.wrap(
        text, _LABEL_WIDTH, max_lines=_LABEL_LINES, placeholder=f"… [{source_id}]"
    )
    return plot_text("\n".join(lines))


def _draw_event(ax: Axes, y: int, event: tuple) -> None:
    style = STATUS_STYLE[event.status]
    color, filled = style["color"], style["filled"]
    first = mdates.date2num(event.date_earliest) - 0.4
    after = mdates.date2num(event.date_latest) + 0.4
    loose = event.date_precision in LOOSE_PRECISION
    if event.date_latest > event.date_earliest:
        bar = ax.barh(
            y,
            after - first,
            left=first,
            height=_BAR_HEIGHT[loose],
            color=color if filled else "white",
            edgecolor=color,
            linewidth=1 if loose else 2,
            linestyle="-" if filled else "--",
            hatch=None if loose else STATUS_HATCH[event.status] or None,
            alpha=_BAR_ALPHA[loose],
        )
        bar.patches[0].set_gid(f"bar:{event.event_id}")
    (mark,) = ax.plot(
        [(first + after) / 2],
        [y],
        zorder=3,
        **_marker_style(event.status, loose),
    )
    mark.set_gid(f"mark:{event.event_id}")
    if event.year_basis == "inferred":
        note = ax.annotate(
            plot_text(f"year from {event.year_source_id}"),
            (after, y),
            xytext=(14, 0),
            textcoords="offset points",
            va="center",
            fontsize=FONT["small"],
            fontstyle="italic",
            color="#555555",
        )
        note.set_gid(f"year:{event.event_id}")


def _draw_events(dated: pd.DataFrame, title: str) -> Figure:
    n = len(dated)
    loose = dated["date_precision"].isin(LOOSE_PRECISION)
    labels = [
        _label(t, s, is_loose)
        for t, s, is_loose in zip(dated["title"], dated["source_id"], loose, strict=True)
    ]
    lines = max((label.count("\n") + 1 for label in labels), default=1)
    fig, ax = new_figure(width=13, height=min(2.4 + _ROW_INCHES[lines] * max(n, 1), 40))
    ax.set_title(title)
    if dated.empty:
        ax.text(0.5, 0.5, "No dated event matches.", ha="center", va="center")
        ax.set_axis_off()
        return fig
    for y, event in enumerate(dated.itertuples(index=False)):
        _draw_event(ax, y, event)
    ax.set_yticks(range(n), labels=labels)
    ax.set_ylim(n - 0.5, -0.5)
    first = mdates.date2num(dated["date_earliest"].min())
    last = mdates.date2num(dated["date_latest"].max())
    pad = max(2.0, 0.06 * (last - first))
    inferred = (dated["year_basis"] == "inferred").any()
    ax.set_xlim(first - pad, last + pad + (max(6.0, 0.22 * (last - first)) if inferred else 0))
    date_axis(ax)
    ax.grid(axis="x", alpha=0.3)
    ax.set_xlabel("Date")
    present = [s for s in _statuses(dated) if (dated["status"] == s).any()]
    ax.legend(
        handles=_legend_handles(
            present, bool(loose.any()), bool((dated["year_basis"] == "inferred").any())
        ),
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
    )
    return fig


def count_period(dated: pd.DataFrame) -> tuple[str, str]:
    """How a large timeline is counted: per week, month or year, as the span of dates needs.

    Returns a pandas period code and its name.

    Example:
        >>> frame = pd.DataFrame({"date_earliest": pd.to_datetime(["2025-08-20", "2025-09-30"])})
        >>> count_period(frame)
        ('W-SUN', 'week')
    """
    days = (dated["date_earliest"].max() - dated["date_earliest"].min()).days
    for code, name, up_to in _PERIODS:
        if days <= up_to:
            return code, name
    return "Y", "year"


def _draw_counts(dated: pd.DataFrame, title: str) -> Figure:
    """Stacked counts per period by status: one step area per status (fast for any size)."""
    fig, ax = new_figure(width=12, height=6)
    ax.set_title(title)
    code, name = count_period(dated)
    periods = dated["date_earliest"].dt.to_period(code)
    every = pd.period_range(periods.min(), periods.max(), freq=code)
    counts = pd.crosstab(periods, dated["status"].astype(object)).reindex(every, fill_value=0)
    starts = [p.start_time for p in every] + [(every[-1] + 1).start_time]
    edges = mdates.date2num(pd.DatetimeIndex(starts)) - 0.5
    bottom = np.zeros(len(every))
    for status in [s for s in _statuses(dated) if s in counts.columns]:
        style = STATUS_STYLE[status]
        top = bottom + counts[status].to_numpy()
        ax.stairs(
            top,
            edges,
            baseline=bottom,
            fill=True,
            facecolor=style["color"] if style["filled"] else "white",
            edgecolor=style["color"],
            linewidth=1.5,
            hatch=STATUS_HATCH[status] or None,
            label=f"{style['label']} ({int(counts[status].sum()):,})",
            gid=f"count:{status}",
        )
        bottom = top
    ax.set_xlim(edges[0] - 1, edges[-1] + 1)
    ax.set_ylim(0, max(1.0, bottom.max()) * 1.05)
    date_axis(ax)
    ax.set_ylabel(f"Events that {name}")
    ax.set_xlabel(f"The {name} of each event's earliest date")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return fig


def timeline_chart(ds: Dataset, **filters: Unpack[EventFilters]) -> Chart:
    """The timeline of the events :func:`pakafghan.select.filter_events` keeps (same filters).

    Example:
        >>> from pakafghan import load_dataset
        >>> chart = timeline_chart(load_dataset(), event_types="AGREE", sources="article")
        >>> len(chart.figure.axes[0].get_yticklabels())
        1
    """
    sources = filters.get("sources", "all")
    matching = matching_events(ds, **filters)
    counted = matching.events["date_earliest"].notna().sum() > AGGREGATE_ABOVE
    # Counting needs no joined view, nor an order: skipping them keeps large data quick.
    events = matching.events if counted else events_view(matching)
    dated = events[events["date_earliest"].notna()]
    undated = events[events["date_earliest"].isna()]
    where = SOURCE_CHOICES[sources]
    with classroom_style():
        if counted:
            name = count_period(dated)[1]
            title = f"Events per {name} by status ({where}; {len(dated):,} events, counted)"
            fig = _draw_counts(dated, title)
        else:
            fig = _draw_events(dated, f"Events by date, as each source tells them ({where})")
        if not undated.empty:
            listing = plot_text(f"Undated in the source ({len(undated):,}): {_listing(undated)}")
            fig.supxlabel(
                textwrap.fill(listing, width=120),
                x=0.01,
                ha="left",
                fontsize=FONT["small"],
                fontstyle="italic",
            )
    return Chart(fig, describe_timeline(events, sources))
