"""Run benchmark roles in fresh child processes and collect what they report.

Every measurement runs in new processes (never in the orchestrating one), so
one measurement's heap, threads and page cache state do not leak into the next,
and the start method chosen for the run applies to all of them.  A role is a
module-level function `role(report, *args)`; it returns its result, or raises.
A failure in any role, a role that hangs past the timeout, or one that dies
without reporting, stops the run with the role's traceback.
"""

from __future__ import annotations

import traceback
from multiprocessing import connection


class BenchmarkError(RuntimeError):
    """A benchmark role failed, hung or died; the message holds its traceback."""


def _role_main(report, role, args) -> None:
    try:
        result = role(*args)
    except BaseException:
        report.send(("error", traceback.format_exc()))
        raise
    else:
        report.send(("ok", result))
    finally:
        report.close()


def run_roles(ctx, roles: list[tuple], timeout: float) -> list:
    """Start `(function, args)` roles together; return their results in order.

    `ctx` is a multiprocessing context (its start method is the run's).
    """
    processes, inboxes = [], []
    try:
        for role, args in roles:
            inbox, report = ctx.Pipe(duplex=False)
            process = ctx.Process(target=_role_main, args=(report, role, args), daemon=True)
            process.start()
            report.close()
            processes.append(process)
            inboxes.append(inbox)
        return _collect(processes, inboxes, [role.__name__ for role, _ in roles], timeout)
    finally:
        for process in processes:
            if process.is_alive():
                process.kill()
            process.join(5)
        for inbox in inboxes:
            inbox.close()


def _collect(processes, inboxes, names, timeout: float) -> list:
    results: list = [None] * len(inboxes)
    waiting = dict(zip(inboxes, range(len(inboxes))))
    while waiting:
        ready = connection.wait(list(waiting), timeout)
        if not ready:
            stuck = ", ".join(names[i] for i in waiting.values())
            raise BenchmarkError(f"no result after {timeout:g} s from: {stuck}")
        for inbox in ready:
            index = waiting.pop(inbox)
            try:
                status, value = inbox.recv()
            except EOFError:
                processes[index].join(5)
                raise BenchmarkError(
                    f"{names[index]} died without a result (exit code {processes[index].exitcode})"
                ) from None
            if status == "error":
                raise BenchmarkError(f"{names[index]} failed:\n{value}")
            results[index] = value
    return results
