"""Steps on S-ID-DONE ログインID取得完了 (P6): the masked ID, 確認しました。 and 初回ログイン."""

from __future__ import annotations

from pytest_bdd import parsers, then, when

from pages.login_id_done import LoginIdDonePage


@when(parsers.re(r"「確認しました。」にチェックをつけ(?P<how>ずに|て)初回ログインを押す"))
def go_to_first_login(phone, how):
    phone.screen(LoginIdDonePage).go_to_first_login(acknowledged=how == "て")


@then("ログインIDの取得が完了したと表示される")
def login_id_done_shown(phone):
    phone.screen(LoginIdDonePage).expect_done()


@then(parsers.re(r"ログインIDは「(?P<masked>\*+)」と伏せて表示され「(?P<login_id>.+)」は画面に出ない"))
def login_id_masked(phone, masked, login_id):
    phone.screen(LoginIdDonePage).expect_masked(masked, login_id)
