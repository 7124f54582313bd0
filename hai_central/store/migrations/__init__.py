"""Schema migrations ``mNNNN_name.py``, each with ``apply(db)`` in plain SQL (frozen in time,
portable between SQLite and PostgreSQL), numbered 1..N without gaps."""
