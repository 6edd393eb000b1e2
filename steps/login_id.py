"""Steps on S-ID ログインID取得 (P6): the login ID the customer chooses, typed twice."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from pages.login_id import LoginIdPage
from steps.common import held, opened, password_for


@given("お客様情報入力を済ませている")
def past_customer_info(world, phone, base_url, persona):
    opened(world, phone, base_url, persona, LoginIdPage, role="applicant")


@when(parsers.re(r"ログインID「(?P<login_id>.*)」を2回入力してID登録実行する"))
def register_login_id(phone, login_id):
    phone.screen(LoginIdPage).register(login_id, login_id)


@when(parsers.re(r"ログインID「(?P<login_id>.*)」と確認用に「(?P<again>.*)」を入力してID登録実行する"))
def register_login_id_differently(phone, login_id, again):
    phone.screen(LoginIdPage).register(login_id, again)


@when(
    parsers.re(r"ログインIDに(?P<which>仮ログインパスワード|仮確認用パスワード)と同じ文字列を2回入力してID登録実行する")
)
def register_password_as_login_id(phone, persona, which):
    phone.screen(LoginIdPage).register(password_for(which, persona), password_for(which, persona))


@then(parsers.re(r"ログインID「(?P<login_id>.+)」が登録されている"))
def login_id_registered(world, persona, login_id):
    assert held(world, persona, "login_id") == login_id


@then("ログインIDは登録されていない")
def login_id_not_registered(world, persona):
    assert held(world, persona, "login_id", "step") == (None, "login_id")
