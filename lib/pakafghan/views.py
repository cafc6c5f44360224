"""Joined views of the tables, with names instead of ids, for widgets, charts and lessons.

Each view is sorted in a fixed order so that what a lesson shows is the same on every run.

Example:
    >>> from pakafghan import load_dataset
    >>> from pakafghan.views import claims_view
    >>> view = claims_view(load_dataset())
    >>> view.loc[view["claim_id"] == "cl-073", ["claimant", "stance"]].values.tolist()
    [['Zalmay Khalilzad', 'criticises']]
"""

from __future__ import annotations

import pandas as pd

from pakafghan.load import Dataset

#: Stances that support a proposition, and stances that go against it.
POSITIVE = ("asserts", "confirms")
NEGATIVE = ("denies", "disputes")

#: The primary article's ``source_id``.
PRIMARY = "article"

_SOURCE_COLS = ["source_id", "publisher", "published_text", "published_earliest", "reliability"]


def actor_names(ds: Dataset) -> dict[str, str]:
    """``actor_id`` → name.

    Example:
        >>> from pakafghan import load_dataset
        >>> actor_names(load_dataset())["ttp"]
        'TTP (Pakistani Taliban)'
    """
    return dict(zip(ds.actors["actor_id"], ds.actors["name"], strict=True))


def publisher_names(ds: Dataset) -> dict[str, str]:
    """``source_id`` → publisher.

    Example:
        >>> from pakafghan import load_dataset
        >>> publisher_names(load_dataset())["S10"]
        'Press Trust of India (via NewsDrum)'
    """
    return dict(zip(ds.sources["source_id"], ds.sources["publisher"], strict=True))


def source_label(ds: Dataset, source_id: str) -> str:
    """A source as a learner reads it: "the article", or its publisher and id; a copy also
    names the source it copies.

    Example:
        >>> from pakafghan import load_dataset
        >>> ds = load_dataset()
        >>> source_label(ds, "article"), source_label(ds, "S10")
        ('the article', 'Press Trust of India (via NewsDrum) (S10)')
        >>> source_label(ds, "copy-reportwire")
        'reportwire.in (copy-reportwire, a copy of the article)'
    """
    if source_id == PRIMARY:
        return "the article"
    sources = ds.sources.set_index("source_id")
    if source_id not in sources.index:
        raise KeyError(f"no source {source_id!r} in sources.csv")
    publisher = sources.loc[source_id, "publisher"]
    copy_of = sources.loc[source_id, "copy_of"]
    if copy_of is None or pd.isna(copy_of):
        return f"{publisher} ({source_id})"
    original = "the article" if copy_of == PRIMARY else str(copy_of)
    return f"{publisher} ({source_id}, a copy of {original})"


def original_of(ds: Dataset) -> dict[str, str]:
    """``source_id`` → the source it is a copy of, or itself (copies and original are one).

    Example:
        >>> from pakafghan import load_dataset
        >>> originals = original_of(load_dataset())
        >>> originals["copy-reportwire"], originals["S10"]
        ('article', 'S10')
    """
    copy_of = ds.sources["copy_of"].astype(object).where(ds.sources["copy_of"].notna(), None)
    return {
        sid: (orig if orig is not None else sid)
        for sid, orig in zip(ds.sources["source_id"], copy_of, strict=True)
    }


def first_published(sources: pd.DataFrame) -> pd.Series:
    """The first day each source may have been published: ``published_earliest``, else
    ``published_latest`` (a source known only to be "not after" a day).

    Example:
        >>> from pakafghan import load_dataset
        >>> sources = load_dataset().sources.set_index("source_id")
        >>> first_published(sources)["article"].date().isoformat()
        '2025-08-22'
    """
    return sources["published_earliest"].fillna(sources["published_latest"])


def _with_source(frame: pd.DataFrame, ds: Dataset) -> pd.DataFrame:
    sources = ds.sources[[*_SOURCE_COLS, "copy_of"]].rename(
        columns={"published_earliest": "source_date"}
    )
    out = frame.merge(sources, on="source_id", how="left", validate="many_to_one")
    out["original"] = out["source_id"].map(original_of(ds))
    return out


