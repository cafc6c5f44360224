"""When each source was published, against the dates of the events it reports on.

A source reports on a *thread* of the story (``events.thread``) when it is the source of one of
the thread's events, of a participation in one, or of a claim about one. The article's own
events on a thread, and what other reports say became of them (events that follow one of them,
``related_event_id``, with another status than ``planned``), are the events a publication date
is compared with: published before an event (a forecast or an announcement), around it, or after
it.

The lessons read an event's date through short tables: :func:`event_dates` (the date as the
source wrote it, its earliest and latest day, its precision), :func:`year_basis_of` (where its
year comes from, and that report's publication), :func:`report_dates` (the date as written beside
the publication of the report that gives it), :func:`when_published` (sources and their dates),
:func:`accounts` (each report's version of an event) and :func:`days_between`.

Example:
    >>> from pakafghan import load_dataset
    >>> ds = load_dataset()
    >>> rows = publication_rows(ds)
    >>> rows.loc[rows["source_id"] == "article", "published_text"].tolist()
    ['c. 22-24 Aug 2025']
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from pakafghan.load import Dataset
from pakafghan.select import PRIMARY, original_of
from pakafghan.views import first_published

#: Where a source's publication falls against an event's dates.
TIMING = ("before", "around", "after")


def _thread_events(ds: Dataset, thread: str | None) -> pd.DataFrame:
    events = ds.events
    if thread is None:
        return events
    if thread not in set(events["thread"].cat.categories):
        raise ValueError(
            f"no thread {thread!r}; threads: {', '.join(events['thread'].cat.categories)}"
        )
    return events[events["thread"] == thread]


def publication_rows(ds: Dataset, thread: str | None = "islamabad_meeting") -> pd.DataFrame:
    """The sources that report on ``thread`` (``None``: on anything), as rows of ``sources``,
    earliest published first (by ``published_earliest``, else ``published_latest``), undated
    last.

    Example:
        >>> from pakafghan import load_dataset
        >>> rows = publication_rows(load_dataset())
        >>> {"article", "S10", "S11"} <= set(rows["source_id"])
        True
    """
    events = _thread_events(ds, thread)
    ids = set(events["event_id"])
    cited = set(events["source_id"])
    cited |= set(ds.event_actors.loc[ds.event_actors["event_id"].isin(ids), "source_id"])
    about = ds.propositions.loc[ds.propositions["event_id"].isin(ids), "proposition_id"]
    claims = ds.claims if thread is None else ds.claims[ds.claims["proposition_id"].isin(about)]
    cited |= set(claims["source_id"])
    rows = ds.sources[ds.sources["source_id"].isin(cited)].copy()
    rows["first"] = first_published(rows)
    rows = rows.sort_values(
        ["first", "published_latest", "source_id"], kind="stable", na_position="last"
    )
    return rows.drop(columns="first").reset_index(drop=True)


def event_bands(ds: Dataset, thread: str | None = "islamabad_meeting") -> pd.DataFrame:
    """The events drawn as bands: the article's dated events on ``thread``, and the dated events
    that follow one of them (``related_event_id``) with a status other than ``planned``.
    Rows of ``events``, by date then ``event_id``.

    Example:
        >>> from pakafghan import load_dataset
        >>> bands = event_bands(load_dataset())
        >>> held = bands[bands["event_id"] == "ev-meeting-held"]
        >>> held[["source_id", "status"]].values.tolist()
        [['S11', 'held']]
    """
    events = _thread_events(ds, thread)
    originals = events["source_id"].map(original_of(ds))
    article = events[originals == PRIMARY]
    follows = events["related_event_id"].isin(set(article["event_id"])) & (
        events["status"] != "planned"
    )
    chosen = events[((originals == PRIMARY) | follows) & events["date_earliest"].notna()]
    return chosen.sort_values(["date_earliest", "event_id"], kind="stable").reset_index(drop=True)


def relative_timing(
    earliest: pd.Timestamp, latest: pd.Timestamp, start: pd.Timestamp, end: pd.Timestamp
) -> str:
    """Where a publication range falls against an event's days: "before" (its last possible
    day is before the event's first), "after" (its first possible day is after the event's
    last), or "around" (it may fall on or between them, or the data cannot tell).

    Example:
        >>> t = pd.Timestamp
        >>> relative_timing(t("2025-08-22"), t("2025-08-24"), t("2025-08-25"), t("2025-08-26"))
        'before'
        >>> relative_timing(t("2025-09-29"), t("2025-09-29"), t("2025-09-29"), t("2025-09-30"))
        'around'
    """
    if pd.notna(latest) and latest < start:
        return "before"
    if pd.notna(earliest) and earliest > end:
        return "after"
    return "around"


#: The date fields of an event, as :func:`event_dates` shows them.
DATE_FIELDS = [
    "event_id",
    "source_id",
    "date_text",
    "date_earliest",
    "date_latest",
    "date_precision",
]


def _events(ds: Dataset, event_ids: Iterable[str] | None) -> pd.DataFrame:
    """Rows of ``ds.events``: all in stored order, or the ids given, in the order given."""
    events = ds.events
    if event_ids is None:
        return events.reset_index(drop=True)
    wanted = [event_ids] if isinstance(event_ids, str) else list(event_ids)
    missing = [e for e in wanted if e not in set(events["event_id"])]
    if missing:
        raise ValueError(f"no event {', '.join(map(repr, missing))} in the data")
    return events.set_index("event_id").loc[wanted].reset_index()


def event_dates(ds: Dataset, event_ids: str | Iterable[str] | None = None) -> pd.DataFrame:
    """An event's date three ways: as the source wrote it (``date_text``), as its earliest and
    latest possible days, and with its precision; one row per event (all of ``ds``'s events,
    or those of ``event_ids``, in that order).

    Example:
        >>> from pakafghan import load_dataset
        >>> dates = event_dates(load_dataset(), ["ev-unsc-isil-briefing"])
        >>> dates.loc[0, ["date_text", "date_precision"]].tolist()
        ['Wed 20 Aug 2025', 'day']
    """
    return _events(ds, event_ids)[DATE_FIELDS]


def _published(ds: Dataset, source_ids: pd.Series) -> pd.DataFrame:
    sources = ds.sources.set_index("source_id")
    return pd.DataFrame(
        {
            "publisher": source_ids.map(sources["publisher"]),
            "published_text": source_ids.map(sources["published_text"]),
        },
        index=source_ids.index,
    )


def report_dates(ds: Dataset, event_ids: str | Iterable[str] | None = None) -> pd.DataFrame:
    """Each event's date as its source wrote it, beside when that source was published
    (``published_text``, as the project read it: "n.d." when the report carries no date).

    Example:
        >>> from pakafghan import load_dataset
        >>> rows = report_dates(load_dataset(), ["ev-unsc-isil-briefing"])
        >>> list(rows.columns)
        ['event_id', 'source_id', 'date_text', 'publisher', 'published_text']
    """
    events = _events(ds, event_ids)
    published = _published(ds, events["source_id"])
    return pd.concat([events[["event_id", "source_id", "date_text"]], published], axis=1)


def year_basis_of(ds: Dataset, event_ids: str | Iterable[str] | None = None) -> pd.DataFrame:
    """Where each event's year comes from (``year_basis``) and, for an inferred year, the
    report that gives it (``year_source_id``), with that report's publisher and date.

    Example:
        >>> from pakafghan import load_dataset
        >>> rows = year_basis_of(load_dataset(), ["ev-unsc-isil-briefing"])
        >>> rows.loc[0, ["year_basis", "year_source_id"]].tolist()
        ['stated', '']
    """
    events = _events(ds, event_ids)
    year_source = (
        events["year_source_id"].astype(object).where(events["year_source_id"].notna(), "")
    )
    published = _published(ds, year_source).fillna("")
    return pd.DataFrame(
        {
            "event_id": events["event_id"],
            "date_text": events["date_text"],
            "year_basis": events["year_basis"].astype(str),
            "year_source_id": year_source,
            "year_source": published["publisher"],
            "year_source_published": published["published_text"],
        }
    )


def when_published(ds: Dataset, source_ids: str | Iterable[str]) -> pd.DataFrame:
    """Sources with their publisher, title and publication date as the project read it, in the
    order given (``published_text``: "c." marks an estimate, "n.d." a report with no date).

    Example:
        >>> from pakafghan import load_dataset
        >>> when_published(load_dataset(), ["S43"]).loc[0, "published_text"]
        '20 Aug 2025'
    """
    wanted = [source_ids] if isinstance(source_ids, str) else list(source_ids)
    sources = ds.sources.set_index("source_id")
    missing = [s for s in wanted if s not in sources.index]
    if missing:
        raise ValueError(f"no source {', '.join(map(repr, missing))} in the data")
    rows = sources.loc[wanted, ["publisher", "title", "published_text", "reliability"]]
    return rows.reset_index()


def accounts(events: pd.DataFrame) -> pd.DataFrame:
    """Each report's account of events (rows of ``events_view`` or ``filter_events``), in their
    order: the report, its publisher and when it was published, the date as it wrote it, and
    the status it gives.

    Example:
        >>> from pakafghan import load_dataset
        >>> from pakafghan.select import filter_events
        >>> rows = accounts(filter_events(load_dataset(), threads="cpec"))
        >>> list(rows.columns)
        ['source_id', 'publisher', 'published_text', 'date_text', 'status']
    """
    columns = ["source_id", "publisher", "published_text", "date_text", "status"]
    return events[columns].reset_index(drop=True)


def days_between(ds: Dataset, first: str, second: str) -> int:
    """Days from the first day of event ``first`` to the first day of event ``second``
    (negative when ``second`` comes first).

    Example:
        >>> from pakafghan import load_dataset
        >>> days_between(load_dataset(), "ev-pta-signed", "ev-pta-in-force")
        9
    """
    dates = _events(ds, [first, second])["date_earliest"]
    if dates.isna().any():
        undated = [e for e, d in zip((first, second), dates, strict=True) if pd.isna(d)]
        raise ValueError(f"{', '.join(undated)} has no date in its source")
    return int((dates.iloc[1] - dates.iloc[0]).days)
