"""The manual's rules as pure functions: each boundary, with the exact rule ID and message."""

from __future__ import annotations

import dataclasses

import pytest

from mockbank import rules
from mockbank.rules import Problem

BRANCH_EMPTY = Problem("R-ACCT-BRANCH", "店番を入力してください。", "branch")
BRANCH_FORMAT = Problem("R-ACCT-BRANCH", "店番は半角数字3桁で入力してください。", "branch")
ACCOUNT_EMPTY = Problem("R-ACCT-NO", "口座番号を入力してください。", "account")
ACCOUNT_FORMAT = Problem(
    "R-ACCT-NO",
    '口座番号は半角数字7桁で入力してください。7桁に満たない口座番号の時は頭に"0"（ゼロ）を入れて7桁にしてください。',
    "account",
)
ID_EMPTY = Problem("R-ID-FMT", "ログインIDを入力してください。", "login_id")
ID_FORMAT = Problem("R-ID-FMT", "ログインIDは半角英数字混在6～12桁で入力してください。", "login_id")
ID_HANKAKU = Problem("R-HANKAKU", "ログインIDは半角英数字で入力してください。", "login_id")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", BRANCH_EMPTY),
        ("12", BRANCH_FORMAT),
        ("123", None),
        ("001", None),
        ("1234", BRANCH_FORMAT),
        ("００１", BRANCH_FORMAT),
        ("abc", BRANCH_FORMAT),
        ("12a", BRANCH_FORMAT),
        (" 12", BRANCH_FORMAT),
    ],
    ids=[
        "empty",
        "2 digits",
        "3 digits",
        "3 digits with leading zeros",
        "4 digits",
        "full-width",
        "letters",
        "digits and a letter",
        "a space",
    ],
)
def test_checks_a_branch_code_of_three_half_width_digits(value, expected):
    assert rules.branch_code(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", ACCOUNT_EMPTY),
        ("123456", ACCOUNT_FORMAT),
        ("1234567", None),
        ("0012345", None),
        ("12345678", ACCOUNT_FORMAT),
        ("１２３４５６７", ACCOUNT_FORMAT),
        ("abcdefg", ACCOUNT_FORMAT),
        ("123-456", ACCOUNT_FORMAT),
    ],
    ids=[
        "empty",
        "6 digits",
        "7 digits",
        "7 digits with leading zeros",
        "8 digits",
        "full-width",
        "letters",
        "a hyphen",
    ],
)
def test_checks_an_account_number_of_seven_half_width_digits(value, expected):
    assert rules.account_number(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", Problem("R-HANKAKU", "(仮) ログインパスワードを入力してください。", "login_pw")),
        (
            "ａｂｃ１２３４５",
            Problem("R-HANKAKU", "(仮) ログインパスワードは半角英数字で入力してください。", "login_pw"),
        ),
        ("abc!2345", Problem("R-HANKAKU", "(仮) ログインパスワードは半角英数字で入力してください。", "login_pw")),
        ("abc 2345", Problem("R-HANKAKU", "(仮) ログインパスワードは半角英数字で入力してください。", "login_pw")),
        ("あいう12345", Problem("R-HANKAKU", "(仮) ログインパスワードは半角英数字で入力してください。", "login_pw")),
        ("アイウ12345", Problem("R-HANKAKU", "(仮) ログインパスワードは半角英数字で入力してください。", "login_pw")),
        ("Abc12345", None),
        ("abcdefgh", None),
    ],
    ids=["empty", "full-width", "symbols", "a space", "hiragana", "katakana", "letters and digits", "letters only"],
)
def test_checks_a_password_is_typed_in_half_width_letters_and_digits(value, expected):
    assert rules.hankaku_entry(value, "(仮) ログインパスワード", "login_pw") == expected


def test_names_the_password_it_refuses_by_the_label_and_field_given():
    assert rules.hankaku_entry("", "(仮) 確認用パスワード", "confirm_pw") == Problem(
        "R-HANKAKU", "(仮) 確認用パスワードを入力してください。", "confirm_pw"
    )
    assert rules.hankaku_entry("確認", "(仮) 確認用パスワード", "confirm_pw") == Problem(
        "R-HANKAKU", "(仮) 確認用パスワードは半角英数字で入力してください。", "confirm_pw"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", ID_EMPTY),
        ("abc12", ID_FORMAT),
        ("abc123", None),
        ("abcdef123456", None),
        ("abcdef1234567", ID_FORMAT),
        ("abcdefgh", ID_FORMAT),
        ("12345678", ID_FORMAT),
        ("ａｂｃ１２３", ID_HANKAKU),
        ("abc_123", ID_HANKAKU),
        ("abc 123", ID_HANKAKU),
        ("あいう123", ID_HANKAKU),
        ("ABC123", None),
        ("AbC123xY", None),
    ],
    ids=[
        "empty",
        "5 chars",
        "6 chars",
        "12 chars",
        "13 chars",
        "letters only",
        "digits only",
        "full-width",
        "underscore",
        "space",
        "hiragana",
        "upper case",
        "mixed case",
    ],
)
def test_checks_a_login_id_of_six_to_twelve_mixed_half_width_letters_and_digits(value, expected):
    assert rules.login_id_format(value) == expected


