"""The printed handouts (``make handouts``): every lesson in both editions, and the article.

The PDFs are printed once, into a temporary folder, with ``tools/handouts.py`` (Debian's
Chromium); without it the tests skip (fail under ``CI=true``). Each PDF is then read back (pypdf;
its text by poppler's ``pdftotext`` where installed): it opens; it has the pages its page,
measured before printing, said it would (the laid-out height cut at the page height, each page
ending early rather than split a block kept whole), within one page or a tenth; its lesson's
title, the source list at the end and a page number on every page are printed, and no
placeholder text; no table or figure was wider than the page; the instructor editions embed at
least the figures of the notebook's outputs and print each widget's saved state; the learner
editions have no outputs and ruled space for each written exercise; the article fits on one page
with every sentence numbered. Page 1 of a few PDFs is rendered with ``pdftoppm`` into
``build/screenshots/handouts/``. The last two tests show the checks failing on what they must
reject.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from pypdf import PdfReader, PdfWriter

from .chromium import missing_reason, unavailable
from .helpers import ROOT, load_build_site

build_site = load_build_site()
PLACEHOLDERS = (
    "No description has been provided",
    "Error displaying widget",
    "Loading widget",
    "[object Object]",
    "Traceback (most recent call last)",
    "{{",
    "{%",
)
SHOWN = ("instructor/04_security", "learner/01_start_here", "learner/04_security")


def texts(pdf: Path) -> list[str]:
    """The text of each page, white space collapsed: by poppler's ``pdftotext`` where it is
    installed (with ``pdftoppm``), else by pypdf (about fifty times slower)."""
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True)
        pages = out.stdout.decode("utf-8").split("\f")[:-1]
    else:
        pages = [page.extract_text() for page in PdfReader(pdf).pages]
    return [" ".join(text.split()) for text in pages]


def missing_page_numbers(pages: list[str]) -> list[int]:
    """The pages (from 1) whose footer lacks "Page n of N"."""
    total = len(pages)
    return [n for n, text in enumerate(pages, 1) if f"Page {n} of {total}" not in text]


def placeholders(text: str) -> list[str]:
    """The placeholder texts found in ``text``."""
    return [p for p in PLACEHOLDERS if p in text]


def embedded_images(reader: PdfReader) -> int:
    """The number of distinct image objects the PDF's pages draw."""
    seen = set()
    for page in reader.pages:
        for ref in page.get("/Resources", {}).get("/XObject", {}).values():
            if ref.get_object().get("/Subtype") == "/Image":
                seen.add(ref.idnum)
    return len(seen)


def figure_alts(reader: PdfReader) -> list[str | None]:
    """The ``/Alt`` text of every figure in the tagged PDF's structure tree (None where missing):
    what a screen reader reads for each picture."""
    alts: list[str | None] = []

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            if node.get("/S") == "/Figure":
                alts.append(node.get("/Alt"))
            if node.get("/K") is not None:
                walk(node["/K"])

    root = reader.trailer["/Root"].get("/StructTreeRoot")
    if root is not None:
        walk(root)
    return alts


