"""The article as sentences, its HTML with quotes highlighted, and the records of a sentence."""

from __future__ import annotations

import pytest

from pakafghan.article import (
    SENTENCE,
    TABLE_LABELS,
    article_text,
    quoted_records,
    record_describers,
    records_for_sentence,
    sentence,
    sentences,
)
from pakafghan.article_html import MARK_STYLE, article_html, sentence_html
from pakafghan.schema import EVIDENCE_TABLES


@pytest.fixture
def hostile_ds(data_copy, hostile):
    """A copy whose article ends with a sentence of hostile text, its first part quoted by a new
    claim of an actor with a hostile name."""
    text_file = data_copy.path / "sources" / "000_cf27569e8efaa1ef.txt"
    text_file.write_text(
        text_file.read_text(encoding="utf-8") + "\n" + hostile.text + " costs more.",
        encoding="utf-8",
        newline="",
    )
    data_copy.set_cell("actors", "khalilzad", "name", hostile.text)
    data_copy.append(
        "claims",
        f"cl-hostile,pr-fo-silent,khalilzad,asserts,paraphrase,,,,,,article,{hostile.parts[0]},",
    )
    return data_copy.load()


def test_us_does_not_end_a_sentence(ds):
    found = sentences(ds)
    khalilzad = [s for s in found if "Khalilzad has criticized" in s.text]
    assert len(khalilzad) == 1
    assert khalilzad[0].text.startswith("Former U.S. envoy Zalmay Khalilzad")
    assert not any(s.text.endswith("U.S.") for s in found)


def test_sentences_are_numbered_spans_of_the_text(ds):
    text = article_text(ds)
    found = sentences(ds)
    assert [s.number for s in found] == list(range(1, len(found) + 1))
    for s in found:
        assert text[s.start : s.end] == s.text
        assert s.text.endswith(".")
    assert found[0].text.startswith("Pakistan is facilitating a meeting in Islamabad")
    assert found[-1].text.endswith("China-Pakistan Economic Corridor to Kabul.")


def test_records_for_the_taliban_denial_sentence(ds):
    n = next(s.number for s in sentences(ds) if s.text.startswith("The Taliban denies"))
    rows = records_for_sentence(ds, n)
    assert list(rows.columns) == ["table", "id", "says", "quote"]
    by_id = rows.set_index("id")
    assert by_id.loc["cl-019", "table"] == "claim"
    assert by_id.loc["cl-019", "says"] == "Taliban denies: The TTP is present in Afghanistan."
    assert by_id.loc["cl-019", "quote"] == "The Taliban denies the presence of such groups"
    assert by_id.loc["cl-020", "says"].startswith("UN sanctions Monitoring Team confirms")


def test_records_for_the_trilateral_sentence_list_event_then_participations(ds):
    n = next(s.number for s in sentences(ds) if s.text.startswith("On August 20th"))
    rows = records_for_sentence(ds, n)
    assert rows.loc[0, "id"] == "ev-kabul-trilateral"
    assert rows.loc[0, "table"] == "event"
    assert "held, CONSULT; August 20th" in rows.loc[0, "says"]
    wang = rows[rows["id"] == "pa-017"].iloc[0]
    assert wang["says"].startswith("Wang Yi: participant of “Trilateral meeting")
    order = {"event": 0, "participation": 1, "claim": 2}
    assert rows["table"].map(order).is_monotonic_increasing


def test_every_article_record_appears_in_some_sentence(ds):
    listed = set(quoted_records(ds)["id"])
    for table in EVIDENCE_TABLES:
        frame = ds.tables[table]
        key = frame.columns[0]
        quoted = frame[(frame["source_id"] == "article") & frame["quote"].notna()]
        assert set(quoted[key]) <= listed, table


def test_records_of_other_sources_are_not_listed(ds):
    rows = quoted_records(ds)
    article_ids = set()
    for table in EVIDENCE_TABLES:
        frame = ds.tables[table]
        article_ids |= set(frame.loc[frame["source_id"] == "article", frame.columns[0]])
    assert set(rows["id"]) <= article_ids


def test_a_sentence_number_out_of_range_says_the_range(ds):
    with pytest.raises(IndexError, match="sentences 1 to"):
        records_for_sentence(ds, 0)
    with pytest.raises(IndexError):
        records_for_sentence(ds, len(sentences(ds)) + 1)


def test_article_html_marks_quotes_and_keeps_all_text(ds):
    html = article_html(ds)
    assert html.count("<sup>[") == len(sentences(ds))
    assert f'<mark style="{MARK_STYLE}">The Taliban denies the presence of such groups</mark>' in (
        html
    )
    assert "underline" in MARK_STYLE  # not colour alone
    assert "women&#x27;s" not in html and "women’s rights advocates" in html


def test_sentence_html_shows_one_sentence(ds):
    html = sentence_html(ds, 1)
    assert html.startswith("<p><strong>[1]</strong> ")
    assert "Former U.S. envoy" not in html


def test_article_html_escapes_the_text_and_records_escape_names(hostile_ds, hostile):
    html = article_html(hostile_ds)
    hostile.assert_inert(html)
    mark = f'<mark style="{MARK_STYLE}">{hostile.parts_html[0]}</mark>'
    assert f"{mark} {' '.join(hostile.parts_html[1:])} costs more.</p>" in html
    last = sentences(hostile_ds)[-1]
    assert last.text == hostile.text + " costs more."
    one = sentence_html(hostile_ds, last.number)
    hostile.assert_inert(one)
    assert one.startswith(f"<p><strong>[{last.number}]</strong> {mark} ")
    rows = records_for_sentence(hostile_ds, last.number)
    # records say things as plain text; whoever shows them escapes them
    assert rows.set_index("id").loc["cl-hostile", "says"].startswith(hostile.text + " asserts:")


def test_sentence_gives_one_sentence_or_names_the_range(ds):
    found = sentences(ds)
    assert sentence(ds, 1) == found[0]
    assert sentence(ds, len(found)) == found[-1]
    with pytest.raises(IndexError, match=f"the article has sentences 1 to {len(found)}, not 0"):
        sentence(ds, 0)
    with pytest.raises(IndexError):
        sentence_html(ds, len(found) + 1)


def test_sentences_follow_the_sentence_rule(ds):
    text = article_text(ds)
    assert [m.group().strip() for m in SENTENCE.finditer(text)] == [s.text for s in sentences(ds)]
    assert [m.group() for m in SENTENCE.finditer("Mr. U.S. aid. Done.")] == [
        "Mr.",
        " U.S. aid.",
        " Done.",
    ]


def test_every_evidence_table_has_a_label_and_a_describer(ds):
    assert tuple(TABLE_LABELS) == EVIDENCE_TABLES
    describe = record_describers(ds)
    assert set(describe) == set(EVIDENCE_TABLES)
    event = ds.events.set_index("event_id").loc["ev-khalilzad-criticism"]
    assert describe["events"](event).endswith("; no date given)")
