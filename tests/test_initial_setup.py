"""追加認証登録 → パスワード変更 → お客さま情報登録 → 確認 through Flask's test client, posting forms like a browser."""

from __future__ import annotations

import pytest
from werkzeug.security import check_password_hash

from mockbank import create_app, rules
from mockbank.bank.models import Customer, SecretAnswer
from mockbank.bank.questions import QUESTIONS
from mockbank.db import db
from tests.forms import text
from tests.settings import bank_settings, stop_mail_capture
from tests.setup_forms import (
    ANSWERS,
    NEW_CONFIRM_PW,
    NEW_LOGIN_PW,
    info_form,
    limit_fields,
    log_in,
    pw_form,
    qa_form,
    register_info,
)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """One bank for the whole file: every test seeds personas of its own and looks only at them."""
    app = create_app(bank_settings(tmp_path_factory.mktemp("initial_setup") / "t.sqlite"))
    yield app
    stop_mail_capture(app)


@pytest.fixture
def at_step(app, seed):
    """A new-contract persona seeded at a step, and a browser logged in as it: at_step("pw", otp_card=True)."""

    def persona_and_browser(step: str, **overrides) -> tuple[dict, object]:
        persona = seed("new", step=step, **overrides)
        return persona, log_in(app, persona)

    return persona_and_browser


@pytest.fixture
def password_matches(control):
    """Whether a password is the customer's current login or confirm password (the control API's check)."""

    def matches(persona: dict, which: str, password: str) -> bool:
        body = {"which": which, "password": password}
        return control.post(f"/_control/customers/{persona['customer_id']}/password-check", json=body).get_json()[
            "matches"
        ]

    return matches


def rules_refused(journal, persona: dict) -> list[str]:
    """The rule IDs the journal holds as refused for the persona, in order."""
    return [e["rule"] for e in journal(kind="refused", customer_id=persona["customer_id"])]


# ---------------------------------------------------------------- S-QA 追加認証登録


def test_secret_qa_shows_the_questions_to_choose_from(at_step):
    _, browser = at_step("qa")
    page = text(browser.get("/netbank/secret-qa"))
    assert 'data-screen="S-QA"' in page
    assert all(question in page for question in QUESTIONS)


def test_secret_qa_registers_three_questions_and_moves_on_to_the_password_change(at_step, customer_state, journal):
    persona, browser = at_step("qa")
    response = browser.post("/netbank/secret-qa", data=qa_form())
    assert response.status_code == 302
    assert response.location == "/netbank/password"
    state = customer_state(persona["customer_id"])
    assert (state["step"], state["secret_questions"]) == ("pw", list(QUESTIONS[:3]))
    assert [e["screen"] for e in journal(kind="screen", customer_id=persona["customer_id"])] == ["S-QA"]
    assert browser.get("/netbank/password").status_code == 200


def test_secret_qa_keeps_each_answer_hashed_and_exactly_as_typed(app, at_step):
    persona, browser = at_step("qa")
    browser.post("/netbank/secret-qa", data=qa_form(answers=ANSWERS))
    with app.app_context():
        stored = db.session.scalars(
            db.select(SecretAnswer).where(SecretAnswer.customer_id == persona["customer_id"]).order_by(SecretAnswer.id)
        ).all()
        hashes = {row.question: row.answer_hash for row in stored}
    assert list(hashes) == list(QUESTIONS[:3])
    for answer, answer_hash in zip(ANSWERS, hashes.values(), strict=False):
        assert answer_hash.startswith("scrypt:")
        assert answer_hash != answer and answer not in answer_hash
        assert check_password_hash(answer_hash, answer)
    first, second, third = hashes.values()
    assert [check_password_hash(first, typed) for typed in ("３月", "3月", "三月", "さんがつ")] == [
        True,
        False,
        False,
        False,
    ]
    assert [check_password_hash(second, typed) for typed in ("あおもり", "アオモリ", "青森")] == [True, False, False]
    assert [check_password_hash(third, typed) for typed in ("Ａｐｐｌｅ", "ａｐｐｌｅ", "ＡＰＰＬＥ", "Apple")] == [
        True,
        False,
        False,
        False,
    ]


