"""Every program shown on the site prints exactly what its pages show.

One test per (program, start method).  The program is run as a reader runs
it (see `verifier.run`) and the result is compared with every page that shows
it.  With --update-examples the shown outputs are rewritten from real runs
instead (see `verifier.update`).
"""

from __future__ import annotations

import multiprocessing
import sys

import pytest
from snippet_interpreters import snippet_pythons

from verifier.catalog import site_catalog
from verifier.check import verify
from verifier.run import python_version
from verifier.update import plan


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".")[:2])


def _skip_reason(snippet, method: str, version: str) -> str | None:
    if method not in multiprocessing.get_all_start_methods():
        return f"{method} is not available here"
    shown = [s for s in snippet.shown if s.runs_on(sys.platform)]
    if not shown:
        where = ", ".join(sorted({p for s in snippet.shown for p in s.platforms}))
        return f"the page shows this program for {where} only"
    oldest = min(
        (s.oldest_python(method) for s in shown if s.oldest_python(method)), key=_version_key
    )
    if _version_key(version) < _version_key(oldest):
        return f"needs Python {oldest} or newer (the page says so)"
    return None


def _cases(config: pytest.Config) -> list:
    wanted = config.getoption("start_methods").split(",")
    pythons = snippet_pythons(config)
    cases = []
    root = config.getoption("site_root").resolve()
    for python in pythons:
        version = python_version(python)
        tag = f"-py{'.'.join(version.split('.')[:2])}" if len(pythons) > 1 else ""
        for snippet in site_catalog(root).snippets:
            for method in snippet.methods:
                if method not in wanted:
                    continue
                for kind in snippet.stdout_kinds:
                    suffix = "" if kind == "terminal" else f"-stdout-to-{kind}"
                    cases.append(
                        pytest.param(
                            snippet,
                            method,
                            kind,
                            python,
                            id=f"{snippet.id}-{method}{suffix}{tag}",
                        )
                    )
    return cases


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    names = ("snippet", "method", "stdout_kind", "snippet_python")
    if set(names) <= set(metafunc.fixturenames):
        metafunc.parametrize(names, _cases(metafunc.config))


# Results kept for --update-examples, which needs every method of a program.
_results: dict = {}


def test_snippet(
    snippet, method, stdout_kind, snippet_python, request: pytest.FixtureRequest, eval_example
) -> None:
    config = request.config
    options = {
        "python": snippet_python,
        "timeout": config.getoption("snippet_timeout"),
        "stdout_mode": config.getoption("stdout_mode"),
    }
    version = python_version(snippet_python)
    reason = _skip_reason(snippet, method, version)
    if reason:
        request.node.user_properties += [
            ("start_method", method),
            ("python_version", version),
            ("snippet_runs", 0),
            ("snippet_failed_runs", 0),
        ]
        pytest.skip(reason)
    repeat = config.getoption("snippet_repeat")
    verdict = verify(snippet, method, repeat=repeat, stdout_kind=stdout_kind, **options)
    request.node.user_properties += [
        ("start_method", method),
        ("python_version", version),
        ("snippet_runs", len(verdict.results)),
        ("snippet_failed_runs", verdict.failed_runs),
    ]
    if not eval_example.update_examples or stdout_kind != "terminal":
        if verdict.failures:
            pytest.fail("\n\n".join(verdict.failures), pytrace=False)
        return

    _results[(snippet.id, method)] = verdict.results[-1]
    if method != snippet.methods[-1]:
        return  # the program's last method plans the rewrite for all of them
    results = {}
    for m in snippet.methods:
        if (snippet.id, m) not in _results:
            _results[(snippet.id, m)] = verify(snippet, m, **options).results[-1]
        results[m] = _results[(snippet.id, m)]
    rewrites, refusals = plan(snippet, results, python_version(options["python"]))
    if refusals:
        pytest.fail("not updated:\n\n" + "\n\n".join(refusals), pytrace=False)
    root = config.getoption("site_root").resolve()
    eval_example.to_update.extend(r.as_code_example(root) for r in rewrites)
