"""The table descriptions in ``datapackage.json``, as small typed objects.

``datapackage.json`` is the single description of the tables; the reader, the validator and the
loaders all follow it through this module.

Example:
    >>> from pakafghan.schema import read_package
    >>> package = read_package()
    >>> package.table("events").primary_key
    ['event_id']
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pakafghan.datadir import resolve_data_dir

PACKAGE_FILE = "datapackage.json"


@dataclass(frozen=True)
class Field:
    """One column of a table: its name, Table Schema type and constraints."""

    name: str
    type: str
    description: str = ""
    constraints: dict[str, Any] = field(default_factory=dict)

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

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name!r}")


@dataclass(frozen=True)
class Package:
    """The whole data package: tables in the order ``datapackage.json`` lists them."""

    name: str
    title: str
    tables: list[Table]

    @property
    def table_names(self) -> list[str]:
        return [t.name for t in self.tables]

    def table(self, name: str) -> Table:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(f"no table {name!r}; the tables are {', '.join(self.table_names)}")


def _table(resource: dict[str, Any]) -> Table:
    schema = resource["schema"]
    fields = [
        Field(
            f["name"], f.get("type", "string"), f.get("description", ""), f.get("constraints", {})
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
    )


def read_package(data_dir: str | Path | None = None) -> Package:
    """Read ``datapackage.json`` from ``data_dir`` (see :func:`resolve_data_dir`)."""
    path = resolve_data_dir(data_dir) / PACKAGE_FILE
    return _read_package(path, path.stat().st_mtime_ns)
