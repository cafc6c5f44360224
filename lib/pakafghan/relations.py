"""Who meets, hosts, accuses or criticises whom: the relations the data reports.

Every link comes from a row of the data, never from a judgement of ours:

- ``event_actors``: actors taking part in the same event as participants or invitees **meet**;
  a host, facilitator or organiser **hosts** the event's participants and invitees (an
  invitation turned down is not hosting); in an ``ACCUSE`` event each speaker **criticises**
  (mode ``disapprove``) or **accuses** (any other mode) each target. An event that did not take
  place (status postponed, cancelled or refused) gives no link at all; a link from a *planned*
  event is marked ``planned``: it is a plan the source reports, not something that happened.
- ``claims``: a claimant whose stance is ``criticises`` **criticises** the proposition's
  ``subject_actor_id``. A denial is not a link: who denies a claim about an actor is taking a
  stance on a proposition, not forming a tie with that actor (the stance chart shows it).

A link is a relation some source reports, not a verdict on who is right. "Meets" links run from
the smaller ``actor_id`` to the larger; the other kinds run from the actor who acts to the one
acted upon.

Example:
    >>> from pakafghan import load_dataset
    >>> graph = relations_graph(load_dataset())
    >>> graph.has_edge("khalilzad", "pakistan", key="criticises")
    True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from pakafghan.load import Dataset
from pakafghan.views import actor_names, original_of

if TYPE_CHECKING:  # networkx is imported when a graph is built: lessons without one skip it
    import networkx as nx

#: Each kind of link: whether it has a direction, and the words for it in a legend.
RELATIONS = {
    "meets": {"directed": False, "label": "meet (same event)"},
    "hosts": {"directed": True, "label": "hosts or organises"},
    "accuses": {"directed": True, "label": "accuses"},
    "criticises": {"directed": True, "label": "criticises"},
}

#: Statuses of an event that did not take place: such an event gives no link.
NOT_HELD = ("postponed", "cancelled", "refused")

_COLUMNS = ["source", "target", "kind", "record_id", "source_id", "planned"]
_MEET_ROLES = ["participant", "invitee"]
_HOST_ROLES = ["host", "facilitator", "organiser"]
_HOSTED_ROLES = ["participant", "invitee"]
_CLAIM_STANCES = ("criticises",)


def _text(column: pd.Series) -> np.ndarray:
    return column.astype(object).to_numpy()


def _event_relations(ds: Dataset) -> pd.DataFrame:
    """Links from ``event_actors``, computed on integer codes so large exports stay fast."""
    events = ds.events
    status = events["status"] if "status" in events else pd.Series("held", index=events.index)
    not_held = events.loc[status.isin(NOT_HELD), "event_id"]
    ea = ds.event_actors[~ds.event_actors["event_id"].isin(set(not_held))]
    event, event_ids = pd.factorize(_text(ea["event_id"]))
    actor, actor_ids = pd.factorize(_text(ea["actor_id"]), sort=True)  # codes keep id order
    source, source_ids = pd.factorize(_text(ea["source_id"]))
    row_of = pd.Index(_text(ds.events["event_id"])).get_indexer(event_ids)
    event_type = np.append(_text(ds.events["event_type"]), None)[row_of][event]
    disapprove = np.append(_text(ds.events["mode"]) == "disapprove", False)[row_of]
    planned = np.append(_text(status) == "planned", False)[row_of]
    role = _text(ea["role"])
    rows = pd.DataFrame({"event": event, "actor": actor, "source": source})

    def pairs(left: np.ndarray, right: np.ndarray) -> pd.DataFrame:
        out = rows[left].merge(rows[right], on="event", suffixes=("_a", "_b"))
        return out[out["actor_a"] != out["actor_b"]]

    meet_roles = np.isin(role, _MEET_ROLES)
    meets = pairs(meet_roles, meet_roles)
    meets = meets[meets["actor_a"] < meets["actor_b"]].assign(kind="meets")
    hosts = pairs(np.isin(role, _HOST_ROLES), np.isin(role, _HOSTED_ROLES)).assign(kind="hosts")
    accusing = event_type == "ACCUSE"
    accuse = pairs(accusing & (role == "speaker"), accusing & (role == "target"))
    accuse["kind"] = np.where(disapprove[accuse["event"]], "criticises", "accuses")

    out = pd.concat([meets, hosts, accuse], ignore_index=True)
    source_id = source_ids[out["source_a"]].astype(object)
    differ = (out["source_a"] != out["source_b"]).to_numpy()
    source_id[differ] = source_id[differ] + ", " + source_ids[out["source_b"][differ]]
    return pd.DataFrame(
        {
            "source": actor_ids[out["actor_a"]],
            "target": actor_ids[out["actor_b"]],
            "kind": out["kind"].to_numpy(),
            "record_id": event_ids[out["event"]],
            "source_id": source_id,
            "planned": planned[out["event"]],
        },
        dtype=object,
    ).astype({"planned": bool})


def _claim_relations(ds: Dataset) -> pd.DataFrame:
    claims = ds.claims[ds.claims["stance"].isin(_CLAIM_STANCES)]
    claims = claims[["claim_id", "proposition_id", "claimant_id", "stance", "source_id"]]
    claims = claims.astype(object)
    subjects = ds.propositions[["proposition_id", "subject_actor_id"]].astype(object)
    out = claims.merge(subjects, on="proposition_id", how="inner")
    out = out[out["subject_actor_id"].notna() & (out["subject_actor_id"] != out["claimant_id"])]
    return pd.DataFrame(
        {
            "source": out["claimant_id"].to_numpy(),
            "target": out["subject_actor_id"].to_numpy(),
            "kind": out["stance"].to_numpy(),
            "record_id": out["claim_id"].to_numpy(),
            "source_id": out["source_id"].to_numpy(),
            "planned": False,
        },
        dtype=object,
    ).astype({"planned": bool})


def raw_relations(ds: Dataset, kinds: Iterable[str] | None = None) -> pd.DataFrame:
    """The relations, unsorted and possibly repeated (cheap, for large data): the columns of
    :func:`relations_table`.

    Example:
        >>> from pakafghan import load_dataset
        >>> raw_relations(load_dataset(), ["hosts"])["kind"].unique().tolist()
        ['hosts']
    """
    out = pd.concat([_event_relations(ds), _claim_relations(ds)], ignore_index=True)
    if kinds is None:
        return out
    unknown = set(kinds) - set(RELATIONS)
    if unknown:
        raise ValueError(f"unknown kinds of link {sorted(unknown)}; use {list(RELATIONS)}")
    return out[out["kind"].isin(set(kinds))]


def relations_table(ds: Dataset, kinds: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per reported relation: ``source``, ``target`` (actor ids), ``kind``, the
    ``record_id`` it comes from (an ``event_id`` or a ``claim_id``), its ``source_id``, and
    ``planned`` (true when the record is an event that was only planned).

    Example:
        >>> from pakafghan import load_dataset
        >>> rel = relations_table(load_dataset(), kinds=["accuses"])
        >>> rel.loc[rel["record_id"] == "ev-asim-unsc-statement", "target"].tolist()
        ['bla', 'isis-k', 'ttp']
    """
    out = raw_relations(ds, kinds).drop_duplicates()
    return out.sort_values(_COLUMNS, kind="stable").reset_index(drop=True)


