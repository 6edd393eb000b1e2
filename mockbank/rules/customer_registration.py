"""Rules of お客さま情報登録 (S-INFO, P10) and its confirmation (S-INFO-OK, P11): mail, phone, limits, confirm password."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from mockbank.applied import checks
from mockbank.rules.base import Problem, hankaku_alnum, hankaku_digits

__all__ = [
    "LIMIT_CAP",
    "LIMIT_CAP_CARD",
    "mail_address",
    "phone_number",
    "transfer_limit",
    "confirm_password_entry",
    "CONFIRM_PW_MISMATCH",
]

LIMIT_CAP = 100  # 万円 per account (P10)
LIMIT_CAP_CARD = 300  # 万円 per account with a ワンタイムパスカード (P10)


@checks("R-MAIL-TWICE")
def mail_address(value: str, again: str) -> Problem | None:
    """R-MAIL-TWICE: a well-formed half-width address, typed twice (checked by email-validator)."""
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


@checks("R-TEL")
def phone_number(parts: list[str]) -> Problem | None:
    """R-TEL: 連絡先電話番号, if given, in three parts of half-width digits, 10 or 11 digits from a leading 0 (P10)."""
    if not any(parts):
        return None  # the manual does not mark it [必須]
    digits = "".join(parts)
    if not (all(hankaku_digits(p) for p in parts) and digits.startswith("0") and len(digits) in (10, 11)):
        return Problem("R-TEL", "連絡先電話番号は半角数字で、市外局番から3つに分けて入力してください。", "tel1")
    return None


@checks("R-LIMIT")
def transfer_limit(value: str, account_label: str, field: str, card_holder: bool) -> Problem | None:
    """R-LIMIT: a daily limit in 万円 for the account, 0–100 (0–300 for a ワンタイムパスカード holder)."""
    cap = LIMIT_CAP_CARD if card_holder else LIMIT_CAP
    if not value:
        return Problem("R-LIMIT", f"{account_label}の限度額を入力してください。", field)
    if not hankaku_digits(value) or len(value) > 3 + len(str(cap)) or int(value) > cap:
        cap_note = "ワンタイムパスカードをご利用の場合、" if card_holder else ""
        return Problem(
            "R-LIMIT",
            f"{account_label}の限度額は0～{cap}万円の半角数字で入力してください。"
            f"（{cap_note}1口座あたりの上限は{cap}万円です。）",
            field,
        )
    return None


@checks("R-HANKAKU")
def confirm_password_entry(value: str) -> Problem | None:
    """R-CONFIRM-PW: the confirm password is typed, in 半角英数字."""
    if not value:
        return Problem("R-CONFIRM-PW", "確認用パスワードを入力してください。", "confirm_pw")
    if not hankaku_alnum(value):
        return Problem("R-HANKAKU", "確認用パスワードは半角英数字で入力してください。", "confirm_pw")
    return None


# R-CONFIRM-PW: a wrong confirm password; it counts towards R-LOCKOUT.
CONFIRM_PW_MISMATCH = Problem("R-CONFIRM-PW", "確認用パスワードに誤りがあります。再度ご入力ください。", "confirm_pw")
