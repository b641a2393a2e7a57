"""Runs as in a container (`data-container`): each setting takes effect, what a
run leaves inside is reported, and a machine that cannot do it says why."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from tests.verifier.helpers import FIXTURE
from verifier import container
from verifier.container import describe, problems, unavailable
from verifier.pages import parse_page
from verifier.pytest_plugin import example_pythons
from verifier.runner import run_program

CANNOT = unavailable(sys.executable, ("shm=64m", "pid1", "cpus=0.5"))
needs_container = pytest.mark.skipif(bool(CANNOT), reason=CANNOT)


def run(source: str, *settings: str, python: str = sys.executable, method: str = "spawn"):
    return run_program(
        textwrap.dedent(source), start_method=method, python=python, container=settings
    )


@pytest.fixture(params=[0, -1], ids=["oldest", "newest"])
def python(request, pytestconfig) -> str:
    """The oldest and the newest interpreter of the run (a Debian build runs in its root)."""
    return example_pythons(pytestconfig)[request.param]


@needs_container
def test_shm_is_a_tmpfs_of_the_size_asked_and_nothing_else_changes(python) -> None:
    result = run(
        """
        import os, shutil
        print(shutil.disk_usage("/dev/shm").total // 2**20, "MiB")
        print("not PID 1:", os.getpid() != 1)
        """,
        "shm=48m",
        python=python,
    )
    assert (result.stdout, result.stderr, result.exit_code) == (
        "48 MiB\nnot PID 1: True\n",
        "",
        0,
    )


@needs_container
def test_pid1_makes_the_program_the_first_process_of_its_namespace(python) -> None:
    result = run("import os\nprint(os.getpid())\n", "pid1", python=python)
    assert result.stdout.split()[0] == "1", result.stderr


@needs_container
def test_cpus_puts_the_program_under_a_quota_and_removes_the_cgroup(python) -> None:
    result = run(
        """
        from pathlib import Path
        line = [l for l in open("/proc/self/cgroup") if ":cpu:" in l or ":cpu," in l
                or l.startswith("0::")][0]
        path = line.strip().split(":", 2)[2]
        for name in ("cpu.cfs_quota_us", "cpu.max"):
            for root in Path("/sys/fs/cgroup").glob("*"):
                file = root / path.lstrip("/") / name
                if file.exists() and path != "/":
                    print(name, file.read_text().split()[0], file.parent)
        """,
        "cpus=0.25",
        python=python,
    )
    name, quota, group = result.stdout.split()
    assert (name, quota) in (("cpu.cfs_quota_us", "25000"), ("cpu.max", "25000")), result.stderr
    # The run's own cgroup is gone (other runs may have theirs meanwhile).
    assert Path(group).name.startswith("verifier-") and not Path(group).exists()


@needs_container
def test_what_a_run_leaves_in_its_own_shm_and_processes_are_reported() -> None:
    result = run(
        """
        import subprocess, sys
        from multiprocessing import resource_tracker, shared_memory
        block = shared_memory.SharedMemory(create=True, size=4096)
        resource_tracker.unregister(block._name, "shared_memory")  # forgotten for good
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        print(block.name)
        """,
        "shm=16m",
    )
    name = result.stdout.strip().lstrip("/")
    assert result.leaked == [f"{name} (the container's own /dev/shm)"]
    assert len(result.survivors) == 1 and "time.sleep(60)" in result.survivors[0]
    assert not Path("/dev/shm", name).exists()  # it lived in the container's tmpfs


@needs_container
def test_a_program_killed_by_a_signal_has_that_exit_status() -> None:
    result = run("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n", "shm=16m")
    assert result.exit_code == -9


def test_settings_are_checked() -> None:
    assert problems(("shm=64m", "cpus=0.5")) == []
    assert problems(("shm=64", "cpu=1"))[0].startswith("'shm=64' is not")
    assert len(problems(("shm=64", "cpu=1"))) == 2
    assert "pid1 cannot go with shm=" in problems(("pid1", "shm=64m"))[0]
    assert describe(("shm=64m", "pid1", "cpus=0.5")) == "--shm-size=64m · PID 1 · --cpus=0.5"


def test_a_machine_that_cannot_says_why(monkeypatch) -> None:
    monkeypatch.setattr(container.os, "geteuid", lambda: 1000)
    monkeypatch.setattr(container, "cpu_controller", lambda: None)
    assert container.missing(("cpus=1",)) == [
        "root (namespaces and mounts)",
        "a cgroup CPU controller it may write",
    ]
    monkeypatch.setattr(container.sys, "platform", "darwin")
    assert container.missing(("pid1",)) == ["Linux"]
    assert unavailable(sys.executable, ()) == ""


@pytest.mark.parametrize(
    ("fence", "problem"),
    [
        ('data-platforms="linux" data-container="shm=64m"', None),
        ('data-container="shm=64m"', 'data-container needs data-platforms="linux" too'),
        ('data-platforms="linux" data-container="shm=64"', "'shm=64' is not shm=<size>m"),
    ],
)
def test_a_page_declares_a_container_with_the_platform(tmp_path, fence, problem) -> None:
    (tmp_path / "examples" / "p").mkdir(parents=True)
    (tmp_path / "examples" / "p" / "x.py").write_text("print(1)\n")
    (tmp_path / "mkdocs.yml").write_text((FIXTURE / "mkdocs.yml").read_text())
    text = f'```{{ .python title="x.py" {fence} }}\n--8<-- "examples/p/x.py"\n```\n\n'
    text += '```output title="Output"\n1\n```\n'
    page = parse_page(text, Path("docs/en/p.md"), tmp_path)
    found = [p for p in page.problems if problem and problem in p]
    assert (found, page.examples[0].container if not problem else ()) == (
        ([found[0]], ()) if problem else ([], ("shm=64m",))
    ), page.problems