def claims_view(ds: Dataset) -> pd.DataFrame:
    """Claims with their proposition, the claimant's name and kind, and the source's details
    (``original``: the source it counts as, see :func:`original_of`)."""
    props = ds.propositions[
        ["proposition_id", "statement", "topic", "subject_actor_id", "event_id", "unit"]
    ]
    actors = ds.actors[["actor_id", "name", "kind"]].rename(
        columns={"actor_id": "claimant_id", "name": "claimant", "kind": "claimant_kind"}
    )
    out = ds.claims.merge(props, on="proposition_id", how="left", validate="many_to_one")
    out = out.merge(actors, on="claimant_id", how="left", validate="many_to_one")
    out = _with_source(out, ds)
    return out.sort_values(["proposition_id", "claim_id"], kind="stable").reset_index(drop=True)


def participations_view(ds: Dataset) -> pd.DataFrame:
    """Who took part in which event: event title, status and dates, actor name and kind."""
    events = ds.events[["event_id", "title", "status", "date_text", "date_earliest", "thread"]]
    actors = ds.actors[["actor_id", "name", "kind", "country"]]
    out = ds.event_actors.merge(events, on="event_id", how="left", validate="many_to_one")
    out = out.merge(actors, on="actor_id", how="left", validate="many_to_one")
    out = _with_source(out, ds)
    return out.sort_values(["event_id", "participation_id"], kind="stable").reset_index(drop=True)


def events_view(ds: Dataset) -> pd.DataFrame:
    """Events with their place's name and the source's details, in date order (undated last)."""
    places = ds.places[["place_id", "name"]].rename(columns={"name": "place"})
    out = ds.events.merge(places, on="place_id", how="left", validate="many_to_one")
    out = _with_source(out, ds)
    return out.sort_values(
        ["date_earliest", "event_id"], kind="stable", na_position="last"
    ).reset_index(drop=True)


#: The columns of :func:`outlet_profiles`.
OUTLET_COLUMNS = ["source_id", "publisher", "outlet_country", "ownership", "ownership_note"]


def outlet_profiles(ds: Dataset, source_ids: list[str] | None = None) -> pd.DataFrame:
    """Whose outlet each source is: where it is based and who owns it, from the outlet
    profiles (``outlet_country``, ``ownership``, ``ownership_note``), in ``source_ids``' order
    (default: every source, in the table's order).

    Example:
        >>> from pakafghan import load_dataset
        >>> outlet_profiles(load_dataset(), ["S10"])["outlet_country"].tolist()
        ['India']
    """
    sources = ds.sources[OUTLET_COLUMNS]
    if source_ids is None:
        return sources.reset_index(drop=True)
    unknown = sorted(set(source_ids) - set(sources["source_id"]))
    if unknown:
        raise KeyError(f"no source {', '.join(unknown)}")
    return sources.set_index("source_id").loc[list(source_ids)].reset_index()


def rows_citing(ds: Dataset, source_id: str) -> pd.DataFrame:
    """Every row coded from one source, to set beside the report itself: ``table`` (event,
    participation or claim), ``row_id``, ``about`` (the event's title, "actor (role): event",
    or the proposition), and the row's ``quote`` and ``note``.

    Example:
        >>> from pakafghan import load_dataset
        >>> rows = rows_citing(load_dataset(), "S3")
        >>> sorted(set(rows["table"]))
        ['claim', 'event', 'participation']
    """
    if source_id not in set(ds.sources["source_id"]):
        raise KeyError(f"no source {source_id}")
    titles = dict(zip(ds.events["event_id"], ds.events["title"], strict=True))
    names = actor_names(ds)
    statements = dict(
        zip(ds.propositions["proposition_id"], ds.propositions["statement"], strict=True)
    )
    parts = []
    for table, key, about in (
        ("event", "event_id", lambda r: titles.get(r["event_id"])),
        (
            "participation",
            "participation_id",
            lambda r: f"{names.get(r['actor_id'])} ({r['role']}): {titles.get(r['event_id'])}",
        ),
        ("claim", "claim_id", lambda r: statements.get(r["proposition_id"])),
    ):
        frame = {"event": ds.events, "participation": ds.event_actors, "claim": ds.claims}[table]
        rows = frame[frame["source_id"] == source_id].sort_values(key, kind="stable")
        parts.append(
            pd.DataFrame(
                {
                    "table": table,
                    "row_id": rows[key].astype(str),
                    "about": [about(r) for _, r in rows.iterrows()],
                    "quote": rows["quote"],
                    "note": rows["note"],
                }
            )
        )
    return pd.concat(parts, ignore_index=True)
