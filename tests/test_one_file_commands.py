"""One-file ``assess`` and ``plan`` load only what they use, and give the same files."""

from __future__ import annotations

import re
import subprocess
import sys
import warnings
from datetime import date
from pathlib import Path

import pydantic

from commkit import api
from commkit.model.plan import Plan, PlannedAction

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "perm-krai"
FIXTURES = ROOT / "tests" / "fixtures" / "plan"

_RUN = """
import os, sys
{env}
sys.argv = ["commkit", *{args!r}]
from commkit.cli.app import main
try:
    main()
except SystemExit as exc:
    assert not exc.code, exc.code
print("importlib.metadata" in sys.modules, file=sys.stderr)
"""


def run_cli(args: list[str], plugins: str | None) -> bool:
    """Run the command line in a fresh process; True when it imported importlib.metadata."""
    if plugins is None:
        env = "os.environ.pop('PYDANTIC_DISABLE_PLUGINS', None)"
    else:
        env = f"os.environ['PYDANTIC_DISABLE_PLUGINS'] = {plugins!r}"
    code = _RUN.format(env=env, args=args)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stderr.strip().splitlines()[-1] == "True"


def test_without_plugins_no_package_metadata_is_read_and_the_files_are_the_same(
    tmp_path: Path,
) -> None:
    runs = {"off": (None, False), "all on": ("", True)}
    # The small fixture pack: what is read does not hang on the content, and each of these
    # eight processes parses the shipped pack in 0.6 s of CPU, the small one in 0.1 s.
    content = ["--content", str(FIXTURES / "pack")]
    for name, (plugins, reads_metadata) in runs.items():
        out = tmp_path / name
        # the full path: a warm run (tests/test_warm_assess.py) imports no pydantic at all
        answers = str(FIXTURES / "answers.yaml")
        args = [*content, "--no-cache", "assess", "--answers", answers, "--out", str(out)]
        assert run_cli([*args, "--date", "2020-10-15"], plugins) is reads_metadata
        assessment = out / "test-club-assessment-2020-10-15.yaml"
        plan = [*content, "plan", "-a", str(assessment), "--out", str(out)]
        plan += ["--start", "2020-11-02"]
        # the full way builds validators; the quick way (the cache filled) builds none
        assert run_cli(["--no-cache", *plan], plugins) is reads_metadata
        run_cli([*plan, "--force"], plugins)
        assert run_cli([*plan, "--force"], plugins) is False
    for path in (tmp_path / "off").iterdir():
        assert path.read_bytes() == (tmp_path / "all on" / path.name).read_bytes()


def test_the_stand_in_loader_has_every_name_pydantic_imports_from_its_own() -> None:
    """The stand-in has only ``get_plugins``: a pydantic that takes anything else from its
    loader must fail here, not in a user's run."""
    names = set()
    for source in Path(pydantic.__file__).parent.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        for found in re.findall(r"from (?:\.|pydantic\.plugin\.)_loader import ([^\n]+)", text):
            names.update(n.strip() for n in found.strip("()").split(","))
        assert not re.search(r"\b_loader\.\w", text), source
    assert names == {"get_plugins"}


def example_plans() -> list[Plan]:
    """Every example community's plan (two horizons, holidays, a capacity), the region's
    and the small fixture pack's."""
    pack = api.load_content(None)
    start = date(2020, 11, 2)
    off = [date(2020, 11, 4), date(2020, 12, 31), date(2021, 1, 1)]
    caps = api.parse_capacity(["community-manager=1"], pack=pack)
    plans = [
        api.plan(a, start, pack=pack, weeks=weeks, holidays=off, capacity=caps)
        for p in sorted((EXAMPLES / "answers").glob("*.yaml"))
        for a in [api.assess(p, pack=pack, today=date(2020, 10, 15))]
        for weeks in (6, 26)
    ]
    plans.append(api.region_plan(EXAMPLES, start, pack=pack, holidays=off, today=date(2021, 1, 1)))
    small = api.load_content(FIXTURES / "pack")
    fixture = api.assess(FIXTURES / "answers.yaml", pack=small)
    plans.append(api.plan(fixture, date(2026, 1, 5), pack=small, weeks=12, holidays=off))
    return plans


