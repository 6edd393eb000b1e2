"""Steps for a new contract's initial set-up: 追加認証登録, パスワード変更, お客さま情報登録 (P8–P11)."""
from __future__ import annotations

import re

from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from steps.common import logged_in, password_for

GOOD_QA = [
    ("卒業した小学校は？（例：〇〇小学校）", "青森小学校"),
    ("卒業した中学校は？（例：〇〇中学校）", "青森中学校"),
    ("出身地は？（例：〇〇県〇〇市）", "青森市"),
]
GOOD_LOGIN_PW, GOOD_CONFIRM_PW = "Hakkoda2025", "Oirase2025"
GOOD_MAIL, GOOD_TEL = "taro@example.jp", ["017", "738", "0000"]


# Personas at each step, and their screens


@given(parsers.re(r"(?P<card>ワンタイムパスカードをお持ちで)?(?P<done>初回ログイン|追加認証登録|パスワード変更)を済ませた新規契約のお客さまがいる"),
       target_fixture="persona")
def new_contract_at_step(world, done, card):
    step = {"初回ログイン": "qa", "追加認証登録": "pw", "パスワード変更": "info"}[done]
    return world.persona("new", step=step, otp_card=bool(card))


@given(parsers.re(r"(?P<screen>追加認証登録|パスワード変更|お客さま情報登録)画面を開いている"))
def screen_open(world, context, base_url, persona, screen, secret_qa_page, password_change_page, registration_page):
    logged_in(world, context, base_url, persona)
    {"追加認証登録": secret_qa_page, "パスワード変更": password_change_page, "お客さま情報登録": registration_page}[screen].open()


@when(parsers.re(r"(?P<screen>パスワード変更|お客さま情報登録)画面へ進もうとする"))
def open_directly(screen, password_change_page, registration_page):
    {"パスワード変更": password_change_page, "お客さま情報登録": registration_page}[screen].open()


# S-QA 追加認証登録


@when("次の秘密の質問と回答を登録する", target_fixture="typed_qa")
def register_qa_table(secret_qa_page, datatable):
    pairs = [tuple(row) for row in datatable[1:]]
    secret_qa_page.register(pairs)
    return pairs


@when(parsers.re(r"質問(?P<n>\d)を選ばずに、ほかは正しく入力して登録を確定する"))
def register_without_question(secret_qa_page, n):
    pairs = list(GOOD_QA)
    pairs[int(n) - 1] = ("", pairs[int(n) - 1][1])
    secret_qa_page.register(pairs)


@when(parsers.re(r"回答(?P<n>\d)に「(?P<answer>.*)」と入力し、ほかは正しく入力して登録を確定する"))
def register_with_answer(secret_qa_page, n, answer):
    pairs = list(GOOD_QA)
    pairs[int(n) - 1] = (pairs[int(n) - 1][0], answer)
    secret_qa_page.register(pairs)


@when("「確認しました。」にチェックをつけずに秘密の質問と回答を登録する")
def register_qa_unacknowledged(secret_qa_page):
    secret_qa_page.register(GOOD_QA, acknowledged=False)


@when("秘密の質問と回答を入力してから中止する")
def qa_then_cancel(secret_qa_page):
    secret_qa_page.fill(GOOD_QA)
    secret_qa_page.cancel()


@then("秘密の質問が3つ登録されている")
def qa_registered(world, persona):
    held = world.customer(persona["customer_id"])
    assert (len(held["secret_questions"]), held["step"]) == (3, "pw")


@then("回答は入力した通りに登録され、文字の種類が違う回答とは一致しない")
def answers_exact(world, persona, typed_qa):
    answers = [answer for _, answer in typed_qa]
    for question, answer in typed_qa:
        assert world.answer_matches(persona["customer_id"], question, answer), answer
        for other in answers:
            if other != answer:
                assert not world.answer_matches(persona["customer_id"], question, other), (answer, other)


@then("秘密の質問は登録されていない")
def qa_not_registered(world, persona):
    held = world.customer(persona["customer_id"])
    assert (held["secret_questions"], held["step"]) == ([], "qa")


# S-PW パスワード変更


@when(parsers.re(r"新しいログインパスワード「(?P<login>.*)」と新しい確認用パスワード「(?P<confirm>.*)」を2回ずつ入力して変更を確定する"))
def change_passwords(password_change_page, login, confirm):
    password_change_page.change(login, login, confirm, confirm)


