"""Load the tables as typed pandas DataFrames, after validating the whole package.

One function per table (``load_events()``, ...) and :func:`load_dataset` for all of them, in the
spirit of ``palmerpenguins.load_penguins()`` and ``sklearn.datasets.load_iris()``. Types follow
``datapackage.json``: dates become ``datetime64``, enum fields become categoricals (categories in
the schema's order), numbers become nullable floats, other text becomes the ``string`` dtype;
an empty cell is ``<NA>`` (or ``NaT`` for dates). Invalid data raises
:class:`~pakafghan.problems.DataValidationError` listing every problem: nothing is dropped or
coerced silently. Nothing here writes to the data folder.

Example:
    >>> from pakafghan import load_events
    >>> events = load_events()
    >>> events["date_earliest"].dtype
    dtype('<M8[ns]')
    >>> events["status"].cat.categories.tolist()[:3]
    ['planned', 'held', 'postponed']
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pakafghan.checks import parse_dates
from pakafghan.datadir import resolve_data_dir
from pakafghan.problems import DataValidationError
from pakafghan.rules import SOURCES_DIR
from pakafghan.schema import Table, read_package
from pakafghan.validate import validate

_cache: dict[tuple, dict[str, pd.DataFrame]] = {}


def _signature(folder: Path) -> tuple:
    """Changes whenever a file of the data folder changes, so edits are always re-validated."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return (str(folder), *((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files))


def _typed(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    out = {}
    for f in table.fields:
        col = frame[f.name]
        if f.type == "date":
            out[f.name] = parse_dates(col).astype("datetime64[ns]")
            continue
        cells = col.to_numpy(dtype=object, copy=True)
        cells[cells == ""] = None
        if f.type in ("number", "integer"):
            kind = "Int64" if f.type == "integer" else "Float64"
            out[f.name] = pd.array(pd.to_numeric(pd.Series(cells, dtype=object)), dtype=kind)
        elif f.enum is not None:
            out[f.name] = pd.Categorical(cells, categories=f.enum)
        else:
            out[f.name] = pd.array(cells, dtype="string")
    return pd.DataFrame(out, index=pd.RangeIndex(len(frame)))


def _load_all(data_dir: str | Path | None) -> dict[str, pd.DataFrame]:
    folder = resolve_data_dir(data_dir)
    key = _signature(folder) if folder.is_dir() else (str(folder),)
    if key not in _cache:
        report = validate(folder)
        if not report.ok:
            raise DataValidationError(report.problems)
        package = read_package(folder)
        _cache.clear()
        _cache[key] = {t.name: _typed(t, report.tables[t.name].frame) for t in package.tables}
    return _cache[key]


def load_table(name: str, data_dir: str | Path | None = None) -> pd.DataFrame:
    """One table by name ('sources', 'places', 'actors', 'events', 'event_actors', ...).

    Example:
        >>> load_table("places").loc[0, "name"]
        'Islamabad'
    """
    tables = _load_all(data_dir)
    if name not in tables:
        raise KeyError(f"no table {name!r}; the tables are {', '.join(tables)}")
    return tables[name].copy()


def load_sources(data_dir: str | Path | None = None) -> pd.DataFrame:
    """The reports the data is coded from (publisher, title, dates, URL, reliability)."""
    return load_table("sources", data_dir)


def load_places(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Places with approximate coordinates, for maps."""
    return load_table("places", data_dir)


def load_actors(data_dir: str | Path | None = None) -> pd.DataFrame:
    """States, authorities, officials, groups and observers, with kind, country and parent."""
    return load_table("actors", data_dir)


def load_events(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Events with PLOVER type, status, dates (as written and as ranges) and their source."""
    return load_table("events", data_dir)


def load_event_actors(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Who took part in which event, in what role, according to which source."""
    return load_table("event_actors", data_dir)


def load_propositions(data_dir: str | Path | None = None) -> pd.DataFrame:
    """What is claimed, in neutral words, independent of who claims it."""
    return load_table("propositions", data_dir)


def load_claims(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Who asserts, denies, confirms, criticises or interprets which proposition, and where."""
    return load_table("claims", data_dir)


@dataclass
class Dataset:
    """All tables, plus where they came from. Tables are attributes: ``ds.events``, ``ds.claims``.

    Example:
        >>> ds = load_dataset()
        >>> sorted(ds.tables)[:3]
        ['actors', 'claims', 'event_actors']
    """

    data_dir: Path
    tables: dict[str, pd.DataFrame]

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *self.tables})

    def source_text(self, source_id: str) -> str:
        """The full text of a source we ship (see :func:`source_text`)."""
        return source_text(source_id, self.data_dir)


def load_dataset(data_dir: str | Path | None = None) -> Dataset:
    """Every table of the package, validated, as a :class:`Dataset`."""
    folder = resolve_data_dir(data_dir)
    tables = {name: frame.copy() for name, frame in _load_all(folder).items()}
    return Dataset(folder, tables)


def source_text(source_id: str, data_dir: str | Path | None = None) -> str:
    """The full text of a source whose text ships in ``data/sources/``.

    Example:
        >>> source_text("article")[:30]
        'Pakistan is facilitating a mee'
    """
    folder = resolve_data_dir(data_dir)
    sources = load_sources(folder).set_index("source_id")
    if source_id not in sources.index:
        raise KeyError(f"no source {source_id!r} in {folder / 'sources.csv'}")
    name = sources.loc[source_id, "text_file"]
    if pd.isna(name):
        raise LookupError(
            f"the text of {source_id!r} is not shipped with the data; see its URL instead"
        )
    return (folder / SOURCES_DIR / name).read_text(encoding="utf-8")
