"""HTML for widgets, reports and lesson cells: escaping, tables, banners and stance badges.

Names and quotes come from CSV files that teachers and learners edit. Everything shown is escaped
(so ``<script>`` or ``<img onerror=...>`` display as text), and ``$``, ``\\``, `````, ``*`` and
``_`` are neutralised so that neither MathJax nor Markdown rendering changes them. A table takes
the names of columns that already hold HTML (built from escaped parts); every other cell is
escaped here.

Example:
    >>> html_text("<b>Tom & Jerry</b> cost $5")
    '&lt;b&gt;Tom &amp; Jerry&lt;/b&gt; cost &#36;5'
    >>> banner(True, "✓ Right.", "Well spotted.")
    '<div style="border-left:4px solid #0072B2;padding:4px 8px"><strong>✓ Right.</strong> Well spotted.</div>'
"""  # noqa: E501

from __future__ import annotations

import html
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from pakafghan.style import HTML_GREY, OKABE_ITO, STANCE_STYLE, text_on

_HTML_EXTRA = str.maketrans({"$": "&#36;", "\\": "&#92;", "`": "&#96;", "*": "&#42;", "_": "&#95;"})

#: Border colours of a banner: blue for right or valid, vermillion for not yet, grey for not
#: attempted (``None``), each at least 3:1 on white; the lead's symbol says the same without colour.
BANNER_COLOURS = {True: OKABE_ITO["blue"], False: OKABE_ITO["vermillion"], None: HTML_GREY}


@dataclass(frozen=True)
class View:
    """Something to show a reader: its HTML in a notebook, its text elsewhere (``repr``).

    ``str()`` and ``in`` read the HTML, so a test can look for what the page shows.

    Example:
        >>> view = View("<b>two</b> rows", "two rows")
        >>> view, "<b>" in view
        (two rows, True)
    """

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.html

    def __contains__(self, part: str) -> bool:
        return part in self.html


def html_text(value: object) -> str:
    """Escape a value for HTML: markup, entities, and Markdown/LaTeX specials.

    Missing values (``None``, ``pd.NA``, ``NaN``) become an empty string.

    Example:
        >>> html_text(None), html_text("a_b")
        ('', 'a&#95;b')
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True).translate(_HTML_EXTRA)


def html_table(
    frame: pd.DataFrame,
    columns: Sequence[str],
    headers: Sequence[str] | None = None,
    empty: str = "Nothing matches.",
    raw: Collection[str] = (),
) -> str:
    """An HTML table of ``frame[columns]``; cells are escaped except in the ``raw`` columns.

    Example:
        >>> html_table(pd.DataFrame({"a": ["<b>"]}), ["a"], ["A"])
        '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>&lt;b&gt;</td></tr></tbody></table>'
        >>> html_table(pd.DataFrame({"a": ["<b>x</b>"]}), ["a"], raw={"a"})
        '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td><b>x</b></td></tr></tbody></table>'
    """
    if frame.empty:
        return f"<p><em>{html_text(empty)}</em></p>"
    keep = [c in raw for c in columns]
    head = "".join(f"<th>{html_text(h)}</th>" for h in (headers or columns))
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{v if is_raw else html_text(v)}</td>" for v, is_raw in zip(row, keep, strict=True)
        )
        + "</tr>"
        for row in frame[list(columns)].itertuples(index=False)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def field_table(rows: Iterable[tuple[str, str]], header_style: str = "") -> str:
    """A two-column table of (label, HTML value) rows; labels are escaped, values are not.

    Example:
        >>> field_table([("Kind", "a <em>state</em>")])
        '<table><tr><th>Kind</th><td>a <em>state</em></td></tr></table>'
    """
    style = f" style='{header_style}'" if header_style else ""
    cells = "".join(f"<tr><th{style}>{html_text(k)}</th><td>{v}</td></tr>" for k, v in rows)
    return f"<table>{cells}</table>"


def banner(ok: bool | None, lead: str, message: str = "") -> str:
    """A boxed line: ``lead`` in bold (e.g. "✓ Right."), then ``message``; both escaped.

    Example:
        >>> banner(False, "✗ Not yet.")
        '<div style="border-left:4px solid #D55E00;padding:4px 8px"><strong>✗ Not yet.</strong></div>'
    """  # noqa: E501
    text = f" {html_text(message)}" if message else ""
    return (
        f'<div style="border-left:4px solid {BANNER_COLOURS[ok if ok is None else bool(ok)]};'
        'padding:4px 8px">'
        f"<strong>{html_text(lead)}</strong>{text}</div>"
    )


def stance_badge(stance: str) -> str:
    """A stance: its symbol on its colour (in black or white, whichever reads; several stance
    colours are too light for text on white), then its word, so it reads without colour too.

    Example:
        >>> stance_badge("denies")
        '<span style="background:#D55E00;color:#000000;font-weight:bold;padding:0 3px">✗</span> denies'
        >>> stance_badge("<unknown>")
        '&lt;unknown&gt;'
    """  # noqa: E501
    if stance not in STANCE_STYLE:
        return html_text(stance)
    style = STANCE_STYLE[stance]
    colours = f"background:{style['color']};color:{text_on(style['color'])}"
    return (
        f'<span style="{colours};font-weight:bold;padding:0 3px">{html_text(style["symbol"])}'
        f"</span> {html_text(stance)}"
    )


def evidence_cell(row: pd.Series) -> str:
    """A record's quote (in quotation marks) and note, escaped, for one table cell.

    Example:
        >>> evidence_cell(pd.Series({"quote": "<b>", "note": None}))
        '“&lt;b&gt;”'
    """
    parts = []
    if pd.notna(row["quote"]):
        parts.append(f"“{html_text(row['quote'])}”")
    if pd.notna(row["note"]):
        parts.append(f"<em>Note:</em> {html_text(row['note'])}")
    return "<br>".join(parts)