COUNT, ZENKAKU, DISTINCT = ("R-QA-COUNT",), ("R-QA-ZENKAKU",), ("R-QA-DISTINCT",)
QA_REFUSALS = {  # the form, a message the page shows, and the rules journalled
    "question 2 not chosen": (qa_form(questions=(QUESTIONS[0], "", QUESTIONS[2])), "質問2を選択してください。", COUNT),
    "a question not offered": (
        qa_form(questions=(QUESTIONS[0], QUESTIONS[1], "好きな色は？")),
        "質問3を選択してください。",
        COUNT,
    ),
    "answer 1 empty": (qa_form(answers=("", "あおもり", "Ａｐｐｌｅ")), "回答1を入力してください。", COUNT),
    "answer 3 half-width": (
        qa_form(answers=("３月", "あおもり", "Apple")),
        "回答3は全角文字で入力してください。（半角文字は登録できません）",
        ZENKAKU,
    ),
    "answer 2 half-width katakana": (
        qa_form(answers=("３月", "ｱｵﾓﾘ", "Ａｐｐｌｅ")),
        "回答2は全角文字で入力してください。（半角文字は登録できません）",
        ZENKAKU,
    ),
    "answer 2 of 11 characters": (
        qa_form(answers=("３月", "あ" * 11, "Ａｐｐｌｅ")),
        "回答2は全角10文字以内で入力してください。",
        ZENKAKU,
    ),
    "the same question twice": (
        qa_form(questions=(QUESTIONS[0], QUESTIONS[0], QUESTIONS[2])),
        "質問はすべて異なる内容を選択してください。",
        DISTINCT,
    ),
    "the same answer twice": (
        qa_form(answers=("３月", "あおもり", "３月")),
        "回答はすべて異なる内容を入力してください。",
        DISTINCT,
    ),
    "not acknowledged": (qa_form(ack=False), "「確認しました。」にチェックを入れてください。", ("R-ID-ACK",)),
    "nothing at all": ({"action": "register"}, "回答3を入力してください。", COUNT * 6 + ("R-ID-ACK",)),
}


def test_secret_qa_refuses_with_its_message_and_saves_nothing(at_step, customer_state, journal):
    persona, browser = at_step("qa")
    seen = {}
    for name, (form, message, _) in QA_REFUSALS.items():
        response = browser.post("/netbank/secret-qa", data=form)
        page = text(response)
        state = customer_state(persona["customer_id"])
        seen[name] = (
            response.status_code,
            'data-screen="S-QA"' in page,
            message in page,
            (state["step"], state["secret_questions"]),
        )
    assert seen == dict.fromkeys(QA_REFUSALS, (200, True, True, ("qa", [])))
    assert rules_refused(journal, persona) == [rule for _, _, journalled in QA_REFUSALS.values() for rule in journalled]


def test_secret_qa_keeps_the_entries_of_a_refused_form(at_step):
    _, browser = at_step("qa")
    page = text(browser.post("/netbank/secret-qa", data=qa_form(ack=False)))
    assert f'<option value="{QUESTIONS[1]}" selected>' in page
    assert 'value="あおもり"' in page


def test_secret_qa_cancel_saves_nothing_and_logs_the_customer_out(at_step, customer_state, journal):
    persona, browser = at_step("qa")
    response = browser.post("/netbank/secret-qa", data=qa_form(action="cancel"))
    assert response.status_code == 302
    assert response.location == "/netbank/"
    state = customer_state(persona["customer_id"])
    assert (state["step"], state["secret_questions"]) == ("qa", [])
    assert "登録を中止しました。" in text(browser.get("/netbank/"))
    assert browser.get("/netbank/secret-qa").location == "/netbank/login"
    assert [e["screen"] for e in journal(kind="cancel", customer_id=persona["customer_id"])] == ["S-QA"]


# ---------------------------------------------------------------- R-PW-CHANGE: each step keeps the customer there

GUARDED = [
    "/netbank/secret-qa",
    "/netbank/password",
    "/netbank/customer-registration",
    "/netbank/customer-registration/confirm",
    "/netbank/select-email",
    "/netbank/otp-application",
    "/netbank/home",
]
OWN_SCREEN = {"qa": "/netbank/secret-qa", "pw": "/netbank/password", "info": "/netbank/customer-registration"}


def test_a_customer_at_one_step_is_sent_back_to_its_screen_from_every_other(at_step):
    seen = {}
    for step in OWN_SCREEN:
        _, browser = at_step(step)
        for path in GUARDED:
            response = browser.get(path)
            seen[step, path] = response.location if response.status_code == 302 else response.status_code
    expected = {}
    for step, own in OWN_SCREEN.items():
        for path in GUARDED:
            expected[step, path] = own
        expected[step, own] = 200
    expected["info", "/netbank/select-email"] = 200  # a part of お客さま情報登録
    assert seen == expected


