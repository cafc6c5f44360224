"""Every lesson widget works from the keyboard alone, and every control is named by its label.

One JupyterLab server and one page run a small notebook, written here, that builds each widget
of ``pakafghan.widgets`` as the lessons call it. For each widget, focus starts on its output
area (the element before its first control) and moves by Tab only, never by a click. Each Tab
stop must be the widget's next control (one stop per control, in order) with a visible
``<label>`` tied to it (``for``/``id`` or ``aria-labelledby``) whose text is the control's
``description`` and its accessible name. Each control is then changed with keys only, forwards
and back: a dropdown's list is opened with Alt+ArrowDown, moved with ArrowDown or ArrowUp (or by
typing the start of an option) and chosen with Enter; Home picks the first option. After each
change the widget must show exactly what the kernel computes for the new values (its HTML view
and picture, as ``test_jupyterlab.py`` checks after a mouse choice).

On a *closed* dropdown, JupyterLab's command-mode shortcuts take ArrowUp, ArrowDown and most
letters (they move to another cell, insert one, ...: ipywidgets#3912, upstream). The project's
settings (``tools/jupyter_settings/overrides.json``, installed by ``make lab`` and used by this
server) give those keys back to controls inside outputs; the last test checks that they do.
"""

from __future__ import annotations

import json

import nbformat
import pytest

from pakafghan import widgets as lesson_widgets
from pakafghan.text import plural

from .lab import LabServer
from .notebook_page import kernel_print, open_notebook, panel, run_all, view_of, wait_until

NOTEBOOK = "keyboard.ipynb"
#: Each widget, built as the lessons build it.
CALLS = {
    "actor_explorer": 'actor_explorer(ds, actor="pakistan")',
    "claims_browser": "claims_browser(ds)",
    "sentence_explorer": "sentence_explorer(ds)",
    "source_versions": 'source_versions(ds, proposition="pr-fo-silent")',
    "timeline_filter": "timeline_filter(ds)",
}
#: Controls changed by typing the start of an option rather than by arrow keys.
TYPED = {("sentence_explorer", 0): "3"}
#: For the self-check: a dropdown without a description, a range slider, toggle buttons.
UNLABELLED = """import ipywidgets as widgets
from pakafghan.widgets import LessonWidget
shown["unlabelled"] = LessonWidget(
    {
        "plain": widgets.Dropdown(options=["a", "b"]),
        "range": widgets.SelectionRangeSlider(options=["a", "b", "c"], index=(0, 2),
            description="Range"),
        "toggle": widgets.ToggleButtons(options=["a", "b"], description="Toggle"),
    },
    render=lambda plain, range, toggle: f"<p>{plain} {range} {toggle}</p>",
)
shown["unlabelled"]"""
#: For the self-check: a widget whose view is not a pure function of its control.
IMPURE = """import itertools
calls = itertools.count()
shown["impure"] = LessonWidget(
    {"letter": widgets.Dropdown(options=["a", "b"], description="Letter")},
    render=lambda letter: f"<p>{letter}, call {next(calls)}</p>",
)
shown["impure"]"""
SELF_CHECKS = ["unlabelled", "impure"]
MAX_STOPS = 12  # Tab presses before giving up on leaving a widget's controls
KEY_MS = 50  # between keys, for the dropdown's list to open and close
KERNEL_MS = 8_000  # for a change to reach the kernel and its views to come back
POLL_MS = 100

# The focused element, as a Tab stop of the lesson widget in ``area``: which of its controls
# holds it (-1: none, outside the controls; -2: outside the widget), its kind, and the text of
# the labels tied to it that are visible (``aria-labelledby`` first, else ``<label for>``).
_FOCUSED = """(area) => {
  const el = document.activeElement;
  const row = area.querySelector('.widget-vbox > .widget-hbox');
  const control = !area.contains(el) ? -2
    : Array.from(row.children).findIndex((c) => c.contains(el));
  const ids = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
  const labels = ids.length ? ids.map((id) => document.getElementById(id)).filter(Boolean)
    : Array.from(el.labels || []);
  const shown = labels.filter((l) => l.checkVisibility() && l.textContent.trim());
  return {
    control,
    kind: el.tagName.toLowerCase() + (el.role ? `[role=${el.role}]` : ''),
    label: shown.map((l) => l.textContent.trim()).join(' '),
    value: el.tagName === 'SELECT' ? el.value : null,
    index: el.tagName === 'SELECT' ? el.selectedIndex : null,
    options: el.tagName === 'SELECT' ? Array.from(el.options).map((o) => o.value) : [],
  };
}"""

# What the kernel's widget ``name`` shows and holds: each control's description and choice (a
# dropdown's label), a digest of its HTML views (picture, then text) and, if asked, the views
# and what render() gives for its values now.
_KERNEL_STATE = """import hashlib as _hashlib, json as _json, ipywidgets as _widgets
_w = shown[NAME]
_views = [_c.value for _c in _w.children[1:] if isinstance(_c, _widgets.HTML)]
print(_json.dumps({"descriptions": [_c.description for _c in _w.controls.values()],
    "labels": [getattr(_c, "label", None) for _c in _w.controls.values()],
    "digest": _hashlib.sha256("\\0".join(_views).encode()).hexdigest(),
    "views": _views if FULL else None, "fresh": _w._render(**_w.state()) if FULL else None}))
del _hashlib, _json, _widgets, _w, _views"""

