"""Rules of 追加認証登録, パスワード変更 and お客さま情報登録 as pure functions: each boundary, exact rule ID and message."""

from __future__ import annotations

import pytest

from mockbank import rules
from mockbank.bank.questions import QUESTIONS
from mockbank.rules import Problem
from mockbank.rules.base import zenkaku

# ---------------------------------------------------------------- 全角 (Shift_JIS double-byte)


@pytest.mark.parametrize(
    "value",
    ["ＡＢＣ１２３", "ａｂｃ", "青森", "あおもり", "アオモリ", "！？", "α", "①", "髙橋", "が", "ヴ", "～", "￥"],
    ids=[
        "full-width letters and digits",
        "full-width lower case",
        "kanji",
        "hiragana",
        "katakana",
        "full-width symbols",
        "greek alpha",
        "circled one (NEC special, double-byte in cp932)",
        "IBM-extension kanji",
        "precomposed dakuten",
        "katakana vu",
        "full-width tilde",
        "full-width yen",
    ],
)
def test_zenkaku_takes_every_double_byte_character_of_cp932(value):
    assert zenkaku(value) is True


@pytest.mark.parametrize(
    "value",
    ["abc", "123", "ｱｲｳ", " ", "\u3000", "🏦", "ＡＢＣ123", "あ い", "¥", "か\u3099", "ゔ", "𠮷", "\u200b"],
    ids=[
        "ascii letters",
        "ascii digits",
        "half-width katakana",
        "half-width space",
        "ideographic space",
        "emoji",
        "one half-width digit among full-width",
        "a half-width space inside",
        "half-width yen",
        "decomposed dakuten",
        "hiragana vu (not in cp932)",
        "tsuchi-yoshi (not in cp932)",
        "zero-width space",
    ],
)
def test_zenkaku_refuses_single_byte_characters_the_ideographic_space_and_what_cp932_cannot_hold(value):
    assert zenkaku(value) is False


def test_zenkaku_leaves_an_empty_answer_to_the_required_check():
    assert zenkaku("") is True


# ---------------------------------------------------------------- 秘密の質問・回答 (R-QA-*)

Q = list(QUESTIONS[:3])
KNOWN = set(QUESTIONS)
A = ["山田小学校", "佐藤中学校", "青森県青森市"]


def with_(values: list[str], n: int, value: str) -> list[str]:
    """The list with its n-th (1-based) entry replaced."""
    changed = list(values)
    changed[n - 1] = value
    return changed


def test_secret_qa_takes_three_known_questions_with_three_full_width_answers():
    assert rules.secret_qa(Q, A, KNOWN) == []


@pytest.mark.parametrize("n", [1, 2, 3])
def test_secret_qa_asks_for_each_question_not_chosen_or_not_offered(n):
    expected = [Problem("R-QA-COUNT", f"質問{n}を選択してください。", f"question{n}")]
    assert rules.secret_qa(with_(Q, n, ""), A, KNOWN) == expected
    assert rules.secret_qa(with_(Q, n, "好きな色は？"), A, KNOWN) == expected


@pytest.mark.parametrize("n", [1, 2, 3])
def test_secret_qa_asks_for_each_empty_answer(n):
    assert rules.secret_qa(Q, with_(A, n, ""), KNOWN) == [
        Problem("R-QA-COUNT", f"回答{n}を入力してください。", f"answer{n}")
    ]


@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize(
    "answer",
    ["3月", "ｻﾝｶﾞﾂ", "apple", "３月 ", "３\u3000月", "３月🏦"],
    ids=["half-width digit", "half-width katakana", "ascii letters", "trailing space", "ideographic space", "emoji"],
)
def test_secret_qa_refuses_an_answer_with_any_half_width_character(n, answer):
    assert rules.secret_qa(Q, with_(A, n, answer), KNOWN) == [
        Problem("R-QA-ZENKAKU", f"回答{n}は全角文字で入力してください。（半角文字は登録できません）", f"answer{n}")
    ]


@pytest.mark.parametrize("n", [1, 2, 3])
def test_secret_qa_takes_ten_full_width_characters_and_refuses_eleven(n):
    assert rules.secret_qa(Q, with_(A, n, "あ" * 10), KNOWN) == []
    assert rules.secret_qa(Q, with_(A, n, "あ" * 11), KNOWN) == [
        Problem("R-QA-ZENKAKU", f"回答{n}は全角10文字以内で入力してください。", f"answer{n}")
    ]
    assert rules.ANSWER_MAX == 10


