"""The model areas mapped ahead, on the caller's thread (the GUI's loading thread and task runner).

The models load by area when first named (nomadcm/models/__init__.py) and SQLAlchemy configures new mappers
at the next query, on whichever thread runs it. The window calls `map_ahead` off the GUI thread once a page's
or the desktop's modules are imported, so that the GUI thread never maps nor configures (measured: opening on
Wellbeing, nine mappers were configured by its first reads on the GUI thread). Importing this module costs
nothing: the data stack is named inside the function, and only used if it is already loaded.
"""

from __future__ import annotations

import sys


def map_ahead(everything: bool = False) -> None:
    """Configures the mappers of the areas imported so far; `everything`: every area first (the pages and
    dialogs still to come)."""
    if "sqlalchemy.orm" not in sys.modules:
        return
    from sqlalchemy.orm import configure_mappers

    if everything:
        from nomadcm.models import load_all

        load_all()
    configure_mappers()
