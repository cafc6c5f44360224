"""Print the lessons and the article to PDF for a classroom without devices: ``make handouts``.

``python -m tools.handouts [OUT]`` (default ``build/handouts/``) writes, for each lesson,
``NN_name-instructor.pdf`` (the instructor edition: solutions, outputs, figures and widgets in
their saved state) and ``NN_name-learner.pdf`` (the learner edition: the code, no outputs, ruled
space after each written exercise), and ``article.pdf`` (the primary article on one page, its
sentences numbered as in the lessons). Each lesson page is rendered as the static site renders it
(``tools/build_site.py``: nbconvert and the local widget renderer, nothing from the internet),
styled by ``tools/print.css`` and printed by Debian's Chromium through Playwright (``page.pdf``,
A4, page numbers in the footer), with a list of the sources the page names at the end.

Before printing, each page is laid out at the printed width and measured: the pages it should
fill (its height cut at the page height, each page ending early rather than inside a figure, a
table row or a widget kept whole), and any table, figure or widget wider than the page.

Example:
    >>> ids = ["article", "S3", "S30"]
    >>> named_sources("S30 and S3 disagree, as the article says; S300 is no source", ids)
    ['article', 'S3', 'S30']
    >>> answer_space(nbformat.v4.new_code_cell('answer = ...\\nwrite("start-2", answer)'))
    'handout-answer-space'
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import nbformat
import pandas as pd

from pakafghan import load_dataset
from pakafghan.article import sentences
from pakafghan.html import html_table, html_text
from pakafghan.select import PRIMARY
from tools import build_site

ROOT = build_site.ROOT
INSTRUCTOR_DIR = ROOT / "notebooks" / "instructor"
LEARNER_DIR = ROOT / "notebooks"
PRINT_CSS = Path(__file__).with_name("print.css")
EDITIONS = {"instructor": INSTRUCTOR_DIR, "learner": LEARNER_DIR}
#: The learner editions as run (no solutions): what a learner's screen shows.
EXECUTED_DIR = ROOT / "lessons" / "executed"
NAMED = "Sources named in this handout"
SHOWN = "Sources the lesson names when it is run (its outputs are not printed here)"
#: The tags given (in memory) to a learner's exercises, which print.css follows with ruled space:
#: a larger box after a written exercise (``write``), a smaller one after a checked one (``check``).
ANSWER_SPACE = "handout-answer-space"
SHORT_ANSWER_SPACE = "handout-answer-short"

# A4 with these margins (mm); the footer with the page numbers sits in the bottom margin.
PAGE_MM = (210, 297)
MARGIN_MM = {"top": 12, "bottom": 16, "left": 14, "right": 14}
PX_PER_MM = 96 / 25.4
PRINT_WIDTH_PX = (PAGE_MM[0] - MARGIN_MM["left"] - MARGIN_MM["right"]) * PX_PER_MM
PRINT_HEIGHT_PX = (PAGE_MM[1] - MARGIN_MM["top"] - MARGIN_MM["bottom"]) * PX_PER_MM
FOOTER = (
    '<div style="font: 8px sans-serif; color: #444; width: 100%; margin: 0 14mm; '
    'display: flex; justify-content: space-between;"><span class="title"></span>'
    '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
)
_SOURCE_ID = re.compile(r"\b(?:[SCN]\d+|copy-[a-z]+)\b")
_ARTICLE = re.compile(r"\bthe (?:primary )?article\b", re.IGNORECASE)

# Every widget view has its rendered widget next to it, and every image has loaded.
_READY = """() => Array.from(document.querySelectorAll(
    'script[type="application/vnd.jupyter.widget-view+json"]'))
  .every((s) => s.parentElement.querySelector('.widget-subarea .jupyter-widgets'))
  && Array.from(document.images).every((i) => i.complete)
  && !document.body.textContent.includes('Loading widget')"""

# What is laid out: the elements wider than the printed width, the images, and the pages the
# height fills when cut at the page height, each page ending early rather than inside a block
# that must not be split (``break-inside: avoid`` in print.css) and is shorter than a page.
_MEASURE = """([width, height]) => {
  const wide = [];
  const boxes = document.querySelectorAll(
    'table, pre, img, svg, .widget-subarea > .jupyter-widgets, .jp-OutputArea-output');
  for (const el of boxes) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > width + 1 || r.left < -1)) {
      const name = `${el.tagName.toLowerCase()}.${el.getAttribute('class') || ''}`;
      wide.push(`${name} ${Math.round(r.width)}px`);
    }
  }
  const whole = Array.from(document.body.querySelectorAll('*'))
    .filter((el) => getComputedStyle(el).breakInside === 'avoid')
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.height > 0 && r.height < height)
    .map((r) => [r.top + scrollY, r.bottom + scrollY]);
  const end = document.body.getBoundingClientRect().bottom + scrollY;
  let pages = 1;
  for (let top = 0; top + height < end; pages += 1) {
    const cut = top + height;
    const split = whole.filter(([a, b]) => a > top && a < cut && b > cut).map(([a]) => a);
    top = split.length ? Math.min(...split) : cut;
  }
  return {pages, wide,
    figures: new Set(Array.from(document.images).filter((i) => i.naturalWidth > 0)
      .map((i) => i.currentSrc)).size};
}"""

# Mark for print.css each table wider than the page (to squeeze it), then what it keeps whole
# but is taller than a page (to split it where it must); give the number of tables squeezed.
_MARK = """([width, height]) => {
  const tables = Array.from(document.querySelectorAll('table'))
    .filter((table) => table.getBoundingClientRect().right > width + 1);
  tables.forEach((table) => table.classList.add('handout-squeeze'));
  for (const el of document.body.querySelectorAll('*')) {
    const whole = getComputedStyle(el).breakInside === 'avoid';
    if (whole && el.getBoundingClientRect().height >= height) el.classList.add('handout-tall');
  }
  return tables.length;
}"""

_ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{title}</title><style>{css}</style></head>
<body class="article-handout">
<header>
<h1>{title}</h1>
<p class="record">{record}</p>
</header>
<main>
{sentences}
</main>
<footer>Sentences numbered as in the lessons (<code>pakafghan.article.sentences</code>); the text
as shipped in <code>data/sources/</code>, its record from <code>data/sources.csv</code>
(source <code>{source_id}</code>).</footer>
</body>
</html>
"""


