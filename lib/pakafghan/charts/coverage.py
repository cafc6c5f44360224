"""From sentences to rows: how many events, participations and claims quote each sentence.

One horizontal bar per sentence of the article, stacked by table. Each table has its own colour
*and* hatching, and every segment is labelled with its count, so the chart reads without colour.

Example:
    >>> from pakafghan import load_dataset
    >>> chart = coverage_chart(load_dataset())
    >>> chart.alt_text.startswith("Stacked bars for the 18 sentences of the article")
    True
"""

from __future__ import annotations

import pandas as pd

from pakafghan.article import TABLE_LABELS, quoted_records, sentences
from pakafghan.charts.base import Chart, classroom_style, new_figure
from pakafghan.load import Dataset
from pakafghan.style import OKABE_ITO
from pakafghan.text import clip, plot_text

#: How each table's segments look: colour, hatching, and the legend's word.
SEGMENT_STYLE = {
    "event": {"color": OKABE_ITO["blue"], "hatch": "", "label": "events"},
    "participation": {"color": OKABE_ITO["orange"], "hatch": "//", "label": "participations"},
    "claim": {"color": OKABE_ITO["green"], "hatch": "..", "label": "claims"},
}

#: Characters of each sentence shown as its label.
LABEL_CHARS = 38


def coverage_counts(ds: Dataset) -> pd.DataFrame:
    """One row per sentence (index: its number), one column per table: records quoting it.

    A record whose quote occurs twice in a sentence counts once.

    Example:
        >>> from pakafghan import load_dataset
        >>> counts = coverage_counts(load_dataset())
        >>> list(counts.columns)
        ['event', 'participation', 'claim']
    """
    rows = quoted_records(ds).drop_duplicates(["sentence", "table", "id"])
    numbers = [s.number for s in sentences(ds)]
    counts = pd.crosstab(rows["sentence"], rows["table"])
    counts = counts.reindex(index=numbers, columns=list(TABLE_LABELS.values()), fill_value=0)
    counts.index.name = "sentence"
    counts.columns.name = None
    return counts.astype(int)


def _label(number: int, text: str) -> str:
    return plot_text(f"{number}. {clip(text, LABEL_CHARS)}")


def _alt_text(counts: pd.DataFrame) -> str:
    totals = counts.sum(axis=1)
    top = int(totals.idxmax())
    uncovered = [str(n) for n, t in totals.items() if t == 0]
    coverage = (
        "Every sentence is quoted by at least one record"
        if not uncovered
        else f"Sentences {', '.join(uncovered)} are quoted by no record"
    )
    return (
        f"Stacked bars for the {len(counts)} sentences of the article: how many events "
        f"({counts['event'].sum()}), participations ({counts['participation'].sum()}) and claims "
        f"({counts['claim'].sum()}) quote each one. {coverage}; sentence {top} is quoted by the "
        f"most records ({int(totals[top])})."
    )


def coverage_chart(ds: Dataset) -> Chart:
    """Stacked horizontal bars: for each sentence, the records of each table that quote it.

    Example:
        >>> from pakafghan import load_dataset
        >>> chart = coverage_chart(load_dataset())
        >>> chart.figure.axes[0].get_yticklabels()[0].get_text()[:28]
        '1. Pakistan is facilitating '
    """
    counts = coverage_counts(ds)
    labels = [_label(s.number, s.text) for s in sentences(ds)]
    y = list(range(len(counts)))
    with classroom_style():
        fig, ax = new_figure(width=11, height=max(4.0, 0.42 * len(counts) + 1.5))
        left = [0] * len(counts)
        for table, style in SEGMENT_STYLE.items():
            values = counts[table].tolist()
            bars = ax.barh(
                y,
                values,
                left=left,
                color=style["color"],
                hatch=style["hatch"],
                edgecolor=OKABE_ITO["black"],
                linewidth=0.6,
                label=style["label"],
            )
            ax.bar_label(
                bars,
                labels=[str(v) if v else "" for v in values],
                label_type="center",
                fontsize=10,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "linewidth": 0},
            )
            left = [a + b for a, b in zip(left, values, strict=True)]
        ax.set_yticks(y, labels)
        ax.invert_yaxis()
        ax.set_xlabel("records quoting the sentence")
        ax.set_title("What each sentence of the article became")
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), title="table")
    return Chart(fig, _alt_text(counts))