def test_a_post_at_a_later_step_saves_nothing(at_step, customer_state, password_matches):
    persona, browser = at_step("qa")
    assert browser.post("/netbank/password", data=pw_form()).location == "/netbank/secret-qa"
    fields = [f"limit_{n}" for n in range(1, 100)]
    assert browser.post("/netbank/customer-registration", data=info_form(fields)).location == "/netbank/secret-qa"
    assert browser.post("/netbank/select-email", data={"select_email": "not_use"}).location == ("/netbank/secret-qa")
    state = customer_state(persona["customer_id"])
    assert (state["step"], state["mail"], state["select_email"]) == ("qa", None, True)
    assert password_matches(persona, "login", persona["login_password"])


def test_the_confirmation_without_checked_entries_goes_back_to_customer_info(at_step):
    _, browser = at_step("info")
    assert browser.get("/netbank/customer-registration/confirm").location == "/netbank/customer-registration"
    assert (
        browser.post("/netbank/customer-registration/confirm", data={"ack": "on"}).location
        == "/netbank/customer-registration"
    )


def test_a_stranger_is_sent_to_the_login_from_every_setup_screen(client):
    gets = {path: client.get(path).location for path in GUARDED}
    posts = {path: client.post(path, data={"action": "register"}).location for path in GUARDED[:5]}
    assert gets == dict.fromkeys(GUARDED, "/netbank/login")
    assert posts == dict.fromkeys(GUARDED[:5], "/netbank/login")


def test_the_login_takes_a_customer_to_the_step_they_stopped_at(app, seed):
    for step, own in OWN_SCREEN.items():
        persona = seed("new", step=step)
        form = {"login_id": persona["login_id"], "login_pw": persona["login_password"]}
        assert app.test_client().post("/netbank/login", data=form).location == own, step


# ---------------------------------------------------------------- S-PW パスワード変更


def test_password_change_replaces_both_temp_passwords_and_moves_on(at_step, customer_state, password_matches, journal):
    persona, browser = at_step("pw")
    response = browser.post("/netbank/password", data=pw_form())
    assert response.status_code == 302
    assert response.location == "/netbank/customer-registration"
    assert customer_state(persona["customer_id"])["step"] == "info"
    assert [password_matches(persona, "login", pw) for pw in (persona["login_password"], NEW_LOGIN_PW)] == [False, True]
    assert [password_matches(persona, "confirm", pw) for pw in (persona["confirm_password"], NEW_CONFIRM_PW)] == [
        False,
        True,
    ]
    assert [e["screen"] for e in journal(kind="screen", customer_id=persona["customer_id"])] == ["S-PW"]
    assert 'data-screen="S-INFO"' in text(browser.get("/netbank/customer-registration"))


def test_password_change_takes_six_and_twelve_characters(at_step, customer_state):
    persona, browser = at_step("pw")
    response = browser.post("/netbank/password", data=pw_form("abc123", "Oirase202512"))
    assert response.location == "/netbank/customer-registration"
    assert customer_state(persona["customer_id"])["step"] == "info"


