"""Ordered schema migrations: ``mNNNN_name.py`` modules, each with ``apply(db)`` in plain SQL.

Never edit a migration that has shipped; add the next one. tests/desktop/core/test_migrations.py
upgrades a database from every earlier version.
"""
