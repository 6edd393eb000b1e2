"""Rules of お客さま情報登録 (S-INFO, P10): 連絡先電話番号 and the daily limits (the mail address is in common.py)."""

from __future__ import annotations

from mockbank.applied import checks
from mockbank.rules.base import Problem, hankaku_digits

__all__ = [
    "LIMIT_CAP",
    "LIMIT_CAP_CARD",
    "phone_number",
    "transfer_limit",
]

LIMIT_CAP = 100  # 万円 per account (P10)
LIMIT_CAP_CARD = 300  # 万円 per account with a ワンタイムパスカード (P10)


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
