"""The OTP issuer (otp-auth.net) through its JSON API: tokens, the token mail, expiry, app setup and code checks."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pyotp
import pytest

from mockbank.issuer.binding import bound_totp
from mockbank.issuer.models import IssuerToken
from mockbank.passwords import secret_matches

MAIL = "hanako@example.jp"
PHONE = "a" * 32
OTHER_PHONE = "b" * 32


@pytest.fixture
def issuer(app):
    """Call the issuer's API with its key: issuer("POST", "/tokens", {...}) → the response."""
    http = app.test_client()

    def call(method: str, path: str, body=None, key: str | None = app.config["ISSUER_API_KEY"]):
        headers = {"X-Issuer-Key": key} if key is not None else {}
        return http.open("/issuer/api" + path, method=method, json=body, headers=headers)

    return call


def application(**overrides) -> dict:
    return {"bank_ref": "17", "application": "app-1", "mail": MAIL, "start_password": "246810", **overrides}


@pytest.fixture
def pending(issuer):
    """A pending token's answer for application(): token, service_id, user_id, state."""
    response = issuer("POST", "/tokens", application())
    assert response.status_code == 201, response.get_json()
    return response.get_json()


@pytest.fixture
def issued(issuer, pending):
    response = issuer("POST", f"/tokens/{pending['token']}/issue")
    assert response.status_code == 200, response.get_json()
    return response.get_json()


@pytest.fixture
def activated(issuer, issued, frozen):
    """The token set up on PHONE: the activation's answer (token, secret …)."""
    body = {"service_id": "10", "user_id": issued["user_id"], "start_password": "246810", "device": PHONE}
    response = issuer("POST", "/tokens/activate", body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def code(secret: str, at: datetime, steps: int = 0, device: str = PHONE) -> str:
    """The code the app on `device` shows `steps` 60-second steps from `at` (its seed joined with the device)."""
    totp = bound_totp(secret, device)
    return totp.generate_otp(totp.timecode(at) + steps)


def mails(control, address: str = MAIL) -> list[dict]:
    return control.get("/_control/mail", query_string={"to": address}).get_json()


# --- the key --------------------------------------------------------------------------------------------------


def test_health_needs_no_key(issuer):
    assert issuer("GET", "/health", key=None).get_json() == {"service": "otp-auth.net", "ok": True}


@pytest.mark.parametrize("key", [None, "", "wrong"])
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/tokens"),
        ("GET", "/tokens/x"),
        ("POST", "/tokens/x/issue"),
        ("POST", "/tokens/x/revoke"),
        ("POST", "/tokens/x/verify"),
    ],
)
def test_every_call_of_the_banks_needs_the_issuers_key(issuer, method, path, key):
    response = issuer(method, path, application(), key=key)
    assert response.status_code == 401 and "X-Issuer-Key" in response.get_json()["error"]


def test_the_apps_setup_needs_no_key_of_the_banks_only_the_customers_values(issuer, issued):
    wrong = issuer("POST", "/tokens/activate", setup_body(issued, start_password="1357"), key=None)
    assert wrong.status_code == 400 and wrong.get_json()["reason"] == "wrong_values"
    right = issuer("POST", "/tokens/activate", setup_body(issued), key=None)
    assert right.status_code == 200 and right.get_json()["secret"]


def test_the_key_comes_from_the_environment_so_two_processes_share_it(monkeypatch, make_app):
    monkeypatch.setenv("MOCKBANK_ISSUER_API_KEY", "shared-key")
    monkeypatch.setenv("MOCKBANK_APP_DOWNLOAD_URL", "https://apps.example/otp")
    app = make_app()
    assert app.config["ISSUER_API_KEY"] == "shared-key"
    assert app.config["APP_DOWNLOAD_URL"] == "https://apps.example/otp"


def test_without_the_environment_each_start_draws_its_own_key(make_app):
    first, second = make_app().config["ISSUER_API_KEY"], make_app().config["ISSUER_API_KEY"]
    assert first != second and len(first) >= 32


# --- creating a token -----------------------------------------------------------------------------------------


def test_a_token_is_created_pending_with_service_id_10_and_a_7_digit_user_id(pending):
    assert set(pending) == {"token", "service_id", "user_id", "state"}
    assert pending["service_id"] == "10" and pending["state"] == "pending"
    assert len(pending["user_id"]) == 7 and pending["user_id"].isdigit()
    assert len(pending["token"]) == 32


