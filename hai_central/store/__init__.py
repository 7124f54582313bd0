"""Storage: peewee models, the database connection, migrations and change numbers."""
