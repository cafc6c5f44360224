"""What a learner feels in the browser: Run All and widget redraws in JupyterLab, in Chromium.

One JupyterLab server (``tests/browser/lab.py``: 127.0.0.1, a throwaway home, the project's
settings) and one Chromium page (``tools/chromium.py``) measure two things; no request may leave
127.0.0.1 (any that tries is named in the first row's note).

- **Run All**: for each lesson (its learner edition, outputs cleared) and an import-only notebook
  (:data:`bench.run.BASELINE_IMPORTS`), the time from issuing ``notebook:run-all-cells`` on an
  idle kernel to every cell finished (no ``[*]`` prompt, none left to run) and every widget output
  rendered. Each run starts cold the same way: the notebook is written again output-free, opened,
  its new kernel awaited; afterwards it is closed unsaved and its session and kernel shut down.
  The import-only notebook runs before every :data:`BASELINE_EVERY` lessons and after the last;
  each lesson runs ``rounds`` times (3 by default: about 4 minutes in all on 2 cores); medians
  are compared. Every cell is laid out, not only those in view (the browser tests' settings).
- **Widget change to redraw**: every lesson widget, built as row 5 of ``bench.run`` builds it, in
  one small notebook. Its dropdowns are changed in turn (``select_option``, the next option);
  each change is timed in the page, from the select's ``change`` event to the first moment its
  views (HTML and picture) show what the kernel finally computes for the new values. A
  ``MutationObserver`` notes when each view changed, so polling does not round the times.

Example:
    >>> loopback("http://127.0.0.1:8888/lab"), loopback("https://unpkg.com/x")
    (True, False)
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import nbformat

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

    from bench.run import Row
    from tests.browser.lab import LabServer

RUN_ALL_S = 180  # for one notebook's Run All
SETTLE_MS = 20_000  # for a change to settle in the kernel and the page
POLL_MS = 100
BASELINE_EVERY = 3  # lessons between two runs of the import-only notebook
WIDGETS_NOTEBOOK = "bench_widgets.ipynb"
# The views of a lesson widget: its picture first (if any), then its HTML.
VIEWS = ".widget-vbox > .widget-html > .widget-html-content"

# Polled every 50 ms after Run All: null while a cell runs or waits; once none does, the time
# (performance.now()) at which every widget output is rendered, or the errors that stopped it.
_DONE = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  if (Array.from(panel.node.querySelectorAll('.jp-InputArea-prompt'))
      .some((p) => p.textContent.includes('[*]'))) return null;
  const status = (STATUS)();
  if (status.errors.length) return {errors: status.errors};
  if (status.pending) return null;
  const rendered = (WIDGET_AREAS)(panel.node).filter((a) => a.rendered).length;
  return rendered >= status.widgets ? {time: performance.now(), errors: []} : null;
}"""

_RUN_ALL = """() => {
  window.jupyterapp.commands.execute('notebook:run-all-cells');
  return performance.now();
}"""

_CLOSE_UNSAVED = """async () => {
  const app = window.jupyterapp;
  for (const widget of Array.from(app.shell.widgets('main'))) {
    if (widget.context) widget.context.model.dirty = false;
  }
  await app.commands.execute('application:close-all');
}"""

# Watch the views of the widget in ``area`` before ``select`` changes: when the change happens,
# and each state the views pass through (their text, their picture), with its time.
_WATCH = """(area, select) => {
  const snap = () => {
    const parts = [[], []];
    for (const view of area.querySelectorAll('VIEWS')) {
      parts[view.parentElement.classList.contains('IMAGE_CLASS') ? 1 : 0].push(view.innerHTML);
    }
    return parts.map((p) => p.join('\\0'));
  };
  const watch = {snap, start: null, before: snap(), log: []};
  select.addEventListener('change', () => { watch.start = performance.now(); },
    {once: true, capture: true});
  watch.observer = new MutationObserver(() => watch.log.push([performance.now(), ...watch.snap()]));
  watch.observer.observe(area, {subtree: true, childList: true, characterData: true});
  window.benchWatch = watch;
}"""

# Once settled: milliseconds from the change to the first moment the views were, and stayed, as
# they are now, for the whole view and for its text alone (null where that did not change).
_REDRAW_MS = """() => {
  const watch = window.benchWatch;
  if (watch.observer.takeRecords().length) watch.log.push([performance.now(), ...watch.snap()]);
  watch.observer.disconnect();
  const final = watch.snap();
  const settled = (same) => {
    let since = null;
    for (const [time, ...state] of watch.log) since = same(state) ? (since ?? time) : null;
    return since - watch.start;
  };
  const textChanged = watch.before[0] !== final[0];
  const changed = textChanged || watch.before[1] !== final[1];
  return {
    all: changed ? settled((s) => s[0] === final[0] && s[1] === final[1]) : null,
    text: textChanged ? settled((s) => s[0] === final[0]) : null,
  };
}"""

