"""HTML for widgets, reports and lessons: escaping, tables, field tables, banners, badges."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from pakafghan.html import (
    BANNER_COLOURS,
    banner,
    evidence_cell,
    field_table,
    html_table,
    html_text,
    stance_badge,
)
from pakafghan.style import HTML_GREY, OKABE_ITO, STANCE_STYLE, contrast


@pytest.mark.parametrize("index", range(4))
def test_html_text_escapes_each_hostile_text_exactly(hostile, index):
    out = html_text(hostile.parts[index])
    assert out == hostile.parts_html[index]
    for ch in "<>$\\*_`":
        assert ch not in out
    hostile.assert_inert(out)


def test_html_text_escapes_entities_once_and_quotes():
    assert html_text("&amp;") == "&amp;amp;"
    assert html_text("a \"b\" 'c'") == "a &quot;b&quot; &#x27;c&#x27;"
    assert html_text(5) == "5"


def test_html_text_of_missing_values_is_empty():
    assert html_text(None) == html_text(pd.NA) == html_text(float("nan")) == ""


def test_html_table_escapes_cells_and_says_when_empty(hostile):
    frame = pd.DataFrame({"q": [hostile.text], "n": [3]})
    table = html_table(frame, ["q", "n"], ["<Quote>", "N"])
    assert table == (
        "<table><thead><tr><th>&lt;Quote&gt;</th><th>N</th></tr></thead>"
        f"<tbody><tr><td>{hostile.html}</td><td>3</td></tr></tbody></table>"
    )
    hostile.assert_inert(table)
    assert html_table(frame.iloc[0:0], ["q"]) == "<p><em>Nothing matches.</em></p>"
    assert html_table(frame.iloc[0:0], ["q"], empty="<none>") == "<p><em>&lt;none&gt;</em></p>"


def test_html_table_headers_default_to_column_names_and_follow_the_columns_order():
    frame = pd.DataFrame({"a": [1], "b": [2]})
    assert html_table(frame, ["b", "a"]).startswith("<table><thead><tr><th>b</th><th>a</th>")
    assert "<td>2</td><td>1</td>" in html_table(frame, ["b", "a"])


def test_raw_columns_are_kept_as_built_and_only_those(hostile):
    frame = pd.DataFrame({"built": ["<b>ok</b>"], "data": [hostile.text]})
    table = html_table(frame, ["built", "data"], raw={"built"})
    assert "<td><b>ok</b></td>" in table
    assert f"<td>{hostile.html}</td>" in table
    hostile.assert_inert(table)


def test_field_table_escapes_labels_but_keeps_values(hostile):
    table = field_table([(hostile.text, "a <em>state</em>"), ("Kind", "x")], "text-align:left")
    assert table == (
        f"<table><tr><th style='text-align:left'>{hostile.html}</th><td>a <em>state</em></td></tr>"
        "<tr><th style='text-align:left'>Kind</th><td>x</td></tr></table>"
    )
    assert field_table([]) == "<table></table>"


def test_banner_is_blue_when_right_vermillion_when_not_grey_when_not_attempted(hostile):
    assert BANNER_COLOURS == {
        True: OKABE_ITO["blue"],
        False: OKABE_ITO["vermillion"],
        None: HTML_GREY,
    }
    # a mark that tells states apart needs 3:1 on white (WCAG 1.4.11); Okabe-Ito's grey has 2.8
    assert all(contrast(colour, "#FFFFFF") >= 3 for colour in BANNER_COLOURS.values())
    assert contrast(OKABE_ITO["grey"], "#FFFFFF") < 3
    assert banner(None, "○ Not attempted yet.").startswith(
        '<div style="border-left:4px solid #767676;padding:4px 8px">'
    )
    right = banner(True, "✓ Right.", hostile.text)
    assert right == (
        '<div style="border-left:4px solid #0072B2;padding:4px 8px">'
        f"<strong>✓ Right.</strong> {hostile.html}</div>"
    )
    assert banner(False, "✗ Not yet.") == (
        '<div style="border-left:4px solid #D55E00;padding:4px 8px">'
        "<strong>✗ Not yet.</strong></div>"
    )
    assert "<strong>&lt;b&gt;</strong>" in banner(0, "<b>")


@pytest.mark.parametrize("stance", sorted(STANCE_STYLE))
def test_stance_badge_shows_symbol_on_the_stance_colour_readably_and_the_word(stance):
    style = STANCE_STYLE[stance]
    badge = re.fullmatch(
        r'<span style="background:(#\w+);color:(#\w+);font-weight:bold;padding:0 3px">(.*)</span>'
        r" (.*)",
        stance_badge(stance),
    )
    assert badge.groups()[0] == style["color"]
    assert badge.groups()[2:] == (html_text(style["symbol"]), html_text(stance))
    assert contrast(badge[1], badge[2]) >= 4.5  # WCAG AA for text, also on yellow or sky blue


def test_stance_badge_of_an_unknown_stance_is_its_word_escaped(hostile):
    assert stance_badge(hostile.text) == hostile.html


def test_evidence_cell_shows_quote_and_note_escaped(hostile):
    both = evidence_cell(pd.Series({"quote": hostile.text, "note": "<i>n</i>"}))
    assert both == f"“{hostile.html}”<br><em>Note:</em> &lt;i&gt;n&lt;/i&gt;"
    assert evidence_cell(pd.Series({"quote": pd.NA, "note": "only"})) == "<em>Note:</em> only"
    assert evidence_cell(pd.Series({"quote": None, "note": None})) == ""