def test_the_start_password_is_kept_only_as_a_hash_and_the_secret_never_leaves(app, issuer, pending):
    with app.app_context():
        from mockbank.db import db

        stored = db.session.scalar(db.select(IssuerToken).where(IssuerToken.token == pending["token"]))
        assert stored.start_password_hash != "246810" and secret_matches(stored.start_password_hash, "246810")
        secret = stored.secret
    assert len(secret) == 32
    described = issuer("GET", f"/tokens/{pending['token']}").get_data(as_text=True)
    assert secret not in described and "246810" not in described and "start_password" not in described


def test_the_same_application_gets_the_very_same_token(issuer, pending):
    again = issuer("POST", "/tokens", application())
    assert again.status_code == 200 and again.get_json() == pending


def test_the_same_application_with_other_values_is_refused_and_keeps_its_token(issuer, pending):
    for changed in ({"mail": "other@example.jp"}, {"start_password": "1357"}, {"bank_ref": "18"}):
        response = issuer("POST", "/tokens", application(**changed))
        assert response.status_code == 409 and response.get_json()["reason"] == "application_conflict"
    assert issuer("GET", f"/tokens/{pending['token']}").get_json()["mail"] == MAIL


def test_two_applications_get_two_tokens_and_two_user_ids(issuer, pending):
    other = issuer("POST", "/tokens", application(application="app-2")).get_json()
    assert other["token"] != pending["token"] and other["user_id"] != pending["user_id"]


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (None, "JSON object"),
        (["bank_ref"], "JSON object"),
        (application(bank_ref=None), "bank_ref is required"),
        (application(bank_ref=""), "bank_ref is required"),
        (application(bank_ref=17), "bank_ref is required"),
        (application(application=None), "application is required"),
        (application(application="x" * 65), "application must be at most 64"),
        (application(mail=None), "mail is required"),
        (application(mail="hanako"), "mail is not a mail address"),
        (application(mail="hanako@"), "mail is not a mail address"),
        (application(start_password=None), "start_password must be 4 to 8 ASCII digits"),
        (application(start_password=1234), "start_password must be 4 to 8 ASCII digits"),
        (application(start_password="123"), "start_password must be 4 to 8 ASCII digits"),
        (application(start_password="123456789"), "start_password must be 4 to 8 ASCII digits"),
        (application(start_password="１２３４"), "start_password must be 4 to 8 ASCII digits"),
        (application(start_password="12a4"), "start_password must be 4 to 8 ASCII digits"),
        (application(start_password="1234\n"), "start_password must be 4 to 8 ASCII digits"),
    ],
)
def test_a_bad_body_is_refused_with_its_error_and_creates_nothing(issuer, journal, body, error):
    response = issuer("POST", "/tokens", body)
    assert response.status_code == 400
    assert error in response.get_json()["error"] and response.get_json()["reason"] == "bad_request"
    assert journal(kind="token_created") == []


def test_a_body_that_is_not_json_is_refused(app):
    response = app.test_client().post(
        "/issuer/api/tokens",
        data="bank_ref=17",
        content_type="application/x-www-form-urlencoded",
        headers={"X-Issuer-Key": app.config["ISSUER_API_KEY"]},
    )
    assert response.status_code == 400 and "JSON object" in response.get_json()["error"]


def test_an_unknown_token_is_a_404_in_json(issuer):
    for method, path in (("GET", "/tokens/nope"), ("POST", "/tokens/nope/issue"), ("POST", "/tokens/nope/revoke")):
        response = issuer(method, path)
        assert response.status_code == 404 and response.get_json()["error"] == "no such token"


def test_the_api_answers_json_even_for_a_method_it_does_not_take(issuer, pending):
    response = issuer("DELETE", f"/tokens/{pending['token']}")
    assert response.status_code == 405 and response.get_json()["error"]


# --- issuing and the token mail -------------------------------------------------------------------------------


def test_issuing_mails_the_ids_and_the_download_address_from_otp_auth_net(issuer, control, issued, pending):
    assert issued == {**pending, "state": "issued", "mail_delivered": True}
    (mail,) = mails(control)
    assert mail["from"] == "info@otp-auth.net"
    assert mail["subject"] == "青森みちのく銀行トークン発行ご案内"
    assert "サービスID：10" in mail["body"] and f"ユーザID：{pending['user_id']}" in mail["body"]
    assert "http://localhost/app/download" in mail["body"]
    assert "246810" not in mail["body"], "the start password is never mailed"


