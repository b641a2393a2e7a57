"""The interpreters `dev.py` runs the examples on: the CPython releases this
machine has (`found_pythons`), and Debian's current builds of the release lines
it lacks.

Debian's unstable suite ships current builds of the newest lines: `debootstrap`
makes a small Debian root under the user's cache folder once (86 s and 830 MB
here, with the C compiler and Node.js of `TOOLS`), and each interpreter runs
inside it through a wrapper script (see `_WRAPPER`), so that `python file.py`,
spawn's re-run of `sys.executable` and `/dev/shm` behave as on a reader's Debian
or Ubuntu machine.  That needs Linux, root and the network; where any is
missing, `prepare()` says why in one line and those lines stay unverified (see
`verifier.interpreters.unverified`).

Standard library only: `dev.py` uses it before `.venv` exists.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from verifier.interpreters import SUPPORTED, cpython_version, line_of, version_key

DEBIAN_LINES = ("3.13", "3.14", "3.15")
"""The release lines Debian's unstable suite ships, and so the ones `prepare()` can add."""

DEBIAN_SUITE = "sid"
CACHE = Path(
    os.environ.get("VERIFIER_PYTHONS_CACHE")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mp-data-exchange-docs"
)
"""Where prepared interpreters are kept between runs and clones."""
ROOTFS = CACHE / f"debian-{DEBIAN_SUITE}"
WRAPPERS = CACHE / "bin"


def say(message: str) -> None:
    """A line of dev.py's (which uses this too) to the terminal.  One write per
    line: dev.py makes the interpreters ready side by side, and print() writes
    a line and its end separately."""
    sys.stderr.write(f"dev.py: {message}\n")
    sys.stderr.flush()


_WRAPPER = """#!/bin/sh
# Debian {suite}'s python{line}, made by devtools/pythons.py: runs the interpreter
# in the Debian root {rootfs} as if it were installed on this machine.  A private
# mount namespace (gone when the program ends) shows the root this machine's /proc,
# /dev (with /dev/shm and /dev/pts), /sys, /tmp, $HOME, the working directory and
# every PYTHONPATH entry at the same paths; then the program runs there, unchanged.
exec unshare --mount --propagation private -- /bin/sh -c '
r=$1; shift
mount -t proc proc "$r/proc" && mount --rbind /dev "$r/dev" && mount --rbind /sys "$r/sys" || exit 125
old_ifs=$IFS; IFS=:
for d in /tmp "$HOME" "$PWD" $PYTHONPATH; do
  case $d in /*) ;; *) continue;; esac
  [ -d "$d" ] || continue
  mkdir -p "$r$d" && mount --bind "$d" "$r$d" || exit 125
done
IFS=$old_ifs
exec chroot "$r" /bin/sh -c "cd \\"\\$0\\" && exec {python} \\"\\$@\\"" "$PWD" "$@"
' sh {rootfs} "$@"
"""


def _mirror() -> str:
    """The Debian mirror this machine's apt uses, so a mirror behind a firewall works."""
    for source in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")) + [
        "/etc/apt/sources.list"
    ]:
        try:
            text = Path(source).read_text()
        except OSError:
            continue
        for match in re.finditer(r"^(?:URIs:|deb)\s+(?:\[[^]]*\]\s+)?(\S+)", text, re.MULTILINE):
            uri = match.group(1).rstrip("/")
            if uri.endswith("/debian"):
                return uri
    return "http://deb.debian.org/debian"


def _cannot_prepare() -> str | None:
    """Why Debian's interpreters cannot be prepared here, or None."""
    if not sys.platform.startswith("linux"):
        return "needs Linux"
    if os.geteuid() != 0:
        return "needs root (debootstrap, chroot and mount namespaces)"
    for tool in ("unshare", "chroot", "mount"):
        if not shutil.which(tool):
            return f"needs {tool}"
    if not shutil.which("debootstrap") and not shutil.which("apt-get"):
        return "needs debootstrap"
    return None


def _run(*args: object, **kwargs) -> bool:
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, check=False, **kwargs
    )
    if result.returncode:
        tail = (result.stdout + result.stderr).strip().splitlines()[-3:]
        say(f"`{' '.join(map(str, args[:3]))} ...` failed: {' / '.join(tail)}")
    return result.returncode == 0


TOOLS = {"gcc": "usr/bin/gcc", "libc6-dev": "usr/include/stdio.h", "nodejs": "usr/bin/node"}
"""Debian packages the examples use besides Python, with a file each one installs:
a C compiler and the C library's headers for the programs that compile C, and
Node.js for the one that talks to JavaScript."""


