"""Browser tests: the lessons in JupyterLab and on the static site, in Debian's Chromium."""
