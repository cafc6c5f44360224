"""The table descriptions in ``datapackage.json``, as small typed objects.

``datapackage.json`` is the single description of the tables; the reader, the validator and the
loaders all follow it through this module. The few facts about the data folder's layout that
``datapackage.json`` does not state (:data:`SOURCES_DIR`, :data:`EVIDENCE_TABLES`) live here too,
so the loaders and views need not reach into the validation rules for them.

Example:
    >>> from pakafghan.schema import read_package
    >>> package = read_package()
    >>> package.table("events").primary_key
    ['event_id']
    >>> package.keys["claims"]
    'claim_id'
    >>> package.evidence_tables == EVIDENCE_TABLES
    True
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pakafghan.datadir import resolve_data_dir

PACKAGE_FILE = "datapackage.json"

#: Folder, inside the data folder, that holds the texts of the sources we ship.
SOURCES_DIR = "sources"

#: Tables whose rows cite a source and carry evidence (a ``source_id``, a ``quote``, a ``note``).
#: :attr:`Package.evidence_tables` derives the same list from ``datapackage.json``; a test keeps
#: the two equal.
EVIDENCE_TABLES = ("events", "event_actors", "claims")

#: The fields that make a table an evidence table.
_EVIDENCE_FIELDS = {"source_id", "quote", "note"}


@dataclass(frozen=True)
class Field:
    """One column of a table: its name, Table Schema type and constraints."""

    name: str
    type: str
    description: str = ""
    constraints: dict[str, Any] = field(default_factory=dict)
    #: What each allowed value means (Table Schema ``categories``: value → label).
    categories: dict[str, str] = field(default_factory=dict)

    @property
    def required(self) -> bool:
        return bool(self.constraints.get("required", False))

    @property
    def enum(self) -> list[str] | None:
        return self.constraints.get("enum")


@dataclass(frozen=True)
class ForeignKey:
    """``fields`` of this table refer to ``ref_fields`` of ``ref_table``."""

    fields: list[str]
    ref_table: str
    ref_fields: list[str]


@dataclass(frozen=True)
class Table:
    """One resource of the data package: a CSV file and its schema."""

    name: str
    path: str
    description: str
    fields: list[Field]
    primary_key: list[str]
    foreign_keys: list[ForeignKey]

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    @property
    def key(self) -> str:
        """The one column of the primary key (``ValueError`` if the key has none or several)."""
        if len(self.primary_key) != 1:
            raise ValueError(f"{self.name} has no single-column primary key: {self.primary_key}")
        return self.primary_key[0]


@dataclass(frozen=True)
class Package:
    """The whole data package: tables in the order ``datapackage.json`` lists them."""

    name: str
    title: str
    tables: list[Table]
    description: str = ""

    @property
    def table_names(self) -> list[str]:
        return [t.name for t in self.tables]

    @property
    def keys(self) -> dict[str, str]:
        """Table name → the column of its (single-column) primary key."""
        return {t.name: t.key for t in self.tables if len(t.primary_key) == 1}

    @property
    def evidence_tables(self) -> tuple[str, ...]:
        """The tables whose fields include ``source_id``, ``quote`` and ``note``, in order."""
        return tuple(t.name for t in self.tables if _EVIDENCE_FIELDS <= set(t.field_names))

    def table(self, name: str) -> Table:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(f"no table {name!r}; the tables are {', '.join(self.table_names)}")


def _table(resource: dict[str, Any]) -> Table:
    schema = resource["schema"]
    fields = [
        Field(
            f["name"],
            f.get("type", "string"),
            f.get("description", ""),
            f.get("constraints", {}),
            {c["value"]: c["label"] for c in f.get("categories", [])},
        )
        for f in schema["fields"]
    ]
    pk = schema.get("primaryKey", [])
    foreign_keys = [
        ForeignKey(
            fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]],
            fk["reference"]["resource"] or resource["name"],
            fk["reference"]["fields"]
            if isinstance(fk["reference"]["fields"], list)
            else [fk["reference"]["fields"]],
        )
        for fk in schema.get("foreignKeys", [])
    ]
    return Table(
        resource["name"],
        resource["path"],
        resource.get("description", ""),
        fields,
        pk if isinstance(pk, list) else [pk],
        foreign_keys,
    )


@lru_cache(maxsize=8)
def _read_package(path: Path, mtime_ns: int) -> Package:
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    return Package(
        descriptor.get("name", ""),
        descriptor.get("title", ""),
        [_table(r) for r in descriptor["resources"]],
        descriptor.get("description", ""),
    )


def read_package(data_dir: str | Path | None = None) -> Package:
    """Read ``datapackage.json`` from ``data_dir`` (see :func:`resolve_data_dir`)."""
    path = resolve_data_dir(data_dir) / PACKAGE_FILE
    return _read_package(path, path.stat().st_mtime_ns)
