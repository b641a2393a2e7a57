"""The site's languages and where each page is built: the one place that knows.

The languages are those of the i18n plugin in mkdocs.yml (mkdocs-static-i18n,
`docs_structure: folder`): the source of page `name` in `language` is
`docs/<language>/<name>.md`; the default language is built at the site root,
every other one below a folder named after it.  So `queue` is built at
`queue/` in Chinese and at `en/queue/` in English; the home page (`index`) at
`` and `en/`.

Paths here are URL paths relative to the site root, as the built site is
served below any path (GitHub Pages serves it below the repository's name).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from mkdocs.utils.yaml import yaml_load

if TYPE_CHECKING:
    from verifier.pages import Page

CONFIG_FILE = Path(__file__).resolve().parents[1] / "mkdocs.yml"
"""The configuration that lists these hooks."""
HOME = "index"
"""The name of the home page."""


@cache
def site_config() -> dict:
    """mkdocs.yml as written (no defaults filled in), read with MkDocs' own YAML loader."""
    with open(CONFIG_FILE, encoding="utf-8") as file:
        return yaml_load(file)


def _languages() -> tuple[str, ...]:
    """The locales the i18n plugin builds, the default one first."""
    plugins = site_config()["plugins"]
    (i18n,) = [p["i18n"] for p in plugins if isinstance(p, dict) and "i18n" in p]
    built = [entry for entry in i18n["languages"] if entry.get("build", True)]
    built.sort(key=lambda entry: not entry.get("default", False))  # stable: the rest in order
    return tuple(entry["locale"] for entry in built)


def site_names() -> dict[str, tuple[str, str]]:
    """Each language's site name and description: mkdocs.yml's, or what its
    i18n entry sets instead (`site_name`, `site_description`)."""
    config = site_config()
    (i18n,) = [p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p]
    return {
        entry["locale"]: (
            entry.get("site_name", config["site_name"]),
            entry.get("site_description", config.get("site_description", "")),
        )
        for entry in i18n["languages"]
    }


LANGUAGES = _languages()
"""Every language of the site, the default first: `("zh", "en")`."""
DEFAULT_LANGUAGE = LANGUAGES[0]
"""Built at the site root; the others below `<language>/`."""


def url_path(language: str, name: str) -> str:
    """Where page `name` (`queue`, `contributing/verification`, `index`) of
    `language` is built: `queue/`, `en/queue/`, `` (the Chinese home page)."""
    page = "" if name == HOME else f"{name}/"
    return page if language == DEFAULT_LANGUAGE else f"{language}/{page}"


def source_page(src_uri: str) -> tuple[str, str] | None:
    """(language, name) of a source page given by its path below docs/
    (`en/contributing/verification.md` -> `("en", "contributing/verification")`),
    or `None` for a file outside every language's folder."""
    language, *rest = PurePosixPath(src_uri).parts
    if language not in LANGUAGES or not rest:
        return None
    return language, PurePosixPath(*rest).with_suffix("").as_posix()


def language_if_page(src_uri: str, name: str) -> str | None:
    """The language of the source page `src_uri` when it is page `name` (of any
    language), else `None`: for the hooks that fill in one page."""
    found = source_page(src_uri)
    return found[0] if found and found[1] == name else None


def page_language(src_uri: str) -> str | None:
    """The language of a source page below docs/ (MkDocs' `page.file.src_uri`)."""
    found = source_page(src_uri)
    return found[0] if found else None


def catalog_page(page: Page) -> tuple[str, str]:
    """(language, name) of a page of the page catalog (`verifier.pages.Page`,
    whose `path` is `docs/en/queue.md`)."""
    found = source_page(PurePosixPath(*page.path.parts[1:]).as_posix())
    if found is None:
        raise ValueError(f"{page.path} is in no language's folder of docs/")
    return found


def html_file(page: Page) -> str:
    """The built HTML file of a page of the page catalog, relative to the site
    root: `en/queue/index.html` for `docs/en/queue.md`."""
    return url_path(*catalog_page(page)) + "index.html"


def url_of(built: PurePosixPath | Path | str) -> str:
    """The URL path of a built HTML file relative to the site root:
    `en/queue/index.html` -> `en/queue/`, `index.html` -> ``."""
    return PurePosixPath(built).as_posix().removesuffix("index.html")


def page_at(url: str) -> tuple[str, str]:
    """(language, name) of the page built at `url` (a URL path relative to the
    site root, as `url_path` gives): `en/queue/` -> `("en", "queue")`."""
    parts = [part for part in url.split("/") if part]
    language = parts.pop(0) if parts and parts[0] in LANGUAGES[1:] else DEFAULT_LANGUAGE
    return language, "/".join(parts) or HOME


def other_language(language: str) -> str:
    """The language the language menu offers besides `language` (the site has two)."""
    (other,) = [each for each in LANGUAGES if each != language]
    return other


def twin(language: str, name: str) -> str:
    """Where the same page is built in the other language: `twin("zh", "queue")` is `en/queue/`."""
    return url_path(other_language(language), name)
