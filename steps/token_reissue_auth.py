"""Steps on S-REISSUE-AUTH トークン再発行：認証方法選択 (P20): the two ways in, then ログインID and ログインパスワード."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from pages.phones import named
from pages.token_reissue_auth import FaqPage, TokenReissueAuthPage
from pages.top import GuidePage
from steps.codes import PHONE

WRONG = {"誤ったログインパスワード": "login_password", "誤ったログインID": "login_id"}


def wrong(persona: dict, which: str) -> tuple[str, str]:
    """The customer's ID and password with `which` of them wrong (well-formed, 半角英数字)."""
    login_id, password = persona["login_id"], persona["login_password"]
    if WRONG[which] == "login_id":
        return "nobody2025", password
    return login_id, "Wrong2025x"


@when(parsers.re(rf"{PHONE}でつないでネ！ットご利用案内の「機種変更をしたお客さま」をタップする"))
def change_device_entry(phones, label, kind):
    named(phones, label, kind).opened(GuidePage).choose("機種変更をしたお客さま")


@given("つないでネ！ット よくあるご質問の「トークン再発行のお申込み」をタップする")
@when("つないでネ！ット よくあるご質問の「トークン再発行のお申込み」をタップする")
def faq_entry(phone):
    phone.opened(FaqPage).apply_for_reissue()


@when(parsers.re(rf"{PHONE}で「ログインIDを入力する」を選び、ログインIDとログインパスワードを入力して次へ進む"))
def authenticate_on(phones, persona, label, kind):
    named(phones, label, kind).screen(TokenReissueAuthPage).authenticate(persona["login_id"], persona["login_password"])


@given("「ログインIDを入力する」を選び、ログインIDとログインパスワードを入力して次へ進む")
@when("「ログインIDを入力する」を選び、ログインIDとログインパスワードを入力して次へ進む")
def authenticate(phone, persona):
    phone.screen(TokenReissueAuthPage).authenticate(persona["login_id"], persona["login_password"])


@when(parsers.re(r"「ログインIDを入力する」を選び、(?P<which>誤ったログインパスワード|誤ったログインID)で次へ進む"))
def authenticate_wrong(phone, persona, which):
    phone.screen(TokenReissueAuthPage).authenticate(*wrong(persona, which))


@when("正しいログインIDとログインパスワードを入力し直して次へ進む")
def authenticate_again(phone, persona):
    phone.screen(TokenReissueAuthPage).authenticate_again(persona["login_id"], persona["login_password"])


@then("認証方法選択の画面で「ログインIDを入力する」が選べる")
def choice_shown(phone):
    phone.screen(TokenReissueAuthPage).expect_choice()


@then(parsers.re(r"トークン再発行の認証画面に「(?P<message>[^」]+)」と表示される"))
def refused_with(phone, message):
    phone.screen(TokenReissueAuthPage).expect_told(message)


@then("トークン再発行の認証画面のままで、どちらが誤っているかは示されない")
def refused_without_hint(phone):
    phone.screen(TokenReissueAuthPage).expect_refused()
