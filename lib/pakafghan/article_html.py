"""The article as HTML for a lesson, and the evidence behind a record as a card.

In the article, each passage that some record quotes is marked by the kind of record that quotes
it: an event (shaded background), a participation (solid underline) or a claim (dotted
underline), and a small letter after the passage (E, P, C) says the same in words, so the marks
never rely on colour alone. Every character of the text is escaped, so nothing in the data can
inject markup.

Example:
    >>> from pakafghan import load_dataset
    >>> sentence_html(load_dataset(), 3)[:32]
    '<p><strong>[3]</strong> <span st'
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

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
from pakafghan.evidence import evidence
from pakafghan.html import View, field_table, html_table, html_text
from pakafghan.load import Dataset, load_dataset, source_text
from pakafghan.schema import read_package
from pakafghan.style import HTML_GREY, OKABE_ITO
from pakafghan.text import clip
from pakafghan.vocabulary import value_labels

#: How a passage quoted by each kind of record is marked: a CSS style, a letter, and words for
#: the legend. Shading, a solid and a dotted line combine on one passage, and the letters say
#: the same without colour.
KIND_MARKS = {
    "event": {
        "style": "background-color:rgba(86,180,233,0.35)",
        "letter": "E",
        "legend": "shaded: quoted by an event (something that happened or was planned)",
    },
    "participation": {
        "style": (
            f"text-decoration:underline 2px solid {OKABE_ITO['orange']};text-underline-offset:3px"
        ),
        "letter": "P",
        "legend": "solid underline: quoted by a participation (who took part, in what role)",
    },
    "claim": {
        "style": f"border-bottom:2px dotted {OKABE_ITO['vermillion']};padding-bottom:4px",
        "letter": "C",
        "legend": "dotted underline: quoted by a claim (someone's stance on a statement)",
    },
}
#: The letters after a marked passage.
LETTER_STYLE = "font-size:70%;color:#444;margin-left:1px"
#: How the quote is highlighted in an evidence card: a background and an underline.
MARK_STYLE = f"background-color:{OKABE_ITO['yellow']};text-decoration:underline"

_Cover = tuple[int, int, str]


def _marks(kinds: frozenset[str]) -> tuple[str, str]:
    """The style and the letters of a passage quoted by records of ``kinds``."""
    ordered = [k for k in KIND_MARKS if k in kinds]
    style = ";".join(KIND_MARKS[k]["style"] for k in ordered)
    letters = " ".join(KIND_MARKS[k]["letter"] for k in ordered)
    return style, letters


def _marked(text: str, covers: list[_Cover], offset: int) -> str:
    """``text`` (which starts at ``offset``) as HTML, each passage marked by its record kinds."""
    kinds: list[set[str]] = [set() for _ in text]
    for start, end, kind in covers:
        for i in range(max(start - offset, 0), min(end - offset, len(text))):
            kinds[i].add(kind)
    parts = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and kinds[j] == kinds[i]:
            j += 1
        chunk = html_text(text[i:j])
        if kinds[i] and any(c.isalnum() for c in text[i:j]):
            style, letters = _marks(frozenset(kinds[i]))
            parts.append(
                f'<span style="{style}">{chunk}</span><sup style="{LETTER_STYLE}">{letters}</sup>'
            )
        elif kinds[i]:
            parts.append(f'<span style="{_marks(frozenset(kinds[i]))[0]}">{chunk}</span>')
        else:
            parts.append(chunk)
        i = j
    return "".join(parts)


def _covers(ds: Dataset) -> list[_Cover]:
    rows = quoted_records(ds)
    return list(zip(rows["start"], rows["end"], rows["table"], strict=True))


def legend_html() -> str:
    """The legend of the article's marks, each written in its own mark.

    Example:
        >>> "dotted underline" in legend_html()
        True
    """
    items = "".join(
        f'<li><span style="{m["style"]}">{html_text(m["legend"])}</span>'
        f'<sup style="{LETTER_STYLE}">{m["letter"]}</sup></li>'
        for m in KIND_MARKS.values()
    )
    return (
        "<div><em>How to read the marks</em> (a passage can carry several):"
        f"<ul>{items}</ul><em>Numbers in brackets count the sentences.</em></div>"
    )


def sentence_html(ds: Dataset, n: int) -> str:
    """Sentence ``n`` as HTML, its quoted passages marked by record kind, every character escaped.

    Example:
        >>> from pakafghan import load_dataset
        >>> "</span><sup" in sentence_html(load_dataset(), 3)
        True
    """
    s = sentence(ds, n)
    body = _marked(s.text, _covers(ds), s.start)
    return f"<p><strong>[{s.number}]</strong> {body}</p>"


def article_html(ds: Dataset, marks: bool = True) -> str:
    """The whole article as HTML: numbered sentences, paragraphs kept, quoted passages marked by
    the kind of record that quotes them, with a legend (``marks=False``: the plain text).

    All text is escaped, so nothing in the data can inject markup.

    Example:
        >>> from pakafghan import load_dataset
        >>> ds = load_dataset()
        >>> article_html(ds).count("<sup>[") == len(sentences(ds))
        True
        >>> "<span" in article_html(ds, marks=False)
        False
    """
    text = article_text(ds)
    covers = _covers(ds) if marks else []
    paragraphs: list[list[str]] = [[]]
    previous_end = 0
    for s in sentences(ds):
        if "\n" in text[previous_end : s.start] and paragraphs[-1]:
            paragraphs.append([])
        body = _marked(s.text, covers, s.start)
        paragraphs[-1].append(f"<sup>[{s.number}]</sup>&nbsp;{body}")
        previous_end = s.end
    html = "".join(f"<p>{' '.join(p)}</p>" for p in paragraphs)
    legend = legend_html() if marks else "<p><em>Numbers in brackets count the sentences.</em></p>"
    return f'<div class="pakafghan-article" style="line-height:1.9">{html}{legend}</div>'


def actors_html(ds: Dataset, actor_ids: list[str], descriptions: bool = False) -> str:
    """The actors ``actor_ids`` as an HTML table: name and kind (in words; with
    ``descriptions=True``, each actor's description too). Every value is escaped.

    Example:
        >>> from pakafghan import load_dataset
        >>> actors_html(load_dataset(), ["sassi"])
        '<table><thead><tr><th>name</th><th>kind</th></tr></thead><tbody><tr><td>South Asian Strategic Stability Institute University (SASSI)</td><td>an organisation</td></tr></tbody></table>'
    """  # noqa: E501
    kinds = value_labels("actors", "kind", ds.data_dir)
    rows = ds.actors.set_index("actor_id").loc[actor_ids]
    words = rows["kind"].astype(object).map(lambda k: kinds.get(k, k).split(":")[0])
    rows = rows.assign(kind_words=words)
    columns, headers = ["name", "kind_words"], ["name", "kind"]
    if descriptions:
        columns, headers = [*columns, "description"], [*headers, "description"]
    return html_table(rows, columns, headers)


#: Characters of a quote shown in a table of records (the sentence above shows it whole).
QUOTE_CHARS = 60


def records_html(ds: Dataset, n: int) -> View:
    """Sentence ``n`` with its passages marked, and a table of the records it became: kind of
    record, id, what the record says in words, and its quote.

    Example:
        >>> from pakafghan import load_dataset
        >>> view = records_html(load_dataset(), 3)
        >>> print(view.text)
        Sentence 3 became 1 record: claim cl-002.
    """
    records = records_for_sentence(ds, n)
    records = records.assign(quote=records["quote"].map(lambda q: clip(q, QUOTE_CHARS)))
    listed = ", ".join(f"{t} {i}" for t, i in zip(records["table"], records["id"], strict=True))
    count = f"{len(records)} record{'s' if len(records) != 1 else ''}"
    table = html_table(
        records,
        ["table", "id", "says", "quote"],
        ["record", "id", "what the record says", "quote (the exact words)"],
        empty="No record quotes this sentence.",
    )
    html = sentence_html(ds, n) + f"<p>Sentence {n} became <strong>{count}</strong>:</p>" + table
    return View(html, f"Sentence {n} became {count}: {listed}.")


def _in_context(text: str, quote: str) -> str | None:
    """The sentence (or sentences) of ``text`` holding ``quote``, the quote highlighted."""
    start = text.find(quote)
    if start < 0:
        return None
    end = start + len(quote)
    spans = [m.span() for m in SENTENCE.finditer(text) if m.start() < end and m.end() > start]
    first = spans[0][0] if spans else start
    last = spans[-1][1] if spans else end
    before = text[first:start].lstrip()
    return (
        f'{html_text(before)}<mark style="{MARK_STYLE}">{html_text(quote)}</mark>'
        f"{html_text(text[end:last])}"
    )


def evidence_card(table: str, record_id: str, data_dir: str | Path | None = None) -> View:
    """The evidence behind a row of ``events``, ``event_actors`` or ``claims``, as a card: what
    the record says, its source (publisher, title, date), the source's reliability, and the
    sentence the quote comes from with the quote highlighted (or the quote alone, when the
    source's text is not shipped). No character positions: :func:`pakafghan.evidence` has them.

    Example:
        >>> card = evidence_card("claims", "cl-002")
        >>> print(card.text.splitlines()[1])
        Source: Unknown (syndicated text), c. 22-24 Aug 2025 (source article)
    """
    ev = evidence(table, record_id, data_dir)
    ds = load_dataset(data_dir)
    key = read_package(ds.data_dir).table(table).key
    row = ds.tables[table].set_index(key).loc[record_id]
    says = record_describers(ds)[table](row)
    label = TABLE_LABELS[table]
    reliability = value_labels("sources", "reliability", ds.data_dir).get(
        ev.reliability, ev.reliability
    )
    note = ds.sources.set_index("source_id").loc[ev.source_id, "reliability_note"]
    note = "" if pd.isna(note) else str(note)
    context = None
    if ev.quote is not None and ev.start is not None:
        context = _in_context(source_text(ev.source_id, ds.data_dir), ev.quote)
    if context is not None:
        words = f"<p>{context}</p>"
        plain = f"Quote in its sentence: “{ev.quote}”"
    elif ev.quote is not None:
        words = f'<p><mark style="{MARK_STYLE}">“{html_text(ev.quote)}”</mark></p>'
        plain = f"Quote: “{ev.quote}” (the source's full text is not shipped)"
    else:
        words = f"<p><em>No quote. Note:</em> {html_text(ev.note)}</p>"
        plain = f"No quote. Note: {ev.note}"
    source = f"{ev.publisher}, {ev.published} (source {ev.source_id})"
    fields = [
        ("Record", html_text(f"{label} {record_id}: {says}")),
        ("Source", html_text(source) + f"<br><em>{html_text(ev.title)}</em>"),
        ("Reliability", html_text(reliability) + (f"<br>{html_text(note)}" if note else "")),
        ("Address", html_text(ev.url) if ev.url else "<em>no address recorded</em>"),
    ]
    html = (
        f'<div class="pakafghan-evidence" style="border:1px solid {HTML_GREY};padding:6px 10px">'
        f"<strong>Evidence card</strong>{field_table(fields)}"
        f"<p><em>The source's words, the quote highlighted:</em></p>{words}</div>"
    )
    text = "\n".join(
        [
            f"Evidence card: {label} {record_id}: {says}",
            f"Source: {source}",
            f"Reliability: {reliability}",
            plain,
        ]
    )
    return View(html, text)