# Whether the widget in ``area`` shows exactly ``views`` (as the browser parses them).
_SHOWS = """(area, views) => {
  const parsed = document.createElement('template');
  const wanted = views.map((v) => { parsed.innerHTML = v; return parsed.innerHTML; });
  const shown = Array.from(area.querySelectorAll('VIEWS')).map((v) => v.innerHTML);
  return JSON.stringify(shown) === JSON.stringify(wanted);
}""".replace("VIEWS", VIEWS)

# The HTML of the views of the kernel's widget ``name``.
_KERNEL_VIEWS = """import json as _json, ipywidgets as _widgets
_w = shown[NAME]
print(_json.dumps([_c.value for _c in _w.children[1:] if isinstance(_c, _widgets.HTML)]))
del _json, _widgets, _w"""


def loopback(url: str) -> bool:
    """True for an address on 127.0.0.1 (or inline data), where everything here must stay."""
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob") or parts.hostname == "127.0.0.1"


def _widgets_notebook(names: list[str]) -> nbformat.NotebookNode:
    kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    cells = ["from pakafghan import load_dataset, widgets\nds = load_dataset()\nshown = {}"]
    cells += [f"shown[{name!r}] = widgets.{name}(ds)\nshown[{name!r}]" for name in names]
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": kernelspec})
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    return nb


def _open_cold(page: Page, lab: LabServer, notebook: Path) -> None:
    """Open an output-free copy of ``notebook`` in a new kernel; wait until the kernel is idle."""
    from tests.browser.lab import cleared_copies
    from tests.browser.notebook_page import open_notebook

    cleared_copies([notebook], lab.root_dir)  # again: JupyterLab may have autosaved outputs
    open_notebook(page, lab.url(notebook.name), notebook.name)


def _close(page: Page, lab: LabServer) -> None:
    page.evaluate(_CLOSE_UNSAVED)
    lab.shutdown_kernels()


def _run_all_seconds(page: Page) -> float:
    """Run every cell; the seconds until all finished and every widget is drawn."""
    from tests.browser import notebook_page

    done = _DONE.replace("STATUS", notebook_page._STATUS)
    done = done.replace("WIDGET_AREAS", notebook_page._WIDGET_AREAS)
    start = page.evaluate(_RUN_ALL)
    result = page.wait_for_function(done, timeout=RUN_ALL_S * 1000, polling=50).json_value()
    if result["errors"]:
        raise RuntimeError("Run All stopped:\n" + "\n".join(result["errors"]))
    return (result["time"] - start) / 1000


def _kernel_views(page: Page, name: str) -> list[str]:
    from tests.browser.notebook_page import kernel_print

    return json.loads(kernel_print(page, _KERNEL_VIEWS.replace("NAME", repr(name))))


def _settle(page: Page, area: Locator, name: str) -> None:
    """Wait until the kernel's widget ``name`` holds still (the same views twice, POLL_MS apart:
    one change can set off further ones, both ways) and the page shows those views."""
    views = None
    deadline = time.monotonic() + SETTLE_MS / 1000
    while time.monotonic() < deadline:
        latest = _kernel_views(page, name)
        if latest == views and area.evaluate(_SHOWS, views):
            return
        views = latest
        page.wait_for_timeout(POLL_MS)
    shown = area.evaluate(f"(a) => [...a.querySelectorAll('{VIEWS}')].pop().innerHTML")
    raise RuntimeError(f"{name}: the page shows {shown[:200]!r}, not {views[-1][:200]!r}")


