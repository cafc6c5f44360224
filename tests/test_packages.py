"""``pakafghan.charts`` and ``pakafghan.widgets`` list every builder in ``__all__``: one per
module, named like it is (widgets) or ending in ``_chart`` or ``_map`` (charts)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import pakafghan.charts
import pakafghan.widgets

PACKAGES = {"charts": pakafghan.charts, "widgets": pakafghan.widgets}
BASES = {"charts": "Chart", "widgets": "LessonWidget"}


def _modules(package) -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name != "base")


@pytest.mark.parametrize("name", sorted(PACKAGES))
def test_every_module_exports_one_builder(name):
    package = PACKAGES[name]
    listed = set(package.__all__) - {BASES[name]}
    assert package.__all__ == sorted(package.__all__)
    assert BASES[name] in package.__all__
    for module_name in _modules(package):
        module = importlib.import_module(f"{package.__name__}.{module_name}")
        builders = {
            n
            for n in listed
            if getattr(getattr(module, n, None), "__module__", "") == module.__name__
        }
        assert len(builders) == 1, f"{module.__name__} exports {sorted(builders)}"
    assert len(listed) == len(_modules(package))


@pytest.mark.parametrize("name", sorted(PACKAGES))
def test_each_name_is_a_builder_of_the_package(name):
    package = PACKAGES[name]
    for public in package.__all__:
        builder = getattr(package, public)
        assert callable(builder)
        assert builder.__name__ == public
        assert builder.__module__.startswith(package.__name__ + ".")
    assert set(package.__all__) <= set(dir(package))


def test_widgets_are_named_after_their_modules_and_charts_say_what_they_draw():
    assert set(pakafghan.widgets.__all__) - {"LessonWidget"} == set(_modules(pakafghan.widgets))
    charts = set(pakafghan.charts.__all__) - {"Chart"}
    assert all(c.endswith(("_chart", "_map")) for c in charts)
