"""SID001 → ログインID取得 → 取得完了 → 初回ログイン through Flask's test client, posting forms like a browser."""

from __future__ import annotations

import pytest

from mockbank import rules
from tests.forms import login_id_form, sid001, take_login_id, text


def wrong(password: str) -> str:
    """A different password of the same shape."""
    return password[:-1] + ("0" if password[-1] != "0" else "1")


def other_number(number: str) -> str:
    """Another 7-digit number."""
    return f"{(int(number) + 1) % 10_000_000:07d}"


# ---------------------------------------------------------------- SID001 お客様情報入力


def test_sid001_shows_the_form(client):
    response = client.get("/netbank/customer-info")
    assert response.status_code == 200
    assert "画面ID : SID001" in text(response)


def test_sid001_passes_the_right_account_and_passwords_on_to_login_id(client, seed, customer_state, journal):
    persona = seed("new")
    response = client.post("/netbank/customer-info", data=sid001(persona))
    assert response.status_code == 302
    assert response.location == "/netbank/login-id"
    assert client.get("/netbank/login-id").status_code == 200
    assert customer_state(persona["customer_id"])["step"] == "login_id"
    assert [e["screen"] for e in journal(kind="screen")] == ["SID001"]


def test_sid001_takes_the_latest_passwords_of_an_id_initialised_customer(client, seed):
    persona = seed("id_initialised")
    assert client.post("/netbank/customer-info", data=sid001(persona)).location == "/netbank/login-id"


def test_sid001_takes_an_account_number_with_leading_zeros(client, seed):
    persona = seed("new", account_number="0012345")
    assert (
        client.post("/netbank/customer-info", data=sid001(persona, account="0012345")).location == "/netbank/login-id"
    )


MISMATCHES = {
    "wrong branch": lambda p: {"branch": next(code for code in ("001", "002") if code != p["branch"]["code"])},
    "wrong account": lambda p: {"account": other_number(p["account_number"])},
    "savings account": lambda p: {"account": p["accounts"][1]["number"]},
    "wrong login pw": lambda p: {"login_pw": wrong(p["login_password"])},
    "wrong confirm pw": lambda p: {"confirm_pw": wrong(p["confirm_password"])},
    "swapped-case login pw": lambda p: {"login_pw": p["login_password"].swapcase()},
    "swapped-case confirm pw": lambda p: {"confirm_pw": p["confirm_password"].swapcase()},
    "passwords swapped": lambda p: {"login_pw": p["confirm_password"], "confirm_pw": p["login_password"]},
}


def test_sid001_gives_one_message_whatever_part_is_wrong_and_saves_nothing(app, seed, customer_state):
    seen = {}
    for name, mismatch in MISMATCHES.items():
        persona = seed("new")
        browser = app.test_client()
        response = browser.post("/netbank/customer-info", data=sid001(persona, **mismatch(persona)))
        page = text(response)
        state = customer_state(persona["customer_id"])
        seen[name] = (
            response.status_code,
            "画面ID : SID001" in page,
            rules.ACCOUNT_MISMATCH.message in page,
            page.count('role="alert"'),
            (state["step"], state["login_id"], state["locked"]),
            browser.get("/netbank/login-id").location,
        )
    expected = (200, True, True, 1, ("login_id", None, False), "/netbank/customer-info")
    assert seen == dict.fromkeys(MISMATCHES, expected)


def test_sid001_shows_every_shape_problem_at_once(client):
    form = {"branch": "12", "account": "", "login_pw": "ｐａｓｓ", "confirm_pw": "", "action": "next"}
    response = client.post("/netbank/customer-info", data=form)
    page = text(response)
    for problem in (
        rules.branch_code("12"),
        rules.account_number(""),
        rules.hankaku_entry("ｐａｓｓ", "(仮) ログインパスワード", "login_pw"),
        rules.hankaku_entry("", "(仮) 確認用パスワード", "confirm_pw"),
    ):
        assert problem.message in page


def test_sid001_keeps_the_account_but_never_echoes_a_password(client, seed):
    persona = seed("new")
    response = client.post("/netbank/customer-info", data=sid001(persona, login_pw=wrong(persona["login_password"])))
    page = text(response)
    assert persona["account_number"] in page
    assert wrong(persona["login_password"]) not in page
    assert persona["confirm_password"] not in page


