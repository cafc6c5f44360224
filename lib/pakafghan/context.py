"""The background to the story, from the data's own sourced rows: short tables for a lesson.

Each table has three or four short columns a learner can read on a projector: when (as the
source writes it), what happened or who says what, and which report says so. Nothing here is a
fact of ours: every row is an event or a claim of the data, with its source.

Example:
    >>> from pakafghan import load_dataset
    >>> ds = load_dataset()
    >>> list(background_events(ds, "durand_line").columns)
    ['when', 'what', 'source']
    >>> list(who_says(ds, "pr-nrf-declined").columns)
    ['who', 'says', 'source']
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from pakafghan.conflicts import says, versions
from pakafghan.load import Dataset
from pakafghan.views import events_view, source_label

__all__ = ["background_events", "who_says"]


def background_events(
    ds: Dataset,
    thread: str | Iterable[str],
    event_ids: Iterable[str] | None = None,
    until: str | None = None,
) -> pd.DataFrame:
    """The events of one thread (or several), in date order: when, what, source.

    ``event_ids`` keeps only those events (in date order still); ``until`` (an ISO date) keeps
    only events that may have begun by then (earliest date on or before it; undated ones go).

    Example:
        >>> from pakafghan import load_dataset
        >>> rows = background_events(load_dataset(), "background", ["ev-taliban-take-kabul"])
        >>> rows["when"].tolist()
        ['15 Aug 2021']
    """
    threads = {thread} if isinstance(thread, str) else set(thread)
    unknown = threads - set(ds.events["thread"].cat.categories)
    if unknown:
        raise KeyError(f"no thread {', '.join(sorted(unknown))} in events.csv")
    view = events_view(ds)
    chosen = view[view["thread"].isin(threads)]
    if event_ids is not None:
        chosen = chosen[chosen["event_id"].isin(set(event_ids))]
    if until is not None:
        chosen = chosen[chosen["date_earliest"] <= pd.Timestamp(until)]
    return pd.DataFrame(
        {
            "when": chosen["date_text"].fillna("no date given").astype(str),
            "what": chosen["title"].astype(str),
            "source": [source_label(ds, s) for s in chosen["source_id"]],
        }
    ).reset_index(drop=True)


def who_says(ds: Dataset, proposition_id: str) -> pd.DataFrame:
    """Who takes which stance on one proposition, and what they say: who, says, source.

    ``says`` is the stance in words, with the claim's number or version where it gives one
    ("asserts: 2,640 km"). Earliest report first.

    Example:
        >>> from pakafghan import load_dataset
        >>> who_says(load_dataset(), "pr-cpec-bri-flagship")["says"].tolist()
        ['asserts']
    """
    rows = versions(ds, proposition_id)
    units = ds.propositions.set_index("proposition_id")["unit"]
    unit = units.get(proposition_id)
    said = []
    for stance, value, version in zip(rows["stance"], rows["value"], rows["version"], strict=True):
        text = says(value, version, unit)
        said.append(f"{stance}: {text}" if text else str(stance))
    return pd.DataFrame(
        {
            "who": rows["claimant"].astype(str),
            "says": said,
            "source": [source_label(ds, s) for s in rows["source_id"]],
        }
    )
