"""The downloads of the built site (hooks/downloads.py): a link for every
program and companion file a page shows, each serving the file byte for byte
as it is in examples/, and each page's zip holding exactly that page's files.

Which block shows which file is the page checker's rule (`shown_files` in
verifier/pages.py), which the hook and the checks below both read; so that a
mistake in that rule cannot hide behind itself, the rule is held to lists
written out by hand for a few pages (`SHOWN`) and to what the pages declare.

The checks are functions that list what is wrong in a built site's folder, so
that the tests at the end can run them on a damaged copy and see them fail.
"""

from __future__ import annotations

import html
import io
import shutil
import zipfile
from pathlib import Path, PurePosixPath

import pytest

from devtools.built_site import Site, parse_html
from hooks import downloads
from hooks.archives import ZIP_TIME
from hooks.site_map import catalog_page, html_file
from hooks.strings import strings
from verifier.catalog import REPO_ROOT, site_catalog
from verifier.pages import Page, shown_files

pytestmark = pytest.mark.xdist_group("site-downloads")

SHOWN = {
    "languages": [  # each C or JavaScript file before its program; upper.js once, for two
        "examples/languages/shm_reader.c",
        "examples/languages/shm_reader.py",
        "examples/languages/shm_owner.c",
        "examples/languages/c_owns.py",
        "examples/languages/upper.js",
        "examples/languages/jsonl_node.py",
        "examples/languages/jsonl_batch.py",
        "examples/languages/read_records.c",
        "examples/languages/struct_records.py",
        "examples/languages/read_npy.c",
        "examples/languages/npy_to_c.py",
        "examples/languages/double_npy.c",
        "examples/languages/memmap_with_c.py",
    ],
    "queue": [  # after a diagram
        "examples/queue/put_get.py",
        "examples/queue/producers_consumers.py",
        "examples/queue/joinable_queue.py",
        "examples/queue/join_before_drain.py",
        "examples/queue/get_timeout.py",
        "examples/queue/bounded_queue.py",
        "examples/queue/copy_not_shared.py",
        "examples/queue/simple_queue.py",
        "examples/queue/close_join_thread.py",
        "examples/queue/cancel_join_thread.py",
    ],
    "performance": [  # and a { .bash .not-runnable } block
        "examples/performance/put_returns_early.py",
        "examples/performance/hidden_copy.py",
        "examples/performance/out_of_band.py",
        "examples/performance/large_array.py",
    ],
    "glossary": [],  # includes a table from docs/_includes/, no example
}
"""The files some pages show, in page order, the same in both languages: written
out by reading the pages, not by the rule they check."""


def _pages_named(name: str) -> list[Page]:
    """The page `name` in both languages."""
    paths = {f"docs/{language}/{name}.md" for language in ("zh", "en")}
    return [page for page in site_catalog().pages if page.path.as_posix() in paths]


def test_the_pages_written_out_show_those_files() -> None:
    for name, files in SHOWN.items():
        pages = _pages_named(name)
        assert len(pages) == 2, name
        for page in pages:
            assert list(shown_files(page).values()) == files, page.path


def test_every_page_shows_each_program_and_each_file_it_needs() -> None:
    """What the blocks show is what the page declares: its programs and their
    `data-files`, each at least once, and nothing else."""
    for page in site_catalog().pages:
        declared = {e.file for e in page.examples}
        declared |= {file for e in page.examples for file, _ in e.files}
        assert set(shown_files(page).values()) == declared, page.path


def _links(site_dir: Path, page: Page, css_class: str) -> list[tuple[str, dict[str, str]]]:
    """(file relative to the site root, attributes) of each download link of
    `css_class` (`code-download`, or `page-zip` for the page's zip), resolved
    from the page's own folder."""
    built = site_dir / html_file(page)
    found = []
    for tag in parse_html(built.read_text(encoding="utf-8")):
        classes = tag.attrs.get("class", "").split()
        if tag.name == "a" and "download" in tag.attrs and css_class in classes:
            target = (built.parent / tag.attrs["href"]).resolve()
            inside = target.is_relative_to(site_dir.resolve())
            where = target.relative_to(site_dir.resolve()).as_posix() if inside else str(target)
            found.append((where, tag.attrs))
    return found


