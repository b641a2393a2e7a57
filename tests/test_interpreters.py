"""The examples ran on every release line the pages claim (see verifier.interpreters),
and every other place that lists those lines, the CI matrices of GitHub Actions and
the contributing page, lists exactly them: `SUPPORTED` is the one place to edit."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from hooks.site_map import LANGUAGES
from verifier.catalog import REPO_ROOT
from verifier.interpreters import (
    CURRENT,
    FREE_THREADED,
    SUPPORTED,
    counts_for_line,
    line_of,
    python_version,
    unverified,
)
from verifier.pytest_plugin import example_pythons

WORKFLOWS = sorted((REPO_ROOT / ".github" / "workflows").glob("*.yml"))
MATRIX = [*SUPPORTED, *FREE_THREADED]
"""What every `python:` matrix of GitHub Actions lists, in this order."""


def test_every_supported_python_ran(pytestconfig: pytest.Config) -> None:
    """Every release line the pages claim has an interpreter in this run (3.13 and
    3.14 only with a release new enough, see `CURRENT`).  Missing lines fail where
    VERIFIER_REQUIRE_PYTHONS=1 (CI sets it), and are skipped, by name, elsewhere."""
    missing = unverified([python_version(p) for p in example_pythons(pytestconfig)])
    if not missing:
        return
    message = (
        f"not verified on Python {', '.join(missing)} (the pages claim {SUPPORTED[0]} to "
        f"{SUPPORTED[-1]}); `python3 dev.py test` prepares them where it can"
    )
    if os.environ.get("VERIFIER_REQUIRE_PYTHONS") == "1":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


# Run by each interpreter: the modules under a folder (its site-packages by
# default) that have no byte-code cache.
_UNCOMPILED = """
import importlib.util, pathlib, sys, sysconfig
root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else sysconfig.get_paths()["purelib"])
for path in sorted(root.rglob("*.py")):
    if not pathlib.Path(importlib.util.cache_from_source(str(path))).exists():
        print(path)
"""


def uncompiled(python: str, root: Path | None = None) -> list[str]:
    command = [python, "-c", _UNCOMPILED, *([str(root)] if root else [])]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return done.stdout.splitlines()


def test_the_examples_packages_are_compiled(pytestconfig: pytest.Config) -> None:
    """Every module installed for an interpreter that runs the examples has its
    byte code: the runs set PYTHONDONTWRITEBYTECODE (verifier/runner.py), so a
    module without it is compiled again by every process that imports it (NumPy
    and Dask, 1 s of CPU each time).  dev.py compiles .venv's after installing."""
    found = {p: uncompiled(p) for p in example_pythons(pytestconfig)}
    if not found:
        pytest.skip("no interpreter runs the examples here (--example-python)")
    problems = [f"{p}: {len(m)} modules, such as {m[0]}" for p, m in found.items() if m]
    assert not problems, "not compiled: " + "; ".join(problems)


def test_a_module_without_byte_code_is_found(tmp_path: Path) -> None:
    """The check above can fail: a module never imported nor compiled is listed."""
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "mod.py").write_text("x = 1\n")
    assert uncompiled(sys.executable, tmp_path) == [str(tmp_path / "pkg" / "mod.py")]
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tmp_path)], check=True)
    assert uncompiled(sys.executable, tmp_path) == []


def test_a_line_counts_only_from_its_current_release() -> None:
    assert unverified([f"{line}.0" for line in SUPPORTED]) == [
        f"{line} ({release} or newer)" for line, release in CURRENT.items()
    ]
    assert not counts_for_line("3.13.7") and counts_for_line("3.13.8")
    assert unverified(["3.9.18", "3.15.2"]) == [
        "3.10", "3.11", "3.12", "3.13 (3.13.8 or newer)", "3.14 (3.14.1 or newer)"
    ]  # fmt: skip


# --- the GitHub Actions matrices ------------------------------------------------


def python_matrices(workflow: str) -> dict[str, list[str]]:
    """The `python:` matrix of each job of a workflow's YAML text that has one, as
    strings (an unquoted `3.10` would be the number 3.1, and is shown so)."""
    jobs = (yaml.safe_load(workflow) or {}).get("jobs") or {}
    found = {}
    for name, job in jobs.items():
        matrix = ((job or {}).get("strategy") or {}).get("matrix") or {}
        if isinstance(matrix, dict) and "python" in matrix:
            found[name] = [str(version) for version in matrix["python"]]
    return found


def matrix_problems(workflow: str, where: str) -> list[str]:
    """One line per `python:` matrix of `workflow` that is not `MATRIX`."""
    return [
        f"{where}: job {job!r} runs python: {versions}, not {MATRIX} (SUPPORTED, then "
        "FREE_THREADED). Edit SUPPORTED in verifier/interpreters.py first, then this matrix."
        for job, versions in python_matrices(workflow).items()
        if versions != MATRIX
    ]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_every_ci_matrix_lists_the_supported_pythons(workflow) -> None:
    text = workflow.read_text(encoding="utf-8")
    problems = matrix_problems(text, workflow.relative_to(REPO_ROOT).as_posix())
    assert not problems, "\n".join(problems)


def test_the_test_workflow_has_python_matrices() -> None:
    """Else the test above would pass on a workflow that lost its matrices."""
    workflow = REPO_ROOT / ".github" / "workflows" / "test.yml"
    assert set(python_matrices(workflow.read_text(encoding="utf-8"))) == {"test", "check-kit"}


