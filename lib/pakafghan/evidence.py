"""Where a record comes from: its source, its quote, and where the quote sits in the text.

A quote is located the way a W3C Web Annotation text selector does it: by its exact words and by
its start and end character offsets in the source's text. For readers,
:func:`pakafghan.article_html.evidence_card` shows the same as a card, without the offsets.

Example:
    >>> from pakafghan.evidence import evidence
    >>> ev = evidence("claims", "cl-002")
    >>> ev.quote[:23]
    'The agenda includes dis'
    >>> ev.publisher, ev.start > 0
    ('Unknown (syndicated text)', True)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pakafghan.datadir import resolve_data_dir
from pakafghan.load import _load_all, _text_of
from pakafghan.schema import EVIDENCE_TABLES, read_package


@dataclass(frozen=True)
class Evidence:
    """A record's support: source, exact quote (or note), and the quote's span in the text.

    ``start`` and ``end`` are character offsets (``text[start:end] == quote``), or ``None`` when
    the source's text is not shipped.
    """

    table: str
    record_id: str
    source_id: str
    publisher: str
    title: str
    published: str
    reliability: str
    url: str | None
    quote: str | None
    note: str | None
    start: int | None
    end: int | None


def _text(value: object) -> str | None:
    return None if pd.isna(value) else str(value)


def evidence(table: str, record_id: str, data_dir: str | Path | None = None) -> Evidence:
    """The evidence behind one row of ``events``, ``event_actors`` or ``claims``.

    The data folder is validated and loaded once (or taken from the loaders' cache).

    Example:
        >>> evidence("event_actors", "pa-002").source_id
        'article'
    """
    if table not in EVIDENCE_TABLES:
        raise ValueError(f"{table!r} carries no evidence; use one of {', '.join(EVIDENCE_TABLES)}")
    folder = resolve_data_dir(data_dir)
    tables = _load_all(folder)  # shared with the cache: read only, never modified
    key = read_package(folder).table(table).key
    rows = tables[table]
    match = rows.loc[rows[key] == record_id]
    if match.empty:
        raise KeyError(f"no {key} {record_id!r} in {table}")
    row = match.iloc[0]
    sources = tables["sources"]
    source = sources.loc[sources["source_id"] == row["source_id"]].iloc[0]
    quote = _text(row["quote"])
    start = end = None
    if quote is not None and not pd.isna(source["text_file"]):
        start = _text_of(folder, sources, str(row["source_id"])).find(quote)
        end = start + len(quote)
    return Evidence(
        table,
        record_id,
        str(row["source_id"]),
        str(source["publisher"]),
        str(source["title"]),
        str(source["published_text"]),
        str(source["reliability"]),
        _text(source["url"]),
        quote,
        _text(row["note"]),
        start,
        end,
    )
