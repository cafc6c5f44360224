"""Where the sources disagree: every source's version of a proposition, and the propositions on
which independent sources disagree, derived from the claims.

- An **independent source** is a source together with its copies (``sources.copy_of``): the
  article and the sites that republish its text count as one source
  (:func:`pakafghan.views.original_of`).
- Two independent sources **disagree** on a proposition when they give different numbers
  (``value``), or, when no claim on it gives a number, different versions in words
  (``version``); or when one asserts or confirms it and the other denies or disputes it. A claim
  that gives neither a number nor a version can only disagree by its stance.
- Each proposition falls in a **category** read from its own wording: it has a unit → number;
  it starts with "When" → date, "Why" → reason, "Who", "What" or "Where" → name; anything else
  (a statement such as "The NRF declined…") → other.

Example:
    >>> from pakafghan import load_dataset
    >>> ds = load_dataset()
    >>> "pr-meeting-dates" in conflicting_propositions(ds)
    True
    >>> category_of("When the Islamabad meeting takes place.", None)
    'date'
"""

from __future__ import annotations

import pandas as pd

from pakafghan.load import Dataset
from pakafghan.views import NEGATIVE, POSITIVE, claims_view, first_published

#: Categories of the conflicts table, in the order the lesson shows them.
CATEGORIES = ("number", "name", "date", "reason", "other")

#: A proposition's first word → its category (see :func:`category_of`).
_FIRST_WORD = {
    "how": "number",
    "when": "date",
    "why": "reason",
    "who": "name",
    "what": "name",
    "where": "name",
}

_VERSION_COLUMNS = [
    "claim_id",
    "source_id",
    "original",
    "copy_of",
    "publisher",
    "published_text",
    "published",
    "reliability",
    "claimant",
    "stance",
    "directness",
    "value",
    "unit",
    "version",
    "confidence",
    "quote",
    "note",
]


_TABLE_COLUMNS = [
    "category",
    "proposition_id",
    "statement",
    "source_id",
    "cited",
    "publisher",
    "published_text",
    "published",
    "reliability",
    "stance",
    "version",
    "value",
    "confidence",
]


def category_of(statement: str, unit: object) -> str:
    """The kind of fact a proposition asks for: number, name, date, reason or other.

    Example:
        >>> category_of("How many people attend the meeting.", "people")
        'number'
        >>> category_of("The NRF declined its invitation.", None)
        'other'
    """
    if unit is not None and not pd.isna(unit):
        return "number"
    words = str(statement).split()
    return _FIRST_WORD.get(words[0].casefold(), "other") if words else "other"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def says(value: object, version: object, unit: object = None) -> str | None:
    """What one claim says, as text: its version in words, else its number (with the unit).

    Example:
        >>> says(30.0, "about 30 expected", "people")
        'about 30 expected'
        >>> says(30.0, None, "people"), says(None, None)
        ('30 people', None)
    """
    if version is not None and not pd.isna(version):
        return str(version)
    if value is not None and not pd.isna(value):
        suffix = "" if unit is None or pd.isna(unit) else f" {unit}"
        return f"{_number(float(value))}{suffix}"
    return None


def _with_originals(ds: Dataset) -> pd.DataFrame:
    view = claims_view(ds)
    sources = ds.sources.set_index("source_id")
    published = first_published(sources)
    view["published"] = view["source_id"].map(published)
    return view


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(
        ["published", "source_id", "claim_id"], kind="stable", na_position="last"
    ).reset_index(drop=True)


def versions(ds: Dataset, proposition_id: str) -> pd.DataFrame:
    """Every source's version of one proposition: one row per claim, with the source's
    publisher, date and reliability, its independence (``original``: the source it counts as;
    ``copy_of``), the claimant, stance, directness, value or version, confidence, quote and note.
    Earliest published first (undated last).

    Example:
        >>> from pakafghan import load_dataset
        >>> rows = versions(load_dataset(), "pr-nrf-declined")
        >>> rows.loc[rows["source_id"] == "S18", ["original", "confidence"]].values.tolist()
        [['article', 'unverified']]
    """
    if proposition_id not in set(ds.propositions["proposition_id"]):
        raise KeyError(f"no proposition {proposition_id!r} in propositions.csv")
    view = _with_originals(ds)
    chosen = view[view["proposition_id"] == proposition_id]
    return _sorted(chosen)[_VERSION_COLUMNS]