def test_names_the_login_id_field_it_is_given():
    assert rules.login_id_format("", "login_id_again") == Problem(
        "R-ID-FMT", "ログインIDを入力してください。", "login_id_again"
    )


@pytest.mark.parametrize(
    ("login_id", "again", "expected"),
    [
        ("abc123", "abc123", None),
        (
            "abc123",
            "abc124",
            Problem("R-ID-TWICE", "ログインIDとログインID (確認用) が一致しません。", "login_id_again"),
        ),
        (
            "abc123",
            "ABC123",
            Problem("R-ID-TWICE", "ログインIDとログインID (確認用) が一致しません。", "login_id_again"),
        ),
        ("abc123", "", Problem("R-ID-TWICE", "ログインIDとログインID (確認用) が一致しません。", "login_id_again")),
    ],
    ids=["equal", "different", "case differs", "second one empty"],
)
def test_checks_the_login_id_is_typed_the_same_twice(login_id, again, expected):
    assert rules.login_id_twice(login_id, again) == expected


@pytest.mark.parametrize(
    ("checked", "expected"),
    [(True, None), (False, Problem("R-ID-ACK", "「確認しました。」にチェックを入れてください。", "ack"))],
    ids=["ticked", "not ticked"],
)
def test_checks_the_acknowledgement_is_ticked(checked, expected):
    assert rules.acknowledged(checked) == expected


NOT_DISTINCT = Problem("R-DISTINCT", "ログインID、ログインパスワード及び確認用パスワードは、同じものを使用できません。")


@pytest.mark.parametrize(
    ("login_id", "login_pw", "confirm_pw", "expected"),
    [
        ("abc123", "Pass1234", "Conf5678", None),
        ("abc123", "ABC123", "Conf5678", None),
        ("abc123", "abc123", "Conf5678", NOT_DISTINCT),
        ("abc123", "Pass1234", "abc123", NOT_DISTINCT),
        ("abc123", "Pass1234", "Pass1234", NOT_DISTINCT),
        ("abc123", "abc123", "abc123", NOT_DISTINCT),
    ],
    ids=[
        "all differ",
        "differ only in case",
        "id equals login pw",
        "id equals confirm pw",
        "login pw equals confirm pw",
        "all equal",
    ],
)
def test_checks_login_id_and_both_passwords_all_differ(login_id, login_pw, confirm_pw, expected):
    assert rules.credentials_distinct(login_id, login_pw, confirm_pw) == expected


@pytest.mark.parametrize(
    ("problem", "rule", "message", "field"),
    [
        (
            rules.CREDENTIALS_NOT_DISTINCT,
            "R-DISTINCT",
            "ログインID、ログインパスワード及び確認用パスワードは、同じものを使用できません。",
            None,
        ),
        (
            rules.LOGIN_ID_TAKEN,
            "R-ID-UNIQUE",
            "ご指定のログインIDは既に使用されています。別のログインIDを入力してください。",
            "login_id",
        ),
        (
            rules.ACCOUNT_MISMATCH,
            "R-ACCT-MATCH",
            "入力されたお申込代表口座またはパスワードに誤りがあります。内容をご確認の上、再度ご入力ください。",
            None,
        ),
        (
            rules.LOGIN_ID_ALREADY_TAKEN,
            "R-CRED-SHARED",
            "ログインIDは取得済みです。「既につないでネ！ットをご利用中のお客さま」からログインしてください。",
            None,
        ),
        (
            rules.LOGIN_MISMATCH,
            "R-LOGIN-MATCH",
            "ログインIDまたはログインパスワードに誤りがあります。再度ご入力ください。",
            None,
        ),
        (
            rules.LOCKED,
            "R-LOCKOUT",
            "パスワードの誤入力が所定の回数に達したため、お取引を停止しております。"
            "お取引店またはネットバンキング共同受付センター（フリーダイヤル 0120-892548）にお問い合わせください。",
            None,
        ),
    ],
    ids=[
        "CREDENTIALS_NOT_DISTINCT",
        "LOGIN_ID_TAKEN",
        "ACCOUNT_MISMATCH",
        "LOGIN_ID_ALREADY_TAKEN",
        "LOGIN_MISMATCH",
        "LOCKED",
    ],
)
def test_keeps_each_fixed_message_with_its_rule(problem, rule, message, field):
    assert (problem.rule, problem.message, problem.field) == (rule, message, field)


@pytest.mark.parametrize("hint", ["店番", "口座番号は", "ログインパスワードが"])
def test_account_mismatch_never_says_which_part_was_wrong(hint):
    assert hint not in rules.ACCOUNT_MISMATCH.message


def test_login_mismatch_never_says_which_part_was_wrong():
    assert "ログインIDが" not in rules.LOGIN_MISMATCH.message
    assert "ログインパスワードが" not in rules.LOGIN_MISMATCH.message


def test_a_problem_cannot_be_changed_once_made():
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.LOCKED.message = "changed"  # type: ignore[misc]
