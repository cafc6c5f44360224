"""The coverage chart: records of each table quoting each sentence of the article."""

from __future__ import annotations

import pytest
from matplotlib.colors import to_hex

from pakafghan.article import quoted_records, sentences
from pakafghan.charts.coverage import SEGMENT_STYLE, coverage_chart, coverage_counts
from pakafghan.style import OKABE_ITO


@pytest.fixture(scope="module")
def chart(ds):
    return coverage_chart(ds)


def test_counts_have_one_row_per_sentence_and_match_the_records(ds):
    counts = coverage_counts(ds)
    assert counts.index.tolist() == [s.number for s in sentences(ds)]
    rows = quoted_records(ds).drop_duplicates(["sentence", "table", "id"])
    assert counts.to_numpy().sum() == len(rows)
    trilateral = next(s.number for s in sentences(ds) if s.text.startswith("On August 20th"))
    assert counts.loc[trilateral, "event"] >= 1  # ev-kabul-trilateral
    denial = next(s.number for s in sentences(ds) if s.text.startswith("The Taliban denies"))
    assert counts.loc[denial, "claim"] >= 2  # cl-019 and cl-020


def test_chart_draws_one_stacked_bar_per_sentence_and_table(ds, chart):
    ax = chart.figure.axes[0]
    n = len(sentences(ds))
    assert len(ax.patches) == n * len(SEGMENT_STYLE)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == n
    assert labels[0].startswith("1. Pakistan is facilitating")
    assert all(len(label) <= 45 for label in labels)
    widths = [p.get_width() for p in ax.patches]
    assert sum(widths) == coverage_counts(ds).to_numpy().sum()


def test_chart_reads_without_colour(chart):
    ax = chart.figure.axes[0]
    colours = {to_hex(p.get_facecolor()).upper() for p in ax.patches}
    assert colours <= {c.upper() for c in OKABE_ITO.values()}
    hatches = {p.get_hatch() or "" for p in ax.patches}
    assert len(hatches) == len(SEGMENT_STYLE)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["events", "participations", "claims"]
    # every non-empty segment carries its count
    counts = [t.get_text() for t in ax.texts if t.get_text()]
    assert len(counts) == sum(1 for p in ax.patches if p.get_width() > 0)


def test_alt_text_is_built_from_the_data(ds, chart):
    counts = coverage_counts(ds)
    assert chart.alt_text.startswith(f"Stacked bars for the {len(counts)} sentences")
    assert f"claims ({counts['claim'].sum()})" in chart.alt_text
    top = int(counts.sum(axis=1).idxmax())
    assert f"sentence {top} is quoted by the most records" in chart.alt_text
    assert "Every sentence is quoted by at least one record" in chart.alt_text


def test_dollars_in_sentences_do_not_become_mathtext(data_copy):
    text_file = data_copy.path / "sources" / "000_cf27569e8efaa1ef.txt"
    text_file.write_text(
        "It cost $5 and $6 here. " + text_file.read_text(encoding="utf-8"), encoding="utf-8"
    )
    chart = coverage_chart(data_copy.load())
    first = chart.figure.axes[0].get_yticklabels()[0].get_text()
    assert first == r"1. It cost \$5 and \$6 here."
    assert "Sentences 1 are quoted by no record" in chart.alt_text
    chart.png()  # renders without a mathtext error
