"""Our validator against pandera doing the same checks on the events table, for `make bench`.

The package: ``make_package`` (bench/synthetic.py) with planted errors, cut down to what the
events table needs (``datapackage.json``, events.csv, sources.csv, places.csv and the source
texts; the other tables' files are deleted, so our validator reports them missing and
skips them).

Timed on each side, in this process after one warm-up call (pandera's import is not timed),
best of 3 in CPU time (the ratio: the machine may be busy) and in wall time:

- ours: ``pakafghan.validate(folder)``: it reads and checks the three tables and runs the rules;
- pandera: ``pd.read_csv`` of the three tables (every cell as text, like ours, but an empty cell
  missing so that ``nullable`` means "not required"), reading the source texts, building the
  schema and ``schema.validate(events, lazy=True)``.

The pandera schema (:func:`events_schema`) follows ``datapackage.json`` field by field, as our
validator does: required, white space at either end, enum, maxLength (or the validator's cell
limit), spreadsheet formulas, pattern, real YYYY-MM-DD dates and their range, the key unique
ignoring case and spaces, and foreign keys. Row-level checks carry the rules Table Schema cannot
express (date order, year basis, date precision, evidence and quotes, a source published
before the held event). Each side gives a set of (CSV line, field); the two sets must be equal,
on the benchmark packages and on one where every check is broken once (:func:`break_every_check`).

Left out of the comparison: the checks of the other tables (ours also checks sources.csv and
places.csv, a few hundred bundled rows, and pays for it), and faults in the CSV structure (a
ragged row, an unclosed quote), which pandas raises on before pandera could see them. pandera's
own ``unique=True`` is exact, so the key's case- and space-blind check is a custom one.

Example (from the project folder, with pandera installed):
    >>> import tempfile, pathlib
    >>> work = pathlib.Path(tempfile.mkdtemp())
    >>> [row.note.startswith("same errors") for row in bench_pandera(work, [200])]
    [True, True]
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from bench.run import Row
    from pakafghan.schema import Field

#: The events table and the tables it refers to.
_TABLES = ("events", "sources", "places")

#: The cells found wrong, as (CSV line, field); a header problem is on line 1.
Cells = set[tuple[int, str]]


def events_package(folder: Path, n_events: int, n_errors: int) -> None:
    """A synthetic package in ``folder`` with only the tables the events table needs."""
    from bench.synthetic import make_package

    make_package(folder, n_events, n_errors=n_errors)
    for path in folder.glob("*.csv"):
        if path.stem not in _TABLES:
            path.unlink()


def break_every_check(folder: Path) -> Cells:
    """Break one cell of events.csv for each check the schema has; return the cells to flag.

    A broken cell may make a rule flag another cell too (a day moved under precision 'day'):
    the answer holds the cells that must be flagged, not every cell that may be.
    """
    path = folder / "events.csv"
    with path.open(encoding="utf-8", newline="") as text:
        rows = list(csv.DictReader(text))
    held = next(i for i, r in enumerate(rows) if i > 20 and r["status"] == "held")
    rows[19]["source_id"] = "article"
    edits = [  # row, field, new value, the field flagged
        (3, "title", "Synthetic event ", "title"),  # white space at the end
        (4, "title", "x" * 161, "title"),  # longer than maxLength
        (5, "title", "=1+1", "title"),  # a spreadsheet formula
        (6, "event_id", "Not An Id", "event_id"),  # pattern
        (8, "event_id", rows[7]["event_id"].upper(), "event_id"),  # key used, but for case
        (9, "thread", "", "thread"),  # required
        (10, "mode", "phoned", "mode"),  # enum
        (11, "date_earliest", "2025-1-5", "date_earliest"),  # not YYYY-MM-DD
        (12, "date_earliest", "1700-01-01", "date_earliest"),  # out of range
        (13, "date_latest", "2024-12-31", "date_latest"),  # before date_earliest
        (14, "year_basis", "inferred", "year_source_id"),  # with no year_source_id
        (15, "place_id", "atlantis", "place_id"),  # foreign key
        (16, "related_event_id", "ev-nowhere", "related_event_id"),  # to the table itself
        (17, "source_id", "no-such-source", "source_id"),  # foreign key
        (18, "note", "", "quote"),  # no quote and no note
        (19, "quote", "words the article never wrote", "quote"),  # not in the source's text
        (held, "source_id", "S30", "source_id"),  # published before the held event
    ]
    for i, field, value, _ in edits:
        rows[i][field] = value
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return {(i + 2, flagged) for i, _, _, flagged in edits}


def ours(folder: Path) -> Cells:
    """The cells of events.csv that ``pakafghan.validate`` reports."""
    import pakafghan

    report = pakafghan.validate(folder)
    return {(p.line, p.field) for p in report.problems if p.file == "events.csv"}


def _read(path: Path) -> pd.DataFrame:
    """Every cell as text; only an empty cell is missing (no "NA" guessing)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])