def test_the_token_reads_issued_with_its_mail_and_time(issuer, issued, frozen):
    described = issuer("GET", f"/tokens/{issued['token']}").get_json()
    assert described["state"] == "issued" and described["mail"] == MAIL
    assert datetime.fromisoformat(described["issued_at"]).tzinfo is not None
    assert {"token", "service_id", "user_id", "state", "mail", "issued_at"} <= set(described)
    assert "secret" not in described and not any("password" in field for field in described)


def test_a_pending_token_has_no_issue_time(issuer, pending):
    assert issuer("GET", f"/tokens/{pending['token']}").get_json()["issued_at"] is None


def test_issuing_again_returns_the_token_with_no_second_mail(issuer, control, issued):
    again = issuer("POST", f"/tokens/{issued['token']}/issue")
    assert again.status_code == 200 and again.get_json() == issued
    assert len(mails(control)) == 1


def test_the_download_address_can_be_set(make_app):
    app = make_app(APP_DOWNLOAD_URL="https://apps.example/otp-app")
    key = {"X-Issuer-Key": app.config["ISSUER_API_KEY"]}
    http = app.test_client()
    token = http.post("/issuer/api/tokens", json=application(), headers=key).get_json()["token"]
    http.post(f"/issuer/api/tokens/{token}/issue", headers=key)
    (mail,) = http.get("/_control/mail", query_string={"to": MAIL}).get_json()
    assert "https://apps.example/otp-app" in mail["body"] and "/app/download" not in mail["body"]


def test_a_mailbox_rejecting_otp_auth_net_gets_nothing_and_the_journal_says_so(issuer, control, pending, journal):
    control.post("/_control/mailbox/reject", json={"address": MAIL, "domain": "otp-auth.net"})
    response = issuer("POST", f"/tokens/{pending['token']}/issue")
    assert response.status_code == 200
    assert response.get_json()["state"] == "issued" and response.get_json()["mail_delivered"] is False
    assert mails(control) == []
    (refused,) = journal(kind="mail_refused")
    assert refused["rule"] == "R-TOKEN-MAIL" and refused["detail"]["sender"] == "info@otp-auth.net"
    (sent,) = journal(kind="mail")
    assert sent["detail"]["delivered"] is False and sent["detail"]["problem"] == "refused by the mailbox"
    (entry,) = journal(kind="token_issued")
    assert entry["detail"]["mail_delivered"] is False
    assert issuer("GET", f"/tokens/{pending['token']}").get_json()["mail_delivered"] is False


def test_a_mailbox_rejecting_only_the_bank_still_gets_the_token_mail(issuer, control, pending):
    control.post("/_control/mailbox/reject", json={"address": MAIL, "domain": "am-bk.co.jp"})
    assert issuer("POST", f"/tokens/{pending['token']}/issue").get_json()["mail_delivered"] is True
    assert len(mails(control)) == 1


def test_with_the_mail_server_down_the_token_is_issued_and_the_mail_not_delivered(issuer, control, pending, journal):
    control.post("/_control/faults", json={"party": "mail", "down": True})
    answer = issuer("POST", f"/tokens/{pending['token']}/issue").get_json()
    assert answer["state"] == "issued" and answer["mail_delivered"] is False
    (sent,) = journal(kind="mail")
    assert sent["detail"]["delivered"] is False and "unreachable" in sent["detail"]["problem"]


def test_the_issuer_put_down_answers_503(issuer, control, pending):
    control.post("/_control/faults", json={"party": "issuer", "down": True})
    assert issuer("POST", f"/tokens/{pending['token']}/issue").status_code == 503
    control.post("/_control/faults", json={"party": "issuer"})
    assert issuer("POST", f"/tokens/{pending['token']}/issue").status_code == 200


# --- expiry by the world clock --------------------------------------------------------------------------------


def test_a_pending_token_expires_after_30_minutes_of_world_time(issuer, control, frozen):
    token = issuer("POST", "/tokens", application()).get_json()["token"]
    control.post("/_control/clock", json={"advance": 30 * 60 - 1})
    assert issuer("GET", f"/tokens/{token}").get_json()["state"] == "pending"
    control.post("/_control/clock", json={"advance": 1})
    assert issuer("GET", f"/tokens/{token}").get_json()["state"] == "expired"
    response = issuer("POST", f"/tokens/{token}/issue")
    assert response.status_code == 409 and response.get_json()["reason"] == "expired"
    assert mails(control) == []


