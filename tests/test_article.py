"""The article as sentences, its HTML with quotes highlighted, and the records of a sentence."""

from __future__ import annotations

import pandas as pd
import pytest

from pakafghan.article import (
    SENTENCE,
    TABLE_LABELS,
    article_text,
    is_value_proposition,
    quoted_records,
    record_describers,
    records_for_sentence,
    sentence,
    sentence_number,
    sentences,
    value_text,
    voices,
)
from pakafghan.article_html import (
    KIND_MARKS,
    LETTER_STYLE,
    MARK_STYLE,
    actors_html,
    article_html,
    evidence_card,
    legend_html,
    records_html,
    sentence_html,
)
from pakafghan.html import html_text
from pakafghan.schema import EVIDENCE_TABLES

CLAIM = KIND_MARKS["claim"]["style"]


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
    n = sentence_number(ds, "The Taliban denies")
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


def test_article_html_marks_quotes_by_record_kind_and_keeps_all_text(ds):
    html = article_html(ds)
    assert html.count("<sup>[") == len(sentences(ds))
    denial = "The Taliban denies the presence of such groups"
    assert f'<span style="{CLAIM}">{denial}</span><sup style="{LETTER_STYLE}">C</sup>' in html
    # a passage quoted by an event, a participation and a claim carries all three marks
    both = ";".join(KIND_MARKS[k]["style"] for k in ("event", "participation", "claim"))
    assert f'<span style="{both}">Pakistan is facilitating a meeting in Islamabad</span>' in html
    assert f'<sup style="{LETTER_STYLE}">E P C</sup>' in html
    assert "women&#x27;s" not in html and "women’s rights advocates" in html
    assert legend_html() in html


def test_the_marks_do_not_rely_on_colour_alone():
    lines = [m["style"] for m in KIND_MARKS.values()]
    assert "background" in lines[0] and "solid" in lines[1] and "dotted" in lines[2]
    assert [m["letter"] for m in KIND_MARKS.values()] == ["E", "P", "C"]
    assert set(KIND_MARKS) == set(TABLE_LABELS.values())
    legend = legend_html()
    for mark in KIND_MARKS.values():
        assert html_text(mark["legend"]) in legend


def test_the_plain_article_has_numbers_and_no_marks(ds):
    html = article_html(ds, marks=False)
    assert html.count("<sup>[") == len(sentences(ds))
    assert "<span" not in html and "How to read the marks" not in html
    assert "Former U.S. envoy Zalmay Khalilzad" in html


def test_sentence_html_shows_one_sentence(ds):
    html = sentence_html(ds, 1)
    assert html.startswith("<p><strong>[1]</strong> ")
    assert "Former U.S. envoy" not in html


def test_article_html_escapes_the_text_and_records_escape_names(hostile_ds, hostile):
    html = article_html(hostile_ds)
    hostile.assert_inert(html)
    mark = (
        f'<span style="{CLAIM}">{hostile.parts_html[0]}</span><sup style="{LETTER_STYLE}">C</sup>'
    )
    assert f"{mark} {' '.join(hostile.parts_html[1:])} costs more.</p>" in html
    last = sentences(hostile_ds)[-1]
    assert last.text == hostile.text + " costs more."
    one = sentence_html(hostile_ds, last.number)
    hostile.assert_inert(one)
    assert one.startswith(f"<p><strong>[{last.number}]</strong> {mark} ")
    rows = records_for_sentence(hostile_ds, last.number)
    # records say things as plain text; whoever shows them escapes them
    assert rows.set_index("id").loc["cl-hostile", "says"].startswith(hostile.text + " asserts:")
    hostile.assert_inert(records_html(hostile_ds, last.number).html)


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


def test_sentence_number_finds_a_sentence_by_its_first_words(ds):
    assert sentence_number(ds, "Pakistan is facilitating") == 1
    assert sentence(ds, sentence_number(ds, "On August 20th")).text.startswith("On August 20th")
    with pytest.raises(LookupError, match="no sentence of the article begins with 'Nobody'"):
        sentence_number(ds, "Nobody")


def test_a_value_claim_says_its_value_not_a_question(ds):
    describe = record_describers(ds)["claims"]
    claims = ds.claims.set_index("claim_id")
    dates = describe(claims.loc["cl-027"])
    assert dates == (
        f"Author of the primary article says when the Islamabad meeting takes place: "
        f"“{claims.loc['cl-027', 'version']}”"
    )
    assert "When the" not in dates
    assert describe(claims.loc["cl-001"]).startswith(
        "Author of the primary article says how many people the Islamabad meeting is expected"
    )
    assert describe(claims.loc["cl-002"]).startswith("Author of the primary article asserts: The")


