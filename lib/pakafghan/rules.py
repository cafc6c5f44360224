"""Rules of this data set that Table Schema cannot express.

- A latest date is never before its earliest date (events and sources).
- An event's date says where its year comes from: ``year_basis`` 'inferred' needs a
  ``year_source_id``; 'none' means no dates and precision 'unknown'; otherwise both dates are set,
  and precision 'day' means a single day.
- Evidence: a row citing a source whose text ships in ``data/sources/`` carries a ``quote`` that
  occurs in that text, exactly; a row citing any other source has a quote or a note.
- A source's ``text_file`` exists, and a source is not a copy of itself.
- A claim's number and its wording agree: ``value_qualifier`` needs a ``value``; ``value_max``
  goes with the qualifier 'between' (and 'between' with a ``value_max``), and is not below
  ``value``.
- **What a source could know** (``source-before-event``): a row that says an event was *held*
  cannot cite a source whose ``published_latest`` is before that event's ``date_latest``. The
  rows it covers:

  - an event whose ``status`` is 'held' (its own ``source_id``);
  - a participation (``event_actors``) in an event whose status is 'held': taking part in it
    says it happened;
  - a claim on a proposition whose ``event_id`` is an event whose status is 'held', when the
    claim's stance takes the event as having happened (:data:`HAPPENED_STANCES`: asserts,
    confirms, interprets, criticises). A denial, a dispute, "declines to comment" and
    "complicates" do not say it happened, so they are not covered.

  Both dates must be known: a source with no ``published_latest`` (undated, or known only as
  "not before" a day) and an event with no ``date_latest`` are not checked, since nothing can be
  concluded. A syndicated copy is judged by its own dates. A multi-day event is held only once
  its last day is over: a report published on the first day can call that day held (as its own
  row), and the rest planned.

Which tables carry evidence, and where the texts are, is layout: see
:data:`~pakafghan.schema.EVIDENCE_TABLES` and :data:`~pakafghan.schema.SOURCES_DIR`.

Example:
    >>> from pakafghan.csvread import read_csv_text
    >>> sources = read_csv_text(
    ...     "source_id,published_earliest,published_latest,copy_of,text_file\\n"
    ...     "S1,2025-08-20,2025-08-19,S1,\\n", "sources.csv")
    >>> for p in check_rules(Path("."), {"sources": sources}):
    ...     print(p.code, "|", p.line, p.field)
    date-order | 2 published_latest
    self-copy | 2 copy_of
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from pakafghan.checks import ColumnChecker, member, parse_dates, short
from pakafghan.csvread import RawTable
from pakafghan.problems import Problem
from pakafghan.schema import EVIDENCE_TABLES, SOURCES_DIR

#: Claim stances that take the event a proposition is about as having happened (see the
#: ``source-before-event`` rule above).
HAPPENED_STANCES = ("asserts", "confirms", "interprets", "criticises")


def _objects(frame: pd.DataFrame, name: str) -> np.ndarray:
    return frame[name].to_numpy(dtype=object)


def _date_order(raw: RawTable, early: str, late: str) -> list[Problem]:
    f = raw.frame
    a = parse_dates(f[early]).to_numpy()
    b = parse_dates(f[late]).to_numpy()
    checker = ColumnChecker(raw.file, raw.lines)
    return checker.flag(
        b < a,
        late,
        f[late],
        lambda v: f"{short(v)} is before {early}; the latest date cannot come first",
        code="date-order",
    )


def _event_dates(raw: RawTable) -> list[Problem]:
    f = raw.frame
    c = ColumnChecker(raw.file, raw.lines)
    basis, prec = _objects(f, "year_basis"), _objects(f, "date_precision")
    early, late = _objects(f, "date_earliest"), _objects(f, "date_latest")
    year_source = _objects(f, "year_source_id")
    has_early, has_late = early != "", late != ""
    out = c.flag(
        (basis == "inferred") & (year_source == ""),
        "year_source_id",
        year_source,
        lambda v: "is empty, but year_basis is 'inferred': name the source that gives the year",
        code="year-basis",
    )
    out += c.flag(
        (basis == "none") & (has_early | has_late),
        "year_basis",
        basis,
        lambda v: "is 'none' but the row has dates; use 'stated' or 'inferred'",
        code="year-basis",
    )
    out += c.flag(
        (basis == "none") & (prec != "unknown"),
        "date_precision",
        prec,
        lambda v: f"{short(v)} needs a date; with year_basis 'none' use 'unknown'",
        code="year-basis",
    )
    dated = (basis == "stated") | (basis == "inferred")
    for col, values, has in (("date_earliest", early, has_early), ("date_latest", late, has_late)):
        out += c.flag(
            dated & ~has,
            col,
            values,
            lambda v: "is empty, but year_basis says the row is dated",
            code="year-basis",
        )
    out += c.flag(
        (prec == "day") & has_early & has_late & (early != late),
        "date_latest",
        late,
        lambda v: f"{short(v)} differs from date_earliest, but date_precision is 'day'",
        code="date-precision",
    )
    return out


def _source_texts(folder: Path, sources: RawTable) -> tuple[dict[str, str], list[Problem]]:
    texts: dict[str, str] = {}
    problems = []
    f = sources.frame
    c = ColumnChecker(sources.file, sources.lines)
    problems += c.flag(
        (f["copy_of"] != "") & (f["copy_of"] == f["source_id"]),
        "copy_of",
        f["copy_of"],
        lambda v: "a source cannot be a copy of itself",
        code="self-copy",
    )
    with_text = f[f["text_file"] != ""]
    for i, (sid, name) in enumerate(
        zip(with_text["source_id"], with_text["text_file"], strict=True)
    ):
        path = folder / SOURCES_DIR / name
        line = int(sources.lines[with_text.index[i]]) if len(sources.lines) else 0
        try:
            texts[sid] = path.read_text(encoding="utf-8")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            problems.append(
                Problem(
                    sources.file,
                    line,
                    "text_file",
                    f"{short(name)} is not in {SOURCES_DIR}/",
                    "text-file-missing",
                )
            )
        except UnicodeDecodeError:
            problems.append(
                Problem(
                    sources.file,
                    line,
                    "text_file",
                    f"{short(name)} is not UTF-8",
                    "text-file-encoding",
                )
            )
        except OSError as err:
            problems.append(
                Problem(
                    sources.file,
                    line,
                    "text_file",
                    f"{short(name)} cannot be read ({err.strerror})",
                    "file-unreadable",
                )
            )
    return texts, problems


def _evidence(raw: RawTable, texts: dict[str, str], shipped: set[str]) -> list[Problem]:
    f = raw.frame
    c = ColumnChecker(raw.file, raw.lines)
    quote, note, src = _objects(f, "quote"), _objects(f, "note"), _objects(f, "source_id")
    has_text = member(src, shipped)
    no_quote = quote == ""
    out = c.flag(
        has_text & no_quote,
        "quote",
        src,
        lambda v: f"is empty; rows citing {v} must quote its text (data/sources/)",
        code="quote-missing",
    )
    out += c.flag(
        ~has_text & no_quote & (note == ""),
        "quote",
        src,
        lambda v: "is empty, and so is note; say what the source says (quote or note)",
        code="evidence-missing",
    )
    readable = member(src, texts)
    idx = np.flatnonzero(has_text & ~no_quote & readable)
    pairs = list(zip(src[idx].tolist(), quote[idx].tolist(), strict=True))
    found = {pair: pair[1] in texts[pair[0]] for pair in set(pairs)}
    missing = np.zeros(len(src), dtype=bool)
    missing[idx] = [not found[p] for p in pairs]
    out += c.flag(
        missing,
        "quote",
        quote,
        lambda v: (
            f"{short(v)} does not occur in the source's text; copy it exactly "
            "(curly quotes and dashes included)"
        ),
        code="quote-not-found",
    )
    return out


def _numbers(raw: RawTable) -> list[Problem]:
    """A claim's value_qualifier and value_max fit its value."""
    f = raw.frame
    c = ColumnChecker(raw.file, raw.lines)
    value, qualifier = _objects(f, "value"), _objects(f, "value_qualifier")
    top = _objects(f, "value_max")
    out = c.flag(
        (qualifier != "") & (value == ""),
        "value_qualifier",
        qualifier,
        lambda v: f"{short(v)} qualifies a number, but value is empty: give the number too",
        code="qualifier-needs-value",
    )
    out += c.flag(
        (top != "") & (qualifier != "between"),
        "value_max",
        top,
        lambda v: f"{short(v)} is the top of a range: set value_qualifier to 'between'",
        code="value-max-between",
    )
    out += c.flag(
        (qualifier == "between") & (top == ""),
        "value_max",
        top,
        lambda v: "is empty, but value_qualifier is 'between': give the top of the range",
        code="value-max-between",
    )
    low = pd.to_numeric(f["value"].where(f["value"] != "", None), errors="coerce").to_numpy()
    high = pd.to_numeric(f["value_max"].where(f["value_max"] != "", None), errors="coerce")
    with np.errstate(invalid="ignore"):
        below = high.to_numpy() < low
    out += c.flag(
        below,
        "value_max",
        top,
        lambda v: f"{short(v)} is below value; the top of a range cannot come first",
        code="value-order",
    )
    return out


