"""What every chart shares: classroom style for matplotlib, a new figure, and :class:`Chart`.

Every chart function returns a :class:`Chart`: the matplotlib figure plus a short text
alternative. In a notebook a ``Chart`` shows the figure and, under it, the text alternative; its
plain-text form (what nbval compares, and what a screen reader gets) is the text alternative.

Example:
    >>> from pakafghan.charts.base import Chart, classroom_style, new_figure
    >>> with classroom_style():
    ...     fig, ax = new_figure()
    >>> chart = Chart(fig, "An empty chart.")
    >>> repr(chart)
    'Chart: An empty chart.'
"""

from __future__ import annotations

import base64
import html
import io
from contextlib import AbstractContextManager
from dataclasses import dataclass

import matplotlib
import matplotlib.dates as mdates
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from pakafghan.html import html_text
from pakafghan.style import FONT

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


class _Canvas(FigureCanvasAgg):
    """An Agg canvas whose renderer (the figure's pixels) can be let go once the PNG is made,
    so that a chart kept in the notebook's output history (``Out``) holds no image buffer:
    about 24 MB for a tall timeline. Every text drawn keeps the renderer too (matplotlib's
    private ``Text._renderer``; it measures itself again with a new one when asked)."""

    def release(self) -> None:
        for text in self.figure.findobj(Text):
            text._renderer = None
        self.renderer, self._lastKey = None, None


def new_figure(width: float = 10, height: float = 6, **subplot_kw) -> tuple[Figure, Axes]:
    """A figure with one axes, not registered with pyplot; draw on it inside
    :func:`classroom_style`.

    Figures made this way are not shown twice by the notebook's inline backend, hold no global
    state, and are freed when no longer referenced.

    Example:
        >>> fig, ax = new_figure(4, 3)
        >>> fig.get_size_inches().tolist()
        [4.0, 3.0]
    """
    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    _Canvas(fig)  # one renderer while drawing: measuring a text does not draw the figure again
    ax = fig.add_subplot(**subplot_kw)
    return fig, ax


def date_axis(ax: Axes, maxticks: int = 8) -> None:
    """Dates on the x axis: matplotlib's automatic ticks with concise labels, each day tick
    naming its month ("21 Aug") and the year shown once at the end of the axis.

    Example:
        >>> fig, ax = new_figure()
        >>> date_axis(ax)
        >>> type(ax.xaxis.get_major_formatter()).__name__
        'ConciseDateFormatter'
    """
    locator = mdates.AutoDateLocator(minticks=3, maxticks=maxticks)
    formatter = mdates.ConciseDateFormatter(locator)
    formatter.formats[2] = formatter.zero_formats[2] = "%d %b"
    formatter.offset_formats[2] = "%Y"
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(formatter)


@dataclass
class Chart:
    """A figure and its text alternative (one or two sentences saying what the chart shows)."""

    figure: Figure
    alt_text: str

    def png(self) -> bytes:
        """The figure as PNG bytes (deterministic for the same data and library versions).

        The first call fixes the layout: drawing again gives the same bytes, and a change made
        to the figure afterwards is not laid out again.
        """
        buf = io.BytesIO()
        with matplotlib.rc_context(_RC):
            self.figure.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
        self.figure.set_layout_engine("none")  # laid out once: drawn again, it stays the same
        if isinstance(self.figure.canvas, _Canvas):
            self.figure.canvas.release()
        return buf.getvalue()

    def __repr__(self) -> str:
        return f"Chart: {self.alt_text}"

    def img_html(self, encoded: str | None = None) -> str:
        """The PNG in an ``<img>`` whose ``alt`` is the text alternative (escaped), so that a
        screen reader reads it; ``encoded`` is the PNG in base64 when already at hand.

        Example:
            >>> fig, ax = new_figure(1, 1)
            >>> Chart(fig, 'Say "no"').img_html("AAAA")
            '<img src="data:image/png;base64,AAAA" alt="Say &quot;no&quot;" style="max-width:100%">'
        """  # noqa: E501
        encoded = encoded or base64.b64encode(self.png()).decode("ascii")
        alt = html.escape(self.alt_text, quote=True)
        return f'<img src="data:image/png;base64,{encoded}" alt="{alt}" style="max-width:100%">'

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        """The PNG, the same PNG in an ``<img>`` whose ``alt`` is the text alternative (what
        JupyterLab and the static site show, so a screen reader reads it), and plain text."""
        encoded = base64.b64encode(self.png()).decode("ascii")
        return {"image/png": encoded, "text/html": self.img_html(encoded), "text/plain": repr(self)}

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
