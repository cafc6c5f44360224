"""The stance chart: claimant × proposition cells, symbols and colours, caps and alt text."""

from __future__ import annotations

import matplotlib.colors as mcolors
import pytest

from pakafghan.charts.stance import short_label, stance_chart, stance_claims
from pakafghan.select import article_only, select
from pakafghan.style import STANCE_STYLE


def _by_gid(chart, gid):
    found = [a for a in chart.figure.axes[0].get_children() if a.get_gid() == gid]
    assert len(found) == 1, f"{gid!r} drawn {len(found)} times"
    return found[0]


def _cell(chart, claim_id):
    """(column label, row label, symbol, tile colour) of one claim's tile."""
    ax = chart.figure.axes[0]
    symbol = _by_gid(chart, claim_id)
    x, y = symbol.get_position()
    columns = dict(zip(ax.get_xticks().round(), ax.get_xticklabels(), strict=True))
    rows = dict(zip(ax.get_yticks().round(), ax.get_yticklabels(), strict=True))
    tile = _by_gid(chart, f"tile:{claim_id}")
    return (
        columns[round(x)].get_text().replace("\n", " "),
        rows[round(y)].get_text().replace("\n", " "),
        symbol.get_text(),
        mcolors.to_hex(tile.get_facecolor()).upper(),
    )


@pytest.fixture(scope="module")
def chart(article):
    """The article's claims only: they are fixed, so the whole matrix fits on one chart."""
    return stance_chart(article)


@pytest.mark.parametrize(
    ("claim_id", "claimant", "stance"),
    [("cl-019", "Taliban", "denies"), ("cl-020", "UN sanctions Monitoring Team", "confirms")]
    + [("cl-018", "Pakistan", "asserts")],
)
def test_known_claims_sit_in_their_cell_with_symbol_and_colour(chart, claim_id, claimant, stance):
    column, row, symbol, colour = _cell(chart, claim_id)
    assert column == "The TTP is present in Afghanistan."
    assert row == claimant
    assert symbol == STANCE_STYLE[stance]["symbol"]
    assert colour == STANCE_STYLE[stance]["color"].upper()


def test_every_security_claim_is_drawn_once_and_nothing_else(article, chart):
    expected = set(stance_claims(article)["claim_id"])
    assert {"cl-018", "cl-019", "cl-020", "cl-017"} <= expected
    drawn = {
        a.get_gid() for a in chart.figure.axes[0].texts if (a.get_gid() or "").startswith("cl-")
    }
    assert drawn == expected
    topics = article.propositions.set_index("proposition_id")["topic"]
    assert {topics[p] for p in stance_claims(article)["proposition_id"]} == {"security"}


def test_rows_are_claimant_names_sorted_and_columns_wrapped_statements(article, chart):
    ax = chart.figure.axes[0]
    rows = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    assert rows == sorted(rows, key=str.casefold)
    assert set(rows) == set(stance_claims(article)["claimant"])
    columns = [t.get_text() for t in ax.get_xticklabels()]
    assert all(len(line) <= 16 for c in columns for line in c.split("\n"))


def test_legend_shows_symbol_and_word_of_each_stance_drawn(article, chart):
    texts = [t.get_text() for t in chart.figure.axes[0].get_legend().get_texts()]
    drawn = [s for s in STANCE_STYLE if s in set(stance_claims(article)["stance"].astype(str))]
    assert texts == [f"{STANCE_STYLE[s]['symbol']}  {s}" for s in drawn] + [
        "framed: an answer to a question"
    ]
    assert "✗  denies" in texts and "✓  confirms" in texts


def test_alt_text_counts_and_names_disputed_propositions(article, chart):
    rows = stance_claims(article)
    assert chart.alt_text.startswith(
        f"Stance matrix of {len(rows)} claims by {rows['claimant_id'].nunique()} claimants on "
        f"{rows['proposition_id'].nunique()} security propositions"
    )
    assert "Disputed" in chart.alt_text
    assert "“The TTP is present in Afghanistan.”" in chart.alt_text
    assert repr(chart) == f"Chart: {chart.alt_text}"


def test_alt_text_says_when_no_proposition_is_disputed(article):
    chart = stance_chart(article, propositions=["pr-ttp-size"])
    assert "No proposition shown is both asserted and denied." in chart.alt_text
    assert "1 selected proposition;" in chart.alt_text


def test_several_claims_in_one_cell_each_get_a_tile(data_copy):
    data_copy.append(
        "claims",
        "cl-990,pr-ttp-in-afghanistan,taliban,disputes,reported,,,,,,S33,,A test claim.",
    )
    chart = stance_chart(select(data_copy.load(), ["article", "S33"]))
    first, second = _by_gid(chart, "tile:cl-019"), _by_gid(chart, "tile:cl-990")
    assert first.get_width() == pytest.approx(second.get_width()) and first.get_width() <= 0.45
    assert first.get_x() < second.get_x()
    assert first.get_y() == second.get_y()
    assert _cell(chart, "cl-990")[1:3] == ("Taliban", STANCE_STYLE["disputes"]["symbol"])