def _disagree(claims: pd.DataFrame) -> bool:
    """Two independent sources give different numbers or versions, or opposite stances."""
    numbered = claims[claims["value"].notna()]
    worded = claims[claims["version"].notna()]
    said = numbered if not numbered.empty else worded
    column = "value" if not numbered.empty else "version"
    texts = said[column].astype(str).str.casefold().str.split().str.join(" ")
    per_source = texts.groupby(said["original"]).agg(frozenset)
    if per_source.nunique() > 1:
        return True
    stance = claims["stance"].astype(str)
    positive = set(claims.loc[stance.isin(POSITIVE), "original"])
    negative = set(claims.loc[stance.isin(NEGATIVE), "original"])
    return any(p != n for p in positive for n in negative)


def conflicting_propositions(ds: Dataset) -> list[str]:
    """Ids of the propositions on which independent sources disagree (see the module's rules).

    Example:
        >>> from pakafghan import load_dataset
        >>> found = conflicting_propositions(load_dataset())
        >>> "pr-fo-silent" in found, "pr-ttp-size" in found
        (True, False)
    """
    view = _with_originals(ds)
    return sorted(
        pid
        for pid, claims in view.groupby("proposition_id", sort=True)
        if claims["original"].nunique() > 1 and _disagree(claims)
    )


def disputed_propositions(claims: pd.DataFrame) -> list[str]:
    """Ids of propositions that one claim asserts or confirms and another denies or disputes,
    whichever sources the claims come from (unlike :func:`conflicting_propositions`, which
    compares independent sources and their numbers and versions too).

    Example:
        >>> from pakafghan import load_dataset
        >>> "pr-ttp-in-afghanistan" in disputed_propositions(load_dataset().claims)
        True
    """
    stances = claims.groupby("proposition_id", observed=True)["stance"].agg(
        lambda s: set(s.astype(str))
    )
    return sorted(
        pid for pid, found in stances.items() if found & set(POSITIVE) and found & set(NEGATIVE)
    )


def _join(values: pd.Series) -> str | None:
    """Distinct values in their order, joined with " | "; ``None`` when there are none."""
    texts = dict.fromkeys(str(v) for v in values if v is not None and not pd.isna(v))
    return " | ".join(texts) if texts else None


def conflicts_table(ds: Dataset, category: str | None = None) -> pd.DataFrame:
    """One row per (proposition, independent source) for the propositions on which independent
    sources disagree: the category, the statement, the source (a copy counts as its original;
    ``cited`` names the rows' own sources), its publisher, date and reliability, the stance(s),
    what it says (``version``; several claims are joined with " | "), its number (``value``,
    when it gives exactly one) and the confidence marks. Sorted by category (in
    :data:`CATEGORIES` order), proposition, then publication date.

    ``category``: keep one category only.

    Example:
        >>> from pakafghan import load_dataset
        >>> numbers = conflicts_table(load_dataset(), "number")
        >>> headcount = numbers[numbers["proposition_id"] == "pr-meeting-headcount"]
        >>> headcount.loc[headcount["source_id"] == "S9", "version"].tolist()
        ['about 40 invited']
    """
    if category is not None and category not in CATEGORIES:
        raise ValueError(f"category must be one of {', '.join(CATEGORIES)}, not {category!r}")
    view = _with_originals(ds)
    view = view[view["proposition_id"].isin(conflicting_propositions(ds))].copy()
    view["category"] = [
        category_of(s, u) for s, u in zip(view["statement"], view["unit"], strict=True)
    ]
    view["says"] = [
        says(v, t, u) for v, t, u in zip(view["value"], view["version"], view["unit"], strict=True)
    ]
    sources = ds.sources.set_index("source_id")
    published = first_published(sources)
    rows = []
    for (pid, original), claims in view.groupby(["proposition_id", "original"], sort=True):
        values = set(claims["value"].dropna())
        first = claims.iloc[0]
        rows.append(
            {
                "category": first["category"],
                "proposition_id": pid,
                "statement": first["statement"],
                "source_id": original,
                "cited": ", ".join(sorted(set(claims["source_id"]))),
                "publisher": sources.loc[original, "publisher"],
                "published_text": sources.loc[original, "published_text"],
                "published": published[original],
                "reliability": str(sources.loc[original, "reliability"]),
                "stance": _join(claims["stance"].astype(str)),
                "version": _join(claims["says"]),
                "value": values.pop() if len(values) == 1 else pd.NA,
                "confidence": _join(claims["confidence"].astype(object)),
            }
        )
    table = pd.DataFrame(rows, columns=_TABLE_COLUMNS)
    table["value"] = table["value"].astype("Float64")
    for column in ("stance", "version", "confidence"):
        table[column] = table[column].astype("string")
    table["category"] = pd.Categorical(table["category"], categories=list(CATEGORIES))
    if category is not None:
        table = table[table["category"] == category]
    return table.sort_values(
        ["category", "proposition_id", "published", "source_id"], kind="stable", na_position="last"
    ).reset_index(drop=True)


