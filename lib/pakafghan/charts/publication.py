"""When each source was published, against the dates of the events it reports on.

One row per source that reports on a thread of the story (an event of the thread, a
participation in one, or a claim about one), earliest published first. A source published on a
known day is a filled diamond; one published within a range of days (``published_earliest`` to
``published_latest``) is a line with a hollow diamond at its middle; one known only to be "not
before" or "not after" a day is a triangle pointing the open way. Sources with no publication
date cannot be placed: they are listed under the chart.

Behind the rows, shaded vertical bands mark the events the article reports on this thread, and
what other reports say became of them (:func:`pakafghan.timing.event_bands`). Each band has the
status's colour *and* hatching (``pakafghan.style.STATUS_STYLE``), a number at its top and a
legend entry, so a reader sees whether a source was written before an event (a forecast or an
announcement) or after it. Bands that cover the same days stand side by side, each in its own
share of the days (:func:`band_spans`), so that none hides another or mixes with it into a
colour of no legend entry; and each band is outlined, with a line style of its own among the
bands of its status (:data:`OUTLINES`), so two bands of one status differ by more than place.

Example:
    >>> from pakafghan import load_dataset
    >>> chart = publication_chart(load_dataset())
    >>> chart.alt_text.startswith("Publication dates of")
    True
"""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from pakafghan.charts.base import Chart, classroom_style, date_axis, new_figure
from pakafghan.load import Dataset
from pakafghan.select import PRIMARY, original_of
from pakafghan.style import FONT, OKABE_ITO, STATUS_HATCH, STATUS_STYLE
from pakafghan.text import clip, day_range, plot_text
from pakafghan.timing import TIMING, event_bands, publication_rows, relative_timing

_LABEL_WIDTH = 46
_INK = OKABE_ITO["black"]
#: Outline styles of the bands of one status, in band order: the first solid, then dashed...
OUTLINES = ("solid", "dashed", "dotted", "dashdot")
_FILL_ALPHA = 0.22


def band_spans(bands: pd.DataFrame) -> list[tuple[float, float]]:
    """Where each band is drawn, as (left, right) in matplotlib date numbers: from half a day
    before its first day to half a day after its last; bands with the same days share them
    out side by side, in band order, so that none covers another.

    Example:
        >>> days = pd.to_datetime(["2025-08-22", "2025-08-22", "2025-08-25"])
        >>> bands = pd.DataFrame({"date_earliest": days, "date_latest": days})
        >>> [round(right - left, 2) for left, right in band_spans(bands)]
        [0.5, 0.5, 1.0]
    """
    keys = list(zip(bands["date_earliest"], bands["date_latest"], strict=True))
    seen: dict[tuple, int] = {}
    spans = []
    for key in keys:
        share, place = keys.count(key), seen.get(key, 0)
        seen[key] = place + 1
        left = mdates.date2num(key[0]) - 0.5
        width = (mdates.date2num(key[1]) + 0.5 - left) / share
        spans.append((float(left + place * width), float(left + (place + 1) * width)))
    return spans


def band_outlines(bands: pd.DataFrame) -> list[str]:
    """Each band's outline style: the n-th band of a status takes the n-th of :data:`OUTLINES`.

    Example:
        >>> band_outlines(pd.DataFrame({"status": ["held", "postponed", "held"]}))
        ['solid', 'solid', 'dashed']
    """
    seen: dict[str, int] = {}
    styles = []
    for status in bands["status"]:
        n = seen.get(status, 0)
        seen[status] = n + 1
        styles.append(OUTLINES[n % len(OUTLINES)])
    return styles


def _band_label(number: int, band: tuple) -> str:
    title = clip(band.title, 48)
    dates = day_range(band.date_earliest, band.date_latest)
    return plot_text(f"{number}. {band.status} {dates}: {title} [{band.source_id}]")


def _counts(rows: pd.DataFrame, band: tuple) -> str:
    timing = [
        relative_timing(a, b, band.date_earliest, band.date_latest)
        for a, b in zip(rows["published_earliest"], rows["published_latest"], strict=True)
    ]
    return ", ".join(f"{timing.count(t)} {t}" for t in TIMING)


