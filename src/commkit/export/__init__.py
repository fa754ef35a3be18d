"""Exports of a whole workspace for analysts: a SQLite database for Datasette."""
