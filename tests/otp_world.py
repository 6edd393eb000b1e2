"""The OTP application (P12–P13) below the browser: the issuer reached over HTTP in process, forms, calls."""

from __future__ import annotations

import re
from contextlib import contextmanager
from urllib.parse import urlsplit

import responses

from tests.forms import text

GOOD_MAIL, GOOD_START_PW = "taro@example.jp", "246810"
BANK_LINE = "0120-860-310"
CALLS = "/netbank/api/phone-auth/calls"
OTPAPP, PHONE_CHECK, STATUS, TOKEN = (
    "/netbank/otp-application",
    "/netbank/otp-application/phone-check",
    "/netbank/otp-application/phone-check/status",
    "/netbank/otp-application/token",
)


@contextmanager
def issuer_in_process(app):
    """The bank's HTTP calls to http://localhost/issuer/… carried by `responses` to the issuer of this same app.

    The Flask test client serves no socket; this keeps the bank's real client (requests, the
    issuer's key, status codes) and the real issuer, faults included, in one thread.
    """
    issuer = app.test_client()

    def forward(request):
        url = urlsplit(request.url)
        with app.app_context():  # a context of its own, as a server's thread would have: its own g and db session
            answer = issuer.open(
                url.path,
                query_string=url.query,
                method=request.method,
                data=request.body,
                headers=dict(request.headers),
            )
        return answer.status_code, {"Content-Type": answer.content_type}, answer.get_data()

    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        for method in (responses.GET, responses.POST):
            mock.add_callback(method, re.compile(r"http://localhost/issuer/.*"), callback=forward)
        yield mock


def phone_ids(browser) -> list[str]:
    """S-OTPAPP's 電話番号 choices, by their radio buttons' values (the registered phones' row ids)."""
    return re.findall(r'name="phone" value="(\d+)"', text(browser.get(OTPAPP)))


def application_key(browser) -> str:
    """The key S-OTPAPP gives the form it shows (one application per filled-in form)."""
    return re.search(r'name="application" value="([0-9a-f]{32})"', text(browser.get(OTPAPP))).group(1)


def otp_form(browser, persona: dict, phone: int | str = 0, **changes) -> dict:
    """S-OTPAPP filled in right: mail twice, 利用開始パスワード twice, the `phone`-th choice (or that value), confirm PW."""
    form = {
        "application": application_key(browser),
        "mail": GOOD_MAIL,
        "mail_again": GOOD_MAIL,
        "start_pw": GOOD_START_PW,
        "start_pw_again": GOOD_START_PW,
        "phone": phone if isinstance(phone, str) else phone_ids(browser)[phone],
        "confirm_pw": persona["confirm_password"],
        "action": "apply",
    }
    form.update(changes)
    return form


def apply_for_otp(browser, persona: dict, phone: int | str = 0, **changes):
    """Submit S-OTPAPP; returns the bank's response."""
    return browser.post(OTPAPP, data=otp_form(browser, persona, phone, **changes))


def world_now(control) -> str:
    """The world clock's time now (ISO), as the phone network stamps a call."""
    return control.get("/_control/clock").get_json()["now"]


def deliver(app, control, caller: str | None, *, at: str | None = None, key: str | None = None, **body):
    """The phone network delivering a call to the bank's 0120 line, with its key; returns the bank's response."""
    payload = {"call": body.pop("call", 1), "caller": caller, "called": BANK_LINE, "at": at or world_now(control)}
    payload.update(body)
    key = app.config["PHONE_NETWORK_KEY"] if key is None else key
    return control.post(CALLS, json=payload, headers={"X-Phone-Network-Key": key})


def issuer_token(app, token: str) -> dict:
    """The issuer's own record of a token (in process), as its API describes it."""
    from mockbank.issuer import service

    with app.app_context():
        return service.describe(token)


def application_row(app, customer_id: int) -> dict:
    """The bank's latest OTP application row for a customer, every column."""
    from mockbank.bank.models import OtpApplication
    from mockbank.db import db

    with app.app_context():
        row = db.session.scalars(
            db.select(OtpApplication).where(OtpApplication.customer_id == customer_id).order_by(OtpApplication.id)
        ).all()[-1]
        return {column.name: getattr(row, column.name) for column in OtpApplication.__table__.columns}
