"""Widget builders: each returns a :class:`~pakafghan.widgets.base.LessonWidget` whose view is a
pure function of its controls, so a test can set a value and assert on what is shown.

One module per widget, named like its builder; every builder is also here, so a lesson writes
``from pakafghan.widgets import timeline_filter``.

Example:
    >>> import pakafghan.widgets as widgets
    >>> widgets.__all__[:2]
    ['LessonWidget', 'actor_explorer']
"""

from pakafghan.widgets.actor_explorer import actor_explorer
from pakafghan.widgets.base import LessonWidget
from pakafghan.widgets.claims_browser import claims_browser
from pakafghan.widgets.sentence_explorer import sentence_explorer
from pakafghan.widgets.source_versions import source_versions
from pakafghan.widgets.timeline_filter import timeline_filter

__all__ = [
    "LessonWidget",
    "actor_explorer",
    "claims_browser",
    "sentence_explorer",
    "source_versions",
    "timeline_filter",
]
