"""The offline static site (``make html``): every lesson as a page, widgets shown, no CDN.

The site is built afresh into a temporary folder with ``tools/build_site.py``. Without a browser
the pages are still checked as files: the index lists the lessons in order, no page loads
anything from the internet, and every widget shown has its state saved in the page. In Chromium,
each page is opened from disk with every request outside the site blocked, and must render its
widgets (their saved state) and figures, and pass an accessibility audit (axe-core, WCAG 2.1 A
and AA rules: no serious or critical violation anywhere on the page). The documents the lessons
link to (glossary, codebooks) are pages of the site too. A screenshot per page goes to
``build/screenshots/site/``.
"""

from __future__ import annotations

import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from . import axe
from .chromium import unavailable
from .helpers import RequestLog, lessons, load_build_site
from .notebook_page import wait_until

build_site = load_build_site()

# Attributes that make a browser fetch something (links in <a> only navigate when clicked).
_FETCHING = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src"}
_REMOTE_CSS = re.compile(r"""(url\(\s*['"]?|@import\s+['"])(https?:)?//""", re.IGNORECASE)
_REMOTE_IMPORT = re.compile(r"""import\(\s*['"](https?:)?//""", re.IGNORECASE)


class _Page(HTMLParser):
    """Collects what a page fetches, its links, and its widget views and saved state."""

    def __init__(self):
        super().__init__()
        self.fetches: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.scripts: dict[str, list[str]] = {}
        self._script_type: str | None = None
        self._link: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in _FETCHING and attrs.get(_FETCHING[tag]):
            self.fetches.append(attrs[_FETCHING[tag]])
        if tag == "script":
            self._script_type = attrs.get("type", "text/javascript")
        if tag == "a" and attrs.get("href"):
            self._link = attrs["href"]
            self.links.append((self._link, ""))

    def handle_endtag(self, tag):
        if tag == "script":
            self._script_type = None
        if tag == "a":
            self._link = None

    def handle_data(self, data):
        if self._script_type is not None:
            self.scripts.setdefault(self._script_type, []).append(data)
        if self._link is not None:
            href, text = self.links[-1]
            self.links[-1] = (href, text + data)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _model_ids(page: _Page) -> tuple[list[str], set[str]]:
    """The widget models a page shows, and those whose state it holds."""
    views = page.scripts.get(build_site.WIDGET_VIEW, [])
    shown = [json.loads(v)["model_id"] for v in views]
    states = page.scripts.get(build_site.WIDGET_STATE, [])
    saved = {m for s in states for m in json.loads(s)["state"]}
    return shown, saved


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, list]:
    found = lessons()
    if not found:
        pytest.skip("no lessons yet")
    if not (build_site.NODE_MODULES / "@jupyter-widgets/html-manager/dist/embed-amd.js").is_file():
        unavailable("node_modules/ is missing: `npm ci` (run by `make html` and `make test`)")
    out = tmp_path_factory.mktemp("site")
    return out, build_site.build(out, found)


def _every_page(pages) -> list[str]:
    return ["index.html", *(page.href for page in pages), *build_site.DOCUMENTS.values()]


def test_index_lists_every_lesson_in_order_then_the_documents(site):
    out, pages = site
    links = parse(out / "index.html").links
    documents = list(build_site.DOCUMENTS.values())
    assert [href for href, _ in links] == [f"{p.stem}.html" for p in lessons()] + documents
    titles = [
        build_site.lesson_title(build_site.document_notebook(build_site.ROOT / path), path)
        for path in build_site.DOCUMENTS
    ]
    assert [text for _, text in links] == [page.title for page in pages] + titles
    for href, _ in links:
        assert (out / href).is_file()