def test_the_pending_time_is_a_setting(make_app):
    app = make_app(ISSUER_PENDING_MINUTES=5)
    key = {"X-Issuer-Key": app.config["ISSUER_API_KEY"]}
    http = app.test_client()
    http.post("/_control/clock", json={"freeze": True})
    token = http.post("/issuer/api/tokens", json=application(), headers=key).get_json()["token"]
    http.post("/_control/clock", json={"advance": 5 * 60})
    assert http.get(f"/issuer/api/tokens/{token}", headers=key).get_json()["state"] == "expired"


def test_an_issued_token_does_not_expire(issuer, control, issued):
    control.post("/_control/clock", json={"advance": 24 * 3600})
    assert issuer("GET", f"/tokens/{issued['token']}").get_json()["state"] == "issued"


def test_the_same_application_after_expiry_still_has_its_expired_token_only(issuer, control, frozen, pending):
    control.post("/_control/clock", json={"advance": 3600})
    again = issuer("POST", "/tokens", application())
    assert again.status_code == 200 and again.get_json() == {**pending, "state": "expired"}


# --- revoking -------------------------------------------------------------------------------------------------


def test_a_revoked_token_stays_revoked_and_cannot_be_issued(issuer, control, pending, journal):
    response = issuer("POST", f"/tokens/{pending['token']}/revoke", {"reason": "superseded"})
    assert response.status_code == 200 and response.get_json()["state"] == "revoked"
    assert issuer("POST", f"/tokens/{pending['token']}/revoke").get_json()["state"] == "revoked"
    issue = issuer("POST", f"/tokens/{pending['token']}/issue")
    assert issue.status_code == 409 and issue.get_json()["reason"] == "revoked"
    assert issuer("GET", f"/tokens/{pending['token']}").get_json()["state"] == "revoked"
    assert mails(control) == []
    (entry,) = journal(kind="token_revoked")
    assert entry["detail"] == {"token": pending["token"], "was": "pending", "reason": "superseded"}


def test_an_issued_token_can_be_revoked(issuer, issued):
    assert issuer("POST", f"/tokens/{issued['token']}/revoke").get_json()["state"] == "revoked"


# --- the journal ----------------------------------------------------------------------------------------------


def test_the_journal_shows_the_tokens_timeline_under_the_banks_customer(issuer, issued, journal):
    kinds = [e["kind"] for e in journal(customer_id=17)]
    assert kinds == ["token_created", "token_issued"]
    (created,) = journal(kind="token_created")
    assert created["detail"]["application"] == "app-1" and created["detail"]["user_id"] == issued["user_id"]
    (sent,) = journal(kind="mail")
    assert sent["detail"]["passed"] == ["R-TOKEN-MAIL"]


def test_a_bank_reference_that_is_not_a_number_is_journalled_without_a_customer(issuer, journal):
    issuer("POST", "/tokens", application(bank_ref="customer-17"))
    (created,) = journal(kind="token_created")
    assert created["customer_id"] is None


def test_the_journal_never_holds_a_secret_a_start_password_or_a_code(app, issuer, activated, frozen, journal):
    now = frozen()
    good = code(activated["secret"], now)
    issuer("POST", f"/tokens/{activated['token']}/verify", {"code": good, "device": PHONE})
    issuer("POST", f"/tokens/{activated['token']}/verify", {"code": good, "device": PHONE})
    bad = {"service_id": "10", "user_id": "0000000", "start_password": "99999999", "device": PHONE}
    issuer("POST", "/tokens/activate", bad)
    written = json.dumps(journal(), ensure_ascii=False)
    for secret in (activated["secret"], "246810", "99999999", good):
        assert secret not in written


# --- the app's 初期設定: activation ------------------------------------------------------------------------------


def setup_body(issued: dict, **overrides) -> dict:
    return {"service_id": "10", "user_id": issued["user_id"], "start_password": "246810", "device": PHONE, **overrides}


