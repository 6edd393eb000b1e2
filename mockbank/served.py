"""`mockbank serve` on gunicorn: several worker processes, each its own app, every state of every world in the database."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from gunicorn.app.base import BaseApplication

from mockbank import create_app
from mockbank.db import db

# What every worker must hold alike: the keys that sign the parties' cookies and that the parties prove themselves
# with (random per start, mockbank.config), and where the mock answers. Each worker starts its own capturing SMTP
# server; the mail it takes lands in the database every worker reads.
SHARED = ("SECRET_KEY", "ISSUER_API_KEY", "PHONE_NETWORK_KEY", "TEST_MODE", "SELF_URL", "PUBLIC_URL", "SELF_CA")
SHARED_IF_SET = ("SESSION_COOKIE_SECURE",)
THREADS = 32  # per worker: a request may wait on the issuer (the same mock, over HTTP) or for a hashing turn; a waiting
# thread costs nothing, but with too few a screen that hashes nothing queues behind twenty password checks


class Gunicorn(BaseApplication):
    """gunicorn run from Python with the options given, each worker building its own app."""

    def __init__(self, build: Callable[[], Flask], options: dict) -> None:
        self.build, self.options = build, options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.build()


def worker_settings(app: Flask) -> dict:
    """The settings of the app made at start that each worker's app must share."""
    shared = {key: app.config.get(key) for key in SHARED}
    return shared | {key: app.config[key] for key in SHARED_IF_SET if app.config.get(key)}


def serve(app: Flask, host: str, port: int, workers: int, tls: tuple[str, str] | None, dress=lambda worker: None):
    """Serve on gunicorn: `workers` processes, each a fresh app with `app`'s shared settings, dressed by `dress`."""
    settings = worker_settings(app)
    with app.app_context():
        db.engine.dispose()  # no connection of the starting process crosses the fork
    capture = app.extensions.get("smtp_capture")
    if capture is not None:
        capture.stop()  # the workers take mail themselves

    def build() -> Flask:
        worker = create_app(settings)
        dress(worker)
        return worker

    options = {"bind": f"{host}:{port}", "workers": workers, "worker_class": "gthread", "threads": THREADS}
    options["control_socket_disable"] = True  # one ~/.gunicorn/gunicorn.ctl would be shared by every mock served here
    if tls:
        options["certfile"], options["keyfile"] = tls
    Gunicorn(build, options).run()
