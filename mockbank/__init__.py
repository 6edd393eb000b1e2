"""mockbank: つないでネ！ット of 青森みちのく銀行 and every party around it, as one Flask app."""

from __future__ import annotations

import importlib
import os

from flask import Flask, render_template, request
from werkzeug.exceptions import HTTPException

from mockbank import config
from mockbank.catalogue import SCREEN_IDS_SHOWN
from mockbank.db import create_schema, db, register_models, tune_sqlite
from mockbank.faults import init_faults
from mockbank.mail import init_mail
from mockbank.parties import PARTIES, PartySessionInterface, answers_json
from mockbank.routing import shared_builders
from mockbank.security import init_security_headers
from mockbank.template_code import shared_templates
from mockbank.worlds import init_worlds


def create_app(overrides: dict | None = None) -> Flask:
    """Build the mock world: settings, database, clock, mail, then one blueprint per party."""
    app = Flask(__name__, instance_relative_config=True)
    shared_builders(app)
    shared_templates(app)  # before anything touches app.jinja_env, which reads jinja_options once
    register_settings(app, overrides)
    register_extensions(app)
    init_mail(app)
    register_blueprints(app)
    register_csrf(app)
    register_errorhandlers(app)
    init_security_headers(app)
    return app


def register_settings(app: Flask, overrides: dict | None) -> None:
    """Defaults, then MOCKBANK_* environment variables, then the caller's overrides."""
    app.config.from_mapping(config.defaults(app.instance_path))
    config.from_environment(app.config)
    app.config.from_mapping(overrides or {})
    if app.config["SHOW_TEST_STRIP"] is None:
        app.config["SHOW_TEST_STRIP"] = bool(app.config["TEST_MODE"])


def register_extensions(app: Flask) -> None:
    """The database (created on first start), the worlds and their clocks and faults, a cookie per party, 画面ID."""
    app.session_interface = PartySessionInterface()
    os.makedirs(app.instance_path, exist_ok=True)
    options = app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {})
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///") and "poolclass" not in options:
        # An SQLite file: a connection for every request at once (SQLAlchemy's pool keeps 15), so a screen never
        # waits for one held by a password check. (A pool of another kind, as a test's NullPool, has no overflow.)
        options.setdefault("max_overflow", -1)
    db.init_app(app)
    init_worlds(app)  # before the faults: a request's faults are its world's
    init_faults(app)
    register_models()
    with app.app_context():
        tune_sqlite(db.engine)
        create_schema()
    app.jinja_env.globals["screen_ids_shown"] = SCREEN_IDS_SHOWN


def register_blueprints(app: Flask) -> None:
    """Every party's routes at its prefix (parties.PARTIES); the control API only in test mode (DESIGN: 404 otherwise)."""
    for party in PARTIES.values():
        if party.package and (party.name != "control" or app.config["TEST_MODE"]):
            app.register_blueprint(importlib.import_module(party.package).bp, url_prefix=party.prefix)


def register_csrf(app: Flask) -> None:
    """CSRF tokens on the forms people post; a bad one is a 400 (the bank's page). Not on the JSON APIs programs call
    with keys of their own (parties.PARTIES: the issuer, the bank's 0120 line, the control API)."""
    from flask_wtf.csrf import CSRFProtect

    csrf = CSRFProtect(app)
    for rule in app.url_map.iter_rules():
        if answers_json(rule.rule):
            csrf.exempt(app.view_functions[rule.endpoint])


def register_errorhandlers(app: Flask) -> None:
    """The bank's own pages for 404 and 500 (a customer never sees a stack trace); a JSON API's errors in JSON."""

    titles = {404: "ページが見つかりません", 405: "この操作は受け付けられません"}

    def http_error(error: HTTPException):
        if answers_json(request.path):
            return {"error": error.description}, error.code
        title = titles.get(error.code, "ただいまご利用いただけません")
        return render_template("error.html", title=title, status=error.code), error.code

    def server_error(_error):
        db.session.rollback()
        if answers_json(request.path):
            return {"error": "internal error"}, 500
        return render_template("error.html", title="ただいま混み合っております", status=500), 500

    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(500, server_error)
