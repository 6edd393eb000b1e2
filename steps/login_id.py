"""Steps on S-ID ログインID取得 and S-ID-DONE ログインID取得完了 (P6)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from pages.login_id import LoginIdDonePage, LoginIdPage
from steps.common import logged_in, password_for


@pytest.fixture
def login_id_page(page: Page) -> LoginIdPage:
    """ログインID取得 (S-ID) on the scenario's phone."""
    return LoginIdPage(page)


@pytest.fixture
def login_id_done_page(page: Page) -> LoginIdDonePage:
    """ログインID取得完了 (S-ID-DONE) on the scenario's phone."""
    return LoginIdDonePage(page)


@given("お客様情報入力を済ませている")
def past_customer_info(world, persona, context, base_url, login_id_page):
    logged_in(world, context, base_url, persona, role="applicant")
    login_id_page.open()


@when(parsers.re(r"ログインID「(?P<login_id>.*)」を2回入力してID登録実行する"))
def register_login_id(login_id_page, login_id):
    login_id_page.register(login_id, login_id)


@when(parsers.re(r"ログインID「(?P<login_id>.*)」と確認用に「(?P<again>.*)」を入力してID登録実行する"))
def register_login_id_differently(login_id_page, login_id, again):
    login_id_page.register(login_id, again)


@when(
    parsers.re(r"ログインIDに(?P<which>仮ログインパスワード|仮確認用パスワード)と同じ文字列を2回入力してID登録実行する")
)
def register_password_as_login_id(login_id_page, persona, which):
    value = password_for(which, persona)
    login_id_page.register(value, value)


@when(parsers.re(r"「確認しました。」にチェックをつけ(?P<how>ずに|て)初回ログインを押す"))
def go_to_first_login(login_id_done_page, how):
    login_id_done_page.go_to_first_login(acknowledged=how == "て")


@then("ログインIDの取得が完了したと表示される")
def login_id_done_shown(login_id_done_page):
    expect(login_id_done_page.done).to_be_visible()


@then(parsers.re(r"ログインIDは「(?P<masked>\*+)」と伏せて表示され「(?P<login_id>.+)」は画面に出ない"))
def login_id_masked(login_id_done_page, masked, login_id):
    expect(login_id_done_page.masked_id).to_have_text(masked)
    expect(login_id_done_page.everything).not_to_contain_text(login_id)


@then(parsers.re(r"ログインID「(?P<login_id>.+)」が登録されている"))
def login_id_registered(world, persona, login_id):
    assert world.customer(persona["customer_id"])["login_id"] == login_id


@then("ログインIDは登録されていない")
def login_id_not_registered(world, persona):
    held = world.customer(persona["customer_id"])
    assert (held["login_id"], held["step"]) == (None, "login_id")
