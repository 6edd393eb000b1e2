"""A-SETUP 初期設定 and A-DONE 初期設定完了 (P15): the token's values and consent, otp-auth.net, the seed to the phone."""

from __future__ import annotations

from flask import render_template, request

from mockbank import journal
from mockbank.app import bp, rules
from mockbank.app.device import app_device
from mockbank.bank.issuer_client import IssuerRefused, IssuerUnavailable, issuer_client
from mockbank.db import db

BANK_NAME = "青森みちのく銀行"  # the display name the app proposes for a token of つないでネ！ット (P16)
LOGIN_URL = "/netbank/login"  # where the app's ログイン opens the bank (P17)


@bp.route("/setup", methods=("GET", "POST"))
def setup():
    """初期設定 (A-SETUP, P15): サービスID, ユーザID, 利用開始パスワード and consent, then 送信 (R-APP-SETUP, R-APP-10)."""
    if request.method != "POST":
        return render_template("app/setup.html", form={}, problems=[])
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
        return render_template("app/setup.html", form=form, problems=problems)
    journal.record("app_token_added", screen="A-SETUP", service_id=answer["service_id"], user_id=answer["user_id"])
    db.session.commit()
    token = {
        "service_id": answer["service_id"],
        "user_id": answer["user_id"],
        "seed": answer["secret"],
        "issuer": "otp-auth.net",
        "name": BANK_NAME,
        "login_url": LOGIN_URL,
    }
    return render_template("app/done.html", token=token)


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
