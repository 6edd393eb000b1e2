"""生体認証利用設定 (S-BIO-SET, P18; R-BIO-DEVICE, R-BIO-SET): the phone's biometric is verified by the bank (py_webauthn)
before the ID and password, and only 登録 with the right ones makes it the customer's."""

from __future__ import annotations

import json

import pytest

from mockbank.bank.models import BiometricCredential
from mockbank.db import db
from mockbank.rules import (
    BIO_NOT_ON_DEVICE,
    BIO_NOT_ON_IP,
    BIO_SET_EXPIRED,
    BIO_SET_FAILED,
    BIO_SET_UNKNOWN_DEVICE,
    LOCKED,
    LOGIN_MISMATCH,
)
from tests.conftest import TEST_DEVICE
from tests.webauthn_device import (
    ANDROID,
    ORIGIN,
    PC,
    REGISTER_URL,
    SET_URL,
    SoftAuthenticator,
    options_on,
    phone_headers,
    register,
)


def credentials(app) -> list[BiometricCredential]:
    with app.app_context():
        rows = list(db.session.scalars(db.select(BiometricCredential)))
        for row in rows:
            db.session.expunge(row)
        return rows


def prompt(client, phone, headers=None, **how):
    """The prompt step of S-BIO-SET: the phone's answer posted; the response."""
    headers = headers or phone_headers()
    options = options_on(client.get(SET_URL, headers=headers).get_data(as_text=True))
    answer = phone.create(options, how.pop("origin", ORIGIN), **how)
    return client.post(SET_URL, data={"credential": json.dumps(answer)}, headers=headers)


def text(response) -> str:
    return response.get_data(as_text=True)


def test_the_prompt_then_id_and_password_register_the_phones_credential(app, client, seed, journal):
    persona = seed("active")
    phone = SoftAuthenticator()
    done = register(client, phone, persona)
    assert done.status_code == 302 and done.headers["Location"].endswith("/netbank/biometric/login")
    [row] = credentials(app)
    assert row.customer_id == persona["customer_id"]
    assert row.credential_id == phone.keys[0].credential_id
    assert row.public_key and row.sign_count == 0 and not row.revoked
    assert row.device == TEST_DEVICE and row.user_handle == phone.keys[0].user_handle
    [entry] = journal(kind="biometric_registered")
    assert "R-BIO-SET" in entry["detail"]["passed"]


def test_the_options_ask_a_platform_authenticator_with_user_verification_for_this_host(client):
    options = options_on(text(client.get(SET_URL, headers=phone_headers())))
    assert options["rp"]["id"] == "localhost"
    assert options["authenticatorSelection"]["userVerification"] == "required"
    assert options["authenticatorSelection"]["authenticatorAttachment"] == "platform"
    assert [p["alg"] for p in options["pubKeyCredParams"]] == [-7]


@pytest.mark.parametrize("agent", [PC])
def test_a_pc_is_told_biometrics_are_for_smartphones_only(client, journal, agent):
    page = text(client.get(SET_URL, headers=phone_headers(agent=agent)))
    assert BIO_NOT_ON_DEVICE.message in page and "webauthn-options" not in page
    assert journal(kind="refused")[-1]["rule"] == "R-BIO-DEVICE"


def test_an_ip_address_is_refused_as_relying_party(client):
    page = text(client.get(SET_URL, base_url="http://127.0.0.1:8000/", headers=phone_headers()))
    assert BIO_NOT_ON_IP.message in page and "webauthn-options" not in page


def test_the_screen_names_the_phones_biometric(client):
    assert "Touch ID／Face ID" in text(client.get(SET_URL, headers=phone_headers()))
    assert "指紋認証／顔認証" in text(client.get(SET_URL, headers=phone_headers(agent=ANDROID)))


@pytest.mark.parametrize("failure", ["NotAllowedError", "AbortError"])
def test_a_prompt_the_phone_refused_registers_nothing(app, client, journal, failure):
    client.get(SET_URL, headers=phone_headers())
    page = client.post(SET_URL, data={"failure": failure}, headers=phone_headers())
    assert page.status_code == 200 and BIO_SET_FAILED.message in text(page)
    assert client.get(REGISTER_URL, headers=phone_headers()).status_code == 302  # no ID-and-password step
    assert not credentials(app)
    assert journal(kind="refused")[-1]["rule"] == "R-BIO-SET"


@pytest.mark.parametrize(
    "how",
    [
        {"verified": False},  # user verification missing: a tap is not a face or a finger
        {"present": False},
    ],
)
def test_an_answer_without_the_face_or_finger_is_refused(app, client, how):
    phone = SoftAuthenticator(**how)
    page = prompt(client, phone)
    assert page.status_code == 200 and BIO_SET_FAILED.message in text(page)
    assert client.get(REGISTER_URL, headers=phone_headers()).status_code == 302