def test_activation_hands_the_secret_to_the_device_once(issuer, issued, journal):
    response = issuer("POST", "/tokens/activate", setup_body(issued))
    assert response.status_code == 200
    answer = response.get_json()
    assert answer["token"] == issued["token"] and len(answer["secret"]) == 32
    assert (answer["algorithm"], answer["digits"], answer["interval"]) == ("SHA1", 6, 60)
    described = issuer("GET", f"/tokens/{issued['token']}").get_json()
    assert described["state"] == "activated" and described["device"] == PHONE and described["activated_at"]
    (entry,) = journal(kind="token_activated")
    assert entry["detail"]["passed"] == ["R-APP-SETUP"] and entry["customer_id"] == 17
    again = issuer("POST", "/tokens/activate", setup_body(issued))
    assert again.status_code == 409 and again.get_json()["reason"] == "already_activated"
    assert "secret" not in again.get_json()


def test_a_second_device_cannot_set_up_the_same_token(issuer, issued):
    issuer("POST", "/tokens/activate", setup_body(issued))
    other = issuer("POST", "/tokens/activate", setup_body(issued, device=OTHER_PHONE))
    assert other.status_code == 409 and other.get_json()["reason"] == "already_activated"


def test_a_pending_token_cannot_be_set_up_before_the_phone_check(issuer, pending):
    response = issuer("POST", "/tokens/activate", setup_body(pending))
    assert response.status_code == 409 and response.get_json()["reason"] == "not_issued"


def test_a_revoked_token_cannot_be_set_up(issuer, issued):
    issuer("POST", f"/tokens/{issued['token']}/revoke")
    response = issuer("POST", "/tokens/activate", setup_body(issued))
    assert response.status_code == 409 and response.get_json()["reason"] == "revoked"


@pytest.mark.parametrize(
    "wrong", [{"start_password": "135790"}, {"start_password": "2468"}, {"start_password": "abc"}, {"service_id": "11"}]
)
def test_wrong_setup_values_are_refused_and_counted(issuer, issued, journal, wrong):
    response = issuer("POST", "/tokens/activate", setup_body(issued, **wrong))
    assert response.status_code == 400
    assert response.get_json()["reason"] == "wrong_values" and "正しくありません" in response.get_json()["error"]
    (refused,) = journal(kind="activation_refused")
    assert refused["rule"] == "R-APP-SETUP"
    if "service_id" not in wrong:
        assert refused["detail"]["failures"] == 1 and refused["customer_id"] == 17


def test_an_unknown_user_id_is_refused_the_same_way(issuer, issued):
    unknown = "9999999" if issued["user_id"] != "9999999" else "9999998"
    response = issuer("POST", "/tokens/activate", setup_body(issued, user_id=unknown))
    assert response.status_code == 400 and response.get_json()["reason"] == "wrong_values"


def test_five_wrong_setups_lock_the_token_even_against_the_right_values(issuer, issued, journal):
    for attempt in range(1, 6):
        answer = issuer("POST", "/tokens/activate", setup_body(issued, start_password="000000")).get_json()
        assert answer["reason"] == "wrong_values" and "locked" not in answer, attempt
    (locked,) = journal(kind="token_locked")
    assert locked["rule"] == "R-APP-SETUP"
    response = issuer("POST", "/tokens/activate", setup_body(issued))
    assert response.status_code == 423 and response.get_json()["reason"] == "locked"
    assert "再発行" in response.get_json()["error"]
    assert issuer("GET", f"/tokens/{issued['token']}").get_json()["locked"] is True


def test_a_right_setup_after_wrong_ones_resets_the_count(app, issuer, issued):
    for _ in range(4):
        issuer("POST", "/tokens/activate", setup_body(issued, start_password="000000"))
    assert issuer("POST", "/tokens/activate", setup_body(issued)).status_code == 200


def test_the_setup_attempts_are_a_setting(make_app):
    app = make_app(ISSUER_SETUP_ATTEMPTS=2)
    key = {"X-Issuer-Key": app.config["ISSUER_API_KEY"]}
    http = app.test_client()
    token = http.post("/issuer/api/tokens", json=application(), headers=key).get_json()
    http.post(f"/issuer/api/tokens/{token['token']}/issue", headers=key)
    for _ in range(2):
        http.post("/issuer/api/tokens/activate", json=setup_body(token, start_password="0000"), headers=key)
    locked = http.post("/issuer/api/tokens/activate", json=setup_body(token), headers=key)
    assert locked.status_code == 423


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"user_id": 1234567}, "user_id must be a string"),
        ({"service_id": None}, "service_id must be a string"),
        ({"start_password": 246810}, "start_password must be a string"),
        ({"device": None}, "device is required"),
        ({"device": ""}, "device is required"),
        ({"device": "x" * 129}, "device is required"),
        ({"device": "端末"}, "device is required"),
    ],
)
def test_a_malformed_setup_is_a_bad_request_and_counts_nothing(issuer, issued, overrides, error):
    response = issuer("POST", "/tokens/activate", setup_body(issued, **overrides))
    assert response.status_code == 400 and error in response.get_json()["error"]
    assert issuer("POST", "/tokens/activate", setup_body(issued)).status_code == 200


