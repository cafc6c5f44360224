"""The primary article as numbered sentences, and the records each sentence became.

Sentences are numbered from 1, in reading order. A sentence ends at a full stop followed by white
space or the end of the text; the full stops inside "U.S." do not end one. A record (an event, a
participation or a claim citing the article) belongs to a sentence when its quote lies in it.

Example:
    >>> from pakafghan import load_dataset
    >>> ds = load_dataset()
    >>> sentence(ds, sentence_number(ds, "Former U.S. envoy")).text[:30]
    'Former U.S. envoy Zalmay Khali'
    >>> records = records_for_sentence(ds, 3)
    >>> sorted(set(records["table"]))
    ['claim']
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

#: A proposition whose statement starts with one of these words asks for a value (a date, a
#: number, a name): "When the Islamabad meeting takes place." Its claims give their value in
#: ``version``.
VALUE_WORDS = ("When", "How", "What", "Who", "Where", "Which", "Why", "Whether")
_VALUE = re.compile(rf"^(?:{'|'.join(VALUE_WORDS)})\b")
#: The claimant of what the article says in its own voice.
AUTHOR = "article-author"
#: How a claim on a value proposition is said, by stance ("says when …: “25-26 Aug”").
VALUE_VERBS = {"asserts": "says", "confirms": "confirms", "disputes": "gives another version of"}


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


def sentence_number(ds: Dataset, first_words: str) -> int:
    """The number of the article's sentence that begins with ``first_words``.

    A ``LookupError`` says so when no sentence begins that way.

    Example:
        >>> from pakafghan import load_dataset
        >>> sentence_number(load_dataset(), "The agenda includes")
        3
    """
    for s in sentences(ds):
        if s.text.startswith(first_words):
            return s.number
    raise LookupError(f"no sentence of the article begins with {first_words!r}")


def is_value_proposition(statement: str) -> bool:
    """Whether a proposition asks for a value ("When …", "How many …") rather than states one.

    Example:
        >>> is_value_proposition("How many fighters ISIS-K has."), is_value_proposition("X is Y.")
        (True, False)
    """
    return bool(_VALUE.match(statement))


def value_text(row: pd.Series) -> str:
    """The value a claim gives, in its source's words (``version``), else from ``value``.

    Example:
        >>> value_text(pd.Series({"version": "about 30", "value": 30.0, "value_qualifier": None}))
        'about 30'
        >>> value_text(pd.Series({"version": None, "value": 2.0, "value_qualifier": "over"}))
        'over 2'
    """
    version = row.get("version")
    if version is not None and not pd.isna(version) and str(version).strip():
        return str(version)
    value = row.get("value")
    if value is None or pd.isna(value):
        return "no value given"
    number = f"{float(value):,.0f}" if float(value).is_integer() else f"{float(value):,}"
    qualifier = row.get("value_qualifier")
    if qualifier is None or pd.isna(qualifier):
        return number
    return f"{str(qualifier).replace('_', ' ')} {number}"


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
        >>> claims = ds.claims.set_index("claim_id")
        >>> describe = record_describers(ds)["claims"]
        >>> describe(claims.loc["cl-002"])[:60]
        'Author of the primary article asserts: The Islamabad meeting'

    A claim on a value proposition ("Who organises …") says its value:

        >>> describe(claims.loc["cl-005"])[:52]
        'Author of the primary article says who organises the'
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
        statement = statements.get(row["proposition_id"], "?")
        if is_value_proposition(statement):
            verb = VALUE_VERBS.get(str(row["stance"]), str(row["stance"]))
            what = statement[:1].lower() + statement[1:].rstrip(".")
            return f"{who} {verb} {what}: “{value_text(row)}”"
        return f"{who} {row['stance']}: {statement}"

    return {"events": event, "event_actors": participation, "claims": claim}


def quoted_records(ds: Dataset) -> pd.DataFrame:
    """Every record quoting the article, once per place its quote occurs.

    Columns: ``table`` (event, participation or claim), ``id``, ``says`` (the record in words),
    ``quote``, ``start`` and ``end`` (character span in the article), ``sentence`` (its number).
    Sorted by position in the article, then table, then id.

    Example:
        >>> from pakafghan import load_dataset
        >>> rows = quoted_records(load_dataset())
        >>> rows.loc[rows["id"] == "cl-002", ["table", "sentence"]].values.tolist()
        [['claim', 3]]
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
        >>> rows = records_for_sentence(ds, sentence_number(ds, "The agenda includes"))
        >>> rows["id"].tolist()
        ['cl-002']
    """
    sentence(ds, n)
    rows = quoted_records(ds)
    rows = rows[rows["sentence"] == n].drop_duplicates(["table", "id"])
    order = rows["table"].map({label: i for i, label in enumerate(TABLE_LABELS.values())})
    rows = rows.assign(order=order).sort_values(["order", "start", "id"], kind="stable")
    return rows[["table", "id", "says", "quote"]].reset_index(drop=True)


def voices(ds: Dataset, numbers: list[int]) -> pd.DataFrame:
    """For each sentence in ``numbers``: how it begins, its events and participations, and who
    makes its claims with what stance ("the author" when the article speaks in its own voice).

    Indexed by ``sentence``; columns ``begins`` (its first words), ``events and participations``
    (counts) and ``claims: who, stance``. One row per sentence, in the order given.

    Example:
        >>> from pakafghan import load_dataset
        >>> voices(load_dataset(), [3]).loc[3].tolist()
        ['The agenda includes discussions on …', '—', 'the author: asserts']
    """
    names = {**actor_names(ds), AUTHOR: "the author"}
    claims = ds.claims.set_index("claim_id")
    rows = []
    for n in numbers:
        records = records_for_sentence(ds, n)
        counts = records["table"].value_counts()
        done = [
            f"{int(counts[label])} {label}{'s' if counts[label] != 1 else ''}"
            for label in ("event", "participation")
            if label in counts
        ]
        by_who: dict[str, list[str]] = {}
        for claim_id in records.loc[records["table"] == "claim", "id"]:
            row = claims.loc[claim_id]
            stances = by_who.setdefault(names.get(row["claimant_id"], row["claimant_id"]), [])
            if str(row["stance"]) not in stances:
                stances.append(str(row["stance"]))
        words = sentence(ds, n).text.split()
        begins = " ".join(words[:5]) + (" …" if len(words) > 5 else "")
        said = "; ".join(f"{who}: {', '.join(st)}" for who, st in by_who.items())
        rows.append((n, begins, ", ".join(done) or "—", said or "—"))
    columns = ["sentence", "begins", "events and participations", "claims: who, stance"]
    return pd.DataFrame(rows, columns=columns).set_index("sentence")
