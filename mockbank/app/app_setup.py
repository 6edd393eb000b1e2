"""A-SETUP 初期設定 (P15): the token's values and consent, then otp-auth.net; A-DONE follows with the seed for the phone."""

from __future__ import annotations

from flask import render_template, request

from mockbank import journal
from mockbank.app import bp
from mockbank.app.app_setup_done import setup_done
from mockbank.app.device import app_device
from mockbank.bank.issuer_client import IssuerRefused, IssuerUnavailable, issuer_client
from mockbank.db import db
from mockbank.rules import app_setup as rules


@bp.route("/setup", methods=("GET", "POST"))
def setup():
    """初期設定 (A-SETUP, P15): サービスID, ユーザID, 利用開始パスワード and consent, then 送信 (R-APP-SETUP, R-APP-10)."""
    if request.method != "POST":
        return render_template("app/app_setup.html", form={}, problems=[])
    form = request.form
    service_id, user_id = form.get("service_id", "").strip(), form.get("user_id", "").strip()
    start_password = form.get("start_pw", "")
    problems = rules.setup_values(service_id, user_id, start_password)
    problems += [p for p in (rules.consent(form.get("consent") == "yes"), rules.room_for_token(_held())) if p]
    if not problems:
        try:
            answer = issuer_client(bank=False).activate(service_id, user_id, start_password, app_device())
        except IssuerUnavailable:
            problems = [rules.OFFLINE]
        except IssuerRefused as refused:
            problems = [_refusal(refused)]
    if problems:
        journal.refused("A-SETUP", problems)
        return render_template("app/app_setup.html", form=form, problems=problems)
    journal.record("app_token_added", screen="A-SETUP", service_id=answer["service_id"], user_id=answer["user_id"])
    db.session.commit()
    return setup_done(answer)


def _held() -> int:
    """How many tokens the phone's storage holds: app.js puts the count in the form."""
    return rules.held_count(request.form.get("held", ""))


def _refusal(refused: IssuerRefused):
    """The app's message for what otp-auth.net refused: never which value was wrong."""
    if refused.status == 423:  # told only with the right values (R-APP-SETUP)
        return rules.TOKEN_LOCKED
    if refused.reason == "already_activated":
        return rules.ALREADY_SET_UP
    if refused.status == 409:
        return rules.NOT_USABLE
    return rules.WRONG
