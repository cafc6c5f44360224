"""The codebook: every table and field of ``datapackage.json`` as Markdown.

``data/README.md`` carries this text between two marker lines; ``make codebook`` refreshes it
(``tools/refresh_codebook.py``) and a test fails when it is out of date, so the codebook never
drifts from the schema.

Example:
    >>> from pakafghan.codebook import codebook_markdown
    >>> print(codebook_markdown().splitlines()[0])
    ### `sources` (sources.csv)
"""

from __future__ import annotations

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
        if f.enum:
            meaning += " Allowed: " + ", ".join(f"`{e}`" for e in f.enum) + "."
        required = "yes" if f.required else ""
        out.append(f"| `{f.name}` | {f.type} | {required} | {meaning} |")
    return [*out, ""]


def codebook_markdown(data_dir: str | Path | None = None) -> str:
    """Markdown for every table: description, key, links and a table of fields."""
    lines: list[str] = []
    for table in read_package(data_dir).tables:
        lines += _table_markdown(table)
    return "\n".join(lines).rstrip("\n") + "\n"


def codebook_section(data_dir: str | Path | None = None) -> str:
    """The codebook with its marker lines, exactly as it stands in ``data/README.md``."""
    return f"{BEGIN}\n\n{codebook_markdown(data_dir)}\n{END}"