def _last_days(frame: pd.DataFrame, key: str, dates: str, rows: np.ndarray) -> pd.Series:
    """``key`` → its day in the column ``dates``, for the ``rows`` (a mask) that have one. A key
    used twice (reported by the key check) keeps its last row."""
    days = parse_dates(frame[dates])
    keep = rows & days.notna().to_numpy(dtype=bool)
    out = pd.Series(days[keep].to_numpy(), index=frame[key][keep].to_numpy(dtype=object))
    return out[~out.index.duplicated(keep="last")]


def _too_early(
    raw: RawTable,
    key: str,
    rows: np.ndarray,
    event_ids: np.ndarray,
    held_until: pd.Series,
    published: pd.Series,
) -> list[Problem]:
    """Problems for the ``rows`` (a mask) whose source was published before their held event's
    last day (``held_until``: event_id → date_latest of the held events)."""
    f = raw.frame
    src = _objects(f, "source_id")
    # Looked up by reindexing (the keys are unique): NaT where there is no day, also when
    # nothing is held or no source is dated.
    end = held_until.reindex(event_ids).reset_index(drop=True)
    pub = published.reindex(src).reset_index(drop=True)
    early = rows & (pub < end).to_numpy(dtype=bool)  # NaT on either side compares False
    keys = _objects(f, key)
    what = {"event_id": "event", "participation_id": "participation"}.get(key, "claim")
    out = []
    for i in np.flatnonzero(early):
        event = "its" if what == "event" else f"the held event {event_ids[i]}'s"
        out.append(
            Problem(
                raw.file,
                int(raw.lines[i]),
                "source_id",
                f"{what} {keys[i]} cites {src[i]}, published by "
                f"{pub.iloc[i].date().isoformat()} (published_latest), before {event} last "
                f"possible day {end.iloc[i].date().isoformat()} (date_latest): a source cannot "
                "report as held what had not happened yet; cite a later source, or code the "
                "days already over as held and the rest as planned",
                "source-before-event",
            )
        )
    return out


