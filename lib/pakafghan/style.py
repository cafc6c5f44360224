"""The look of everything the package shows: a colour-blind-safe palette and classroom text.

Colours are the Okabe–Ito palette, safe for the common forms of colour blindness; nothing encodes
meaning by colour alone (markers, line styles, hatching, symbols or words carry it too). Text is
large enough to read on a classroom projector. In HTML, text reaches WCAG AA contrast (4.5:1,
:func:`contrast`) and marks that carry meaning 3:1: a colour too light for text is shown as a
background behind black or white text (:func:`text_on`). Charts (:mod:`pakafghan.charts.base`)
and HTML views (:mod:`pakafghan.html`) both take their colours from here; this module needs no
plotting library.

Example:
    >>> from pakafghan.style import STANCE_STYLE, STATUS_STYLE
    >>> STATUS_STYLE["planned"]["filled"], STANCE_STYLE["denies"]["symbol"]
    (False, '✗')
    >>> round(contrast(OKABE_ITO["grey"], "#FFFFFF"), 2), round(contrast(HTML_GREY, "#FFFFFF"), 2)
    (2.85, 4.54)
"""

from __future__ import annotations

#: Okabe–Ito colours by name.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}

#: Grey for borders and lines in HTML on white (4.5:1; Okabe–Ito's grey, for charts, is 2.8:1).
HTML_GREY = "#767676"

#: The order in which categories take colours.
PALETTE = [OKABE_ITO[k] for k in ("blue", "orange", "green", "vermillion", "purple", "sky_blue")]

#: Event status: colour, marker and a word for legends; filled markers mean it happened.
STATUS_STYLE = {
    "held": {"color": OKABE_ITO["blue"], "marker": "o", "filled": True, "label": "held"},
    "planned": {"color": OKABE_ITO["orange"], "marker": "o", "filled": False, "label": "planned"},
    "postponed": {
        "color": OKABE_ITO["vermillion"],
        "marker": "X",
        "filled": True,
        "label": "postponed",
    },
    "cancelled": {"color": OKABE_ITO["black"], "marker": "x", "filled": True, "label": "cancelled"},
    "refused": {"color": OKABE_ITO["purple"], "marker": "s", "filled": True, "label": "refused"},
}

#: Hatching by event status, so that filled areas do not tell status by colour alone.
STATUS_HATCH = {
    "planned": "//",
    "held": "",
    "postponed": "xx",
    "cancelled": "..",
    "refused": "\\\\",
}

#: Claim stance: colour and a symbol, so the stance reads without colour too.
STANCE_STYLE = {
    "asserts": {"color": OKABE_ITO["blue"], "symbol": "+", "label": "asserts"},
    "confirms": {"color": OKABE_ITO["green"], "symbol": "✓", "label": "confirms"},
    "denies": {"color": OKABE_ITO["vermillion"], "symbol": "✗", "label": "denies"},
    "disputes": {"color": OKABE_ITO["orange"], "symbol": "≠", "label": "disputes"},
    "criticises": {"color": OKABE_ITO["purple"], "symbol": "!", "label": "criticises"},
    "interprets": {"color": OKABE_ITO["sky_blue"], "symbol": "?", "label": "interprets"},
    "complicates": {"color": OKABE_ITO["yellow"], "symbol": "~", "label": "complicates"},
    "declines_comment": {"color": OKABE_ITO["grey"], "symbol": "…", "label": "declines to comment"},
}

#: Font sizes readable on a projector.
FONT = {"base": 13, "title": 16, "small": 11}


def _luminance(colour: str) -> float:
    """Relative luminance of a ``#RRGGBB`` colour, as WCAG defines it."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """The WCAG contrast ratio of two ``#RRGGBB`` colours, from 1 (none) to 21 (black on white).

    Example:
        >>> contrast("#000000", "#FFFFFF"), round(contrast(OKABE_ITO["blue"], "#FFFFFF"), 1)
        (21.0, 5.2)
    """
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_on(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (always at least 4.5:1).

    Example:
        >>> text_on(OKABE_ITO["yellow"]), text_on(OKABE_ITO["blue"])
        ('#000000', '#FFFFFF')
    """
    return max(("#000000", "#FFFFFF"), key=lambda text: contrast(text, background))
