"""Every chart reaches a screen reader: each picture on a lesson's web page (nbconvert's HTML of
the executed learner edition, as ``make html`` builds it) is an ``<img>`` with the chart's text
alternative as its ``alt``, never nbconvert's placeholder; so is each picture in a widget's saved
state (an HTML view holding an ``<img>``, never an Image widget, which has no ``alt``)."""

from __future__ import annotations

import html
import re

import nbformat
import pytest
from nbconvert import HTMLExporter

from tools import editions

PLACEHOLDER = "No description has been provided for this image"
_IMG = re.compile(r"<img\b[^>]*>")
_ALT = re.compile(r'\balt="([^"]*)"')


def _alt_texts(nb: nbformat.NotebookNode) -> list[str]:
    """The charts' text alternatives, in order (each chart's output says "Chart: <alt>")."""
    return [
        out["data"]["text/plain"].removeprefix("Chart: ")
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if "image/png" in out.get("data", {})
    ]


@pytest.mark.parametrize("path", editions.sources(), ids=lambda p: p.stem)
def test_every_picture_on_a_lesson_page_has_its_text_alternative_as_alt(path):
    nb = nbformat.read(editions.EXECUTED / path.name, as_version=4)
    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    assert PLACEHOLDER not in body
    images = [i for i in _IMG.findall(body) if "data:image/png" in i]
    alts = [_ALT.search(i) for i in images]
    assert all(alts), [i[:120] for i, a in zip(images, alts, strict=True) if not a]
    shown = [html.unescape(a[1]) for a in alts]
    assert shown == _alt_texts(nb)
    assert all(len(a) > 20 for a in shown)


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


@pytest.mark.parametrize("path", editions.sources(), ids=lambda p: p.stem)
def test_every_picture_in_a_widget_has_a_text_alternative(path):
    nb = nbformat.read(editions.EXECUTED / path.name, as_version=4)
    models = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {}).values()
    assert not [m for m in models if m["model_name"] == "ImageModel"]
    pictures = [
        image
        for m in models
        if m["model_name"] == "HTMLModel"
        for image in _IMG.findall(m["state"].get("value", ""))
    ]
    alts = [_ALT.search(image) for image in pictures]
    assert all(alt and len(alt[1]) > 20 for alt in alts), [p[:120] for p in pictures]
