"""The shape every lesson widget shares: named controls, and views recomputed from their values.

A :class:`LessonWidget` is a ``VBox`` of controls (dropdowns, sliders, toggles) above an HTML
view and, optionally, a chart: its picture as an ``<img>`` whose ``alt`` is the chart's text
alternative (:meth:`~pakafghan.charts.base.Chart.img_html`), so a screen reader reads it.
Whenever a control changes, the views are recomputed by a *pure* function of the controls'
values: no printing, no hidden state. So a test can set ``w.controls["actor"].value = "ttp"`` and
assert on ``w.html.value``, a static HTML page can show the saved state, and nbval never sees
callback output.

Example:
    >>> import ipywidgets as widgets
    >>> w = LessonWidget(
    ...     {"n": widgets.IntSlider(value=2, min=0, max=5, description="n")},
    ...     render=lambda n: f"<p>{n} squared is {n * n}</p>",
    ...     title="Squares",
    ... )
    >>> w.controls["n"].value = 3
    >>> w.html.value
    '<p>3 squared is 9</p>'
    >>> w
    <Squares widget: n=3>
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

#: The CSS class of a widget's picture view (an HTML view holding an ``<img>`` with its ``alt``).
IMAGE_CLASS = "lesson-image"


class LessonWidget(widgets.VBox):
    """Controls above an HTML view (and optionally a picture) computed from their values.

    ``render(**values) -> str`` returns the HTML of the view (escape data with
    :func:`~pakafghan.html.html_text`); ``image(**values) -> str`` returns the picture as HTML,
    a chart's :meth:`~pakafghan.charts.base.Chart.img_html` (its PNG with the text alternative as
    ``alt``), or ``""`` for none. The picture is an HTML view of class :data:`IMAGE_CLASS`.
    """

    def __init__(
        self,
        controls: dict[str, widgets.Widget],
        render: Callable[..., str],
        image: Callable[..., str] | None = None,
        title: str = "Explorer",
    ):
        self.controls = controls
        self.title = title
        self._render = render
        self._image = image
        self.html = widgets.HTML()
        self.image = None if image is None else widgets.HTML().add_class(IMAGE_CLASS)
        views: list[widgets.Widget] = [self.html] if self.image is None else [self.image, self.html]
        # Controls wrap onto further lines rather than overflow a narrow notebook.
        controls_row = widgets.HBox(
            list(controls.values()), layout=widgets.Layout(flex_flow="row wrap")
        )
        super().__init__([controls_row, *views])
        for control in controls.values():
            control.observe(self.refresh, names="value")
        self.refresh()

    def state(self) -> dict[str, Any]:
        """The controls' current values, by name."""
        return {name: control.value for name, control in self.controls.items()}

    def refresh(self, change: object = None) -> None:
        """Recompute the views from the controls (called on every change)."""
        values = self.state()
        self.html.value = self._render(**values)
        if self.image is not None and self._image is not None:
            self.image.value = self._image(**values)

    def __repr__(self) -> str:
        values = ", ".join(
            f"{k}={v!r}" if isinstance(v, str) else f"{k}={v}" for k, v in self.state().items()
        )
        return f"<{self.title} widget: {values}>"
