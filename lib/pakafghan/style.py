"""The look of everything the package shows: a colour-blind-safe palette and classroom text.

Colours are the Okabe–Ito palette, safe for the common forms of colour blindness; nothing encodes
meaning by colour alone (markers, line styles, hatching, symbols or words carry it too). Text is
large enough to read on a classroom projector. Charts (:mod:`pakafghan.charts.base`) and HTML
views (:mod:`pakafghan.html`) both take their colours from here; this module needs no plotting
library.

Example:
    >>> from pakafghan.style import STANCE_STYLE, STATUS_STYLE
    >>> STATUS_STYLE["planned"]["filled"], STANCE_STYLE["denies"]["symbol"]
    (False, '✗')
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
