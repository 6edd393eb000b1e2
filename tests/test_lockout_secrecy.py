"""R-ACCT-MATCH, R-LOGIN-MATCH, R-LOCKOUT: only the right passwords learn that a login is locked.

A wrong password to a locked account or login ID gets the very screen an account or
login ID that does not exist gets, so a stranger learns neither that it exists nor
that it is locked; it does not unlock anything, and the journal keeps what happened.
"""

from __future__ import annotations

import re

import pytest

from mockbank import rules
from tests.forms import sid001, text


def wrong(password: str) -> str:
    """A different password of the same shape."""
    return password[:-1] + ("0" if password[-1] != "0" else "1")


def screen(response, *typed: str) -> str:
    """The page as a stranger compares it: without the form's token and without what they typed themselves."""
    page = re.sub(r'name="csrf_token" value="[^"]*"', "", text(response))
    for value in typed:
        page = page.replace(value, "…")
    return page


@pytest.fixture
def locked(client, seed, customer_state):
    """A new-contract customer whose login five wrong SID001 passwords have locked."""
    persona = seed("new", login_id="aomori2025")
    for _ in range(5):
        client.post("/netbank/customer-info", data=sid001(persona, login_pw=wrong(persona["login_password"])))
    assert customer_state(persona["customer_id"])["locked"] is True
    return persona


def nobodys_account(persona: dict) -> str:
    """A representative account number at the persona's branch that no customer has."""
    return f"{(int(persona['account_number']) + 1) % 10_000_000:07d}"


SID001_WRONG = {
    "wrong login password": lambda p: {"login_pw": wrong(p["login_password"])},
    "wrong confirm password": lambda p: {"confirm_pw": wrong(p["confirm_password"])},
    "both wrong": lambda p: {"login_pw": wrong(p["login_password"]), "confirm_pw": wrong(p["confirm_password"])},
}


@pytest.mark.parametrize("mistake", SID001_WRONG.values(), ids=SID001_WRONG.keys())
def test_sid001_answers_wrong_passwords_to_a_locked_account_as_it_answers_an_account_nobody_has(app, locked, mistake):
    form = sid001(locked, **mistake(locked))
    to_locked = app.test_client().post("/netbank/customer-info", data=form)
    to_nobody = app.test_client().post("/netbank/customer-info", data={**form, "account": nobodys_account(locked)})
    assert to_locked.status_code == to_nobody.status_code == 200
    assert rules.ACCOUNT_MISMATCH.message in text(to_locked)
    assert rules.LOCKED.message not in text(to_locked)
    assert screen(to_locked, locked["account_number"]) == screen(to_nobody, nobodys_account(locked))


def test_sid001_wrong_passwords_to_a_locked_account_unlock_nothing_and_are_journalled(
    client, locked, customer_state, journal
):
    before = len(journal(kind="refused"))
    client.post("/netbank/customer-info", data=sid001(locked, login_pw=wrong(locked["login_password"])))
    state = customer_state(locked["customer_id"])
    assert (state["locked"], state["failed_attempts"], state["step"]) == (True, 5, "first_login")
    [refusal] = journal(kind="refused")[before:]
    assert (refusal["screen"], refusal["rule"]) == ("SID001", "R-ACCT-MATCH")
    assert refusal["customer_id"] == locked["customer_id"]  # the journal is the bank's own: it may say whose
    [noted] = journal(kind="locked_attempt")
    assert (noted["screen"], noted["customer_id"], noted["detail"]) == (
        "SID001",
        locked["customer_id"],
        {"refused_as": "R-ACCT-MATCH", "passed": ["R-ACCT-BRANCH", "R-ACCT-NO", "R-HANKAKU"]},
    )
    assert len(journal(kind="lockout")) == 1  # locked once, not again


def test_sid001_tells_the_right_passwords_of_the_lock(client, locked, journal):
    client.post("/netbank/customer-info", data=sid001(locked, login_pw=wrong(locked["login_password"])))
    response = client.post("/netbank/customer-info", data=sid001(locked))
    assert rules.LOCKED.message in text(response)
    assert journal(kind="refused")[-1]["rule"] == "R-LOCKOUT"
    assert client.get("/netbank/login-id").location == "/netbank/customer-info"


LOGIN_SCREENS = {"初回ログイン": "/netbank/first-login", "ログイン": "/netbank/login"}


@pytest.mark.parametrize("path", LOGIN_SCREENS.values(), ids=LOGIN_SCREENS.keys())
def test_a_login_screen_answers_a_wrong_password_to_a_locked_id_as_it_answers_an_unknown_id(app, locked, path):
    password = wrong(locked["login_password"])
    to_locked = app.test_client().post(path, data={"login_id": "aomori2025", "login_pw": password})
    to_nobody = app.test_client().post(path, data={"login_id": "nobody2025", "login_pw": password})
    assert to_locked.status_code == to_nobody.status_code == 200
    assert rules.LOGIN_MISMATCH.message in text(to_locked)
    assert rules.LOCKED.message not in text(to_locked)
    assert screen(to_locked, "aomori2025") == screen(to_nobody, "nobody2025")


@pytest.mark.parametrize("path", LOGIN_SCREENS.values(), ids=LOGIN_SCREENS.keys())
def test_a_login_screen_tells_only_the_right_password_of_the_lock(client, locked, customer_state, journal, path):
    client.post(path, data={"login_id": "aomori2025", "login_pw": wrong(locked["login_password"])})
    assert journal(kind="refused")[-1]["rule"] == "R-LOGIN-MATCH"
    assert customer_state(locked["customer_id"])["failed_attempts"] == 5
    response = client.post(path, data={"login_id": "aomori2025", "login_pw": locked["login_password"]})
    assert rules.LOCKED.message in text(response)
    assert journal(kind="refused")[-1]["rule"] == "R-LOCKOUT"
    assert (customer_state(locked["customer_id"])["locked"], journal(kind="login")) == (True, [])


@pytest.mark.parametrize("path", LOGIN_SCREENS.values(), ids=LOGIN_SCREENS.keys())
def test_the_wrong_password_that_locks_a_login_says_no_more_than_the_others(client, seed, customer_state, path):
    persona = seed("id_initialised", login_id="aomori2025")
    bad = {"login_id": "aomori2025", "login_pw": wrong(persona["login_password"])}
    pages = [text(client.post(path, data=bad)) for _ in range(5)]
    assert customer_state(persona["customer_id"])["locked"] is True
    assert [rules.LOGIN_MISMATCH.message in page and rules.LOCKED.message not in page for page in pages] == [True] * 5