def test_secret_qa_lists_every_missing_entry_in_screen_order():
    assert rules.secret_qa(["", Q[1], ""], ["", A[1], "abc"], KNOWN) == [
        Problem("R-QA-COUNT", "質問1を選択してください。", "question1"),
        Problem("R-QA-COUNT", "回答1を入力してください。", "answer1"),
        Problem("R-QA-COUNT", "質問3を選択してください。", "question3"),
        Problem("R-QA-ZENKAKU", "回答3は全角文字で入力してください。（半角文字は登録できません）", "answer3"),
    ]


QUESTIONS_NOT_DISTINCT = Problem("R-QA-DISTINCT", "質問はすべて異なる内容を選択してください。", "question1")
ANSWERS_NOT_DISTINCT = Problem("R-QA-DISTINCT", "回答はすべて異なる内容を入力してください。", "answer1")


@pytest.mark.parametrize(
    ("questions", "answers", "expected"),
    [
        ([Q[0], Q[0], Q[2]], A, [QUESTIONS_NOT_DISTINCT]),
        ([Q[0], Q[1], Q[1]], A, [QUESTIONS_NOT_DISTINCT]),
        ([Q[2], Q[1], Q[2]], A, [QUESTIONS_NOT_DISTINCT]),
        ([Q[0]] * 3, A, [QUESTIONS_NOT_DISTINCT]),
        (Q, [A[0], A[0], A[2]], [ANSWERS_NOT_DISTINCT]),
        (Q, [A[0], A[1], A[0]], [ANSWERS_NOT_DISTINCT]),
        (Q, [A[1]] * 3, [ANSWERS_NOT_DISTINCT]),
        ([Q[0]] * 3, [A[0]] * 3, [QUESTIONS_NOT_DISTINCT, ANSWERS_NOT_DISTINCT]),
    ],
    ids=[
        "questions 1 and 2",
        "questions 2 and 3",
        "questions 1 and 3",
        "all three questions",
        "answers 1 and 2",
        "answers 1 and 3",
        "all three answers",
        "questions and answers",
    ],
)
def test_secret_qa_wants_three_different_questions_and_three_different_answers(questions, answers, expected):
    assert rules.secret_qa(questions, answers, KNOWN) == expected


def test_secret_qa_checks_the_answers_are_different_only_once_each_is_well_formed():
    assert rules.secret_qa([Q[0], Q[0], Q[2]], [A[0], A[1], ""], KNOWN) == [
        Problem("R-QA-COUNT", "回答3を入力してください。", "answer3")
    ]


@pytest.mark.parametrize(
    "answers",
    [["３月", "三月", "さんがつ"], ["青森", "あおもり", "アオモリ"], ["ａｐｐｌｅ", "Ａｐｐｌｅ", "ＡＰＰＬＥ"]],
    ids=["digit, kanji and kana", "kanji, hiragana and katakana", "lower, capitalised and upper case"],
)
def test_secret_qa_takes_answers_that_differ_only_in_how_they_are_written_as_different(answers):
    assert rules.secret_qa(Q, answers, KNOWN) == []


# ---------------------------------------------------------------- 新しいパスワード (R-PW-FMT, R-HANKAKU, R-PW-TWICE)

PW_MESSAGES = {
    "login_pw": {
        "empty": "新しいログインパスワードを入力してください。",
        "format": "新しいログインパスワードは半角英数字混在6～12桁で入力してください。",
        "hankaku": "新しいログインパスワードは半角英数字で入力してください。",
        "twice": "新しいログインパスワードと新しいログインパスワード（確認用）が一致しません。",
    },
    "confirm_pw": {
        "empty": "新しい確認用パスワードを入力してください。",
        "format": "新しい確認用パスワードは半角英数字混在6～12桁で入力してください。",
        "hankaku": "新しい確認用パスワードは半角英数字で入力してください。",
        "twice": "新しい確認用パスワードと新しい確認用パスワード（確認用）が一致しません。",
    },
}
LABELS = {"login_pw": "新しいログインパスワード", "confirm_pw": "新しい確認用パスワード"}
PW_RULES = {"empty": "R-PW-FMT", "format": "R-PW-FMT", "hankaku": "R-HANKAKU", "twice": "R-PW-TWICE"}


