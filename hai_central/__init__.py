"""HAI Hub: the central service of the HAI-DJPBN helpdesk (FastAPI + peewee).

The contract with the desk app is ``shared/design/API.md``; the app factory is
:func:`hai_central.main.create_app`, the command line :mod:`hai_central.cli`.
"""

__version__ = "0.1.0"