def test_every_link_within_the_site_reaches_a_file_of_the_site(site):
    """Links between lessons, and to the glossary and the codebook (``../GLOSSARY.md``,
    ``../data/README.md`` in the notebooks), lead to pages of the site."""
    out, pages = site
    for name in _every_page(pages):
        hrefs = {href.split("#")[0] for href, _ in parse(out / name).links}
        local = {h for h in hrefs if h and not re.match(r"[a-z]+:", h)}
        assert not {h for h in local if h.endswith((".ipynb", ".md"))}, name
        assert all((out / h).is_file() for h in local), f"{name}: {local}"
    glossary = {href for href, _ in parse(out / pages[0].href).links}
    assert {"glossary.html", "codebook.html"} <= glossary


def test_pages_fetch_nothing_from_outside_the_site(site):
    out, pages = site
    for name in _every_page(pages):
        page = parse(out / name)
        remote = [url for url in page.fetches if re.match(r"(https?:)?//", url)]
        assert remote == [], f"{name} loads from the internet: {remote}"
        local = [u for u in page.fetches if not u.startswith("data:") and not u.startswith("#")]
        assert all((out / url).is_file() for url in local), f"{name}: missing files {local}"
        text = (out / name).read_text(encoding="utf-8")
        assert not _REMOTE_CSS.search(text), f"{name}: a stylesheet loads from the internet"
        assert not _REMOTE_IMPORT.search(text), f"{name}: a script imports from the internet"
        assert "mathjax" not in " ".join(page.fetches).lower()


def test_every_widget_shown_has_its_state_saved(site):
    out, pages = site
    for page in pages:
        shown, saved = _model_ids(parse(out / page.href))
        assert set(shown) <= saved, f"{page.href}: widgets without saved state"


# In the page: each widget view script, whether a widget was rendered next to it, the text of
# the rendered HTML widgets, and every image with its decoded width.
_RENDERED = """() => {
  const views = Array.from(document.querySelectorAll(
    'script[type="application/vnd.jupyter.widget-view+json"]'));
  return {
    views: views.length,
    rendered: views.filter((s) => s.parentElement.querySelector(
      '.widget-subarea .jupyter-widgets')).length,
    html: Array.from(document.querySelectorAll('.widget-html-content')).map((e) => e.textContent),
    images: Array.from(document.images).map((i) => ({complete: i.complete, width: i.naturalWidth})),
    errors: document.body.textContent.includes('Error displaying widget'),
  };
}"""

_SAVED_HTML = """(state) => Object.values(state)
  .filter((m) => m.model_name === 'HTMLModel')
  .map((m) => new DOMParser().parseFromString(m.state.value, 'text/html').body.textContent)"""


def test_pages_render_widgets_and_figures_offline_and_pass_the_audit(
    site, chromium, screenshots, note
):
    out, pages = site
    inside = out.resolve().as_uri() + "/"
    log = RequestLog(lambda url: url.startswith(inside))
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, offline=True)
    log.attach(context)
    page = context.new_page()
    violations = {}  # page -> its serious and critical violations (every page is audited)
    seconds = 0.0

    def audit(name: str) -> None:
        nonlocal seconds
        started = time.monotonic()
        violations[name] = axe.audit(page)
        seconds += time.monotonic() - started

    try:
        page.goto(inside + "index.html")
        assert page.locator("ol.lessons a").count() == len(pages)
        for name in ["index.html", *build_site.DOCUMENTS.values()]:
            page.goto(inside + name)
            audit(name)
        for lesson in pages:
            page.goto(inside + lesson.href)
            views = len(_model_ids(parse(out / lesson.href))[0])
            wait_until(page, f"(n) => ({_RENDERED})().rendered >= n", views)
            shown = page.evaluate(_RENDERED)
            assert not shown["errors"], f"{lesson.href}: a widget failed to render"
            assert shown["rendered"] == shown["views"] == views
            assert all(i["complete"] and i["width"] > 0 for i in shown["images"]), lesson.href
            if views:
                states = parse(out / lesson.href).scripts[build_site.WIDGET_STATE]
                saved = page.evaluate(_SAVED_HTML, json.loads(states[0])["state"])
                assert shown["html"] and set(shown["html"]) <= set(saved), lesson.href
            audit(lesson.href)  # with its widgets rendered
            if views:
                first = page.locator(".widget-subarea").first
                first.evaluate("(e) => e.scrollIntoView({block: 'start'})")
            page.screenshot(path=screenshots(f"site/{Path(lesson.href).stem}"))
            figures = len(shown["images"])
            note(f"site/{lesson.href}: widgets from saved state: {views}; figures: {figures}")
    finally:
        context.close()
    failing = {name: found for name, found in violations.items() if found}
    note(
        f"site: axe ({', '.join(axe.STANDARD)}) on {len(violations)} pages in {seconds:.1f} s: "
        f"{len(failing)} with serious or critical violations"
    )
    assert not failing, "accessibility violations (serious or critical):\n" + "\n".join(
        f"{name}:\n{axe.format_violations(found)}" for name, found in failing.items()
    )
    assert log.outside == [], f"requests outside the site: {log.outside}"
    if any(_model_ids(parse(out / p.href))[0] for p in pages):
        assert inside + "_static/embed-amd.js" in log.seen, "the local widget renderer was not used"


