"""A web server on 127.0.0.1 for the tests of importing from a web address."""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Answer = tuple[int, str, bytes] | Callable[[BaseHTTPRequestHandler], None]


def send(handler: BaseHTTPRequestHandler, status: int, content_type: str, body: bytes,
         length: int | None = None) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body) if length is None else length))
    handler.end_headers()
    handler.wfile.write(body)


@contextmanager
def serving(pages: dict[str, Answer]) -> Iterator[str]:
    """Serve `pages` (path → (status, content type, body), or a function answering the request); 404 elsewhere.

    Yields the server's address, "http://127.0.0.1:PORT".
    """
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            answer = pages.get(self.path, (404, "text/plain", b"not here"))
            try:
                answer(self) if callable(answer) else send(self, *answer)
            except ConnectionError:
                pass  # the client stopped reading: what a test of a size limit or a timeout wants

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
