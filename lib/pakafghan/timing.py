"""When each source was published, against the dates of the events it reports on.

A source reports on a *thread* of the story (``events.thread``) when it is the source of one of
the thread's events, of a participation in one, or of a claim about one. The article's own
events on a thread, and what other reports say became of them (events that follow one of them,
``related_event_id``, with another status than ``planned``), are the events a publication date
is compared with: published before an event (a forecast or an announcement), around it, or after
it.

Example:
    >>> from pakafghan import load_dataset
    >>> ds = load_dataset()
    >>> rows = publication_rows(ds)
    >>> rows.loc[rows["source_id"] == "article", "published_text"].tolist()
    ['c. 22-24 Aug 2025']
"""

from __future__ import annotations

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
