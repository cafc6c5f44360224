"""Short excerpts of real reports, in their own words, to code from: never our paraphrase.

Two kinds, told apart on screen:

- :func:`article_excerpt`: whole sentences of the primary article, whose full text ships with the
  data (``data/sources/``), so every word can be checked;
- :func:`report_excerpt`: for a report whose text is not shipped, the only words of it we hold:
  its headline (``sources.csv``) and the phrases that rows citing it quote. Shown as **quoted
  fragments** with "[…]" between them, never as a continuous text.

Each :class:`Excerpt` carries the publisher, the date and the address from ``sources.csv``, and
shows as HTML (a block quote, every value escaped) and as plain text.

Example:
    >>> from pakafghan import load_dataset
    >>> ds = load_dataset()
    >>> first = article_excerpt(ds, [1])
    >>> first.full_text, first.fragments[0][:25]
    (True, 'Pakistan is facilitating ')
    >>> headline = report_excerpt(ds, "S14")
    >>> headline.full_text, headline.fragments[0][:24]
    (False, 'Afghan political leaders')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from pakafghan.article import sentence
from pakafghan.html import html_text
from pakafghan.load import Dataset
from pakafghan.schema import EVIDENCE_TABLES
from pakafghan.select import PRIMARY

#: What stands between two fragments that are not next to each other in the report.
GAP = "[…]"


@dataclass(frozen=True)
class Excerpt:
    """Words of one report, with where they come from.

    ``fragments``: the words, in order; ``full_text``: whether they are whole sentences of a
    text we ship (else quoted fragments: a headline and short quoted phrases).
    """

    source_id: str
    publisher: str
    title: str
    published: str
    url: str
    fragments: tuple[str, ...]
    full_text: bool
    label: str = ""

    @property
    def words(self) -> str:
        """The fragments as one text, "[…]" between fragments that are not continuous."""
        if self.full_text:
            return f" {GAP} ".join(self.fragments)
        head, *quotes = self.fragments
        return " ".join([head, *(f"{GAP} “{q}”" for q in quotes), GAP] if quotes else [head])

    def _kind(self) -> str:
        if self.full_text:
            return "sentences of the article, as it is shipped with the data"
        return (
            "quoted fragments only: the headline and the phrases the project's rows quote "
            "(the report's full text is not shipped; the fragments may not be in the report's "
            "order)"
        )

    def _where(self) -> str:
        where = self.url or "no address recorded"
        return f"{self.publisher}, {self.published}. {where}"

    def __repr__(self) -> str:
        name = f"{self.label}: " if self.label else ""
        return f"{name}{self.source_id} ({self._kind()})\n{self.words}\n— {self._where()}"

    def _repr_html_(self) -> str:
        name = f"<strong>{html_text(self.label)}</strong> · " if self.label else ""
        if self.full_text:
            body = f" {GAP} ".join(html_text(f) for f in self.fragments)
        else:
            head, *quotes = self.fragments
            parts = [f"<strong>{html_text(head)}</strong>"]
            parts += [f"{GAP} “{html_text(q)}”" for q in quotes]
            body = " ".join([*parts, GAP] if quotes else parts)
        url = html_text(self.url) if self.url else "no address recorded"
        return (
            '<div style="border-left:4px solid #56B4E9;padding:4px 12px">'
            f"<p>{name}source <code>{html_text(self.source_id)}</code>: "
            f"<em>{html_text(self._kind())}</em></p>"
            f"<blockquote>{body}</blockquote>"
            f"<p>— {html_text(self.publisher)}, {html_text(self.published)}. {url}</p></div>"
        )


def _source(ds: Dataset, source_id: str) -> pd.Series:
    sources = ds.sources.set_index("source_id")
    if source_id not in sources.index:
        raise KeyError(f"no source {source_id!r} in sources.csv")
    return sources.loc[source_id]


def _text(value: object) -> str:
    return "" if pd.isna(value) else str(value)


def article_excerpt(ds: Dataset, numbers: Iterable[int], label: str = "") -> Excerpt:
    """Sentences ``numbers`` (from 1) of the primary article, with its source details.

    Sentences that follow each other make one fragment; "[…]" marks a gap.

    Example:
        >>> from pakafghan import load_dataset
        >>> excerpt = article_excerpt(load_dataset(), [1, 2, 4])
        >>> len(excerpt.fragments), excerpt.publisher
        (2, 'Unknown (syndicated text)')
    """
    source = _source(ds, PRIMARY)
    runs: list[list[int]] = []
    for n in sorted(set(numbers)):
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    where = _text(source["url"])
    if not where and _text(source["text_file"]):
        where = f"no address recorded; the text ships as data/sources/{source['text_file']}"
    return Excerpt(
        PRIMARY,
        _text(source["publisher"]),
        _text(source["title"]),
        _text(source["published_text"]),
        where,
        tuple(" ".join(sentence(ds, n).text for n in run) for run in runs),
        True,
        label,
    )


def quoted_phrases(ds: Dataset, source_id: str) -> list[str]:
    """The phrases that rows citing ``source_id`` quote: events, participations, then claims,
    each once, in the tables' order.

    Example:
        >>> from pakafghan import load_dataset
        >>> quoted_phrases(load_dataset(), "S14")
        []
    """
    out: list[str] = []
    for table in EVIDENCE_TABLES:
        frame = ds.tables[table]
        for quote in frame.loc[frame["source_id"] == source_id, "quote"].dropna():
            if str(quote) not in out:
                out.append(str(quote))
    return out


def report_excerpt(ds: Dataset, source_id: str, label: str = "") -> Excerpt:
    """A report whose text is not shipped, as quoted fragments: its headline, then the phrases
    the rows citing it quote (see :func:`quoted_phrases`).

    Example:
        >>> from pakafghan import load_dataset
        >>> excerpt = report_excerpt(load_dataset(), "S14")
        >>> excerpt.publisher, excerpt.published
        ('Pakistan Today', '29 Sep 2025')
    """
    if source_id == PRIMARY:
        raise ValueError("the article's text is shipped: use article_excerpt(ds, numbers)")
    source = _source(ds, source_id)
    return Excerpt(
        source_id,
        _text(source["publisher"]),
        _text(source["title"]),
        _text(source["published_text"]),
        _text(source["url"]),
        (_text(source["title"]), *quoted_phrases(ds, source_id)),
        False,
        label,
    )