def as_expected(pages: int, expected: int) -> bool:
    """True when ``pages`` is within one page or a tenth of ``expected``."""
    return abs(pages - expected) <= max(1, expected // 10)


def figures_in_outputs(nb: nbformat.NotebookNode) -> int:
    """The distinct images the notebook's outputs show (as PNG or SVG; a PDF stores an image
    shown twice once)."""
    return len(
        {
            output["data"].get("image/png") or output["data"]["image/svg+xml"]
            for cell in nb.cells
            for output in cell.get("outputs", [])
            if {"image/png", "image/svg+xml"} & set(output.get("data", {}))
        }
    )


def lesson_title(stem: str) -> str:
    """The lesson's title, from its source (the editions may add "(instructor edition)")."""
    nb = nbformat.read(ROOT / "lessons" / f"{stem}.ipynb", as_version=4)
    return " ".join(build_site.lesson_title(nb, stem).split())


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def saved_widget_openings(nb: nbformat.NotebookNode) -> list[str]:
    """The first five words of each HTML widget's saved value (what its view shows)."""
    state = nb.metadata.get("widgets", {}).get(build_site.WIDGET_STATE, {}).get("state", {})
    openings = []
    for model in state.values():
        if model["model_name"] == "HTMLModel":
            text = _Text()
            text.feed(model["state"]["value"])
            openings.append(" ".join(" ".join(text.parts).split()[:5]))
    return openings


def need_the_browser() -> None:
    """Skip (fail under CI) where Chromium cannot run."""
    reason = missing_reason()
    if reason:
        unavailable(reason)


@pytest.fixture(scope="module")
def printed(tmp_path_factory, note) -> dict[str, tuple]:
    """Every handout, printed once: name ("instructor/04_security", "article") → (handout, PDF
    reader, page texts)."""
    need_the_browser()
    if not (build_site.NODE_MODULES / "@jupyter-widgets/html-manager/dist/embed-amd.js").is_file():
        unavailable("node_modules/ is missing: `npm ci` (run by `make handouts` and `make test`)")
    from tools import handouts

    started = time.monotonic()
    made = handouts.build(tmp_path_factory.mktemp("handouts"))
    note(f"handouts: {len(made)} PDFs printed in {time.monotonic() - started:.0f} s")
    found = {}
    for handout in made:
        stem, _, edition = handout.path.stem.rpartition("-")
        reader = PdfReader(handout.path)
        name = f"{edition}/{stem}" if stem else handout.path.stem
        found[name] = (handout, reader, texts(handout.path))
    return found


def test_every_lesson_is_printed_in_both_editions_and_the_article(printed):
    stems = [path.stem for path in build_site.lesson_paths(ROOT / "lessons")]
    assert len(stems) == 9
    wanted = {f"{edition}/{stem}" for stem in stems for edition in ("instructor", "learner")}
    assert set(printed) == wanted | {"article"}


def test_every_pdf_has_the_pages_it_measured(printed):
    for name, (handout, reader, pages) in printed.items():
        assert len(reader.pages) == handout.pages > 0, name
        assert as_expected(handout.pages, handout.expected_pages), (
            f"{name}: {handout.pages} pages, expected {handout.expected_pages}"
        )
        assert missing_page_numbers(pages) == [], f"{name}: pages without a page number"


def test_titles_sources_and_no_placeholders(printed):
    from tools import handouts

    for name, (handout, _, pages) in printed.items():
        text = " ".join(pages)
        assert placeholders(text) == [], name
        if name != "article":
            assert lesson_title(name.split("/")[1]) in text, f"{name}: title not printed"
            heading = handouts.SHOWN if name.startswith("learner/") else handouts.NAMED
            heading = heading.split(" (")[0]  # a long heading may wrap in the PDF's text
            assert text.find(heading) > text.rfind("Resources and sources"), (
                f"{name}: no source list after the lesson's last section"
            )
            assert handout.sources, f"{name}: names no source"  # every lesson cites one


def test_no_table_or_figure_is_wider_than_the_page(printed):
    wide = {name: h.too_wide for name, (h, _, _) in printed.items() if h.too_wide}
    assert wide == {}


def test_instructor_editions_embed_their_figures(printed):
    for name, (handout, reader, _) in printed.items():
        if name.startswith("instructor/"):
            nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
            assert embedded_images(reader) >= figures_in_outputs(nb), name
            assert embedded_images(reader) >= handout.figures, name
            alts = figure_alts(reader)
            assert len(alts) >= handout.figures and all(alts), f"{name}: a figure has no alt"


def test_widgets_print_their_saved_state(printed):
    shown = 0
    for name, (_, _, pages) in printed.items():
        if name.startswith("instructor/"):
            nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
            text = " ".join(pages)
            missing = [o for o in saved_widget_openings(nb) if o not in text]
            assert missing == [], f"{name}: widgets not printed as saved"
            shown += len(build_site.shown_widget_ids(nb))
    assert shown > 0


def test_learner_editions_have_no_outputs_and_space_to_write(printed):
    from tools.handouts import answer_space

    for name, (handout, reader, pages) in printed.items():
        if name.startswith("learner/"):
            nb = nbformat.read(ROOT / "notebooks" / f"{name.split('/')[1]}.ipynb", as_version=4)
            exercises = sum(answer_space(cell) is not None for cell in nb.cells)
            text = " ".join(pages)
            assert text.count("Your answer:") == exercises > 0, name
            assert handout.figures == embedded_images(reader) == 0, f"{name}: shows outputs"


def test_the_article_fits_one_page_with_its_sentences_numbered(printed, ds):
    from pakafghan.article import sentences

    handout, _, pages = printed["article"]
    assert handout.pages == 1
    for sentence in sentences(ds):
        opening = " ".join(sentence.text.split()[:4])
        assert f"{sentence.number} {opening}" in pages[0], sentence.number


def test_first_pages_render_to_png(printed, screenshots, note):
    if shutil.which("pdftoppm") is None:
        unavailable("pdftoppm is missing: `make browser-deps` installs poppler-utils (as root)")
    for name in (*SHOWN, "article"):
        target = screenshots(f"handouts/{name.replace('/', '-')}")
        pdf = printed[name][0].path
        command = ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"]
        subprocess.run([*command, str(pdf), str(target.with_suffix(""))], check=True)
        assert target.stat().st_size > 1000, target
    note(f"handouts: page 1 of {len(SHOWN) + 1} PDFs rendered to {target.parent}")


def test_the_checks_catch_a_bad_pdf(tmp_path):
    """Each check above, given what it must reject (a blank PDF, a placeholder, a count off)."""
    writer = PdfWriter()
    for _ in range(2):
        writer.add_blank_page(width=595, height=842)
    writer.write(tmp_path / "blank.pdf")
    blank = PdfReader(tmp_path / "blank.pdf")
    assert len(texts(tmp_path / "blank.pdf")) == 2
    assert missing_page_numbers(texts(tmp_path / "blank.pdf")) == [1, 2]
    assert embedded_images(blank) == 0
    assert placeholders("a widget: Loading widget...") == ["Loading widget"]
    assert not as_expected(14, 12) and as_expected(13, 12) and as_expected(22, 20)


def test_the_page_measure_catches_what_is_too_wide_or_moved(tmp_path):
    """A drawing wider than the page is reported; a block kept whole that would straddle the end
    of page 1 moves to page 2 and makes a page of 1.95 page heights print on 3."""
    need_the_browser()
    from tools.handouts import PRINT_HEIGHT_PX, print_page, printing_page

    def block(share: float, whole: bool = False) -> str:
        style = "break-inside: avoid; " if whole else ""
        return f'<div style="{style}height: {round(share * PRINT_HEIGHT_PX)}px"></div>'

    wide = tmp_path / "wide.html"
    wide.write_text('<body><svg width="1200" height="20"></svg></body>', encoding="utf-8")
    moved = tmp_path / "moved.html"
    moved.write_text(f"<body>{block(0.8)}{block(0.4, True)}{block(0.75)}</body>", "utf-8")
    with printing_page() as page:
        page.goto(wide.as_uri())
        too_wide = print_page(page, tmp_path / "w.pdf", "w").too_wide
        assert [entry.split(" ")[0] for entry in too_wide] == ["svg."]
        page.goto(moved.as_uri())
        handout = print_page(page, tmp_path / "m.pdf", "m")
    assert handout.expected_pages == handout.pages == 3
