"""A Perm Krai workspace with scored assessments, shared by the data-export tests."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from commkit import api

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "perm-krai"


def assessed_workspace(target: Path) -> Path:
    """The example copied to ``target`` with each answers file assessed, one of them twice
    (so progress has two points); dates fixed so outputs are reproducible."""
    shutil.copytree(EXAMPLE, target)
    for path in sorted((EXAMPLE / "answers").glob("*.yaml")):
        answers = api.load_answers(path)
        answers.date = dt.date(2020, 10, 15)
        api.save_assessment(target, api.assess(answers, today=dt.date(2020, 10, 15)))
    later = api.load_answers(EXAMPLE / "answers" / "fashiontechperm.yaml")
    later.date = dt.date(2021, 3, 1)
    later.answers["purpose.common-goal"] = later.answers["purpose.common-goal"].model_copy(
        update={"value": 5}
    )
    api.save_assessment(target, api.assess(later, today=dt.date(2021, 3, 1)))
    return target
