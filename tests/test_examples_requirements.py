"""Every package the examples import is one of `EXAMPLE_PACKAGES`, and the venvs of
the other Pythons get each of them and everything they need
(`verifier.requirements.examples_requirements()`)."""

from __future__ import annotations

import importlib.metadata
import inspect
import re
import sys
from collections.abc import Iterable

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import dev
from verifier.catalog import site_catalog
from verifier.declarations import Example
from verifier.requirements import EXAMPLE_PACKAGES, examples_requirements, third_party_imports

PIN = re.compile(r"^([a-z0-9][^=\s]*)==", re.MULTILINE)


def pinned(requirements: str) -> set[str]:
    return {canonicalize_name(name) for name in PIN.findall(requirements)}


def test_every_dependency_of_an_example_package_is_pinned() -> None:
    wanted = pinned(examples_requirements(dev.LOCK.read_text()))
    assert {"numpy", "tqdm", "dask", "distributed"} <= wanted
    missing = unpinned(EXAMPLE_PACKAGES, wanted)
    assert not missing, f"(package, what it needs that is not pinned): {missing}"


def unpinned(packages: Iterable[str], wanted: set[str]) -> list[tuple[str, str]]:
    """(package, requirement) for everything that `packages` need, directly or
    through each other, and that is not in `wanted`: what the installed packages
    (the lock's pins for this Python) declare they need."""
    missing = []
    todo, seen = list(packages), set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for line in importlib.metadata.requires(name) or []:
            need = Requirement(line)
            if need.marker is None or need.marker.evaluate({"extra": ""}):
                if canonicalize_name(need.name) not in wanted:
                    missing.append((name, need.name))
                todo.append(need.name)
    return missing


def test_every_dependency_of_an_example_package_is_pinned_finds() -> None:
    """A direct dependency left out of the pins, and one of a dependency's."""
    wanted = pinned(examples_requirements(dev.LOCK.read_text()))
    assert unpinned(["dask"], wanted - {"cloudpickle"}) == [("dask", "cloudpickle")]
    assert ("partd", "locket") in unpinned(["dask"], wanted - {"locket"})


def test_packages_only_the_site_tools_need_stay_out() -> None:
    # pytest is both: the debugging page's examples run tests with it.
    wanted = pinned(examples_requirements(dev.LOCK.read_text()))
    assert not {"mkdocs", "pytest-xdist", "playwright", "ruff", "pymdown-extensions"} & wanted


NEWER_STANDARD_LIBRARY = {"_interpreters": (3, 13)}
"""Modules of the standard library from a later Python than some that run the
site's tests: an example that imports one claims output only from that version
on (`interpreters/isolated_config.py`, `data-python=">=3.14"`)."""


def import_names(distribution: str) -> set[str]:
    """The top-level modules an installed distribution provides, which are not
    always its name (PyYAML's are `yaml` and `_yaml`)."""
    found = importlib.metadata.distribution(distribution)
    declared = found.read_text("top_level.txt")
    if declared:
        return set(declared.split())
    tops = {f.parts[0] if len(f.parts) > 1 else inspect.getmodulename(f) for f in found.files or ()}
    return {name for name in tops if name and name.isidentifier()}


def unlisted_imports(examples: Iterable[Example], importable: set[str]) -> list[str]:
    """`file: module` for each import of a module outside the standard library, the
    program's own companion files, and `importable`."""
    return [
        f"{example.file}: {module}"
        for example in examples
        for module in third_party_imports(example.code, example.companions())
        if module not in importable
    ]


def example_packages_imports() -> set[str]:
    """What the examples may import beyond the standard library of this Python."""
    later = {name for name, line in NEWER_STANDARD_LIBRARY.items() if sys.version_info < line}
    return {name for package in EXAMPLE_PACKAGES for name in import_names(package)} | later


def test_every_third_party_import_of_an_example_is_an_example_package() -> None:
    """Otherwise the other Pythons' venvs and the check kit's requirements.txt lack
    it, and its runs fail there (or the kit skips them) instead of showing the page's output."""
    assert {"numpy", "tqdm", "dask", "distributed"} <= example_packages_imports()
    unlisted = unlisted_imports(site_catalog().examples, example_packages_imports())
    assert not unlisted, (
        f"examples import packages that are not in EXAMPLE_PACKAGES: {unlisted}. Add each "
        "package's distribution name to EXAMPLE_PACKAGES in verifier/requirements.py and "
        "to [project] dependencies in pyproject.toml, then run `python3 dev.py lock`."
    )


def test_every_third_party_import_of_an_example_is_an_example_package_finds() -> None:
    """A program importing a package that is installed here but not listed (`requests`,
    directly or as `from requests.adapters import ...`); a companion module and the
    standard library are not findings."""
    example = next(e for e in site_catalog().examples if e.file == "examples/queue/put_get.py")
    planted = Example(
        example.file, "import requests\nfrom requests.adapters import HTTPAdapter\n" + example.code
    )
    assert unlisted_imports([planted], example_packages_imports()) == [
        "examples/queue/put_get.py: requests"
    ]
    local = Example(example.file, "import helper\nimport json\n", files=(("helper.py", b""),))
    assert unlisted_imports([local], example_packages_imports()) == []
