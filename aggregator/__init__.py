"""aggregator: ketamine research-literature evidence from PubMed.

Stages (one module each): ``queries`` -> ``eutils`` -> ``parse`` -> ``store`` -> ``tag`` ->
``table`` -> ``report``/``export``/``digest`` -> ``mail``, with ``cli`` on top.

Example::

    from aggregator import Settings
    from aggregator.store import Store

    with Store(Settings.from_env().db_path) as store:
        print(store.status())
"""

from __future__ import annotations

from . import native

# before any submodule is imported: the compiled build of the hot modules, when it matches
# the sources (see aggregator.native)
native.activate(__path__)

from .config import Settings
from .errors import AggregatorError
from .models import Record, Tag, Tags

__all__ = ["AggregatorError", "Record", "Settings", "Tag", "Tags"]
__version__ = "0.1.0"
