"""Build the offline static site: every lesson as a web page, widgets included, and an index.

``python -m tools.build_site [OUT]`` (``make html``; default ``OUT`` is ``site/``) renders the
learner editions, executed (``lessons/executed/``: the lessons with their outputs, never the
solutions), and writes ``index.html`` listing the lessons in order, one page per lesson, a page
for each document the lessons link to (:data:`DOCUMENTS`: the glossary and the codebooks, in the
lessons' styling), the data files those documents link to, and ``_static/`` with the widget
renderer (npm ``@jupyter-widgets/html-manager``) and ``require.js`` (npm ``requirejs``) copied
from ``node_modules/`` (``npm ci`` installs them). Nothing is loaded from a CDN and MathJax
is left out, so the pages work with no internet; open ``OUT/index.html`` from disk.

Links between these (``../GLOSSARY.md``, ``03_actors.ipynb``) are rewritten to point at the
site's pages. The site's stylesheet (:data:`SITE_CSS`) fixes what an accessibility audit (axe,
WCAG 2.1 AA) finds in nbconvert's lab styling: faint prompts, low-contrast code colours, links
told apart by colour alone.

Widgets show the state saved in the notebook (``make execute`` saves it). A lesson that was never
run, or whose saved state does not cover every widget it shows, is executed first (in memory: the
notebook file is not changed).

Example:
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Who met where")])
    >>> lesson_title(nb, "01_x")
    'Who met where'
    >>> needs_execution(nb)
    False
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
from jinja2 import DictLoader
from nbconvert import HTMLExporter

from pakafghan.html import html_text
from tools.run_notebooks import execute

ROOT = Path(__file__).resolve().parents[1]
#: The learner editions, executed (``make editions``): what learners may read, never solutions.
LESSONS_DIR = ROOT / "lessons" / "executed"
NODE_MODULES = ROOT / "node_modules"
STATIC = "_static"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
# The renderer bundle loads its icon fonts from files next to it.
_RENDERER_DIST = "@jupyter-widgets/html-manager/dist"
_RENDERER_FILES = (
    "embed-amd.js",
    "embed.js.LICENSE.txt",
    "*.woff",
    "*.woff2",
    "*.ttf",
    "*.eot",
    "*.svg",
)
_FONT_LICENSE = "@fortawesome/fontawesome-free/LICENSE.txt"

#: Documents of the repository that lessons link to, each shown as a page: path -> page.
DOCUMENTS = {
    "GLOSSARY.md": "glossary.html",
    "data/README.md": "codebook.html",
    "data/geo/README.md": "geo-codebook.html",
}

#: What the site changes in nbconvert's lab styling so that every text reaches WCAG AA contrast
#: (4.5:1; ratios measured on the page's backgrounds) and links do not rely on colour alone.
SITE_CSS = """
:root {
  /* Prompts of cells not selected were #616161 at half opacity, #b0b0b0 (2.0:1); now 6.2:1. */
  --jp-cell-prompt-not-active-opacity: 1;
  /* Code colours on the editor's #f5f5f5, from 3.7-4.4:1 to 5.0-5.6:1, each keeping its hue. */
  --jp-mirror-editor-comment-color: #3a7373;
  --jp-mirror-editor-number-color: #007a00;
  --jp-mirror-editor-operator-color: #9020e0;
  --jp-mirror-editor-meta-color: #9020e0;
  --jp-mirror-editor-error-color: #c80000;
}
/* Links in text are underlined: their colour alone differs from the text's by 1.9:1. */
.jp-RenderedHTMLCommon a:link, .jp-RenderedHTMLCommon a:visited, .site-nav a {
  text-decoration: underline;
}
"""

# The lab template without MathJax and Mermaid (both would come from a CDN), with the site's
# stylesheet and a lesson bar.
_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}<style>{{ resources.site_css }}</style>{%- endblock html_head_css -%}
{%- block body_header -%}
{{ super() }}
<nav class="site-nav" style="padding:8px 16px">{{ resources.nav }}</nav>
{%- endblock body_header -%}
"""

_INDEX = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>pakafghan lessons</title>
<style>
body {{ font-family: sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em;
  line-height: 1.5; }}
