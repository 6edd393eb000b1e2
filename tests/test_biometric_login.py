"""生体認証ログイン (S-BIO-LOGIN, P19; R-BIO-LOGIN): the bank verifies the phone's answer (py_webauthn) against the
credential it keeps — challenge and its expiry, origin, RP ID, user verification, signature, a growing sign count,
the customer's own credential from the phone that registered it — and counts failures toward R-LOCKOUT."""

from __future__ import annotations

import json

import pytest

from mockbank.bank.models import BiometricCredential, Customer
from mockbank.bank.services.biometric_credentials import revoke_credentials
from mockbank.db import db
from mockbank.rules import BIO_LOGIN_EXPIRED, BIO_LOGIN_FAILED, LOCKED
from tests.webauthn_device import (
    LOGIN_URL,
    ORIGIN,
    PC,
    SoftAuthenticator,
    log_in,
    options_on,
    phone_headers,
    register,
)

HOME = "/netbank/home"


@pytest.fixture
def registered(app, client, seed):
    """A customer whose iPhone registered its biometric; the phone and the persona."""
    persona = seed("active")
    phone = SoftAuthenticator()
    assert register(client, phone, persona).status_code == 302
    return phone, persona


def row(app) -> BiometricCredential:
    with app.app_context():
        found = db.session.scalars(db.select(BiometricCredential).order_by(BiometricCredential.id)).first()
        db.session.expunge(found)
        return found


def refused(response, message: str = BIO_LOGIN_FAILED.message) -> bool:
    return response.status_code == 200 and message in response.get_data(as_text=True)


def test_the_biometric_logs_in_without_id_or_password_and_keeps_the_count(app, client, registered, journal):
    phone, persona = registered
    done = log_in(client, phone)
    assert done.status_code == 302 and done.headers["Location"].endswith(HOME)
    assert client.get(HOME, headers=phone_headers()).status_code == 200
    assert row(app).sign_count == 1 and row(app).last_used_at is not None
    [login] = journal(kind="login")
    assert login["screen"] == "S-BIO-LOGIN" and "R-BIO-LOGIN" in login["detail"]["passed"]
    assert log_in(client, phone).headers["Location"].endswith(HOME)
    assert row(app).sign_count == 2


def test_the_options_require_user_verification_on_this_host(client):
    options = options_on(client.get(LOGIN_URL, headers=phone_headers()).get_data(as_text=True))
    assert options["rpId"] == "localhost" and options["userVerification"] == "required"


def test_the_phone_saying_no_stays_logged_out(client, registered, journal):
    client.get(LOGIN_URL, headers=phone_headers())
    page = client.post(LOGIN_URL, data={"failure": "NotAllowedError"}, headers=phone_headers())
    assert refused(page)
    assert client.get(HOME, headers=phone_headers()).status_code == 302
    assert journal(kind="refused")[-1]["rule"] == "R-BIO-LOGIN"


@pytest.mark.parametrize(
    ("how", "reason"),
    [
        ({"bogus_signature": True}, "Could not verify authentication signature"),
        ({"origin": "http://localhost:9999"}, "origin"),
        ({"rp_id": "example.com"}, "RP ID"),
    ],
)
def test_an_answer_the_bank_cannot_verify_is_refused_and_counted(
    app, client, registered, journal, customer_state, how, reason
):
    phone, persona = registered
    assert refused(log_in(client, phone, **how))
    assert reason in journal(kind="biometric_failed")[-1]["detail"]["reason"]
    assert customer_state(persona["customer_id"])["failed_attempts"] == 1
    assert client.get(HOME, headers=phone_headers()).status_code == 302


def test_an_answer_without_user_verification_is_refused(client, registered, journal):
    phone, _persona = registered
    phone.verified = False
    assert refused(log_in(client, phone))
    assert "User verification is required" in journal(kind="biometric_failed")[-1]["detail"]["reason"]


def test_the_challenge_expires_on_the_world_clock(client, control, registered, frozen):
    phone, _persona = registered
    options = options_on(client.get(LOGIN_URL, headers=phone_headers()).get_data(as_text=True))
    control.post("/_control/clock", json={"advance": 121})
    answer = phone.get(options, ORIGIN)
    page = client.post(LOGIN_URL, data={"credential": json.dumps(answer)}, headers=phone_headers())
    assert refused(page, BIO_LOGIN_EXPIRED.message)