def links_graph(links: pd.DataFrame, actors: pd.DataFrame) -> nx.MultiDiGraph:
    """A graph of ``actors`` (``actor_id``, ``name``, ``kind``) and aggregated ``links`` (one
    edge per row, keyed by ``kind``; every column but ``source`` and ``target`` an attribute).

    Example:
        >>> actors = pd.DataFrame({"actor_id": ["a", "b"], "name": ["A", "B"], "kind": "state"})
        >>> links = pd.DataFrame({"source": ["a"], "target": ["b"], "kind": ["meets"], "count": 2})
        >>> links_graph(links, actors).edges["a", "b", "meets"]["count"]
        2
    """
    import networkx as nx

    graph = nx.MultiDiGraph()
    for row in actors.sort_values("actor_id").itertuples(index=False):
        graph.add_node(row.actor_id, name=row.name, kind=row.kind)
    attributes = [c for c in links.columns if c not in ("source", "target")]
    for row in links.sort_values(["source", "target", "kind"]).itertuples(index=False):
        values = row._asdict()
        graph.add_edge(
            values["source"],
            values["target"],
            key=values["kind"],
            **{c: values[c] for c in attributes},
        )
    return graph


def _sorted_tuple(values: pd.Series) -> tuple[str, ...]:
    return tuple(sorted(set(values)))


