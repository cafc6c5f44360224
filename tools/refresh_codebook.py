"""Maintainer tool: rewrite the generated codebook section of data/README.md.

Run through `make codebook`. The library itself never writes into data/; this script does, on
purpose, when the schema changes.
"""

from __future__ import annotations

from pathlib import Path

from pakafghan.codebook import BEGIN, END, codebook_section

README = Path(__file__).resolve().parents[1] / "data" / "README.md"


def main() -> None:
    text = README.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    new = head + codebook_section() + tail
    README.write_text(new, encoding="utf-8")
    print("data/README.md: codebook " + ("updated" if new != text else "already up to date"))


if __name__ == "__main__":
    main()
