"""Chart functions: each takes a :class:`~pakafghan.load.Dataset` and returns a
:class:`~pakafghan.style.Chart` (the figure and its text alternative).

One module per chart: ``coverage``, ``network``, ``stance``, ``locator_map``, ``timeline``,
``publication``.
"""
