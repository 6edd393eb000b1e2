"""The initial-setup forms (追加認証登録, パスワード変更, お客さま情報登録) as a browser posts them."""

from __future__ import annotations

import re

from mockbank.bank.questions import QUESTIONS
from tests.forms import text

ANSWERS = ("３月", "あおもり", "Ａｐｐｌｅ")
NEW_LOGIN_PW, NEW_CONFIRM_PW = "Hakkoda2025", "Oirase2025"


def log_in(app, persona: dict):
    """A new browser holding a customer session for the persona (POST /_control/sessions)."""
    cookie = (
        app.test_client()
        .post("/_control/sessions", json={"customer_id": persona["customer_id"], "role": "customer"})
        .get_json()
    )
    browser = app.test_client()
    browser.set_cookie(cookie["name"], cookie["value"])
    return browser


def qa_form(questions=QUESTIONS[:3], answers=ANSWERS, ack: bool = True, action: str = "register") -> dict:
    """S-QA's form: three questions, three answers, 確認しました and the button."""
    form = {f"question{n}": q for n, q in enumerate(questions, start=1)}
    form.update({f"answer{n}": a for n, a in enumerate(answers, start=1)})
    form["action"] = action
    if ack:
        form["ack"] = "on"
    return form


def pw_form(
    login_pw: str = NEW_LOGIN_PW,
    confirm_pw: str = NEW_CONFIRM_PW,
    login_again: str | None = None,
    confirm_again: str | None = None,
    action: str = "change",
) -> dict:
    """S-PW's form: each new password typed twice (the same unless told)."""
    return {
        "login_pw": login_pw,
        "login_pw_again": login_pw if login_again is None else login_again,
        "confirm_pw": confirm_pw,
        "confirm_pw_again": confirm_pw if confirm_again is None else confirm_again,
        "action": action,
    }


def limit_fields(browser) -> list[str]:
    """The names of S-INFO's limit inputs (limit_<account id>), in the order of the customer's accounts."""
    return re.findall(r'name="(limit_\d+)"', text(browser.get("/netbank/customer-registration")))


def info_form(fields: list[str], mail: str = "taro@example.jp", limits=("100", "70"), **changes) -> dict:
    """S-INFO's form: mail twice, 017-738-0000, a limit per account, any field changed."""
    form = {"mail": mail, "mail_again": mail, "tel1": "017", "tel2": "738", "tel3": "0000"}
    form.update(zip(fields, limits, strict=False))
    form.update(changes)
    return form


def register_info(browser, confirm_pw: str, mail: str = "taro@example.jp", limits=("100", "70")):
    """Walk S-INFO → S-INFO-OK with good entries and confirm; returns the confirmation's response."""
    fields = limit_fields(browser)
    assert browser.post("/netbank/customer-registration", data=info_form(fields, mail, limits)).location == (
        "/netbank/customer-registration/confirm"
    )
    return browser.post(
        "/netbank/customer-registration/confirm", data={"ack": "on", "confirm_pw": confirm_pw, "action": "register"}
    )
