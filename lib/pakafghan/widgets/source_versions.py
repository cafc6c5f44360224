"""Every source's version of one proposition, side by side, with what makes each one weigh more
or less: when it was published, by whom, how reliable the source is, how directly it passes the
claim on, and whether it is independent or a copy of another.

The controls are ``proposition`` (those with claims from two or more independent sources first,
most sources first, then the others, each group by statement) and ``show``: every source, only
independent ones (one per original: a copy is left out when its original is shown), or all but
what is marked unverified. Above the table a line says "N versions from M independent sources".

Example:
    >>> w = source_versions()
    >>> w.controls["proposition"].value = "pr-nrf-declined"
    >>> "4 versions from 3 independent sources" in w.html.value
    True
    >>> w.controls["show"].value = "independent"
    >>> "3 versions from 3 independent sources" in w.html.value
    True
"""

from __future__ import annotations

from collections.abc import Collection

import ipywidgets as widgets
import pandas as pd

from pakafghan.conflicts import category_of, conflicting_propositions, says, versions
from pakafghan.html import evidence_cell, html_table, html_text, stance_badge
from pakafghan.load import Dataset, load_dataset
from pakafghan.text import clip, plural
from pakafghan.views import original_of
from pakafghan.vocabulary import value_labels
from pakafghan.widgets.base import LessonWidget

#: The choices of the ``show`` control.
SHOW_CHOICES = {
    "all": "all sources",
    "independent": "only independent ones",
    "verified": "hide unverified",
}

HEADERS = (
    "Published",
    "Source",
    "Reliability",
    "Confidence",
    "Claimant",
    "Stance",
    "How directly",
    "Version or value",
    "Quote or note",
    "Independence",
)

_LABEL_WIDTH = 90
_RAW = {"source", "reliability", "confidence", "stance", "version", "evidence", "independence"}


def proposition_options(ds: Dataset) -> list[tuple[str, str]]:
    """``(label, proposition_id)`` for every proposition with claims: those with claims from two
    or more independent sources first (most sources first), then the others; each group by
    statement. The label is the statement (shortened) and the number of independent sources.

    Example:
        >>> from pakafghan import load_dataset
        >>> proposition_options(load_dataset())[0]
        ('How many fighters the TTP has. (6 sources)', 'pr-ttp-size')
    """  # noqa: E501
    originals = ds.claims["source_id"].map(original_of(ds))
    counts = originals.groupby(ds.claims["proposition_id"]).nunique()
    statements = ds.propositions.set_index("proposition_id")["statement"]
    ranked = []
    for pid, n in counts.items():
        statement = str(statements[pid])
        key = (n < 2, -n if n >= 2 else 0, statement.casefold(), pid)
        ranked.append((key, (f"{clip(statement, _LABEL_WIDTH)} ({plural(int(n), 'source')})", pid)))
    return [option for _, option in sorted(ranked)]


def shown_versions(ds: Dataset, proposition_id: str, show: str = "all") -> pd.DataFrame:
    """The versions the widget shows (rows of :func:`pakafghan.conflicts.versions`).

    ``show``: "all"; "independent" (one source per original: the original itself if it has a
    claim here, else its first copy); "verified" (without claims marked unverified, and without
    sources whose reliability is unverified).

    Example:
        >>> from pakafghan import load_dataset
        >>> rows = shown_versions(load_dataset(), "pr-nrf-declined", "verified")
        >>> sorted(rows["source_id"])
        ['S1', 'S9']
    """
    if show not in SHOW_CHOICES:
        raise ValueError(f"show must be one of {', '.join(SHOW_CHOICES)}, not {show!r}")
    rows = versions(ds, proposition_id)
    if show == "independent":
        first = {}
        for original, source in sorted(zip(rows["original"], rows["source_id"], strict=True)):
            if original not in first or source == original:
                first[original] = source
        rows = rows[rows["source_id"].isin(set(first.values()))]
    elif show == "verified":
        unverified = (rows["confidence"].astype(object) == "unverified") | (
            rows["reliability"].astype(object) == "unverified"
        )
        rows = rows[~unverified]
    return rows.reset_index(drop=True)


def _version_cell(row: pd.Series) -> str:
    parts = []
    if pd.notna(row["version"]):
        parts.append(f"<strong>{html_text(row['version'])}</strong>")
    if pd.notna(row["value"]):
        parts.append(f"value: {html_text(says(row['value'], None, row['unit']))}")
    return "<br>".join(parts) or "<em>no version given</em>"


