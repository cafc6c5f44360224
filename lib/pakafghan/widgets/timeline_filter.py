"""Filter the timeline by actor, event type, dates and sources; see the chart and a table.

The controls are ``actor`` (everyone who takes part in an event), ``event_type`` (the PLOVER
types in the data), ``start`` and ``end`` (the dates "From" and "To") and ``sources`` ("all
sources" or "the article only"; all by default). The dates start on ``dates`` (by default
:data:`DEFAULT_DATES`, 1 Aug – 31 Oct 2025; a lesson may choose another range) and offer stops
about a week apart (the 1st, 8th, 15th and 22nd of each month and its last day) from two months
before that range to two months after it; the first and last stops reach the earliest and the
latest dates in the data. The views are the timeline chart
(:func:`pakafghan.charts.timeline.timeline_chart`) and a table of the matching events, with
each date as the source wrote it next to its ISO range, its precision and where its year comes
from.

Every control is a dropdown whose visible label is its accessible name (ipywidgets ties the
``description`` to the ``<select>`` with ``for``/``id``), reached with Tab; Alt+ArrowDown opens
its list, the arrow keys move in it and Enter chooses (in JupyterLab without the project's
settings, ``tools/jupyter_settings/overrides.json``, ArrowUp and ArrowDown on a closed dropdown
move between cells instead: ipywidgets issue 3912). A range slider or toggle
buttons would be worse: ipywidgets 8.1 gives the slider's handles no accessible name (and
announces a stop's number, not its date), and tells no screen reader which toggle button is
pressed or what the group is called; it has no trait to add either.

Example:
    >>> w = timeline_filter()
    >>> w.controls["start"].value, w.controls["end"].value
    ('2025-08-01', '2025-10-31')
    >>> w.controls["sources"].value = "article"
    >>> "Trilateral meeting" in w.html.value
    True
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import ipywidgets as widgets
import pandas as pd

from pakafghan.charts.timeline import describe_timeline, timeline_chart
from pakafghan.html import html_table, html_text
from pakafghan.load import Dataset, load_dataset
from pakafghan.select import SOURCE_CHOICES, EventFilters, filter_events
from pakafghan.text import day, iso_range
from pakafghan.views import actor_names, publisher_names
from pakafghan.widgets.base import LessonWidget

ALL = "all"

#: The date range the filter starts on: the story's first weeks, August to October 2025.
DEFAULT_DATES = ("2025-08-01", "2025-10-31")
#: Days of the month the dates stop on (and each month's last day).
_STOP_DAYS = (1, 8, 15, 22)
#: Months of weekly stops before and after the starting range.
_MARGIN_MONTHS = 2
#: What the view says above the chart when "To" is set before "From".
REVERSED = "“To” is before “From”: only undated events are left. Choose a later “To”."

#: What the "date as written" column says when the source has no words for the date: the row
#: may still be dated (from the source's context, explained in its note) or not at all.
_NO_WORDS = {True: "(no date in the source)", False: "(no date in the source's words)"}

_COLUMNS = ["date_text", "range", "date_precision", "year", "status", "title", "source"]
_HEADERS = [
    "Date as written",
    "Earliest – latest",
    "Precision",
    "Year",
    "Status",
    "Event",
    "Source",
]


def _weekly_stops(first: pd.Timestamp, last: pd.Timestamp) -> Iterator[pd.Timestamp]:
    """The 1st, 8th, 15th, 22nd and last day of every month from ``first``'s to ``last``'s."""
    for month in pd.period_range(first, last, freq="M"):
        for d in _STOP_DAYS:
            yield pd.Timestamp(month.year, month.month, d)
        yield month.end_time.normalize()


def date_stops(ds: Dataset, dates: tuple[str, str] = DEFAULT_DATES) -> list[tuple[str, str]]:
    """The stops of the dates (From and To), as (label, ISO date): about a week apart, from two
    months before ``dates`` to two months after, with ``dates`` themselves; and, when the data
    has dates outside, a first stop on its earliest date and a last one on its latest.

    Example:
        >>> from pakafghan import load_dataset
        >>> stops = date_stops(load_dataset())
        >>> [value for _, value in stops if value.startswith("2025-08")]
        ['2025-08-01', '2025-08-08', '2025-08-15', '2025-08-22', '2025-08-31']
    """
    start, end = (pd.Timestamp(d) for d in dates)
    if end < start:
        raise ValueError(f"the range {dates[0]} – {dates[1]} ends before it starts")
    first = (start.to_period("M") - _MARGIN_MONTHS).start_time
    last = (end.to_period("M") + _MARGIN_MONTHS).end_time.normalize()
    stops = {*_weekly_stops(first, last), start, end}
    known = pd.concat([ds.events["date_earliest"], ds.events["date_latest"]]).dropna()
    labels = {d: day(d) for d in stops}
    if not known.empty and known.min() < first:
        labels[known.min()] = f"{day(known.min())} (earliest)"
    if not known.empty and known.max() > last:
        labels[known.max()] = f"{day(known.max())} (latest)"
    return [(labels[d], d.date().isoformat()) for d in sorted(labels)]


def _actor_options(ds: Dataset) -> list[tuple[str, str]]:
    names = actor_names(ds)
    taking_part = sorted(set(ds.event_actors["actor_id"]), key=lambda a: (names[a], a))
    return [("all actors", ALL), *((names[a], a) for a in taking_part)]


def _type_options(ds: Dataset) -> list[tuple[str, str]]:
    present = set(ds.events["event_type"].dropna().astype(str))
    types = [t for t in ds.events["event_type"].cat.categories if t in present]
    return [("all event types", ALL), *((t, t) for t in types)]


def timeline_rows(events: pd.DataFrame, ds: Dataset) -> pd.DataFrame:
    """The table the widget shows: one row per event, in the order of ``events``, as text.

    Example:
        >>> from pakafghan import load_dataset
        >>> from pakafghan.select import filter_events
        >>> ds = load_dataset()
        >>> rows = timeline_rows(filter_events(ds, event_types="AGREE", sources="article"), ds)
        >>> rows.loc[0, ["date_text", "range", "year"]].tolist()
        ['August 20th', '2025-08-20', 'inferred from S43: TRT World (Anadolu Agency)']
    """
    publishers = publisher_names(ds)

    def year(basis: str, source: object) -> str:
        if basis != "inferred":
            return basis
        return f"inferred from {source}: {publishers.get(source, 'unknown source')}"

    return pd.DataFrame(
        {
            "event_id": events["event_id"],
            "date_text": [
                text if not pd.isna(text) else _NO_WORDS[pd.isna(first)]
                for text, first in zip(events["date_text"], events["date_earliest"], strict=True)
            ],
            "range": [
                iso_range(a, b)
                for a, b in zip(events["date_earliest"], events["date_latest"], strict=True)
            ],
            "date_precision": events["date_precision"].astype(str),
            "year": [
                year(b, s)
                for b, s in zip(
                    events["year_basis"].astype(str), events["year_source_id"], strict=True
                )
            ],
            "status": events["status"].astype(str),
            "title": events["title"],
            "source": [f"{s}: {publishers.get(s, 'unknown source')}" for s in events["source_id"]],
        }
    ).reset_index(drop=True)


def _filters(actor: str, event_type: str, dates: tuple[str, str], sources: str) -> EventFilters:
    start, end = dates
    return {
        "start": start or None,
        "end": end or None,
        "actors": None if actor == ALL else actor,
        "event_types": None if event_type == ALL else event_type,
        "sources": sources,
    }


def timeline_filter(
    ds: Dataset | None = None, dates: tuple[str, str] = DEFAULT_DATES
) -> LessonWidget:
    """The timeline filter: actor, event type, date range and sources; a chart and a table.

    ``dates`` is the range the filter starts on (ISO dates, first and last day).

    Example:
        >>> w = timeline_filter(dates=("2025-10-01", "2026-04-30"))
        >>> w.controls["start"].value, w.controls["end"].value, w.controls["sources"].value
        ('2025-10-01', '2026-04-30', 'all')
    """
    ds = ds if ds is not None else load_dataset()
    stops = date_stops(ds, dates)
    chosen = (pd.Timestamp(dates[0]).date().isoformat(), pd.Timestamp(dates[1]).date().isoformat())
    controls = {
        "actor": widgets.Dropdown(options=_actor_options(ds), value=ALL, description="Actor"),
        "event_type": widgets.Dropdown(
            options=_type_options(ds), value=ALL, description="Event type"
        ),
        "start": widgets.Dropdown(options=stops, value=chosen[0], description="From"),
        "end": widgets.Dropdown(options=stops, value=chosen[1], description="To"),
        "sources": widgets.Dropdown(
            options=[(label, key) for key, label in SOURCE_CHOICES.items()],
            value=ALL,
            description="Sources",
        ),
    }

    def render(actor: str, event_type: str, start: str, end: str, sources: str) -> str:
        events = filter_events(ds, **_filters(actor, event_type, (start, end), sources))
        caption = f"<p><em>Chart:</em> {html_text(describe_timeline(events, sources))}</p>"
        if end < start:
            caption = f"<p><strong>{html_text(REVERSED)}</strong></p>" + caption
        return caption + html_table(timeline_rows(events, ds), _COLUMNS, _HEADERS)

    @lru_cache(maxsize=32)  # going back to an earlier choice does not redraw
    def image(actor: str, event_type: str, start: str, end: str, sources: str) -> str:
        return timeline_chart(ds, **_filters(actor, event_type, (start, end), sources)).img_html()

    return LessonWidget(controls, render=render, image=image, title="Timeline filter")