def test_sid001_lets_four_wrong_tries_pass_and_then_resets_the_count(client, seed, customer_state):
    persona = seed("new")
    for _ in range(4):
        client.post("/netbank/customer-info", data=sid001(persona, login_pw=wrong(persona["login_password"])))
    assert customer_state(persona["customer_id"])["failed_attempts"] == 4
    assert client.post("/netbank/customer-info", data=sid001(persona)).location == "/netbank/login-id"
    state = customer_state(persona["customer_id"])
    assert (state["failed_attempts"], state["locked"]) == (0, False)


def test_sid001_does_not_count_a_wrong_account_against_anyone(client, seed, customer_state):
    persona = seed("new")
    for _ in range(6):
        client.post("/netbank/customer-info", data=sid001(persona, account=other_number(persona["account_number"])))
    assert customer_state(persona["customer_id"])["failed_attempts"] == 0


def test_sid001_locks_at_the_fifth_wrong_try_and_tells_only_the_right_passwords_after(
    client, seed, customer_state, journal
):
    persona = seed("new")
    for attempt in range(1, 6):
        bad = sid001(persona, confirm_pw=wrong(persona["confirm_password"]))
        page = text(client.post("/netbank/customer-info", data=bad))
        assert rules.ACCOUNT_MISMATCH.message in page and rules.LOCKED.message not in page, attempt
    state = customer_state(persona["customer_id"])
    assert (state["locked"], state["failed_attempts"]) == (True, 5)
    [lockout] = journal(kind="lockout")
    assert (lockout["customer_id"], lockout["screen"]) == (persona["customer_id"], "SID001")
    assert lockout["rule"] == "R-LOCKOUT"

    response = client.post("/netbank/customer-info", data=sid001(persona))
    assert response.status_code == 200
    assert rules.LOCKED.message in text(response)
    assert client.get("/netbank/login-id").location == "/netbank/customer-info"


def test_sid001_locks_at_the_limit_set(make_app):
    app = make_app(LOCKOUT_LIMIT=3)
    client = app.test_client()
    persona = client.post("/_control/personas", json={"kind": "new"}).get_json()
    bad = sid001(persona, login_pw=wrong(persona["login_password"]))
    for _ in range(3):
        assert rules.ACCOUNT_MISMATCH.message in text(client.post("/netbank/customer-info", data=bad))
    assert client.get(f"/_control/customers/{persona['customer_id']}").get_json()["locked"] is True


def test_sid001_cancel_saves_nothing_forgets_the_application_and_returns_to_the_guide(client, seed, customer_state):
    persona = seed("new")
    assert client.post("/netbank/customer-info", data=sid001(persona)).location == "/netbank/login-id"
    response = client.post("/netbank/customer-info", data=sid001(persona, action="cancel"))
    assert response.status_code == 302
    assert response.location == "/netbank/"
    assert customer_state(persona["customer_id"])["step"] == "login_id"
    assert "登録を中止しました。" in text(client.get("/netbank/"))
    assert client.get("/netbank/login-id").location == "/netbank/customer-info"


def test_sid001_tells_an_active_customer_the_login_id_is_already_taken(client, seed, customer_state):
    persona = seed("既にご利用中")
    response = client.post("/netbank/customer-info", data=sid001(persona))
    assert response.status_code == 200
    assert rules.LOGIN_ID_ALREADY_TAKEN.message in text(response)
    assert customer_state(persona["customer_id"])["step"] == "done"
    assert client.get("/netbank/login-id").location == "/netbank/customer-info"


# ---------------------------------------------------------------- S-ID ログインID取得


@pytest.fixture
def applicant(client, seed):
    """A new-contract persona whose browser has passed SID001 and stands at ログインID取得."""
    persona = seed("new")
    assert client.post("/netbank/customer-info", data=sid001(persona)).location == "/netbank/login-id"
    return persona


