"""Sessions end as a real bank's do: on logout, 中止する, a lockout, a newer login, and after 10 idle minutes (world time)."""

from __future__ import annotations

import pytest

from mockbank import rules

# A smartphone's browser: a PC would wait for the メール通知パスワード first (R-MAILPW).
SMARTPHONE = {"User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148"}


def log_in(client, persona: dict) -> None:
    response = client.post(
        "/netbank/login",
        data={"login_id": persona["login_id"], "login_pw": persona["login_password"]},
        headers=SMARTPHONE,
    )
    assert response.location == "/netbank/home"


def test_logout_makes_a_saved_copy_of_the_cookie_worthless(client, seed):
    persona = seed("active")
    log_in(client, persona)
    saved = client.get_cookie("session_bank").value
    client.post("/netbank/logout")
    client.set_cookie("session_bank", saved)
    assert client.get("/netbank/home").location == "/netbank/login"


def test_cancelling_makes_a_saved_copy_of_the_cookie_worthless(client, control, seed):
    persona = seed("new", step="pw")
    cookie = control.post(
        "/_control/sessions", json={"customer_id": persona["customer_id"], "role": "customer"}
    ).get_json()
    client.set_cookie(cookie["name"], cookie["value"])
    assert client.get("/netbank/password").status_code == 200
    client.post("/netbank/password", data={"action": "cancel"})
    client.set_cookie(cookie["name"], cookie["value"])
    assert client.get("/netbank/password").location == "/netbank/login"


def test_a_lockout_ends_the_sessions_already_open_and_says_why(app, client, seed):
    persona = seed("active")
    log_in(client, persona)
    other = app.test_client()
    for _ in range(5):
        other.post("/netbank/login", data={"login_id": persona["login_id"], "login_pw": "Wrong1234"})
    response = client.get("/netbank/home", follow_redirects=True)
    assert response.request.path == "/netbank/login"
    assert rules.LOCKED.message in response.get_data(as_text=True)


def test_a_newer_login_ends_the_older_session(app, client, seed):
    persona = seed("active")
    log_in(client, persona)
    log_in(app.test_client(), persona)
    assert client.get("/netbank/home").location == "/netbank/login"


@pytest.mark.parametrize(("idle", "home"), [(599, 200), (601, 302)], ids=["599 s idle", "601 s idle"])
def test_a_session_ends_after_ten_idle_minutes_of_world_time(client, control, seed, idle, home):
    persona = seed("active")
    control.post("/_control/clock", json={"freeze": True})
    log_in(client, persona)  # each world starts from a fresh login
    control.post("/_control/clock", json={"advance": idle})
    assert client.get("/netbank/home").status_code == home


def test_each_request_starts_the_ten_idle_minutes_again(client, control, seed):
    persona = seed("active")
    control.post("/_control/clock", json={"freeze": True})
    log_in(client, persona)
    for _ in range(3):  # 1,650 s after the login, never 600 s without a request
        control.post("/_control/clock", json={"advance": 550})
        assert client.get("/netbank/home").status_code == 200
    control.post("/_control/clock", json={"advance": 601})
    assert client.get("/netbank/home").location == "/netbank/login"


def test_a_wrong_method_gets_the_banks_own_page_in_japanese(client):
    response = client.get("/netbank/logout")
    assert response.status_code == 405
    assert "この操作は受け付けられません" in response.get_data(as_text=True)


def test_serve_listens_on_localhost_unless_told(monkeypatch):
    from mockbank import cli

    seen = {}
    monkeypatch.setattr(cli, "run_serve", lambda args: seen.update(host=args.host, workers=args.workers))
    cli.main(["serve", "--test-mode"])
    assert seen == {"host": "localhost", "workers": 2}
    cli.main(["serve"])
    assert seen["host"] == "localhost"
    cli.main(["serve", "--host", "0.0.0.0", "--workers", "3"])
    assert seen == {"host": "0.0.0.0", "workers": 3}
