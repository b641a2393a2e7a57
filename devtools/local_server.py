"""A directory served over HTTP on 127.0.0.1, below a sub-path, in a thread.

The browser tests and devtools.draw_diagrams serve the built site with `serve`;
devtools.site_speed.measure runs its own static host in `serving`'s thread."""

from __future__ import annotations

import io
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SUBPATH = "/sub/path/"
"""Where a site is served: not the domain root, so root-relative links break."""


class _Handler(SimpleHTTPRequestHandler):
    """Files of one directory, below `prefix` only; everything else is a 404,
    with the directory's 404.html as its page where it has one (as GitHub
    Pages and most static hosts do)."""

    def __init__(self, *args, prefix: str, **kwargs):
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def send_head(self):
        if not self.path.startswith(self.prefix):
            self.send_error(404, f"outside {self.prefix}")
            return None
        path = Path(self.translate_path(self.path))
        missing = not (path.is_file() or (path / "index.html").is_file())
        not_found = Path(self.directory) / "404.html"
        if missing and not path.is_dir() and not_found.is_file():
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(self.prefix) :])

    def end_headers(self) -> None:
        # LinkChecker waits 0.1-0.6 s between requests to a host unless the
        # server sends this header (then its maxrequestspersecond applies).
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        pass  # a line per file would drown pytest's output


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A browser that leaves a page mid-download (a test that navigates on,
        # a closed context) resets its connections: not an error of the site.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serving(handler, path: str = "/") -> Iterator[str]:
    """Run an HTTP server with `handler` on a free port of 127.0.0.1, in a
    thread; yields its URL ending in `path`, e.g. `http://127.0.0.1:41234/`."""
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{path}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
        assert not thread.is_alive(), "the site server did not stop"


@contextmanager
def serve(directory: Path, prefix: str = SUBPATH) -> Iterator[str]:
    """Serve `directory` on a free port; yields the base URL, e.g.
    `http://127.0.0.1:41234/sub/path/`."""
    with serving(partial(_Handler, directory=str(directory), prefix=prefix), prefix) as url:
        yield url


def origin_of(url: str) -> str:
    """`http://127.0.0.1:41234/sub/path/` -> `http://127.0.0.1:41234`."""
    return url[: url.index("/", len("http://"))]
