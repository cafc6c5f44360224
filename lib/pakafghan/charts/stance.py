"""Who takes which stance on which proposition: a claimant × proposition matrix.

Rows are claimants, columns are propositions (their statements, wrapped). Each claim is a tile in
its stance's colour with its stance's symbol (``pakafghan.style.STANCE_STYLE``), so the stance
reads without colour too; a cell with several claims shows one tile per claim. A proposition is
*disputed* when some claim asserts or confirms it and another denies or disputes it
(:func:`pakafghan.conflicts.disputed_propositions`). On a proposition that is a question
("How many fighters…", "When…"), a "+" would read as agreement, so a claim that gives an answer
shows it instead: its number (:func:`pakafghan.conflicts.figure_text`) or its version, in a
white tile framed in the stance's colour; a claim on a statement that gives a number keeps its
symbol and shows the number under it.

Example:
    >>> from pakafghan import load_dataset
    >>> chart = stance_chart(load_dataset())
    >>> "Disputed" in chart.alt_text and "The TTP is present in Afghanistan." in chart.alt_text
    True
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch, Rectangle

from pakafghan.charts.base import Chart, classroom_style, new_figure
from pakafghan.conflicts import category_of, disputed_propositions, figure_text
from pakafghan.load import Dataset
from pakafghan.style import FONT, STANCE_STYLE
from pakafghan.text import clip, plot_text
from pakafghan.views import claims_view

#: Characters per line of a column heading, and at most this many lines.
LABEL_WIDTH = 16
LABEL_LINES = 8
#: The longest answer (in characters) a tile shows on a question; longer versions are cut.
ANSWER_LIMIT = 24


def short_label(statement: str, width: int = LABEL_WIDTH, lines: int = LABEL_LINES) -> str:
    """A proposition's statement wrapped into a few short lines, cut with "…" when too long.

    Example:
        >>> print(short_label("The TTP is present in Afghanistan."))
        The TTP is
        present in
        Afghanistan.
    """
    return textwrap.fill(statement, width=width, max_lines=lines, placeholder=" …")


def stance_claims(
    ds: Dataset, topic: str | None = "security", propositions: Sequence[str] | None = None
) -> pd.DataFrame:
    """The claims a stance chart draws, with names: by ``propositions`` (ids) if given, else by
    ``topic`` (``None``: every topic). Sorted by proposition and claim id.

    Example:
        >>> from pakafghan import load_dataset
        >>> rows = stance_claims(load_dataset(), propositions=["pr-meeting-headcount"])
        >>> sorted(set(rows["stance"].astype(str)))
        ['asserts']
    """
    view = claims_view(ds)
    if propositions is not None:
        wanted = list(dict.fromkeys(propositions))
        unknown = sorted(set(wanted) - set(ds.propositions["proposition_id"]))
        if unknown:
            raise KeyError(f"no proposition {', '.join(map(repr, unknown))} in propositions.csv")
        return view[view["proposition_id"].isin(wanted)].reset_index(drop=True)
    if topic is None:
        return view
    topics = list(ds.propositions["topic"].cat.categories)
    if topic not in topics:
        raise ValueError(f"no topic {topic!r}; the topics are {', '.join(topics)}")
    return view[view["topic"] == topic].reset_index(drop=True)


def tile_answer(row: pd.Series) -> str | None:
    """What a claim's tile shows in place of its stance symbol: on a question-proposition
    (its wording asks "How…", "When…", "Who…": :func:`pakafghan.conflicts.category_of` of the
    statement is not "other"), its number, else its version; ``None`` otherwise, also for a
    statement that carries a number (the tile shows the stance's symbol).

    Example:
        >>> claim = {"statement": "How many attend.", "unit": "people", "value": 30.0,
        ...     "value_qualifier": "about", "value_max": None, "version": "about 30 expected"}
        >>> tile_answer(pd.Series(claim))
        'about 30'
        >>> tile_answer(pd.Series({**claim, "statement": "They attend.", "unit": None})) is None
        True
    """
    if category_of(row["statement"], None) == "other":
        return None
    figure = figure_text(row["value"], row["value_qualifier"], row["value_max"])
    if figure is not None:
        return figure
    version = row["version"]
    return None if version is None or pd.isna(version) else clip(version, ANSWER_LIMIT)


def _top_claimants(claims: pd.DataFrame, limit: int) -> list[str]:
    """The ``limit`` claimants with the most claims (ties by id)."""
    counts = claims["claimant_id"].value_counts()
    return [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


def _top_propositions(claims: pd.DataFrame, limit: int) -> list[str]:
    """The ``limit`` propositions to show, in id order: disputed ones first, then those with
    the most claimants, then the most claims (ties by id)."""
    disputed = set(disputed_propositions(claims))
    stats = claims.groupby("proposition_id", observed=True).agg(
        claimants=("claimant_id", "nunique"), claims=("claim_id", "size")
    )
    ranked = sorted(
        stats.itertuples(),
        key=lambda r: (r.Index not in disputed, -r.claimants, -r.claims, r.Index),
    )
    return sorted(r.Index for r in ranked[:limit])


def tile_figure(row: pd.Series) -> str | None:
    """The number a claim on a *statement* gives (shown under its stance symbol), or ``None``;
    question-propositions show their answer instead (:func:`tile_answer`).

    Example:
        >>> claim = {"statement": "They pay a monthly sum.", "value": 2_500_000.0,
        ...     "value_qualifier": None, "value_max": None}
        >>> tile_figure(pd.Series(claim))
        '2.5 million'
    """
    if category_of(row["statement"], None) != "other":
        return None
    return figure_text(row["value"], row["value_qualifier"], row["value_max"])


def _listed(shown: pd.DataFrame, column: str, statements: dict[str, str]) -> str:
    parts = []
    found = shown[shown[column].notna()]
    for pid, claims in found.groupby("proposition_id", sort=True):
        said = "; ".join(
            f"{who}: {', '.join(dict.fromkeys(group[column]))}"
            for who, group in claims.groupby(claims["claimant"].astype(str), sort=True)
        )
        parts.append(f"“{statements[pid]}” {said}")
    return "; ".join(parts)


def _answers_text(shown: pd.DataFrame, statements: dict[str, str]) -> str:
    """The answers shown on question-propositions and the numbers on statements, for the alt
    text."""
    text = ""
    answers = _listed(shown, "answer", statements)
    if answers:
        text += f" Tiles on a question show the answer given: {answers}."
    figures = _listed(shown, "figure", statements)
    if figures:
        text += f" Tiles that give a number show it under the symbol: {figures}."
    return text


def _alt_text(
    shown: pd.DataFrame, subject: str, statements: dict[str, str], disputed: list[str], cut: str
) -> str:
    stances = [s for s in STANCE_STYLE if s in set(shown["stance"].astype(str))]
    key = ", ".join(f"{STANCE_STYLE[s]['symbol']} {s}" for s in stances)
    text = (
        f"Stance matrix of {len(shown)} claims by {shown['claimant'].nunique()} claimants on "
        f"{len(statements)} {subject}; each claim is a coloured tile with a symbol ({key})."
    )
    if disputed:
        names = "; ".join(f"“{statements[p]}”" for p in disputed)
        end = "" if names[-2:] in (".”", "?”", "!”") else "."
        text += (
            f" Disputed (asserted or confirmed by some, denied or disputed by others): {names}{end}"
        )
    else:
        text += " No proposition shown is both asserted and denied."
    return text + _answers_text(shown, statements) + cut


def _tile_lines(answer: str, chars: int) -> str:
    """An answer wrapped for a narrow tile: at spaces and after a range's dash, 3 lines at most."""
    words = answer.replace("–", "– ").split()
    text = textwrap.fill(
        " ".join(words),
        chars,
        break_long_words=False,
        break_on_hyphens=False,
        max_lines=3,
        placeholder=" …",
    )
    return text.replace("– ", "–")


def _draw_cell(ax: Axes, x: float, y: float, claims: pd.DataFrame) -> None:
    width = 0.9 / len(claims)
    size = FONT["title"] + 6 if len(claims) <= 2 else FONT["base"] + 2
    for i, row in enumerate(claims.itertuples(index=False)):
        style = STANCE_STYLE[str(row.stance)]
        left = x - 0.45 + i * width
        answer = row.answer if isinstance(row.answer, str) else None
        inset = 0.04 if answer is not None else 0.0
        ax.add_patch(
            Rectangle(
                (left + inset, y - 0.4 + inset),
                width - 2 * inset,
                0.8 - 2 * inset,
                facecolor="white" if answer is not None else style["color"],
                edgecolor=style["color"] if answer is not None else "white",
                linewidth=3 if answer is not None else 2,
                gid=f"tile:{row.claim_id}",
            )
        )
        if answer is None:
            label, font, weight = style["symbol"], size, "bold"
            if isinstance(row.figure, str):
                font = min(size, FONT["base"] + 2)
        else:
            label = _tile_lines(answer, max(6, int(15 / len(claims))))
            font, weight = FONT["small"] - (2 if len(claims) > 2 else 0), "normal"
        ax.text(
            left + width / 2,
            y - (0.14 if answer is None and isinstance(row.figure, str) else 0.0),
            plot_text(label) if answer is not None else label,
            ha="center",
            va="center",
            fontsize=font,
            fontweight=weight,
            color="black",
            gid=str(row.claim_id),
        )
        figure = row.figure if answer is None and isinstance(row.figure, str) else None
        if figure is not None:
            ax.text(
                left + width / 2,
                y + 0.24,
                plot_text(_tile_lines(figure, max(6, int(15 / len(claims))))),
                ha="center",
                va="center",
                fontsize=FONT["small"] - (2 if len(claims) > 2 else 0),
                color="black",
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5},
                gid=f"figure:{row.claim_id}",
            )


