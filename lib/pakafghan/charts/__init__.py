"""Chart functions: each takes a :class:`~pakafghan.load.Dataset` and returns a
:class:`~pakafghan.charts.base.Chart` (the figure and its text alternative).

One module per chart; every builder is also here, so a lesson writes
``from pakafghan.charts import timeline_chart``.

Example:
    >>> import pakafghan.charts as charts
    >>> charts.__all__[:3]
    ['Chart', 'coverage_chart', 'locator_map']
"""

from pakafghan.charts.base import Chart
from pakafghan.charts.coverage import coverage_chart
from pakafghan.charts.locator_map import locator_map
from pakafghan.charts.network import network_chart
from pakafghan.charts.publication import publication_chart
from pakafghan.charts.stance import stance_chart
from pakafghan.charts.timeline import timeline_chart

__all__ = [
    "Chart",
    "coverage_chart",
    "locator_map",
    "network_chart",
    "publication_chart",
    "stance_chart",
    "timeline_chart",
]