@dataclass(frozen=True)
class Handout:
    """One printed PDF and what was measured before printing it."""

    path: Path
    title: str
    pages: int
    expected_pages: int
    figures: int
    squeezed_tables: int = 0
    too_wide: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


def answer_space(cell: nbformat.NotebookNode) -> str | None:
    """The space a learner's exercise cell gets on paper: :data:`ANSWER_SPACE` where they write
    an answer in words (``write(...)``), :data:`SHORT_ANSWER_SPACE` where a short answer is
    checked (``check(...)``), else None."""
    if cell.cell_type != "code":
        return None
    if re.search(r"^write\(", cell.source, re.M):
        return ANSWER_SPACE
    if re.search(r"^check\(", cell.source, re.M):
        return SHORT_ANSWER_SPACE
    return None


def named_sources(text: str, source_ids: Sequence[str]) -> list[str]:
    """The ids of ``source_ids`` that ``text`` names, in the order of ``source_ids``.

    The primary article counts as named when the text says "the article".
    """
    named = set(_SOURCE_ID.findall(text))
    if _ARTICLE.search(text):
        named.add(PRIMARY)
    return [source_id for source_id in source_ids if source_id in named]


def notebook_text(nb: nbformat.NotebookNode) -> str:
    """The text of a notebook's cells and of their outputs (text, HTML, streams; no images)."""
    parts = []
    for cell in nb.cells:
        parts.append(cell.source)
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            parts += [output.get("text", ""), data.get("text/plain", ""), data.get("text/html", "")]
    return "\n".join(p if isinstance(p, str) else "".join(p) for p in parts)


