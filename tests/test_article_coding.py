"""The primary article is coded whole: every sentence is quoted by at least one record."""

from __future__ import annotations

import hashlib

import pandas as pd

import pakafghan
from pakafghan.article import SENTENCE
from pakafghan.datadir import BUNDLED_DATA_DIR
from pakafghan.schema import EVIDENCE_TABLES

SEED = "000_cf27569e8efaa1ef.txt"


#: SHA-256 of the seed article; the copy in data/sources/ must stay byte-identical.
SEED_SHA256 = "2b4bad5b77d3564f7fa01d2b66c8d14eb9865fd195c8e8569f1d79c41235f675"

#: Share of each sentence's characters that quotes must cover.
MIN_COVERAGE = 0.85


def quote_coverage() -> list[tuple[str, float]]:
    """Each sentence of the article, with the share of its characters inside some quote."""
    text = pakafghan.source_text("article")
    covered = [False] * len(text)
    for table in EVIDENCE_TABLES:
        frame = pakafghan.load_table(table)
        for quote in frame.loc[frame["source_id"] == "article", "quote"].dropna():
            start = text.find(quote)
            while start >= 0:
                covered[start : start + len(quote)] = [True] * len(quote)
                start = text.find(quote, start + 1)
    return [
        (m.group().strip(), sum(covered[m.start() : m.end()]) / (m.end() - m.start()))
        for m in SENTENCE.finditer(text)
    ]


def test_the_article_ships_byte_identical_to_the_seed():
    digest = hashlib.sha256((BUNDLED_DATA_DIR / "sources" / SEED).read_bytes()).hexdigest()
    assert digest == SEED_SHA256


def test_the_article_has_eighteen_sentences():
    assert len(quote_coverage()) == 18


def test_every_sentence_of_the_article_is_quoted_by_records():
    thin = [f"{share:.0%}  {s}" for s, share in quote_coverage() if share < MIN_COVERAGE]
    assert not thin, "sentences too little covered by quotes:\n" + "\n".join(thin)


def test_every_evidence_row_names_its_source():
    for table in EVIDENCE_TABLES:
        frame = pakafghan.load_table(table)
        assert frame["source_id"].notna().all(), table


def test_years_the_article_leaves_out_are_marked_inferred_with_a_source():
    events = pakafghan.load_events()
    article = events[events["source_id"] == "article"]
    dated = article[article["date_earliest"].notna()]
    assert (dated["year_basis"] == "inferred").all()
    assert dated["year_source_id"].notna().all()
    assert (dated["date_earliest"].dt.year == 2025).all()


def test_the_articles_own_judgements_are_claims_not_facts():
    claims = pakafghan.load_claims()
    judgements = claims[claims["stance"] == "interprets"]
    quotes = " ".join(judgements["quote"].dropna())
    assert "interpreted by some" in quotes
    assert "China achieved its strategic goals" in quotes
    observers = claims[claims["quote"].fillna("").str.contains("interpreted by some")]
    assert set(observers["directness"]) == {"unattributed"}


def test_copies_of_the_article_point_at_it():
    sources = pakafghan.load_sources()
    copies = sources[sources["copy_of"] == "article"]
    # the four sites the research notes name, and the copy the notes quote without naming it
    assert set(copies["source_id"]) == {
        "copy-reportwire",
        "copy-newsanalysisindia",
        "copy-thechhattisgarh",
        "S18",
        "copy-unspecified",
    }
    assert pd.Series(copies["reliability"] == "syndicated_copy").all()


def test_the_articles_reliability_says_its_publisher_is_unknown():
    article = pakafghan.load_sources().set_index("source_id").loc["article"]
    assert article["reliability"] == "unknown_publisher"
    assert article["publisher"].startswith("Unknown")
    # the note no longer says it predates "most of the events it describes"
    assert "most of the events" not in article["reliability_note"]
    assert "S7" in article["reliability_note"]
