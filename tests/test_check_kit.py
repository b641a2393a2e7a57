"""The check kit (`hooks/check_kit.py`, `verifier.kit`, `verifier.check`).

Every example run of the suite goes through the kit already (the pytest plugin
runs it in each interpreter, `verifier.pytest_plugin`), so these tests cover
only what the suite's runs do not: the site serves the kit the suite runs; a
changed line is reported exactly; nothing checked is no pass; a console that
cannot show Chinese gets escapes, not a crash; and a smoke run from a
reader's plain interpreter without a pty (what Windows gets): the programs of
two pages reach the suite's verdicts, and the one that needs tqdm is skipped
where tqdm is missing, saying so.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from hooks.archives import KIT_PATH
from hooks.check_kit import FOLDER, build_kit
from hooks.site_map import LANGUAGES
from verifier.catalog import REPO_ROOT, site_catalog
from verifier.check import SUMMARY
from verifier.fences import scan_fences
from verifier.kit import RUNTIME, assemble
from verifier.requirements import standard_library, third_party_imports

MAX_BYTES = 1_000_000
"""The issue's limit for the kit's archive."""
JOBS = 2
"""Runs at a time in the smoke run of the kit (the kit's default on this 2-core machine)."""
SMOKE = ("queue/", "progress/")
"""The pages of the smoke run: programs whose children print, and one that
needs tqdm.  Every program runs through the same kit, in its interpreter, in
the suite's own runs."""


def plain(python: str) -> str:
    """The interpreter a venv was made from (a reader's plain Python), or `python`
    itself if it is none (the Debian builds here exist only as their wrappers)."""
    config = Path(python).parent.parent / "pyvenv.cfg"
    if not config.is_file():
        return python
    settings = dict(line.split("=", 1) for line in config.read_text().splitlines() if "=" in line)
    settings = {k.strip(): v.strip() for k, v in settings.items()}
    base = settings.get("executable") or str(Path(settings["home"]) / "python3")
    return base if Path(base).exists() else python


@pytest.fixture(scope="module")
def kit_bytes() -> bytes:
    return build_kit(REPO_ROOT)


@pytest.fixture
def kit(kit_bytes: bytes, tmp_path: Path) -> Path:
    """The kit unpacked into a fresh folder; its check.py."""
    zipfile.ZipFile(io.BytesIO(kit_bytes)).extractall(tmp_path)
    return tmp_path / FOLDER / "check.py"


def run_kit(
    python: str, check: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    # -S: no site-packages for the runner itself, so it runs on the standard
    # library (and the packaging it carries) alone.
    return subprocess.run(
        [python, "-S", str(check), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=check.parent,
        timeout=1800,
        check=False,
        env={**os.environ, **(env or {})},
    )


def summary(result: subprocess.CompletedProcess) -> tuple[int, int]:
    """`(passed, failed)` from the kit's last line, which must be that line."""
    last = result.stdout.rstrip("\n").rsplit("\n", 1)[-1]
    found = SUMMARY.fullmatch(last)
    assert found, f"last line is not 'N passed, N failed': {last!r}\n{result.stderr}"
    return int(found[1]), int(found[2])


def verdicts(report: Path) -> list[str]:
    """The report's table of every run, one line per run."""
    text = report.read_text(encoding="utf-8")
    return [
        line for line in text.split("## Every run", 1)[1].splitlines() if line.startswith("| `")
    ]


@pytest.mark.xdist_group("site-check_kit")
def test_the_site_serves_the_kit(site, kit_bytes: bytes) -> None:
    """The site's download is this kit, small, and holds every program and the
    runner's modules; built twice, it is the same archive."""
    served = (site.dir / KIT_PATH).read_bytes()
    assert served == kit_bytes == build_kit(REPO_ROOT)
    # What the suite runs its examples through is what the site serves.
    names = {"en": "the site's examples", "zh": "本站示例"}
    suite = assemble(REPO_ROOT, site_catalog(), names)
    archive = zipfile.ZipFile(io.BytesIO(served))
    runtime = [f"verifier/{module}" for module in RUNTIME]
    for name in [*runtime, *(e.file for e in site_catalog().examples)]:
        assert archive.read(f"{FOLDER}/{name}") == suite[name], name
    declarations = json.loads(archive.read(f"{FOLDER}/claims.json"))["declarations"]
    assert declarations == json.loads(suite["claims.json"])["declarations"]
    assert len(served) < MAX_BYTES, f"{len(served)} bytes"
    names = set(zipfile.ZipFile(io.BytesIO(served)).namelist())
    assert all(name.startswith(FOLDER + "/") for name in names)
    wanted = {f"{FOLDER}/{e.file}" for e in site_catalog().examples}
    wanted |= {f"{FOLDER}/{file}" for e in site_catalog().examples for file, _ in e.files}
    wanted |= {f"{FOLDER}/verifier/{m}" for m in RUNTIME}
    wanted |= {f"{FOLDER}/{n}" for n in ("check.py", "claims.json", "requirements.txt")}
    assert wanted <= names, sorted(wanted - names)


@pytest.mark.xdist_group("plain-kit")
def test_a_plain_interpreter_without_a_pty_finds_no_difference(kit: Path, tmp_path: Path) -> None:
    """The kit, unpacked, run on two pages' programs by the plain interpreter
    .venv was made from (nothing installed) and forced onto the unbuffered pipe
    instead of the pty: every run it makes passes, every selected run has a
    verdict, and the runs that need a package it lacks are skipped, saying which."""
    report = tmp_path / "report.md"
    python = plain(sys.executable)
    result = run_kit(
        python,
        kit,
        "--jobs",
        str(JOBS),
        "--report",
        str(report),
        "--stdout-mode",
        "unbuffered-pipe",
        *(arg for page in SMOKE for arg in ("-k", page)),
    )
    passed, failed = summary(result)
    assert (result.returncode, failed) == (0, 0), result.stdout[-20000:] + result.stderr
    assert passed >= 20, result.stdout
    text = report.read_text()
    assert "None: every claimed run printed what the pages show." in text
    assert "unbuffered pipe (no pty)" in text
    selected = [
        e
        for e in site_catalog().examples
        if e.file.startswith(tuple(f"examples/{p}" for p in SMOKE))
    ]
    runs = sum(len(e.methods) * len(e.stdout_kinds) for e in selected)
    assert len(verdicts(report)) == runs
    skipped = [line for line in verdicts(report) if "| skipped |" in line]
    assert all("pip install -r requirements.txt" in line for line in skipped), skipped
    if subprocess.run([python, "-c", "import tqdm"], check=False, capture_output=True).returncode:
        assert skipped, "tqdm is missing, yet tqdm_bar.py was not skipped"


def test_a_changed_line_is_reported_exactly(kit: Path, tmp_path: Path) -> None:
    """One expected line changed on one page: exactly that difference, for each
    start method the block claims, and a non-zero exit."""
    data_file = kit.parent / "claims.json"
    data = json.loads(data_file.read_text(encoding="utf-8"))
    (item,) = [e for e in data["declarations"]["examples"] if e["file"].endswith("/put_get.py")]
    shown = next(s for s in item["shown"] if s["fence"]["page"].startswith("docs/en/"))
    block = next(b for b in shown["outputs"] if b["stream"] == "stdout")
    original = block["fence"]["body"].splitlines(keepends=True)
    changed = original[0].rstrip("\n") + " (changed)\n"
    block["fence"]["body"] = "".join([changed, *original[1:]])
    data_file.write_text(json.dumps(data), encoding="utf-8")
    report = tmp_path / "report.md"
    result = run_kit(sys.executable, kit, "-k", "queue/put_get.py", "--report", str(report))
    assert result.returncode == 1, result.stdout + result.stderr
    assert summary(result) == (0, len(block["methods"]))
    where = f"{shown['fence']['page']}:{block['fence']['line']}"
    diffs = re.findall(r"^[-+](?![-+]{2} ).*$", result.stdout, re.MULTILINE)
    expected = [f"-{changed.rstrip()}", f"+{original[0].rstrip()}"] * len(block["methods"])
    assert diffs == expected, result.stdout
    assert result.stdout.count(f"stdout differs from the block at {where}") == len(block["methods"])
    # The report has the same diffs, and says on what it ran.
    text = report.read_text(encoding="utf-8")
    assert f"-{changed.rstrip()}" in text and f"+{original[0].rstrip()}" in text
    assert "- Python: CPython " in text and "- Platform: " in text


def test_nothing_checked_is_no_pass(kit: Path) -> None:
    """A selection that matches no example is an error, not a green run."""
    result = run_kit(sys.executable, kit, "-k", "no-such-example")
    assert result.returncode == 2
    assert "nothing was checked" in result.stderr


def _commands(job: dict) -> list[str]:
    """The shell commands of a job's steps, one per line, comments removed,
    but for the download itself (from the site, or from this build's artifact)."""
    lines = [
        line.split("  #")[0].strip()
        for step in job["steps"]
        for line in step.get("run", "").splitlines()
    ]
    return [line for line in lines if line and not line.startswith("curl ")]


def test_the_site_runs_the_job_the_page_gives() -> None:
    """The contributor page's CI job for readers and the site's own check-kit
    job run the same commands on the same systems, in both languages."""
    workflow = yaml.safe_load((REPO_ROOT / ".github/workflows/test.yml").read_text())
    site_job = workflow["jobs"]["check-kit"]
    for language in LANGUAGES:
        page = REPO_ROOT / "docs" / language / "contributing" / "verification.md"
        (block,) = [
            fence.body
            for fence in scan_fences(page.read_text(encoding="utf-8"), page)
            if fence.language == "yaml" and fence.body.startswith("check-kit:")
        ]
        job = yaml.safe_load(block)["check-kit"]
        assert job["strategy"]["matrix"]["os"] == site_job["strategy"]["matrix"]["os"]
        assert _commands(job) == _commands(site_job), page


def test_a_console_without_chinese_gets_escapes(kit: Path) -> None:
    """Where stdout cannot encode the page titles (a Windows runner's cp1252
    pipe), the kit escapes them instead of failing."""
    result = run_kit(
        sys.executable,
        kit,
        "-k",
        "index/",
        "--methods",
        "spawn",
        env={"PYTHONIOENCODING": "cp1252"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert summary(result) == (1, 0)
    title = "\\u8fdb\\u7a0b\\u95f4"  # 进程间, of the home page's title
    assert f"index: Python {title}" in result.stdout, result.stdout


@pytest.mark.parametrize("python_3_9", [False, True], ids=["stdlib_module_names", "python-3.9"])
def test_the_standard_library_is_no_requirement(monkeypatch, python_3_9: bool) -> None:
    """Only what a program imports from outside the standard library can make
    its runs "skipped"; Python 3.9, which builds the site too, has no
    `sys.stdlib_module_names`, so the library folders are read instead."""
    standard_library.cache_clear()
    if python_3_9:
        monkeypatch.delattr(sys, "stdlib_module_names", raising=False)
    try:
        names = standard_library()
    finally:
        standard_library.cache_clear()
    assert {"os", "multiprocessing", "json", "ctypes", "sqlite3", "concurrent"} <= names
    assert not {"numpy", "tqdm", "dask", "distributed", "pytest"} & names
    imports = {e.id: third_party_imports(e.code, e.companions()) for e in site_catalog().examples}
    assert imports["cluster/local_cluster.py"] == ["dask"]
    assert imports["queue/put_get.py"] == []
