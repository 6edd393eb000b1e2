"""Rules applied on several screens (P5–P12, P17): 半角 entry, 確認しました, R-DISTINCT, the mail address, the confirm
password, the login match, R-CRED-SHARED, R-LOCKOUT, the app's token count and names, and how a phone number is
compared and shown (R-TEL-PICK)."""

from __future__ import annotations

import re
import unicodedata

from email_validator import EmailNotValidError, validate_email

from mockbank.applied import checks
from mockbank.rules.base import HELP_DESK, Problem, typed_in

__all__ = [
    "hankaku_entry",
    "acknowledged",
    "credentials_distinct",
    "mail_address",
    "confirm_password_entry",
    "phone_digits",
    "last4",
    "phone_choice",
    "masked_phone",
    "CREDENTIALS_NOT_DISTINCT",
    "CONFIRM_PW_MISMATCH",
    "LOGIN_MISMATCH",
    "LOGIN_ID_ALREADY_TAKEN",
    "LOGIN_ID_SETUP_PENDING",
    "LOCKED",
    "MAX_TOKENS",
    "TOKEN_KEY",
]

MAX_TOKENS = 10  # R-APP-10: 1台につき10契約（他行含む）まで (§1, P16), on A-SETUP and A-OTP
TOKEN_KEY = re.compile(
    r"[0-9A-Za-z:@._-]{1,64}"
)  # how the app names a token it holds (A-NAME, A-MENU): サービスID:ユーザID


@checks("R-HANKAKU")
def hankaku_entry(value: str, label: str, field: str) -> Problem | None:
    """R-HANKAKU: an existing login ID or password is typed in 半角英数字 (P5, P7, P17)."""
    return typed_in(value, label, field, "R-HANKAKU")


@checks("R-ID-ACK")
def acknowledged(checked: bool) -> Problem | None:
    """R-ID-ACK: 確認しました。 must be ticked before going on (P6, P8, P11)."""
    if not checked:
        return Problem("R-ID-ACK", "「確認しました。」にチェックを入れてください。", "ack")
    return None


@checks("R-DISTINCT")
def credentials_distinct(login_id: str, login_pw: str, confirm_pw: str) -> Problem | None:
    """R-DISTINCT: login ID, login password and confirm password all differ (P6, P9)."""
    if len({login_id, login_pw, confirm_pw}) < 3:
        return CREDENTIALS_NOT_DISTINCT
    return None


@checks("R-MAIL-TWICE")
def mail_address(value: str, again: str) -> Problem | None:
    """R-MAIL-TWICE (S-INFO, S-OTPAPP): a well-formed half-width address, typed twice (checked by email-validator)."""
    if not value:
        return Problem("R-MAIL-TWICE", "メールアドレスを入力してください。", "mail")
    try:
        if not value.isascii():  # email-validator would turn a full-width domain into IDNA; the bank takes 半角 only
            raise EmailNotValidError("not half-width")
        validate_email(value, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError:
        return Problem(
            "R-MAIL-TWICE", "メールアドレスの形式に誤りがあります。半角英数字記号で正しく入力してください。", "mail"
        )
    if value != again:
        return Problem("R-MAIL-TWICE", "メールアドレスとメールアドレス (確認用) が一致しません。", "mail_again")
    return None


@checks("R-HANKAKU")
def confirm_password_entry(value: str) -> Problem | None:
    """R-CONFIRM-PW (S-INFO-OK, S-OTPAPP): the confirm password is typed, in 半角英数字."""
    return typed_in(value, "確認用パスワード", "confirm_pw", "R-CONFIRM-PW", wrong_rule="R-HANKAKU")


def phone_digits(number: str | None) -> str:
    """A phone number's digits, as the bank compares numbers: 090-1234-5678 and +81 90 1234 5678 are one number."""
    text = unicodedata.normalize("NFKC", number or "").strip()
    found = "".join(ch for ch in text if "0" <= ch <= "9")
    if text.startswith("+81"):
        found = "0" + found[2:]
    return found


def last4(number: str) -> str:
    """The last four digits of a phone number: all R-TEL-PICK lets a page show of it (S-OTPAPP, S-TEL)."""
    return phone_digits(number)[-4:]


def phone_choice(number: str) -> str:
    """A registered phone as S-OTPAPP offers it (P12: ●●●●●● △△△△, the last four digits only)."""
    return "●●●●●● " + last4(number)


def masked_phone(number: str) -> str:
    """The picked phone as S-TEL shows it (P13: ご登録電話番号 *****××××)."""
    return "*****" + last4(number)


CREDENTIALS_NOT_DISTINCT = Problem(
    "R-DISTINCT", "ログインID、ログインパスワード及び確認用パスワードは、同じものを使用できません。"
)

# R-CONFIRM-PW (S-INFO-OK, S-OTPAPP): a wrong confirm password; it counts towards R-LOCKOUT.
CONFIRM_PW_MISMATCH = Problem("R-CONFIRM-PW", "確認用パスワードに誤りがあります。再度ご入力ください。", "confirm_pw")

# R-LOGIN-MATCH (S-LOGIN1, S-LOGIN): a wrong ID or password, without saying which; it counts towards R-LOCKOUT.
# A wrong password to a locked login gets it too: only the right password learns of the lock.
LOGIN_MISMATCH = Problem("R-LOGIN-MATCH", "ログインIDまたはログインパスワードに誤りがあります。再度ご入力ください。")

# R-CRED-SHARED: one login ID per contract; a customer who has finished the registration logs in with it.
LOGIN_ID_ALREADY_TAKEN = Problem(
    "R-CRED-SHARED",
    "ログインIDは取得済みです。「既につないでネ！ットをご利用中のお客さま」からログインしてください。",
    link=("bank.login", "既につないでネ！ットをご利用中のお客さま"),
)

# R-CRED-SHARED: a customer who took a login ID but has not finished the registration goes on from 初回ログイン (P7).
LOGIN_ID_SETUP_PENDING = Problem(
    "R-CRED-SHARED",
    "ログインIDは取得済みです。初回ログイン画面から、取得したログインIDとログインパスワードでログインし、"
    "初回利用登録の続きを行ってください。",
    link=("bank.first_login", "初回ログイン"),
)

# R-LOCKOUT: the login is locked; unlocking is out of band.
LOCKED = Problem(
    "R-LOCKOUT",
    "パスワードの誤入力が所定の回数に達したため、お取引を停止しております。"
    f"お取引店または{HELP_DESK}にお問い合わせください。",
)
