"""The codebook: every table and field of ``datapackage.json`` as Markdown.

``data/README.md`` carries this text between two marker lines; ``make codebook`` refreshes it
(``tools/refresh_codebook.py``) and a test fails when it is out of date, so the codebook never
drifts from the schema. :func:`describe_dataset` is the short version, one line per table, that a
loaded data set carries as ``ds.DESCR``.

Example:
    >>> from pakafghan.codebook import codebook_markdown
    >>> print(codebook_markdown().splitlines()[0])
    ### `sources` (sources.csv)
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from pathlib import Path

from pakafghan.schema import Table, read_package

BEGIN = "<!-- codebook:begin (generated from datapackage.json by `make codebook`) -->"
END = "<!-- codebook:end -->"


def _table_markdown(table: Table) -> list[str]:
    out = [f"### `{table.name}` ({table.path})", "", table.description, ""]
    links = [f"`{fk.fields[0]}` → `{fk.ref_table}.{fk.ref_fields[0]}`" for fk in table.foreign_keys]
    keys = f"Key: `{', '.join(table.primary_key)}`."
    out += [keys + (" Links: " + "; ".join(links) + "." if links else ""), ""]
    out += ["| field | type | required | meaning |", "|---|---|---|---|"]
    for f in table.fields:
        meaning = f.description.replace("|", "\\|")
        if f.enum and f.categories:
            meaning += " Values: listed under the table."
        elif f.enum:
            meaning += " Allowed: " + ", ".join(f"`{e}`" for e in f.enum) + "."
        required = "yes" if f.required else ""
        out.append(f"| `{f.name}` | {f.type} | {required} | {meaning} |")
    out.append("")
    for f in table.fields:
        if f.categories:
            out += [f"Values of `{f.name}`:", ""]
            out += [f"- `{value}` — {label}" for value, label in f.categories.items()]
            out.append("")
    return out


def codebook_markdown(data_dir: str | Path | None = None) -> str:
    """Markdown for every table: description, key, links and a table of fields.

    Example:
        >>> "| `claim_id` | string | yes |" in codebook_markdown()
        True
    """
    lines: list[str] = []
    for table in read_package(data_dir).tables:
        lines += _table_markdown(table)
    return "\n".join(lines).rstrip("\n") + "\n"


def codebook_section(data_dir: str | Path | None = None) -> str:
    """The codebook with its marker lines, exactly as it stands in ``data/README.md``.

    Example:
        >>> codebook_section().startswith(BEGIN)
        True
    """
    return f"{BEGIN}\n\n{codebook_markdown(data_dir)}\n{END}"


#: Width of :func:`describe_dataset`'s lines.
DESCR_WIDTH = 88


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def describe_dataset(
    data_dir: str | Path | None = None, rows: Mapping[str, int] | None = None
) -> str:
    """A short description of the data set: title, what it is, one line per table, the codebook.

    ``rows`` (table name → number of rows) adds the row counts; ``ds.DESCR`` passes its own.

    Example:
        >>> text = describe_dataset(rows={"events": 3})
        >>> print(text.splitlines()[0])
        Pakistan-Afghanistan relations, August 2025: sourced event data for teaching
        >>> "- events (events.csv, 3 rows): Things that happened" in text
        True
    """
    package = read_package(data_dir)
    title = package.title or package.name
    out = [title, "=" * min(len(title), DESCR_WIDTH), ""]
    if package.description:
        out += [textwrap.fill(package.description, DESCR_WIDTH), ""]
    out.append("Tables:")
    for table in package.tables:
        where = table.path
        if rows is not None and table.name in rows:
            n = rows[table.name]
            where += f", {n} row{'' if n == 1 else 's'}"
        line = f"- {table.name} ({where}): {_first_sentence(table.description)}"
        out.append(textwrap.fill(line, DESCR_WIDTH, subsequent_indent="  "))
    out += [
        "",
        textwrap.fill(
            "Codebook (every field, its type and its allowed values): README.md in the data "
            "folder, or pakafghan.codebook.codebook_markdown().",
            DESCR_WIDTH,
        ),
    ]
    return "\n".join(out) + "\n"