# --- verifying codes ------------------------------------------------------------------------------------------


def verify(issuer, activated: dict, code_: str, device: str | None = PHONE) -> dict:
    body = {"code": code_, **({"device": device} if device else {})}
    response = issuer("POST", f"/tokens/{activated['token']}/verify", body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_the_current_code_from_the_set_up_phone_is_good(issuer, activated, frozen, journal):
    assert verify(issuer, activated, code(activated["secret"], frozen())) == {"valid": True}
    (accepted,) = journal(kind="code_accepted")
    assert accepted["detail"]["passed"] == ["R-OTP-60"] and accepted["detail"]["steps_off"] == 0


@pytest.mark.parametrize("steps", [-1, 1])
def test_a_code_one_step_off_is_good(issuer, activated, frozen, steps):
    assert verify(issuer, activated, code(activated["secret"], frozen(), steps)) == {"valid": True}


@pytest.mark.parametrize("steps", [-2, 2, -5])
def test_a_code_two_or_more_steps_off_is_refused_as_drift(issuer, activated, frozen, journal, steps):
    assert verify(issuer, activated, code(activated["secret"], frozen(), steps)) == {"valid": False, "reason": "drift"}
    (refused,) = journal(kind="code_refused")
    assert refused["rule"] == "R-OTP-60" and refused["detail"]["steps_off"] == steps


@pytest.mark.parametrize(("fast_by", "valid"), [(30, True), (-50, True), (150, False), (-130, False)])
def test_a_phone_clock_off_jst_is_refused_beyond_one_step(issuer, control, activated, frozen, fast_by, valid):
    start = frozen().replace(second=10, microsecond=0)
    control.post("/_control/clock", json={"set": start.isoformat()})
    shown = bound_totp(activated["secret"], PHONE).at(start + timedelta(seconds=fast_by))  # the app's clock
    assert verify(issuer, activated, shown)["valid"] is valid


def test_a_wrong_code_is_refused(issuer, activated, frozen):
    right = code(activated["secret"], frozen())
    wrong = f"{(int(right) + 1) % 10**6:06d}"
    result = verify(issuer, activated, wrong)
    assert result["valid"] is False and result["reason"] in ("wrong", "drift")


def test_a_code_is_good_once(issuer, activated, frozen, journal):
    now = frozen()
    good = code(activated["secret"], now)
    assert verify(issuer, activated, good)["valid"] is True
    assert verify(issuer, activated, good) == {"valid": False, "reason": "replay"}
    (refused,) = journal(kind="code_refused")
    assert refused["rule"] == "R-OTP-ONCE"


def test_after_a_code_is_used_an_earlier_steps_code_is_refused_too(issuer, activated, frozen):
    now = frozen()
    assert verify(issuer, activated, code(activated["secret"], now))["valid"] is True
    assert verify(issuer, activated, code(activated["secret"], now, -1))["reason"] == "replay"
    assert verify(issuer, activated, code(activated["secret"], now, 1))["valid"] is True


def test_the_next_minutes_code_is_good_after_this_ones(issuer, control, activated, frozen):
    assert verify(issuer, activated, code(activated["secret"], frozen()))["valid"] is True
    control.post("/_control/clock", json={"advance": 60})
    assert verify(issuer, activated, code(activated["secret"], frozen()))["valid"] is True


def test_a_code_from_the_seed_copied_to_another_phone_is_refused_as_a_copy(issuer, activated, frozen, journal):
    copied = code(activated["secret"], frozen(), device=OTHER_PHONE)  # the copy joins the seed with its own identity
    assert verify(issuer, activated, copied, OTHER_PHONE) == {"valid": False, "reason": "device"}
    (refused,) = journal(kind="code_refused")
    assert refused["rule"] == "R-APP-BIND" and refused["detail"]["device"] == OTHER_PHONE
    good = code(activated["secret"], frozen())
    assert verify(issuer, activated, good, OTHER_PHONE)["valid"] is True, "the set-up phone's code typed on a PC"


def test_the_seed_alone_makes_no_good_code(issuer, activated, frozen):
    now = frozen()
    unbound = pyotp.TOTP(activated["secret"], interval=60).at(now)
    result = verify(issuer, activated, unbound, None)
    assert result["valid"] is False and result["reason"] in ("wrong", "drift")


def test_a_code_typed_without_a_device_is_checked_against_the_set_up_phone(issuer, activated, frozen):
    assert verify(issuer, activated, code(activated["secret"], frozen()), None) == {"valid": True}


def test_five_refused_codes_lock_the_token_and_then_even_the_right_one_is_refused(issuer, activated, frozen, journal):
    now = frozen()
    results = [verify(issuer, activated, code(activated["secret"], now, 3)) for _ in range(5)]
    assert [r.get("locked", False) for r in results] == [False] * 4 + [True]
    assert verify(issuer, activated, code(activated["secret"], now)) == {"valid": False, "reason": "locked"}
    (locked,) = journal(kind="token_locked")
    assert locked["rule"] == "R-LOCKOUT"
    assert issuer("GET", f"/tokens/{activated['token']}").get_json()["locked"] is True


def test_a_good_code_resets_the_count(issuer, control, activated, frozen):
    now = frozen()
    for _ in range(4):
        verify(issuer, activated, code(activated["secret"], now, 4))
    assert verify(issuer, activated, code(activated["secret"], now))["valid"] is True
    control.post("/_control/clock", json={"advance": 60})
    for _ in range(4):
        assert "locked" not in verify(issuer, activated, code(activated["secret"], frozen(), 4))


def test_replays_and_other_devices_count_towards_the_lock(make_app):
    app = make_app(ISSUER_VERIFY_ATTEMPTS=2)
    key = {"X-Issuer-Key": app.config["ISSUER_API_KEY"]}
    http = app.test_client()
    http.post("/_control/clock", json={"freeze": True})
    token = http.post("/issuer/api/tokens", json=application(), headers=key).get_json()
    http.post(f"/issuer/api/tokens/{token['token']}/issue", headers=key)
    secret = http.post("/issuer/api/tokens/activate", json=setup_body(token), headers=key).get_json()["secret"]
    now = datetime.fromisoformat(http.get("/_control/clock").get_json()["now"])

    def check(device, made_on=PHONE):
        path = f"/issuer/api/tokens/{token['token']}/verify"
        body = {"code": code(secret, now, device=made_on), "device": device}
        return http.post(path, json=body, headers=key).get_json()

    assert check(PHONE)["valid"] is True
    assert check(PHONE) == {"valid": False, "reason": "replay"}
    assert check(OTHER_PHONE, made_on=OTHER_PHONE) == {"valid": False, "reason": "device", "locked": True}


def test_a_token_not_yet_set_up_or_revoked_verifies_nothing(issuer, issued, frozen):
    assert verify(issuer, issued, "123456") == {"valid": False, "reason": "not_activated"}
    issuer("POST", f"/tokens/{issued['token']}/revoke")
    assert verify(issuer, issued, "123456") == {"valid": False, "reason": "revoked"}


def test_a_revoked_activated_token_is_refused_as_reissued(issuer, activated, frozen, journal):
    issuer("POST", f"/tokens/{activated['token']}/revoke", {"reason": "reissue"})
    assert verify(issuer, activated, code(activated["secret"], frozen()))["reason"] == "revoked"
    (refused,) = journal(kind="code_refused")
    assert refused["rule"] == "R-REISSUE-OLD"


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({"code": "12345", "device": PHONE}, "code must be 6 ASCII digits"),
        ({"code": "1234567", "device": PHONE}, "code must be 6 ASCII digits"),
        ({"code": 123456, "device": PHONE}, "code must be 6 ASCII digits"),
        ({"code": "１２３４５６", "device": PHONE}, "code must be 6 ASCII digits"),
        ({"code": "123456", "device": ""}, "device is required"),
        ({"code": "123456", "device": "é"}, "device is required"),
        ({"code": "123456", "device": "a b"}, "device is required"),
        (None, "JSON object"),
    ],
)
def test_a_malformed_verify_is_a_bad_request_and_counts_nothing(issuer, activated, frozen, journal, body, error):
    response = issuer("POST", f"/tokens/{activated['token']}/verify", body)
    assert response.status_code == 400 and error in response.get_json()["error"]
    assert journal(kind="code_refused") == []