def describe_publication(
    rows: pd.DataFrame, bands: pd.DataFrame, thread: str | None = "islamabad_meeting"
) -> str:
    """The text alternative of the chart of ``rows`` (:func:`publication_rows`) and ``bands``
    (:func:`event_bands`).

    Example:
        >>> from pakafghan import load_dataset
        >>> ds = load_dataset()
        >>> text = describe_publication(publication_rows(ds), event_bands(ds))
        >>> "The article (c. 22-24 Aug 2025) was published before" in text
        True
    """
    dated = rows[rows["published_earliest"].notna() | rows["published_latest"].notna()]
    undated = rows.drop(dated.index)
    about = "anything" if thread is None else f"the {thread} thread"
    text = f"Publication dates of {len(dated)} sources that report on {about}, earliest first"
    parts = [
        f"{n}. {b.status} {day_range(b.date_earliest, b.date_latest)} [{b.source_id}]: "
        f"sources published before, around, after it: {_counts(dated, b)}"
        for n, b in enumerate(bands.itertuples(index=False), start=1)
    ]
    if parts:
        text += f", against {len(bands)} events shaded as bands: " + "; ".join(parts) + "."
    else:
        text += "; none of the article's events on it is dated, so no band is drawn."
    article = dated[dated["source_id"] == PRIMARY]
    own = bands[bands["source_id"] == PRIMARY]
    if not article.empty and not own.empty:
        a = article.iloc[0]
        said = []
        for b in own.itertuples(index=False):
            when = relative_timing(
                a["published_earliest"], a["published_latest"], b.date_earliest, b.date_latest
            )
            said.append(
                f"{when} the {b.status} {day_range(b.date_earliest, b.date_latest)} it reports"
            )
        text += f" The article ({a['published_text']}) was published {'; '.join(said)}."
    if not undated.empty:
        text += f" Undated, not drawn: {', '.join(undated['source_id'])}."
    return text


def _row_label(row: tuple) -> str:
    text = clip(f"{row.source_id} · {row.publisher}", _LABEL_WIDTH)
    return plot_text(f"{text} · {row.published_text}")


def _draw_source(ax: Axes, y: int, row: tuple) -> str:
    """Draw one source's publication mark; return its kind (for the legend)."""
    first, last = row.published_earliest, row.published_latest
    if pd.notna(first) and pd.notna(last) and first == last:
        (mark,) = ax.plot([first], [y], linestyle="none", marker="D", markersize=9, color=_INK)
        kind = "day"
    elif pd.notna(first) and pd.notna(last):
        mid = first + (last - first) / 2
        ax.plot([first, last], [y, y], color=_INK, linewidth=2, solid_capstyle="butt")
        ax.plot([first, last], [y, y], linestyle="none", marker="|", markersize=10, color=_INK)
        (mark,) = ax.plot(
            [mid], [y], linestyle="none", marker="D", markersize=9, color=_INK, mfc="white"
        )
        kind = "range"
    else:
        day, marker = (first, ">") if pd.notna(first) else (last, "<")
        (mark,) = ax.plot([day], [y], linestyle="none", marker=marker, markersize=10, color=_INK)
        kind = "open"
    mark.set_gid(f"pub:{row.source_id}")
    return kind


def _draw_bands(ax: Axes, bands: pd.DataFrame) -> list[Patch]:
    """Draw the bands (side by side where they share days, each outlined) and their numbers
    (stacked when bands start on the same day); return their legend handles."""
    handles = []
    starts: dict[pd.Timestamp, int] = {}
    spans, outlines = band_spans(bands), band_outlines(bands)
    for number, band in enumerate(bands.itertuples(index=False), start=1):
        style = STATUS_STYLE[band.status]
        (left, right), outline = spans[number - 1], outlines[number - 1]
        look = {
            "facecolor": to_rgba(style["color"], _FILL_ALPHA),
            "edgecolor": style["color"],
            "linewidth": 1.8,
            "linestyle": outline,
            "hatch": STATUS_HATCH.get(band.status) or None,
        }
        patch = ax.axvspan(left, right, zorder=0, **look)
        patch.set_gid(f"band:{band.event_id}")
        level = starts.get(band.date_earliest, 0)
        starts[band.date_earliest] = level + 1
        ax.annotate(
            str(number),
            ((left + right) / 2, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, 4 + 14 * level),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=FONT["small"],
            fontweight="bold",
            color=style["color"],
            annotation_clip=False,
        )
        handles.append(Patch(label=_band_label(number, band), **look))
    return handles


