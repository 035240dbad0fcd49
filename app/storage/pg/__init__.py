"""The office on a PostgreSQL server: connection, workspace, server objects, backup, checks."""
