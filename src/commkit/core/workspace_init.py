"""The texts of workspace files: a new region (``region init``) and community profiles
(``community add``), each validated as it would be read. Writing them is the API's work
(:mod:`commkit.api.workspace`): the core does no I/O."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TypedDict, Unpack

import yaml

from commkit.errors import ContentError, UserError
from commkit.fsutil import slugify
from commkit.model.loader import forget_source, parse_text, validate_document
from commkit.model.workspace import Community, Leader, Region, Snapshot

# (id, sector, status, en, ru) -- a template of the SME-support ecosystem the article names:
# the state, commercial and non-profit sectors, public and development institutions.
ECOSYSTEM_TEMPLATE: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "regional-government",
        "state",
        "as-is",
        "Regional government (ministry of economic development)",
        "Правительство региона (министерство экономического развития)",
    ),
    (
        "municipalities",
        "state",
        "as-is",
        "Municipal administrations",
        "Администрации муниципалитетов",
    ),
    (
        "sme-support-centre",
        "development",
        "as-is",
        "SME support centre",
        "Центр поддержки предпринимательства",
    ),
    (
        "development-agency",
        "development",
        "as-is",
        "Regional development agency and collective spaces (e.g. Boiling Point)",
        "Региональное агентство развития и коллективные пространства (например, «Точка кипения»)",
    ),
    (
        "chamber-of-commerce",
        "non-profit",
        "as-is",
        "Chamber of Commerce and Industry",
        "Торгово-промышленная палата",
    ),
    (
        "business-associations",
        "public",
        "as-is",
        "Business associations and unions of entrepreneurs",
        "Объединения и союзы предпринимателей",
    ),
    (
        "technoparks-it-clusters",
        "commercial",
        "as-is",
        "Technoparks and IT clusters",
        "Технопарки и ИТ-кластеры",
    ),
    (
        "banks-business-services",
        "commercial",
        "as-is",
        "Banks and business-service companies",
        "Банки и компании деловых услуг",
    ),
    (
        "business-ambassadors-club",
        "public",
        "to-be",
        "Business Ambassadors Club",
        "Клуб бизнес-амбассадоров",
    ),
    (
        "community-manager-service",
        "development",
        "to-be",
        "Community manager service",
        "Служба комьюнити-менеджеров",
    ),
    (
        "business-initiative-lab",
        "development",
        "to-be",
        "Business Initiative Lab",
        "Лаборатория бизнес-инициатив",
    ),
)

LINK_TEMPLATE: tuple[tuple[str, str, str, str], ...] = (
    ("chamber-of-commerce", "regional-government", "advocacy", "as-is"),
    ("business-associations", "regional-government", "advocacy", "as-is"),
    ("regional-government", "community-manager-service", "sponsor", "to-be"),
    ("business-initiative-lab", "regional-government", "initiatives", "to-be"),
)


def _q(text: str) -> str:
    """A YAML scalar that always reads back as the same string (JSON is YAML)."""
    return json.dumps(text, ensure_ascii=False)


def region_yaml(name: str, country: str | None = None, lang: str = "en") -> str:
    """The text of a new ``region.yaml``: commented, with the ecosystem template."""
    lines = [
        "# The region of this workspace. Edit freely; check with: commkit validate .",
        "kind: region",
        'version: "1"',
        f"name: {_q(name)}",
    ]
    if country:
        lines.append(f"country: {_q(country)}")
    lines += [
        f"language: {lang}",
        "",
        "# Who runs the method here (roles: regional-team, community-manager,",
        "# government-liaison, business-ambassador, community-leader).",
        "team: []",
        "",
        "# The SME-support ecosystem, AS-IS (what exists) and TO-BE (what is to be created).",
        "# Sectors: state, commercial, non-profit, public, development. A link joins two",
        "# actors or an actor and a community (by its slug); 'status: to-be' marks what is",
        "# still to build.",
        "ecosystem:",
        "  actors:",
    ]
    for actor_id, sector, status, en, ru_text in ECOSYSTEM_TEMPLATE:
        lines += [
            f"    - id: {actor_id}",
            "      name:",
            f"        en: {_q(en)}",
            f"        ru: {_q(ru_text)}",
            f"      sector: {sector}",
        ]
        if status != "as-is":
            lines.append(f"      status: {status}")
    lines.append("  links:")
    for source, target, kind, status in LINK_TEMPLATE:
        lines += [f"    - source: {source}", f"      target: {target}", f"      kind: {kind}"]
        if status != "as-is":
            lines.append(f"      status: {status}")
    return "\n".join(lines) + "\n"


README_EN = """# {name}: business communities workspace

