"""Run the mock world in a background thread (the suite's embedded server)."""

from __future__ import annotations

import logging
import threading
import time

from flask import Flask
from werkzeug.serving import make_server
from werkzeug.wsgi import ClosingIterator


class BackgroundServer:
    """A threaded WSGI server on a free port, started and stopped by the harness."""

    def __init__(self, app: Flask, host: str = "localhost", port: int = 0) -> None:
        logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request drowns the test logs
        self.busy_seconds = 0.0  # the time spent answering requests, summed over requests (benchmarks/where.py)
        self._busy_lock = threading.Lock()
        self._server = make_server(host, port, self._timed(app), threaded=True)
        self._thread = threading.Thread(target=self._server.serve_forever, name="mockbank", daemon=True)
        self._name = host  # WebAuthn refuses an IP address as relying-party ID: the URL keeps the host name
        app.config["SELF_URL"] = app.config.get("SELF_URL") or self.url  # how the parties reach each other (links.py)

    def _timed(self, app: Flask):
        """The app, adding the time each request takes to answer (its body included) to busy_seconds."""

        def answer(environ, start_response):
            started = time.perf_counter()

            def done() -> None:
                with self._busy_lock:
                    self.busy_seconds += time.perf_counter() - started

            return ClosingIterator(app(environ, start_response), done)  # closes the app's body, then done()

        return answer

    @property
    def url(self) -> str:
        """Where the bank answers, e.g. http://localhost:54321."""
        return f"http://{self._name}:{self._server.port}"

    def start(self) -> BackgroundServer:
        """Begin answering requests."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop answering and free the port."""
        self._server.shutdown()
        self._thread.join(timeout=5)