@when(parsers.re(r"新しい(?P<kind>ログインパスワード|確認用パスワード)に「(?P<pw>.*)」を2回入力し、ほかは正しく入力して変更を確定する"))
def change_one_password(password_change_page, kind, pw):
    values = [GOOD_LOGIN_PW, GOOD_LOGIN_PW, GOOD_CONFIRM_PW, GOOD_CONFIRM_PW]
    at = 0 if kind == "ログインパスワード" else 2
    values[at:at + 2] = [pw, pw]
    password_change_page.change(*values)


@when(parsers.re(r"新しい(?P<kind>ログインパスワード|確認用パスワード)に「(?P<pw>.*)」と確認用に「(?P<again>.*)」を入力し、ほかは正しく入力して変更を確定する"))
def change_with_second_entry(password_change_page, kind, pw, again):
    values = [GOOD_LOGIN_PW, GOOD_LOGIN_PW, GOOD_CONFIRM_PW, GOOD_CONFIRM_PW]
    at = 0 if kind == "ログインパスワード" else 2
    values[at:at + 2] = [pw, again]
    password_change_page.change(*values)


SAME_VALUES = {
    "新しいログインパスワードと新しい確認用パスワードに同じ文字列": lambda p: (GOOD_LOGIN_PW, GOOD_LOGIN_PW),
    "新しいログインパスワードにログインIDと同じ文字列": lambda p: (p["login_id"], GOOD_CONFIRM_PW),
    "新しい確認用パスワードにログインIDと同じ文字列": lambda p: (GOOD_LOGIN_PW, p["login_id"]),
    "新しいログインパスワードに仮ログインパスワードと同じ文字列": lambda p: (p["login_password"], GOOD_CONFIRM_PW),
}


@when(parsers.re(r"(?P<case>" + "|".join(SAME_VALUES) + r")を入力して変更を確定する"))
def change_to_same_values(password_change_page, persona, case):
    login, confirm = SAME_VALUES[case](persona)
    password_change_page.change(login, login, confirm, confirm)


@when("新しいパスワードを入力してから中止する")
def passwords_then_cancel(password_change_page):
    for box, value in ((password_change_page.login_pw, GOOD_LOGIN_PW), (password_change_page.confirm_pw, GOOD_CONFIRM_PW)):
        box.fill(value)
    password_change_page.cancel()


@then("パスワードは仮パスワードから変更されている")
def passwords_changed(world, persona):
    cid = persona["customer_id"]
    assert not world.password_matches(cid, "login", persona["login_password"])
    assert world.password_matches(cid, "login", GOOD_LOGIN_PW)
    assert world.password_matches(cid, "confirm", GOOD_CONFIRM_PW)
    assert world.customer(cid)["step"] == "info"


@then("パスワードは変更されていない")
def passwords_unchanged(world, persona):
    cid = persona["customer_id"]
    assert world.password_matches(cid, "login", persona["login_password"])
    assert world.password_matches(cid, "confirm", persona["confirm_password"])
    assert world.customer(cid)["step"] == "pw"


# S-INFO お客さま情報登録 and S-INFO-OK


def enter_info(page, persona, mail=GOOD_MAIL, mail_again=None, tel=GOOD_TEL, limits=("100", "70")) -> None:
    """Fill お客さま情報登録 with the persona's accounts and tap 確認画面へ."""
    accounts = {(a["kind"], a["number"]): value for a, value in zip(persona["accounts"], limits)}
    page.enter(mail, mail if mail_again is None else mail_again, tel, accounts)


@when(parsers.re(r"メールアドレス「(?P<mail>.+)」、連絡先電話番号「(?P<tel>.+)」、限度額「(?P<l1>\d+)」万円と「(?P<l2>\d+)」万円を入力して確認画面へ進む"))
def enter_everything(registration_page, persona, mail, tel, l1, l2):
    enter_info(registration_page, persona, mail=mail, tel=tel.split("-", 2), limits=(l1, l2))


@when(parsers.re(r"メールアドレスに「(?P<mail>.*)」、確認用に「(?P<again>.*)」を入力し、ほかは正しく入力して確認画面へ進む"))
def enter_mail(registration_page, persona, mail, again):
    enter_info(registration_page, persona, mail=mail, mail_again=again)


@when(parsers.re(r"連絡先電話番号に「(?P<tel>.*)」を入力し、ほかは正しく入力して確認画面へ進む"))
def enter_tel(registration_page, persona, tel):
    parts = [] if tel == "（空欄）" else tel.split("-", 2)
    enter_info(registration_page, persona, tel=(parts + ["", "", ""])[:3])


