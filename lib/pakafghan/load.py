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

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from pakafghan import tablecache
from pakafghan.checks import parse_dates
from pakafghan.codebook import describe_dataset
from pakafghan.datadir import resolve_data_dir
from pakafghan.problems import DataValidationError
from pakafghan.schema import SOURCES_DIR, Table, read_package
from pakafghan.validate import validate

#: How many data folders (or versions of one folder) the loaders keep, validated and typed.
CACHE_SIZE = 4


def _files(folder: str) -> list[tuple[str, int, int]]:
    """(path, mtime, size) of every file under ``folder``: one ``stat`` per file."""
    out = []
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError:  # unreadable: the validator will say what is missing
        return out
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                out += _files(entry.path)
            elif entry.is_file():
                st = entry.stat()
                out.append((entry.path, st.st_mtime_ns, st.st_size))
        except OSError:  # removed while we look: the validator will say
            continue
    return out


def _signature(folder: Path) -> tuple:
    """Changes whenever a file of the data folder changes, so edits are always re-validated.

    Example:
        >>> from pakafghan.datadir import BUNDLED_DATA_DIR
        >>> _signature(BUNDLED_DATA_DIR)[0] == str(BUNDLED_DATA_DIR)
        True
    """
    if not folder.is_dir():
        return (str(folder),)
    return (str(folder), *sorted(_files(str(folder))))


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


@lru_cache(maxsize=CACHE_SIZE)
def _load_signed(signature: tuple) -> dict[str, pd.DataFrame]:
    """Validate and type the folder ``signature[0]``; cached on the folder's whole signature.

    Invalid data raises, and an exception is never cached: it is re-validated on every call.
    Valid tables are also kept in the per-user cache (:mod:`pakafghan.tablecache`), so another
    kernel loading the same bytes with the same code does not validate them again.
    """
    folder = Path(signature[0])
    key = tablecache.cache_key(folder)
    cached = tablecache.get(key)
    if cached is not None:
        return cached
    report = validate(folder)
    if not report.ok:
        raise DataValidationError(report.problems)
    package = read_package(folder)
    tables = {t.name: _typed(t, report.tables[t.name].frame) for t in package.tables}
    if key is not None and tablecache.cache_key(folder) == key:  # unchanged while checked
        tablecache.put(key, tables)
    return tables


def _load_all(data_dir: str | Path | None) -> dict[str, pd.DataFrame]:
    """Every table of the folder, typed; shared with the cache, so callers must not modify them."""
    return _load_signed(_signature(resolve_data_dir(data_dir)))


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
    """The reports the data is coded from (publisher, title, dates, URL, reliability).

    Example:
        >>> load_sources().columns[0]
        'source_id'
    """
    return load_table("sources", data_dir)


def load_places(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Places with approximate coordinates, for maps.

    Example:
        >>> load_places().columns[0]
        'place_id'
    """
    return load_table("places", data_dir)


def load_actors(data_dir: str | Path | None = None) -> pd.DataFrame:
    """States, authorities, officials, groups and observers, with kind, country and parent.

    Example:
        >>> load_actors().columns[0]
        'actor_id'
    """
    return load_table("actors", data_dir)


def load_events(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Events with PLOVER type, status, dates (as written and as ranges) and their source.

    Example:
        >>> load_events().columns[0]
        'event_id'
    """
    return load_table("events", data_dir)


def load_event_actors(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Who took part in which event, in what role, according to which source.

    Example:
        >>> load_event_actors().columns[0]
        'participation_id'
    """
    return load_table("event_actors", data_dir)


def load_propositions(data_dir: str | Path | None = None) -> pd.DataFrame:
    """What is claimed, in neutral words, independent of who claims it.

    Example:
        >>> load_propositions().columns[0]
        'proposition_id'
    """
    return load_table("propositions", data_dir)


def load_claims(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Who asserts, denies, confirms, criticises or interprets which proposition, and where.

    Example:
        >>> load_claims().columns[0]
        'claim_id'
    """
    return load_table("claims", data_dir)


@dataclass
class Dataset:
    """All tables, plus where they came from. Tables are attributes: ``ds.events``, ``ds.claims``.

    ``ds.DESCR`` describes the data set (as sklearn's datasets do): its title, what each table
    holds and how many rows it has here, and where the codebook is.

    Example:
        >>> ds = load_dataset()
        >>> sorted(ds.tables)[:3]
        ['actors', 'claims', 'event_actors']
        >>> print(ds.DESCR.splitlines()[0])
        Pakistan-Afghanistan relations, August 2025: sourced event data for teaching
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

    @property
    def DESCR(self) -> str:
        """The data set's description, from its ``datapackage.json``; short enough to print."""
        rows = {name: len(frame) for name, frame in self.tables.items()}
        try:
            return describe_dataset(self.data_dir, rows)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            listed = ", ".join(f"{name} ({n} rows)" for name, n in rows.items())
            return f"Tables: {listed}. (No readable datapackage.json in {self.data_dir}.)\n"

    def source_text(self, source_id: str) -> str:
        """The full text of a source we ship (see :func:`source_text`).

        Example:
            >>> load_dataset().source_text("article")[:9]
            'Pakistan '
        """
        return source_text(source_id, self.data_dir)


def load_dataset(data_dir: str | Path | None = None) -> Dataset:
    """Every table of the package, validated, as a :class:`Dataset`.

    Example:
        >>> len(load_dataset().events) > 0
        True
    """
    folder = resolve_data_dir(data_dir)
    tables = {name: frame.copy() for name, frame in _load_all(folder).items()}
    return Dataset(folder, tables)


def _text_of(folder: Path, sources: pd.DataFrame, source_id: str) -> str:
    """The shipped text of ``source_id``; ``sources`` is the typed sources table of ``folder``."""
    match = sources.loc[sources["source_id"] == source_id, "text_file"]
    if match.empty:
        raise KeyError(f"no source {source_id!r} in {folder / 'sources.csv'}")
    name = match.iloc[0]
    if pd.isna(name):
        raise LookupError(
            f"the text of {source_id!r} is not shipped with the data; see its URL instead"
        )
    return (folder / SOURCES_DIR / name).read_text(encoding="utf-8")


def source_text(source_id: str, data_dir: str | Path | None = None) -> str:
    """The full text of a source whose text ships in ``data/sources/``.

    Example:
        >>> source_text("article")[:30]
        'Pakistan is facilitating a mee'
    """
    folder = resolve_data_dir(data_dir)
    return _text_of(folder, _load_all(folder)["sources"], source_id)