def test_a_matrix_missing_a_line_is_reported() -> None:
    text = (REPO_ROOT / ".github" / "workflows" / "test.yml").read_text(encoding="utf-8")
    missing = text.replace(f'"{SUPPORTED[-1]}", ', "", 1)
    assert missing != text
    problems = matrix_problems(missing, "test.yml")
    assert len(problems) == 1 and "job 'test'" in problems[0]
    assert f"'{SUPPORTED[-2]}', '{FREE_THREADED[0]}'" in problems[0]
    assert "Edit SUPPORTED in verifier/interpreters.py first" in problems[0]
    unquoted = text.replace('"3.10"', "3.10")
    assert "'3.1'" in "".join(matrix_problems(unquoted, "test.yml"))


# --- the contributing page ------------------------------------------------------

PAGES = {lang: REPO_ROOT / "docs" / lang / "contributing" / "verification.md" for lang in LANGUAGES}
_RANGE = re.compile(r"(?<![\d.])(3\.\d+)(?:\s*(?:to|到|至)\s*|–)(3\.\d+)(?![\d.])(?!\s*EOL)")
_RELEASE = re.compile(r"(?<![\d.])3\.\d+\.\d+(?![\d.])")


def _section(text: str, anchor: str) -> str:
    """The text under the heading with `{ #anchor }`, up to the next heading."""
    found = re.search(rf"^#+ .*\{{ #{anchor} \}}\n(.*?)(?=^#+ |\Z)", text, re.MULTILINE | re.DOTALL)
    return found.group(1) if found else ""


def page_version_problems(text: str) -> list[str]:
    """What the contributing page (`verification.md`) says about the Pythons that
    run and is not `SUPPORTED`: the `python:` list of the CI job a reader copies, the
    table of the releases behind the pages (together they must verify every line
    and name no other), the first and last rows of the sample summary, any range
    from the oldest line (it must end at the newest; the labels of the end-of-life
    section are left out), and the free-threaded builds of `FREE_THREADED`."""
    problems = []
    lists = re.findall(r"^\s*python:\s*\[(.*)\]\s*$", text, re.MULTILINE)
    if not lists:
        problems.append("no `python: [...]` list in the CI job for readers")
    for found in lists:
        versions = re.findall(r"[\"']([^\"']+)[\"']", found)
        if versions != list(SUPPORTED):
            problems.append(f"the CI job for readers lists python: {versions}, not {SUPPORTED}")
    pythons = _section(text, "pythons")
    rows = [row for row in pythons.splitlines() if row.startswith("|")]
    releases = [r for row in rows for r in _RELEASE.findall(row.split("|")[1])]
    extra = sorted({line_of(r) for r in releases} - set(SUPPORTED))
    if unverified(releases) or extra:
        problems.append(
            f"the table of releases {releases} leaves {unverified(releases)} unverified"
            f" and names {extra} beyond SUPPORTED"
        )
    summary = re.findall(r"^(3\.\d+\.\d+) +\d+ +\d+ +\d+", pythons, re.MULTILINE)
    if not summary or (line_of(summary[0]), line_of(summary[-1])) != (SUPPORTED[0], SUPPORTED[-1]):
        problems.append(
            f"the sample summary's rows {summary} do not run from {SUPPORTED[0]} to {SUPPORTED[-1]}"
        )
    outside_labels = text.replace(_section(text, "end-of-life"), "")
    for low, high in _RANGE.findall(outside_labels):
        if low == SUPPORTED[0] and high != SUPPORTED[-1]:
            problems.append(f"the range {low}–{high} does not end at {SUPPORTED[-1]}")
    problems += [f"#pythons does not name {b}" for b in FREE_THREADED if b not in pythons]
    return problems


@pytest.mark.parametrize("language", list(PAGES))
def test_contributing_page_lists_the_supported_pythons(language: str) -> None:
    problems = page_version_problems(PAGES[language].read_text(encoding="utf-8"))
    assert not problems, "\n".join(
        [f"{PAGES[language].relative_to(REPO_ROOT)}: {p}" for p in problems]
        + ["SUPPORTED in verifier/interpreters.py is the one list; make the page agree"]
    )


_OLDEST, _NEWEST, _BEFORE = (re.escape(line) for line in (SUPPORTED[0], *SUPPORTED[-1:-3:-1]))
_DRIFTS = {  # pattern on the page, its replacement, what the problem says
    "job": (rf'(python: \[.*), "{_NEWEST}"\]', r"\1]", "the CI job for readers"),
    "range": (
        rf"(?<![\d.]){_OLDEST} (to|到) {_NEWEST}(?![\d.])",
        rf"{SUPPORTED[0]} \1 {SUPPORTED[-2]}",
        f"the range {SUPPORTED[0]}–{SUPPORTED[-2]}",
    ),
    "table": (rf"(\|.*)(, |、){_NEWEST}\.\d+", r"\1", f"'{SUPPORTED[-1]}'] unverified"),
    "summary": (rf"\n{_NEWEST}\.\d+ .*", "", "sample summary"),
    "free-threaded": (
        re.escape(FREE_THREADED[-1]),
        SUPPORTED[-1],
        f"does not name {FREE_THREADED[-1]}",
    ),
}


@pytest.mark.parametrize("language", list(PAGES))
@pytest.mark.parametrize("drift", list(_DRIFTS))
def test_a_page_listing_other_versions_is_reported(language: str, drift: str) -> None:
    """Each kind of list the test above reads, changed on a copy of the page."""
    text = PAGES[language].read_text(encoding="utf-8")
    pattern, replacement, reported = _DRIFTS[drift]
    changed = re.sub(pattern, replacement, text)
    assert changed != text, f"{drift}: the page no longer has {pattern!r}"
    assert reported in "\n".join(page_version_problems(changed))
