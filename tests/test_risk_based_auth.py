"""R-RBA (§2(4)) and S-RBA: a login from a device the bank has not seen for the customer answers a secret question."""

from __future__ import annotations

import pytest

from mockbank import rules
from tests.forms import sid001, text

SMARTPHONE = {"User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148"}
PC = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"}
NEW_PHONE = "a1" * 16
OTHER_PHONE = "b2" * 16
RBA = "/netbank/login/additional-auth"


def on(device: str, agent: dict = SMARTPHONE) -> dict:
    return {**agent, "X-Mockbank-Device": device}


def log_in(client, persona: dict, device: str = NEW_PHONE, agent: dict = SMARTPHONE, password: str | None = None):
    form = {"login_id": persona["login_id"], "login_pw": password or persona["login_password"]}
    return client.post("/netbank/login", data=form, headers=on(device, agent))


def asked(client, persona: dict, device: str = NEW_PHONE) -> str:
    """The question S-RBA shows now; its registered answer is in the persona."""
    page = text(client.get(RBA, headers=on(device)))
    for pair in persona["secret_qa"]:
        if pair["question"] in page:
            return pair["question"]
    raise AssertionError(f"no registered question on S-RBA:\n{page}")


def answer_of(persona: dict, question: str) -> str:
    return next(pair["answer"] for pair in persona["secret_qa"] if pair["question"] == question)


def answer(client, text_: str, device: str = NEW_PHONE):
    return client.post(RBA, data={"answer": text_}, headers=on(device))


def test_a_login_from_an_unknown_device_is_asked_one_registered_question_before_the_top_page(client, seed, journal):
    persona = seed("active")
    response = log_in(client, persona)
    assert response.location == RBA
    assert client.get("/netbank/home", headers=on(NEW_PHONE)).location == "/netbank/login"  # not logged in yet
    question = asked(client, persona)
    page = text(client.get(RBA, headers=on(NEW_PHONE)))
    assert 'data-screen="S-RBA"' in page and "追加認証" in page and "回答" in page
    assert "書面による追加認証解除" in page
    assert [e["detail"]["question"] for e in journal(kind="rba_asked")] == [question]
    assert not journal(kind="login")


def test_the_right_answer_logs_in_and_the_device_is_known_from_then_on(client, seed, customer_state, journal):
    persona = seed("active")
    log_in(client, persona)
    response = answer(client, answer_of(persona, asked(client, persona)))
    assert response.location == "/netbank/home"
    assert client.get("/netbank/home", headers=on(NEW_PHONE)).status_code == 200
    assert NEW_PHONE in [d["device"] for d in customer_state(persona["customer_id"])["known_devices"]]
    assert "R-RBA" in journal(kind="login")[-1]["detail"]["passed"]
    client.post("/netbank/logout", headers=on(NEW_PHONE))
    assert log_in(client, persona).location == "/netbank/home"  # the same device again: nothing asked


def test_a_known_device_is_not_asked(client, seed):
    persona = seed("active", known_devices=[NEW_PHONE])
    assert log_in(client, persona).location == "/netbank/home"


def test_a_wrong_answer_stops_the_login_says_only_that_and_counts(client, seed, customer_state, journal):
    persona = seed("active")
    log_in(client, persona)
    asked(client, persona)
    response = answer(client, "まちがい")
    page = text(response)
    assert response.status_code == 200
    assert rules.RBA_MISMATCH.message in page
    assert 'name="answer"' not in page  # the attempt is over: no form to try again
    assert customer_state(persona["customer_id"])["failed_attempts"] == 1
    assert client.get(RBA, headers=on(NEW_PHONE)).location == "/netbank/login"
    assert [e["rule"] for e in journal(kind="refused") if e["screen"] == "S-RBA"] == ["R-RBA"]
    assert NEW_PHONE not in [d["device"] for d in customer_state(persona["customer_id"])["known_devices"]]


@pytest.mark.parametrize(
    ("typed", "rule"),
    [("", "R-RBA"), ("aoba", "R-QA-ZENKAKU"), ("ｱｵﾊﾞ", "R-QA-ZENKAKU"), ("あ" * 11, "R-QA-ZENKAKU")],
    ids=["empty", "half-width", "half-width kana", "11 characters"],
)
def test_a_malformed_answer_is_refused_on_the_screen_and_counts_nothing(client, seed, customer_state, typed, rule):
    persona = seed("active")
    log_in(client, persona)
    question = asked(client, persona)
    response = answer(client, typed)
    assert response.status_code == 200 and 'name="answer"' in text(response)
    assert customer_state(persona["customer_id"])["failed_attempts"] == 0
    assert answer(client, answer_of(persona, question)).location == "/netbank/home"


