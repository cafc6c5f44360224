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
from pakafghan.views import claims_view

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
