"""The API the site promises to teach is used by a verified program that both
languages show: issue 13's list (the calls readers ask about when they run
workers in practice) and issue 14's (other machines, other languages,
subinterpreters).  A program's companion files, such as the C source it
compiles, count as part of it."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from hooks import api_allow_list
from hooks.site_map import LANGUAGES
from verifier.catalog import REPO_ROOT, Catalog, site_catalog
from verifier.pytest_plugin import example_pythons

# name on the page -> what the program's code must contain (a regular expression)
TAUGHT = {
    "QueueHandler": r"\bQueueHandler\(",
    "QueueListener": r"\bQueueListener\(",
    "log_to_stderr()": r"\blog_to_stderr\(",
    "get_logger()": r"\bget_logger\(",
    "freeze_support()": r"\bfreeze_support\(",
    "Process.sentinel": r"\.sentinel\b",
    "multiprocessing.connection.wait()": r"\bconnection\b[\s\S]*\bwait\(",
    "Process.kill()": r"\.kill\(\)",
    "Process.close()": r"\b(p|proc|process|child|worker)\.close\(\)",
    "Queue.join_thread()": r"\.join_thread\(\)",
    "Queue.cancel_join_thread()": r"\.cancel_join_thread\(\)",
    "SimpleQueue": r"\bSimpleQueue\(",
    "current_process()": r"\bcurrent_process\(\)",
    "parent_process()": r"\bparent_process\(\)",
    "daemon=True": r"\bdaemon\s*=\s*True\b",
    "as_completed()": r"\bas_completed\(",
    "concurrent.futures.wait()": r"\bFIRST_EXCEPTION\b",
    "Future.cancel()": r"\.cancel\(\)",
    # as a keyword argument or in a kwargs dict
    "shutdown(cancel_futures=True)": r"\bcancel_futures\b[\"']?\s*[=:]\s*True\b",
    "Process.exitcode": r"\.exitcode\b",
    "imap_unordered()": r"\.imap_unordered\(",
    "tqdm": r"\bfrom tqdm import\b|\bimport tqdm\b",
    "Pool(initializer=...)": r"\binitializer\s*=",
}

# Issue 14: across machines, across languages, beyond processes.
BEYOND = {
    "multiprocessing.connection.Listener": r"connection import[^\n]*\bListener\b[\s\S]*\bListener\(",
    "multiprocessing.connection.Client": r"connection import[^\n]*\bClient\b[\s\S]*\bClient\(",
    "authkey": r"\bauthkey\s*=",
    "a manager with an address": r"Manager\(\s*address\s*=",
    "BaseManager.connect()": r"\.connect\(\)",
    "serve_forever()": r"\.serve_forever\(\)",
    "dask LocalCluster": r"\bLocalCluster\(",
    "Client.scatter()": r"\.scatter\(",
    "Client.submit()": r"\.submit\(",
    "Client.gather()": r"\.gather\(",
    "distributed.Queue": r"dask\.distributed import[^\n]*\bQueue\b",
    "distributed.Variable": r"dask\.distributed import[^\n]*\bVariable\b",
    "distributed.Lock": r"dask\.distributed import[^\n]*\bLock\b",
    "shm_open() in C": r"\bshm_open\(",
    "mmap() in C": r"=\s*mmap\(NULL",
    "a subprocess pipe": r"\bstd(in|out)\s*=\s*subprocess\.PIPE\b",
    "JSON Lines": r"json\.dumps\([^\n]*\)\s*\+\s*\"\\n\"",
    "struct": r"\bstruct\.(Struct|pack|unpack)\(",
    ".npy files": r"\bnp\.save\(",
    "np.memmap / open_memmap": r"\b(memmap|open_memmap)\(",
    "concurrent.interpreters": r"\bfrom concurrent import interpreters\b",
    "create_queue()": r"\bcreate_queue\(",
    "InterpreterPoolExecutor": r"\bimport [^\n]*\bInterpreterPoolExecutor\b",
}


# Issue 26, batch 1: staples of the standard library's API that no program taught.
ISSUE26_BATCH1 = {
    "Queue(maxsize=...)": r"\bQueue\(maxsize\s*=",
    "Queue.put_nowait()": r"\.put_nowait\(",
    "queue.Full": r"\bqueue\.Full\b",
    "Queue.full()": r"\.full\(\)",
    "a subclass of Process": r"\bclass \w+\((multiprocessing\.)?Process\):",
    "multiprocessing.pool.ThreadPool": r"\bThreadPool\(",
    "multiprocessing.dummy.Pool": r"multiprocessing\.dummy import[^\n]*\bPool\b",
    "starmap_async()": r"\.starmap_async\(",
    "AsyncResult.successful()": r"\.successful\(\)",
    "Pool(context=...)": r"\bPool\([^)]*\bcontext\s*=",
    "BoundedSemaphore": r"import[^\n]*\bBoundedSemaphore\b",
    "Event.is_set()": r"\.is_set\(\)",
    "Condition.notify()": r"\.notify\b(?!_all)",
    "Barrier.abort()": r"\.abort\(\)",
    "Barrier.reset()": r"\.reset\(\)",
    "Barrier.parties": r"\.parties\b",
    "Barrier.n_waiting": r"\.n_waiting\b",
    "Barrier.broken": r"\.broken\b",
    "threading.BrokenBarrierError": r"\bthreading\.BrokenBarrierError\b",
    "wait(FIRST_COMPLETED)": r"\bFIRST_COMPLETED\b",
    "wait(ALL_COMPLETED)": r"\bALL_COMPLETED\b",
    "Future.done()": r"\.done\(\)",
    "Future.running()": r"\.running\(\)",
    "concurrent.futures.CancelledError": r"\bCancelledError\b",
    "ProcessPoolExecutor.kill_workers()": r"\bkill_workers\b",
}


def missing(catalog: Catalog, taught: dict[str, str]) -> list[str]:
    """The names in `taught` that no example shown in every language uses."""
    everywhere = set.intersection(*(catalog.examples_on(language) for language in LANGUAGES))
    codes = [
        e.code + "".join(content.decode() for _, content in e.files)
        for e in catalog.examples
        if e.file in everywhere
    ]
    return [
        name for name, pattern in taught.items() if not any(re.search(pattern, c) for c in codes)
    ]


def test_every_promised_api_is_taught_by_a_verified_program() -> None:
    gone = missing(site_catalog(), TAUGHT)
    assert not gone, f"no program on both a zh and an en page uses: {gone}"


def test_everything_beyond_one_machine_is_taught_by_a_verified_program() -> None:
    gone = missing(site_catalog(), BEYOND)
    assert not gone, f"no program on both a zh and an en page uses: {gone}"


def test_an_api_no_program_uses_is_reported() -> None:
    assert missing(site_catalog(), {"frobnicate()": r"\bfrobnicate\("}) == ["frobnicate()"]


def test_the_api_of_issue_26_batch_1_is_taught_by_a_verified_program() -> None:
    gone = missing(site_catalog(), ISSUE26_BATCH1)
    assert not gone, f"no program on both a zh and an en page uses: {gone}"


# Issue 26, batch 2: shared ctypes objects, shared memory, managers, Unix
# sockets and descriptors, start methods, subinterpreters.
ISSUE_26_API2 = {
    "Value/Array of a ctypes Structure": r"\(Structure\)[\s\S]*\bValue\(\w+, ",
    "Array('c') value and raw": r"\bArray\(\"c\"[\s\S]*\.raw\b",
    "get_obj()": r"\.get_obj\(\)",
    "sharedctypes.synchronized()": r"sharedctypes import[^\n]*\bsynchronized\b",
    "sharedctypes.copy()": r"sharedctypes import[^\n]*\bcopy\b",
    "ShareableList.index() and count()": r"ShareableList[\s\S]*\.index\([\s\S]*\.count\(",
    "ShareableList.format": r"\w\.format\)",
    "SharedMemory(name, size=...) when attaching": r"SharedMemory\(name=\w+, size=",
    "register(exposed=...)": r"\bexposed=\(",
    "register(method_to_typeid=...)": r"\bmethod_to_typeid=",
    "a NamespaceProxy subclass": r"\(NamespaceProxy\):",
    "BaseProxy._getvalue()": r"\._getvalue\(\)",
    "Listener(family='AF_UNIX')": r"\bListener\([^)]*AF_UNIX",
    "Listener.last_accepted": r"\.last_accepted\b",
    "Connection.fileno()": r"\bconn\.fileno\(\)",
    "reduction.send_handle()": r"\bsend_handle\(",
    "reduction.recv_handle()": r"\brecv_handle\(",
    "get_all_start_methods()": r"\bget_all_start_methods\(\)",
    "set_executable()": r"\bset_executable\(",
    "Interpreter.prepare_main()": r"\.prepare_main\(",
    "interpreters.list_all()": r"\binterpreters\.list_all\(\)",
    "interpreters.get_main()": r"\binterpreters\.get_main\(\)",
    "create_queue(maxsize=...)": r"\bcreate_queue\(maxsize=",
    "interpreters QueueFull": r"\binterpreters\.QueueFull\b",
    "interpreters QueueEmpty": r"\binterpreters\.QueueEmpty\b",
}


def test_issue_26_batch_2_apis_are_taught_by_a_verified_program() -> None:
    gone = missing(site_catalog(), ISSUE_26_API2)
    assert not gone, f"no program on both a zh and an en page uses: {gone}"


# --- every public name, read from the interpreters ------------------------------
#
# Run by each interpreter that runs the examples: the public names of the modules
# the site teaches (`__all__`, else what the module defines), and the public
# methods and attributes of their main classes, as JSON.
_PUBLIC_API = r"""
import importlib, inspect, json
MODULES = ["multiprocessing", "multiprocessing.shared_memory", "multiprocessing.managers",
           "multiprocessing.connection", "concurrent.futures", "concurrent.interpreters"]