def _bootstrap() -> bool:
    """Make the Debian root with every line of `DEBIAN_LINES` and `TOOLS`, unless it
    exists; a root made before a tool was added gets it with apt-get."""
    apt_env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if all((ROOTFS / "usr/bin" / f"python{line}").exists() for line in DEBIAN_LINES):
        missing = [name for name, path in TOOLS.items() if not (ROOTFS / path).exists()]
        if not missing:
            return True
        say(f"installing {', '.join(missing)} in the Debian root")
        # The suite's Release file may be past its Valid-Until date on a machine
        # whose mirror is a snapshot; the package lists debootstrap left still work.
        _run("chroot", ROOTFS, "apt-get", "update", "-qq",
             "-o", "Acquire::Check-Valid-Until=false", env=apt_env)  # fmt: skip
        return _run("chroot", ROOTFS, "apt-get", "install", "-y", "-qq",
                    "--no-install-recommends", *missing, env=apt_env)  # fmt: skip
    if not shutil.which("debootstrap"):
        say("installing debootstrap with apt-get")
        if not (
            _run("apt-get", "update", "-qq")
            and _run("apt-get", "install", "-y", "-qq", "debootstrap", env=apt_env)
        ):  # fmt: skip
            return False
    packages = ["ca-certificates", *TOOLS]
    for line in DEBIAN_LINES:
        packages += [f"python{line}", f"python{line}-venv"]
    partial = ROOTFS.with_name(ROOTFS.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.parent.mkdir(parents=True, exist_ok=True)
    mirror = _mirror()
    say(f"making a Debian {DEBIAN_SUITE} root in {ROOTFS} from {mirror} (once; about a minute)")
    if not _run(
        "debootstrap", "--variant=minbase", f"--include={','.join(packages)}",
        DEBIAN_SUITE, partial, mirror,
    ):  # fmt: skip
        shutil.rmtree(partial, ignore_errors=True)
        return False
    shutil.rmtree(ROOTFS, ignore_errors=True)
    partial.rename(ROOTFS)
    return True


def _network_files() -> None:
    """Name resolution and this machine's CA bundle (which may hold a proxy's CA)."""
    for name in ("etc/resolv.conf", "etc/ssl/certs/ca-certificates.crt"):
        host = Path("/", name)
        if host.exists():
            (ROOTFS / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(host, ROOTFS / name)


@dataclass(frozen=True)
class Prepared:
    pythons: list[str]
    """Wrapper scripts, one per release line prepared."""
    problem: str | None = None
    """Why some lines could not be prepared, in one line; None if all were."""


def prepare(lines: list[str], requirements: str) -> Prepared:
    """Debian's interpreters for `lines` (of `DEBIAN_LINES`), each with a venv in the
    Debian root holding `requirements` (hash-pinned, what the examples import)."""
    wanted = [line for line in lines if line in DEBIAN_LINES]
    if not wanted:
        return Prepared([])
    why = _cannot_prepare()
    if why:
        return Prepared([], why)
    if not _bootstrap():
        return Prepared([], f"could not make the Debian {DEBIAN_SUITE} root (see above)")
    _network_files()
    digest = hashlib.sha256(requirements.encode()).hexdigest()
    WRAPPERS.mkdir(parents=True, exist_ok=True)
    (ROOTFS / "tmp/examples-requirements.txt").write_text(requirements)
    # Each line's venv at the same time: pip spends much of its time waiting on
    # downloads, and one pip uses one core (3 lines on 2 cores, from nothing:
    # 56 s one after the other, 25 s together).
    with ThreadPoolExecutor(len(wanted)) as pool:
        ready = list(pool.map(lambda line: _venv_in_root(line, digest), wanted))
    made = [wrapper for wrapper in ready if wrapper]
    failed = [line for line, wrapper in zip(wanted, ready) if not wrapper]
    problem = f"could not prepare Debian's python {', '.join(failed)}" if failed else None
    return Prepared(made, problem)


def _venv_in_root(line: str, digest: str) -> str | None:
    """The wrapper script of Debian's python`line`, with its venv of the examples'
    packages (`/tmp/examples-requirements.txt`, whose hash is `digest`) made
    inside the root unless it is up to date; None if it could not be made."""
    venv = Path("/opt/venvs") / f"py{line}"  # inside the root
    python = venv / "bin/python"
    wrapper = WRAPPERS / f"python{line}"
    wrapper.write_text(_WRAPPER.format(suite=DEBIAN_SUITE, line=line, rootfs=ROOTFS, python=python))
    wrapper.chmod(0o755)
    stamp = ROOTFS / str(venv).lstrip("/") / ".examples.sha256"
    if not (stamp.exists() and stamp.read_text() == digest):
        say(f"preparing Debian's python{line} with the examples' packages")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
        env["PIP_CERT"] = "/etc/ssl/certs/ca-certificates.crt"
        in_root = ["chroot", ROOTFS]
        if not (
            _run(*in_root, f"/usr/bin/python{line}", "-m", "venv", "--clear", venv, env=env)
            and _run(*in_root, python, "-m", "pip", "install", "-q",
                     "--disable-pip-version-check", "--require-hashes", "--no-deps",
                     "-r", "/tmp/examples-requirements.txt", env=env)
        ):  # fmt: skip
            return None
        stamp.write_text(digest)
    return str(wrapper)


def found_pythons() -> dict[str, str]:
    """One interpreter per CPython release (full version) of a supported line:
    pyenv's installs, `python3.X` on PATH (not pyenv's shims: they fail for versions
    that are not selected, and are slow).  Interpreters made by `prepare()` are not
    among them: `prepare()` returns them, after checking they are up to date."""
    pyenv = os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))
    candidates = sorted(glob.glob(os.path.join(pyenv, "versions", "*", "bin", "python3")))
    for line in SUPPORTED:
        found = shutil.which(f"python{line}")
        if found and "shims" not in Path(found).parts:
            candidates.append(found)
    versions: dict[str, str] = {}
    for candidate in candidates:
        version = cpython_version(candidate)
        if version and line_of(version) in SUPPORTED:
            versions.setdefault(version, candidate)
    return dict(sorted(versions.items(), key=lambda item: version_key(item[0])))
