"""An accessibility audit of a Playwright page with axe-core, the engine behind most audits.

axe-core comes from npm (``node_modules/axe-core``, pinned in ``package-lock.json``; ``npm ci``
installs it) and is injected from that file, never from a URL. :func:`audit` runs the rules axe
tags as WCAG 2.0 and 2.1, levels A and AA (:data:`STANDARD`), and returns the violations of impact
``serious`` or ``critical``. What axe cannot judge (whether an alt text is *good*, reading order,
whether the widgets work from the keyboard) is outside this audit.

JupyterLab's own chrome is not our content: :data:`JUPYTERLAB_CHROME` names each part left out
and why, and :data:`JUPYTERLAB_FINDINGS` the findings about JupyterLab's own markup or theme that
are not counted. The notebook's cells (Markdown and outputs, widgets included) are always
audited; :func:`audit_notebook` lays the whole notebook out for the audit first.

Example:
    >>> sorted(STANDARD)
    ['wcag21a', 'wcag21aa', 'wcag2a', 'wcag2aa']
    >>> any(".jp-OutputArea" in selector or ".jp-MarkdownOutput" in selector
    ...     for selector in JUPYTERLAB_CHROME)
    False
    >>> format_violations([])
    'no serious or critical violation'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .chromium import unavailable
from .helpers import ROOT

if TYPE_CHECKING:  # Playwright is imported only once a browser is known to be there
    from playwright.sync_api import Page

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: The axe rule tags run: WCAG 2.0 and 2.1, levels A and AA.
STANDARD = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
SERIOUS = ("serious", "critical")

#: Parts of JupyterLab's page that are JupyterLab's, not the lessons': selector -> why left out.
#: Everything inside a notebook cell's rendered Markdown and outputs stays in the audit.
JUPYTERLAB_CHROME = {
    "#jp-top-panel": "JupyterLab's menu bar and title (JupyterLab's own user interface)",
    "#jp-left-stack": "the file browser and other left side bar panels (JupyterLab's)",
    "#jp-right-stack": "the property inspector and debugger side bar panels (JupyterLab's)",
    ".jp-SideBar": "the side bars' tab strips (JupyterLab's icons and labels)",
    "#jp-bottom-panel": "the status bar (JupyterLab's kernel and cursor indicators)",
    ".lm-DockPanel-tabBar": "the tabs of open documents (JupyterLab's)",
    ".jp-NotebookPanel-toolbar": "the notebook toolbar: run, kernel, cell type (JupyterLab's)",
    ".jp-InputArea-editor": "the code editor (CodeMirror's syntax colours and structure)",
    ".jp-InputPrompt": "the In [n]: prompts (JupyterLab's faint grey, half opacity)",
    ".jp-OutputPrompt": "the Out [n]: prompts (JupyterLab's faint grey, half opacity)",
    ".jp-cell-toolbar": "the per-cell toolbar (move, duplicate, delete: JupyterLab's)",
    ".jp-Collapser": "the clickable bars that collapse a cell (JupyterLab's)",
}

#: Findings inside the notebook that are JupyterLab's, not the lessons': (rule, selector) -> why.
#: Only the elements matching the selector are dropped from that rule's findings.
JUPYTERLAB_FINDINGS = {
    ("aria-required-children", ".jp-WindowedPanel-viewport"): (
        "JupyterLab gives its list of cells role=feed, whose children should have role=article; "
        "the list and the cells' roles are JupyterLab's markup"
    ),
    ("link-in-text-block", ".jp-RenderedMarkdown a"): (
        "JupyterLab's light theme does not underline links in rendered Markdown and colours them "
        "#0d47a1 next to #212121 text (1.9:1); the link is ours, its look JupyterLab's. The "
        "static site underlines them (tools/build_site.py SITE_CSS)"
    ),
}

# For the audit only: JupyterLab's <body> has no height and clips (overflow: hidden), and so does
# its shell, which axe reads as every cell being hidden; nothing overflows them, so the page looks
# the same without the clipping.
_LAYOUT_FOR_AUDIT = "body, .jp-LabShell { overflow: visible !important; }"
# How much taller than its window the notebook is: a window that much taller shows all of it,
# scrolled to the top (JupyterLab pads the end of a notebook by a window's height).
_SCROLLER = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer"
_NOTEBOOK_HEIGHT = f"""() => {{
  const outer = document.querySelector('{_SCROLLER}');
  return outer.scrollHeight - outer.clientHeight;
}}"""
# Scroll the notebook to its top; then whether its last cell ends inside the window.
_ALL_IN_VIEW = f"""() => {{
  const outer = document.querySelector('{_SCROLLER}');
  outer.scrollTop = 0;
  const cells = outer.querySelectorAll('.jp-Cell');
  return cells[cells.length - 1].getBoundingClientRect().bottom <= window.innerHeight;
}}"""

#: What a notebook shows of the lessons: rendered Markdown and outputs (widgets included).
NOTEBOOK_CONTENT = ".jp-RenderedMarkdown, .jp-OutputArea-output"

_HIDING = """([selectors, content]) => selectors.filter((s) => Array.from(
  document.querySelectorAll(s)).some((e) => e.matches(content) || e.querySelector(content)))"""

# Run axe on the document (minus ``exclude``) with the WCAG A/AA rules; keep serious/critical
# findings, less those of ``known`` ([rule, selector] pairs).
_RUN = """async ([exclude, known, tags, impacts]) => {
  const context = exclude.length ? {include: [document], exclude: exclude.map((s) => [s])}
                                 : document;
  const result = await axe.run(context, {
    runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'], elementRef: true});
  const isKnown = (id, node) => known.some(([rule, s]) => rule === id && node.element.matches(s));
  return result.violations.filter((v) => impacts.includes(v.impact))
    .map((v) => ({...v, nodes: v.nodes.filter((n) => !isKnown(v.id, n))}))
    .filter((v) => v.nodes.length)
    .map((v) => ({id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
      nodes: v.nodes.slice(0, 3).map((n) => ({target: n.target.join(' '),
        html: n.html.slice(0, 160), summary: (n.failureSummary || '').slice(0, 200)})),
    }));
}"""


def inject(page: Page) -> None:
    """Put axe-core into ``page`` (from ``node_modules``); skip when it is not installed."""
    if not AXE.is_file():
        unavailable(f"{AXE} is missing: `npm ci` installs axe-core (`make test` runs it)")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))


def audit(
    page: Page,
    exclude: dict[str, str] | None = None,
    known: dict[tuple[str, str], str] | None = None,
) -> list[dict]:
    """The serious and critical WCAG 2.1 A/AA violations in ``page``, outside ``exclude`` and
    less the ``known`` findings ((rule, selector) pairs)."""
    inject(page)
    return page.evaluate(
        _RUN, [list(exclude or {}), [list(k) for k in known or {}], list(STANDARD), list(SERIOUS)]
    )


def audit_notebook(page: Page) -> list[dict]:
    """:func:`audit` of the notebook open in JupyterLab, its chrome left out: the window is made
    as tall as the notebook for the audit (axe checks contrast only for text in the window)."""
    viewport = page.viewport_size
    style = page.add_style_tag(content=_LAYOUT_FOR_AUDIT)
    try:
        extra = page.evaluate(_NOTEBOOK_HEIGHT)
        page.set_viewport_size({"width": viewport["width"], "height": viewport["height"] + extra})
        page.wait_for_timeout(300)  # JupyterLab lays the panels out again
        assert page.evaluate(_ALL_IN_VIEW), "the notebook does not fit the window: audit vacuous"
        return audit(page, JUPYTERLAB_CHROME, JUPYTERLAB_FINDINGS)
    finally:
        page.set_viewport_size(viewport)
        style.evaluate("(s) => s.remove()")


def hiding_content(page: Page, exclude: dict[str, str]) -> list[str]:
    """The selectors of ``exclude`` that would leave some of the notebook's content unaudited."""
    return page.evaluate(_HIDING, [list(exclude), NOTEBOOK_CONTENT])


def format_violations(violations: list[dict]) -> str:
    """The violations as readable lines: rule, impact, help, the first elements that fail."""
    if not violations:
        return "no serious or critical violation"
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}, {v['count']} elements): {v['help']}")
        for node in v["nodes"]:
            lines.append(f"    {node['target']}: {node['html']}")
            if node["summary"]:
                lines.append("      " + " ".join(node["summary"].split()))
    return "\n".join(lines)