@when(parsers.re(r"普通預金の限度額に「(?P<limit>.*)」を入力し、ほかは正しく入力して確認画面へ進む"))
def enter_limit(registration_page, persona, limit):
    registration_page.open()
    enter_info(registration_page, persona, limits=(limit, "70"))


@when("正しく入力して確認画面へ進む")
def enter_good_info(registration_page, persona):
    enter_info(registration_page, persona)


@when(parsers.re(r"「確認しました。」にチェックをつけ、(?P<phrase>.+)を入力して登録を確定する"))
def confirm_registration(registration_confirm_page, persona, phrase):
    registration_confirm_page.confirm(password_for(phrase, persona))


@when("「確認しました。」にチェックをつけずに、確認用パスワードを入力して登録を確定する")
def confirm_unacknowledged(registration_confirm_page, persona):
    registration_confirm_page.confirm(persona["confirm_password"], acknowledged=False)


@when(parsers.re(r"誤った確認用パスワードで(?P<times>\d+)回続けて登録を確定する"))
def confirm_wrong_times(registration_confirm_page, persona, times):
    for _ in range(int(times)):
        registration_confirm_page.confirm(password_for("誤った確認用パスワード", persona))
        expect(registration_confirm_page.page.get_by_role("alert")).to_be_visible()


@when("確認画面で中止する")
def cancel_confirmation(registration_confirm_page):
    registration_confirm_page.cancel()


@when(parsers.re(r"セレクトEメールサービス設定を「(?P<value>利用する|利用しない)」に変更する"))
def change_select_email(registration_page, value):
    registration_page.set_select_email(use=value == "利用する")


@then(parsers.re(r"確認画面にメールアドレス「(?P<mail>.+)」と連絡先電話番号「(?P<tel>.+)」が表示される"))
def confirmation_shows(registration_confirm_page, mail, tel):
    expect(registration_confirm_page.mail).to_have_text(mail)
    expect(registration_confirm_page.tel).to_have_text(tel)


@then(parsers.re(r"確認画面に普通預金の限度額「(?P<text>.+)」が表示される"))
def confirmation_shows_limit(registration_confirm_page, text):
    row = registration_confirm_page.limits.get_by_role("row").filter(has_text="普通")
    expect(row.get_by_role("cell").last).to_have_text(re.compile("^" + re.escape(text)))  # 0万円 is not 100万円


@then("お客さま情報が登録され、メール通知パスワードが開始されている")
def info_registered(world, persona):
    held = world.customer(persona["customer_id"])
    assert (held["mail"], held["tel"], held["mail_password_active"], held["step"]) == (
        GOOD_MAIL, "017-738-0000", True, "otp")
    assert [a["transfer_limit"] for a in held["accounts"]] == [100, 70]


@then("お客さま情報は登録されていない")
def info_not_registered(world, persona):
    held = world.customer(persona["customer_id"])
    assert (held["mail"], held["mail_password_active"], held["step"]) == (None, False, "info")
    assert [a["transfer_limit"] for a in held["accounts"]] == [None, None]


@then(parsers.re(r"普通預金について「(?P<message>.+)」と表示される"))
def limit_message(page: Page, persona, message):
    ordinary = next(a for a in persona["accounts"] if a["kind"] == "普通")
    expect(page.get_by_role("alert")).to_contain_text(f"普通 {ordinary['number']}の{message}")


@then("セレクトEメールサービスを利用しないと登録されている")
def select_email_registered_off(world, persona):
    held = world.customer(persona["customer_id"])
    assert (held["select_email"], held["step"]) == (False, "otp")


@then("セレクトEメールサービスは利用中のままである")
def select_email_unchanged(world, persona):
    held = world.customer(persona["customer_id"])
    assert (held["select_email"], held["step"]) == (True, "info")


@then("お客さま情報登録画面のままである")
def still_on_registration(page: Page):
    expect(page.get_by_role("heading", level=1, name="お客さま情報登録")).to_be_visible()
    expect(page.get_by_role("contentinfo")).to_have_text("画面ID : S-INFO")


@then(parsers.re(r"セレクトEメールサービス設定は「(?P<value>.+)」と表示される"))
def select_email_shows(registration_page, value):
    expect(registration_page.select_email_status).to_have_text(value)