@pytest.mark.parametrize("how", [{"origin": "http://evil.localhost"}, {"rp_id": "example.com"}])
def test_an_answer_for_another_origin_or_relying_party_is_refused(app, client, journal, how):
    page = prompt(client, SoftAuthenticator(), **how)
    assert BIO_SET_FAILED.message in text(page)
    assert journal(kind="biometric_failed")[-1]["detail"]["reason"].startswith("verify:")


def test_the_challenge_expires_on_the_world_clock(client, control, frozen):
    phone = SoftAuthenticator()
    options = options_on(text(client.get(SET_URL, headers=phone_headers())))
    control.post("/_control/clock", json={"advance": 121})
    page = client.post(SET_URL, data={"credential": json.dumps(phone.create(options, ORIGIN))}, headers=phone_headers())
    assert BIO_SET_EXPIRED.message in text(page)


def test_a_challenge_is_used_once(client):
    phone = SoftAuthenticator()
    options = options_on(text(client.get(SET_URL, headers=phone_headers())))
    answer = json.dumps(phone.create(options, ORIGIN))
    assert client.post(SET_URL, data={"credential": answer}, headers=phone_headers()).status_code == 302
    again = client.post(SET_URL, data={"credential": answer}, headers=phone_headers())
    assert BIO_SET_EXPIRED.message in text(again)


@pytest.mark.parametrize("junk", ["", "{", '{"id": "x"}', json.dumps({"response": {"attestationObject": "AAAA"}})])
def test_junk_for_an_answer_is_refused_never_a_500(client, junk):
    client.get(SET_URL, headers=phone_headers())
    page = client.post(SET_URL, data={"credential": junk}, headers=phone_headers())
    assert page.status_code == 200 and BIO_SET_FAILED.message in text(page)


def test_a_wrong_password_registers_nothing_and_counts_toward_the_lock(app, client, seed, customer_state):
    persona = seed("active")
    assert prompt(client, SoftAuthenticator()).status_code == 302
    wrong = {"login_id": persona["login_id"], "login_pw": "wrong1234"}
    for _ in range(4):
        page = client.post(REGISTER_URL, data=wrong, headers=phone_headers())
        assert LOGIN_MISMATCH.message in text(page)
    assert customer_state(persona["customer_id"])["failed_attempts"] == 4
    assert not credentials(app)
    page = client.post(REGISTER_URL, data=wrong, headers=phone_headers())
    assert customer_state(persona["customer_id"])["locked"]
    right = {"login_id": persona["login_id"], "login_pw": persona["login_password"]}
    assert LOCKED.message in text(client.post(REGISTER_URL, data=right, headers=phone_headers()))
    assert not credentials(app)


def test_the_right_password_ends_a_run_of_failures(client, seed, customer_state):
    persona = seed("active")
    prompt(client, SoftAuthenticator())
    client.post(REGISTER_URL, data={"login_id": persona["login_id"], "login_pw": "wrong1234"}, headers=phone_headers())
    right = {"login_id": persona["login_id"], "login_pw": persona["login_password"]}
    assert client.post(REGISTER_URL, data=right, headers=phone_headers()).status_code == 302
    assert customer_state(persona["customer_id"])["failed_attempts"] == 0


def test_the_verified_credential_waits_for_its_id_and_password_only_so_long(app, client, seed, control, frozen):
    persona = seed("active")
    prompt(client, SoftAuthenticator())
    control.post("/_control/clock", json={"advance": 301})
    right = {"login_id": persona["login_id"], "login_pw": persona["login_password"]}
    page = client.post(REGISTER_URL, data=right, headers=phone_headers())
    assert BIO_SET_EXPIRED.message in text(page)
    assert not credentials(app)


def test_registering_again_on_the_same_phone_replaces_its_credential(app, client, seed):
    persona = seed("active")
    phone = SoftAuthenticator()
    register(client, phone, persona)
    register(client, phone, persona)
    rows = credentials(app)
    assert [row.revoked for row in rows] == [True, False]
    assert rows[0].revoked_why == "replaced"


def test_a_phone_the_customer_never_logged_in_from_registers_nothing(app, client, seed, journal):
    """R-BIO-SET with R-RBA: a biometric logs in without the app's code, so the ID and password alone, on a stranger's
    phone, must not make it a way in."""
    persona = seed("active")
    stranger = phone_headers(device="5e" * 16)
    refused = register(client, SoftAuthenticator(), persona, headers=stranger)
    assert refused.status_code == 200 and BIO_SET_UNKNOWN_DEVICE.message in text(refused)
    assert credentials(app) == []
    assert journal(kind="biometric_failed")[-1]["detail"]["reason"] == "unknown device"
