"""The Zero to JupyterHub sketch and the README's sizing table follow the latest classroom bench.

``deploy/z2jh/values.yaml`` and the table between the README's sizing marks are derived from
``docs/classroom-bench.json`` (``make classroom-bench``) by ``tools/classroom/z2jh.py``; a run
that changes the figures must regenerate both.
"""

from __future__ import annotations

import json

import yaml

from tools.classroom import z2jh


def _figures() -> dict:
    return json.loads(z2jh.FIGURES.read_text(encoding="utf-8"))


def test_the_bench_behind_the_numbers_was_a_whole_class_and_succeeded():
    figures = _figures()
    assert figures["learners"] >= 30
    assert figures["completed"] == figures["learners"]
    assert figures["per_learner_mib"] > figures["per_learner_kernel_mib"] > 0


def test_values_parse_and_match_the_latest_bench():
    text = z2jh.VALUES.read_text(encoding="utf-8")
    assert yaml.safe_load(text) == z2jh.values(_figures())
    assert text == z2jh.values_yaml(_figures()), "run `python -m tools.classroom values`"


def test_values_follow_the_figures():
    """Not vacuous: other figures give other resources."""
    figures = _figures() | {"per_learner_mib": _figures()["per_learner_mib"] + 200}
    assert yaml.safe_load(z2jh.VALUES.read_text(encoding="utf-8")) != z2jh.values(figures)


def test_readme_sizing_table_matches_the_latest_bench():
    readme = z2jh.README.read_text(encoding="utf-8")
    assert readme.count(z2jh.SIZING_MARK) == 2
    assert z2jh.readme_with_table(readme, _figures()) == readme, (
        "run `python -m tools.classroom values`"
    )