def test_login_id_needs_sid001_first(client):
    assert client.get("/netbank/login-id").location == "/netbank/customer-info"
    assert client.post("/netbank/login-id", data=login_id_form("abc123")).location == "/netbank/customer-info"


def test_login_id_saves_the_login_id_and_moves_on_to_the_first_login(client, applicant, customer_state):
    response = client.post("/netbank/login-id", data=login_id_form("abc123"))
    assert response.status_code == 302
    assert response.location == "/netbank/login-id/done"
    state = customer_state(applicant["customer_id"])
    assert (state["login_id"], state["step"]) == ("abc123", "first_login")
    assert client.get("/netbank/login-id").location == "/netbank/customer-info"


REFUSALS = {
    "too short": (lambda p: login_id_form("abc12"), rules.login_id_format("abc12")),
    "letters only": (lambda p: login_id_form("abcdefgh"), rules.login_id_format("abcdefgh")),
    "full-width": (lambda p: login_id_form("ａｂｃ１２３"), rules.login_id_format("ａｂｃ１２３")),
    "empty": (lambda p: login_id_form(""), rules.login_id_format("")),
    "typed differently": (lambda p: login_id_form("abc123", "abc124"), rules.login_id_twice("abc123", "abc124")),
    "case differs": (lambda p: login_id_form("abc123", "ABC123"), rules.login_id_twice("abc123", "ABC123")),
    "temp login pw": (lambda p: login_id_form(p["login_password"]), rules.CREDENTIALS_NOT_DISTINCT),
    "temp confirm pw": (lambda p: login_id_form(p["confirm_password"]), rules.CREDENTIALS_NOT_DISTINCT),
}


def test_login_id_refuses_with_its_message_and_saves_nothing(client, applicant, customer_state, journal):
    seen = {}
    for name, (form, problem) in REFUSALS.items():
        response = client.post("/netbank/login-id", data=form(applicant))
        page = text(response)
        state = customer_state(applicant["customer_id"])
        seen[name] = (
            response.status_code,
            'data-screen="S-ID"' in page,
            problem.message in page,
            (state["login_id"], state["step"]),
        )
    assert seen == dict.fromkeys(REFUSALS, (200, True, True, (None, "login_id")))
    refused = journal(kind="refused", customer_id=applicant["customer_id"])
    assert [e["rule"] for e in refused] == [problem.rule for _, problem in REFUSALS.values()]
    assert client.get("/netbank/login-id").status_code == 200


def test_login_id_refuses_one_taken_by_another_customer(client, seed, applicant, customer_state):
    taken = seed("active")["login_id"]
    response = client.post("/netbank/login-id", data=login_id_form(taken))
    assert response.status_code == 200
    assert rules.LOGIN_ID_TAKEN.message in text(response)
    assert customer_state(applicant["customer_id"])["login_id"] is None


def test_login_id_treats_a_different_case_as_a_different_login_id(client, seed, applicant, customer_state):
    seed("active", login_id="abc123")
    assert client.post("/netbank/login-id", data=login_id_form("ABC123")).location == "/netbank/login-id/done"
    assert customer_state(applicant["customer_id"])["login_id"] == "ABC123"


def test_login_id_refuses_a_second_login_id_from_a_replayed_session(client, applicant, customer_state):
    replayed = client.get_cookie("session_bank").value
    take_second_half = [
        ("/netbank/login-id", login_id_form("abc123")),
        ("/netbank/login-id/done", {"ack": "on"}),
        ("/netbank/first-login", {"login_id": "abc123", "login_pw": applicant["login_password"]}),
    ]
    for path, form in take_second_half:
        assert client.post(path, data=form).status_code == 302
    assert customer_state(applicant["customer_id"])["step"] == "qa"

    client.set_cookie("session_bank", replayed)
    client.post("/netbank/login-id", data=login_id_form("zzz999"))

    state = customer_state(applicant["customer_id"])
    assert (state["login_id"], state["step"]) == ("abc123", "qa")


# ---------------------------------------------------------------- S-ID-DONE ログインID取得完了


def test_login_id_done_needs_a_login_id_taken_first(client):
    assert client.get("/netbank/login-id/done").location == "/netbank/customer-info"


