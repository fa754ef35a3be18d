"""A Perm Krai workspace with scored assessments, shared by the data-export tests."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from commkit import api

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "perm-krai"


def assessed_workspace(target: Path) -> Path:
    """The example copied to ``target`` (its assessments included), plus a later assessment
    of FashionTechPerm with a better answer, so progress has a rising line."""
    shutil.copytree(EXAMPLE, target)
    later = api.load_answers(EXAMPLE / "answers" / "fashiontechperm.yaml")
    later.date = dt.date(2021, 3, 1)
    later.answers["purpose.common-goal"] = later.answers["purpose.common-goal"].model_copy(
        update={"value": 5}
    )
    api.save_assessment(target, api.assess(later, today=dt.date(2021, 3, 1)))
    return target
