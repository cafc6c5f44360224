"""Words and numbers for readers: clipped labels, plurals, numbers, days, ranges, plot-safe text."""

from __future__ import annotations

import pandas as pd
import pytest

from pakafghan.text import clip, day, day_range, iso_range, number, plot_text, plural

T = pd.Timestamp


def test_clip_keeps_short_text_and_cuts_long_text_with_an_ellipsis():
    assert clip("short", 10) == "short"
    assert clip("exactly10!", 10) == "exactly10!"
    assert clip("a longer label", 8) == "a longe…"
    assert len(clip("x" * 100, 20)) == 20
    assert clip("two words here", 5) == "two…"  # no space left before the ellipsis
    assert clip(12345, 3) == "12…"


def test_plural_uses_the_singular_only_for_one():
    assert plural(1, "claim") == "1 claim"
    assert plural(0, "claim") == "0 claims"
    assert plural(2_000, "claim") == "2,000 claims"
    assert plural(2, "city", "cities") == "2 cities"
    assert plural(1, "city", "cities") == "1 city"


def test_number_has_separators_and_no_needless_decimals():
    assert number(6000.0) == "6,000"
    assert number(30) == "30"
    assert number(2.5) == "2.5"
    assert number(1234567.25) == "1,234,567.25"


def test_a_day_reads_the_same_on_every_platform():
    assert day(T("2025-08-05")) == "5 Aug 2025"  # no zero padding, no %-d
    assert day(T("2025-12-31")) == "31 Dec 2025"


@pytest.mark.parametrize(
    ("first", "last", "words"),
    [
        ("2025-08-22", "2025-08-22", "22 Aug 2025"),
        ("2025-08-25", "2025-08-26", "25–26 Aug 2025"),
        ("2025-09-29", "2025-10-01", "29 Sep – 1 Oct 2025"),
        ("2024-12-30", "2025-01-02", "30 Dec 2024 – 2 Jan 2025"),
    ],
)
def test_day_range_is_the_shortest_form(first, last, words):
    assert day_range(T(first), T(last)) == words


def test_iso_range():
    assert iso_range(T("2025-08-20"), T("2025-08-20")) == "2025-08-20"
    assert iso_range(T("2025-08-20"), T("2025-08-21")) == "2025-08-20 – 2025-08-21"
    assert iso_range(pd.NaT, pd.NaT) == ""


def test_plot_text_escapes_dollars_and_empties_missing_values(hostile):
    assert plot_text("$5 and $6") == r"\$5 and \$6"
    assert plot_text("no dollars") == "no dollars"
    assert plot_text(None) == plot_text(pd.NA) == plot_text(float("nan")) == ""
    assert "$" not in plot_text(hostile.text).replace(r"\$", "")
