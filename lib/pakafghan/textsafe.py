"""Show text from the data safely: as literal text in HTML widgets and in matplotlib labels.

Names and quotes come from CSV files that teachers and learners edit. Anything shown in an HTML
widget is escaped (so ``<script>`` or ``<img onerror=...>`` display as text), and ``$`` and ``\\``
are neutralised so that neither MathJax in the browser nor matplotlib's mathtext typesets them.

Example:
    >>> html_text("<b>Tom & Jerry</b> cost $5")
    '&lt;b&gt;Tom &amp; Jerry&lt;/b&gt; cost &#36;5'
    >>> plot_text("cost $5")
    'cost \\\\$5'
"""

from __future__ import annotations

import html

import pandas as pd

_HTML_EXTRA = str.maketrans({"$": "&#36;", "\\": "&#92;", "`": "&#96;", "*": "&#42;", "_": "&#95;"})


def html_text(value: object) -> str:
    """Escape a value for an HTML widget: markup, entities, and Markdown/LaTeX specials.

    Missing values (``None``, ``pd.NA``, ``NaN``) become an empty string.
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True).translate(_HTML_EXTRA)


def plot_text(value: object) -> str:
    """Escape a value for a matplotlib label, so ``$`` is not read as mathtext."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).replace("$", r"\$")
