"""Excerpts of real reports: the article's own sentences, or a report's quoted fragments."""

from __future__ import annotations

import pytest

from pakafghan.article import sentence
from pakafghan.excerpts import GAP, article_excerpt, quoted_phrases, report_excerpt


def test_an_article_excerpt_is_its_sentences_with_gaps_marked(ds):
    excerpt = article_excerpt(ds, [4, 1, 2], label="Excerpt")
    assert excerpt.fragments == (
        f"{sentence(ds, 1).text} {sentence(ds, 2).text}",
        sentence(ds, 4).text,
    )
    assert excerpt.words.count(GAP) == 1
    assert excerpt.full_text and excerpt.source_id == "article"
    assert "000_cf27569e8efaa1ef.txt" in excerpt.url  # no address: where its text ships
    text = repr(excerpt)
    assert text.startswith("Excerpt: article (sentences of the article")
    assert "Unknown (syndicated text), c. 22-24 Aug 2025." in text


def test_a_report_excerpt_is_its_headline_and_the_phrases_the_data_quotes(ds):
    excerpt = report_excerpt(ds, "S2")
    source = ds.sources.set_index("source_id").loc["S2"]
    assert excerpt.fragments[0] == source["title"]
    assert list(excerpt.fragments[1:]) == quoted_phrases(ds, "S2")
    claims = ds.claims[ds.claims["source_id"] == "S2"]
    assert set(excerpt.fragments[1:]) == set(claims["quote"].dropna())
    html = excerpt._repr_html_()
    assert "quoted fragments only" in html and html.count(GAP) == len(excerpt.fragments)
    assert source["url"] in html and "16 Aug 2025" in html
    assert not excerpt.full_text


def test_a_report_with_no_quoted_phrase_is_its_headline_alone(ds):
    excerpt = report_excerpt(ds, "S14")
    assert excerpt.fragments == (ds.sources.set_index("source_id").loc["S14", "title"],)
    assert GAP not in excerpt.words


def test_each_phrase_is_listed_once(ds):
    phrases = quoted_phrases(ds, "article")
    assert len(phrases) == len(set(phrases)) > 10


def test_wrong_sources_are_errors_that_say_what_to_do(ds):
    with pytest.raises(ValueError, match="use article_excerpt"):
        report_excerpt(ds, "article")
    with pytest.raises(KeyError, match="no source 'S999'"):
        report_excerpt(ds, "S999")


def test_excerpts_are_escaped(data_copy):
    data_copy.replace(
        "sources", "Ariana News,Khalilzad calls", "<b>Ariana</b> & co,Khalilzad calls"
    )
    html = report_excerpt(data_copy.load(), "S2")._repr_html_()
    assert "<b>Ariana</b>" not in html and "&lt;b&gt;Ariana&lt;/b&gt; &amp; co" in html