@pytest.mark.parametrize("field", ["login_pw", "confirm_pw"])
@pytest.mark.parametrize(
    ("value", "again", "outcome"),
    [
        ("", "", "empty"),
        ("abc12", "abc12", "format"),
        ("abc123", "abc123", None),
        ("Abcdef123456", "Abcdef123456", None),
        ("Abcdef1234567", "Abcdef1234567", "format"),
        ("abcdefgh", "abcdefgh", "format"),
        ("12345678", "12345678", "format"),
        ("ａｂｃ１２３", "ａｂｃ１２３", "hankaku"),
        ("abc-123", "abc-123", "hankaku"),
        ("abc 123", "abc 123", "hankaku"),
        ("あいう123", "あいう123", "hankaku"),
        ("abc123", "abc124", "twice"),
        ("abc123", "ABC123", "twice"),
        ("abc123", "", "twice"),
        ("abc12", "xyz", "format"),
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
        "a symbol",
        "a space",
        "hiragana",
        "typed differently",
        "case differs",
        "second one empty",
        "format before twice",
    ],
)
def test_new_password_is_six_to_twelve_mixed_half_width_letters_and_digits_typed_twice(field, value, again, outcome):
    expected = None
    if outcome:
        where = f"{field}_again" if outcome == "twice" else field
        expected = Problem(PW_RULES[outcome], PW_MESSAGES[field][outcome], where)
    assert rules.new_password(value, again, LABELS[field], field) == expected


def test_a_password_that_is_not_changed_has_its_own_message():
    assert rules.NOT_CHANGED == Problem(
        "R-PW-CHANGE", "仮パスワードと同じパスワードは使用できません。新しいパスワードを入力してください。"
    )


# ---------------------------------------------------------------- メールアドレス (R-MAIL-TWICE)

MAIL_EMPTY = Problem("R-MAIL-TWICE", "メールアドレスを入力してください。", "mail")
MAIL_FORMAT = Problem(
    "R-MAIL-TWICE", "メールアドレスの形式に誤りがあります。半角英数字記号で正しく入力してください。", "mail"
)
MAIL_TWICE = Problem("R-MAIL-TWICE", "メールアドレスとメールアドレス (確認用) が一致しません。", "mail_again")


@pytest.mark.parametrize(
    ("value", "again", "expected"),
    [
        ("", "", MAIL_EMPTY),
        ("", "taro@example.jp", MAIL_EMPTY),
        ("taro@example.jp", "jiro@example.jp", MAIL_TWICE),
        ("taro@example.jp", "Taro@example.jp", MAIL_TWICE),
        ("taro@example.jp", "taro@example.jp ", MAIL_TWICE),
        ("taro@example.jp", "", MAIL_TWICE),
        ("taro", "jiro", MAIL_FORMAT),
    ],
    ids=[
        "empty",
        "only the second typed",
        "different",
        "case differs",
        "trailing space in the second",
        "second one empty",
        "format before twice",
    ],
)
def test_mail_address_is_required_and_typed_the_same_twice(value, again, expected):
    assert rules.mail_address(value, again) == expected


@pytest.mark.parametrize(
    "value",
    [
        "taro",
        "taro@",
        "@example.jp",
        "taro@@example.jp",
        "taro@example",
        "taro@localhost",
        "taro@example..jp",
        "taro..jiro@example.jp",
        ".taro@example.jp",
        " taro@example.jp",
        "taro@example.jp ",
        "taro @example.jp",
        "Taro <taro@example.jp>",
        "taro@[127.0.0.1]",
        "ｔａｒｏ@example.jp",
        "たろう@example.jp",
        "太郎@example.jp",
        "taro＠example.jp",
        "tarö@example.jp",
    ],
    ids=[
        "no at-sign",
        "no domain",
        "no local part",
        "two at-signs",
        "no dot in the domain",
        "localhost",
        "empty domain label",
        "two dots in a row",
        "leading dot",
        "leading space",
        "trailing space",
        "inner space",
        "display name",
        "address literal",
        "full-width local part",
        "hiragana local part",
        "kanji local part",
        "full-width at-sign",
        "accented local part",
    ],
)
def test_mail_address_refuses_a_malformed_or_non_ascii_address(value):
    assert rules.mail_address(value, value) == MAIL_FORMAT


@pytest.mark.parametrize(
    "value",
    [
        "taro@example.jp",
        "taro+bank@example.jp",
        "taro.yamada@mail.example.co.jp",
        "t-a_r.o+1@a.b.example.ne.jp",
        "TARO@EXAMPLE.JP",
        "0123456@example.jp",
    ],
    ids=["plain", "plus tag", "dot and subdomains", "symbols and deep subdomains", "upper case", "digits"],
)
def test_mail_address_takes_a_well_formed_half_width_address(value):
    assert rules.mail_address(value, value) is None


@pytest.mark.parametrize("value", ["taro@ｅｘａｍｐｌｅ.jp", "taro@例え.jp"], ids=["full-width domain", "kanji domain"])
def test_mail_address_refuses_a_domain_that_is_not_half_width(value):
    assert rules.mail_address(value, value) == MAIL_FORMAT


# ---------------------------------------------------------------- 連絡先電話番号 (R-TEL)

