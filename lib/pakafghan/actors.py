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


def acting_actors(ds: Dataset) -> list[str]:
    """The ``actor_id`` of every actor who *does* something in ``ds``: takes part in an event
    (any role) or makes a claim. The others are only spoken about.

    Example:
        >>> from pakafghan import load_dataset
        >>> from pakafghan.select import article_only
        >>> "taliban" in acting_actors(article_only(load_dataset()))
        True
    """
    acting = set(ds.event_actors["actor_id"].astype(object))
    acting |= set(ds.claims["claimant_id"].astype(object))
    return sorted(acting)


def acting_table(ds: Dataset) -> pd.DataFrame:
    """The actors who act in ``ds`` (:func:`acting_actors`), as in :func:`actors_table`: name,
    kind and the actor each belongs to (no country, to keep the table narrow).

    Example:
        >>> from pakafghan import load_dataset
        >>> from pakafghan.select import article_only
        >>> list(acting_table(article_only(load_dataset())).columns)
        ['name', 'kind', 'belongs to']
    """
    table = actors_table(ds)
    return table[table.index.isin(acting_actors(ds))][["name", "kind", "belongs to"]]


def belonging(ds: Dataset, actor_id: str) -> str:
    """Whom an actor belongs to, step by step up its ``parent_id`` chain, as names.

    Example:
        >>> from pakafghan import load_dataset
        >>> belonging(load_dataset(), "muttaqi")
        'Amir Khan Muttaqi → Taliban'
    """
    actors = ds.actors.set_index("actor_id")
    chain, current = [], actor_id
    while isinstance(current, str) and current not in chain:
        chain.append(current)
        parent = actors.at[current, "parent_id"] if current in actors.index else None
        current = parent if pd.notna(parent) else None
    return " → ".join(str(actors.at[a, "name"]) for a in chain)


def belonging_table(ds: Dataset, actor_ids: list[str]) -> pd.DataFrame:
    """For each actor, its kind and whom it belongs to step by step (:func:`belonging`).

    Example:
        >>> from pakafghan import load_dataset
        >>> belonging_table(load_dataset(), ["muttaqi"]).loc["muttaqi", "belongs to, step by step"]
        'Amir Khan Muttaqi → Taliban'
    """
    kinds = dict(zip(ds.actors["actor_id"], ds.actors["kind"].astype(object), strict=True))
    return pd.DataFrame(
        {
            "kind": [str(kinds[a]).replace("_", " ") for a in actor_ids],
            "belongs to, step by step": [belonging(ds, a) for a in actor_ids],
        },
        index=pd.Index(actor_ids, name="actor_id"),
    )


def named_in_text(ds: Dataset, kinds: tuple[str, ...] = ("official", "person")) -> pd.DataFrame:
    """The actors of ``kinds`` who act in ``ds``, and whether their name as the data gives it
    occurs in the primary article's text (``ds.source_text("article")``).

    Example:
        >>> from pakafghan import load_dataset
        >>> from pakafghan.select import article_only
        >>> named_in_text(article_only(load_dataset())).loc["khalilzad", "in the article's text"]
        'yes'
    """
    text = ds.source_text("article")
    table = acting_table(ds)
    people = table[table["kind"].isin([k.replace("_", " ") for k in kinds])]
    found = ["yes" if str(name) in text else "no" for name in people["name"]]
    return people[["name", "belongs to"]].assign(**{"in the article's text": found})


def actors_of_kind(ds: Dataset, kinds: list[str]) -> pd.DataFrame:
    """The actors of some kinds (codebook values, e.g. ``"state"``): name, kind, country and
    the report their description comes from, sorted as in :func:`actors_table`.

    Example:
        >>> from pakafghan import load_dataset
        >>> actors_of_kind(load_dataset(), ["de_facto_authority"])["name"].tolist()
        ['Taliban']
    """
    table = actors_table(ds, detail=True)
    words = [k.replace("_", " ") for k in kinds]
    return table[table["kind"].isin(words)][["name", "kind", "country", "source"]]
