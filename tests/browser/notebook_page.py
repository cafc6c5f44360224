"""Drive one notebook in JupyterLab: wait for its kernel, run every cell, read what it shows.

Everything is scoped to the visible notebook panel. ``window.jupyterapp`` exists because the
server runs with ``--LabApp.expose_app_in_browser=True``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pakafghan.widgets.base import IMAGE_CLASS

if TYPE_CHECKING:  # Playwright is imported only once a browser is known to be there
    from playwright.sync_api import Locator, Page

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

_READY = """(name) => {
  const app = window.jupyterapp;
  const panel = app && app.shell.currentWidget;
  if (!panel || !panel.context || !panel.context.path.endsWith(name)) return false;
  if (!app.commands.hasCommand('notebook:run-all-cells')) return false;
  if (!panel.context.isReady || !panel.sessionContext.isReady) return false;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  return !!kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
}"""

# Not awaited: the command's promise settles seconds after the notebook is usable.
_OPEN = """(name) => { window.jupyterapp.commands.execute('docmanager:open', {path: name}); }"""

_SAVE_AND_CLOSE = """async () => {
  const app = window.jupyterapp;
  await app.commands.execute('docmanager:save');
  await app.commands.execute('application:close-all');
}"""

# What the notebook model holds: code cells still waiting, error outputs, widget outputs.
_STATUS = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const cells = panel.content.model.cells;
  const status = {pending: 0, errors: [], widgets: 0, running: false};
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.get(i);
    if (cell.type !== 'code') continue;
    if (cell.executionCount === null && cell.sharedModel.getSource().trim()) status.pending++;
    for (const out of cell.outputs.toJSON()) {
      if (out.output_type === 'error') {
        status.errors.push(`cell ${i + 1}: ${out.ename}: ${out.evalue}`);
      } else if (out.output_type === 'stream' && out.name === 'stderr') {
        status.errors.push(`cell ${i + 1} wrote to stderr: ${String(out.text).slice(0, 300)}`);
      } else if (out.data && out.data['WIDGET_VIEW']) {
        status.widgets++;
      }
    }
  }
  status.running = Array.from(panel.node.querySelectorAll('.jp-InputArea-prompt'))
    .some((p) => p.textContent.includes('[*]'));
  return status;
}""".replace("WIDGET_VIEW", WIDGET_VIEW)

# Every widget output in the page (JupyterLab gives them no data-mime-type), and whether a widget
# view was rendered into it (a missing model shows "Error displaying widget" instead).
_WIDGET_AREAS = """(panel) => Array.from(panel.querySelectorAll('.jp-OutputArea-output'))
  .filter((area) => !area.hasAttribute('data-mime-type'))
  .map((area) => ({
    rendered: !!area.querySelector('.jupyter-widgets')
      && !area.textContent.includes('Error displaying widget'),
    text: area.textContent.trim().slice(0, 200),
  }))"""

# A lesson widget's picture: an HTML view of class IMAGE_CLASS holding an <img> with its alt.
PICTURE = f".{IMAGE_CLASS} img"

# The view of the lesson widget around a control: its HTML views' text and its pictures.
_VIEW = """(control) => {
  const area = control.closest('.jp-OutputArea-output');
  const html = Array.from(area.querySelectorAll(
    '.widget-html:not(.IMAGE_CLASS) .widget-html-content')).map((e) => e.textContent).join('\\n');
  const images = Array.from(area.querySelectorAll('PICTURE')).map((i) => i.src).join(' ');
  return {html, images};
}""".replace("IMAGE_CLASS", IMAGE_CLASS).replace("PICTURE", PICTURE)

# The pictures in the lesson widget around a control: PNG byte size and alt (read from the page).
_IMAGE_SIZES = """async (control) => {
  const area = control.closest('.jp-OutputArea-output');
  const sizes = [];
  for (const img of area.querySelectorAll('PICTURE')) {
    sizes.push([(await (await fetch(img.src)).blob()).size, img.alt]);
  }
  return sizes;
}""".replace("PICTURE", PICTURE)

# The lesson widgets in the kernel: the HTML they show, the HTML their render function gives for
# their current control values (the two must agree after any interaction), and their picture's
# PNG byte size and alt text (None without a picture).
KERNEL_VIEWS = """
import base64 as _b64, html as _html, json as _json, re as _re
import ipywidgets as _widgets
from pakafghan.widgets.base import LessonWidget as _LessonWidget
def _picture(_w):
    _m = _w.image and _re.search('base64,([^"]*)" alt="([^"]*)"', _w.image.value)
    return _m and [len(_b64.b64decode(_m[1])), _html.unescape(_m[2])]
print(_json.dumps([[_w.html.value, _w._render(**_w.state()), _picture(_w)]
    for _w in list(_widgets.widgets.widget._instances.values())
    if isinstance(_w, _LessonWidget)]))
del _b64, _html, _json, _re, _widgets, _LessonWidget, _picture
"""

