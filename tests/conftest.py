"""The built site, shared by the tests that read it (the example runs, their
options and summary are the verifier's pytest plugin, `verifier.pytest_plugin`)."""

from __future__ import annotations

import os

import pytest

from devtools.built_site import Site, build_site_once


def pytest_configure(config: pytest.Config) -> None:
    # pytest-xdist registers it too, but not when it is disabled (-p no:xdist).
    config.addinivalue_line("markers", "xdist_group(name): keep these tests on one worker")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """Both languages, built once per test run: the first worker that needs it
    builds it (about 20 s), the others wait for it and share it.  Each test
    module that uses it is an xdist group of its own (`site-<module>`), so that
    the modules spread over the workers."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # this run's folder, above each worker's own
    return build_site_once(shared / "site")