def source_list(sources: pd.DataFrame, ids: Sequence[str], heading: str = NAMED) -> str:
    """The source list printed at the end of a lesson: one row per source, from ``data/``."""
    rows = sources.set_index("source_id").loc[list(ids)].reset_index()
    rows["url"] = rows["url"].fillna("").replace("", "no address recorded")
    table = html_table(
        rows,
        ["source_id", "publisher", "title", "published_text", "url"],
        ["Source", "Publisher", "Title", "Published", "Address"],
        empty="This page names no source by its id.",
    )
    return (
        f'<section class="handout-sources"><h2>{heading}</h2>'
        "<p>As recorded in <code>data/sources.csv</code>.</p>"
        f"{table}</section>"
    )


def lesson_html(path: Path, edition: str, exporter) -> tuple[str, str]:
    """The lesson page (nbconvert, styled as on the static site) and its title (its first H1).

    In the learner edition each exercise gets the tag that print.css follows with ruled space
    (in memory: the notebook file is not changed).
    """
    nb = nbformat.read(path, as_version=4)
    if edition == "learner":
        for cell in nb.cells:
            space = answer_space(cell)
            if space:
                cell.metadata.setdefault("tags", []).append(space)
    title = build_site.lesson_title(nb, path.stem)
    label = title if f"({edition} edition)" in title else f"{title} ({edition} edition)"
    nav = html_text(f"pakafghan lessons · {edition} edition · {path.name}")
    resources = {"metadata": {"name": label}, "nav": nav, "site_css": build_site.SITE_CSS}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body, title


def article_html(css: str) -> str:
    """The one-page article handout: its source record, then its numbered sentences."""
    ds = load_dataset()
    record = ds.sources.set_index("source_id").loc[PRIMARY]
    address = record["url"] if isinstance(record["url"], str) and record["url"] else None
    details = [
        f"Publisher: {record['publisher']}",
        f"Published: {record['published_text']}",
        f"Address: {address or 'no address recorded'}",
    ]
    numbered = "\n".join(
        f'<p class="sentence"><span class="number">{s.number}</span>{html_text(s.text)}</p>'
        for s in sentences(ds)
    )
    return _ARTICLE_PAGE.format(
        title=html_text(record["title"]),
        css=css,
        record=" · ".join(html_text(d) for d in details),
        sentences=numbered,
        source_id=html_text(PRIMARY),
    )


def page_count(pdf: bytes) -> int:
    """The number of pages of a PDF."""
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def _only_local(route) -> None:
    if route.request.url.startswith(("file:", "data:", "blob:")):
        route.continue_()
    else:
        route.abort()