li {{ margin: 0.4em 0; }}
.file {{ color: #555; font-family: monospace; }}
a {{ text-decoration: underline; }}
</style>
</head>
<body>
<main>
<h1>pakafghan lessons</h1>
<p>Pakistan, Afghanistan and an Islamabad meeting, August 2025: the lessons as web pages.
Every fact in them names its source. These pages show the lessons as they were last run; the
interactive controls show their saved state and do not respond here. To explore, change and
answer the exercises, open the lessons in JupyterLab (see the project's README).</p>
<ol class="lessons">
{items}
</ol>
<p>Also on this site: {documents}.</p>
</main>
</body>
</html>
"""


@dataclass(frozen=True)
class Page:
    """One lesson page of the site."""

    source: Path
    href: str
    title: str
    executed: bool


def lesson_paths(folder: Path = LESSONS_DIR) -> list[Path]:
    """The lessons (``NN_name.ipynb`` directly in ``folder``) in lesson order.

    Example:
        >>> all(p.name[:2].isdigit() for p in lesson_paths())
        True
    """
    return sorted(folder.glob("[0-9][0-9]_*.ipynb"))


def lesson_title(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The first Markdown H1 of the notebook, or ``fallback``."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def shown_widget_ids(nb: nbformat.NotebookNode) -> set[str]:
    """The model ids of every widget displayed in the notebook's outputs.

    Example:
        >>> cell = nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output(
        ...     "display_data", {WIDGET_VIEW: {"model_id": "m1"}})])
        >>> shown_widget_ids(nbformat.v4.new_notebook(cells=[cell]))
        {'m1'}
    """
    return {
        output["data"][WIDGET_VIEW]["model_id"]
        for cell in nb.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if WIDGET_VIEW in output.get("data", {})
    }


def saved_widget_ids(nb: nbformat.NotebookNode) -> set[str]:
    """The model ids whose state is saved in the notebook's metadata."""
    return set(nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {}))


def needs_execution(nb: nbformat.NotebookNode) -> bool:
    """True when a code cell was never run or a shown widget has no saved state."""
    never_run = any(
        cell.cell_type == "code" and cell.source.strip() and cell.execution_count is None
        for cell in nb.cells
    )
    return never_run or not shown_widget_ids(nb) <= saved_widget_ids(nb)


def exporter() -> HTMLExporter:
    """nbconvert's lab template with the site's page around it and the local widget renderer
    (the handouts print through it too); the stylesheet comes in ``resources["site_css"]``."""
    return HTMLExporter(
        template_name="lab",
        template_file="site.html.j2",
        extra_loaders=[DictLoader({"site.html.j2": _TEMPLATE})],
        require_js_url=f"{STATIC}/require.js",
        widget_renderer_url=f"{STATIC}/embed-amd.js",
        embed_images=True,
    )


def _nav(pages: list[Page], index: int) -> str:
    links = ['<a href="index.html">All lessons</a>']
    if index > 0:
        links.append(
            f'<a href="{pages[index - 1].href}">&larr; {html_text(pages[index - 1].title)}</a>'
        )
    if index + 1 < len(pages):
        links.append(
            f'<a href="{pages[index + 1].href}">{html_text(pages[index + 1].title)} &rarr;</a>'
        )
    return " | ".join(links)


_HREF = re.compile(r'href="([^"#:]+)(#[^"]*)?"')


def site_link(href: str, folder: Path, lessons: set[str]) -> tuple[str, Path | None]:
    """Where a relative link of a page made from a file in ``folder`` points on the site, and the
    repository file to copy there (None when nothing is to be copied).

    A lesson notebook (``03_actors.ipynb``, ``../notebooks/03_actors.ipynb``) becomes its page, a
    document of :data:`DOCUMENTS` its page, a file of ``data/`` a copy of it at the same path;
    anything else is left as it is.

    Example:
        >>> site_link("02_b.ipynb", ROOT / "lessons" / "executed", {"02_b"})
        ('02_b.html', None)
        >>> site_link("../../GLOSSARY.md", ROOT / "lessons" / "executed", set())
        ('glossary.html', None)
        >>> href, copy = site_link("datapackage.json", ROOT / "data", set())
        >>> href, copy.as_posix()
        ('data/datapackage.json', 'data/datapackage.json')
        >>> site_link("index.html", ROOT / "lessons", set())
        ('index.html', None)
    """
    target = Path(href)
    if target.suffix == ".ipynb" and target.stem in lessons:
        return f"{target.stem}.html", None
    resolved = (folder / target).resolve()
    if not resolved.is_relative_to(ROOT):
        return href, None
    inside = resolved.relative_to(ROOT)
    if inside.as_posix() in DOCUMENTS:
        return DOCUMENTS[inside.as_posix()], None
    if resolved.is_file() and inside.parts[0] == "data":
        return inside.as_posix(), inside
    return href, None


def link_site(body: str, folder: Path, lessons: set[str]) -> tuple[str, set[Path]]:
    """``body`` with its relative links pointed at the site (:func:`site_link`), and the
    repository files they need copied.

    Example:
        >>> link_site('<a href="02_b.ipynb#Top">', ROOT / "lessons", {"02_b"})
        ('<a href="02_b.html#Top">', set())
    """
    files: set[Path] = set()

    def point(match: re.Match) -> str:
        href, copy = site_link(match[1], folder, lessons)
        if copy is not None:
            files.add(copy)
        return f'href="{href}{match[2] or ""}"'

    return _HREF.sub(point, body), files


