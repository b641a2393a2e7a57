"""LinkChecker (`python -m linkcheck`) on a served site, in a subprocess."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

_KEEP_USER = (
    "from linkcheck.command import linkchecker as cli; "
    "cli.drop_privileges = lambda: None; cli.linkchecker()"
)
"""`python -m linkcheck`, except that it keeps running as the user who started it.

Started as root, LinkChecker switches to `nobody` once it has read its options,
and afterwards imports from wherever it is installed, which `nobody` may not
read (a clone inside a `mktemp -d` folder, say).  It only fetches the test
server on 127.0.0.1, so there is nothing to protect by switching."""


@dataclass
class LinkReport:
    returncode: int
    rows: list[dict]
    """One per URL checked (`--verbose`), with `url`, `parentname`, `result`,
    `valid` and `warningstring` (what LinkChecker warns of)."""
    log: str

    @property
    def broken(self) -> list[str]:
        return [
            f"{row['url']} (linked from {row['parentname'] or 'the start'}): "
            f"{row['result']} {row['warningstring']}".strip()
            for row in self.rows
            if row["valid"] != "True" or row["warningstring"]
        ]

    @property
    def checked(self) -> set[str]:
        """URLs found valid, without their #fragment."""
        return {row["url"].split("#")[0] for row in self.rows if row["valid"] == "True"}


class LinkCheck:
    """One LinkChecker run, started at once; `report()` waits for it.

    It checks `urls` and follows the links of the pages below `internal` (the
    served site) up to `recursion` links deep (-1: no limit); links elsewhere
    are not fetched.  Anchors are not checked (tests/browser/test_links.py
    checks them against the built pages)."""

    def __init__(self, urls, internal: str, work: Path, *, recursion: int = -1):
        work.mkdir(parents=True, exist_ok=True)
        self.work = work
        config = work / "linkcheckerrc"
        config.write_text(
            "[checking]\n"
            f"recursionlevel={recursion}\n"
            "robotstxt=0\n"
            # Honoured for servers that send a "LinkChecker" header, as the
            # test server does; otherwise it waits 0.1-0.6 s between requests.
            "maxrequestspersecond=1000\n"
            "[filtering]\n"
            f"internlinks=^{re.escape(internal)}\n"
            "checkextern=0\n",
            encoding="utf-8",
        )
        env = {
            **os.environ,
            "PYTHONUTF8": "1",
            # Its per-user configuration and data stay out of the home directory.
            "XDG_CONFIG_HOME": str(work / "config"),
            "XDG_DATA_HOME": str(work / "data"),
            "NO_PROXY": "127.0.0.1",
            "no_proxy": "127.0.0.1",
        }
        command = [sys.executable, "-c", _KEEP_USER, "--config", str(config), "--stdin"]
        command += ["--no-status", "--verbose", "--output", "csv/utf-8"]
        # Into files, so that runs at the same time never wait on a full pipe.
        with open(work / "out.csv", "wb") as out, open(work / "log.txt", "wb") as log:
            self.process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=out, stderr=log, env=env
            )
        self.process.stdin.write("\n".join(urls).encode() + b"\n")
        self.process.stdin.close()

    def report(self, timeout: float = 180) -> LinkReport:
        try:
            self.process.wait(timeout=timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
        lines = (self.work / "out.csv").read_text(encoding="utf-8").splitlines()
        # Comment lines start with "# "; a row may start with "#anchor".
        rows = csv.DictReader([line for line in lines if not line.startswith("# ")], delimiter=";")
        log = (self.work / "log.txt").read_text(encoding="utf-8", errors="replace")
        return LinkReport(self.process.returncode, list(rows), log)
