"""Titles and descriptions of the exported tables and columns (section ``sqlite`` of
:mod:`commkit.i18n`).

Datasette reads them from ``metadata.json``; the database itself keeps plain ids as names
so that queries are the same in every language.
"""

from __future__ import annotations

from typing import Any

from commkit.i18n import section


def datasette_metadata(
    database: str, region: str, lang: str, columns: dict[str, list[str]]
) -> dict[str, Any]:
    """Datasette's ``metadata.json``: the region as title, every table and column described.

    A column name means the same in every table (``source`` of ``links`` aside: "From")."""
    words = section("sqlite", lang)
    tables: dict[str, Any] = {}
    for table, names in columns.items():
        described = {}
        for column in names:
            key = "link_source" if (table, column) == ("links", "source") else column
            if "column_" + key in words:
                described[column] = words["column_" + key]
        tables[table] = {
            "title": words["table_" + table],
            "description": words[f"table_{table}_about"],
            "columns": described,
        }
    tables["_commkit_export"] = {"hidden": True}
    tables["_commkit_sources"] = {"hidden": True}
    for table, facets in FACETS.items():
        tables[table]["facets"] = facets
    return {
        "title": words["title"].format(region=region),
        "description": words["about"],
        "databases": {database: {"tables": tables}},
    }


FACETS: dict[str, list[str]] = {
    "communities": ["format", "platform"],
    "assessments": ["stage", "checklist_version"],
    "latest_assessments": ["stage"],
    "answers": ["status", "dimension"],
    "dimension_scores": ["dimension"],
    "actors": ["sector", "status"],
    "links": ["status", "kind"],
}
"""Facets Datasette offers on opening a table (the columns people filter by)."""