TEL_FORMAT = Problem("R-TEL", "連絡先電話番号は半角数字で、市外局番から3つに分けて入力してください。", "tel1")


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (["", "", ""], None),
        (["０１７", "７３８", "００００"], TEL_FORMAT),
        (["017", "738", "000a"], TEL_FORMAT),
        (["017", "738", "000"], TEL_FORMAT),
        (["017", "7380", "00000"], TEL_FORMAT),
        (["117", "738", "0000"], TEL_FORMAT),
        (["017", "738", ""], TEL_FORMAT),
        (["", "738", "0000"], TEL_FORMAT),
        (["017", "", "7380000"], TEL_FORMAT),
        (["017-738-0000", "", ""], TEL_FORMAT),
        ([" 017", "738", "0000"], TEL_FORMAT),
        (["017", "738", "0000"], None),
        (["090", "1234", "5678"], None),
        (["0120", "892", "548"], None),
    ],
    ids=[
        "left blank",
        "full-width digits",
        "a letter",
        "9 digits",
        "12 digits",
        "not from 0",
        "last part missing",
        "first part missing",
        "middle part missing",
        "hyphens in one part",
        "a space",
        "landline 10 digits",
        "mobile 11 digits",
        "free dial",
    ],
)
def test_phone_number_if_given_is_ten_or_eleven_half_width_digits_in_three_parts_from_a_zero(parts, expected):
    assert rules.phone_number(parts) == expected


# ---------------------------------------------------------------- 振込・振替限度額 (R-LIMIT)

LABEL, FIELD = "普通 1234567", "limit_1"
LIMIT_EMPTY = Problem("R-LIMIT", "普通 1234567の限度額を入力してください。", FIELD)
LIMIT_100 = Problem(
    "R-LIMIT",
    "普通 1234567の限度額は0～100万円の半角数字で入力してください。（1口座あたりの上限は100万円です。）",
    FIELD,
)
LIMIT_300 = Problem(
    "R-LIMIT",
    "普通 1234567の限度額は0～300万円の半角数字で入力してください。"
    "（ワンタイムパスカードをご利用の場合、1口座あたりの上限は300万円です。）",
    FIELD,
)


@pytest.mark.parametrize(
    ("value", "card_holder", "expected"),
    [
        ("", False, LIMIT_EMPTY),
        ("101", False, LIMIT_100),
        ("-1", False, LIMIT_100),
        ("１００", False, LIMIT_100),
        ("50.5", False, LIMIT_100),
        ("abc", False, LIMIT_100),
        (" 50", False, LIMIT_100),
        ("1e2", False, LIMIT_100),
        ("300", False, LIMIT_100),
        ("0", False, None),
        ("100", False, None),
        ("", True, LIMIT_EMPTY),
        ("300", True, None),
        ("301", True, LIMIT_300),
        ("１００", True, LIMIT_300),
        ("-1", True, LIMIT_300),
        ("0", True, None),
    ],
    ids=[
        "empty",
        "101",
        "negative",
        "full-width",
        "decimal",
        "letters",
        "a space",
        "exponent",
        "300 without a card",
        "0",
        "100",
        "card: empty",
        "card: 300",
        "card: 301",
        "card: full-width",
        "card: negative",
        "card: 0",
    ],
)
def test_transfer_limit_is_half_width_whole_man_yen_up_to_the_cap(value, card_holder, expected):
    assert rules.transfer_limit(value, LABEL, FIELD, card_holder) == expected


def test_transfer_limit_caps_are_100_and_300_man_yen():
    assert (rules.LIMIT_CAP, rules.LIMIT_CAP_CARD) == (100, 300)


def test_transfer_limit_refuses_thousands_of_digits_with_its_message():
    assert rules.transfer_limit("9" * 4301, LABEL, FIELD, False) == LIMIT_100


# ---------------------------------------------------------------- 確認用パスワード (R-CONFIRM-PW)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", Problem("R-CONFIRM-PW", "確認用パスワードを入力してください。", "confirm_pw")),
        ("ｐａｓｓ１２３", Problem("R-HANKAKU", "確認用パスワードは半角英数字で入力してください。", "confirm_pw")),
        ("pass-123", Problem("R-HANKAKU", "確認用パスワードは半角英数字で入力してください。", "confirm_pw")),
        ("Oirase2025", None),
        ("abc", None),
    ],
    ids=["empty", "full-width", "a symbol", "a password", "short (only checked against the bank's record)"],
)
def test_confirm_password_entry_is_typed_in_half_width_letters_and_digits(value, expected):
    assert rules.confirm_password_entry(value) == expected


def test_a_wrong_confirm_password_has_its_own_message():
    assert rules.CONFIRM_PW_MISMATCH == Problem(
        "R-CONFIRM-PW", "確認用パスワードに誤りがあります。再度ご入力ください。", "confirm_pw"
    )
