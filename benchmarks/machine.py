"""What the numbers were measured on: CPU, memory, Python, OS, start method, time."""

from __future__ import annotations

import datetime
import os
import platform
import shlex
import subprocess
import sys
from pathlib import Path


def describe(start_method: str) -> dict:
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "caches": cpu_caches(),
        "memory_bytes": memory_bytes(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "python_build": " ".join(platform.python_build()),
        "os": platform.platform(),
        "libc": " ".join(platform.libc_ver()).strip() or None,
        "pipe_buffer_bytes": pipe_buffer_bytes(),
        "start_method": start_method,
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "command": shlex.join(["python", "-m", "benchmarks", *sys.argv[1:]]),
        "load_average": load_average(),
    }


def cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.startswith(("model name", "Hardware", "cpu model")):
                return line.split(":", 1)[1].strip()
    if sys.platform == "darwin":
        found = subprocess.run(
            ["sysctl", "-n", "machdep.cpu.brand_string"],
            capture_output=True,
            text=True,
            check=False,
        )
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.strip()
    return platform.processor() or platform.machine() or "unknown"


def cpu_caches() -> dict | None:
    """{"L1d": "32K", "L2": "512K", "L3": "8192K"} of CPU 0 (Linux sysfs only)."""
    root = Path("/sys/devices/system/cpu/cpu0/cache")
    caches = {}
    for index in sorted(root.glob("index*")):
        try:
            level = (index / "level").read_text().strip()
            kind = (index / "type").read_text().strip()
            size = (index / "size").read_text().strip()
        except OSError:
            continue
        if kind != "Instruction":
            caches[f"L{level}{'d' if kind == 'Data' else ''}"] = size
    return caches or None


def memory_bytes() -> int | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        return None


def pipe_buffer_bytes() -> int | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        import fcntl

        read_fd, write_fd = os.pipe()
    except (ImportError, OSError):
        return None
    try:
        # F_GETPIPE_SZ is Linux-only and named in fcntl from Python 3.10 on.
        return fcntl.fcntl(write_fd, getattr(fcntl, "F_GETPIPE_SZ", 1032))
    except OSError:
        return None
    finally:
        os.close(read_fd)
        os.close(write_fd)


def load_average() -> list[float] | None:
    """1, 5 and 15-minute load averages: more than zero means others used the CPUs."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None