def pw_refusals(persona: dict) -> dict:
    """S-PW forms each refused, with the problem the page must show."""
    login_id, temp_login, temp_confirm = persona["login_id"], persona["login_password"], persona["confirm_password"]
    login, confirm = "新しいログインパスワード", "新しい確認用パスワード"
    return {
        "login empty": (pw_form(login_pw=""), rules.new_password("", "", login, "login_pw")),
        "login 5 chars": (pw_form(login_pw="abc12"), rules.new_password("abc12", "abc12", login, "login_pw")),
        "login 13 chars": (
            pw_form(login_pw="abcdefg123456"),
            rules.new_password("abcdefg123456", "abcdefg123456", login, "login_pw"),
        ),
        "login letters only": (
            pw_form(login_pw="hakkodasan"),
            rules.new_password("hakkodasan", "hakkodasan", login, "login_pw"),
        ),
        "login full-width": (
            pw_form(login_pw="Ｈａｋｋｏ２０"),
            rules.new_password("Ｈａｋｋｏ２０", "Ｈａｋｋｏ２０", login, "login_pw"),
        ),
        "confirm with a symbol": (
            pw_form(confirm_pw="oirase-2025"),
            rules.new_password("oirase-2025", "oirase-2025", confirm, "confirm_pw"),
        ),
        "confirm digits only": (
            pw_form(confirm_pw="20252025"),
            rules.new_password("20252025", "20252025", confirm, "confirm_pw"),
        ),
        "login typed differently": (
            pw_form(login_again="Hakkoda2026"),
            rules.new_password(NEW_LOGIN_PW, "Hakkoda2026", login, "login_pw"),
        ),
        "login again in another case": (
            pw_form(login_again="hakkoda2025"),
            rules.new_password(NEW_LOGIN_PW, "hakkoda2025", login, "login_pw"),
        ),
        "confirm typed differently": (
            pw_form(confirm_again="Oirase2026"),
            rules.new_password(NEW_CONFIRM_PW, "Oirase2026", confirm, "confirm_pw"),
        ),
        "login pw is the login id": (pw_form(login_pw=login_id), rules.CREDENTIALS_NOT_DISTINCT),
        "confirm pw is the login id": (pw_form(confirm_pw=login_id), rules.CREDENTIALS_NOT_DISTINCT),
        "both the same": (pw_form(confirm_pw=NEW_LOGIN_PW), rules.CREDENTIALS_NOT_DISTINCT),
        "login pw unchanged": (pw_form(login_pw=temp_login), rules.NOT_CHANGED),
        "confirm pw unchanged": (pw_form(confirm_pw=temp_confirm), rules.NOT_CHANGED),
        "both unchanged": (pw_form(temp_login, temp_confirm), rules.NOT_CHANGED),
    }


def test_password_change_refuses_with_its_message_and_changes_nothing(
    at_step, customer_state, password_matches, journal
):
    persona, browser = at_step("pw")
    refusals = pw_refusals(persona)
    seen = {}
    for name, (form, problem) in refusals.items():
        assert problem is not None, name
        response = browser.post("/netbank/password", data=form)
        page = text(response)
        seen[name] = (
            response.status_code,
            'data-screen="S-PW"' in page,
            problem.message in page,
            customer_state(persona["customer_id"])["step"],
        )
    assert seen == dict.fromkeys(refusals, (200, True, True, "pw"))
    assert password_matches(persona, "login", persona["login_password"])
    assert password_matches(persona, "confirm", persona["confirm_password"])
    assert rules_refused(journal, persona) == [problem.rule for _, problem in refusals.values()]


def test_password_change_shows_a_problem_of_each_password_at_once(at_step):
    _, browser = at_step("pw")
    page = text(browser.post("/netbank/password", data=pw_form(login_pw="", confirm_pw="ｐａｓｓ")))
    assert "新しいログインパスワードを入力してください。" in page
    assert "新しい確認用パスワードは半角英数字で入力してください。" in page


def test_password_change_never_echoes_a_password(at_step):
    persona, browser = at_step("pw")
    page = text(browser.post("/netbank/password", data=pw_form(login_again="Hakkoda2026")))
    for secret in (NEW_LOGIN_PW, "Hakkoda2026", NEW_CONFIRM_PW, persona["login_password"]):
        assert secret not in page


def test_password_change_refuses_the_temp_passwords_swapped(at_step, customer_state):
    persona, browser = at_step("pw")
    swapped = pw_form(persona["confirm_password"], persona["login_password"])
    page = text(browser.post("/netbank/password", data=swapped))
    assert rules.NOT_CHANGED.message in page
    assert customer_state(persona["customer_id"])["step"] == "pw"


def test_password_change_cancel_changes_nothing_and_logs_the_customer_out(at_step, customer_state, password_matches):
    persona, browser = at_step("pw")
    response = browser.post("/netbank/password", data=pw_form(action="cancel"))
    assert response.location == "/netbank/"
    assert customer_state(persona["customer_id"])["step"] == "pw"
    assert password_matches(persona, "login", persona["login_password"])
    assert not password_matches(persona, "login", NEW_LOGIN_PW)
    assert browser.get("/netbank/password").location == "/netbank/login"


# ---------------------------------------------------------------- S-INFO お客さま情報登録 and S-INFO-OK


def nothing_registered(state: dict) -> bool:
    """The customer has no mail, phone or limits yet and メール通知パスワード has not started."""
    limits = [account["transfer_limit"] for account in state["accounts"]]
    return (state["mail"], state["tel"], state["mail_password_active"], state["step"], limits) == (
        None,
        None,
        False,
        "info",
        [None, None],
    )