def _dates(col: pd.Series) -> pd.Series:
    return pd.to_datetime(col, format="%Y-%m-%d", errors="coerce")


def _column(f: Field, refs: dict[str, pd.Series], key: list[str]):
    """The pandera column for one field of ``datapackage.json`` (text or date: the events
    table has no number fields)."""
    import pandera.pandas as pa

    from pakafghan.checks import CELL_LIMIT, FORMULA_SIGNS

    c = f.constraints
    checks = []
    if f.enum:
        checks.append(pa.Check.isin(f.enum))
    else:
        checks.append(pa.Check(lambda s: s.str.strip() == s, name="whitespace"))
    if f.type == "string" and not f.enum:
        limit = c.get("maxLength", CELL_LIMIT)
        checks.append(pa.Check.str_length(c.get("minLength"), limit, name="length"))
        checks.append(pa.Check(lambda s: ~s.str.startswith(FORMULA_SIGNS), name="formula"))
        if "pattern" in c:
            checks.append(pa.Check(lambda s, p=c["pattern"]: s.str.fullmatch(p), name="pattern"))
    if f.type == "date":
        shaped = pa.Check(
            lambda s: s.str.fullmatch(r"\d{4}-\d{2}-\d{2}") & _dates(s).notna(), name="date"
        )
        checks += [shaped, pa.Check.in_range(c["minimum"], c["maximum"], name="range")]
    if f.name in refs:
        checks.append(pa.Check.isin(refs[f.name]))
    if f.name in key or c.get("unique"):
        checks.append(pa.Check(lambda s: ~s.str.strip().str.lower().duplicated(), name="key"))
    return pa.Column(str, nullable=not f.required, required=f.required, checks=checks)


def _rules(sources: pd.DataFrame, texts: dict[str, str]) -> dict[str, Callable]:
    """The rules of rules.py for the events table, as functions giving the rows that break
    them; each is named after the field it flags, then the problem code."""
    published = _dates(sources["published_latest"])
    published.index = sources["source_id"]
    shipped = set(sources.loc[sources["text_file"].notna(), "source_id"])
    dated = ["stated", "inferred"]

    def evidence(df: pd.DataFrame) -> pd.Series:
        src, quote = df["source_id"], df["quote"]
        has_text = src.isin(shipped)
        missing = has_text & quote.isna() | ~has_text & quote.isna() & df["note"].isna()
        look = np.flatnonzero(has_text & quote.notna() & src.isin(list(texts)))
        not_found = np.zeros(len(df), dtype=bool)
        pairs = zip(src.to_numpy()[look], quote.to_numpy()[look], strict=True)
        not_found[look] = [q not in texts[s] for s, q in pairs]
        return missing | pd.Series(not_found, index=df.index)

    return {
        "year_source_id: year-basis": lambda df: (
            (df["year_basis"] == "inferred") & df["year_source_id"].isna()
        ),
        "year_basis: year-basis": lambda df: (
            (df["year_basis"] == "none") & (df["date_earliest"].notna() | df["date_latest"].notna())
        ),
        "date_precision: year-basis": lambda df: (
            (df["year_basis"] == "none") & (df["date_precision"] != "unknown")
        ),
        "date_earliest: year-basis": lambda df: (
            df["year_basis"].isin(dated) & df["date_earliest"].isna()
        ),
        "date_latest: year-basis": lambda df: (
            df["year_basis"].isin(dated) & df["date_latest"].isna()
        ),
        "date_latest: date-order": lambda df: (
            _dates(df["date_latest"]) < _dates(df["date_earliest"])
        ),
        "date_latest: date-precision": lambda df: (
            (df["date_precision"] == "day")
            & df["date_earliest"].notna()
            & df["date_latest"].notna()
            & (df["date_earliest"] != df["date_latest"])
        ),
        "quote: evidence": evidence,
        "source_id: source-before-event": lambda df: (
            (df["status"] == "held") & (df["source_id"].map(published) < _dates(df["date_latest"]))
        ),
        "related_event_id: foreign-key": lambda df: (
            df["related_event_id"].notna() & ~df["related_event_id"].isin(df["event_id"])
        ),
    }


