"""Select records by source or by reliability: "the article only" versus "all sources".

Selection keeps the rows of ``events``, ``event_actors`` and ``claims`` that cite the chosen
sources; the reference tables (sources, actors, places, propositions) stay whole so that every
remaining row still resolves. A syndicated copy counts as its original (``copy_of``): the article
and its four copies are one source.

:func:`filter_events` keeps the events that match filters by date, actor, event type, thread
and sources; :func:`reported_by` lists what one source reports; :func:`sources_by_status` says
which sources give events which status; :func:`sources_cited` lists the sources rows cite.

Example:
    >>> from pakafghan import load_dataset
    >>> from pakafghan.select import article_only
    >>> ds = article_only(load_dataset())
    >>> set(ds.events["source_id"])
    {'article'}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypedDict, Unpack

import pandas as pd

from pakafghan.load import Dataset
from pakafghan.schema import EVIDENCE_TABLES
from pakafghan.views import PRIMARY, events_view, original_of

#: The choices of "which sources" in the timeline, the claims browser and the lessons, and how
#: titles and alt texts name them.
SOURCE_CHOICES = {"all": "all sources", "article": "the article only"}

DateLike = str | dt.date | pd.Timestamp


class EventFilters(TypedDict, total=False):
    """The filters of :func:`filter_events`, for functions that pass them on."""

    start: DateLike | None
    end: DateLike | None
    actors: str | Iterable[str] | None
    event_types: str | Iterable[str] | None
    sources: str
    threads: str | Iterable[str] | None


def select(
    ds: Dataset,
    sources: Iterable[str] | None = None,
    reliability: Iterable[str] | None = None,
) -> Dataset:
    """A new :class:`Dataset` with only the evidence rows citing matching sources.

    ``sources``: source ids (a copy's original counts too; see
    :func:`pakafghan.views.original_of`); ``reliability``: values of
    ``sources.reliability``. Both given: a row must match both.
    """
    keep = pd.Series(True, index=ds.sources.index)
    if sources is not None:
        wanted = set(sources)
        originals = ds.sources["source_id"].map(original_of(ds))
        keep &= ds.sources["source_id"].isin(wanted) | originals.isin(wanted)
    if reliability is not None:
        keep &= ds.sources["reliability"].astype(object).isin(set(reliability))
    chosen = set(ds.sources.loc[keep, "source_id"])
    tables = dict(ds.tables)
    for name in EVIDENCE_TABLES:
        frame = ds.tables[name]
        tables[name] = frame[frame["source_id"].isin(chosen)].reset_index(drop=True)
    return Dataset(ds.data_dir, tables)


def article_only(ds: Dataset) -> Dataset:
    """Only what the primary article (or a copy of it) says."""
    return select(ds, sources=[PRIMARY])


def _as_list(value: str | Iterable[str] | None) -> list[str] | None:
    if value is None:
        return None
    return [value] if isinstance(value, str) else list(value)


def matching_events(
    ds: Dataset,
    start: DateLike | None = None,
    end: DateLike | None = None,
    actors: str | Iterable[str] | None = None,
    event_types: str | Iterable[str] | None = None,
    sources: str = "all",
    threads: str | Iterable[str] | None = None,
) -> Dataset:
    """``ds`` with only the events :func:`filter_events` keeps (rows of ``events``, in their
    stored order; the other tables whole, or the article's only with ``sources="article"``).

    Example:
        >>> from pakafghan import load_dataset
        >>> len(matching_events(load_dataset(), sources="article").events) > 0
        True
    """
    if sources not in SOURCE_CHOICES:
        raise ValueError(f"sources must be one of {', '.join(SOURCE_CHOICES)}, not {sources!r}")
    chosen = article_only(ds) if sources == "article" else ds
    events = chosen.events
    keep = pd.Series(True, index=events.index)
    dated = events["date_earliest"].notna()
    if start is not None:
        keep &= ~dated | (events["date_latest"] >= pd.Timestamp(start))
    if end is not None:
        keep &= ~dated | (events["date_earliest"] <= pd.Timestamp(end))
    wanted_actors = _as_list(actors)
    if wanted_actors is not None:
        taking_part = chosen.event_actors["actor_id"].isin(wanted_actors)
        keep &= events["event_id"].isin(set(chosen.event_actors.loc[taking_part, "event_id"]))
    wanted_types = _as_list(event_types)
    if wanted_types is not None:
        keep &= events["event_type"].astype(object).isin(wanted_types)
    wanted_threads = _as_list(threads)
    if wanted_threads is not None:
        keep &= events["thread"].astype(object).isin(wanted_threads)
    matching = events if keep.all() else events[keep].reset_index(drop=True)
    return Dataset(chosen.data_dir, {**chosen.tables, "events": matching})


def filter_events(ds: Dataset, **filters: Unpack[EventFilters]) -> pd.DataFrame:
    """The events matching every filter given, as ``events_view`` rows: by date, then
    ``event_id``; undated last.

    ``start``/``end`` keep dated events whose range overlaps them; events the source does not
    date cannot be placed in a range, so they are kept and shown apart. ``actors``: actor ids
    taking part (in ``event_actors``); ``event_types``: PLOVER types; ``sources``: "all" or
    "article" (the article and its copies only); ``threads``: strands of the story, e.g.
    "islamabad_meeting".

    Example:
        >>> from pakafghan import load_dataset
        >>> kabul = filter_events(load_dataset(), actors="wang-yi", sources="article")
        >>> kabul["event_id"].tolist()
        ['ev-kabul-trilateral']
    """
    return events_view(matching_events(ds, **filters))


def reported_by(ds: Dataset, source_id: str) -> pd.DataFrame:
    """The events one source reports (its own rows, not its copies'), by date: the date as it
    wrote it, the status it gives, the title.

    Example:
        >>> from pakafghan import load_dataset
        >>> rows = reported_by(load_dataset(), "S49")
        >>> list(rows.columns)
        ['event_id', 'date_text', 'status', 'title']
    """
    if source_id not in set(ds.sources["source_id"]):
        raise ValueError(f"no source {source_id!r} in the data")
    view = events_view(ds)
    rows = view[view["source_id"] == source_id]
    rows = rows.assign(status=rows["status"].astype(str))
    return rows[["event_id", "date_text", "status", "title"]].reset_index(drop=True)


def _source_order(source_id: str) -> tuple[bool, int, str]:
    """The article first, then sources in the order of their numbers (S2 before S10)."""
    return (source_id != PRIMARY, len(source_id), source_id)


def sources_by_status(events: pd.DataFrame) -> pd.DataFrame:
    """Which sources give which status, for rows of ``events`` (or ``filter_events``): one row
    per status present (in the codebook's order), with the sources' ids joined by commas.

    Example:
        >>> frame = pd.DataFrame({"status": ["held", "planned", "held"],
        ...                       "source_id": ["S10", "S1", "S2"]})
        >>> sources_by_status(frame).values.tolist()
        [['held', 'S2, S10'], ['planned', 'S1']]
    """
    status = events["status"]
    found: dict[str, set[str]] = {}
    for value, source in zip(status.astype(str), events["source_id"], strict=True):
        found.setdefault(value, set()).add(str(source))
    if isinstance(status.dtype, pd.CategoricalDtype):
        keys = [str(s) for s in status.cat.categories if str(s) in found]
    else:
        keys = sorted(found)
    return pd.DataFrame(
        {
            "status": keys,
            "sources": [", ".join(sorted(found[k], key=_source_order)) for k in keys],
        }
    )


def sources_cited(*frames: pd.DataFrame) -> list[str]:
    """The ids of the sources that rows cite (``source_id``, and ``year_source_id`` where a
    frame has it), each once: the article first, then in the order of their numbers.

    Example:
        >>> from pakafghan import load_dataset
        >>> sources_cited(article_only(load_dataset()).events)
        ['article', 'S1', 'S43']
    """
    cited: set[str] = set()
    for frame in frames:
        for column in ("source_id", "year_source_id"):
            if column in frame:
                cited |= {str(s) for s in frame[column].dropna() if str(s)}
    return sorted(cited, key=_source_order)