def test_answers_are_compared_exactly_as_registered(client, seed):
    persona = seed("active")
    log_in(client, persona)
    right = answer_of(persona, asked(client, persona))
    almost = right[:-1] + ("Ａ" if right[-1] != "Ａ" else "Ｂ")
    assert rules.RBA_MISMATCH.message in text(answer(client, almost))


def test_the_question_stays_the_same_over_reloads_new_logins_and_devices(client, seed):
    persona = seed("active")
    log_in(client, persona)
    first = asked(client, persona)
    for _ in range(5):
        assert asked(client, persona) == first
    log_in(client, persona, device=OTHER_PHONE)
    assert asked(client, persona, device=OTHER_PHONE) == first


def test_five_wrong_answers_lock_the_login_and_every_route_says_so(client, seed, customer_state):
    persona = seed("active")
    for n in range(1, 6):
        log_in(client, persona)
        response = answer(client, "まちがい")
        expected = rules.LOCKED if n == 5 else rules.RBA_MISMATCH
        assert expected.message in text(response), n
    assert customer_state(persona["customer_id"])["locked"]
    assert rules.LOCKED.message in text(log_in(client, persona))  # the right password learns of the lock
    assert rules.LOCKED.message in text(log_in(client, persona, device="7e57" * 8))  # a known device too


def test_wrong_passwords_and_wrong_answers_count_together(client, seed, customer_state):
    persona = seed("active")
    for _ in range(3):
        log_in(client, persona, password="Wrong1234")
    log_in(client, persona)
    answer(client, "まちがい")
    assert customer_state(persona["customer_id"])["failed_attempts"] == 4
    log_in(client, persona)
    response = answer(client, "まちがい")
    assert rules.LOCKED.message in text(response)


def test_a_right_answer_ends_the_run_of_failures(client, seed, customer_state):
    persona = seed("active")
    log_in(client, persona, password="Wrong1234")
    log_in(client, persona)
    answer(client, answer_of(persona, asked(client, persona)))
    assert customer_state(persona["customer_id"])["failed_attempts"] == 0


def test_a_customer_locked_while_the_question_is_open_is_told_on_the_answer(client, app, seed):
    persona = seed("active")
    log_in(client, persona)
    question = asked(client, persona)
    other = app.test_client()
    for _ in range(5):
        log_in(other, persona, password="Wrong1234", device=OTHER_PHONE)
    response = answer(client, answer_of(persona, question))
    assert response.location == "/netbank/login"
    assert rules.LOCKED.message in text(client.get("/netbank/login"))


def test_unlocking_out_of_band_lets_the_customer_in_again(client, control, seed, customer_state):
    persona = seed("active")
    for _ in range(5):
        log_in(client, persona, password="Wrong1234", device="7e57" * 8)
    assert customer_state(persona["customer_id"])["locked"]
    unlocked = control.post(f"/_control/customers/{persona['customer_id']}/unlock").get_json()
    assert unlocked == {"customer_id": persona["customer_id"], "locked": False, "failed_attempts": 0}
    assert log_in(client, persona, device="7e57" * 8).location == "/netbank/home"


def test_a_pc_without_a_token_answers_after_the_mailed_password(client, seed, control):
    persona = seed("active")
    assert log_in(client, persona, device=NEW_PHONE, agent=PC).location == "/netbank/login/mail-password"
    mail = control.get("/_control/mail", query_string={"to": persona["mail"]}).get_json()[0]
    code = next(word for word in mail["body"].replace("：", " ").split() if word.isdigit() and len(word) == 8)
    response = client.post("/netbank/login/mail-password", data={"mail_pw": code}, headers=on(NEW_PHONE, PC))
    assert response.location == RBA
    page = client.get(RBA, headers=on(NEW_PHONE, PC))
    question = next(p["question"] for p in persona["secret_qa"] if p["question"] in text(page))
    response = client.post(RBA, data={"answer": answer_of(persona, question)}, headers=on(NEW_PHONE, PC))
    assert response.location == "/netbank/home"


