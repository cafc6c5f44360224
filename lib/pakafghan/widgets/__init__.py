"""Widget builders: each returns an ipywidgets object whose output is a pure function of its
state, so a test can set a value and assert on what is shown (see ``widgets/base.py``).

One module per widget, named like its builder function: ``sentence_explorer``,
``actor_explorer``, ``claims_browser``, ``timeline_filter``, ``source_versions``.
"""