def test_customer_info_has_a_limit_field_for_each_account(at_step):
    persona, browser = at_step("info")
    fields = limit_fields(browser)
    page = text(browser.get("/netbank/customer-registration"))
    assert len(fields) == len(persona["accounts"]) == 2
    for account in persona["accounts"]:
        assert f'限度額<span class="visually-hidden">（{account["kind"]} {account["number"]}）</span>' in page


def test_customer_info_checks_the_entries_and_saves_nothing_before_the_confirmation(at_step, customer_state):
    persona, browser = at_step("info")
    fields = limit_fields(browser)
    response = browser.post("/netbank/customer-registration", data=info_form(fields, "taro@example.jp", ("100", "70")))
    assert response.status_code == 302
    assert response.location == "/netbank/customer-registration/confirm"
    assert nothing_registered(customer_state(persona["customer_id"]))

    page = text(browser.get("/netbank/customer-registration/confirm"))
    assert 'data-screen="S-INFO-OK"' in page
    assert '<dd class="mail">taro@example.jp</dd>' in page
    assert '<dd class="tel">017-738-0000</dd>' in page
    ordinary, savings = persona["accounts"]
    assert f"<td>{ordinary['number']}</td><td>100万円</td>" in page
    assert f"<td>{savings['number']}</td><td>70万円</td>" in page

    back = text(browser.get("/netbank/customer-registration"))  # coming back keeps what was typed
    assert 'value="taro@example.jp"' in back and 'value="70"' in back


def test_customer_info_confirmed_registers_everything_and_starts_the_mail_password(at_step, customer_state, journal):
    persona, browser = at_step("info")
    response = register_info(browser, persona["confirm_password"], "hanako@example.jp", ("100", "70"))
    assert response.status_code == 302
    assert response.location == "/netbank/otp-application"
    state = customer_state(persona["customer_id"])
    assert (state["mail"], state["tel"], state["mail_password_active"], state["step"]) == (
        "hanako@example.jp",
        "017-738-0000",
        True,
        "otp",
    )
    assert [a["transfer_limit"] for a in state["accounts"]] == [100, 70]
    assert state["failed_attempts"] == 0
    assert [e["screen"] for e in journal(kind="screen", customer_id=persona["customer_id"])] == ["S-INFO-OK"]
    assert 'data-screen="S-OTPAPP"' in text(browser.get("/netbank/otp-application"))
    assert browser.get("/netbank/customer-registration").location == "/netbank/otp-application"


def info_refusals(fields: list[str], persona: dict) -> dict:
    """S-INFO forms each refused, with the problem the page must show."""
    ordinary = f"普通 {persona['accounts'][0]['number']}"
    savings = f"貯蓄 {persona['accounts'][1]['number']}"
    return {
        "mail empty": (info_form(fields, mail=""), rules.mail_address("", "")),
        "mail typed differently": (
            info_form(fields, mail_again="jiro@example.jp"),
            rules.mail_address("taro@example.jp", "jiro@example.jp"),
        ),
        "mail in another case": (
            info_form(fields, mail_again="Taro@example.jp"),
            rules.mail_address("taro@example.jp", "Taro@example.jp"),
        ),
        "mail malformed": (info_form(fields, mail="taro@@example.jp"), rules.mail_address("taro", "taro")),
        "mail full-width": (info_form(fields, mail="ｔａｒｏ@example.jp"), rules.mail_address("taro", "taro")),
        "phone partly filled": (info_form(fields, tel3=""), rules.phone_number(["017", "738", ""])),
        "phone full-width": (info_form(fields, tel1="０１７"), rules.phone_number(["０１７", "738", "0000"])),
        "phone 9 digits": (info_form(fields, tel3="000"), rules.phone_number(["017", "738", "000"])),
        "limit empty": (info_form(fields, limits=("", "70")), rules.transfer_limit("", ordinary, fields[0], False)),
        "limit 101": (info_form(fields, limits=("101", "70")), rules.transfer_limit("101", ordinary, fields[0], False)),
        "limit 300 without a card": (
            info_form(fields, limits=("100", "300")),
            rules.transfer_limit("300", savings, fields[1], False),
        ),
        "limit full-width": (
            info_form(fields, limits=("１００", "70")),
            rules.transfer_limit("１００", ordinary, fields[0], False),
        ),
        "limit decimal": (
            info_form(fields, limits=("100", "50.5")),
            rules.transfer_limit("50.5", savings, fields[1], False),
        ),
        "savings limit missing": (
            {k: v for k, v in info_form(fields).items() if k != fields[1]},
            rules.transfer_limit("", savings, fields[1], False),
        ),
    }


