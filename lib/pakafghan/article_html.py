"""The article as HTML for a lesson: numbered sentences, quoted passages highlighted.

Every passage that some record quotes is highlighted (background and underline, so not colour
alone); every character of the text is escaped, so nothing in the data can inject markup.

Example:
    >>> from pakafghan import load_dataset
    >>> sentence_html(load_dataset(), 1)[:30]
    '<p><strong>[1]</strong> <mark '
"""

from __future__ import annotations

from pakafghan.article import article_text, quoted_records, sentence, sentences
from pakafghan.html import html_text
from pakafghan.load import Dataset
from pakafghan.style import OKABE_ITO

#: How a highlighted quote looks: a background colour and an underline (so not colour alone).
MARK_STYLE = f"background-color:{OKABE_ITO['yellow']};text-decoration:underline"


def _marked(text: str, spans: list[tuple[int, int]], offset: int) -> str:
    covered = [False] * len(text)
    for start, end in spans:
        for i in range(max(start - offset, 0), min(end - offset, len(text))):
            covered[i] = True
    parts = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and covered[j] == covered[i]:
            j += 1
        chunk = html_text(text[i:j])
        parts.append(f'<mark style="{MARK_STYLE}">{chunk}</mark>' if covered[i] else chunk)
        i = j
    return "".join(parts)


def _all_spans(ds: Dataset) -> list[tuple[int, int]]:
    rows = quoted_records(ds)
    return list(zip(rows["start"], rows["end"], strict=True))


def sentence_html(ds: Dataset, n: int) -> str:
    """Sentence ``n`` as HTML, its quoted passages highlighted, every character escaped.

    Example:
        >>> from pakafghan import load_dataset
        >>> sentence_html(load_dataset(), 1)[:30]
        '<p><strong>[1]</strong> <mark '
    """
    s = sentence(ds, n)
    body = _marked(s.text, _all_spans(ds), s.start)
    return f"<p><strong>[{s.number}]</strong> {body}</p>"


def article_html(ds: Dataset) -> str:
    """The whole article as HTML: numbered sentences, paragraphs kept, quoted passages marked.

    Every passage that some record quotes is highlighted (background and underline); all text is
    escaped, so nothing in the data can inject markup.

    Example:
        >>> from pakafghan import load_dataset
        >>> ds = load_dataset()
        >>> article_html(ds).count("<sup>[") == len(sentences(ds))
        True
    """
    text = article_text(ds)
    spans = _all_spans(ds)
    paragraphs: list[list[str]] = [[]]
    previous_end = 0
    for s in sentences(ds):
        if "\n" in text[previous_end : s.start] and paragraphs[-1]:
            paragraphs.append([])
        body = _marked(s.text, spans, s.start)
        paragraphs[-1].append(f"<sup>[{s.number}]</sup>&nbsp;{body}")
        previous_end = s.end
    html = "".join(f"<p>{' '.join(p)}</p>" for p in paragraphs)
    legend = (
        f'<p><em>Highlighted and underlined: <mark style="{MARK_STYLE}">words quoted by at '
        "least one record</mark>. Numbers in brackets count the sentences.</em></p>"
    )
    return f'<div class="pakafghan-article">{html}{legend}</div>'
