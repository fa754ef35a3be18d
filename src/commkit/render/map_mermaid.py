"""The ecosystem of a region as a Mermaid flowchart (the map's AS-IS and TO-BE picture)."""

from __future__ import annotations

from commkit.core.region_map import ActorEntry, RegionMap
from commkit.model.common import Text, tr


def _mermaid_label(text: str) -> str:
    return (
        " ".join(text.split())
        .replace("&", "&amp;")
        .replace('"', "#quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "#124;")
    )


SECTOR_TITLES: dict[str, Text] = {
    "state": {"en": "State", "ru": "Государство"},
    "commercial": {"en": "Commercial sector", "ru": "Коммерческий сектор"},
    "non-profit": {"en": "Non-profit sector", "ru": "Некоммерческий сектор"},
    "public": {"en": "Public institutions", "ru": "Общественные институты"},
    "development": {"en": "Development institutions", "ru": "Институты развития"},
}


def mermaid_graph(region_map: RegionMap, lang: str = "en") -> str:
    """A Mermaid flowchart of the ecosystem: actors by sector, linked communities,
    AS-IS links solid, TO-BE links and actors dashed."""
    ids: dict[str, str] = {}

    def node(kind: str, ref: str) -> str:
        key = f"{kind}:{ref}"
        if key not in ids:
            ids[key] = f"{kind[0]}{len(ids) + 1}"
        return ids[key]

    lines = ["flowchart LR"]
    by_sector: dict[str, list[ActorEntry]] = {}
    for actor in region_map.actors:
        by_sector.setdefault(actor.sector, []).append(actor)
    for number, (sector, actors) in enumerate(sorted(by_sector.items()), start=1):
        title = _mermaid_label(tr(SECTOR_TITLES.get(sector, sector), lang))
        lines.append(f'  subgraph s{number}["{title}"]')
        for actor in actors:
            lines.append(f'    {node("actor", actor.id)}["{_mermaid_label(tr(actor.name, lang))}"]')
            if actor.status == "to-be":
                lines.append(f"    class {node('actor', actor.id)} tobe")
        lines.append("  end")
    linked = []
    for link in region_map.links:
        for ref, kind, name in (
            (link.source, link.source_type, link.source_name),
            (link.target, link.target_type, link.target_name),
        ):
            if kind != "actor" and f"{kind}:{ref}" not in ids:
                linked.append(f'  {node(kind, ref)}(["{_mermaid_label(tr(name, lang))}"])')
                if kind == "community":
                    linked.append(f"  class {node(kind, ref)} community")
    lines.extend(linked)
    for link in region_map.links:
        source = node(link.source_type, link.source)
        target = node(link.target_type, link.target)
        label = _mermaid_label(link.kind)
        arrow = "-.->" if link.status == "to-be" else "-->"
        lines.append(f'  {source} {arrow}|"{label}"| {target}')
    lines.append("  classDef tobe stroke-dasharray: 5 5")
    lines.append("  classDef community fill:#eef6ff")
    return "\n".join(lines) + "\n"