This folder is the region's Business Community Map, kept with
[commkit](https://pypi.org/project/commkit/). Keep it in git: every file is plain YAML.

| path | what |
| --- | --- |
| `region.yaml` | the region, the team, the ecosystem actors and links (AS-IS and TO-BE) |
| `communities/<slug>.yaml` | one profile per community: leaders, platform, metric snapshots |
| `assessments/<slug>/<date>.yaml` | self-identification results (written by `commkit assess`) |

Common commands (run them in this folder):

    commkit community add --name "Club name" --leader "Full Name" --platform Telegram --members 40
    commkit assess --workspace . --community club-name
    commkit map . --out map.md --csv map.csv
    commkit progress club-name --workspace .
    commkit validate .

Add a new metric snapshot (date and figures) to a profile whenever the community reports
figures; the map always shows the latest one and `progress` shows the change.
"""

README_RU = """# {name}: рабочая папка бизнес-сообществ

Эта папка — карта бизнес-сообществ региона, которую ведут с помощью commkit.
Храните её в git: все файлы — обычный YAML.

| путь | что там |
| --- | --- |
| `region.yaml` | регион, команда, участники экосистемы и связи («как есть» и «как должно быть») |
| `communities/<slug>.yaml` | профиль сообщества: лидеры, площадка, замеры показателей |
| `assessments/<slug>/<дата>.yaml` | результаты самоидентификации (пишет `commkit assess`) |

Основные команды (из этой папки):

    commkit community add --name "Название клуба" --leader "Имя Фамилия" --members 40
    commkit assess --workspace . --community nazvanie-kluba
    commkit --lang ru map . --out map.md --csv map.csv
    commkit progress nazvanie-kluba --workspace .
    commkit validate .

Когда сообщество сообщает новые цифры, добавьте в профиль новый замер (дату и показатели):
карта покажет последний, а `progress` — изменения.
"""


def region_readme(name: str, lang: str = "en") -> str:
    """The README of a new workspace, in the region's language."""
    return (README_RU if lang == "ru" else README_EN).format(name=name)


def parse_region(text: str, path: Path) -> Region:
    """Validate region text with located errors (used on what ``init`` is about to write)."""
    try:
        return validate_document(parse_text(text, path), Region)
    finally:
        forget_source(path)


class CommunityDetails(TypedDict, total=False):
    """What a new community's profile says besides its name (every key may be left out)."""

    slug: str | None
    leaders: Iterable[str]
    platform: str | None
    format: str
    formalised: bool
    founded: str | None
    description: str | None
    members: int | None
    events: int | None
    projects: int | None
    snapshot_date: dt.date | None


def new_community(name: str, **details: Unpack[CommunityDetails]) -> Community:
    """A validated community profile; figures given become its first snapshot."""
    from pydantic import ValidationError

    name = name.strip()
    if not name:
        raise UserError("the community needs a name (--name)")
    data: dict[str, object] = {
        "kind": "community",
        "version": "1",
        "slug": details.get("slug") or slugify(name),
        "name": name,
        "leaders": [
            Leader(name=n.strip()).model_dump() for n in details.get("leaders") or () if n.strip()
        ],
        "format": details.get("format", "online"),
        "formalised": details.get("formalised", False),
    }
    texts = {k: details.get(k) for k in ("description", "platform", "founded")}
    data.update({k: v for k, v in texts.items() if v})
    figures = {key: details.get(key) for key in ("members", "events", "projects")}
    if any(v is not None for v in figures.values()):
        snap = {"date": details.get("snapshot_date") or dt.date.today(), "source": "reported"}
        snap.update({k: v for k, v in figures.items() if v is not None})
        data["snapshots"] = [Snapshot.model_validate(snap).model_dump(exclude_defaults=True)]
    try:
        return Community.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'profile'}: {e['msg']}" for e in exc.errors()
        )
        raise UserError(f"invalid community profile: {problems}") from None


def community_yaml(community: Community) -> str:
    """The profile as YAML (header first, defaults left out, Unicode kept readable)."""
    data = community.model_dump(mode="python", exclude_defaults=True)
    data = {"kind": "community", "version": community.version, **data}
    data["snapshots"] = [
        {
            "date": s.date,
            "source": s.source,
            **s.model_dump(exclude_defaults=True, exclude={"date"}),
        }
        for s in community.snapshots
    ]
    if not data["snapshots"]:
        del data["snapshots"]
    text: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return text


def parse_community(text: str, path: Path) -> Community:
    """Read a profile's text back as it would be read from ``path`` (a bug if it fails)."""
    try:
        return validate_document(parse_text(text, path), Community)
    except ContentError as exc:  # pragma: no cover - a bug if it ever happens
        raise UserError("internal error: the profile does not read back", exc.diagnostics) from None
    finally:
        forget_source(path)
