"""Browse every claim about an armed group: who says what, how directly, and on what evidence.

Pick a group (the ``armed_group`` actors of the data, most-discussed first, or all security
claims), a stance and the sources to use; the view lists each claim with its proposition,
claimant, stance, directness, value or version, quote or note, and the source's publisher, date
and reliability. A claim is *about* a group when its proposition's ``subject_actor_id`` is the
group or its statement names the group.

Example:
    >>> from pakafghan import load_dataset
    >>> w = claims_browser(load_dataset(), show_chart=False)
    >>> w.controls["group"].value = "ttp"
    >>> w.controls["stance"].value = "confirms"
    >>> "UN sanctions Monitoring Team" in w.html.value
    True
"""

from __future__ import annotations

from functools import lru_cache

import ipywidgets as widgets
import pandas as pd

from pakafghan.charts.stance import stance_chart
from pakafghan.claims import ALL_SECURITY, armed_groups, claims_about
from pakafghan.html import evidence_cell, html_table, html_text, stance_badge
from pakafghan.load import Dataset, load_dataset
from pakafghan.select import SOURCE_CHOICES, article_only
from pakafghan.style import STANCE_STYLE
from pakafghan.text import number, plural
from pakafghan.vocabulary import value_labels
from pakafghan.widgets.base import LessonWidget


def _value_cell(row: pd.Series) -> str:
    parts = []
    if pd.notna(row["value"]):
        unit = "" if pd.isna(row["unit"]) else f" {row['unit']}"
        parts.append(html_text(f"{number(row['value'])}{unit}"))
    if pd.notna(row["version"]):
        parts.append(f"version: {html_text(row['version'])}")
    return "<br>".join(parts)


def _source_cell(row: pd.Series) -> str:
    text = (
        f"<strong>{html_text(row['source_id'])}</strong>: {html_text(row['publisher'])}, "
        f"{html_text(row['published_text'])}<br>reliability: {html_text(row['reliability'])}"
    )
    if pd.notna(row["confidence"]):
        text += f"<br>confidence: {html_text(row['confidence'])}"
    return text


_COLUMNS = ["claim_id", "proposition", "claimant", "stance", "directness", "value"]
_COLUMNS += ["evidence", "source"]
HEADERS = ("Claim", "Proposition", "Claimant", "Stance", "How directly", "Value or version")
HEADERS += ("Evidence (quote or note)", "Source")
_RAW = {"proposition", "stance", "value", "evidence", "source"}


def render_claims(claims: pd.DataFrame, heading: str) -> str:
    """The HTML view: a heading, a one-line summary and one table row per claim, all escaped.

    Example:
        >>> from pakafghan import load_dataset
        >>> article = article_only(load_dataset())
        >>> html = render_claims(claims_about(article, "isis-k"), "ISIS-K")
        >>> html.startswith("<h4>1 claim about ISIS-K</h4>")
        True
    """
    out = f"<h4>{plural(len(claims), 'claim')} about {html_text(heading)}</h4>"
    if claims.empty:
        return out + "<p><em>No claims match.</em></p>"
    counts = claims["stance"].astype(str).value_counts()
    summary = ", ".join(f"{counts[s]} {s}" for s in STANCE_STYLE if s in counts)
    n_props = claims["proposition_id"].nunique()
    n_sources = claims["original"].nunique()
    out += (
        f"<p>On {plural(n_props, 'proposition')}; {html_text(summary)}; "
        f"from {plural(n_sources, 'independent source')} (a copy counts as its original).</p>"
    )
    directness = value_labels("claims", "directness")
    rows = claims.sort_values(["proposition_id", "claim_id"], kind="stable")
    cells = pd.DataFrame(
        {
            "claim_id": rows["claim_id"],
            "proposition": [
                f"{html_text(s)}<br><small>{html_text(p)}</small>"
                for s, p in zip(rows["statement"], rows["proposition_id"], strict=True)
            ],
            "claimant": rows["claimant"],
            "stance": [stance_badge(str(s)) for s in rows["stance"]],
            "directness": [directness.get(str(d), d) for d in rows["directness"]],
            "value": [_value_cell(r) for _, r in rows.iterrows()],
            "evidence": [evidence_cell(r) for _, r in rows.iterrows()],
            "source": [_source_cell(r) for _, r in rows.iterrows()],
        }
    )
    return out + html_table(cells, _COLUMNS, HEADERS, raw=_RAW)


def claims_browser(ds: Dataset | None = None, show_chart: bool = True) -> LessonWidget:
    """A widget: choose a group, a stance and the sources; see every matching claim (and, with
    ``show_chart``, their stance chart).

    Example:
        >>> claims_browser(show_chart=False)
        <Claims browser widget: group='ttp', stance='any', sources='all'>
    """
    ds = load_dataset() if ds is None else ds
    datasets = {"all": ds, "article": article_only(ds)}
    groups = armed_groups(ds)
    labels = {aid: name for name, aid in groups} | {ALL_SECURITY: "all security propositions"}
    group_options = [*groups, ("All security claims", ALL_SECURITY)]
    stance_options = [("any stance", "any")] + [
        (f"{style['symbol']} {stance}", stance) for stance, style in STANCE_STYLE.items()
    ]
    wide = {"description_width": "initial"}
    controls = {
        "group": widgets.Dropdown(options=group_options, description="Group", style=wide),
        "stance": widgets.Dropdown(options=stance_options, description="Stance", style=wide),
        "sources": widgets.Dropdown(
            options=[(label, key) for key, label in SOURCE_CHOICES.items()],
            description="Sources",
            style=wide,
        ),
    }

    @lru_cache(maxsize=64)  # the view and the chart share one selection; going back is instant
    def chosen(group: str, stance: str, sources: str) -> pd.DataFrame:
        claims = claims_about(datasets[sources], group)
        return claims if stance == "any" else claims[claims["stance"] == stance]

    def render(group: str, stance: str, sources: str) -> str:
        return render_claims(chosen(group, stance, sources), labels[group])

    @lru_cache(maxsize=32)
    def image(group: str, stance: str, sources: str) -> str:
        claims = chosen(group, stance, sources)
        subset = dict(ds.tables)
        subset["claims"] = ds.claims[ds.claims["claim_id"].isin(set(claims["claim_id"]))]
        props = sorted(set(claims["proposition_id"]))
        return stance_chart(Dataset(ds.data_dir, subset), propositions=props).img_html()

    return LessonWidget(
        controls, render=render, image=image if show_chart else None, title="Claims browser"
    )
