"""The database underneath the store: engines and the SQLite driver, column types, the tables, SQL
helpers shared by queries and writes, and the Alembic migrations (the only way the schema changes)."""