_MARK_LEGEND = {
    "day": {"marker": "D", "label": "published on this day"},
    "range": {"marker": "D", "mfc": "white", "label": "published within this range"},
    "open": {"marker": ">", "label": "published not before (▶) / not after (◀)"},
}


def _legend_handles(kinds: list[str], bands: list[Patch], undated: pd.DataFrame) -> list:
    """The marks drawn, the bands, and the sources that could not be drawn."""
    handles: list = [
        Line2D([], [], linestyle="none", color=_INK, markersize=9, **_MARK_LEGEND[k])
        for k in _MARK_LEGEND
        if k in kinds
    ]
    handles += bands
    if not undated.empty:
        listing = ", ".join(
            f"{s} ({p})" for s, p in zip(undated["source_id"], undated["publisher"], strict=True)
        )
        wrapped = textwrap.fill(f"No publication date, not drawn: {listing}", width=100)
        handles.append(Line2D([], [], linestyle="none", label=plot_text(wrapped)))
    return handles


def _frame(ax: Axes, dated: pd.DataFrame, bands: pd.DataFrame, originals: dict[str, str]) -> None:
    """Row labels (bold for the article and its copies), date axis and limits, grid."""
    ax.set_yticks(range(len(dated)), labels=[_row_label(r) for r in dated.itertuples()])
    for label, source_id in zip(ax.get_yticklabels(), dated["source_id"], strict=True):
        if originals.get(source_id) == PRIMARY:
            label.set_fontweight("bold")
    ax.set_ylim(len(dated) - 0.5, -0.5)
    days = pd.concat(
        [
            dated["published_earliest"],
            dated["published_latest"],
            bands["date_earliest"],
            bands["date_latest"],
        ]
    ).dropna()
    if not days.empty:
        ax.set_xlim(mdates.date2num(days.min()) - 3, mdates.date2num(days.max()) + 3)
    date_axis(ax)
    ax.grid(axis="x", alpha=0.3)
    ax.set_xlabel("Date of publication (marks) and of the events (bands)")


def publication_chart(ds: Dataset, thread: str | None = "islamabad_meeting") -> Chart:
    """When each source reporting on ``thread`` was published, against bands for the events
    (see the module's description). ``thread=None``: every source, every thread.

    Example:
        >>> from pakafghan import load_dataset
        >>> chart = publication_chart(load_dataset(), thread="muttaqi_visit")
        >>> "the muttaqi_visit thread" in chart.alt_text
        True
    """
    rows = publication_rows(ds, thread)
    bands = event_bands(ds, thread)
    dated = rows[rows["published_earliest"].notna() | rows["published_latest"].notna()]
    undated = rows.drop(dated.index)
    where = "every thread" if thread is None else f"the {thread} thread"
    with classroom_style():
        legend_rows = len(bands) + 3
        height = 2.6 + 0.36 * max(len(dated), 1) + 0.3 * legend_rows
        fig, ax = new_figure(width=13, height=min(height, 36))
        stacked = int(bands["date_earliest"].value_counts().max()) if not bands.empty else 0
        ax.set_title(plot_text(f"When each source was published ({where})"), pad=8 + 14 * stacked)
        kinds = [_draw_source(ax, y, r) for y, r in enumerate(dated.itertuples(index=False))]
        band_handles = _draw_bands(ax, bands)
        _frame(ax, dated, bands, original_of(ds))
        fig.legend(
            handles=_legend_handles(kinds, band_handles, undated),
            loc="outside lower left",
            frameon=False,
            title="Bold rows: the article and its copies. Bands: the events (numbered at the top)",
            title_fontsize=FONT["small"],
            alignment="left",
        )
    return Chart(fig, describe_publication(rows, bands, thread))