def link_problems(site_dir: Path) -> list[str]:
    """Every file a page shows has its link, in page order, named in the page's
    language, resolving (relative to the page) to a file the site has."""
    problems = []
    for page in site_catalog().pages:
        language, _ = catalog_page(page)
        links = _links(site_dir, page, "code-download")
        wanted = [f"{downloads.FOLDER}/{file}" for file in shown_files(page).values()]
        if [where for where, _ in links] != wanted:
            problems.append(f"{page.path}: links to {[w for w, _ in links]}, shows {wanted}")
            continue
        for where, attrs in links:
            name = PurePosixPath(where).name
            label = strings(language)["downloads"]["file"].format(name)
            if attrs.get("aria-label") != label or attrs.get("download") != name:
                problems.append(f"{page.path}: link to {where} is named {attrs}, not {label!r}")
            if not (site_dir / where).is_file():
                problems.append(f"{page.path}: {where} is not in the site")
    return problems


def content_problems(site_dir: Path) -> list[str]:
    """Each download is its example file, byte for byte."""
    files = {file for page in site_catalog().pages for file in shown_files(page).values()}
    return [
        f"{downloads.FOLDER}/{file} differs from {file}"
        for file in sorted(files)
        if not (site_dir / downloads.FOLDER / file).is_file()
        or (site_dir / downloads.FOLDER / file).read_bytes() != (REPO_ROOT / file).read_bytes()
    ]


def zip_problems(site_dir: Path) -> list[str]:
    """A page with programs links to one zip, once, holding exactly its files in
    the folder named after it, each byte for byte; a page without has none."""
    problems = []
    for page in site_catalog().pages:
        language, _ = catalog_page(page)
        links = _links(site_dir, page, "page-zip")
        files = list(shown_files(page).values())
        if not files:
            if links:
                problems.append(f"{page.path}: shows no program but links to {links}")
            continue
        slug = PurePosixPath(files[0]).parent.name
        wanted = f"{downloads.FOLDER}/examples/{slug}.zip"
        if [where for where, _ in links] != [wanted]:
            problems.append(f"{page.path}: zip links {[w for w, _ in links]}, not [{wanted}]")
            continue
        text = html.unescape((site_dir / html_file(page)).read_text(encoding="utf-8"))
        if strings(language)["downloads"]["zip"] not in text:
            problems.append(f"{page.path}: the zip link does not say so in {language}")
        try:
            archive = zipfile.ZipFile(site_dir / wanted)
        except (OSError, zipfile.BadZipFile) as error:
            problems.append(f"{wanted}: {error}")
            continue
        with archive:
            held = {info.filename: archive.read(info) for info in archive.infolist()}
        expected = {
            f"{slug}/{PurePosixPath(file).name}": (REPO_ROOT / file).read_bytes() for file in files
        }
        if held.keys() != expected.keys():
            problems.append(f"{wanted} holds {sorted(held)}, {page.path} shows {sorted(expected)}")
        problems += [
            f"{wanted}: {name} differs from the example file"
            for name in sorted(held.keys() & expected.keys())
            if held[name] != expected[name]
        ]
    return problems


def test_every_shown_file_has_its_download_link(site: Site) -> None:
    assert site.returncode == 0, site.log
    assert not link_problems(site.dir), "\n".join(link_problems(site.dir))
    assert sum(len(shown_files(page)) for page in site_catalog().pages) > 100


def test_every_download_is_its_example_file(site: Site) -> None:
    assert not content_problems(site.dir), "\n".join(content_problems(site.dir))


def test_every_page_zip_holds_exactly_its_files(site: Site) -> None:
    assert not zip_problems(site.dir), "\n".join(zip_problems(site.dir))