def relations_graph(ds: Dataset, relations: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """Every actor as a node (``name``, ``kind``) and one edge per linked pair
    and kind of link (key = the kind), with ``count`` (how many records report it), ``records``,
    ``sources`` and ``planned`` (true when every record of it is a planned event).

    Example:
        >>> from pakafghan import load_dataset
        >>> g = relations_graph(load_dataset())
        >>> "ev-kabul-trilateral" in g.edges["ishaq-dar", "wang-yi", "meets"]["records"]
        True
    """
    rel = relations_table(ds, relations)
    links = rel.groupby(["source", "target", "kind"], sort=True).agg(
        count=("record_id", "nunique"),
        records=("record_id", _sorted_tuple),
        sources=("source_id", _sorted_tuple),
        planned=("planned", "all"),
    )
    return links_graph(links.reset_index(), ds.actors[["actor_id", "name", "kind"]].astype(object))


def relation_summary(ds: Dataset, kinds: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per relation (``source``, ``target``, ``kind``), however many records report it:
    ``records`` (their ids, comma-separated), ``reports`` (how many different reports, a copy
    counting with its original) and ``planned`` (true when every record is a planned event).
    The most reported first.

    Example:
        >>> from pakafghan import load_dataset
        >>> summary = relation_summary(load_dataset(), ["meets"])
        >>> list(summary.columns)
        ['source', 'target', 'kind', 'records', 'reports', 'planned']
    """
    rel = relations_table(ds, kinds)
    originals = original_of(ds)
    rel = rel.assign(
        report=[
            ", ".join(sorted({originals.get(s, s) for s in cited.split(", ")}))
            for cited in rel["source_id"]
        ]
    )
    grouped = rel.groupby(["source", "target", "kind"], sort=True)
    summary = grouped.agg(
        records=("record_id", lambda r: ", ".join(sorted(set(r)))),
        reports=("report", lambda r: len({s for cited in r for s in cited.split(", ")})),
        planned=("planned", "all"),
        n=("record_id", "nunique"),
    ).reset_index()
    summary = summary.sort_values(
        ["reports", "n", "source", "target", "kind"],
        ascending=[False, False, True, True, True],
        kind="stable",
    )
    return summary.drop(columns="n").reset_index(drop=True)


def _link_words(kind: str, planned: bool) -> str:
    words = kind if kind != "meets" else "meet"
    return f"{words} (planned)" if planned else words


def _few(records: str, most: int = 4) -> str:
    """The records of a relation, the first few of a long list and how many there are."""
    ids = records.split(", ")
    if len(ids) <= most:
        return records
    return f"{', '.join(ids[: most - 1])} … ({len(ids)} records)"


def top_relations(ds: Dataset, n: int = 10) -> pd.DataFrame:
    """The ``n`` most reported relations, for reading: who, what link, whom, how many reports,
    and the records behind each (one row per relation, its records in one cell; a long list
    shows its first records and how many there are).

    Example:
        >>> from pakafghan import load_dataset
        >>> list(top_relations(load_dataset(), 3).columns)
        ['from', 'link', 'to', 'reports', 'records']
    """
    names = actor_names(ds)
    top = relation_summary(ds).head(n)
    return pd.DataFrame(
        {
            "from": top["source"].map(names).to_numpy(),
            "link": [_link_words(k, p) for k, p in zip(top["kind"], top["planned"], strict=True)],
            "to": top["target"].map(names).to_numpy(),
            "reports": top["reports"].to_numpy(),
            "records": [_few(r) for r in top["records"]],
        },
        index=pd.RangeIndex(1, len(top) + 1, name="rank"),
    )


def actor_links(ds: Dataset, actor_id: str) -> pd.DataFrame:
    """Every relation of one actor: the link (an arrow shows its direction), the other actor,
    the actor's own role in each event behind it (a claim has none), and the records.

    Example:
        >>> from pakafghan import load_dataset
        >>> links = actor_links(load_dataset(), "wang-yi")
        >>> list(links.columns)
        ['link', 'other actor', 'its role', 'records']
    """
    names = actor_names(ds)
    summary = relation_summary(ds)
    mine = summary[(summary["source"] == actor_id) | (summary["target"] == actor_id)]
    own = ds.event_actors[ds.event_actors["actor_id"] == actor_id]
    roles = own.groupby("event_id", observed=True)["role"].agg(
        lambda r: ", ".join(sorted({str(v).replace("_", " ") for v in r}))
    )
    rows = []
    for row in mine.itertuples(index=False):
        outgoing = row.source == actor_id
        other = row.target if outgoing else row.source
        link = _link_words(row.kind, row.planned)
        if RELATIONS[row.kind]["directed"]:
            link = f"{link} →" if outgoing else f"← {link}"
        records = row.records.split(", ")
        role = ", ".join(sorted({roles[r] for r in records if r in roles.index})) or "—"
        rows.append(
            {
                "link": link,
                "other actor": names.get(other, other),
                "its role": role,
                "records": row.records,
            }
        )
    frame = pd.DataFrame(rows, columns=["link", "other actor", "its role", "records"])
    return frame.sort_values(["link", "other actor"], kind="stable").reset_index(drop=True)
