"""The quick ``plan -a ASSESSMENT`` (no pack models, no pydantic) against the full way: the
same screen and the same files byte for byte, the same message and exit code for every bad
file, and the full way whenever anything is in doubt."""

from __future__ import annotations

import copy
import functools
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from commkit.cli.app import app
from commkit.cli.context import Settings
from commkit.model import pack as pack_module

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "perm-krai" / "assessments"
CURRENT = sorted(EXAMPLES.glob("*/2020-10-15.yaml"))
EARLIER = sorted(set(EXAMPLES.glob("*/*.yaml")) - set(CURRENT))
BAD = ROOT / "tests" / "bad_inputs"


def _run(args: list[str], monkeypatch: Any, *, quick: bool) -> tuple[int, str, str]:
    if quick:
        monkeypatch.delenv("COMMKIT_NO_CACHE", raising=False)
    else:
        monkeypatch.setenv("COMMKIT_NO_CACHE", "1")
    result = CliRunner().invoke(app, args)
    return result.exit_code, result.stdout, result.stderr


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the module (filled once; the tests share it, as runs do)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _shared_cache(cache: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("COMMKIT_CACHE_DIR", str(cache))


def _both(
    tmp_path: Path, monkeypatch: Any, args: list[str], *, must_be_quick: bool
) -> tuple[int, str, str]:
    """Run ``plan`` the quick way and the full way (each into a folder of its own) and
    check that they print and write the same; with ``must_be_quick``, that the quick way
    did not load the pack's models (the pack cache was filled by a run before)."""
    results = []
    for quick in (True, False):
        out = tmp_path / ("quick" if quick else "full")
        with monkeypatch.context() as patch:
            if quick and must_be_quick:
                _run([*args, "--out", str(tmp_path / "warm-up")], patch, quick=True)

                def no_models(self: Settings) -> Any:
                    raise AssertionError("the quick way loaded the pack")

                patch.setattr(Settings, "pack", no_models)
            code, stdout, stderr = _run([*args, "--out", str(out)], patch, quick=quick)
        shown = (stdout.replace(str(out), "OUT"), stderr.replace(str(out), "OUT"))
        results.append((code, *shown, _files(out)))
    assert results[0] == results[1]
    return results[0][:3]


OPTIONS = [
    ["--start", "2026-01-05"],
    ["--start", "2026-03-02", "--weeks", "8"],
    ["--start", "2025-12-29", "--capacity", "community-manager=1", "--capacity", "regional-team=1"],
    ["--start", "2026-02-04", "--weeks", "52", "--lang", "ru"],
]


CASES = [
    (path, OPTIONS[(i + shift) % len(OPTIONS)])
    for i, path in enumerate(CURRENT)
    for shift in (0, 1)
]


@pytest.mark.parametrize(("path", "options"), CASES, ids=lambda c: getattr(c, "parent", c))
def test_quick_plan_is_the_full_plan(
    path: Path, options: list[str], tmp_path: Path, monkeypatch: Any
) -> None:
    lang = options[options.index("--lang") + 1] if "--lang" in options else None
    args = [*(["--lang", lang] if lang else []), "plan", "-a", str(path)]
    args += [o for i, o in enumerate(options) if "--lang" not in options[max(i - 1, 0) : i + 1]]
    code, stdout, _ = _both(tmp_path, monkeypatch, args, must_be_quick=True)
    assert code == 0 and "OUT" in stdout


def test_quick_plan_in_russian_with_holidays_and_a_russian_assessment(
    tmp_path: Path, monkeypatch: Any
) -> None:
    data = yaml.safe_load(CURRENT[0].read_text(encoding="utf-8"))
    data["language"] = "ru"
    data["community"].pop("slug")
    russian = tmp_path / "ru.yaml"
    russian.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    holidays = tmp_path / "holidays.txt"
    holidays.write_text("2026-01-01..2026-01-08\n- 2026-02-23  # a day off\n", encoding="utf-8")
    args = ["plan", "-a", str(russian), "--start", "2025-12-29", "--holidays", str(holidays)]
    code, stdout, _ = _both(tmp_path, monkeypatch, args, must_be_quick=True)
    assert code == 0 and "План" in stdout


@pytest.mark.parametrize("path", EARLIER, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_a_changed_checklist_is_said_the_full_way(
    path: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    code, _, stderr = _both(
        tmp_path,
        monkeypatch,
        ["plan", "-a", str(path), "--start", "2026-01-05"],
        must_be_quick=False,
    )
    assert code == 0 and "checklist has changed" in stderr


BAD_FILES = sorted(p for p in BAD.iterdir() if p.is_file())
SHOWN = [BAD / n for n in ("assessment-out-of-range.yaml", "malformed.yaml", "cp1251.yaml")]


def test_the_quick_way_leaves_every_bad_file_to_the_full_way(
    tmp_path: Path, monkeypatch: Any, cache: Path
) -> None:
    """Nothing written and ``None`` for each bad file: the full way then runs as before and
    says what it always said (the corpus tests check its messages, the cache on)."""
    from commkit.api.plan import quick_plan

    _run(["plan", "-a", str(CURRENT[0]), "--out", str(tmp_path / "warm")], monkeypatch, quick=True)
    assert quick_plan(CURRENT[0], out=tmp_path / "warm", force=True) is not None
    for path in BAD_FILES:
        assert quick_plan(path, out=tmp_path / "out") is None, path.name
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("path", SHOWN, ids=lambda p: p.name)
def test_a_bad_file_gives_the_same_message_and_exit_code(
    path: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    args = ["plan", "-a", str(path), "--start", "2026-01-05"]
    code, _, stderr = _both(tmp_path, monkeypatch, args, must_be_quick=False)
    assert code == 1 and path.name in stderr


@pytest.mark.parametrize(
    "extra",
    [
        ["--capacity", "community-manger=2"],
        ["--capacity", "community-manager=0"],
        ["--holidays", str(BAD / "holidays-reversed.txt")],
        ["--holidays", "no-such-file.txt"],
        ["--weeks", "0"],
    ],
)
def test_bad_options_give_the_same_message_and_exit_code(
    extra: list[str], tmp_path: Path, monkeypatch: Any
) -> None:
    args = ["plan", "-a", str(CURRENT[0]), "--start", "2026-01-05", *extra]
    code, _, _ = _both(tmp_path, monkeypatch, args, must_be_quick=False)
    assert code != 0


def test_a_file_in_the_way_is_refused_the_full_way(tmp_path: Path, monkeypatch: Any) -> None:
    out = tmp_path / "out"
    args = ["plan", "-a", str(CURRENT[0]), "--start", "2026-01-05", "--out", str(out)]
    assert _run(args, monkeypatch, quick=True)[0] == 0
    first = _files(out)
    code, _, stderr = _run(args, monkeypatch, quick=True)
    assert code == 1 and "already exists" in stderr and _files(out) == first
    assert _run([*args, "--force"], monkeypatch, quick=True)[0] == 0


@functools.cache
def _mutations(seed: int, count: int) -> list[dict[str, Any]]:
    """Assessments with one thing changed: a key dropped, added, or given an odd value."""
    rng = random.Random(seed)
    odd: list[Any] = [None, "", "x", -1, 0, 1.5, 101, True, "yes", [], {}, {"en": "t"}, [1]]
    odd += ["2020-13-45", "2020-10-15", float("nan"), 10**30, "UPPER", "a b"]
    found = []
    for path in CURRENT:
        base = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for _ in range(count):
            data = copy.deepcopy(base)
            node: Any = data
            while True:
                key = rng.choice(list(node) if isinstance(node, dict) else range(len(node)))
                inner = node[key]
                if isinstance(inner, dict | list) and inner and rng.random() < 0.6:
                    node = inner
                    continue
                break
            choice = rng.random()
            if choice < 0.2 and isinstance(node, dict):
                del node[key]
            elif choice < 0.3 and isinstance(node, dict):
                node["extra-key"] = rng.choice(odd)
            else:
                node[key] = rng.choice(odd)
            found.append(data)
    return found


@pytest.mark.parametrize("index", range(12))
def test_changed_assessments_plan_as_the_full_way(
    index: int, tmp_path: Path, monkeypatch: Any
) -> None:
    data = _mutations(19, 3)[index]
    path = tmp_path / "changed.yaml"
    path.write_text(yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True), encoding="utf-8")
    _both(
        tmp_path,
        monkeypatch,
        ["plan", "-a", str(path), "--start", "2026-01-05"],
        must_be_quick=False,
    )


def test_the_packs_own_plan_template_is_used(tmp_path: Path, monkeypatch: Any) -> None:
    """A pack that ships its own plan.md.j2 after the cache was filled: the template wins."""
    from commkit import api

    pack = tmp_path / "pack"
    api.init_content(pack, overlay=True)
    args = ["--content", str(pack), "plan", "-a", str(CURRENT[0]), "--start", "2026-01-05", "-f"]
    _both(tmp_path, monkeypatch, args, must_be_quick=True)
    (pack / "templates").mkdir()
    (pack / "templates" / "plan.md.j2").write_text("# {{ community }}: own\n", encoding="utf-8")
    _both(tmp_path, monkeypatch, args, must_be_quick=False)
    written = (tmp_path / "quick").glob("*.md")
    assert next(p.read_text(encoding="utf-8") for p in written).endswith(": own\n")


def test_a_warm_plan_imports_no_pydantic(tmp_path: Path) -> None:
    env = {
        **{k: v for k, v in __import__("os").environ.items() if k != "COMMKIT_NO_CACHE"},
        "COMMKIT_CACHE_DIR": str(tmp_path / "cache"),
    }
    code = (
        "import sys\n"
        f"sys.argv = ['commkit', 'plan', '-a', {str(CURRENT[0])!r}, '--start', '2026-01-05',"
        f" '--weeks', '30', '--out', {str(tmp_path)!r}, '--force']\n"
        "from commkit.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print('PYDANTIC:', sorted({'pydantic', 'pydantic_core'} & set(sys.modules)))\n"
    )
    for _ in range(2):  # the first run fills the cache
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "PYDANTIC: []", done.stdout


def test_an_edited_pack_is_read_again(tmp_path: Path, monkeypatch: Any) -> None:
    """The cached plan data of a pack is never used once a byte of the pack changed."""
    from commkit import api

    pack = tmp_path / "pack"
    api.init_content(pack)
    (pack / "templates" / "plan.md.j2").unlink()  # the copy's own template: Jinja2's way
    args = ["--content", str(pack), "plan", "-a", str(CURRENT[1]), "--start", "2026-01-05", "-f"]
    _both(tmp_path, monkeypatch, args, must_be_quick=True)
    before = _files(tmp_path / "quick")
    roadmap = pack / "methodology" / "roadmaps" / "default.yaml"
    text = roadmap.read_text(encoding="utf-8")
    assert "duration_days: 5\n" in text
    roadmap.write_text(text.replace("duration_days: 5\n", "duration_days: 9\n"), encoding="utf-8")
    pack_module._load_cached.cache_clear()  # as a new process would (tests share one)
    _both(tmp_path, monkeypatch, args, must_be_quick=False)
    assert _files(tmp_path / "quick") != before  # the longer actions end later


def test_a_damaged_cache_is_ignored(tmp_path: Path, monkeypatch: Any, cache: Path) -> None:
    args = ["plan", "-a", str(CURRENT[2]), "--start", "2026-01-05", "-f"]
    _both(tmp_path, monkeypatch, args, must_be_quick=True)
    for entry in (cache / "data").iterdir():
        entry.write_bytes(b'{"key": "' + entry.stem.encode() + b'", "data": {"format"')
    _both(tmp_path, monkeypatch, args, must_be_quick=False)
    _both(tmp_path, monkeypatch, args, must_be_quick=True)
