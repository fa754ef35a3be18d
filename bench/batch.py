"""Batch benchmark: ``commkit map`` and batch ``commkit assess`` against the YAML floor.

For each N, bench/generate.py writes N synthetic communities into a scratch folder; then,
alternating, these run as separate processes (same interpreter, same venv):

- ``floor-map``: one Python process that only parses the files ``map`` reads (region,
  profiles, assessments) with ``yaml.load(..., Loader=yaml.CSafeLoader)``;
- ``map``: ``commkit map WORKSPACE --json --date 2026-11-01`` (stdout discarded);
- ``floor-assess``: the same parse of the answers files;
- ``assess``: ``commkit assess --answers FILE... --out DIR --json`` (stdout discarded).

Reported per N: median wall time and CPU time (user + system, worker processes included)
and their ratios to the floor, peak RSS (``/usr/bin/time -v``), the load average before and
after the pairs, and across Ns the growth (time at the largest N / time at the one before
it; linear is N ratio). Targets: batch assess <= 3x the floor at 1,000 and 10,000; map at
10,000 <= 1.5x the floor; 100,000 / 10,000 <= 11x; peak RSS at 100,000 <= 300 MB.

    .venv/bin/python bench/batch.py --n 1000 10000             # default content pack
    .venv/bin/python bench/batch.py --n 1000 --profile         # plus cProfile top costs
    .venv/bin/python bench/batch.py --n 1000 --stages --only assess   # plus ms per file by stage
    .venv/bin/python bench/batch.py --n 200 --runs 1 --no-warmup --json   # CI smoke test

Each run of ``assess`` (timed, warm-up or profiled) writes into a new output folder, and
all of them are removed only after the last timing (``--stages`` too): see
:func:`output_folder`.

The scratch folder (default a new folder under /tmp) is deleted at the end unless ``--keep``.
With ``--workdir DIR`` the generated workspaces (``DIR/n<N>``) are kept, and a later run
reuses one made for the same N, ``--seed``, ``--scale-from``, content pack and generator
(a stamp file records them; anything else is generated again; ``--fresh`` always does):

    .venv/bin/python bench/batch.py --n 1000 --only assess --workdir /tmp/ckb   # generates
    .venv/bin/python bench/batch.py --n 1000 --only assess --workdir /tmp/ckb   # reuses
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-01"
TIME_BIN = "/usr/bin/time"

FLOOR = r"""
import os, sys, yaml
def walk(folder):
    for entry in os.scandir(folder):
        if entry.is_dir():
            yield from walk(entry.path)
        elif entry.name.endswith(".yaml"):
            yield entry.path
n = 0
for root in sys.argv[1:]:
    paths = [root] if root.endswith(".yaml") else sorted(walk(root))
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            yaml.load(fh.read(), Loader=yaml.CSafeLoader)
        n += 1