def test_verifying_an_unknown_token_is_a_404(issuer):
    response = issuer("POST", "/tokens/nope/verify", {"code": "123456", "device": PHONE})
    assert response.status_code == 404


# --- the service functions the control API calls in process ---------------------------------------------------


def test_the_service_functions_seed_a_token_in_process(app, control):
    from mockbank.issuer import service

    app.config["PUBLIC_URL"] = "http://bank.example:8000"  # what `serve` records: the address people open
    with app.test_request_context("/_control/personas", base_url="http://forged.example"):
        token = service.create_pending("17", "seeded-1", MAIL, "1234")
        assert service.create_pending("17", "seeded-1", MAIL, "1234").token == token.token
        issued, delivered = service.issue(token)
        assert issued.state == "issued" and delivered is True
        described = service.describe(token.token)
        assert described["state"] == "issued" and described["user_id"] == token.user_id
        assert "secret" not in described
    (mail,) = mails(control)
    assert "http://bank.example:8000/app/download" in mail["body"] and "forged" not in mail["body"]


def test_a_seeded_token_can_be_issued_without_its_mail(app, control):
    from mockbank.issuer import service

    with app.test_request_context():
        token, delivered = service.issue(service.create_pending("17", "seeded-2", MAIL, "1234"), notify=False)
        assert token.state == "issued" and delivered is False
    assert mails(control) == []


