"""A real JupyterHub on this machine, and simulated learners who use it.

- :mod:`tools.classroom.hub`: the hub's configuration, and starting and stopping the proxy, the
  hub and everything they start (``python -m tools.classroom serve``, ``make classroom``).
- :mod:`tools.classroom.learners`: one simulated learner, who logs in, gets the learner edition,
  opens a lesson and runs it through their own server's kernel API.
- :mod:`tools.classroom.bench`: a class of learners at once, two faults, and the report
  (``python -m tools.classroom bench --learners 30``, ``make classroom-bench``).
"""
