"""Steps on S-PW パスワード変更 (P9): a new contract replaces both temp passwords."""

from __future__ import annotations

from pytest_bdd import parsers, then, when

from pages.password_change import PasswordChangePage
from steps.common import held

GOOD_LOGIN_PW, GOOD_CONFIRM_PW = "Hakkoda2025", "Oirase2025"
GOOD = (GOOD_LOGIN_PW, GOOD_LOGIN_PW, GOOD_CONFIRM_PW, GOOD_CONFIRM_PW)  # each new password, then again


def good_passwords(kind: str, first: str, again: str) -> list[str]:
    """Both new passwords typed twice, well formed, but for `kind` typed as `first` and `again`."""
    values = list(GOOD)
    at = 0 if kind == "ログインパスワード" else 2
    values[at : at + 2] = [first, again]
    return values


SAME_VALUES = {
    "新しいログインパスワードと新しい確認用パスワードに同じ文字列": lambda p: (GOOD_LOGIN_PW, GOOD_LOGIN_PW),
    "新しいログインパスワードにログインIDと同じ文字列": lambda p: (p["login_id"], GOOD_CONFIRM_PW),
    "新しい確認用パスワードにログインIDと同じ文字列": lambda p: (GOOD_LOGIN_PW, p["login_id"]),
    "新しいログインパスワードに仮ログインパスワードと同じ文字列": lambda p: (p["login_password"], GOOD_CONFIRM_PW),
}


def twice(login: str, confirm: str) -> tuple[str, str, str, str]:
    """The new login password and the new confirm password, each typed twice alike."""
    return login, login, confirm, confirm


@when("パスワード変更画面へ進もうとする")
def try_password_change(phone):
    phone.opened(PasswordChangePage)


@when(
    parsers.re(
        r"新しいログインパスワード「(?P<login>.*)」と新しい確認用パスワード「(?P<confirm>.*)」を2回ずつ入力して変更を確定する"
    ),
    target_fixture="new_passwords",
)
def change_passwords(phone, login, confirm):
    phone.screen(PasswordChangePage).change(*twice(login, confirm))
    return {"login": login, "confirm": confirm}


@when(
    parsers.re(
        r"新しい(?P<kind>ログインパスワード|確認用パスワード)に「(?P<pw>.*)」を2回入力し、ほかは正しく入力して変更を確定する"
    )
)
def change_one_password(phone, kind, pw):
    phone.screen(PasswordChangePage).change(*good_passwords(kind, pw, pw))


@when(
    parsers.re(
        r"新しい(?P<kind>ログインパスワード|確認用パスワード)に「(?P<pw>.*)」と確認用に「(?P<again>.*)」を入力し、"
        r"ほかは正しく入力して変更を確定する"
    )
)
def change_with_second_entry(phone, kind, pw, again):
    phone.screen(PasswordChangePage).change(*good_passwords(kind, pw, again))


@when(parsers.re(r"(?P<case>" + "|".join(SAME_VALUES) + r")を入力して変更を確定する"))
def change_to_same_values(phone, persona, case):
    phone.screen(PasswordChangePage).change(*twice(*SAME_VALUES[case](persona)))


@when("新しいパスワードを入力してから中止する")
def passwords_then_cancel(phone):
    phone.screen(PasswordChangePage).cancel(*GOOD)


@then("パスワードは入力した新しいパスワードに変更されている")
def passwords_changed(world, persona, new_passwords):
    cid = persona["customer_id"]
    assert not world.password_matches(cid, "login", persona["login_password"])
    assert not world.password_matches(cid, "confirm", persona["confirm_password"])
    assert world.password_matches(cid, "login", new_passwords["login"])
    assert world.password_matches(cid, "confirm", new_passwords["confirm"])
    assert held(world, persona, "step") == "info"


@then("パスワードは変更されていない")
def passwords_unchanged(world, persona):
    cid = persona["customer_id"]
    assert world.password_matches(cid, "login", persona["login_password"])
    assert world.password_matches(cid, "confirm", persona["confirm_password"])
    assert held(world, persona, "step") == "pw"