def _compact(value: float) -> str:
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:,.4g} million"
    return _number(value)


#: How a value's qualifier reads before the number (``between`` makes a range instead).
_QUALIFIER_WORDS = {
    "about": "about",
    "nearly": "nearly",
    "over": "over",
    "at_least": "at least",
    "under": "under",
    "at_most": "up to",
}


def figure_text(value: object, qualifier: object = None, value_max: object = None) -> str | None:
    """A claim's number in a few words: its qualifier, and a range for ``between``.

    Example:
        >>> figure_text(30.0, "about"), figure_text(12.0, "between", 15.0)
        ('about 30', '12–15')
        >>> figure_text(2_500_000.0), figure_text(None)
        ('2.5 million', None)
    """
    if value is None or pd.isna(value):
        return None
    text = _compact(float(value))
    has_max = value_max is not None and not pd.isna(value_max)
    word = "" if qualifier is None or pd.isna(qualifier) else str(qualifier)
    if word == "between" and has_max:
        return f"{text}–{_compact(float(value_max))}"
    return f"{_QUALIFIER_WORDS[word]} {text}" if word in _QUALIFIER_WORDS else text


def who_gives(ds: Dataset, proposition_id: str) -> pd.DataFrame:
    """Who says what on one proposition: one row per claimant and stance, with how directly the
    sources pass it on, what they say (each source's own wording, ``version``, else the number;
    a dash when neither), and the independent sources that report it, with their dates (a
    syndicated copy counts as its original). Sorted by claimant.

    Example:
        >>> from pakafghan import load_dataset
        >>> rows = who_gives(load_dataset(), "pr-meeting-headcount")
        >>> list(rows.columns)
        ['claimant', 'stance', 'directness', 'says', 'sources']
    """
    if proposition_id not in set(ds.propositions["proposition_id"]):
        raise KeyError(f"no proposition {proposition_id!r} in propositions.csv")
    view = _sorted(_with_originals(ds))
    view = view[view["proposition_id"] == proposition_id]
    dates = ds.sources.set_index("source_id")["published_text"]
    rows = []
    for (claimant, stance), claims in view.groupby(
        [view["claimant"].astype(str), view["stance"].astype(str)], sort=False
    ):
        said = [
            says(v, t, u)
            for v, t, u in zip(claims["value"], claims["version"], claims["unit"], strict=True)
        ]
        sources = dict.fromkeys(claims["original"])
        rows.append(
            {
                "claimant": claimant,
                "stance": stance,
                "directness": ", ".join(dict.fromkeys(claims["directness"].astype(str))),
                "says": "; ".join(dict.fromkeys(s for s in said if s)) or "—",
                "sources": ", ".join(f"{s} ({dates[s]})" for s in sources),
            }
        )
    table = pd.DataFrame(rows, columns=["claimant", "stance", "directness", "says", "sources"])
    return table.sort_values(
        ["claimant", "stance"], key=lambda c: c.str.casefold(), kind="stable"
    ).reset_index(drop=True)
