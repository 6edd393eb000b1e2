"""The bank's issuer client: each call's URL, key and body (with `responses`), its failures, and real HTTP."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
import requests
import responses
from responses import matchers

from mockbank.bank.issuer_client import IssuerClient, IssuerRefused, IssuerUnavailable, issuer_client
from mockbank.issuer.binding import bound_totp
from mockbank.server import BackgroundServer
from tests.settings import bank_settings, stop_mail_capture

BASE = "https://otp-auth.example/issuer"
KEY = "the-issuers-key"
TOKEN = {"token": "t1", "service_id": "10", "user_id": "0117000", "state": "pending"}


def client(**kwargs) -> IssuerClient:
    return IssuerClient(BASE + "/", timeout=1, api_key=KEY, **kwargs)


def keyed(body: dict | None = None) -> list:
    """Matchers: the issuer's key in the header, and the JSON body (when one is given)."""
    found = [matchers.header_matcher({"X-Issuer-Key": KEY})]
    return found + ([matchers.json_params_matcher(body)] if body is not None else [])


@responses.activate
def test_create_token_posts_the_application_with_the_key():
    body = {"bank_ref": "17", "application": "app-1", "mail": "a@example.jp", "start_password": "1234"}
    responses.post(f"{BASE}/api/tokens", json=TOKEN, status=201, match=keyed(body))
    assert client().create_token("17", "app-1", "a@example.jp", "1234") == TOKEN


@responses.activate
def test_issue_token_posts_to_the_tokens_issue():
    answer = {**TOKEN, "state": "issued", "mail_delivered": True}
    responses.post(f"{BASE}/api/tokens/t1/issue", json=answer, match=keyed())
    assert client().issue_token("t1") == answer


@responses.activate
def test_resend_mail_posts_to_the_tokens_mail():
    answer = {**TOKEN, "state": "issued", "mail_delivered": True}
    responses.post(f"{BASE}/api/tokens/t1/mail", json=answer, match=keyed())
    assert client().resend_mail("t1") == answer


@responses.activate
def test_revoke_token_posts_to_the_tokens_revoke_with_its_reason():
    responses.post(f"{BASE}/api/tokens/t1/revoke", json={"state": "revoked"}, match=keyed({"reason": "superseded"}))
    assert client().revoke_token("t1", "superseded") == {"state": "revoked"}


@responses.activate
def test_token_gets_the_token():
    responses.get(f"{BASE}/api/tokens/t1", json={**TOKEN, "mail": "a@example.jp"}, match=keyed())
    assert client().token("t1")["mail"] == "a@example.jp"


@responses.activate
def test_activate_posts_the_setup_values_and_the_device():
    body = {"service_id": "10", "user_id": "0117000", "start_password": "1234", "device": "d" * 32}
    responses.post(f"{BASE}/api/tokens/activate", json={"token": "t1", "secret": "S"}, match=keyed(body))
    assert client().activate("10", "0117000", "1234", "d" * 32)["secret"] == "S"


@responses.activate
def test_verify_posts_the_code_and_the_device():
    body = {"code": "123456", "device": "d" * 32}
    responses.post(f"{BASE}/api/tokens/t1/verify", json={"valid": True}, match=keyed(body))
    assert client().verify("t1", "123456", "d" * 32) == {"valid": True}


@responses.activate
def test_a_token_reference_is_one_path_segment_whatever_it_holds():
    responses.get(f"{BASE}/api/tokens/a%2F..%2Fb", json=TOKEN)
    assert client().token("a/../b") == TOKEN


@responses.activate
def test_health_needs_no_key_but_gets_it_anyway():
    responses.get(f"{BASE}/api/health", json={"service": "otp-auth.net", "ok": True})
    assert IssuerClient(BASE, timeout=1).health()["ok"] is True
    assert "X-Issuer-Key" not in responses.calls[0].request.headers


@pytest.mark.parametrize("status", [500, 502, 503, 504])
@responses.activate
def test_a_server_error_is_unavailable(status):
    responses.post(f"{BASE}/api/tokens/t1/issue", status=status, json={"error": "down"})
    with pytest.raises(IssuerUnavailable, match=str(status)):
        client().issue_token("t1")


@pytest.mark.parametrize(
    "failure", [requests.ConnectionError("refused"), requests.Timeout("slow"), requests.ReadTimeout("slow")]
)
@responses.activate
def test_no_connection_or_no_answer_in_time_is_unavailable(failure):
    responses.post(f"{BASE}/api/tokens", body=failure)
    with pytest.raises(IssuerUnavailable, match=type(failure).__name__):
        client().create_token("17", "app-1", "a@example.jp", "1234")


@responses.activate
def test_an_answer_that_is_not_json_is_unavailable():
    responses.get(f"{BASE}/api/tokens/t1", body="<html>gateway</html>", status=200)
    with pytest.raises(IssuerUnavailable):
        client().token("t1")


@pytest.mark.parametrize(
    ("status", "answer"),
    [
        (400, {"error": "start_password must be 4 to 8 ASCII digits", "reason": "bad_request"}),
        (401, {"error": "a missing or wrong X-Issuer-Key", "reason": "unauthorised"}),
        (404, {"error": "no such token", "reason": "not_found"}),
        (409, {"error": "the token is expired and cannot be issued", "reason": "expired"}),
        (423, {"error": "locked", "reason": "locked"}),
    ],
)
@responses.activate
def test_a_refusal_is_issuer_refused_with_its_status_and_error(status, answer):
    responses.post(f"{BASE}/api/tokens/t1/issue", status=status, json=answer)
    with pytest.raises(IssuerRefused) as refused:
        client().issue_token("t1")
    assert (refused.value.status, refused.value.error, refused.value.reason) == (
        status,
        answer["error"],
        answer["reason"],
    )
    assert refused.value.body == answer


