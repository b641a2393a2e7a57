"""The venvs of the other Pythons get every package the examples import, and
everything those packages need (`verifier.requirements.examples_requirements()`)."""

from __future__ import annotations

import importlib.metadata
import re

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import dev
from verifier.requirements import EXAMPLE_PACKAGES, examples_requirements

PIN = re.compile(r"^([a-z0-9][^=\s]*)==", re.MULTILINE)


def pinned(requirements: str) -> set[str]:
    return {canonicalize_name(name) for name in PIN.findall(requirements)}


def test_every_dependency_of_an_example_package_is_pinned() -> None:
    wanted = pinned(examples_requirements(dev.LOCK.read_text()))
    assert {"numpy", "tqdm", "dask", "distributed"} <= wanted
    # What the installed packages (the lock's pins for this Python) declare they need.
    todo, seen = list(EXAMPLE_PACKAGES), set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for line in importlib.metadata.requires(name) or []:
            need = Requirement(line)
            if need.marker is None or need.marker.evaluate({"extra": ""}):
                assert canonicalize_name(need.name) in wanted, (name, need.name)
                todo.append(need.name)


def test_packages_only_the_site_tools_need_stay_out() -> None:
    wanted = pinned(examples_requirements(dev.LOCK.read_text()))
    assert not {"mkdocs", "pytest", "playwright", "ruff"} & wanted
