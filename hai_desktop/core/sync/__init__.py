"""Desk ↔ hub synchronisation: the HTTP client, the error classes and the sync engine.

No Qt here: the GUI runs :class:`~hai_desktop.core.sync.engine.SyncEngine` on a worker
thread, the CLI runs it directly.
"""