@pytest.mark.parametrize(
    ("statement", "value"),
    [
        ("When the meeting takes place.", True),
        ("How many fighters the TTP has.", True),
        ("Who organises the meeting.", True),
        ("Whoever comes is welcome.", False),
        ("The TTP is present in Afghanistan.", False),
        ("Howard attends.", False),
    ],
)
def test_value_propositions_are_those_that_ask(statement, value):
    assert is_value_proposition(statement) is value


def test_value_text_prefers_the_sources_words():
    assert value_text(pd.Series({"version": "25-26 Aug", "value": None})) == "25-26 Aug"
    assert value_text(pd.Series({"version": None, "value": 6000.0, "value_qualifier": None})) == (
        "6,000"
    )
    row = pd.Series({"version": "", "value": 30.0, "value_qualifier": "at_least"})
    assert value_text(row) == "at least 30"
    assert value_text(pd.Series({"version": None, "value": None})) == "no value given"


def test_voices_say_who_makes_each_sentences_claims(ds):
    rows = voices(ds, [3, 1])
    assert rows.index.tolist() == [3, 1]
    assert list(rows.columns) == ["begins", "events and participations", "claims: who, stance"]
    assert rows.loc[1, "events and participations"] == "1 event, 1 participation"
    assert rows.loc[1, "claims: who, stance"] == "the author: asserts"
    assert rows.loc[3, "events and participations"] == "—"
    n = sentence_number(ds, "The Taliban denies")
    said = voices(ds, [n]).loc[n, "claims: who, stance"]
    assert said.startswith("Taliban: denies; ") and "confirms" in said


def test_records_html_shows_the_sentence_and_a_table_of_its_records(ds):
    view = records_html(ds, 1)
    assert view.html.startswith("<p><strong>[1]</strong> ")
    assert "<th>what the record says</th>" in view.html
    assert "ev-meeting-announced" in view.html
    n = len(records_for_sentence(ds, 1))
    assert view.text.startswith(f"Sentence 1 became {n} records: event ev-meeting-announced")
    assert view._repr_html_() == view.html and repr(view) == view.text


def test_records_html_clips_long_quotes(ds):
    view = records_html(ds, sentence_number(ds, "The event is expected"))
    assert "including Afghan political figures in exile" in view.html
    assert "protest movements</td>" not in view.html and "…</td>" in view.html


def test_actors_html_names_each_kind_in_words(ds):
    html = actors_html(ds, ["taliban", "sassi"])
    assert "<td>a de facto authority</td>" in html and "<th>description</th>" not in html
    assert "<th>description</th>" in actors_html(ds, ["sassi"], descriptions=True)


def test_an_evidence_card_shows_source_reliability_and_the_quote_in_its_sentence(ds):
    card = evidence_card("claims", "cl-002")
    html = card._repr_html_()
    assert "Unknown (syndicated text)" in html and "c. 22-24 Aug 2025" in html
    assert "unknown publisher: the text circulates" in html
    quote = ds.claims.set_index("claim_id").loc["cl-002", "quote"]
    assert f'<mark style="{MARK_STYLE}">{quote}</mark>' in html
    assert "start=" not in html and "end=" not in html and "1497" not in repr(card)
    assert repr(card).startswith("Evidence card: claim cl-002: Author of the primary article")


def test_an_evidence_card_shows_the_whole_sentence_around_a_short_quote(ds):
    html = evidence_card("event_actors", "pa-001").html
    assert f'<mark style="{MARK_STYLE}">Pakistan is facilitating a meeting in Islamabad</mark>' in (
        html
    )
    assert "</mark> on August 25th and 26th" in html


def test_an_evidence_card_for_a_source_without_text_shows_the_quote_alone(ds):
    claims = ds.claims
    texts = ds.sources.set_index("source_id")["text_file"]
    unshipped = claims[claims["source_id"].map(texts).isna() & claims["quote"].notna()]
    card = evidence_card("claims", unshipped["claim_id"].iloc[0])
    assert "full text is not shipped" in repr(card)
    assert "<mark" in card.html


def test_an_evidence_card_escapes_the_data(hostile_ds, hostile):
    card = evidence_card("claims", "cl-hostile", hostile_ds.data_dir)
    hostile.assert_inert(card.html)
