"""The desk's local SQLite database: connection, models, migrations."""