def test_a_challenge_of_another_session_is_not_this_ones(app, client, registered):
    phone, _persona = registered
    stranger = app.test_client()
    options = options_on(stranger.get(LOGIN_URL, headers=phone_headers()).get_data(as_text=True))
    client.get(LOGIN_URL, headers=phone_headers())  # this session's own challenge is another
    page = client.post(LOGIN_URL, data={"credential": json.dumps(phone.get(options, ORIGIN))}, headers=phone_headers())
    assert refused(page)


def test_a_count_that_does_not_grow_is_a_cloned_authenticator(app, client, registered, journal):
    phone, _persona = registered
    assert log_in(client, phone).status_code == 302  # count 1
    assert refused(log_in(client, phone, counter=1))  # a copy made before signs with the same count
    [cloned] = journal(kind="biometric_cloned")
    assert cloned["rule"] == "R-BIO-LOGIN" and cloned["detail"]["stored_count"] == 1
    assert row(app).revoked and row(app).revoked_why == "cloned"
    assert refused(log_in(client, phone))  # the credential no longer logs in, not even from the phone


def test_another_phone_holding_the_credential_is_refused_and_betrays_the_copy(app, client, registered, journal):
    phone, _persona = registered
    other = phone_headers(device="cd" * 16, agent=PC.replace("X11; Linux x86_64", "Linux; Android 14") + " Mobile")
    assert refused(log_in(client, phone, headers=other))
    assert journal(kind="biometric_failed")[-1]["detail"]["reason"] == "another phone"
    phone.keys[0].sign_count -= 1  # the original phone's own counter never saw the copy's signature
    assert refused(log_in(client, phone))
    assert journal(kind="biometric_cloned")


def test_another_customers_user_handle_is_refused(app, client, registered, seed):
    phone, _persona = registered
    assert refused(log_in(client, phone, user_handle=b"someone else 123"))


def test_a_credential_the_bank_does_not_know_is_refused_and_counts_for_nobody(client, registered, journal):
    stranger = SoftAuthenticator()
    stranger.create({"rp": {"id": "localhost"}, "user": {"id": "AAAA"}, "challenge": "AAAA"}, ORIGIN)
    assert refused(log_in(client, stranger))
    entry = journal(kind="biometric_failed")[-1]
    assert entry["detail"]["reason"] == "unknown credential" and entry["customer_id"] is None


def test_a_reissued_token_ends_the_biometric_login(app, client, registered):
    phone, persona = registered
    with app.app_context():
        assert revoke_credentials(db.session.get(Customer, persona["customer_id"])) == 1
        db.session.commit()
    assert refused(log_in(client, phone))
    assert row(app).revoked_why == "reissued"


def test_a_locked_customer_is_told_after_a_good_biometric(app, client, registered):
    phone, persona = registered
    with app.app_context():
        db.session.get(Customer, persona["customer_id"]).locked = True
        db.session.commit()
    assert refused(log_in(client, phone), LOCKED.message)
    assert client.get(HOME, headers=phone_headers()).status_code == 302


def test_five_failures_in_a_row_lock_the_login(app, client, registered, customer_state, journal):
    phone, persona = registered
    for _ in range(5):
        assert refused(log_in(client, phone, bogus_signature=True))
    assert customer_state(persona["customer_id"])["locked"]
    assert journal(kind="lockout")[-1]["screen"] == "S-BIO-LOGIN"
    assert refused(log_in(client, phone), LOCKED.message)


def test_a_pc_is_told_biometrics_are_for_smartphones_only(client, journal):
    page = client.get(LOGIN_URL, headers=phone_headers(agent=PC)).get_data(as_text=True)
    assert "webauthn-options" not in page
    assert journal(kind="refused")[-1]["rule"] == "R-BIO-DEVICE"


@pytest.mark.parametrize("junk", ["", "[]", '{"id": "AAAA", "rawId": "AAAA", "response": {}}', "x" * 5000])
def test_junk_for_an_answer_is_refused_never_a_500(client, registered, junk):
    client.get(LOGIN_URL, headers=phone_headers())
    assert refused(client.post(LOGIN_URL, data={"credential": junk}, headers=phone_headers()))
