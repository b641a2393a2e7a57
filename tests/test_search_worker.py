"""hooks/search_worker.py: Material's search worker gets the fixes, or the build
says why it cannot.  The browser tests (tests/browser/test_search.py) show what
the fixes do to the results, and tests/test_site.py that the built site has the
fixed worker; these check the patching itself, on the worker the theme ships
and on scripts it would not recognise."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from hooks import search_worker

THEME_WORKERS = Path(material.__file__).parent / "templates" / search_worker.WORKERS


@pytest.fixture(scope="module")
def shipped() -> str:
    [script] = THEME_WORKERS.glob("search.*.min.js")
    return script.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def preamble() -> str:
    return search_worker.PREAMBLE.read_text(encoding="utf-8")


def test_the_shipped_worker_is_fixed(shipped: str, preamble: str) -> None:
    fixed = search_worker.fix(shipped, preamble)
    assert fixed.startswith(preamble)
    assert search_worker.LOOP not in fixed and fixed.count(search_worker.FIXED_LOOP) == 1
    assert "sourceMappingURL" in shipped and "sourceMappingURL" not in fixed
    # A second build sees the fixed file: it stays as it is.
    assert search_worker.fix(fixed, preamble) == fixed


def test_a_worker_without_the_loop_fails_the_build(shipped: str, preamble: str) -> None:
    other = shipped.replace(search_worker.LOOP, "for(let o=s+1;o<t.length;++o)")
    with pytest.raises(search_worker.WorkerChanged, match="segmenter's loop 0 times"):
        search_worker.fix(other, preamble)


def test_a_worker_that_sets_no_lunr_fails_the_build(shipped: str, preamble: str) -> None:
    other = shipped.replace("self.lunr=", "self.search=")
    with pytest.raises(search_worker.WorkerChanged, match="no self.lunr"):
        search_worker.fix(other, preamble)