def index_html(pages: list[Page], documents: list[Page]) -> str:
    """The index page: the lessons as an ordered list of links, then the documents.

    Example:
        >>> page = index_html([Page(Path("01_a.ipynb"), "01_a.html", "A & B", False)],
        ...     [Page(Path("GLOSSARY.md"), "glossary.html", "Glossary", False)])
        >>> '<a href="01_a.html">A &amp; B</a>' in page, '<a href="glossary.html">' in page
        (True, True)
    """
    items = "\n".join(
        f'<li><a href="{p.href}">{html_text(p.title)}</a> '
        f'<span class="file">{html_text(p.source.name)}</span></li>'
        for p in pages
    )
    links = ", ".join(f'<a href="{d.href}">{html_text(d.title)}</a>' for d in documents)
    return _INDEX.format(items=items, documents=links)


def document_notebook(path: Path) -> nbformat.NotebookNode:
    """A Markdown document as a notebook of one Markdown cell (rendered like a lesson's text).

    Example:
        >>> lesson_title(document_notebook(ROOT / "GLOSSARY.md"), "x")
        'Glossary'
    """
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(path.read_text("utf-8"))])


def copy_assets(out: Path, node_modules: Path = NODE_MODULES) -> None:
    """Copy the widget renderer, its fonts and notices, and require.js into ``out/_static``."""
    dist = node_modules / _RENDERER_DIST
    sources = {f.name: f for pattern in _RENDERER_FILES for f in dist.glob(pattern)}
    sources["require.js"] = node_modules / "requirejs" / "require.js"
    sources["LICENSE-fontawesome.txt"] = node_modules / _FONT_LICENSE
    missing = [] if "embed-amd.js" in sources else ["embed-amd.js"]
    missing += [name for name, file in sources.items() if not file.is_file()]
    if missing:
        raise SystemExit(
            f"!! {node_modules} lacks {', '.join(missing)}: run `npm ci` in the project folder "
            "(`make html` does it)"
        )
    static = out / STATIC
    shutil.rmtree(static, ignore_errors=True)
    static.mkdir(parents=True)
    for name, file in sorted(sources.items()):
        shutil.copyfile(file, static / name)


def build(
    out: Path, notebooks: list[Path] | None = None, force_execute: bool = False
) -> list[Page]:
    """Render ``notebooks`` (default: every lesson) into ``out``; return the pages in order."""
    notebooks = lesson_paths() if notebooks is None else notebooks
    out.mkdir(parents=True, exist_ok=True)
    copy_assets(out)
    loaded, pages = [], []
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        executed = force_execute or needs_execution(nb)
        if executed:
            nb = execute(path)
        loaded.append(nb)
        pages.append(Page(path, f"{path.stem}.html", lesson_title(nb, path.stem), executed))
    documents = {}
    for name, href in DOCUMENTS.items():
        nb = document_notebook(ROOT / name)
        documents[Page(ROOT / name, href, lesson_title(nb, name), False)] = nb
    for stale in out.glob("*.html"):
        stale.unlink()
    html_exporter = exporter()
    lessons = {page.source.stem for page in pages}
    files: set[Path] = set()
    every = [(page, loaded[n], _nav(pages, n)) for n, page in enumerate(pages)]
    every += [(page, nb, _nav([], 0)) for page, nb in documents.items()]
    for page, nb, nav in every:
        resources = {"metadata": {"name": page.title}, "nav": nav, "site_css": SITE_CSS}
        body, _ = html_exporter.from_notebook_node(nb, resources=resources)
        body, needed = link_site(body, page.source.parent, lessons)
        (out / page.href).write_text(body, encoding="utf-8")
        files |= needed
    for name in sorted(files):
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, out / name)
    (out / "index.html").write_text(index_html(pages, list(documents)), encoding="utf-8")
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.build_site", description=__doc__)
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--notebooks", type=Path, default=LESSONS_DIR, help="lesson folder")
    parser.add_argument("--execute", action="store_true", help="run every lesson first")
    args = parser.parse_args(argv)
    lessons = lesson_paths(args.notebooks)
    if not lessons:
        print(f"!! no lessons (NN_name.ipynb) in {args.notebooks}", file=sys.stderr)
        return 1
    for page in build(args.out, lessons, force_execute=args.execute):
        how = "executed" if page.executed else "stored outputs and widget state"
        print(f">> {args.out / page.href}  ({how})")
    print(f">> open {args.out / 'index.html'} in a browser (works offline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