def _redraws(page: Page, area: Locator, name: str, changes: int) -> tuple[list, list, int]:
    """Change the widget's dropdowns in turn, ``changes`` times; redraw times in ms (whole view,
    text alone) and how many changes left the view as it was."""
    from pakafghan.widgets.base import IMAGE_CLASS

    watch = _WATCH.replace("VIEWS", VIEWS).replace("IMAGE_CLASS", IMAGE_CLASS)
    selects = area.locator(".widget-dropdown select").all()
    whole, text, unchanged = [], [], 0
    for i in range(changes if selects else 0):
        select = selects[i % len(selects)]
        count, index = select.evaluate("(s) => [s.options.length, s.selectedIndex]")
        if count < 2:  # nothing else to choose (the other controls left no actor, ...)
            continue
        index = (index + 1) % count
        area.evaluate(watch, select.element_handle())
        select.select_option(index=index)
        _settle(page, area, name)
        times = page.evaluate(_REDRAW_MS)
        if times["all"] is None:
            unchanged += 1
            continue
        whole.append(times["all"])
        if times["text"] is not None:
            text.append(times["text"])
    return whole, text, unchanged


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def _widget_rows(page: Page, lab: LabServer, folder: Path, changes: int) -> list[Row]:
    from bench.run import Row, _widget_builders
    from tests.browser.notebook_page import panel

    names = [name for name, _ in _widget_builders()]
    notebook = folder / WIDGETS_NOTEBOOK
    nbformat.write(_widgets_notebook(names), notebook)
    _open_cold(page, lab, notebook)
    _run_all_seconds(page)
    rows = []
    for number, name in enumerate(names, start=1):
        area = panel(page).locator(".jp-CodeCell").nth(number).locator(".jp-OutputArea-output")
        area = area.first
        area.scroll_into_view_if_needed()
        whole, text, unchanged = _redraws(page, area, name, changes)
        measure = f"8. widget change to redraw in the browser: {name} ({len(whole)} changes)"
        if not whole:
            rows.append(Row(measure, "no change", "median ≤ 300 ms", None, "no dropdown redrew it"))
            continue
        median = statistics.median(whole)
        note = f"text alone: median {statistics.median(text):.0f} ms" if text else ""
        if unchanged:
            note += f"; {unchanged} changes left the view as it was (not counted)"
        rows.append(
            Row(
                measure,
                f"median {median:.0f} ms, p95 {_p95(whole):.0f} ms",
                "median ≤ 300 ms",
                median <= 300,
                note.strip("; "),
            )
        )
    _close(page, lab)
    return rows


def _run_all_rows(page: Page, lab: LabServer, folder: Path, rounds: int) -> list[Row]:
    from bench.run import Row, _baseline_notebooks, _lessons

    [baseline] = _baseline_notebooks(folder, 1)
    lessons = _lessons()
    # The import-only notebook runs before every BASELINE_EVERY lessons and after the last, so
    # that its median follows the machine's load through the run.
    order = [baseline]
    for start in range(0, len(lessons), BASELINE_EVERY):
        order += [*lessons[start : start + BASELINE_EVERY], baseline]
    seconds: dict[Path, list[float]] = {path: [] for path in order}
    for _ in range(rounds):
        for path in order:
            _open_cold(page, lab, path)
            seconds[path].append(_run_all_seconds(page))
            _close(page, lab)
    base_runs = seconds[baseline]
    base = statistics.median(base_runs)
    how = f"median of {rounds} cold runs" if rounds > 1 else "1 cold run"
    rows = []
    for lesson in lessons:
        median = statistics.median(seconds[lesson])
        rows.append(
            Row(
                f"7. Run All in JupyterLab to every cell and widget drawn: {lesson.stem}",
                f"{median / base:.2f}× ({median:.1f} s vs {base:.1f} s)",
                "≤ 1.5×",
                median / base <= 1.5,
                f"{how}; import-only: {len(base_runs)} runs, {min(base_runs):.1f}–"
                f"{max(base_runs):.1f} s",
            )
        )
    return rows


def bench_browser(work: Path, rounds: int = 3, changes: int = 10) -> list[Row]:
    """Rows 7 (Run All per lesson against an import-only notebook) and 8 (widget change to
    redraw), measured in one JupyterLab server and one Chromium page, both stopped at the end."""
    from bench.run import Row
    from tests.browser.lab import LabServer
    from tools.chromium import CHROMIUM, FLAGS, missing_reason

    reason = missing_reason()
    if reason:
        return [Row("7–8. Run All and widget redraws in the browser", "not run", "", None, reason)]
    from playwright.sync_api import sync_playwright

    folder = work / "browser-notebooks"
    folder.mkdir(parents=True, exist_ok=True)
    scratch = work / "browser-jupyterlab"
    scratch.mkdir(exist_ok=True)
    lab = LabServer(folder, scratch).start()
    outside: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
            try:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.on("request", lambda r: None if loopback(r.url) else outside.append(r.url))
                page = context.new_page()
                page.set_default_timeout(60_000)
                started = time.perf_counter()
                # First, so that it also warms up what every lesson shares (widget code, imports).
                widget_rows = _widget_rows(page, lab, folder, changes)
                widget_seconds = time.perf_counter() - started
                run_rows = _run_all_rows(page, lab, folder, rounds)
                run_seconds = time.perf_counter() - started - widget_seconds
            finally:
                browser.close()
    finally:
        left = lab.stop()
    rows = run_rows + widget_rows
    rows[0].note += (
        f"; browser measures took {run_seconds:.0f} s (Run All) + {widget_seconds:.0f} s (widgets)"
        + (f"; requests beyond 127.0.0.1: {outside[:3]}" if outside else "")
        + (f"; processes left after JupyterLab stopped, killed: {left}" if left else "")
    )
    return rows