print(n)
"""


def commkit_argv() -> list[str]:
    script = Path(sys.executable).parent / "commkit"
    if script.exists():
        return [sys.executable, str(script)]
    return [sys.executable, "-m", "commkit"]


def _env(pycache: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = pycache  # start from bytecode, as an installed wheel does
    env["NO_COLOR"] = "1"
    env["COLUMNS"] = "120"
    return env


def _children_cpu() -> float:
    """User + system seconds of the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, int, float]:
    """Wall seconds, peak RSS in KB and CPU seconds (user + system, worker processes
    included) of one run (exit status must be 0)."""
    use_time = Path(TIME_BIN).exists()
    full = [TIME_BIN, "-v", *argv] if use_time else argv
    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    done = subprocess.run(
        full, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    elapsed = time.perf_counter() - t0
    cpu = _children_cpu() - cpu0
    if done.returncode != 0:
        tail = "\n".join(done.stderr.splitlines()[-25:])
        raise SystemExit(f"failed ({done.returncode}): {' '.join(argv[:6])} ...\n{tail}")
    rss = 0
    for line in done.stderr.splitlines():
        if "Maximum resident set size" in line:
            rss = int(line.rsplit(":", 1)[1])
    return elapsed, rss, cpu


def replicate(base: Path, folder: Path, copies: int) -> None:
    """``copies`` renamed copies of every community of ``base`` (profile, assessments,
    answers) in ``folder``: N x copies communities in a fraction of generate.py's time."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(base / "region.yaml", folder / "region.yaml")
    for sub in ("communities", "assessments", "answers"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for profile in sorted((base / "communities").glob("*.yaml")):
        slug = profile.stem
        text = profile.read_text(encoding="utf-8")
        assessments = sorted((base / "assessments" / slug).glob("*.yaml"))
        answers = sorted((base / "answers").glob(f"{slug}-2*.yaml"))
        old = f"slug: {slug}\n"
        for k in range(copies):
            new_slug = f"{slug}-r{k}"
            new = f"slug: {new_slug}\n"
            (folder / "communities" / f"{new_slug}.yaml").write_text(
                text.replace(old, new), encoding="utf-8"
            )
            if assessments:
                target = folder / "assessments" / new_slug
                target.mkdir()
                for a in assessments:
                    body = a.read_text(encoding="utf-8").replace(old, new)
                    (target / a.name).write_text(body, encoding="utf-8")
            for a in answers:
                body = a.read_text(encoding="utf-8").replace(old, new)
                name = new_slug + a.name[len(slug) :]
                (folder / "answers" / name).write_text(body, encoding="utf-8")


STAMP = ".bench-workspace.json"
"""What a generated workspace was made from (written last: a half-made one has none)."""


def workspace_key(
    n: int, seed: int, content: Path | None, scale_from: int | None
) -> dict[str, object]:
    """What makes a generated workspace the one asked for: a workspace with the same key
    (and the same files) is reused instead of generated again."""
    import hashlib

    sources = b"".join((HERE / name).read_bytes() for name in ("generate.py", "batch.py"))
    return {
        "n": n,
        "seed": seed,
        "scale_from": scale_from,
        "content": str(content) if content is not None else None,
        "generator": hashlib.sha256(sources).hexdigest()[:16],
    }


def _counted(folder: Path) -> dict[str, object]:
    """The files of a generated workspace, counted, and their mean sizes."""
    files: dict[str, int] = {}
    sizes: dict[str, int] = {}
    for part, pattern in (
        ("communities", "communities/*.yaml"),
        ("assessments", "assessments/*/*.yaml"),
        ("answers", "answers/*.yaml"),
    ):
        paths = list(folder.glob(pattern))
        files[part] = len(paths)
        sizes[part] = round(sum(p.stat().st_size for p in paths) / len(paths)) if paths else 0
    return {"files": files, "mean_bytes": sizes}


def reusable(folder: Path, key: dict[str, object]) -> dict[str, object] | None:
    """What :func:`generate` said of ``folder`` when it made it, if it was made for ``key``
    and still holds the files it made (counted again); else ``None``."""
    try:
        stamp = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("key") != key:
        return None
    counted = _counted(folder)
    if counted["files"] != stamp.get("files"):
        return None
    return {**counted, "generate_seconds": 0.0, "reused": True}


def prepared(
    n: int,
    folder: Path,
    content: Path | None,
    scale_from: int | None = None,
    *,
    seed: int = 1,
    fresh: bool = False,
) -> dict[str, object]:
    """The workspace of N communities in ``folder``: reused if it was generated for the
    same N, seed, ``scale_from``, content pack and generator, else generated again."""
    key = workspace_key(n, seed, content, scale_from)
    found = None if fresh else reusable(folder, key)
    if found is not None:
        return found
    shutil.rmtree(folder, ignore_errors=True)
    data = generate(n, folder, content, scale_from, seed=seed)
    stamp = {"key": key, "files": data["files"]}
    (folder / STAMP).write_text(json.dumps(stamp), encoding="utf-8")
    return data


def generate(
    n: int, folder: Path, content: Path | None, scale_from: int | None = None, *, seed: int = 1
) -> dict[str, object]:
    """Run bench/generate.py (the map teammate's generator) and count what it wrote.

    With ``scale_from`` (N must be a multiple of it), generate that many and replicate them
    under new slugs up to N."""
    env = dict(os.environ)
    if content is not None:
        env["COMMKIT_CONTENT"] = str(content)
    t0 = time.perf_counter()
    base_n = scale_from if scale_from and n > scale_from and n % scale_from == 0 else n
    target = folder if base_n == n else folder.with_name(folder.name + "-base")
    argv = [sys.executable, str(HERE / "generate.py"), str(target), "--count", str(base_n)]
    argv += ["--seed", str(seed)]
    done = subprocess.run(argv, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        raise SystemExit(f"generate.py failed:\n{done.stderr}")
    if target != folder:
        replicate(target, folder, n // base_n)
        shutil.rmtree(target)
    return {
        **_counted(folder),
        "generate_seconds": round(time.perf_counter() - t0, 1),
        "reused": False,
    }


class OutputFolders:
    """A new, never-used output folder for every run that writes files, all removed
    together after the timing (:meth:`remove`).

    Why not ``rm -rf OUT`` before each run: on ext4 without a journal (``/`` and ``/tmp``
    here) the inode allocator skips every inode freed in the last 60 s (360 s while its
    inode-table block is dirty) and scans on for another, so creating files right after
    deleting thousands costs the kernel ~0.5-1 ms per file created. Removing the previous
    run's 2,000+ files just before a run charged that to commkit."""

    def __init__(self, parent: Path, stem: str) -> None:
        self.parent, self.stem = parent, stem
        self.made: list[Path] = []

    def new(self) -> Path:
        """A folder name under ``parent`` not used before (the run creates it)."""
        for k in itertools.count(len(self.made)):
            path = self.parent / f"{self.stem}-{k}"
            if not path.exists():
                self.made.append(path)
                return path
        raise AssertionError("unreachable")

    def remove(self) -> None:
        for path in self.made:
            shutil.rmtree(path, ignore_errors=True)
        self.made.clear()


def cases(content: Path | None, out: Path, jobs: int | None = None) -> dict[str, list[str]]:
    root = commkit_argv() + (["--content", str(content)] if content is not None else [])
    floor = [sys.executable, "-c", FLOOR]
    return {
        # what map reads: the region, every profile and (at most) the latest two assessments
        # of each community; the generator writes at most two, so that is all of them.
        "floor-map": [*floor, "region.yaml", "communities", "assessments"],
        "map": [*root, "map", ".", "--json", "--date", TODAY],
        # the same command again over unchanged files: served by the workspace file cache
        "map-rerun": [*root, "map", ".", "--json", "--date", TODAY],
        "floor-assess": [*floor, "answers"],
        # One quoted glob that commkit expands itself: `--answers` takes one value per
        # occurrence, and 100,000 file names would not fit on a command line (ARG_MAX).
        "assess": [*root, "assess", "--answers", "answers/*.yaml", "--out", str(out), "--json"]
        + (["--jobs", str(jobs)] if jobs is not None else []),
    }


def profile(argv: list[str], env: dict[str, str], cwd: Path, top: int) -> list[str]:
    """The top functions by own time and by cumulative time under cProfile."""
    with tempfile.NamedTemporaryFile(suffix=".prof", delete=False) as fh:
        prof = fh.name
    try:
        subprocess.run(
            [argv[0], "-m", "cProfile", "-o", prof, *argv[1:]],
            env=env,
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        code = (
            "import pstats, sys\n"
            "s = pstats.Stats(sys.argv[1])\n"
            "s.sort_stats('tottime').print_stats(int(sys.argv[2]))\n"
            "s.sort_stats('cumulative').print_stats(int(sys.argv[2]))\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, prof, str(top)], capture_output=True, text=True
        )
        return [
            line
            for line in done.stdout.splitlines()
            if line.strip() and not line.startswith(("   Ordered", "   List reduced"))
        ]
    finally:
        os.unlink(prof)


STAGES = (
    "floor",
    "read",
    "score",
    "date_warnings",
    "report_md",
    "result_yaml",
    "targets",
    "json",
    "send",
    "stage",
    "claim_publish",
    "flush",
    "json_item",
)
"""What batch ``assess --answers --json`` does for each file, in the order it does it:
``floor`` (the CSafeLoader parse, for scale), then in a worker reading and checking,
scoring, the date warnings, the Markdown report, the YAML result, the files' paths
(checked to be inside the output folder), the ``--json`` text,
sending the item (pickled and read back), writing its files under temporary names; then in
the run that started the workers claiming and naming them, flushing them (per group of
100, shared) and writing the ``--json`` item."""


def stages(folder: Path, content: Path | None, limit: int, out: Path) -> dict[str, Any]:
    """Milliseconds per answers file of each of :data:`STAGES`, in this process (the
    commkit this interpreter imports), over the first ``limit`` answers files, writing
    into ``out`` (a new folder: see :class:`OutputFolders`; the caller removes it)."""
    import pickle

    import yaml

    from commkit import api
    from commkit.api.answers import date_warnings
    from commkit.api.assess import RenderedAssessment, render_assessment_markdown
    from commkit.api.batch import BatchItem, assessment_json
    from commkit.fsutil import flush_files, publish_groups, slugify, stage_text
    from commkit.render.report import to_yaml

    names = sorted(str(p) for p in (folder / "answers").glob("*.yaml"))[:limit]
    pack = api.load_content(content)
    writer = api.AssessmentWriter(pack=pack, out=out)
    spent = dict.fromkeys(STAGES, 0.0)
    clock = time.process_time
    group: list[list[tuple[Path, Path]]] = []
    for name in names:
        t0 = clock()
        with open(name, encoding="utf-8") as fh:
            yaml.load(fh.read(), Loader=yaml.CSafeLoader)
        t1 = clock()
        checked = api.read_answers(name, pack=pack)
        t2 = clock()
        assessment = api.assess(checked, pack=pack)
        t3 = clock()
        date_warnings(assessment, workspace=None, file=name)
        t4 = clock()
        markdown = render_assessment_markdown(assessment, "en", pack=pack, peers=None)
        t5 = clock()
        result = to_yaml(assessment)
        t6 = clock()
        slug = assessment.community.slug or slugify(assessment.community.name)
        md_path, yaml_path = writer.targets(slug, assessment.date.isoformat())
        t6b = clock()
        item = BatchItem(name)
        item.json = assessment_json(assessment)
        item.overall, item.stage = assessment.result.overall, assessment.result.stage
        t7 = clock()
        rendered = RenderedAssessment(
            [("yaml", yaml_path, result), ("markdown", md_path, markdown)]
        )
        back = pickle.loads(pickle.dumps([item]))[0]
        t8 = clock()
        staged = [(role, path, stage_text(path, text)) for role, path, text in rendered.files]
        t9 = clock()
        files = writer.claim({role: path for role, path, _ in staged}, source=name)
        publish_groups([[(tmp, path) for _, path, tmp in staged]], flushed=True)
        t10 = clock()
        group.append([(path, path) for _, path, _ in staged])
        if len(group) == 100 or name == names[-1]:
            flush_files(path for pairs in group for path, _ in pairs)
            group = []
        t11 = clock()
        entry = {"source": name, "files": files, "warnings": [], "assessment": back.json}
        api.json_text(entry, level=1)
        t12 = clock()
        marks = (t0, t1, t2, t3, t4, t5, t6, t6b, t7, t8, t9, t10, t11, t12)
        for stage, (a, b) in zip(STAGES, itertools.pairwise(marks), strict=True):
            spent[stage] += b - a
    count = len(names)
    per_file = {k: round(v / count * 1000, 3) for k, v in spent.items()}
    total = sum(v for k, v in per_file.items() if k != "floor")
    return {
        "files": count,
        "ms_per_file": per_file,
        "total_ms": round(total, 3),
        "floors": round(total / per_file["floor"], 2) if per_file["floor"] else None,
        "plain_way": plain_stages(names, pack, writer),
    }


PLAIN_STAGES = ("floor", "plain_read", "plain_rest")
"""The plain way of a batch's file (``commkit.api.batch_plain``, where commkit has it):
the floor for scale, reading and checking the file as a warm assess does, then checking it
against its checklist, scoring it and making its two files and its ``--json`` text."""


def plain_stages(names: list[str], pack: Any, writer: Any) -> dict[str, Any] | None:
    """CPU milliseconds per answers file of each of :data:`PLAIN_STAGES` (``None``: this
    commkit has no plain way, or no file took it)."""
    import yaml

    try:
        from commkit.api import batch_plain
        from commkit.api.warm_assess import _read
    except ImportError:
        return None
    spent = dict.fromkeys(PLAIN_STAGES, 0.0)
    clock = time.process_time
    count = 0
    for name in names:
        t0 = clock()
        with open(name, encoding="utf-8") as fh:
            yaml.load(fh.read(), Loader=yaml.CSafeLoader)
        t1 = clock()
        data = _read(Path(name))
        t2 = clock()
        if data is None:
            continue
        made = batch_plain._assessed(data, pack, writer, None, None, True)
        t3 = clock()
        if made is None:
            continue
        count += 1
        for stage, (a, b) in zip(PLAIN_STAGES, itertools.pairwise((t0, t1, t2, t3)), strict=True):
            spent[stage] += b - a
    if not count:
        return None
    per_file = {k: round(v / count * 1000, 3) for k, v in spent.items()}
    total = sum(v for k, v in per_file.items() if k != "floor")
    return {
        "files": count,
        "ms_per_file": per_file,
        "total_ms": round(total, 3),
        "floors": round(total / per_file["floor"], 2) if per_file["floor"] else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="alternated runs per case (median)")
    parser.add_argument(
        "--runs-large", type=int, default=1, help="runs per case when N > 2,000 (default 1)"
    )
    parser.add_argument("--content", type=Path, default=None, help="content pack folder")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="scratch folder (/tmp/...): its generated workspaces are kept and reused by a "
        "later run with the same N, --seed, --scale-from and content pack",
    )
    parser.add_argument("--seed", type=int, default=1, help="generate.py's seed (default 1)")
    parser.add_argument(
        "--fresh", action="store_true", help="generate the workspaces again even if reusable"
    )
    parser.add_argument(
        "--scale-from",
        type=int,
        default=None,
        help="generate this many communities and replicate them (renamed) up to N "
        "(for N = 100,000: generate.py scores every assessment and would take ~40 min)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument(
        "--only", choices=("map", "assess"), default=None, help="run one command only"
    )
    parser.add_argument(
        "--no-warmup", action="store_true", help="skip the untimed warm-up runs (smoke test)"
    )
    parser.add_argument(
        "--jobs", type=int, default=None, help="assess --jobs N (default: commkit's, the cores)"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile each command once")
    parser.add_argument("--top", type=int, default=25, help="rows of profile to show")
    parser.add_argument(
        "--stages",
        type=int,
        nargs="?",
        const=400,
        default=None,
        metavar="FILES",
        help="also CPU ms per file by stage, in this process, over FILES answers files "
        "(default 400)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    ns = parser.parse_args(argv)

    content = ns.content.resolve() if ns.content is not None else None
    work = ns.workdir or Path(tempfile.mkdtemp(prefix="commkit-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    # A bytecode folder the caller gives (PYTHONPYCACHEPREFIX: the test suite's own, or the
    # one exported for a timing session) is used as it is: a new empty one made the first
    # commkit of every run compile the standard library, its dependencies and commkit again,
    # 2.1 s of CPU (3 pairs at n=60, --only assess, 01:41 UTC, load 12). Timed runs follow
    # the untimed warm-up either way, so they start from bytecode alike.
    given_pycache = os.environ.get("PYTHONPYCACHEPREFIX")
    pycache = given_pycache or tempfile.mkdtemp(prefix="commkit-bench-pycache-")
    env = _env(pycache)
    results: list[dict[str, Any]] = []
    profiles: dict[str, list[str]] = {}
    by_stage: dict[str, dict[str, Any]] = {}
    scratch: list[str] = []  # cache folders of the runs
    outputs = OutputFolders(work, "reports")  # removed after the last timing
    try:
        for n in ns.n:
            folder = work / f"n{n}"
            data = prepared(n, folder, content, ns.scale_from, seed=ns.seed, fresh=ns.fresh)

            def argv_for(case: str) -> list[str]:
                """A run's command; an ``assess`` writes into a new output folder."""
                out = outputs.new() if case == "assess" else work
                return cases(content, out, ns.jobs)[case]

            pairs = [("floor-map", "map"), ("floor-map", "map-rerun"), ("floor-assess", "assess")]
            if ns.only:
                pairs = [p for p in pairs if p[1].split("-")[0] == ns.only]
            warm_cache = tempfile.mkdtemp(prefix="commkit-bench-cache-")

            def env_for(case: str, warm: str = warm_cache) -> dict[str, str]:
                """A first run gets an empty cache folder; a re-run the warmed one."""
                cache = warm if case == "map-rerun" else tempfile.mkdtemp(prefix="ck-")
                scratch.append(cache)
                return {**env, "COMMKIT_CACHE_DIR": cache}

            if any(name == "map-rerun" for _, name in pairs):
                run(argv_for("map-rerun"), env_for("map-rerun"), folder)
            runs = ns.runs if n <= 2000 else ns.runs_large
            # untimed warm-up: the floors fill the page cache; the commands (first N only)
            # fill the private bytecode cache
            for floor_name, name in [] if ns.no_warmup else pairs:
                for case in (floor_name, name) if n == ns.n[0] else (floor_name,):
                    run(argv_for(case), env_for(case), folder)
            for floor_name, name in pairs:
                times: dict[str, list[float]] = {floor_name: [], name: []}
                cpus: dict[str, list[float]] = {floor_name: [], name: []}
                rss: dict[str, list[int]] = {floor_name: [], name: []}
                load = os.getloadavg()[0]
                for i in range(runs):
                    order = (floor_name, name) if i % 2 == 0 else (name, floor_name)
                    for case in order:
                        t, r, c = run(argv_for(case), env_for(case), folder)
                        times[case].append(t)
                        cpus[case].append(c)
                        rss[case].append(r)
                t_floor = statistics.median(times[floor_name])
                t_cmd = statistics.median(times[name])
                c_floor = statistics.median(cpus[floor_name])
                c_cmd = statistics.median(cpus[name])
                results.append(
                    {
                        "n": n,
                        "command": name,
                        "runs": runs,
                        "seconds": round(t_cmd, 3),
                        "floor_seconds": round(t_floor, 3),
                        "ratio": round(t_cmd / t_floor, 2),
                        "cpu_seconds": round(c_cmd, 3),
                        "floor_cpu_seconds": round(c_floor, 3),
                        "cpu_ratio": round(c_cmd / c_floor, 2) if c_floor > 0 else None,
                        "load": [round(load, 2), round(os.getloadavg()[0], 2)],
                        "peak_rss_mb": round(max(rss[name]) / 1024, 1),
                        "floor_peak_rss_mb": round(max(rss[floor_name]) / 1024, 1),
                        "per_file_ms": None,
                        "files": data["files"],
                        "workspace_reused": data["reused"],
                        "mean_bytes": data["mean_bytes"],
                    }
                )
                files = data["files"]
                assert isinstance(files, dict)
                count = (
                    files["communities"] + files["assessments"] + 1
                    if name.startswith("map")
                    else files["answers"]
                )
                results[-1]["per_file_ms"] = round(t_cmd / count * 1000, 3)
                if ns.profile:
                    profiles[f"{name} n={n}"] = profile(argv_for(name), env, folder, ns.top)
            if ns.stages:
                by_stage[str(n)] = stages(folder, content, ns.stages, outputs.new())
            if not ns.keep and ns.workdir is None:
                shutil.rmtree(folder, ignore_errors=True)
    finally:
        outputs.remove()
        if not given_pycache:
            shutil.rmtree(pycache, ignore_errors=True)
        for cache in set(scratch):
            shutil.rmtree(cache, ignore_errors=True)
        if not ns.keep and ns.workdir is None:
            shutil.rmtree(work, ignore_errors=True)

    growth: list[dict[str, Any]] = []
    for name in ("map", "assess"):
        rows = [r for r in results if r["command"] == name]
        for a, b in itertools.pairwise(rows):
            growth.append(
                {
                    "command": name,
                    "from_n": a["n"],
                    "to_n": b["n"],
                    "n_ratio": round(int(b["n"]) / int(a["n"]), 1),
                    "time_ratio": round(float(b["seconds"]) / float(a["seconds"]), 2),
                }
            )

    if ns.json:
        json.dump(
            {
                "benchmark": "batch",
                "results": results,
                "growth": growth,
                "profiles": profiles,
                "stages": by_stage,
            },
            sys.stdout,
            indent=2,
            ensure_ascii=False,
        )
        sys.stdout.write("\n")
        return 0
    print(f"batch, median of alternated runs (python {sys.version.split()[0]})")
    print(
        f"{'n':>7} {'command':<10}{'runs':>5}{'seconds':>9}{'floor s':>9}{'ratio':>7}"
        f"{'cpu s':>8}{'floor':>7}{'cpu x':>7}{'ms/file':>9}{'peak MB':>9}{'floor MB':>9}"
        f"{'load':>12}"
    )
    for row in results:
        loads = "-".join(str(x) for x in row["load"])
        print(
            f"{row['n']:>7} {row['command']:<10}{row['runs']:>5}{row['seconds']:>9}"
            f"{row['floor_seconds']:>9}{row['ratio']:>7}{row['cpu_seconds']:>8}"
            f"{row['floor_cpu_seconds']:>7}{row['cpu_ratio']!s:>7}{row['per_file_ms']:>9}"
            f"{row['peak_rss_mb']:>9}{row['floor_peak_rss_mb']:>9}{loads:>12}"
        )
    for n in sorted({row["n"] for row in results if row["workspace_reused"]}):
        print(f"n={n}: the workspace in --workdir was reused (not generated again)")
    for g in growth:
        print(
            f"growth {g['command']}: n x{g['n_ratio']} ({g['from_n']} -> {g['to_n']}) "
            f"-> time x{g['time_ratio']}"
        )
    for n_files, report in by_stage.items():
        print(
            f"\nCPU ms per answers file by stage, one process, n={n_files} "
            f"({report['files']} files; {report['total_ms']} ms = {report['floors']} floors):"
        )
        for stage, ms in report["ms_per_file"].items():
            print(f"  {stage:<14}{ms:>8}")
        plain = report["plain_way"]
        if plain is not None:
            print(
                f"the plain way ({plain['files']} files; {plain['total_ms']} ms = "
                f"{plain['floors']} floors; its files staged, named and flushed as above):"
            )
            for stage, ms in plain["ms_per_file"].items():
                print(f"  {stage:<14}{ms:>8}")
    for label, lines in profiles.items():
        print(f"\ncProfile, {label}:")
        for line in lines:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