_KERNEL_EXEC = """async (code) => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  const future = kernel.requestExecute({code, silent: false, store_history: false});
  let text = '';
  future.onIOPub = (msg) => {
    if (msg.header.msg_type === 'stream') text += msg.content.text;
    if (msg.header.msg_type === 'error') text += msg.content.ename + ': ' + msg.content.evalue;
  };
  await future.done;
  return text;
}"""

_TEXT_OF_HTML = """(html) => new DOMParser().parseFromString(html, 'text/html').body.textContent"""


@dataclass
class RunResult:
    """What a notebook showed after running all its cells."""

    errors: list[str]
    widget_outputs: int
    widget_areas: list[dict]


def wait_until(page: Page, predicate: str, arg: Any = None, timeout_ms: float = 30_000) -> bool:
    """Wait until the JavaScript ``predicate(arg)`` is true; False if it was not in time."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(predicate, arg=arg, timeout=timeout_ms, polling=250)
    except PlaywrightTimeout:
        return False
    return True


def panel(page: Page) -> Locator:
    """The visible notebook panel."""
    return page.locator(PANEL)


def open_notebook(page: Page, url: str, name: str) -> None:
    """Show notebook ``name`` alone: load JupyterLab at ``url`` the first time, then reuse it."""
    if page.url.startswith("http") and page.evaluate("() => !!window.jupyterapp"):
        page.evaluate(_OPEN, name)
    else:
        page.goto(url)
    page.wait_for_function(_READY, arg=name, timeout=90_000, polling=250)


def run_all(page: Page, timeout_s: float = 180) -> RunResult:
    """Run every cell of the visible notebook and wait until it is done (or stopped by an error)."""
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(
        f"() => {{ const s = ({_STATUS})(); return !s.running && (s.pending === 0 || "
        "s.errors.length > 0); }",
        timeout=timeout_s * 1000,
        polling=250,
    )
    status = page.evaluate(_STATUS)
    # Views are rendered after the last output arrives: give them time to appear (the caller
    # reports those that do not).
    wait_until(
        page,
        f"(n) => ({_WIDGET_AREAS})(document.querySelector('{PANEL}'))"
        ".filter((a) => a.rendered).length >= n",
        status["widgets"],
    )
    areas = panel(page).evaluate(_WIDGET_AREAS)
    return RunResult(status["errors"], status["widgets"], areas)


def save_and_close(page: Page) -> None:
    """Save the visible notebook (as a learner would) and close every tab."""
    page.evaluate(_SAVE_AND_CLOSE)


def kernel_print(page: Page, code: str) -> str:
    """Run ``code`` in the notebook's kernel (not as a cell) and return what it printed."""
    return page.evaluate(_KERNEL_EXEC, code)


def text_of_html(page: Page, html: str) -> str:
    """The text a browser shows for ``html``."""
    return page.evaluate(_TEXT_OF_HTML, html)


def view_of(control: Locator) -> dict:
    """The text and images of the lesson widget that holds ``control``."""
    return control.evaluate(_VIEW)


def view_changes(page: Page, control: Locator, before: dict, timeout_ms: int) -> bool:
    """Wait until the view of ``control``'s widget differs from ``before``; False if it did not."""
    changed = f"([c, before]) => {{ const v = ({_VIEW})(c); " + (
        "return v.html !== before.html || v.images !== before.images; }"
    )
    return wait_until(page, changed, [control.element_handle(), before], timeout_ms)


def view_settles_on(page: Page, control: Locator, texts: list[str], timeout_ms: int) -> bool:
    """Wait until the HTML view of ``control``'s widget shows one of ``texts``."""
    settled = f"([c, texts]) => texts.includes(({_VIEW})(c).html)"
    return wait_until(page, settled, [control.element_handle(), texts], timeout_ms)


def image_sizes(control: Locator) -> list[list]:
    """The pictures the lesson widget around ``control`` shows: [PNG byte size, alt text]."""
    return control.evaluate(_IMAGE_SIZES)


def controls(page: Page) -> list[tuple[str, Locator]]:
    """The dropdowns and sliders of lesson widgets (widgets with an HTML view), in page order."""
    found = []
    for kind, selector in (("dropdown", ".widget-dropdown select"), ("slider", ".noUi-handle")):
        for control in panel(page).locator(selector).all():
            has_view = control.evaluate(
                "(c) => !!c.closest('.jp-OutputArea-output').querySelector('.widget-html-content')"
            )
            if has_view:
                found.append((kind, control))
    return found
