"""The library's layers run one way: each import of a ``pakafghan`` module is checked.

data access and validation → domain → presentation helpers → charts → widgets; exercises use
only the data, the domain and the presentation helpers. A widget may show a chart but never
imports another widget (the shared base aside); nothing below charts imports a chart, a widget
or an exercise. Every module must be placed in a layer here, so a new module cannot slip past.
Imports inside functions and under ``TYPE_CHECKING`` count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

LIB = Path(__file__).resolve().parents[1] / "lib"
PACKAGE = LIB / "pakafghan"

#: Every module of the package, by layer (the number orders the layers).
LAYERS = {
    "data": (
        0,
        {
            "pakafghan",
            "pakafghan.__main__",
            "pakafghan.checks",
            "pakafghan.codebook",
            "pakafghan.csvread",
            "pakafghan.datadir",
            "pakafghan.evidence",
            "pakafghan.geo",
            "pakafghan.handin",
            "pakafghan.load",
            "pakafghan.problems",
            "pakafghan.rules",
            "pakafghan.schema",
            "pakafghan.tablecache",
            "pakafghan.validate",
            "pakafghan.vocabulary",
        },
    ),
    "domain": (
        1,
        {
            "pakafghan.actors",
            "pakafghan.article",
            "pakafghan.claims",
            "pakafghan.conflicts",
            "pakafghan.context",
            "pakafghan.relations",
            "pakafghan.select",
            "pakafghan.timing",
            "pakafghan.views",
        },
    ),
    "presentation": (
        2,
        {
            "pakafghan.aftermath",
            "pakafghan.article_html",
            "pakafghan.excerpts",
            "pakafghan.html",
            "pakafghan.report",
            "pakafghan.scratch",
            "pakafghan.style",
            "pakafghan.text",
        },
    ),
    "charts": (3, {"pakafghan.charts"}),
    "widgets": (4, {"pakafghan.widgets"}),
    # Exercises sit beside the presentation helpers: they check answers from the data and the
    # domain and show their feedback, but never need a chart or a widget.
    "exercises": (2, {"pakafghan.exercises"}),
}

#: Packages whose every submodule shares the package's layer.
_PACKAGES = ("pakafghan.charts", "pakafghan.widgets", "pakafghan.exercises")
#: The only module a widget may import from another widget's package.
WIDGET_BASE = "pakafghan.widgets.base"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(LIB).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _layer(module: str) -> str:
    for package in _PACKAGES:
        if module == package or module.startswith(package + "."):
            return next(name for name, (_, mods) in LAYERS.items() if package in mods)
    for name, (_, modules) in LAYERS.items():
        if module in modules:
            return name
    raise LookupError(module)


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import of a pakafghan module in ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
    return [(line, m) for line, m in found if m == "pakafghan" or m.startswith("pakafghan.")]


def _known(name: str, modules: set[str]) -> str | None:
    """The module ``name`` refers to (``from pakafghan.x import f`` names pakafghan.x.f)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _broken(importer: str, imported: str) -> str | None:
    """Why ``importer`` may not import ``imported``, or ``None`` if it may."""
    a, b = _layer(importer), _layer(imported)
    if b == "exercises" and a != "exercises":
        return "only exercises import exercises"
    if a == "exercises" and b in ("charts", "widgets"):
        return "exercises use only the data, the domain and the presentation helpers"
    widget_package = ("pakafghan.widgets", WIDGET_BASE)
    if a == b == "widgets" and importer not in widget_package and imported not in widget_package:
        return "a widget does not import another widget (only the shared base)"
    if LAYERS[b][0] > LAYERS[a][0]:
        return f"{a} must not import from {b}, a layer above it"
    return None


def _graph() -> list[tuple[str, int, str]]:
    files = sorted(PACKAGE.rglob("*.py"))
    modules = {_module_name(p) for p in files}
    edges = []
    for path in files:
        importer = _module_name(path)
        for line, name in _imports(path):
            imported = _known(name, modules)
            if imported is not None and imported != importer:
                edges.append((importer, line, imported))
    return sorted(set(edges))


def test_every_module_has_a_layer():
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        try:
            _layer(_module_name(path))
        except LookupError:
            missing.append(_module_name(path))
    assert not missing, f"place these modules in a layer in tests/test_layers.py: {missing}"


def test_imports_run_one_way():
    wrong = []
    for importer, line, imported in _graph():
        why = _broken(importer, imported)
        if why:
            where = PACKAGE.parent / (importer.replace(".", "/") + ".py")
            if not where.exists():
                where = where.with_suffix("") / "__init__.py"
            wrong.append(f"{where.relative_to(LIB)}:{line}: imports {imported}: {why}")
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)


@pytest.mark.parametrize(
    ("importer", "imported", "expected"),
    [
        ("pakafghan.exercises.actors", "pakafghan.charts.network", "exercises use only"),
        ("pakafghan.exercises.security", "pakafghan.widgets.claims_browser", "exercises use"),
        ("pakafghan.widgets.source_versions", "pakafghan.widgets.claims_browser", "a widget does"),
        ("pakafghan.report", "pakafghan.widgets.base", "presentation must not import"),
        ("pakafghan.views", "pakafghan.html", "domain must not import from presentation"),
        ("pakafghan.load", "pakafghan.select", "data must not import from domain"),
        ("pakafghan.charts.network", "pakafghan.exercises", "only exercises import exercises"),
        ("pakafghan.widgets.actor_explorer", "pakafghan.charts.network", None),
        ("pakafghan.widgets.claims_browser", "pakafghan.widgets.base", None),
        ("pakafghan.exercises.actors", "pakafghan.relations", None),
        ("pakafghan.exercises.project", "pakafghan.html", None),
    ],
)
def test_the_rule_itself(importer, imported, expected):
    """The checker catches each arrow the code review found, and allows the ones it should."""
    why = _broken(importer, imported)
    if expected is None:
        assert why is None
    else:
        assert why is not None and why.startswith(expected), why


def test_the_graph_is_read(tmp_path):
    """The walk finds imports in functions and under TYPE_CHECKING, not only at the top."""
    source = tmp_path / "m.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    import pakafghan.charts.base\n"
        "def f():\n    from pakafghan.widgets import base\n",
        encoding="utf-8",
    )
    names = [name for _, name in _imports(source)]
    assert "pakafghan.charts.base" in names and "pakafghan.widgets.base" in names