def test_login_id_done_asks_for_the_acknowledgement_and_never_shows_the_login_id(client, applicant, journal):
    client.post("/netbank/login-id", data=login_id_form("abc123"))
    response = client.post("/netbank/login-id/done", data={})
    page = text(response)
    assert response.status_code == 200
    assert 'data-screen="S-ID-DONE"' in page
    assert rules.acknowledged(False).message in page
    assert "abc123" not in page
    assert [e["rule"] for e in journal(kind="refused")] == ["R-ID-ACK"]
    assert client.get("/netbank/login-id/done").status_code == 200


def test_login_id_done_goes_on_to_the_first_login_once_acknowledged(client, applicant):
    client.post("/netbank/login-id", data=login_id_form("abc123"))
    response = client.post("/netbank/login-id/done", data={"ack": "on"})
    assert response.status_code == 302
    assert response.location == "/netbank/first-login"
    assert client.get("/netbank/login-id/done").location == "/netbank/customer-info"


# ---------------------------------------------------------------- S-LOGIN1 初回ログイン


def test_first_login_takes_a_new_contract_on_to_secret_qa(client, seed, customer_state):
    persona = seed("new", login_id="abc123")
    response = client.post("/netbank/first-login", data={"login_id": "abc123", "login_pw": persona["login_password"]})
    assert response.status_code == 302
    assert response.location == "/netbank/secret-qa"
    state = customer_state(persona["customer_id"])
    assert (state["step"], state["failed_attempts"]) == ("qa", 0)
    assert state["last_login_at"]
    assert client.get("/netbank/secret-qa").status_code == 200


def test_first_login_takes_an_id_initialised_customer_home(client, seed, customer_state):
    persona = seed("id_initialised", login_id="abc123")
    response = client.post("/netbank/first-login", data={"login_id": "abc123", "login_pw": persona["login_password"]})
    assert response.location == "/netbank/home"
    assert customer_state(persona["customer_id"])["step"] == "done"
    home = client.get("/netbank/home")
    assert home.status_code == 200 and persona["name"] in text(home)


def test_first_login_after_the_whole_onboarding(client, seed, customer_state):
    persona = seed("new")
    take_login_id(client, persona, "abc123")
    response = client.post("/netbank/first-login", data={"login_id": "abc123", "login_pw": persona["login_password"]})
    assert response.location == "/netbank/secret-qa"
    assert customer_state(persona["customer_id"])["step"] == "qa"


def test_first_login_refuses_a_wrong_password_and_counts_it(client, seed, customer_state):
    persona = seed("new", login_id="abc123")
    bad = {"login_id": "abc123", "login_pw": wrong(persona["login_password"])}
    response = client.post("/netbank/first-login", data=bad)
    page = text(response)
    assert response.status_code == 200
    assert 'data-screen="S-LOGIN1"' in page
    assert rules.LOGIN_MISMATCH.message in page
    state = customer_state(persona["customer_id"])
    assert (state["failed_attempts"], state["step"]) == (1, "first_login")


def test_first_login_gives_the_same_message_for_an_unknown_login_id(client, seed, customer_state):
    persona = seed("new", login_id="abc123")
    for login_id in ("nobody123", "ABC123"):  # unknown, and known but in another case
        form = {"login_id": login_id, "login_pw": persona["login_password"]}
        response = client.post("/netbank/first-login", data=form)
        assert response.status_code == 200
        assert rules.LOGIN_MISMATCH.message in text(response), login_id
    assert customer_state(persona["customer_id"])["failed_attempts"] == 0


def test_first_login_locks_at_the_fifth_wrong_password(client, seed, customer_state, journal):
    persona = seed("new", login_id="abc123")
    bad = {"login_id": "abc123", "login_pw": wrong(persona["login_password"])}
    for _ in range(5):  # the fifth locks, and says no more than the others
        assert rules.LOGIN_MISMATCH.message in text(client.post("/netbank/first-login", data=bad))
    assert customer_state(persona["customer_id"])["locked"] is True
    assert [e["screen"] for e in journal(kind="lockout")] == ["S-LOGIN1"]
    right = {"login_id": "abc123", "login_pw": persona["login_password"]}
    response = client.post("/netbank/first-login", data=right)
    assert response.status_code == 200 and rules.LOCKED.message in text(response)
    assert customer_state(persona["customer_id"])["step"] == "first_login"