_BAD_PICTURE = '<img src="data:image/png;base64,AAAA">'
# A link told from its text by colour alone (JupyterLab's link and text colours).
_BAD_LINK = (
    '<p style="color:#212121">Some text with <a href="#x" style="color:#0d47a1;'
    'text-decoration:none">a link</a> in it.</p>'
)
# A notebook as JupyterLab lays it out, a picture without alt in a prompt, a Markdown cell and
# an output, a colour-only link in the Markdown and the output, and faint text in the output.
_LAB_LIKE = f"""<html lang="en"><head><title>t</title></head><body><main>
<div class="jp-NotebookPanel"><div class="jp-Notebook"><div class="jp-Cell">
  <div class="jp-InputArea"><div class="jp-InputPrompt">{_BAD_PICTURE}</div>
    <div class="jp-RenderedMarkdown">{_BAD_PICTURE}{_BAD_LINK}</div></div>
  <div class="jp-OutputArea"><div class="jp-OutputArea-output">{_BAD_PICTURE}{_BAD_LINK}
    <p style="color:#bbbbbb">faint text</p></div></div>
</div></div></div></main></body></html>"""


def test_the_audit_fails_bad_content_and_its_exclusions_keep_the_notebooks_content(chromium):
    """The audit is not vacuous: pictures without alt, faint text and links told apart by colour
    alone fail it; leaving JupyterLab's chrome and its known findings out drops the picture in a
    prompt and JupyterLab's link style in Markdown, never what an output shows."""
    page = chromium.new_page()
    try:
        page.set_content(_LAB_LIKE)
        found = {v["id"]: v for v in axe.audit(page)}
        lab = axe.audit(page, axe.JUPYTERLAB_CHROME, axe.JUPYTERLAB_FINDINGS)
        without_chrome = {v["id"]: v for v in lab}
        hiding = axe.hiding_content(page, {**axe.JUPYTERLAB_CHROME, ".jp-Cell": "too wide"})
    finally:
        page.close()
    report = axe.format_violations(list(found.values()))
    assert {"image-alt", "color-contrast"} <= set(found), report
    assert found["image-alt"]["impact"] == "critical"
    assert "image-alt (critical, 3 elements)" in report
    assert without_chrome["image-alt"]["count"] == 2
    targets = " ".join(n["target"] for n in without_chrome["image-alt"]["nodes"])
    assert ".jp-RenderedMarkdown" in targets and ".jp-OutputArea-output" in targets
    assert "color-contrast" in without_chrome
    # JupyterLab's link style is not counted against the Markdown, but is in an output
    assert found["link-in-text-block"]["count"] == 2
    links = without_chrome["link-in-text-block"]
    assert links["count"] == 1 and ".jp-OutputArea-output" in links["nodes"][0]["target"]
    assert hiding == [".jp-Cell"]  # an exclusion that would hide a notebook's content is caught