def test_customer_info_refuses_with_its_message_and_saves_nothing(at_step, customer_state, journal):
    persona, browser = at_step("info")
    fields = limit_fields(browser)
    refusals = info_refusals(fields, persona)
    seen = {}
    for name, (form, problem) in refusals.items():
        assert problem is not None, name
        response = browser.post("/netbank/customer-registration", data=form)
        page = text(response)
        seen[name] = (
            response.status_code,
            'data-screen="S-INFO"' in page,
            problem.message in page,
            nothing_registered(customer_state(persona["customer_id"])),
            browser.get("/netbank/customer-registration/confirm").location,
        )
    assert seen == dict.fromkeys(refusals, (200, True, True, True, "/netbank/customer-registration"))
    assert rules_refused(journal, persona) == [problem.rule for _, problem in refusals.values()]


def test_customer_info_names_the_account_whose_limit_is_refused(at_step):
    persona, browser = at_step("info")
    fields = limit_fields(browser)
    page = text(browser.post("/netbank/customer-registration", data=info_form(fields, limits=("101", "abc"))))
    for account in persona["accounts"]:
        assert f"{account['kind']} {account['number']}の限度額は0～100万円の半角数字で入力してください。" in page


def test_a_card_holder_may_set_300_but_not_301(at_step, customer_state):
    persona, browser = at_step("info", otp_card=True)
    fields = limit_fields(browser)
    ordinary = f"普通 {persona['accounts'][0]['number']}"
    page = text(browser.post("/netbank/customer-registration", data=info_form(fields, limits=("301", "70"))))
    assert rules.transfer_limit("301", ordinary, fields[0], True).message in page
    assert "ワンタイムパスカードをご利用の場合、1口座あたりの上限は300万円です。" in page

    assert browser.post("/netbank/customer-registration", data=info_form(fields, limits=("300", "0"))).location == (
        "/netbank/customer-registration/confirm"
    )
    assert f"<td>{persona['accounts'][0]['number']}</td><td>300万円</td>" in text(
        browser.get("/netbank/customer-registration/confirm")
    )
    right = {"ack": "on", "confirm_pw": persona["confirm_password"]}
    confirm = browser.post("/netbank/customer-registration/confirm", data=right)
    assert confirm.location == "/netbank/otp-application"
    assert [a["transfer_limit"] for a in customer_state(persona["customer_id"])["accounts"]] == [300, 0]


def test_a_wrong_confirm_password_counts_and_saves_nothing(at_step, customer_state, journal):
    persona, browser = at_step("info")
    fields = limit_fields(browser)
    browser.post("/netbank/customer-registration", data=info_form(fields))
    wrong = {"ack": "on", "confirm_pw": persona["login_password"]}  # the other password
    response = browser.post("/netbank/customer-registration/confirm", data=wrong)
    page = text(response)
    assert response.status_code == 200
    assert 'data-screen="S-INFO-OK"' in page
    assert rules.CONFIRM_PW_MISMATCH.message in page
    state = customer_state(persona["customer_id"])
    assert (state["failed_attempts"], state["locked"]) == (1, False)
    assert nothing_registered(state)
    assert rules_refused(journal, persona) == ["R-CONFIRM-PW"]


def test_the_right_confirm_password_after_wrong_ones_registers_and_clears_the_count(at_step, customer_state):
    persona, browser = at_step("info")
    browser.post("/netbank/customer-registration", data=info_form(limit_fields(browser)))
    for _ in range(4):
        browser.post("/netbank/customer-registration/confirm", data={"ack": "on", "confirm_pw": "Wrong1234"})
    assert customer_state(persona["customer_id"])["failed_attempts"] == 4
    right = {"ack": "on", "confirm_pw": persona["confirm_password"]}
    assert browser.post("/netbank/customer-registration/confirm", data=right).location == "/netbank/otp-application"
    state = customer_state(persona["customer_id"])
    assert (state["failed_attempts"], state["step"]) == (0, "otp")


