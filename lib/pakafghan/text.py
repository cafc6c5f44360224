"""Words and numbers for readers: clipped labels, plurals, numbers, days and ranges of days.

One place for the small formatting every chart, widget and report needs, so that a day reads
"25 Aug 2025" and a long title ends in "…" the same way everywhere. Also :func:`plot_text`,
which makes data text safe for a matplotlib label.

Example:
    >>> clip("The Islamabad meeting of Afghan opposition figures", 20)
    'The Islamabad meeti…'
    >>> plural(1, "claim"), plural(2_000, "claim")
    ('1 claim', '2,000 claims')
    >>> day_range(pd.Timestamp("2025-09-29"), pd.Timestamp("2025-09-30"))
    '29–30 Sep 2025'
"""

from __future__ import annotations

import pandas as pd


def clip(text: object, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending in "…" when it was cut.

    Example:
        >>> clip("short", 10), clip("a longer label", 8)
        ('short', 'a longe…')
    """
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and ``word``, in the plural unless ``n`` is 1 (``many``: an irregular plural).

    Example:
        >>> plural(3, "source"), plural(2, "city", "cities")
        ('3 sources', '2 cities')
    """
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def number(value: float) -> str:
    """A number with thousands separators; whole numbers without decimals.

    Example:
        >>> number(6000.0), number(2.5)
        ('6,000', '2.5')
    """
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def day(value: pd.Timestamp) -> str:
    """A day in words, the same on every platform.

    Example:
        >>> day(pd.Timestamp("2025-08-05"))
        '5 Aug 2025'
    """
    return f"{value.day} {value:%b %Y}"


def day_range(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """A range of days in words, shortest form.

    Example:
        >>> day_range(pd.Timestamp("2025-08-25"), pd.Timestamp("2025-08-25"))
        '25 Aug 2025'
        >>> day_range(pd.Timestamp("2025-09-29"), pd.Timestamp("2025-10-01"))
        '29 Sep – 1 Oct 2025'
    """
    if first == last:
        return day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{day(last)}"
    if first.year == last.year:
        return f"{first.day} {first:%b} – {day(last)}"
    return f"{day(first)} – {day(last)}"


def iso_range(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """A range of days as ISO dates ("" when there is no date).

    Example:
        >>> iso_range(pd.Timestamp("2025-08-20"), pd.Timestamp("2025-08-21"))
        '2025-08-20 – 2025-08-21'
    """
    if pd.isna(first):
        return ""
    if first == last:
        return first.date().isoformat()
    return f"{first.date().isoformat()} – {last.date().isoformat()}"


def plot_text(value: object) -> str:
    """Data text made safe for a matplotlib label, so ``$`` is not read as mathtext.

    Missing values (``None``, ``pd.NA``, ``NaN``) become an empty string.

    Example:
        >>> plot_text("cost $5")
        'cost \\\\$5'
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).replace("$", r"\$")
