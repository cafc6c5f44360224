"""The primary article as numbered sentences, and the records each sentence became.

Sentences are numbered from 1, in reading order. A sentence ends at a full stop followed by white
space or the end of the text; the full stops inside "U.S." do not end one. A record (an event, a
participation or a claim citing the article) belongs to a sentence when its quote lies in it.

Example:
    >>> from pakafghan import load_dataset
    >>> ds = load_dataset()
    >>> [s.text for s in sentences(ds) if "Khalilzad" in s.text][0][:30]
    'Former U.S. envoy Zalmay Khali'
    >>> records = records_for_sentence(ds, 1)
    >>> "ev-meeting-announced" in set(records["id"])
    True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from pakafghan.load import Dataset
from pakafghan.schema import read_package
from pakafghan.select import PRIMARY
from pakafghan.views import actor_names, original_of

#: A sentence ends at a full stop followed by white space or the end ("U.S." does not end one).
SENTENCE = re.compile(r".+?(?:(?<!U\.S)\.(?=\s|$))", re.S)

#: The evidence tables in the order records are listed, with a name for readers.
TABLE_LABELS = {"events": "event", "event_actors": "participation", "claims": "claim"}


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article: its number (from 1), text, and character span."""

    number: int
    text: str
    start: int
    end: int


def article_text(ds: Dataset) -> str:
    """The article's full text, as shipped in ``data/sources/``.

    Example:
        >>> from pakafghan import load_dataset
        >>> article_text(load_dataset()).startswith("Pakistan is facilitating")
        True
    """
    return ds.source_text(PRIMARY)


def sentences(ds: Dataset) -> list[Sentence]:
    """The article's sentences, numbered from 1 (leading white space left out of each span).

    Example:
        >>> from pakafghan import load_dataset
        >>> first = sentences(load_dataset())[0]
        >>> first.number, first.text[:26], first.start
        (1, 'Pakistan is facilitating a', 0)
    """
    text = article_text(ds)
    out = []
    for match in SENTENCE.finditer(text):
        raw = match.group()
        start = match.start() + len(raw) - len(raw.lstrip())
        out.append(Sentence(len(out) + 1, raw.strip(), start, match.end()))
    return out


def sentence(ds: Dataset, n: int) -> Sentence:
    """Sentence ``n`` of the article (from 1); an ``IndexError`` names the range otherwise.

    Example:
        >>> from pakafghan import load_dataset
        >>> sentence(load_dataset(), 1).start
        0
    """
    found = sentences(ds)
    if not 1 <= n <= len(found):
        raise IndexError(f"the article has sentences 1 to {len(found)}, not {n}")
    return found[n - 1]


def _spans(text: str, quote: str) -> list[tuple[int, int]]:
    spans = []
    start = text.find(quote)
    while start >= 0:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def _article_rows(ds: Dataset, table: str) -> pd.DataFrame:
    frame = ds.tables[table]
    originals = original_of(ds)
    cites = frame["source_id"].astype(object).map(lambda s: originals.get(s, s) == PRIMARY)
    return frame[cites & frame["quote"].notna()]


def record_describers(ds: Dataset) -> dict[str, Callable[[pd.Series], str]]:
    """For each evidence table, a function that says one of its rows in words.

    Names and titles are looked up in ``ds``; an id that is not there is shown as it is.

    Example:
        >>> from pakafghan import load_dataset
        >>> ds = load_dataset()
        >>> row = ds.claims.set_index("claim_id").loc["cl-019"]
        >>> record_describers(ds)["claims"](row)
        'Taliban denies: The TTP is present in Afghanistan.'
    """
    names = actor_names(ds)
    titles = dict(zip(ds.events["event_id"], ds.events["title"], strict=True))
    statements = dict(
        zip(ds.propositions["proposition_id"], ds.propositions["statement"], strict=True)
    )

    def event(row: pd.Series) -> str:
        when = row["date_text"] if pd.notna(row["date_text"]) else "no date given"
        return f"{row['title']} ({row['status']}, {row['event_type']}; {when})"

    def participation(row: pd.Series) -> str:
        what = titles.get(row["event_id"], row["event_id"])
        return f"{names.get(row['actor_id'], row['actor_id'])}: {row['role']} of “{what}”"

    def claim(row: pd.Series) -> str:
        who = names.get(row["claimant_id"], row["claimant_id"])
        return f"{who} {row['stance']}: {statements.get(row['proposition_id'], '?')}"

    return {"events": event, "event_actors": participation, "claims": claim}


def quoted_records(ds: Dataset) -> pd.DataFrame:
    """Every record quoting the article, once per place its quote occurs.

    Columns: ``table`` (event, participation or claim), ``id``, ``says`` (the record in words),
    ``quote``, ``start`` and ``end`` (character span in the article), ``sentence`` (its number).
    Sorted by position in the article, then table, then id.

    Example:
        >>> from pakafghan import load_dataset
        >>> rows = quoted_records(load_dataset())
        >>> rows.loc[rows["id"] == "cl-019", "says"].iloc[0]
        'Taliban denies: The TTP is present in Afghanistan.'
    """
    text = article_text(ds)
    found = sentences(ds)
    describe = record_describers(ds)
    keys = read_package(ds.data_dir).keys
    rows = []
    for order, (table, label) in enumerate(TABLE_LABELS.items()):
        for _, row in _article_rows(ds, table).iterrows():
            record = (label, row[keys[table]], describe[table](row), row["quote"])
            for start, end in _spans(text, row["quote"]):
                numbers = [s.number for s in found if start < s.end and end > s.start]
                rows += [(*record, start, end, n, order) for n in numbers]
    columns = ["table", "id", "says", "quote", "start", "end", "sentence", "order"]
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame.sort_values(["sentence", "start", "order", "id"], kind="stable")
    return frame.drop(columns="order").reset_index(drop=True)


def records_for_sentence(ds: Dataset, n: int) -> pd.DataFrame:
    """The events, participations and claims whose quote lies in sentence ``n`` (from 1).

    Columns: ``table``, ``id``, ``says`` (what the record says, in words) and ``quote``. Events
    come first, then participations, then claims; each in the order their quotes appear.

    Example:
        >>> from pakafghan import load_dataset
        >>> ds = load_dataset()
        >>> n = [s.number for s in sentences(ds) if "Taliban denies" in s.text][0]
        >>> rows = records_for_sentence(ds, n)
        >>> rows.loc[rows["id"] == "cl-019", "table"].tolist()
        ['claim']
    """
    sentence(ds, n)
    rows = quoted_records(ds)
    rows = rows[rows["sentence"] == n].drop_duplicates(["table", "id"])
    order = rows["table"].map({label: i for i, label in enumerate(TABLE_LABELS.values())})
    rows = rows.assign(order=order).sort_values(["order", "start", "id"], kind="stable")
    return rows[["table", "id", "says", "quote"]].reset_index(drop=True)