def stance_chart(
    ds: Dataset,
    topic: str | None = "security",
    propositions: Sequence[str] | None = None,
    max_columns: int = 8,
    max_rows: int = 12,
) -> Chart:
    """Claimants × propositions, each claim a tile with its stance's colour and symbol.

    ``propositions`` (ids) overrides ``topic``; ``topic=None`` takes every topic. At most
    ``max_columns`` propositions (disputed ones first, then those with the most claimants and
    claims) and ``max_rows`` claimants (those with the most claims) are drawn; the alt text says
    when some are left out. Columns follow proposition ids, rows claimant names, tiles in a cell
    claim ids.

    Example:
        >>> from pakafghan import load_dataset
        >>> from pakafghan.select import article_only
        >>> ds = article_only(load_dataset())
        >>> chart = stance_chart(ds, propositions=["pr-ttp-in-afghanistan"])
        >>> chart.alt_text.split(";")[0]
        'Stance matrix of 3 claims by 3 claimants on 1 selected proposition'
    """
    claims = stance_claims(ds, topic, propositions)
    n_props = claims["proposition_id"].nunique()
    kind = "selected" if propositions is not None else (topic or "")
    subject = f"{kind} proposition{'' if n_props == 1 else 's'}".strip()
    with classroom_style():
        if claims.empty:
            fig, ax = new_figure(8, 3)
            ax.set_axis_off()
            ax.text(0.5, 0.5, "No claims match.", ha="center", va="center")
            return Chart(fig, f"Stance matrix: no claims on the {subject} in this selection.")
        col_ids = _top_propositions(claims, max_columns)
        in_cols = claims[claims["proposition_id"].isin(col_ids)]
        row_ids = _top_claimants(in_cols, max_rows)
        shown = in_cols[in_cols["claimant_id"].isin(row_ids)].copy()
        shown["answer"] = [tile_answer(row) for _, row in shown.iterrows()]
        shown["figure"] = [tile_figure(row) for _, row in shown.iterrows()]
        names = dict(zip(shown["claimant_id"], shown["claimant"], strict=False))
        row_ids = sorted(row_ids, key=lambda a: (str(names[a]).casefold(), a))
        statements = dict(zip(in_cols["proposition_id"], in_cols["statement"], strict=False))
        cut = ""
        if len(col_ids) < n_props or len(row_ids) < claims["claimant_id"].nunique():
            cut = (
                f" Shown: {len(col_ids)} of {n_props} propositions (disputed first, then the "
                f"most discussed) and {len(row_ids)} of {claims['claimant_id'].nunique()} "
                "claimants (those with the most claims)."
            )
        width = max(8.0, 3.0 + 1.5 * len(col_ids))
        fig, ax = new_figure(width, 2.6 + 0.75 * len(row_ids))
        for (pid, aid), cell in shown.groupby(["proposition_id", "claimant_id"], sort=True):
            _draw_cell(ax, col_ids.index(pid), row_ids.index(aid), cell.sort_values("claim_id"))
        ax.set_xlim(-0.5, len(col_ids) - 0.5)
        ax.set_ylim(len(row_ids) - 0.5, -0.5)
        ax.set_xticks(range(len(col_ids)), [plot_text(short_label(statements[p])) for p in col_ids])
        ax.set_yticks(
            range(len(row_ids)), [plot_text(textwrap.fill(str(names[a]), 22)) for a in row_ids]
        )
        ax.xaxis.tick_top()
        ax.tick_params(which="both", length=0)
        ax.set_xticks([x + 0.5 for x in range(len(col_ids) - 1)], minor=True)
        ax.set_yticks([y + 0.5 for y in range(len(row_ids) - 1)], minor=True)
        ax.grid(which="minor", color="#DDDDDD", linewidth=1)
        for side in ("top", "right", "bottom", "left"):
            ax.spines[side].set_visible(False)
        present = [s for s in STANCE_STYLE if s in set(shown["stance"].astype(str))]
        handles = [
            Patch(
                facecolor=STANCE_STYLE[s]["color"],
                label=f"{STANCE_STYLE[s]['symbol']}  {STANCE_STYLE[s]['label']}",
            )
            for s in present
        ]
        if shown["answer"].notna().any():
            handles.append(
                Patch(
                    facecolor="white",
                    edgecolor="black",
                    linewidth=2,
                    label="framed: an answer to a question",
                )
            )
        ax.legend(
            handles=handles,
            title="Stance (one tile per claim)",
            loc="upper center",
            bbox_to_anchor=(0.5, -0.02),
            ncols=min(len(handles), 4 if width >= 10 else 3),
            frameon=False,
        )
        disputed = [p for p in disputed_propositions(in_cols) if p in col_ids]
        return Chart(fig, _alt_text(shown, subject, statements, disputed, cut))