# Whether the widget in ``area`` shows exactly ``views`` in its HTML views (as the browser
# parses them: the same elements, text and attributes, a picture's data and alt included).
_SHOWS = """(area, views) => {
  const selector = '.widget-vbox > .widget-html > .widget-html-content';
  const shown = Array.from(area.querySelectorAll(selector)).map((view) => view.innerHTML);
  const parsed = document.createElement('template');
  return JSON.stringify(shown) === JSON.stringify(views.map((v) => {
    parsed.innerHTML = v;
    return parsed.innerHTML;
  }));
}"""


def _notebook() -> nbformat.NotebookNode:
    kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    setup = "from pakafghan import load_dataset\nfrom pakafghan.widgets import *\n"
    cells = [setup + "ds = load_dataset()\nshown = {}"]
    cells += [f"shown[{name!r}] = {call}\nshown[{name!r}]" for name, call in CALLS.items()]
    cells += [UNLABELLED, IMPURE]
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": kernelspec})
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    return nb


@pytest.fixture(scope="module")
def page(chromium, tmp_path_factory):
    """The notebook run in JupyterLab, every widget rendered; server and kernel stopped after."""
    folder = tmp_path_factory.mktemp("keyboard")
    nbformat.write(_notebook(), folder / NOTEBOOK)
    server = LabServer(folder, tmp_path_factory.mktemp("jupyterlab")).start()
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        open_notebook(page, server.url(NOTEBOOK), NOTEBOOK)
        result = run_all(page)
        assert result.errors == [], "\n".join(result.errors)
        assert [a["rendered"] for a in result.widget_areas] == [True] * len([*CALLS, *SELF_CHECKS])
        yield page
    finally:
        context.close()
        left = server.stop()
    assert not left, f"processes outlived JupyterLab and had to be killed: {left}"


def _area(page, name: str):
    """The output area of widget ``name`` (its cell comes after the set-up cell)."""
    names = [*CALLS, *SELF_CHECKS]
    cell = panel(page).locator(".jp-CodeCell").nth(1 + names.index(name))
    return cell.locator(".jp-OutputArea-output").first


def _kernel_state(page, name: str, full: bool = False) -> dict:
    """What widget ``name`` holds in the kernel; with ``full``, its views and a fresh render."""
    code = _KERNEL_STATE.replace("NAME", repr(name)).replace("FULL", str(full))
    return json.loads(kernel_print(page, code))


def _focused(page, area) -> dict:
    return area.evaluate(_FOCUSED)


def _name_problem(page, label: str) -> str | None:
    """Why the focused element's accessible name is not ``label`` (Playwright computes it)."""
    from playwright.sync_api import expect

    try:
        expect(page.locator("*:focus")).to_have_accessible_name(label, timeout=500)
    except AssertionError as error:
        return str(error).splitlines()[0]
    return None


def tab_stops(page, area, descriptions: list[str], act=None) -> list[str]:
    """Tab from ``area`` through its widget's controls; return what is wrong with the stops.

    Each control must be one Tab stop, in order, labelled by its description; ``act(control,
    focused)`` runs on each stop that is (to change its value with keys) before the next Tab.
    """
    area.evaluate("(a) => { a.tabIndex = -1; a.focus(); }")
    problems, reached = [], []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        focused = _focused(page, area)
        control = focused["control"]
        if control < 0:
            break
        where = f"Tab stop {len(reached) + 1} ({focused['kind']}, control {control + 1})"
        again = control in reached
        reached.append(control)
        wanted = descriptions[control]
        if again:
            problems.append(f"{where}: a second Tab stop in one control")
        elif not focused["label"]:
            problems.append(f"{where}: no visible label tied to it (description {wanted!r})")
        elif focused["label"] != wanted:
            problems.append(f"{where}: visible label {focused['label']!r}, not {wanted!r}")
        elif problem := _name_problem(page, wanted):
            problems.append(f"{where}: {problem}")
        elif act is not None:
            act(control, focused)
    else:
        problems.append(f"focus did not leave the controls after {MAX_STOPS} Tabs")
    order = [c + 1 for c in reached]
    if order != list(range(1, len(descriptions) + 1)):
        problems.append(f"Tab reaches controls {order}, not each of {len(descriptions)} once")
    return problems


def _choose(page, area, keys: list[str]) -> dict:
    for key in keys:
        page.keyboard.press(key)
        page.wait_for_timeout(KEY_MS)
    return _focused(page, area)


