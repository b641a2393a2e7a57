"""The offline copy is built only where it is asked for (hooks/offline_copy.py):
`mkdocs build` with `MKDOCS_OFFLINE_COPY=1`, as `python3 dev.py build` runs it.
Every other build, the tests' and `serve`, puts a small placeholder where the
copy goes, so that the home page's link still finds a zip that says why.

The copy itself, built and opened from disk, is tests/browser/test_offline_copy.py's.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from devtools.built_site import Site
from hooks import offline_copy
from hooks.offline_copy import COPY_ENV, ENV, FOLDER, ZIP


def copy_built_after(monkeypatch, tmp_path: Path, command: str, env: dict[str, str]) -> list:
    """Run the hook's events of a finished build of `command` in `env`: the copies
    it builds (the arguments of `build_copy`, which is not run)."""
    for name in (ENV, COPY_ENV):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    built: list = []

    def build_copy(config_file: Path, target: Path) -> None:
        built.append((config_file, target))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"")

    monkeypatch.setattr(offline_copy, "build_copy", build_copy)
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "index.html").write_text("<p>home</p>")
    config = SimpleNamespace(
        site_dir=str(site), config_file_path=str(tmp_path / "mkdocs.yml"), extra={}
    )
    offline_copy.on_startup(command=command, dirty=False)
    offline_copy.on_config(config)
    offline_copy.on_shutdown()
    return built


@pytest.mark.parametrize(
    ("command", "env", "wanted"),
    [
        ("build", {}, False),
        ("build", {COPY_ENV: "1"}, True),
        ("build", {COPY_ENV: "true"}, True),
        ("gh-deploy", {COPY_ENV: "1"}, True),
        ("build", {COPY_ENV: "0"}, False),
        ("serve", {COPY_ENV: "1"}, False),
        # The copy's own build makes no copy of itself.
        ("build", {COPY_ENV: "1", ENV: "true"}, False),
    ],
)
def test_the_copy_is_built_only_when_asked(
    monkeypatch, tmp_path: Path, command: str, env: dict[str, str], wanted: bool
) -> None:
    built = copy_built_after(monkeypatch, tmp_path, command, env)
    assert built == ([(tmp_path / "mkdocs.yml", tmp_path / "site" / ZIP)] if wanted else [])


@pytest.mark.xdist_group("site-offline_copy")
def test_a_build_without_the_copy_links_a_placeholder(site: Site) -> None:
    assert site.returncode == 0, site.log
    home = (site.dir / "index.html").read_text(encoding="utf-8")
    (link,) = re.findall(r'<p class="offline-copy">.*?<a href="([^"]+)" download>', home)
    assert link == ZIP
    # The shared site is a plain `mkdocs build`: no second build, a placeholder.
    assert "offline copy:" not in site.log
    with zipfile.ZipFile(site.dir / link) as archive:
        assert archive.namelist() == [f"{FOLDER}/index.html"]
        page = archive.read(f"{FOLDER}/index.html").decode()
    chinese, english = page.split('<p lang="en">')
    assert "离线版由 <code>python3 dev.py build</code> 构建" in chinese
    assert "The offline copy is built by <code>python3 dev.py build</code>" in english
    assert all("dev.py serve" in half for half in (chinese, english))
