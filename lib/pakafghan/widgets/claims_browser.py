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
    >>> w.controls["stance"].value = "denies"
    >>> "Taliban" in w.html.value and "cl-019" in w.html.value
    True
"""

from __future__ import annotations

import re
from functools import lru_cache

import ipywidgets as widgets
import pandas as pd

from pakafghan.charts.stance import stance_chart
from pakafghan.load import Dataset, load_dataset
from pakafghan.select import article_only
from pakafghan.style import STANCE_STYLE
from pakafghan.textsafe import html_text
from pakafghan.views import claims_view
from pakafghan.widgets.base import LessonWidget, evidence_cell

#: The group option that shows every claim on a security proposition.
ALL_SECURITY = "all-security"

#: What each directness means (from the codebook), for readers who have not learnt it yet.
DIRECTNESS = {
    "direct": "direct: the claimant's own quoted words",
    "paraphrase": "paraphrase: the source restates what the claimant said",
    "reported": "reported: the source relays it second-hand, without the claimant's words",
    "unattributed": "unattributed: no one is named as its author",
}

SOURCE_CHOICES = {"all": "all sources", "article": "the article only"}


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
    view = claims_view(ds)
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
    ranked = [
        (-len(claims_about(ds, aid)), str(name).casefold(), str(name), str(aid))
        for aid, name in zip(groups["actor_id"], groups["name"], strict=True)
    ]
    return [(name, aid) for _, _, name, aid in sorted(ranked)]


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _value_cell(row: pd.Series) -> str:
    parts = []
    if pd.notna(row["value"]):
        unit = "" if pd.isna(row["unit"]) else f" {row['unit']}"
        parts.append(html_text(f"{_number(row['value'])}{unit}"))
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


def _stance_cell(stance: str) -> str:
    style = STANCE_STYLE[stance]
    return (
        f'<span style="color:{style["color"]};font-weight:bold">{html_text(style["symbol"])}'
        f"</span> {html_text(stance)}"
    )


HEADERS = ("Claim", "Proposition", "Claimant", "Stance", "How directly", "Value or version")
HEADERS += ("Evidence (quote or note)", "Source")


def render_claims(claims: pd.DataFrame, heading: str) -> str:
    """The HTML view: a heading, a one-line summary and one table row per claim, all escaped.

    Example:
        >>> from pakafghan import load_dataset
        >>> article = article_only(load_dataset())
        >>> html = render_claims(claims_about(article, "isis-k"), "ISIS-K")
        >>> html.startswith("<h4>1 claim about ISIS-K</h4>")
        True
    """
    n = len(claims)
    out = f"<h4>{n} claim{'' if n == 1 else 's'} about {html_text(heading)}</h4>"
    if claims.empty:
        return out + "<p><em>No claims match.</em></p>"
    counts = claims["stance"].astype(str).value_counts()
    summary = ", ".join(f"{counts[s]} {s}" for s in STANCE_STYLE if s in counts)
    n_props = claims["proposition_id"].nunique()
    n_sources = claims["copy_of"].fillna(claims["source_id"]).nunique()
    out += (
        f"<p>On {n_props} proposition{'' if n_props == 1 else 's'}; {html_text(summary)}; "
        f"from {n_sources} independent source{'' if n_sources == 1 else 's'} "
        "(a copy counts as its original).</p>"
    )
    rows = []
    for _, row in claims.sort_values(["proposition_id", "claim_id"], kind="stable").iterrows():
        cells = [
            html_text(row["claim_id"]),
            f"{html_text(row['statement'])}<br><small>{html_text(row['proposition_id'])}</small>",
            html_text(row["claimant"]),
            _stance_cell(str(row["stance"])),
            html_text(DIRECTNESS.get(str(row["directness"]), row["directness"])),
            _value_cell(row),
            evidence_cell(row),
            _source_cell(row),
        ]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{html_text(h)}</th>" for h in HEADERS)
    return out + f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


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
    def image(group: str, stance: str, sources: str) -> bytes:
        claims = chosen(group, stance, sources)
        subset = dict(ds.tables)
        subset["claims"] = ds.claims[ds.claims["claim_id"].isin(set(claims["claim_id"]))]
        props = sorted(set(claims["proposition_id"]))
        return stance_chart(Dataset(ds.data_dir, subset), propositions=props).png()

    return LessonWidget(
        controls, render=render, image=image if show_chart else None, title="Claims browser"
    )
