"""The sentence explorer, driven by setting its dropdown."""

from __future__ import annotations

from pakafghan.article import sentences
from pakafghan.widgets.sentence_explorer import render_sentence, sentence_explorer


def test_one_choice_per_sentence_numbered_from_one(ds):
    w = sentence_explorer(ds)
    options = w.controls["sentence"].options
    assert [value for _, value in options] == [s.number for s in sentences(ds)]
    assert options[0][0].startswith("1. Pakistan is facilitating")
    assert all(len(label) <= len("18. ") + 60 for label, _ in options)
    assert repr(w) == "<Sentence explorer widget: sentence=1>"


def test_choosing_a_sentence_shows_its_records(ds):
    w = sentence_explorer(ds)
    assert "ev-meeting-announced" in w.html.value
    denial = next(s.number for s in sentences(ds) if s.text.startswith("The Taliban denies"))
    w.controls["sentence"].value = denial
    html = w.html.value
    assert "cl-019" in html and "cl-020" in html
    assert "ev-meeting-announced" not in html
    assert "Taliban denies: The TTP is present in Afghanistan." in html
    assert f"<strong>[{denial}]</strong>" in html
    assert "<th>what the record says</th>" in html
    assert html == render_sentence(ds, denial)


def test_the_count_matches_the_table(ds):
    trilateral = next(s.number for s in sentences(ds) if s.text.startswith("On August 20th"))
    html = render_sentence(ds, trilateral)
    rows = html.count("<tr>") - 1
    assert f"This sentence became <strong>{rows} records</strong>" in html
    assert "1 event," in html


def test_widget_defaults_to_the_bundled_data():
    w = sentence_explorer()
    assert w.controls["sentence"].value == 1
    assert "Pakistan is facilitating a meeting" in w.html.value


def test_data_is_escaped_in_the_view(data_copy, hostile):
    data_copy.set_cell("actors", "khalilzad", "name", hostile.text)
    ds = data_copy.load()
    w = sentence_explorer(ds)
    n = next(s.number for s in sentences(ds) if "Khalilzad has criticized" in s.text)
    w.controls["sentence"].value = n
    hostile.assert_inert(w.html.value)
    assert f"<td>{hostile.html}: speaker of" in w.html.value
