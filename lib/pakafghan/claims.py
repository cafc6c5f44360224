"""Claims about an actor: who says what about an armed group, a person or a state.

A claim is *about* an actor when its proposition's ``subject_actor_id`` is the actor, or its
statement names the actor (its name, the parts of a name like "TTP (Pakistani Taliban)", or its
id). The armed groups are the actors of kind ``armed_group``, those most talked about first.

Example:
    >>> from pakafghan import load_dataset
    >>> about = claims_about(load_dataset(), "ttp")
    >>> "pr-ttp-in-afghanistan" in set(about["proposition_id"])
    True
"""

from __future__ import annotations

import re

import pandas as pd

from pakafghan.load import Dataset
from pakafghan.views import claims_view, first_published

#: The choice that means every claim on a security proposition, whoever it is about.
ALL_SECURITY = "all-security"


def mention_terms(name: str, actor_id: str) -> list[str]:
    """Words that name an actor in a statement: its name, the name's parts, and its id.

    Example:
        >>> mention_terms("TTP (Pakistani Taliban)", "ttp")
        ['Pakistani Taliban', 'TTP', 'TTP (Pakistani Taliban)']
    """
    terms = [name, actor_id]
    match = re.fullmatch(r"\s*(.+?)\s*\((.+)\)\s*", name)
    if match:
        terms += [match.group(1), match.group(2)]
    unique = {t.casefold(): t for t in sorted(terms, reverse=True) if len(t) >= 3}
    return sorted(unique.values())


def _mentions(statements: pd.Series, terms: list[str]) -> pd.Series:
    pattern = "|".join(rf"(?<![\w-]){re.escape(t)}(?![\w-])" for t in terms)
    return statements.str.contains(pattern, case=False, regex=True).fillna(False).astype(bool)


def claims_about(ds: Dataset, group: str) -> pd.DataFrame:
    """Claims (from :func:`pakafghan.views.claims_view`) about an actor: its propositions'
    subject is the actor, or their statement names it. ``ALL_SECURITY``: every security claim.

    Example:
        >>> from pakafghan import load_dataset
        >>> sorted(claims_about(load_dataset(), "baloch-insurgents")["claim_id"])[:1]
        ['cl-015']
    """
    return _about(ds, claims_view(ds), group)


def _about(ds: Dataset, view: pd.DataFrame, group: str) -> pd.DataFrame:
    if group == ALL_SECURITY:
        return view[view["topic"] == "security"].reset_index(drop=True)
    actors = ds.actors.set_index("actor_id")
    if group not in actors.index:
        raise KeyError(f"no actor {group!r} in actors.csv")
    terms = mention_terms(str(actors.loc[group, "name"]), group)
    about = (view["subject_actor_id"] == group).fillna(False).astype(bool)
    return view[about | _mentions(view["statement"], terms)].reset_index(drop=True)


def armed_groups(ds: Dataset) -> list[tuple[str, str]]:
    """``(name, actor_id)`` of the armed groups, those with the most claims about them first,
    then by name.

    Example:
        >>> from pakafghan import load_dataset
        >>> armed_groups(load_dataset())[0]
        ('TTP (Pakistani Taliban)', 'ttp')
    """
    groups = ds.actors[ds.actors["kind"] == "armed_group"]
    view = claims_view(ds)
    ranked = [
        (-len(_about(ds, view, aid)), str(name).casefold(), str(name), str(aid))
        for aid, name in zip(groups["actor_id"], groups["name"], strict=True)
    ]
    return [(name, aid) for _, _, name, aid in sorted(ranked)]


def _members(ds: Dataset, actor_id: str) -> set[str]:
    """The actor and every actor under it (``parent_id``, at any depth)."""
    parents = dict(zip(ds.actors["actor_id"], ds.actors["parent_id"], strict=True))
    found = {actor_id}
    while True:
        more = {a for a, p in parents.items() if isinstance(p, str) and p in found} - found
        if not more:
            return found
        found |= more


def claims_by(
    ds: Dataset, actor_id: str, topic: str | None = None, until: str | None = None
) -> pd.DataFrame:
    """The claims an actor makes, its officials' and bodies' included (actors whose
    ``parent_id`` leads to it): claim id, claimant, stance, statement, source and its date.
    ``topic``: keep one topic only. ``until`` (a day, "YYYY-MM-DD"): keep claims from sources
    first published on or before it (undated sources are kept: they cannot be placed). Sorted
    by claim id.

    Example:
        >>> from pakafghan import load_dataset
        >>> rows = claims_by(load_dataset(), "sassi")
        >>> list(rows.columns)
        ['claim_id', 'claimant', 'stance', 'statement', 'source_id', 'published_text']
    """
    if actor_id not in set(ds.actors["actor_id"]):
        raise KeyError(f"no actor {actor_id!r} in actors.csv")
    view = claims_view(ds)
    chosen = view[view["claimant_id"].isin(_members(ds, actor_id))]
    if topic is not None:
        chosen = chosen[chosen["topic"] == topic]
    if until is not None:
        first = chosen["source_id"].map(first_published(ds.sources.set_index("source_id")))
        chosen = chosen[first.isna() | (first <= pd.Timestamp(until))]
    columns = ["claim_id", "claimant", "stance", "statement", "source_id", "published_text"]
    return chosen.sort_values("claim_id", kind="stable")[columns].reset_index(drop=True)


#: The strand of events that holds designations, listings, bans and their requests.
DESIGNATIONS = "designations"


def designations(ds: Dataset, about: bool = False) -> pd.DataFrame:
    """Who designated, listed or banned which group or person, when, and from which source:
    the events of the ``designations`` thread (decisions, requests for one, and refusals), with
    ``by``: the deciding actors (role ``decision_maker``), or for a request who asked (its
    ``speaker`` role), the
    decision as the event's title says it, and its source. Earliest first. ``about=True`` adds
    whom each decision is about (role ``target``).

    Example:
        >>> from pakafghan import load_dataset
        >>> list(designations(load_dataset()).columns)
        ['when', 'by', 'decision', 'source_id']
    """
    events = ds.events[ds.events["thread"] == DESIGNATIONS]
    events = events.sort_values(["date_earliest", "date_latest", "event_id"], kind="stable")
    names = dict(zip(ds.actors["actor_id"], ds.actors["name"], strict=True))
    roles = ds.event_actors

    def named(event_id: str, wanted: tuple[str, ...]) -> str:
        rows = roles[(roles["event_id"] == event_id) & roles["role"].astype(str).isin(wanted)]
        return ", ".join(dict.fromkeys(str(names[a]) for a in rows["actor_id"]))

    rows = [
        {
            "when": row.date_text,
            "by": named(row.event_id, ("speaker",)) or named(row.event_id, ("decision_maker",)),
            "about": named(row.event_id, ("target",)),
            "decision": row.title,
            "source_id": row.source_id,
        }
        for row in events.itertuples(index=False)
    ]
    columns = ["when", "by", "about", "decision", "source_id"]
    table = pd.DataFrame(rows, columns=columns)
    return table if about else table.drop(columns="about")
