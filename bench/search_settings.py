"""Settings of the in-process search benchmark: development's, with DEBUG off as in production.

DEBUG keeps every SQL statement in memory and renders templates in debug mode, which would
be measured along with the pages.
"""

from site_kazasso.settings.dev import *  # noqa: F403

DEBUG = False