def test_failures_at_sid001_and_at_the_first_login_count_together(client, seed, customer_state):
    persona = seed("id_initialised")
    for _ in range(3):
        client.post("/netbank/customer-info", data=sid001(persona, login_pw=wrong(persona["login_password"])))
    take_login_id(client, persona, "abc123")  # the right passwords reset the count
    bad = {"login_id": "abc123", "login_pw": wrong(persona["login_password"])}
    for _ in range(4):
        client.post("/netbank/first-login", data=bad)
    assert customer_state(persona["customer_id"])["locked"] is False
    client.post("/netbank/first-login", data=bad)
    assert customer_state(persona["customer_id"])["locked"] is True


def test_a_page_behind_the_login_sends_a_stranger_to_the_login(client):
    assert client.get("/netbank/home").location == "/netbank/login"
    assert client.get("/netbank/secret-qa").location == "/netbank/login"


# ---------------------------------------------------------------- never a 500

LONG = "a1" * 5_000
GARBAGE = {
    "no fields": {},
    "only an action": {"action": "next"},
    "10,000 characters": {
        k: LONG
        for k in ("branch", "kind", "account", "login_pw", "confirm_pw", "login_id", "login_id_again", "ack", "action")
    },
    "10,000 kanji": {
        k: "漢" * 10_000
        for k in ("branch", "kind", "account", "login_pw", "confirm_pw", "login_id", "login_id_again", "ack")
    },
    "unicode": {
        k: "🏦ｱ\u200bé\x00\r\n<script>'\""
        for k in ("branch", "kind", "account", "login_pw", "confirm_pw", "login_id", "login_id_again", "ack", "action")
    },
    "lists": {"branch": ["001", "002"], "login_id": ["a", "b"], "login_pw": ["x", "y"]},
    "odd login id with a good password": {
        "login_id": "ab\x00c1🏦" * 100,
        "login_id_again": "ab\x00c1🏦" * 100,
        "login_pw": "Abc12345",
    },
}
RAW_BODIES = {
    "empty body": (b"", "application/x-www-form-urlencoded"),
    "bad utf-8": (b"branch=%ff%fe&login_id=\xff\xfe&login_pw=\xc3", "application/x-www-form-urlencoded"),
    "json": (b'{"branch": "001"}', "application/json"),
    "no content type": (b"branch=001", None),
    "broken multipart": (b"--xx\r\nContent-Disposition: form-data", "multipart/form-data; boundary=xx"),
}
# Each form route with the session that lets a browser reach it (and without, where one is needed).
FORM_ROUTES = [
    ("/netbank/customer-info", None),
    ("/netbank/login-id", "applicant"),
    ("/netbank/login-id", None),
    ("/netbank/login-id/done", "login_id_done"),
    ("/netbank/first-login", None),
    ("/netbank/login", None),
    ("/netbank/logout", "customer"),
]


def test_no_form_ever_answers_500_to_garbage(app, control, seed):
    persona = seed("new")
    real_account = {
        "branch": persona["branch"]["code"],
        "account": persona["account_number"],
        "kind": "普通",
        "login_pw": LONG,
        "confirm_pw": LONG,
        "action": "next",
    }
    posts = [(name, {"data": form}) for name, form in {**GARBAGE, "real account, long passwords": real_account}.items()]
    posts += [(name, {"data": body, "content_type": kind}) for name, (body, kind) in RAW_BODIES.items()]
    statuses = {}
    for route, role in FORM_ROUTES:
        browser = app.test_client()
        cookie = (
            role
            and control.post(
                "/_control/sessions", json={"customer_id": persona["customer_id"], "role": role}
            ).get_json()
        )
        for name, post in posts:
            if cookie:
                browser.set_cookie(cookie["name"], cookie["value"])
            statuses[route, role, name] = browser.post(route, **post).status_code
    assert len(statuses) == len(FORM_ROUTES) * len(posts)
    assert {key: status for key, status in statuses.items() if status not in (200, 302)} == {}
