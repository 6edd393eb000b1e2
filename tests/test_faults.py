"""Faults per party from the control API (down, slow), reset per party, and the bank's issuer client over HTTP."""

from __future__ import annotations

import pytest
import requests
import responses

from mockbank.bank.issuer_client import IssuerClient, IssuerUnavailable
from mockbank.server import BackgroundServer
from tests.settings import bank_settings, stop_mail_capture


@pytest.fixture
def running(tmp_path):
    """The mock world answering over HTTP on localhost, as the harness runs it."""
    from mockbank import create_app

    app = create_app(bank_settings(tmp_path / "w.sqlite"))
    server = BackgroundServer(app).start()
    yield server.url
    server.stop()
    stop_mail_capture(app)


def control(base: str, path: str, body: dict | None = None) -> requests.Response:
    return requests.post(f"{base}/_control{path}", json=body or {}, timeout=10)


def test_the_bank_reaches_the_issuer_over_http_at_the_address_given(running):
    assert IssuerClient(running + "/issuer", timeout=5).health() == {"service": "otp-auth.net", "ok": True}


def test_an_issuer_put_down_answers_503_and_the_client_says_it_is_unavailable(running):
    control(running, "/faults", {"party": "issuer", "down": True})
    assert requests.get(running + "/issuer/api/health", timeout=5).status_code == 503
    with pytest.raises(IssuerUnavailable):
        IssuerClient(running + "/issuer", timeout=5).health()
    assert requests.get(running + "/netbank/", timeout=5).status_code == 200, "only the issuer is down"
    control(running, "/faults", {"party": "issuer"})
    assert IssuerClient(running + "/issuer", timeout=5).health()["ok"] is True


def test_a_slow_issuer_meets_the_clients_timeout(running):
    control(running, "/faults", {"party": "issuer", "slow": 0.6})
    with pytest.raises(IssuerUnavailable):
        IssuerClient(running + "/issuer", timeout=0.2).health()
    assert IssuerClient(running + "/issuer", timeout=5).health()["ok"] is True


def test_a_reset_heals_every_party(running):
    control(running, "/faults", {"party": "issuer", "down": True})
    control(running, "/reset")
    assert requests.get(running + "/_control/faults", timeout=5).json() == {}


@pytest.mark.parametrize(
    "body",
    [
        {"party": "nobody", "down": True},
        {"down": True},
        {"party": "issuer", "slow": -1},
        {"party": "issuer", "slow": 3600},
        {"party": "issuer", "slow": "soon"},
    ],
)
def test_a_malformed_fault_is_refused_with_a_reason(running, body):
    response = control(running, "/faults", body)
    assert response.status_code == 400 and response.json()["error"]


@responses.activate
def test_the_client_calls_the_issuer_it_is_given_and_reports_a_server_error_as_unavailable():
    responses.get("https://otp-auth.example/api/health", json={"service": "otp-auth.net", "ok": True})
    assert IssuerClient("https://otp-auth.example/", timeout=1).health()["ok"] is True
    responses.get("https://otp-auth.example/api/health", status=502)
    with pytest.raises(IssuerUnavailable):
        IssuerClient("https://otp-auth.example", timeout=1).health()


def send_notice(app, to: str = "taro@example.jp") -> bool:
    """The bank sends its mail-registration notice, as from a request; whether the mail server took it."""
    from mockbank.mail.sender import send_mail

    with app.test_request_context():
        return send_mail(
            to,
            "info@am-bk.co.jp",
            "青森みちのく銀行",
            "件名",
            "mail/messages/mail_registered.txt",
            customer=None,
        )


def test_the_mail_server_put_down_refuses_mail_and_the_bank_journals_it(app, seed, control, journal):
    control.post("/_control/faults", json={"party": "mail", "down": True})
    assert send_notice(app) is False
    (entry,) = journal(kind="mail")
    assert entry["detail"]["delivered"] is False and "unreachable" in entry["detail"]["problem"]
    control.post("/_control/faults", json={"party": "mail"})
    assert send_notice(app) is True


def test_a_party_reset_empties_only_that_partys_state(app, control, seed, customer_state):
    persona = seed("active")
    assert send_notice(app, "a@example.jp") is True
    assert len(control.get("/_control/mail?to=a@example.jp").get_json()) == 1
    assert control.post("/_control/reset", json={"party": "mailbox"}).status_code == 200
    assert control.get("/_control/mail?to=a@example.jp").get_json() == []
    assert customer_state(persona["customer_id"])["login_id"] == persona["login_id"]
    assert control.post("/_control/reset", json={"party": "nobody"}).status_code == 400