def test_the_token_mail_is_sent_again_once_the_mailbox_accepts_otp_auth_net(issuer, control, pending):
    assert issuer("POST", f"/tokens/{pending['token']}/mail").status_code == 409, "a pending token has no mail yet"
    control.post("/_control/mailbox/reject", json={"address": MAIL, "domain": "otp-auth.net"})
    assert issuer("POST", f"/tokens/{pending['token']}/issue").get_json()["mail_delivered"] is False
    control.post("/_control/mailbox/reject", json={"address": MAIL, "domain": "otp-auth.net", "rejected": False})
    answer = issuer("POST", f"/tokens/{pending['token']}/mail").get_json()
    assert answer["mail_delivered"] is True and answer["state"] == "issued"
    assert len(mails(control)) == 1
    assert issuer("GET", f"/tokens/{pending['token']}").get_json()["mail_delivered"] is True


def test_wrong_setup_values_learn_nothing_of_the_tokens_state_or_lock(issuer, issued, pending):
    """As at the bank's login (R-ACCT-MATCH): only the right 利用開始パスワード hears of a revoked or used token."""
    unknown = issuer("POST", "/tokens/activate", setup_body(issued, user_id="9999999", start_password="1111"))
    assert (unknown.status_code, unknown.get_json()["reason"]) == (400, "wrong_values")
    assert issuer("POST", "/tokens/activate", setup_body(issued)).status_code == 200  # now activated
    used = issuer("POST", "/tokens/activate", setup_body(issued, start_password="1111", device="b" * 32))
    assert (used.status_code, used.get_json()) == (400, unknown.get_json())
    issuer("POST", f"/tokens/{pending['token']}/revoke")
    body = {"service_id": "10", "user_id": pending["user_id"], "start_password": "1111", "device": PHONE}
    revoked = issuer("POST", "/tokens/activate", body)
    assert (revoked.status_code, revoked.get_json()) == (400, unknown.get_json())


def test_the_attempt_that_locks_a_token_gets_the_same_answer_as_an_unknown_user_id(issuer, issued, journal):
    """The app's setup is public: a stranger guessing ユーザIDs can tell neither which exist nor which locked."""
    unknown = issuer("POST", "/tokens/activate", setup_body(issued, user_id="9999999", start_password="1111"))
    answers = [issuer("POST", "/tokens/activate", setup_body(issued, start_password="1111")) for _ in range(6)]
    assert all((a.status_code, a.get_json()) == (400, unknown.get_json()) for a in answers)
    (locked,) = journal(kind="token_locked")
    assert locked["rule"] == "R-APP-SETUP"
    right = issuer("POST", "/tokens/activate", setup_body(issued))
    assert right.status_code == 423 and right.get_json()["reason"] == "locked"
