"""Each lesson in a real JupyterLab, as a learner meets it: run all, see widgets, use one.

One JupyterLab server (this environment's, on 127.0.0.1) serves output-free copies of the
lessons; Chromium opens each, runs every cell and checks: no error output, every widget
rendered, an accessibility audit (axe-core, WCAG 2.1 A and AA rules) finds no serious or critical
violation in the notebook (JupyterLab's own chrome left out: :data:`axe.JUPYTERLAB_CHROME`), one
control (a dropdown option, a slider) changes the widget's view to exactly what the kernel
computes for the new value, and no request leaves 127.0.0.1. A screenshot per lesson
goes to ``build/screenshots/jupyterlab/``.
"""

from __future__ import annotations

import json
import time

import nbformat
import pytest

from . import axe
from .helpers import RequestLog, lesson_params, lessons, load_build_site, only_loopback
from .lab import LabServer, cleared_copies
from .notebook_page import (
    KERNEL_VIEWS,
    controls,
    image_sizes,
    kernel_print,
    open_notebook,
    run_all,
    save_and_close,
    text_of_html,
    view_changes,
    view_of,
    view_settles_on,
)

ROUND_TRIP_MS = 3_000  # for a change to reach the kernel and come back
ROUND_MS = 5_000  # for the page to show a state of the kernel; up to SETTLE_ROUNDS of them
SETTLE_ROUNDS = 8
build_site = load_build_site()


@pytest.fixture(scope="module")
def lab(chromium, tmp_path_factory):
    """One server for every lesson; stopped (kernels, process group) after the module."""
    folder = tmp_path_factory.mktemp("lessons")
    cleared_copies(lessons(), folder)
    server = LabServer(folder, tmp_path_factory.mktemp("jupyterlab")).start()
    yield server
    left = server.stop()
    assert not left, f"processes outlived JupyterLab and had to be killed: {left}"


@pytest.fixture(scope="module")
def requests_seen(chromium):
    return RequestLog(only_loopback)


@pytest.fixture(scope="module")
def context(chromium, requests_seen):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    requests_seen.attach(context)
    yield context
    context.close()


def _changes(kind: str, control):
    """Actions that give the control another value (tried in turn until the view changes)."""
    if kind == "dropdown":
        options = control.evaluate("(s) => Array.from(s.options).map((o) => o.value)")
        current = control.input_value()
        for option in [o for o in options if o != current][:4]:
            yield f"chose {option!r} in a dropdown", lambda o=option: control.select_option(o)
    else:
        yield "moved a slider to its end", lambda: control.press("End")
        yield "moved a slider to its start", lambda: control.press("Home")


def _kernel_views(page) -> list:
    return json.loads(kernel_print(page, KERNEL_VIEWS))