def test_onboarding_devices_are_known(client, seed, customer_state):
    """初回ログイン cannot ask (a new contract has no questions yet); the device it was done on is known after."""
    persona = seed("new", step="first_login", known_devices=[])
    form = {"login_id": persona["login_id"], "login_pw": persona["login_password"]}
    assert client.post("/netbank/first-login", data=form, headers=on(NEW_PHONE)).location == "/netbank/secret-qa"
    assert [d["device"] for d in customer_state(persona["customer_id"])["known_devices"]] == [NEW_PHONE]


def test_a_browser_without_an_identity_is_known_by_the_banks_cookie(app, seed):
    persona = seed("active", known_devices=[])
    browser = app.test_client()
    browser.environ_base.pop("HTTP_X_MOCKBANK_DEVICE", None)
    form = {"login_id": persona["login_id"], "login_pw": persona["login_password"]}
    assert browser.post("/netbank/login", data=form, headers=SMARTPHONE).location == RBA
    assert browser.get_cookie("mockbank_bank_device") is not None
    page = text(browser.get(RBA))
    question = next(p["question"] for p in persona["secret_qa"] if p["question"] in page)
    assert browser.post(RBA, data={"answer": answer_of(persona, question)}).location == "/netbank/home"
    browser.post("/netbank/logout")
    assert browser.post("/netbank/login", data=form, headers=SMARTPHONE).location == "/netbank/home"


def test_personas_seed_known_devices_and_refuse_malformed_ones(control, seed, customer_state):
    persona = seed("active", known_devices=[NEW_PHONE, OTHER_PHONE])
    assert [d["device"] for d in customer_state(persona["customer_id"])["known_devices"]] == [NEW_PHONE, OTHER_PHONE]
    bad = control.post("/_control/personas", json={"kind": "active", "known_devices": ["not-a-device"]})
    assert bad.status_code == 400
    added = control.post(f"/_control/customers/{persona['customer_id']}/devices", json={"device": "c3" * 16})
    assert added.status_code == 201
    assert control.post(f"/_control/customers/{persona['customer_id']}/devices", json={"device": 1}).status_code == 400


def test_sid001_of_a_customer_already_using_the_service_asks_from_an_unusual_device(client, seed, journal):
    """P5 <既にモバイルバンキングでご利用のお客様さま>: their account and passwords are a login too (R-RBA)."""
    persona = seed("active")
    response = client.post("/netbank/customer-info", data=sid001(persona), headers=on(NEW_PHONE))
    assert response.location == RBA
    assert not journal(kind="login")
    response = answer(client, answer_of(persona, asked(client, persona)))
    assert response.location == "/netbank/home"
    assert journal(kind="login")[-1]["screen"] == "SID001"


def test_sid001_from_a_known_device_goes_on_to_the_otp_application(client, seed):
    persona = seed("active", known_devices=[NEW_PHONE])
    response = client.post("/netbank/customer-info", data=sid001(persona), headers=on(NEW_PHONE))
    assert response.location == "/netbank/otp-application"


def test_the_sid001_device_of_onboarding_is_known(client, seed, customer_state):
    persona = seed("new", known_devices=[])
    assert client.post("/netbank/customer-info", data=sid001(persona), headers=on(NEW_PHONE)).status_code == 302
    assert [d["device"] for d in customer_state(persona["customer_id"])["known_devices"]] == [NEW_PHONE]


def test_refuse_if_locked_is_the_one_check_other_routes_call(app, seed, journal):
    """R-LOCKOUT for the routes built elsewhere (biometric login, reissue): the lock message, the attempt journalled."""
    from mockbank.bank import lockout
    from mockbank.bank.errors import Refused
    from mockbank.bank.models import Customer
    from mockbank.db import db

    persona = seed("active")
    with app.test_request_context():
        customer = db.session.get(Customer, persona["customer_id"])
        lockout.refuse_if_locked(customer, "S-BIO-LOGIN")  # not locked: nothing happens
        customer.locked = True
        db.session.commit()
        with pytest.raises(Refused) as refused:
            lockout.refuse_if_locked(customer, "S-BIO-LOGIN")
    assert refused.value.problems == [rules.LOCKED]
    assert [e["screen"] for e in journal(kind="locked_attempt")] == ["S-BIO-LOGIN"]