def test_a_plan_made_without_validation_is_what_validating_its_data_gives() -> None:
    """The planner builds its plans from validated data without validating again: each
    example plan equals the plan validated from its own data (Python and JSON), and
    dumping it warns of no value of an unexpected type."""
    plans = example_plans()
    assert {p.scope for p in plans} == {"community", "region"}
    assert any(p.later for p in plans) and any(p.region_figures for p in plans)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for plan in plans:
            assert Plan.model_validate(plan.model_dump()) == plan
            assert Plan.model_validate_json(plan.model_dump_json()) == plan
            for action in plan.actions:
                assert PlannedAction.model_validate(action.model_dump()) == action


def test_plan_reads_its_input_without_positions_as_with_them(tmp_path: Path) -> None:
    """Assessments and answers files (complete, incomplete, for a changed checklist) give
    ``plan`` the same assessment and warnings read either way."""
    from commkit.api.answers import document
    from commkit.api.plan import _read

    pack = api.load_content(None)
    changed = tmp_path / "changed.yaml"
    stored = (EXAMPLES / "assessments" / "fashiontechperm").glob("*.yaml")
    text = next(iter(sorted(stored))).read_text(encoding="utf-8")
    changed.write_text(re.sub(r"hash: \S+", "hash: 0123456789ab", text, count=1), "utf-8")
    files = [
        *sorted((EXAMPLES / "answers").glob("*.yaml")),
        *sorted((EXAMPLES / "assessments").glob("*/*.yaml")),
        FIXTURES / "answers.yaml",
        changed,
    ]
    day = date(2020, 10, 15)
    for path in files:
        fast = api.plan_input(path, pack=pack, today=day)
        located = _read(document(path), path, pack, day)
        assert fast == located, path
    assert api.plan_input(changed, pack=pack).warnings


def test_the_api_imports_a_module_when_one_of_its_names_is_first_used() -> None:
    code = (
        "import sys, importlib\n"
        "from commkit import api\n"
        "print(sorted(m for m in sys.modules if m.startswith('commkit.api.')))\n"
        "for name in api.__all__:\n"
        "    assert name in dir(api), name\n"
        "    value = getattr(api, name)\n"
        "    home = getattr(value, '__module__', None)\n"
        "    if home and home.startswith('commkit.api.'):\n"
        "        assert getattr(importlib.import_module(home), name) is value, name\n"
        "for name in ('assess', 'plan'):  # a function named as its module\n"
        "    assert getattr(api, name) is getattr(sys.modules['commkit.api.' + name], name)\n"
        "assert api.answers.STDIN == '-'  # a submodule by its name\n"
        "from commkit.api import assess_batch, seminar_view\n"
        "assert assess_batch is api.assess_batch and callable(seminar_view)\n"
        "try:\n"
        "    api.no_such_name\n"
        "except AttributeError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    first, missing = done.stdout.splitlines()
    assert first == "[]"  # no API module until one of its names is used
    assert "no_such_name" in missing


def test_a_function_named_as_its_module_stays_the_function() -> None:
    code = (
        "import commkit.api.assess, commkit.api.plan  # the modules first\n"
        "from commkit import api\n"
        "assert callable(api.assess) and callable(api.plan), (api.assess, api.plan)\n"
        "from commkit.api import assess, plan\n"
        "assert assess.__module__ == 'commkit.api.assess' and plan.__name__ == 'plan'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_plan_on_a_pipe_prints_whole_lines_without_rich(tmp_path: Path) -> None:
    assessment = EXAMPLES / "assessments" / "fashiontechperm" / "2020-10-15.yaml"
    code = _RUN.format(
        env="",
        args=["plan", "-a", str(assessment), "--out", str(tmp_path), "--start", "2020-11-02"],
    ).replace('"importlib.metadata" in sys.modules', '"rich" in sys.modules')
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stderr.strip().splitlines()[-1] == "False"  # rich was not imported
    summary, wrote = done.stdout.splitlines()
    assert summary.startswith("Plan: FashionTechPerm. ") and summary.endswith(" later.")
    assert wrote == f"wrote {tmp_path / 'fashiontechperm-plan-2020-11-02.md'}"
