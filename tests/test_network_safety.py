"""No example listens on every network interface or accepts unauthenticated
connections.

Readers copy these programs, and a multiprocessing Listener or manager
unpickles whatever an authenticated peer sends (see docs/*/remote.md#security).
So every example binds a loopback or otherwise explicit host, never '',
'0.0.0.0' or '::', and every Listener, Client or manager given an address
also gets an authkey.  Dask has no authkey (its protection is TLS, see
docs/*/cluster.md): a Dask `LocalCluster` must name a loopback `host` and keep
its web server (the dashboard) there too, with `dashboard_address` None (which
binds `host`) or a loopback address; Dask's `Client` needs no key.
The check reads the code with `ast`; it does not run it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from verifier.catalog import REPO_ROOT

EXAMPLES = sorted((REPO_ROOT / "examples").rglob("*.py"))
ALL_INTERFACES = {"", "0.0.0.0", "::"}
MANAGERS = {"BaseManager", "SyncManager"}
# callable -> position of its authkey argument when passed positionally
NEEDS_AUTHKEY = {"Listener": 3, "Client": 2, "BaseManager": 1, "SyncManager": 1}
DASK_MODULES = {"dask.distributed", "distributed"}
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _name(func: ast.expr) -> str:
    """`Listener` for both `Listener(...)` and `connection.Listener(...)`."""
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _argument(call: ast.Call, position: int | None, *keywords: str) -> ast.expr | None:
    """The argument passed by one of `keywords`, or at `position` (None: keyword only)."""
    for keyword in call.keywords:
        if keyword.arg in keywords:
            return keyword.value
    if position is not None and len(call.args) > position:
        return call.args[position]
    return None


def problems(source: str, filename: str = "<example>") -> list[str]:
    """Where `source` listens on all interfaces or omits an authkey."""
    tree = ast.parse(source, filename)
    # Names bound to a tuple literal, such as `address = ("", 50000)`.
    tuples = {
        target.id: node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    # Subclasses of the managers, such as `class QueueManager(BaseManager)`,
    # and their subclasses in turn.
    classes = [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    managers = set(MANAGERS)
    while new := {
        c.name for c in classes if c.name not in managers and {_name(b) for b in c.bases} & managers
    }:
        managers |= new
    needs_authkey = {**NEEDS_AUTHKEY, **dict.fromkeys(managers, 1)}
    dask = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module in DASK_MODULES
        for alias in node.names
    }
    found = []
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        name = _name(call.func)
        if name in dask:
            found += _dask_problems(call, f"{filename}:{call.lineno}: {name}()")
            continue
        listens = name in needs_authkey or name in {"bind", "create_server"}
        listens = listens or name.endswith("Server")  # socketserver, http.server
        if not listens:
            continue
        where = f"{filename}:{call.lineno}: {name}()"
        address = _argument(call, 0, "address", "server_address")
        if isinstance(address, ast.Name):
            address = tuples.get(address.id, address)
        if isinstance(address, ast.Tuple) and address.elts:
            host = address.elts[0]
            if isinstance(host, ast.Constant) and host.value in ALL_INTERFACES:
                found.append(f"{where} listens on all interfaces ({host.value!r}); use 127.0.0.1")
        if name in needs_authkey and address is not None:
            authkey = _argument(call, needs_authkey[name], "authkey")
            if authkey is None or (isinstance(authkey, ast.Constant) and authkey.value is None):
                found.append(f"{where} has an address but no authkey")
    return found


def _dask_problems(call: ast.Call, where: str) -> list[str]:
    """A Dask LocalCluster listens on loopback only, dashboard included."""
    if _name(call.func) != "LocalCluster":
        return []
    host = _argument(call, None, "host")
    dashboard = _argument(call, None, "dashboard_address")
    found = []
    if not (isinstance(host, ast.Constant) and host.value in LOOPBACK):
        found.append(f'{where} must say host="127.0.0.1" (its scheduler and workers listen)')
    if not (
        isinstance(dashboard, ast.Constant)
        and (dashboard.value is None or str(dashboard.value).rsplit(":", 1)[0] in LOOPBACK)
    ):
        found.append(f"{where} must say dashboard_address=None or a loopback address")
    return found


@pytest.mark.parametrize(
    "path", EXAMPLES, ids=[p.relative_to(REPO_ROOT / "examples").as_posix() for p in EXAMPLES]
)
def test_example_is_network_safe(path: Path) -> None:
    relative = path.relative_to(REPO_ROOT).as_posix()
    found = problems(path.read_text(encoding="utf-8"), relative)
    assert not found, "\n".join(found)


BAD = {
    "docs' manager": "class QueueManager(BaseManager): pass\n"
    'm = QueueManager(address=("", 50000), authkey=b"abracadabra")\n',
    "all IPv4": 'Listener(("0.0.0.0", 0), authkey=key)\n',
    "all IPv6 via a name": 'address = ("::", 0)\nListener(address, authkey=key)\n',
    "socket bind": 'sock.bind(("", 8000))\n',
    "http.server": 'http.server.HTTPServer(("", 8000), Handler)\n',
    "Listener, no authkey": 'Listener(("127.0.0.1", 0))\n',
    "Client, authkey None": "Client(address, authkey=None)\n",
    "subclass of a subclass, no authkey": "class A(SyncManager): pass\n"
    "class B(A): pass\n"
    'B(("127.0.0.1", 0))\n',
    "Dask cluster, default host": "from dask.distributed import LocalCluster\n"
    "LocalCluster(n_workers=2, dashboard_address=None)\n",
    "Dask dashboard on every interface": "from distributed import LocalCluster\n"
    'LocalCluster(host="127.0.0.1", dashboard_address=":8787")\n',
    "multiprocessing's Client next to Dask's": "from dask.distributed import LocalCluster\n"
    "from multiprocessing.connection import Client\n"
    "Client(address)\n",
}
GOOD = {
    "Listener": 'Listener(("127.0.0.1", 0), authkey=secrets.token_bytes(32))\n',
    "positional authkey": "connection.Client(address, None, key)\n",
    "manager": 'class M(BaseManager): pass\nM(address=("127.0.0.1", 0), authkey=k)\n',
    "local manager": "SyncManager()\n",
    "socket bind": 'sock.bind(("127.0.0.1", 0))\n',
    "QueueListener": "logging.handlers.QueueListener(log_queue, handler)\n",
    "Dask": "from dask.distributed import Client, LocalCluster\n"
    'cluster = LocalCluster(host="127.0.0.1", dashboard_address=None)\n'
    "Client(cluster)\n"
    "Client(cluster.scheduler_address)\n",
}


@pytest.mark.parametrize("source", BAD.values(), ids=BAD.keys())
def test_the_check_flags_unsafe_code(source: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad_example.py"
    bad.write_text(source, encoding="utf-8")
    found = problems(bad.read_text(encoding="utf-8"), bad.name)
    assert found and all(f.startswith("bad_example.py:") for f in found), found


@pytest.mark.parametrize("source", GOOD.values(), ids=GOOD.keys())
def test_the_check_passes_safe_code(source: str) -> None:
    assert problems(source) == []


def test_a_problem_names_the_file_and_line() -> None:
    source = 'import secrets\nListener(("", 0), authkey=secrets.token_bytes(32))\n'
    assert problems(source, "examples/x/y.py") == [
        "examples/x/y.py:2: Listener() listens on all interfaces (''); use 127.0.0.1"
    ]