def test_the_site_offers_the_files_written_out(site: Site) -> None:
    """The links and the zip of each page in `SHOWN`, as built."""
    for name, files in SHOWN.items():
        for page in _pages_named(name):
            links = [where for where, _ in _links(site.dir, page, "code-download")]
            assert links == [f"{downloads.FOLDER}/{file}" for file in files], page.path
        archive = site.dir / downloads.FOLDER / "examples" / f"{name}.zip"
        if not files:
            assert not archive.exists(), archive
            continue
        with zipfile.ZipFile(archive) as held:
            names = sorted(info.filename for info in held.infolist())
        assert names == sorted(f"{name}/{PurePosixPath(file).name}" for file in files)


def test_zips_are_reproducible(site: Site) -> None:
    """The same files give the same bytes: sorted entries, fixed times and modes."""
    built = site.dir / downloads.FOLDER / "examples" / "languages.zip"
    files = [f"examples/languages/{name}" for name in ("upper.js", "jsonl_node.py")]
    again = downloads.zip_bytes(REPO_ROOT, files[::-1], "languages")
    assert again == downloads.zip_bytes(REPO_ROOT, files, "languages")
    with zipfile.ZipFile(io.BytesIO(again)) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == ["languages/jsonl_node.py", "languages/upper.js"]
    assert {i.date_time for i in infos} == {ZIP_TIME}
    with zipfile.ZipFile(built) as archive:
        names = [i.filename for i in archive.infolist()]
    assert names == sorted(names) and {i.date_time for i in archive.infolist()} == {ZIP_TIME}


# The checks can fail: each runs on a copy of the site with one thing broken.


@pytest.fixture
def site_copy(site: Site, tmp_path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(site.dir, copy)
    return copy


def test_link_check_finds_a_missing_and_a_misnamed_link(site_copy: Path) -> None:
    en_queue = site_copy / "en" / "queue" / "index.html"
    text = en_queue.read_text(encoding="utf-8")
    en_queue.write_text(text.replace('aria-label="Download put_get.py"', "", 1), encoding="utf-8")
    zh_pipe = site_copy / "pipe" / "index.html"
    text = zh_pipe.read_text(encoding="utf-8")
    zh_pipe.write_text(text.replace('class="md-code__nav code-download"', "", 1), encoding="utf-8")
    problems = "\n".join(link_problems(site_copy))
    assert "docs/en/queue.md: link to downloads/examples/queue/put_get.py" in problems
    assert "docs/zh/pipe.md: links to" in problems


def test_link_check_finds_a_link_that_resolves_wrong(site_copy: Path) -> None:
    """The zh page is one folder less deep than the en one: the en prefix is wrong there."""
    zh_queue = site_copy / "queue" / "index.html"
    text = zh_queue.read_text(encoding="utf-8")
    zh_queue.write_text(text.replace('href="../downloads/', 'href="../../downloads/'), "utf-8")
    assert any("docs/zh/queue.md" in p for p in link_problems(site_copy))


def test_content_check_finds_a_changed_byte(site_copy: Path) -> None:
    target = site_copy / "downloads" / "examples" / "languages" / "shm_reader.c"
    target.write_bytes(target.read_bytes().replace(b"\n", b"\r\n", 1))
    assert content_problems(site_copy) == [
        "downloads/examples/languages/shm_reader.c differs from examples/languages/shm_reader.c"
    ]


def test_zip_check_finds_an_extra_a_changed_and_a_missing_file(site_copy: Path) -> None:
    queue = site_copy / "downloads" / "examples" / "queue.zip"
    with zipfile.ZipFile(queue, "a") as archive:
        archive.writestr("queue/extra.py", "print()\n")
    pipe = site_copy / "downloads" / "examples" / "pipe.zip"
    with zipfile.ZipFile(pipe) as archive:
        held = {i.filename: archive.read(i) for i in archive.infolist()}
    first = min(held)
    held[first] += b"# changed\n"
    with zipfile.ZipFile(pipe, "w") as archive:
        for name, content in held.items():
            archive.writestr(name, content)
    (site_copy / "downloads" / "examples" / "manager.zip").unlink()
    problems = "\n".join(zip_problems(site_copy))
    assert "queue.zip holds" in problems and "queue/extra.py" in problems
    assert f"pipe.zip: {first} differs" in problems
    assert "manager.zip: [Errno 2]" in problems
