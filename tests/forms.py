"""The bank's forms as a browser posts them, and the page text as a customer reads it."""

from __future__ import annotations

import html
import re


def text(response) -> str:
    """The response body with HTML entities decoded, as the customer reads it."""
    return html.unescape(response.get_data(as_text=True))


def sid001(persona: dict, **changes) -> dict:
    """SID001's form filled in with the persona's account and passwords, any field changed."""
    form = {
        "branch": persona["branch"]["code"],
        "kind": "普通",
        "account": persona["account_number"],
        "login_pw": persona["login_password"],
        "confirm_pw": persona["confirm_password"],
        "action": "next",
    }
    form.update(changes)
    return form


def login_id_form(login_id: str, again: str | None = None) -> dict:
    """S-ID's form: the login ID, and again (the same unless told)."""
    return {"login_id": login_id, "login_id_again": login_id if again is None else again}


def take_login_id(client, persona: dict, login_id: str) -> None:
    """Walk SID001 → S-ID → S-ID-DONE, leaving the browser at 初回ログイン."""
    assert client.post("/netbank/customer-info", data=sid001(persona)).location == "/netbank/login-id"
    assert client.post("/netbank/login-id", data=login_id_form(login_id)).location == "/netbank/login-id/done"
    assert client.post("/netbank/login-id/done", data={"ack": "on"}).location == "/netbank/first-login"


def alert(response) -> str:
    """The bank's messages in the error summary (role="alert") on the page, as text."""
    found = re.search(r'<div role="alert">(.*?)</div>', text(response), re.S)
    return re.sub(r"\s*<[^>]+>\s*", "", found.group(1)).strip() if found else ""
