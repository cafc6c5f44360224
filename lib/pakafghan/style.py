"""The look of every chart: a colour-blind-safe palette, classroom-sized text, and alt text.

Colours are the Okabe–Ito palette, safe for the common forms of colour blindness; charts never
encode meaning by colour alone (markers, line styles or labels carry it too). Text is large
enough to read on a classroom projector.

Every chart function returns a :class:`Chart`: the matplotlib figure plus a short text
alternative. In a notebook a ``Chart`` shows the figure and, under it, the text alternative; its
plain-text form (what nbval compares, and what a screen reader gets) is the text alternative.

Example:
    >>> from pakafghan.style import Chart, classroom_style, new_figure
    >>> with classroom_style():
    ...     fig, ax = new_figure()
    >>> chart = Chart(fig, "An empty chart.")
    >>> repr(chart)
    'Chart: An empty chart.'
"""

from __future__ import annotations

import base64
import io
from contextlib import AbstractContextManager
from dataclasses import dataclass

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from pakafghan.textsafe import html_text

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
}

#: Font sizes readable on a projector.
FONT = {"base": 13, "title": 16, "small": 11}

#: Resolution of the PNG shown in notebooks.
DPI = 100

_RC = {
    "font.size": FONT["base"],
    "axes.titlesize": FONT["title"],
    "axes.labelsize": FONT["base"],
    "xtick.labelsize": FONT["small"],
    "ytick.labelsize": FONT["small"],
    "legend.fontsize": FONT["small"],
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "pakafghan",
}


def classroom_style() -> AbstractContextManager:
    """Context in which to draw a chart: classroom font sizes, no top or right spines.

    Example:
        >>> with classroom_style():
        ...     fig, ax = new_figure()
        ...     _ = ax.set_title("Readable from the back row")
    """
    return matplotlib.rc_context(_RC)


def new_figure(width: float = 10, height: float = 6, **subplot_kw) -> tuple[Figure, Axes]:
    """A figure with one axes, not registered with pyplot; draw on it inside
    :func:`classroom_style`.

    Figures made this way are not shown twice by the notebook's inline backend, hold no global
    state, and are freed when no longer referenced.
    """
    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    ax = fig.add_subplot(**subplot_kw)
    return fig, ax


@dataclass
class Chart:
    """A figure and its text alternative (one or two sentences saying what the chart shows)."""

    figure: Figure
    alt_text: str

    def png(self) -> bytes:
        """The figure as PNG bytes (deterministic for the same data and library versions)."""
        buf = io.BytesIO()
        with matplotlib.rc_context(_RC):
            self.figure.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
        return buf.getvalue()

    def __repr__(self) -> str:
        return f"Chart: {self.alt_text}"

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        encoded = base64.b64encode(self.png()).decode("ascii")
        return {"image/png": encoded, "text/plain": repr(self)}

    def caption_bundle(self) -> dict[str, str]:
        """The visible caption under the figure: the text alternative, escaped."""
        return {
            "text/html": f"<p><em>Text alternative:</em> {html_text(self.alt_text)}</p>",
            "text/plain": f"Text alternative: {self.alt_text}",
        }

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self._repr_mimebundle_(), raw=True)
        display(self.caption_bundle(), raw=True)