def _shows_kernel_view(page, area, name: str, stop: int, chosen: str) -> None:
    """Wait until the kernel has ``chosen`` for control ``stop`` and has stopped changing, and
    the page shows exactly its widget's views (HTML and picture), rendered from its values."""
    state = full = None
    for _ in range(KERNEL_MS // POLL_MS):  # short answers until two in a row agree, and the
        latest = _kernel_state(page, name)  # full views still agree with them (one change can
        if latest["labels"][stop] == chosen and latest == state:  # set off further ones)
            full = _kernel_state(page, name, full=True)
            if full["digest"] == latest["digest"]:
                break
        state = latest
        page.wait_for_timeout(POLL_MS)
    assert state["labels"][stop] == chosen, f"the kernel did not get {chosen!r}: {state['labels']}"
    assert full is not None and full["digest"] == state["digest"], (
        f"the kernel's views were still changing after {KERNEL_MS} ms"
    )
    assert full["views"][-1] == full["fresh"], "the HTML shown is not render()'s for the values"
    shows = f"([area, views]) => ({_SHOWS})(area, views)"
    if not wait_until(page, shows, [area.element_handle(), full["views"]], KERNEL_MS):
        shown = view_of(page.locator("*:focus"))["html"][:300]
        raise AssertionError(f"the page shows {shown!r}, not {full['views'][-1][:300]!r}")


def _keyboard_changes(page, area, name: str):
    """What changes each control from the keyboard, forwards and back, checking each result."""

    def act(stop: int, focused: dict) -> None:
        options, index = focused["options"], focused["index"]
        assert focused["kind"] == "select", f"no keys known for a {focused['kind']}"
        assert len(options) > 1, f"control {stop + 1} has nothing to choose: {options}"
        typed = TYPED.get((name, stop))
        if typed is not None:
            steps = [["Alt+ArrowDown", *typed, "Enter"], ["Home"]]
        elif index < len(options) - 1:
            steps = [["Alt+ArrowDown", "ArrowDown", "Enter"], ["Alt+ArrowDown", "ArrowUp", "Enter"]]
        else:
            steps = [["Alt+ArrowDown", "ArrowUp", "Enter"], ["Alt+ArrowDown", "ArrowDown", "Enter"]]
        for keys in steps:
            before = _focused(page, area)["value"]
            after = _choose(page, area, keys)
            assert after["value"] != before, f"{' '.join(keys)} left {before!r} as it was"
            if typed is not None and keys[-1] == "Enter":
                assert after["value"].startswith(typed), after["value"]
            _shows_kernel_view(page, area, name, stop, after["value"])
        assert _focused(page, area)["index"] == index, "not back to the first choice"

    return act


@pytest.mark.parametrize("name", list(CALLS))
def test_each_control_is_labelled_and_works_from_the_keyboard(page, name, screenshots, note):
    area = _area(page, name)
    area.scroll_into_view_if_needed()
    descriptions = _kernel_state(page, name)["descriptions"]
    problems = tab_stops(page, area, descriptions, act=_keyboard_changes(page, area, name))
    assert problems == [], f"{name}:\n" + "\n".join(problems)
    area.locator(".widget-hbox").first.screenshot(path=screenshots(f"keyboard/{name}"))
    controls = plural(len(descriptions), "control")
    note(f"keyboard: {name}: {controls}, each reached by Tab and changed by keys")


def test_every_widget_is_checked():
    assert set(CALLS) == set(lesson_widgets.__all__) - {"LessonWidget"}


def test_the_label_check_catches_unlabelled_controls(page):
    """Not vacuous: a dropdown without a description, a range slider's unnamed handles and
    toggle buttons (whose group label is tied to no button) all fail it."""
    area = _area(page, "unlabelled")
    area.scroll_into_view_if_needed()
    problems = tab_stops(page, area, _kernel_state(page, "unlabelled")["descriptions"])
    assert problems == [
        "Tab stop 1 (select, control 1): no visible label tied to it (description '')",
        "Tab stop 2 (div[role=slider], control 2): no visible label tied to it (description "
        "'Range')",
        "Tab stop 3 (div[role=slider], control 2): a second Tab stop in one control",
        "Tab stop 4 (div, control 2): a second Tab stop in one control",  # its editable readout
        "Tab stop 5 (button, control 3): no visible label tied to it (description 'Toggle')",
        "Tab stop 6 (button, control 3): a second Tab stop in one control",
        "Tab reaches controls [1, 2, 2, 2, 3, 3], not each of 3 once",
    ]


def test_the_view_check_catches_a_view_that_is_not_render_s(page):
    """Not vacuous either: a view that is not what render() gives for the values fails it."""
    area = _area(page, "impure")
    area.scroll_into_view_if_needed()
    descriptions = _kernel_state(page, "impure")["descriptions"]
    with pytest.raises(AssertionError, match="is not render"):
        tab_stops(page, area, descriptions, act=_keyboard_changes(page, area, "impure"))


def test_arrow_keys_on_a_closed_dropdown(page):
    """ArrowDown on a closed dropdown picks the next option, not the next cell (the overrides)."""
    area = _area(page, "sentence_explorer")
    area.scroll_into_view_if_needed()
    area.evaluate("(a) => { a.tabIndex = -1; a.focus(); }")
    page.keyboard.press("Tab")
    before = _focused(page, area)["value"]
    after = _choose(page, area, ["ArrowDown"])
    assert after["control"] == 0 and after["value"] != before
