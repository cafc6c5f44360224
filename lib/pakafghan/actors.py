"""The actors as tables for readers: who each one is, of what kind, from where, and whose.

The kinds of actor and their meanings come from the codebook (``data/datapackage.json``), so
a kind reads the same in a table, a widget and the data's README.

Example:
    >>> from pakafghan import load_dataset
    >>> table = actors_table(load_dataset())
    >>> table.loc["pakistan", ["kind", "country"]].tolist()
    ['state', 'PAK']
"""

from __future__ import annotations

import pandas as pd

from pakafghan.load import Dataset
from pakafghan.views import actor_names, publisher_names
from pakafghan.vocabulary import value_labels


def kind_words(kind: str) -> str:
    """A kind of actor in plain words.

    Example:
        >>> kind_words("collective")
        'a collective actor: a group of people described together, without names'
    """
    return value_labels("actors", "kind").get(kind, kind.replace("_", " "))


def actors_table(ds: Dataset, detail: bool = False) -> pd.DataFrame:
    """The actors, one row each, indexed by ``actor_id``, sorted by kind then name: name, kind,
    country and the actor each belongs to (``detail``: also description and source).

    Example:
        >>> from pakafghan import load_dataset
        >>> actors_table(load_dataset()).loc["muttaqi", "belongs to"]
        'Taliban'
    """
    actors = ds.actors.astype({"kind": object})
    names = actor_names(ds)
    table = pd.DataFrame(
        {
            "name": actors["name"].to_numpy(),
            "kind": actors["kind"].str.replace("_", " ").to_numpy(),
            "country": actors["country"].fillna("—").to_numpy(),
            "belongs to": actors["parent_id"].map(names).fillna("—").to_numpy(),
        },
        index=pd.Index(actors["actor_id"].to_numpy(), name="actor_id"),
    )
    if detail:
        publishers = publisher_names(ds)
        table["description"] = actors["description"].to_numpy()
        table["source"] = [f"{publishers.get(s, s)} ({s})" for s in actors["source_id"]]
    kinds = list(ds.actors["kind"].cat.categories)
    rank = actors["kind"].map({k: i for i, k in enumerate(kinds)}).fillna(len(kinds))
    keys = pd.DataFrame({"rank": rank.to_numpy(), "name": actors["name"].str.casefold()})
    return table.iloc[keys.sort_values(["rank", "name"], kind="stable").index]


def kinds_table(ds: Dataset) -> pd.DataFrame:
    """How many actors of each kind there are, what the kind means, and up to three examples.

    Example:
        >>> from pakafghan import load_dataset
        >>> kinds_table(load_dataset()).loc["de_facto_authority", "for example"]
        'Taliban'
    """
    rows = []
    for kind, group in ds.actors.groupby("kind", observed=True, sort=True):
        names = sorted(group["name"], key=str.casefold)
        rows.append(
            {
                "kind": str(kind),
                "in plain words": kind_words(str(kind)),
                "actors": len(names),
                "for example": ", ".join(names[:3]),
            }
        )
    return pd.DataFrame(rows).set_index("kind")


def country_labels(ds: Dataset) -> dict[str, str]:
    """Country code → label, naming the state actor with that code where there is one.

    Example:
        >>> from pakafghan import load_dataset
        >>> country_labels(load_dataset())["PAK"]
        'PAK (Pakistan)'
    """
    states = ds.actors[ds.actors["kind"] == "state"].dropna(subset=["country"])
    state_names = dict(zip(states["country"], states["name"], strict=False))
    codes = sorted(set(ds.actors["country"].dropna()))
    return {c: f"{c} ({state_names[c]})" if c in state_names else c for c in codes}