def test_five_wrong_confirm_passwords_lock_the_customer_and_save_nothing(at_step, customer_state, journal):
    persona, browser = at_step("info")
    browser.post("/netbank/customer-registration", data=info_form(limit_fields(browser)))
    for attempt in range(1, 6):
        page = text(
            browser.post("/netbank/customer-registration/confirm", data={"ack": "on", "confirm_pw": "Wrong1234"})
        )
        expected = rules.LOCKED if attempt == 5 else rules.CONFIRM_PW_MISMATCH
        assert expected.message in page, attempt
    state = customer_state(persona["customer_id"])
    assert (state["locked"], state["failed_attempts"]) == (True, 5)
    assert nothing_registered(state)
    assert [(e["screen"], e["rule"]) for e in journal(kind="lockout", customer_id=persona["customer_id"])] == [
        ("S-INFO-OK", "R-LOCKOUT")
    ]
    right = {"ack": "on", "confirm_pw": persona["confirm_password"]}
    page = text(browser.post("/netbank/customer-registration/confirm", data=right, follow_redirects=True))
    assert rules.LOCKED.message in page  # the lock ended the session; the login screen says why
    assert nothing_registered(customer_state(persona["customer_id"]))


def test_the_confirmation_wants_the_acknowledgement_and_a_confirm_password(at_step, customer_state, journal):
    persona, browser = at_step("info")
    browser.post("/netbank/customer-registration", data=info_form(limit_fields(browser)))
    no_ack = text(
        browser.post("/netbank/customer-registration/confirm", data={"confirm_pw": persona["confirm_password"]})
    )
    assert rules.acknowledged(False).message in no_ack
    empty_pw = text(browser.post("/netbank/customer-registration/confirm", data={"ack": "on", "confirm_pw": ""}))
    assert rules.confirm_password_entry("").message in empty_pw
    state = customer_state(persona["customer_id"])
    assert nothing_registered(state) and state["failed_attempts"] == 0
    assert rules_refused(journal, persona) == ["R-ID-ACK", "R-CONFIRM-PW"]


def test_the_confirmation_cancel_saves_nothing_sends_no_mail_and_logs_out(at_step, customer_state, control, journal):
    persona, browser = at_step("info")
    browser.post("/netbank/customer-registration", data=info_form(limit_fields(browser), mail="cancel@example.jp"))
    form = {"ack": "on", "confirm_pw": persona["confirm_password"], "action": "cancel"}
    response = browser.post("/netbank/customer-registration/confirm", data=form)
    assert response.location == "/netbank/"
    assert nothing_registered(customer_state(persona["customer_id"]))
    assert control.get("/_control/mail", query_string={"to": "cancel@example.jp"}).get_json() == []
    assert [e for e in journal(kind="mail") if e["detail"]["to"] == "cancel@example.jp"] == []
    assert browser.get("/netbank/customer-registration/confirm").location == "/netbank/login"


def test_a_zero_limit_is_registered_and_the_top_page_says_no_transfers_from_that_account(app, at_step, customer_state):
    persona, browser = at_step("info")
    assert register_info(browser, persona["confirm_password"], limits=("0", "70")).location == (
        "/netbank/otp-application"
    )
    assert [a["transfer_limit"] for a in customer_state(persona["customer_id"])["accounts"]] == [0, 70]
    with app.app_context():  # ワンタイムパスワード利用申請 is not built yet: finish onboarding in the database
        db.session.get(Customer, persona["customer_id"]).step = "done"
        db.session.commit()
    page = text(browser.get("/netbank/home"))
    assert 'data-screen="S-HOME"' in page
    assert page.count("0万円（この口座からの振込・振替はできません）") == 1
    assert '<td class="limit">70万円</td>' in page


def test_select_email_changes_what_customer_info_shows(at_step, customer_state):
    persona, browser = at_step("info")
    assert '<dd class="select-email">利用中</dd>' in text(browser.get("/netbank/customer-registration"))
    assert 'data-screen="S-INFO"' in text(browser.get("/netbank/select-email"))
    for choice, shown in (("not_use", "利用しない"), ("use", "利用中")):
        response = browser.post("/netbank/select-email", data={"select_email": choice})
        assert response.location == "/netbank/customer-registration"
        assert f'<dd class="select-email">{shown}</dd>' in text(browser.get("/netbank/customer-registration"))
        assert customer_state(persona["customer_id"])["select_email"] is True  # kept with the entries, not saved


def test_select_email_is_saved_with_the_registration_and_not_after_cancelling(at_step, customer_state):
    for action, saved in (("register", False), ("cancel", True)):
        persona, browser = at_step("info")
        browser.post("/netbank/select-email", data={"select_email": "not_use"})
        browser.post("/netbank/customer-registration", data=info_form(limit_fields(browser)))
        browser.post(
            "/netbank/customer-registration/confirm",
            data={"ack": "on", "confirm_pw": persona["confirm_password"], "action": action},
        )
        assert customer_state(persona["customer_id"])["select_email"] is saved, action


