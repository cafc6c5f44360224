"""What each allowed value of the data means, in plain words, as the codebook says.

The words live in ``data/datapackage.json`` (each enum field's Table Schema ``categories``, a
value and a label each), so a table, a widget, a lesson and the codebook in ``data/README.md``
say the same thing.

Example:
    >>> value_labels("claims", "directness")["paraphrase"]
    'paraphrase: the source restates what the claimant said'
"""

from __future__ import annotations

from pathlib import Path

from pakafghan.schema import read_package


def value_labels(table: str, field: str, data_dir: str | Path | None = None) -> dict[str, str]:
    """Each allowed value of ``table.field`` → its meaning, in the schema's order.

    Example:
        >>> list(value_labels("events", "status"))[:2]
        ['planned', 'held']
    """
    package = read_package(data_dir)
    for f in package.table(table).fields:
        if f.name == field:
            return dict(f.categories)
    raise KeyError(f"{table} has no field {field!r}")