@responses.activate
def test_a_refusal_without_json_still_carries_its_status():
    responses.post(f"{BASE}/api/tokens/t1/issue", status=403, body="Forbidden")
    with pytest.raises(IssuerRefused) as refused:
        client().issue_token("t1")
    assert refused.value.status == 403 and refused.value.error == "Forbidden" and refused.value.reason is None


def test_the_bank_reaches_the_issuer_in_its_own_process_at_its_own_address_never_the_requests_host(app):
    app.config["SELF_URL"] = "http://localhost:5123"  # what the server records at start
    with app.test_request_context("/netbank/otp-application", base_url="http://attacker.example:80"):
        made = issuer_client()
    assert made.base_url == "http://localhost:5123/issuer"
    assert made.api_key == app.config["ISSUER_API_KEY"] and made.timeout == 5.0


def test_the_bank_reaches_the_issuer_issuer_url_names(make_app, monkeypatch):
    monkeypatch.setenv("MOCKBANK_ISSUER_URL", "https://otp-auth.example/issuer/")
    monkeypatch.setenv("MOCKBANK_ISSUER_API_KEY", KEY)
    monkeypatch.setenv("MOCKBANK_ISSUER_TIMEOUT", "2.5")
    app = make_app()
    with app.test_request_context("/netbank/otp-application", base_url="http://localhost:5123"):
        made = issuer_client()
    assert (made.base_url, made.api_key, made.timeout) == ("https://otp-auth.example/issuer", KEY, 2.5)


# --- over real HTTP ---------------------------------------------------------------------------------------------


@pytest.fixture
def world(tmp_path):
    """The mock world answering over HTTP on localhost (as the harness runs it), with the issuer's key."""
    from mockbank import create_app

    app = create_app(bank_settings(tmp_path / "w.sqlite", ISSUER_API_KEY=KEY))
    server = BackgroundServer(app).start()
    yield server.url
    server.stop()
    stop_mail_capture(app)


def control(base: str, path: str, body: dict | None = None) -> dict:
    response = requests.post(f"{base}/_control{path}", json=body or {}, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()


def test_a_token_over_real_http_from_creation_to_a_verified_code_and_the_issuer_down_and_healed(world):
    issuer = IssuerClient(world + "/issuer", timeout=5, api_key=KEY)
    created = issuer.create_token("17", "app-1", "hanako@example.jp", "246810")
    assert created["state"] == "pending"
    assert issuer.create_token("17", "app-1", "hanako@example.jp", "246810") == created

    control(world, "/faults", {"party": "issuer", "down": True})
    with pytest.raises(IssuerUnavailable, match="503"):
        issuer.issue_token(created["token"])
    control(world, "/faults", {"party": "issuer"})
    assert issuer.token(created["token"])["state"] == "pending", "nothing happened while the issuer was down"

    issued = issuer.issue_token(created["token"])
    assert issued["state"] == "issued" and issued["mail_delivered"] is True
    (mail,) = requests.get(f"{world}/_control/mail", params={"to": "hanako@example.jp"}, timeout=5).json()
    assert mail["from"] == "info@otp-auth.net" and created["user_id"] in mail["body"]
    assert f"{world}/app/download" in mail["body"], "the download address is where the issuer was reached"

    device = "d" * 32
    setup = issuer.activate("10", created["user_id"], "246810", device)
    now = datetime.fromisoformat(control(world, "/clock", {"freeze": True})["now"])
    good = bound_totp(setup["secret"], device).at(now)
    assert issuer.verify(created["token"], good, device) == {"valid": True}
    assert issuer.verify(created["token"], good, device) == {"valid": False, "reason": "replay"}

    with pytest.raises(IssuerRefused) as refused:
        issuer.activate("10", created["user_id"], "246810", device)
    assert refused.value.status == 409 and refused.value.reason == "already_activated"
    assert issuer.revoke_token(created["token"], "reissue")["state"] == "revoked"


def test_over_real_http_a_wrong_key_is_refused_and_a_slow_issuer_is_unavailable(world):
    with pytest.raises(IssuerRefused) as refused:
        IssuerClient(world + "/issuer", timeout=5, api_key="wrong").token("t1")
    assert refused.value.status == 401
    control(world, "/faults", {"party": "issuer", "slow": 0.6})
    with pytest.raises(IssuerUnavailable, match="Timeout"):
        IssuerClient(world + "/issuer", timeout=0.2, api_key=KEY).token("t1")
    control(world, "/faults", {"party": "issuer"})
    with pytest.raises(IssuerRefused) as refused:
        IssuerClient(world + "/issuer", timeout=5, api_key=KEY).token("t1")
    assert refused.value.status == 404


def test_the_journal_over_http_is_json_and_never_holds_the_start_password(world):
    issuer = IssuerClient(world + "/issuer", timeout=5, api_key=KEY)
    issuer.issue_token(issuer.create_token("17", "app-1", "hanako@example.jp", "246810")["token"])
    written = requests.get(f"{world}/_control/journal", timeout=5).text
    assert "246810" not in written
    assert [e["kind"] for e in json.loads(written)] == ["token_created", "mail", "token_issued"]
