"""From a sentence to a row: pick a sentence of the article and see the records it became.

The view shows the sentence with its quoted passages highlighted, then a table of every event,
participation and claim whose quote lies in it.

Example:
    >>> w = sentence_explorer()
    >>> w.controls["sentence"].value = 3
    >>> "<table" in w.html.value
    True
"""

from __future__ import annotations

from functools import cache

import ipywidgets as widgets

from pakafghan.article import TABLE_LABELS, records_for_sentence, sentences
from pakafghan.article_html import sentence_html
from pakafghan.html import html_table, html_text
from pakafghan.load import Dataset, load_dataset
from pakafghan.text import clip, plural
from pakafghan.widgets.base import LessonWidget

#: Characters of a sentence shown in the dropdown.
OPTION_CHARS = 60


def _option(number: int, text: str) -> str:
    return f"{number}. {clip(text, OPTION_CHARS)}"


def render_sentence(ds: Dataset, sentence: int) -> str:
    """The view for one sentence: the sentence, a count by table, and the records' table.

    Example:
        >>> from pakafghan import load_dataset
        >>> html = render_sentence(load_dataset(), 1)
        >>> "became" in html and "ev-meeting-announced" in html
        True
    """
    records = records_for_sentence(ds, sentence)
    counts = records["table"].value_counts()
    parts = [plural(int(counts.get(label, 0)), label) for label in TABLE_LABELS.values()]
    summary = (
        f"<p>This sentence became <strong>{plural(len(records), 'record')}</strong>: "
        f"{html_text(', '.join(parts))}. Each record's quote is the evidence for it.</p>"
    )
    table = html_table(
        records,
        ["table", "id", "says", "quote"],
        ["table", "id", "what the record says", "quote (exact words)"],
        empty="No record quotes this sentence.",
    )
    return sentence_html(ds, sentence) + summary + table


def sentence_explorer(ds: Dataset | None = None) -> LessonWidget:
    """A dropdown over the article's sentences; the view shows the records each one became.

    Example:
        >>> w = sentence_explorer()
        >>> w
        <Sentence explorer widget: sentence=1>
    """
    ds = ds if ds is not None else load_dataset()
    options = [(_option(s.number, s.text), s.number) for s in sentences(ds)]
    control = widgets.Dropdown(
        options=options,
        value=1,
        description="Sentence",
        layout=widgets.Layout(width="42em"),
    )

    @cache  # one view per sentence: going back to a sentence is instant
    def render(sentence: int) -> str:
        return render_sentence(ds, sentence)

    return LessonWidget({"sentence": control}, render=render, title="Sentence explorer")
