"""Every program shown on the site prints exactly what its pages show.

One test per (interpreter, program, start method, stdout kind), as listed by
`verifier.cases`.  The program is run as a reader runs it (see `verifier.run`)
and the result is compared with every page that shows it.  With
--update-examples the shown outputs are rewritten from real runs instead (see
`verifier.update`).
"""

from __future__ import annotations

import json
import time

import pytest
from snippet_interpreters import snippet_pythons

from verifier.cases import cases, skip_reason
from verifier.catalog import site_catalog
from verifier.check import verify
from verifier.run import python_version
from verifier.update import plan


def _cases(config: pytest.Config) -> list:
    wanted = tuple(config.getoption("start_methods").split(","))
    root = config.getoption("site_root").resolve()
    return [
        pytest.param(case.snippet, case.method, case.stdout_kind, case.python, id=case.id)
        for case in cases(site_catalog(root), snippet_pythons(config), wanted)
    ]


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
    reason = skip_reason(snippet, method, version)
    if reason:
        request.node.user_properties += [
            ("start_method", method),
            ("python_version", version),
            ("snippet_runs", 0),
            ("snippet_failed_runs", 0),
        ]
        pytest.skip(reason)
    repeat = config.getoption("snippet_repeat")
    started = time.monotonic()
    verdict = verify(snippet, method, repeat=repeat, stdout_kind=stdout_kind, **options)
    phases = {"verify": time.monotonic() - started}
    for result in verdict.results:
        for phase, seconds in result.phases.items():
            phases[phase] = phases.get(phase, 0.0) + seconds
    request.node.user_properties += [
        ("start_method", method),
        ("python_version", version),
        ("snippet_runs", len(verdict.results)),
        ("snippet_failed_runs", verdict.failed_runs),
        # Where the time went (see verifier.run.RunResult.phases); read from
        # --junitxml by benchmarks/verifier_overhead.py.
        ("snippet_seconds", json.dumps({k: round(v, 6) for k, v in phases.items()})),
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