def _source_before_event(tables: dict[str, RawTable]) -> list[Problem]:
    """The ``source-before-event`` rule (see the module's docstring)."""
    sources, events = tables.get("sources"), tables.get("events")
    if sources is None or events is None or sources.frame.empty or events.frame.empty:
        return []
    sf, ef = sources.frame, events.frame
    published = _last_days(sf, "source_id", "published_latest", np.ones(len(sf), dtype=bool))
    held = _objects(ef, "status") == "held"
    held_until = _last_days(ef, "event_id", "date_latest", held)
    ids = _objects(ef, "event_id")
    out = _too_early(events, "event_id", held, ids, held_until, published)
    participations = tables.get("event_actors")
    if participations is not None and not participations.frame.empty:
        about = _objects(participations.frame, "event_id")
        out += _too_early(
            participations,
            "participation_id",
            member(about, held_until.index),
            about,
            held_until,
            published,
        )
    claims, props = tables.get("claims"), tables.get("propositions")
    if claims is not None and props is not None and not claims.frame.empty:
        pf = props.frame
        event_of = dict(zip(_objects(pf, "proposition_id"), _objects(pf, "event_id"), strict=True))
        cf = claims.frame
        about = cf["proposition_id"].map(event_of).fillna("").to_numpy(dtype=object)
        happened = member(_objects(cf, "stance"), HAPPENED_STANCES) & member(
            about, held_until.index
        )
        out += _too_early(claims, "claim_id", happened, about, held_until, published)
    return out


def check_rules(folder: Path, tables: dict[str, RawTable]) -> list[Problem]:
    """All rules, on tables that passed their structural checks (empty frames are skipped)."""
    problems: list[Problem] = []
    sources = tables.get("sources")
    events = tables.get("events")
    if sources is not None and not sources.frame.empty:
        problems += _date_order(sources, "published_earliest", "published_latest")
        texts, text_problems = _source_texts(folder, sources)
        problems += text_problems
        shipped = set(sources.frame.loc[sources.frame["text_file"] != "", "source_id"])
        for name in EVIDENCE_TABLES:
            raw = tables.get(name)
            if raw is not None and not raw.frame.empty:
                problems += _evidence(raw, texts, shipped)
    if events is not None and not events.frame.empty:
        problems += _date_order(events, "date_earliest", "date_latest")
        problems += _event_dates(events)
    claims = tables.get("claims")
    if claims is not None and not claims.frame.empty:
        problems += _numbers(claims)
    problems += _source_before_event(tables)
    return problems