def _page_shows(page, control, kernel: list) -> bool:
    """Wait until the widget shows one of the kernel's views: its HTML text, then its picture,
    the same PNG with the same alt text (drawn after the HTML, so it arrives later)."""
    texts = sorted({text_of_html(page, shown) for shown, _, _ in kernel})
    if not view_settles_on(page, control, texts, ROUND_MS):
        return False
    pictures = {tuple(picture) for _, _, picture in kernel if picture is not None}
    for _ in range(ROUND_MS // 250):
        if {tuple(shown) for shown in image_sizes(control)} <= pictures:
            return True
        page.wait_for_timeout(250)
    return False


def settled_view(page, control) -> dict:
    """The widget's view once the page shows exactly what the kernel's pure render function gives
    for the controls' current values, and the kernel has stopped changing them (one change can
    send further updates both ways: new choices for another control, its new value, ...)."""
    kernel = _kernel_views(page)
    for _ in range(SETTLE_ROUNDS):
        pure = all(shown == fresh for shown, fresh, _ in kernel)
        shows = _page_shows(page, control, kernel)
        latest = _kernel_views(page)
        if pure and shows and latest == kernel:
            return {"html": view_of(control)["html"], "image_sizes": image_sizes(control)}
        kernel = latest
    assert all(shown == fresh for shown, fresh, _ in kernel), "a widget's HTML is not render()'s"
    shown = view_of(control)["html"][:300]
    expected = [html[:300] for html, _, _ in kernel]
    raise AssertionError(f"the page shows {shown!r}, the kernel's widgets {expected}")


def interact_once(page) -> tuple[str, object]:
    """Change one control of a lesson widget so that its view changes; say what was done."""
    for kind, control in controls(page):
        control.scroll_into_view_if_needed()
        before = settled_view(page, control)
        for action, change in _changes(kind, control):
            shown = view_of(control)
            change()
            view_changes(page, control, shown, ROUND_TRIP_MS)  # give the kernel time to answer
            if settled_view(page, control) != before:
                return action, control
    raise AssertionError("no dropdown or slider of a lesson widget changed what it shows")


class LessonTab:
    """One JupyterLab page for every lesson (loading JupyterLab once is much faster); a fresh
    page after a failure, so one broken lesson does not break the next."""

    def __init__(self, context, lab: LabServer):
        self.context = context
        self.lab = lab
        self.page = None

    def open(self, name: str):
        self.page = self.page or self.context.new_page()
        open_notebook(self.page, self.lab.url(name), name)
        return self.page

    def close(self, saved: bool) -> None:
        if saved:
            save_and_close(self.page)
        elif self.page is not None:
            self.page.close()
            self.page = None
        self.lab.shutdown_kernels()


@pytest.fixture(scope="module")
def tab(context, lab):
    tab = LessonTab(context, lab)
    yield tab
    if tab.page is not None:
        tab.page.close()


@pytest.mark.parametrize("lesson", lesson_params())
def test_lesson_runs_renders_and_responds(lesson, lab, tab, requests_seen, screenshots, note):
    outside_before = len(requests_seen.outside)
    page = tab.open(lesson.name)
    try:
        result = run_all(page)
        assert result.errors == [], f"{lesson.name} showed errors:\n" + "\n".join(result.errors)
        areas = result.widget_areas
        assert len(areas) == result.widget_outputs, "some widget outputs are not on the page"
        unrendered = [a["text"] for a in areas if not a["rendered"]]
        assert unrendered == [], f"widgets shown as text, not rendered: {unrendered}"
        assert axe.hiding_content(page, axe.JUPYTERLAB_CHROME) == []
        started = time.monotonic()
        violations = axe.audit_notebook(page)
        note(f"{lesson.stem}: axe in JupyterLab: {time.monotonic() - started:.1f} s")
        if result.widget_outputs:
            action, control = interact_once(page)
            control.scroll_into_view_if_needed()
            note(f"{lesson.stem}: widgets rendered: {result.widget_outputs}; {action}")
        page.screenshot(path=screenshots(f"jupyterlab/{lesson.stem}"))
        assert violations == [], f"{lesson.name} in JupyterLab:\n" + axe.format_violations(
            violations
        )
    except BaseException:
        tab.close(saved=False)
        raise
    tab.close(saved=True)
    outside = requests_seen.outside[outside_before:]
    assert outside == [], f"requests beyond 127.0.0.1: {outside}"
    # Saving in JupyterLab kept the widget state (the settings overrides turn this on).
    saved = nbformat.read(lab.root_dir / lesson.name, as_version=4)
    missing = build_site.shown_widget_ids(saved) - build_site.saved_widget_ids(saved)
    assert not missing, f"JupyterLab saved {lesson.name} without the state of widgets {missing}"


def test_the_checks_catch_errors_and_requests_beyond_loopback(lab, tab, requests_seen):
    """The checks above are not vacuous: a broken notebook trips both."""
    name = "zz_self_check.ipynb"
    outside = "https://example.org/picture.png"
    kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": kernelspec})
    nb.cells = [
        nbformat.v4.new_markdown_cell(f"![a picture from elsewhere]({outside})"),
        nbformat.v4.new_code_cell("1 / 0"),
    ]
    nbformat.write(nb, lab.root_dir / name)
    page = tab.open(name)
    try:
        result = run_all(page)
        page.wait_for_timeout(1000)  # the picture is requested once the Markdown is rendered
    finally:
        tab.close(saved=False)
    assert result.errors == ["cell 2: ZeroDivisionError: division by zero"]
    assert outside in requests_seen.outside
