"""mockbank: つないでネ！ット of 青森みちのく銀行 and every party around it, as one Flask app."""

from __future__ import annotations

import os

from flask import Flask, render_template, request
from werkzeug.exceptions import HTTPException

from mockbank import config
from mockbank.clock import WorldClock
from mockbank.db import create_schema, db
from mockbank.faults import init_faults
from mockbank.mail import init_mail
from mockbank.parties import PartySessionInterface


def create_app(overrides: dict | None = None) -> Flask:
    """Build the mock world: settings, database, clock, mail, then one blueprint per party."""
    app = Flask(__name__, instance_relative_config=True)
    register_settings(app, overrides)
    register_extensions(app)
    init_mail(app)
    register_blueprints(app)
    register_csrf(app)
    register_errorhandlers(app)
    return app


def register_settings(app: Flask, overrides: dict | None) -> None:
    """Defaults, then MOCKBANK_* environment variables, then the caller's overrides."""
    app.config.from_mapping(config.defaults(app.instance_path))
    app.config.from_mapping(config.from_environment())
    app.config.from_mapping(overrides or {})
    if app.config["SHOW_TEST_STRIP"] is None:
        app.config["SHOW_TEST_STRIP"] = bool(app.config["TEST_MODE"])


def register_extensions(app: Flask) -> None:
    """The database (created on first start), the one world clock, and a session cookie per party."""
    app.session_interface = PartySessionInterface()
    os.makedirs(app.instance_path, exist_ok=True)
    db.init_app(app)
    app.extensions["world_clock"] = WorldClock()
    init_faults(app)
    with app.app_context():
        from mockbank import models  # noqa: F401  (registers the tables)
        from mockbank.issuer import models as _issuer_models  # noqa: F401  (the issuer's table)
        from mockbank.phone import models as _phone_models  # noqa: F401  (the phone network's table)

        create_schema()


def register_blueprints(app: Flask) -> None:
    """Every party (the bank, the OTP issuer, the mailbox); the control API only in test mode (DESIGN: 404 otherwise)."""
    from mockbank.app import bp as app_bp
    from mockbank.bank import bp as bank_bp
    from mockbank.issuer import bp as issuer_bp
    from mockbank.mail import bp as mail_bp
    from mockbank.phone import bp as phone_bp

    app.register_blueprint(bank_bp)
    app.register_blueprint(app_bp)
    app.register_blueprint(issuer_bp)
    app.register_blueprint(mail_bp)
    app.register_blueprint(phone_bp)
    if app.config["TEST_MODE"]:
        from mockbank.control import bp as control_bp

        app.register_blueprint(control_bp)


def register_csrf(app: Flask) -> None:
    """CSRF tokens on the forms the bank and mailbox post; a bad one is a 400 (the bank's page). Not on JSON APIs."""
    from flask_wtf.csrf import CSRFProtect

    from mockbank.issuer import bp as issuer_bp

    csrf = CSRFProtect(app)
    csrf.exempt(issuer_bp)  # a JSON API the bank calls server to server, not a form
    csrf.exempt("mockbank.bank.phone_check.phone_auth_calls")  # the phone network's calls, with its own key
    if app.config["TEST_MODE"]:
        from mockbank.control import bp as control_bp

        csrf.exempt(control_bp)


def register_errorhandlers(app: Flask) -> None:
    """The bank's own pages for 404 and 500: a customer never sees a stack trace."""

    titles = {404: "ページが見つかりません", 405: "この操作は受け付けられません"}

    def http_error(error: HTTPException):
        if request.path.startswith(("/_control/", "/issuer/api/", "/netbank/api/")):
            return {"error": error.description}, error.code
        title = titles.get(error.code, "ただいまご利用いただけません")
        return render_template("error.html", title=title, status=error.code), error.code

    def server_error(_error):
        db.session.rollback()
        if request.path.startswith("/netbank/api/"):  # the bank's line for the phone network answers JSON only
            return {"error": "internal error"}, 500
        return render_template("error.html", title="ただいま混み合っております", status=500), 500

    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(500, server_error)