CLASSES = {
    "multiprocessing.process": ["BaseProcess"],
    "multiprocessing.queues": ["Queue", "JoinableQueue", "SimpleQueue"],
    "multiprocessing.connection": ["Connection", "Listener"],
    "multiprocessing.pool": ["Pool", "AsyncResult"],
    "multiprocessing.shared_memory": ["SharedMemory", "ShareableList"],
    "multiprocessing.managers": ["BaseManager", "SyncManager"],
    "multiprocessing.synchronize": [
        "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition", "Event", "Barrier"],
    "concurrent.futures": ["Future", "ProcessPoolExecutor"],
    "concurrent.interpreters": ["Interpreter", "Queue"],
}
found = {}
for name in MODULES:
    try:
        module = importlib.import_module(name)
    except ImportError:  # concurrent.interpreters before 3.14
        continue
    names = getattr(module, "__all__", None) or [
        n for n, v in vars(module).items() if not n.startswith("_") and not inspect.ismodule(v)]
    found[name] = sorted(set(names))
for name, classes in CLASSES.items():
    try:
        module = importlib.import_module(name)
    except ImportError:
        continue
    for cls in classes:
        found[f"{name}.{cls}"] = sorted(n for n in dir(getattr(module, cls)) if n[0] != "_")
print(json.dumps(found))
"""
EXCLUDED = {"concurrent.futures": {"ThreadPoolExecutor", "InterpreterPoolExecutor"}}
"""Not the process side of concurrent.futures (the issue asks for that side; the
interpreter pool is taught on the subinterpreters page all the same)."""
ALLOW_LIST = REPO_ROOT / api_allow_list.FILE


def public_api(pythons: list[str]) -> dict[str, set[str]]:
    """`module` or `module.Class` -> its public names, on any of `pythons`."""
    found: dict[str, set[str]] = {}
    for python in pythons:
        done = subprocess.run(
            [python, "-c", _PUBLIC_API], capture_output=True, text=True, check=True
        )
        for where, names in json.loads(done.stdout).items():
            found.setdefault(where, set()).update(set(names) - EXCLUDED.get(where, set()))
    return found


def api_name(where: str, name: str) -> str:
    """`multiprocessing.Queue`, `multiprocessing.queues.Queue.put_nowait`."""
    return f"{where}.{name}"


def unused(catalog: Catalog, api: dict[str, set[str]]) -> list[str]:
    """The names of `api` that no example shown in every language uses: a module's
    name as a word, a class's method or attribute after a dot (or as a string,
    as `getattr(executor, "kill_workers")` uses it)."""
    everywhere = set.intersection(*(catalog.examples_on(language) for language in LANGUAGES))
    code = "\n".join(
        e.code + "".join(content.decode() for _, content in e.files)
        for e in catalog.examples
        if e.file in everywhere
    )
    words = set(re.findall(r"\b\w+\b", code))
    attributes = set(re.findall(r"\.(\w+)\b", code)) | set(re.findall(r"[\"'](\w+)[\"']", code))
    gone = []
    for where, names in api.items():
        is_class = where.split(".")[-1][:1].isupper()
        gone += [api_name(where, n) for n in names if n not in (attributes if is_class else words)]
    return sorted(gone)


def allow_list() -> dict[str, dict[str, str]]:
    """The allow-list: API name -> its reason in each language."""
    return {item["api"]: item for item in api_allow_list.load(REPO_ROOT)}


def test_every_public_name_is_used_by_a_verified_program(pytestconfig) -> None:
    """Every public name of the modules the site teaches, as the interpreters
    that run the examples have them, is used by a program both languages show,
    unless the allow-list gives a reason (shown on the contributing page, from
    docs/_includes/api-allow-list.yml)."""
    pythons = example_pythons(pytestconfig)
    if not pythons:
        pytest.skip("no interpreter runs the examples here (--example-python)")
    api = public_api(pythons)
    gone = unused(site_catalog(), api)
    allowed = allow_list()
    every = {api_name(where, n) for where, names in api.items() for n in names}
    problems = [
        f"{name}: no program on both a zh and an en page uses it"
        for name in gone
        if name not in allowed
    ]
    problems += [
        f"{name}: allow-listed, yet a program uses it now"
        for name in allowed
        if name in every and name not in gone
    ]
    problems += [
        f"{name}: allow-listed, but no interpreter has it" for name in allowed if name not in every
    ]
    problems += [
        f"{name}: its reason is missing in {lang}"
        for name, item in allowed.items()
        for lang in LANGUAGES
        if not item.get(lang)
    ]
    assert not problems, (
        "\n".join(problems)
        + f"\n(a program that uses it, or an entry with a reason in {ALLOW_LIST.relative_to(REPO_ROOT)})"
    )


def test_a_name_no_program_uses_is_found() -> None:
    """The check above can fail: a module name and a method nobody calls are
    listed, the ones programs use are not."""
    api = {
        "multiprocessing": {"Queue", "frobnicate"},
        "multiprocessing.queues.Queue": {"put", "unjam"},
    }
    assert unused(site_catalog(), api) == [
        "multiprocessing.frobnicate",
        "multiprocessing.queues.Queue.unjam",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_contributing_page_shows_the_allow_list(language: str) -> None:
    page = REPO_ROOT / "docs" / language / "contributing" / "verification.md"
    assert api_allow_list.PLACEHOLDER in page.read_text(encoding="utf-8")