@contextmanager
def printing_page() -> Iterator:
    """A Chromium page laid out at the printed width, in print media, with no network."""
    from playwright.sync_api import sync_playwright

    from tools.chromium import CHROMIUM, FLAGS, missing_reason

    reason = missing_reason()
    if reason:
        raise SystemExit(f"!! cannot print the handouts: {reason}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        viewport = {"width": round(PRINT_WIDTH_PX), "height": round(PRINT_HEIGHT_PX)}
        context = browser.new_context(viewport=viewport, offline=True)
        context.route("**/*", _only_local)
        page = context.new_page()
        page.emulate_media(media="print")
        try:
            yield page
        finally:
            context.close()
            browser.close()


def print_page(page, target: Path, title: str) -> Handout:
    """Measure the open page as it will print, then print it to ``target``."""
    printed = [PRINT_WIDTH_PX, PRINT_HEIGHT_PX]
    squeezed = page.evaluate(_MARK, printed)
    measured = page.evaluate(_MEASURE, printed)
    pdf = page.pdf(
        path=target,
        format="A4",
        margin={side: f"{mm}mm" for side, mm in MARGIN_MM.items()},
        print_background=True,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=FOOTER,
        tagged=True,
        outline=True,
    )
    return Handout(
        path=target,
        title=title,
        pages=page_count(pdf),
        expected_pages=measured["pages"],
        figures=measured["figures"],
        squeezed_tables=squeezed,
        too_wide=tuple(measured["wide"]),
    )


def print_lesson(
    page,
    html_file: Path,
    target: Path,
    title: str,
    sources: pd.DataFrame,
    shown: str | None = None,
):
    """Open a lesson page, wait for its widgets and figures, add its source list, and print it.

    The list names the sources the printed page names, or, given ``shown`` (the text of the
    lesson run, for a learner edition printed without its outputs), those the run shows."""
    page.goto(html_file.resolve().as_uri())
    page.add_style_tag(content=PRINT_CSS.read_text(encoding="utf-8"))
    try:
        page.wait_for_function(_READY, timeout=60_000)
    except Exception as error:  # Playwright's TimeoutError
        raise SystemExit(f"!! {html_file.name}: widgets or figures did not render") from error
    text = shown if shown is not None else page.evaluate("() => document.body.innerText")
    ids = named_sources(text, list(sources.source_id))
    listed = source_list(sources, ids, NAMED if shown is None else SHOWN)
    page.evaluate("(html) => document.body.insertAdjacentHTML('beforeend', html)", listed)
    return replace(print_page(page, target, title), sources=tuple(ids))


def build(out: Path) -> list[Handout]:
    """Print every lesson in both editions, and the article, into ``out``, with one browser.

    Returns the handouts in the order printed (per lesson: instructor, learner; then the article).
    """
    out.mkdir(parents=True, exist_ok=True)
    sources = load_dataset().sources
    exporter = build_site.exporter()
    handouts = []
    with tempfile.TemporaryDirectory(prefix="handouts-") as tmp, printing_page() as page:
        pages = Path(tmp)
        build_site.copy_assets(pages)
        for lesson in build_site.lesson_paths(INSTRUCTOR_DIR):
            for edition, folder in EDITIONS.items():
                body, title = lesson_html(folder / lesson.name, edition, exporter)
                html_file = pages / f"{lesson.stem}-{edition}.html"
                html_file.write_text(body, encoding="utf-8")
                target = out / f"{lesson.stem}-{edition}.pdf"
                shown = None
                if edition == "learner":  # printed without outputs: list what a run shows
                    shown = notebook_text(nbformat.read(EXECUTED_DIR / lesson.name, as_version=4))
                handouts.append(print_lesson(page, html_file, target, title, sources, shown))
                log_line(handouts[-1])
        article_file = pages / "article.html"
        article_file.write_text(article_html(PRINT_CSS.read_text(encoding="utf-8")), "utf-8")
        page.goto(article_file.resolve().as_uri())
        title = str(sources.set_index("source_id").loc[PRIMARY, "title"])
        handouts.append(print_page(page, out / "article.pdf", title))
        log_line(handouts[-1])
    return handouts


def log_line(handout: Handout) -> None:
    """Log one line for a printed PDF: its pages (and the expectation), figures and problems."""
    named = f", {len(handout.sources)} sources named" if handout.sources else ""
    count = handout.squeezed_tables
    squeezed = f", {count} wide tables squeezed" if count else ""
    wide = f"; TOO WIDE: {', '.join(handout.too_wide)}" if handout.too_wide else ""
    print(
        f">> {handout.path}  {handout.pages} pages (expected {handout.expected_pages}), "
        f"{handout.figures} figures{named}{squeezed}{wide}",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.handouts", description=__doc__)
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "build" / "handouts")
    args = parser.parse_args(argv)
    handouts = build(args.out)
    too_wide = [h.path.name for h in handouts if h.too_wide]
    print(f">> {len(handouts)} PDFs in {args.out}")
    if too_wide:
        print(f"!! wider than the page: {', '.join(too_wide)}", file=sys.stderr)
    return 1 if too_wide else 0


if __name__ == "__main__":
    sys.exit(main())
