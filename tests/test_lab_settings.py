"""The JupyterLab settings the project installs (``tools/jupyter_settings/overrides.json``).

Besides turning off the news pop-up and saving widget state, the overrides let the keyboard
reach a lesson widget's dropdown: JupyterLab's command-mode shortcuts (arrows, letters) fire on
any focused element inside a notebook, so ArrowDown on a closed dropdown moved to the next cell
instead of the next option (ipywidgets issue 3912). Each such shortcut is disabled and added
again with output areas excluded. The test reads the installed JupyterLab's own shortcut list,
so an upgrade that adds a shortcut fails here, naming it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OVERRIDES = ROOT / "tools" / "jupyter_settings" / "overrides.json"
TRACKER = Path(sys.prefix) / "share/jupyter/lab/schemas/@jupyterlab/notebook-extension/tracker.json"
ANY_FOCUS = ".jp-Notebook.jp-mod-commandMode:not(.jp-mod-readWrite) :focus"
OUTSIDE_OUTPUTS = ANY_FOCUS + ":not(.jp-OutputArea-output *)"


def _keyed(shortcuts: list[dict]) -> set[tuple[str, tuple[str, ...]]]:
    return {(s["command"], tuple(s["keys"])) for s in shortcuts}


def test_widgets_in_outputs_keep_their_keys():
    overrides = json.loads(OVERRIDES.read_text(encoding="utf-8"))
    mine = overrides["@jupyterlab/shortcuts-extension:shortcuts"]["shortcuts"]
    lab = json.loads(TRACKER.read_text(encoding="utf-8"))["jupyter.lab.shortcuts"]
    expected = _keyed(s for s in lab if s["selector"] == ANY_FOCUS and s["keys"])
    assert expected, "JupyterLab no longer has command-mode shortcuts on any focused element"
    disabled = _keyed(s for s in mine if s.get("disabled") and s["selector"] == ANY_FOCUS)
    again = _keyed(s for s in mine if not s.get("disabled") and s["selector"] == OUTSIDE_OUTPUTS)
    assert disabled == expected, f"to disable as well: {sorted(expected - disabled)}"
    assert again == expected, f"to add again outside output areas: {sorted(expected - again)}"
    assert len(mine) == 2 * len(expected)


def test_news_stay_off_and_widget_state_is_saved():
    overrides = json.loads(OVERRIDES.read_text(encoding="utf-8"))
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    assert overrides["@jupyter-widgets/jupyterlab-manager:plugin"]["saveState"] is True