def _marks(value: object, words: dict[str, str]) -> str:
    if value is None or pd.isna(value):
        return ""
    return html_text(words.get(str(value), str(value)))


def _independence_cell(row: pd.Series, copies: dict[str, list[str]]) -> str:
    if pd.notna(row["copy_of"]):
        return f"copy of {html_text(row['copy_of'])}: not independent"
    others = [c for c in copies.get(row["source_id"], []) if c != row["source_id"]]
    if others:
        return f"original; also carried by {html_text(', '.join(others))}: one source"
    return "independent"


def render_versions(
    ds: Dataset,
    proposition_id: str,
    show: str = "all",
    conflicting: Collection[str] | None = None,
) -> str:
    """The HTML view: the statement, a summary line and one table row per version, escaped.

    ``conflicting``: the ids of :func:`~pakafghan.conflicts.conflicting_propositions`, if
    already known (they are computed otherwise).

    Example:
        >>> from pakafghan import load_dataset
        >>> html = render_versions(load_dataset(), "pr-fo-silent")
        >>> "2 versions from 2 independent sources" in html
        True
    """
    props = ds.propositions.set_index("proposition_id")
    statement, unit = props.loc[proposition_id, "statement"], props.loc[proposition_id, "unit"]
    rows = shown_versions(ds, proposition_id, show)
    kind = category_of(statement, unit)
    out = (
        f"<h4>{html_text(statement)}</h4><p><small>{html_text(proposition_id)} · "
        f"kind of fact: {html_text(kind)} · showing {html_text(SHOW_CHOICES[show])}</small></p>"
    )
    if rows.empty:
        return out + "<p><em>No versions match.</em></p>"
    n_sources = rows["original"].nunique()
    if conflicting is None:
        conflicting = conflicting_propositions(ds)
    disagree = proposition_id in conflicting
    out += (
        f"<p><strong>{plural(len(rows), 'version')} from "
        f"{plural(n_sources, 'independent source')}</strong> (a copy counts with its original). "
        + (
            "Independent sources disagree on it."
            if disagree
            else "No two independent sources give different versions of it."
        )
        + "</p>"
    )
    copies: dict[str, list[str]] = {}
    for original, source in zip(rows["original"], rows["source_id"], strict=True):
        copies.setdefault(original, []).append(source)
    reliability = value_labels("sources", "reliability")
    confidence = value_labels("claims", "confidence")
    directness = value_labels("claims", "directness")
    cells = pd.DataFrame(
        {
            "published": rows["published_text"],
            "source": [
                f"<strong>{html_text(s)}</strong>: {html_text(p)}"
                for s, p in zip(rows["source_id"], rows["publisher"], strict=True)
            ],
            "reliability": [_marks(v, reliability) for v in rows["reliability"]],
            "confidence": [_marks(v, confidence) for v in rows["confidence"]],
            "claimant": rows["claimant"],
            "stance": [stance_badge(str(v)) for v in rows["stance"]],
            "directness": [directness.get(str(v), v) for v in rows["directness"]],
            "version": [_version_cell(r) for _, r in rows.iterrows()],
            "evidence": [evidence_cell(r) for _, r in rows.iterrows()],
            "independence": [_independence_cell(r, copies) for _, r in rows.iterrows()],
        }
    )
    return out + html_table(cells, list(cells.columns), HEADERS, raw=_RAW)


def source_versions(ds: Dataset | None = None, proposition: str | None = None) -> LessonWidget:
    """A widget: pick a proposition and which sources to show; see every source's version.

    ``proposition``: the one to open on (default: the first option).

    Example:
        >>> source_versions(proposition="pr-meeting-dates")
        <Source versions widget: proposition='pr-meeting-dates', show='all'>
    """
    ds = load_dataset() if ds is None else ds
    options = proposition_options(ds)
    conflicting = set(conflicting_propositions(ds))
    wide = {"description_width": "initial"}
    controls = {
        "proposition": widgets.Dropdown(
            options=options,
            value=proposition if proposition is not None else options[0][1],
            description="Proposition",
            style=wide,
            layout=widgets.Layout(width="720px"),
        ),
        # A dropdown, not toggle buttons: ipywidgets 8.1 tells no screen reader which toggle
        # button is pressed, nor ties the group to its label; a dropdown's label is its name.
        "show": widgets.Dropdown(
            options=[(label, key) for key, label in SHOW_CHOICES.items()],
            value="all",
            description="Show",
            style=wide,
        ),
    }

    def render(proposition: str, show: str) -> str:
        return render_versions(ds, proposition, show, conflicting)

    return LessonWidget(controls, render=render, title="Source versions")
