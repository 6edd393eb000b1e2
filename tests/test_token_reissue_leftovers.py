"""Leftovers of P12–P17 (issue 17 §6): an abandoned verified application, the copy report, ISSUER-DOWN, one HTTP session."""

from __future__ import annotations

import ast
from pathlib import Path

import responses

from mockbank import catalogue, rules
from mockbank.bank.issuer_client import issuer_client
from tests.otp_world import PHONE_CHECK, application_row, apply_for_otp, deliver, issuer_token
from tests.setup_forms import log_in

ROOT = Path(__file__).resolve().parent.parent
IPHONE = {"User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"}


def test_an_abandoned_verified_application_ends_at_the_next_login_and_the_customer_starts_again_at_once(
    app, seed, control, issuer, customer_state, journal
):
    control.post("/_control/clock", json={"freeze": True})
    persona = seed("new", step="otp")
    first = log_in(app, persona)
    assert apply_for_otp(first, persona).location == PHONE_CHECK
    first.get(PHONE_CHECK)
    deliver(app, control, persona["phones"][0])
    abandoned = application_row(app, persona["customer_id"])
    assert abandoned["state"] == "verified"
    control.post("/_control/clock", json={"advance": 60})  # minutes short of the issuer's 30
    again = app.test_client()  # the customer comes back and logs in (another browser, the same phone)
    form = {"login_id": persona["login_id"], "login_pw": persona["login_password"]}
    assert again.post("/netbank/login", data=form, headers=IPHONE).location == "/netbank/otp-application"
    assert customer_state(persona["customer_id"])["otp"]["state"] == "cancelled", "closed at once"
    assert issuer_token(app, abandoned["token"])["state"] == "revoked", "its pending token ends now, not in 30 minutes"
    assert journal(kind="otp_abandoned")[-1]["detail"]["states"] == ["verified"]
    assert again.get(PHONE_CHECK).location == "/netbank/otp-application", "nothing left to issue"
    assert apply_for_otp(again, persona).location == PHONE_CHECK
    assert application_row(app, persona["customer_id"])["state"] == "calling"


def _copied(browser, token: str, device: str):
    return browser.post("/app/copied", json={"tokens": 1}, headers={"X-Mockbank-Device": device, "X-CSRFToken": token})


def test_the_copy_report_is_journalled_once_per_pages_token_and_device(app, client, journal):
    device, other = "d" * 32, "e" * 32
    for _ in range(5):
        assert _copied(client, "page-token-1", device).get_json() == {"recorded": True}
    _copied(client, "page-token-1", other)
    _copied(client, "page-token-2", device)
    entries = journal(kind="app_copy_refused")
    assert [(e["detail"]["device"], e["rule"]) for e in entries] == [
        (device, "R-APP-BIND"),
        (other, "R-APP-BIND"),
        (device, "R-APP-BIND"),
    ]


def _problem_rules() -> set[str]:
    """Every rule ID a Problem(...) of the code names as a string literal."""
    found = set()
    for path in (ROOT / "mockbank" / "rules").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Problem" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
    return found


def test_issuer_down_is_a_catalogued_fault_named_one_way_everywhere():
    assert set(catalogue.FAULTS) == {rules.ISSUER_DOWN, rules.ISSUER_REFUSED} == {"ISSUER-DOWN", "ISSUER-REFUSED"}
    assert not set(catalogue.FAULTS) & (set(catalogue.RULES) | set(catalogue.all_tags()))
    named = _problem_rules()
    assert not named & set(catalogue.FAULTS), "a Problem names a fault by its constant (rules.ISSUER_DOWN)"
    assert named <= set(catalogue.RULES), "every other Problem names a rule of the catalogue"
    for problem in (rules.ISSUER_UNAVAILABLE, rules.OTP_UNAVAILABLE, rules.TOKEN_UNAVAILABLE):
        assert problem.rule == rules.ISSUER_DOWN
    assert rules.TOKEN_FAILED.rule == rules.ISSUER_REFUSED


def test_the_issuer_client_keeps_one_http_session_for_every_call(app):
    with app.test_request_context("/netbank/login"):
        first, second, app_side = issuer_client(), issuer_client(), issuer_client(bank=False)
        assert first is not second and first.http is second.http is app_side.http
        assert "X-Issuer-Key" not in first.http.headers, "the key goes per call, never into the shared session"
    with responses.RequestsMock() as mock:
        mock.get("http://localhost/issuer/api/health", json={"ok": True})
        with app.test_request_context("/netbank/login"):
            assert issuer_client().health() == {"ok": True}
            assert issuer_client().health() == {"ok": True}
        assert len(mock.calls) == 2