def test_caps_keep_disputed_then_most_discussed_and_say_so(ds):
    chart = stance_chart(ds, topic=None, max_columns=2, max_rows=3)
    ax = chart.figure.axes[0]
    assert len(ax.get_xticks()) == 2 and len(ax.get_yticks()) == 3
    n_props = stance_claims(ds, topic=None)["proposition_id"].nunique()
    assert f"Shown: 2 of {n_props} propositions (disputed first" in chart.alt_text
    columns = [t.get_text() for t in ax.get_xticklabels()]
    assert short_label("The TTP is present in Afghanistan.") in columns
    rows = stance_claims(ds, topic=None)
    claimants = {t.get_text().replace("\n", " ") for t in ax.get_yticklabels()}
    shown = rows[rows["statement"].map(short_label).isin(columns)]
    counts = shown["claimant"].value_counts()
    assert min(counts[c] for c in claimants) >= max(
        (n for c, n in counts.items() if c not in claimants), default=0
    )


def test_empty_selection_and_bad_arguments(article):
    assert "no claims" in stance_chart(article, propositions=[]).alt_text
    with pytest.raises(ValueError, match="no topic 'securty'"):
        stance_chart(article, topic="securty")
    with pytest.raises(KeyError, match="pr-nothing"):
        stance_chart(article, propositions=["pr-nothing"])


def test_names_are_escaped_for_matplotlib(data_copy):
    data_copy.replace("actors", "taliban,Taliban,", "taliban,Taliban $x$,")
    chart = stance_chart(article_only(data_copy.load()))
    assert _cell(chart, "cl-019")[1] == r"Taliban \$x\$"


def test_chart_is_deterministic(article, chart):
    assert stance_chart(article).png() == chart.png()


def test_short_label_wraps_and_cuts():
    assert (
        short_label("The TTP is present in Afghanistan.") == "The TTP is\npresent in\nAfghanistan."
    )
    long = short_label("word " * 40)
    assert long.count("\n") == 7 and long.endswith("…")


def test_a_question_tile_shows_the_answer_not_a_plus(article, chart):
    """The article's figure on "How many fighters…" is printed in a framed white tile."""
    column, _, text, colour = _cell(chart, "cl-017")
    assert column == "How many fighters the TTP has."
    assert text.replace("\n", " ") == "about 6,000" and "+" not in text
    assert colour == "#FFFFFF"
    tile = _by_gid(chart, "tile:cl-017")
    assert mcolors.to_hex(tile.get_edgecolor()).upper() == STANCE_STYLE["asserts"]["color"]
    assert "Tiles on a question show the answer given" in chart.alt_text
    assert "“How many fighters the TTP has.” Author of the primary article: about 6,000" in (
        chart.alt_text
    )


def test_a_range_and_a_long_version_in_tiles(ds):
    chart = stance_chart(ds, propositions=["pr-ttp-size", "pr-taliban-pay-noor-wali"])
    texts = {t.get_gid(): t.get_text() for t in chart.figure.axes[0].texts}
    assert texts["cl-095"] == "6,000–\n6,500"
    assert texts["cl-168"] == STANCE_STYLE["asserts"]["symbol"]
    assert texts["figure:cl-168"].replace("\n", " ") == "3.5 million"
    assert "show it under the symbol: “The Taliban pay" in chart.alt_text
    assert "UN sanctions Monitoring Team: 6,000–6,500" in chart.alt_text


def test_tile_answer_prefers_the_number_then_the_version():
    import pandas as pd

    from pakafghan.charts.stance import ANSWER_LIMIT, tile_answer

    claim = {
        "statement": "When the meeting takes place.",
        "unit": None,
        "value": None,
        "value_qualifier": None,
        "value_max": None,
        "version": "August 25th and 26th, as the article says it " * 2,
    }
    answer = tile_answer(pd.Series(claim))
    assert answer.startswith("August 25th") and len(answer) <= ANSWER_LIMIT
    assert tile_answer(pd.Series({**claim, "version": None})) is None
    assert tile_answer(pd.Series({**claim, "statement": "The meeting takes place."})) is None
    statement = {**claim, "statement": "They let 6,000 fighters in.", "unit": "fighters"}
    assert tile_answer(pd.Series({**statement, "value": 6000.0})) is None


def test_the_longest_column_label_is_not_cut(ds):
    statement = ds.propositions.set_index("proposition_id").loc[
        "pr-afghanistan-must-act-on-ttp", "statement"
    ]
    assert not short_label(statement).endswith("…")