def test_the_confirmation_shows_the_select_email_choice(at_step):
    _, browser = at_step("info")
    browser.post("/netbank/select-email", data={"select_email": "not_use"})
    browser.post("/netbank/customer-registration", data=info_form(limit_fields(browser)))
    assert '<dd class="select-email">利用しない</dd>' in text(browser.get("/netbank/customer-registration/confirm"))


# ---------------------------------------------------------------- never a 500

LONG = "a1" * 5_000
FIELDS = (
    "question1",
    "question2",
    "question3",
    "answer1",
    "answer2",
    "answer3",
    "ack",
    "action",
    "login_pw",
    "login_pw_again",
    "confirm_pw",
    "confirm_pw_again",
    "mail",
    "mail_again",
    "tel1",
    "tel2",
    "tel3",
    "select_email",
)


def garbage(limits: list[str]) -> dict:
    """Forms no browser would post: missing fields, 10,000 characters, odd unicode, lists."""
    every = (*FIELDS, *limits)
    return {
        "no fields": {},
        "only an action": {"action": "register"},
        "10,000 characters": dict.fromkeys(every, LONG),
        "10,000 kanji": dict.fromkeys(("answer1", "login_pw", "mail", "tel1", "confirm_pw", limits[0]), "漢" * 10**4),
        "unicode": dict.fromkeys(every, "🏦ｱ\u200bé\x00\r\n<script>'\"\u3000"),
        "lists": {k: ["１", "2"] for k in every},
        "good questions, a huge answer": {**qa_form(answers=("あ" * 10_000, "い", "う")), limits[0]: "-0"},
        "digits with a sign or space": {**dict.fromkeys(limits, "+50"), "tel1": "٠١٧", "tel2": "７３８", "tel3": " 0"},
    }


RAW_BODIES = {
    "empty body": (b"", "application/x-www-form-urlencoded"),
    "bad utf-8": (b"mail=%ff%fe&answer1=\xff\xfe&confirm_pw=\xc3&ack=on", "application/x-www-form-urlencoded"),
    "json": (b'{"mail": "taro@example.jp"}', "application/json"),
    "no content type": (b"mail=taro@example.jp", None),
    "broken multipart": (b"--xx\r\nContent-Disposition: form-data", "multipart/form-data; boundary=xx"),
}


def test_no_setup_screen_ever_answers_500_to_garbage(app, at_step):
    personas = {step: at_step(step) for step in ("qa", "pw", "info")}
    _, confirm_browser = at_step("info")
    fields = limit_fields(confirm_browser)
    assert confirm_browser.post("/netbank/customer-registration", data=info_form(fields)).location.endswith("/confirm")
    browsers = {  # the redirects of the other steps and of strangers are covered above
        ("/netbank/secret-qa", "qa"): lambda: log_in(app, personas["qa"][0]),
        ("/netbank/password", "pw"): lambda: log_in(app, personas["pw"][0]),
        ("/netbank/customer-registration", "info"): lambda: log_in(app, personas["info"][0]),
        ("/netbank/select-email", "info"): lambda: log_in(app, personas["info"][0]),
        ("/netbank/customer-registration/confirm", "info with entries checked"): lambda: confirm_browser,
    }
    posts = [(name, {"data": form}) for name, form in garbage(fields).items()]
    posts += [(name, {"data": body, "content_type": kind}) for name, (body, kind) in RAW_BODIES.items()]
    statuses = {}
    for (route, who), browser_for in browsers.items():
        for name, post in posts:
            browser = browser_for()
            statuses[route, who, name] = browser.post(route, **post).status_code
        statuses[route, who, "GET"] = browser_for().get(route, query_string={"x": LONG}).status_code
    assert len(statuses) == len(browsers) * (len(posts) + 1)
    assert {key: status for key, status in statuses.items() if status not in (200, 302)} == {}
    reached = {
        key[2]
        for key, status in statuses.items()
        if key[0] == "/netbank/customer-registration/confirm" and status == 200
    }
    assert len(reached) == len(posts) + 1  # the checked entries stayed: every post reached the confirmation itself


def test_customer_info_refuses_a_limit_of_ten_thousand_digits_without_a_500(at_step):
    _, browser = at_step("info")
    fields = limit_fields(browser)
    response = browser.post("/netbank/customer-registration", data=info_form(fields, limits=("1" * 10_000, "70")))
    assert response.status_code == 200
