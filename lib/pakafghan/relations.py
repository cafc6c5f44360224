"""Who meets, hosts, accuses, criticises or denies whom: the relations the data reports.

Every link comes from a row of the data, never from a judgement of ours:

- ``event_actors``: actors taking part in the same event as participants or invitees **meet**;
  a host, facilitator or organiser **hosts** the event's participants, invitees and a postponer
  (an invitation turned down is not hosting); in an ``ACCUSE`` event each speaker **criticises**
  (mode ``disapprove``) or **accuses** (any other mode) each target.
- ``claims``: a claimant whose stance is ``criticises`` or ``denies`` **criticises** or **denies**
  (a claim about) the proposition's ``subject_actor_id``.

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

if TYPE_CHECKING:  # networkx is imported when a graph is built: lessons without one skip it
    import networkx as nx

#: Each kind of link: whether it has a direction, and the words for it in a legend.
RELATIONS = {
    "meets": {"directed": False, "label": "meet (same event)"},
    "hosts": {"directed": True, "label": "hosts or organises"},
    "accuses": {"directed": True, "label": "accuses"},
    "criticises": {"directed": True, "label": "criticises"},
    "denies": {"directed": True, "label": "denies a claim about"},
}

_COLUMNS = ["source", "target", "kind", "record_id", "source_id"]
_MEET_ROLES = ["participant", "invitee"]
_HOST_ROLES = ["host", "facilitator", "organiser"]
_HOSTED_ROLES = ["participant", "invitee", "postponer"]
_CLAIM_STANCES = ("criticises", "denies")


def _text(column: pd.Series) -> np.ndarray:
    return column.astype(object).to_numpy()


def _event_relations(ds: Dataset) -> pd.DataFrame:
    """Links from ``event_actors``, computed on integer codes so large exports stay fast."""
    ea = ds.event_actors
    event, event_ids = pd.factorize(_text(ea["event_id"]))
    actor, actor_ids = pd.factorize(_text(ea["actor_id"]), sort=True)  # codes keep id order
    source, source_ids = pd.factorize(_text(ea["source_id"]))
    row_of = pd.Index(_text(ds.events["event_id"])).get_indexer(event_ids)
    event_type = np.append(_text(ds.events["event_type"]), None)[row_of][event]
    disapprove = np.append(_text(ds.events["mode"]) == "disapprove", False)[row_of]
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
        },
        dtype=object,
    )


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
        },
        dtype=object,
    )


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
    ``record_id`` it comes from (an ``event_id`` or a ``claim_id``) and its ``source_id``.

    Example:
        >>> from pakafghan import load_dataset
        >>> rel = relations_table(load_dataset(), kinds=["denies"])
        >>> rel.loc[rel["record_id"] == "cl-019", ["source", "target"]].values.tolist()
        [['taliban', 'ttp']]
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
    and kind of link (key = the kind), with ``count`` (how many records report it), ``records``
    and ``sources``.

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
    )
    return links_graph(links.reset_index(), ds.actors[["actor_id", "name", "kind"]].astype(object))