def events_schema(folder: Path, sources: pd.DataFrame, places: pd.DataFrame):
    """The pandera schema of events.csv, from ``datapackage.json`` and the tables it refers to."""
    import pandera.pandas as pa

    from pakafghan.schema import SOURCES_DIR, read_package

    table = read_package(folder).table("events")
    ids = {"sources": sources["source_id"], "places": places["place_id"]}
    refs = {fk.fields[0]: ids[fk.ref_table] for fk in table.foreign_keys if fk.ref_table in ids}
    with_text = sources[sources["text_file"].notna()]
    texts = {}
    for sid, name in zip(with_text["source_id"], with_text["text_file"], strict=True):
        path = folder / SOURCES_DIR / name
        if path.is_file():
            texts[sid] = path.read_text(encoding="utf-8")
    columns = {f.name: _column(f, refs, table.primary_key) for f in table.fields}
    rules = [
        pa.Check(lambda df, breaks=breaks: ~breaks(df), name=name, ignore_na=False)
        for name, breaks in _rules(sources, texts).items()
    ]
    return pa.DataFrameSchema(columns, checks=rules, strict=True)


def theirs(folder: Path) -> Cells:
    """The cells of events.csv that pandera reports (lazy: every failure, not the first)."""
    import pandera.pandas as pa

    sources, places = _read(folder / "sources.csv"), _read(folder / "places.csv")
    events = _read(folder / "events.csv")
    try:
        events_schema(folder, sources, places).validate(events, lazy=True)
    except pa.errors.SchemaErrors as err:
        return _cells(err.failure_cases)
    return set()


def _cells(failures: pd.DataFrame) -> Cells:
    """(CSV line, field) of pandera's failure cases: row ``i`` is line ``i + 2`` (no cell of the
    synthetic data spans lines); a row-level check names its field before the colon."""
    out = set()
    for context, column, check, index in zip(
        failures["schema_context"],
        failures["column"],
        failures["check"],
        failures["index"],
        strict=True,
    ):
        line = 1 if index is None or pd.isna(index) else int(index) + 2
        if context == "DataFrameSchema" and ": " in str(check):
            out.add((line, str(check).split(": ")[0]))
        else:
            out.add((line, str(column)))
    return out


def _agreement(mine: Cells, other: Cells) -> str:
    if mine == other:
        return f"same errors found: {len(mine)} cells"
    only_ours, only_theirs = sorted(mine - other), sorted(other - mine)
    return (
        f"DIFFERENT: {len(mine)} cells vs {len(other)}; only ours {only_ours[:4]}, "
        f"only pandera {only_theirs[:4]}"
    )


def _best_of(fn: Callable[[], object], repeats: int = 3) -> tuple[float, float]:
    """Best wall time and best CPU time of ``repeats`` calls, in seconds. CPU time is the
    fairer figure on a busy machine: both sides run in this one process, on one core."""
    wall, cpu = float("inf"), float("inf")
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        fn()
        wall, cpu = min(wall, time.perf_counter() - w), min(cpu, time.process_time() - c)
    return wall, cpu


def bench_pandera(work: Path, sizes: list[int]) -> list[Row]:
    """Rows: ours against pandera at each size, one for every check broken once, and growth."""
    from bench.run import Row

    rows = []
    ours_cpu = {}
    for n in sizes:
        folder = work / f"pandera-{n}"
        events_package(folder, n, n_errors=300)
        note = _agreement(ours(folder), theirs(folder))  # also the warm-up: imports, caches
        wall_ours, cpu_ours = _best_of(lambda folder=folder: ours(folder))
        wall_theirs, cpu_theirs = _best_of(lambda folder=folder: theirs(folder))
        ours_cpu[n] = cpu_ours
        ratio = cpu_theirs / cpu_ours
        rows.append(
            Row(
                f"4. validation vs pandera, events table: {n:,} events, errors planted (CPU time)",
                f"speed-up {ratio:.1f}× (ours {cpu_ours:.2f} s vs pandera {cpu_theirs:.2f} s; "
                f"wall {wall_ours:.2f} s vs {wall_theirs:.2f} s)",
                "≥ 2× at 100k",
                ratio >= 2 if n == max(sizes) else None,
                note,
            )
        )
    probe = work / "pandera-probe"
    events_package(probe, 1_000, n_errors=0)
    broken = break_every_check(probe)
    mine, other = ours(probe), theirs(probe)
    rows.append(
        Row(
            "4. pandera and ours, every check broken once (1,000 events)",
            f"{len(broken)} checks broken",
            "both find them, and the same cells",
            mine == other and broken <= mine,
            _agreement(mine, other)
            + (f"; not found by ours: {sorted(broken - mine)}" if broken - mine else ""),
        )
    )
    if len(sizes) >= 2:
        small, big = sizes[-2], sizes[-1]
        growth = ours_cpu[big] / ours_cpu[small]
        rows.append(
            Row(
                f"4. growth, events table: CPU time({big:,}) / time({small:,}), ours",
                f"{growth:.1f} (linear would be {big / small:.0f})",
                f"≈ {big / small:.0f}",
                growth <= 1.5 * big / small,
            )
        )
    return rows
