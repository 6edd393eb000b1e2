"""Rules of メール通知パスワード入力 (S-MAILPW, §1): the one-time password the bank mails for a PC login (R-MAILPW)."""

from __future__ import annotations

from mockbank.rules.base import Problem, typed_in

__all__ = [
    "mail_password_entry",
    "MAIL_PASSWORD_MISMATCH",
    "MAIL_PASSWORD_ENDED",
    "MAIL_PASSWORD_NOT_DELIVERED",
]


def mail_password_entry(value: str) -> Problem | None:
    """R-MAILPW: the メール通知パスワード is typed, in 半角数字 as the mail gives it (not counted as a wrong one)."""
    return typed_in(value, "メール通知パスワード", "mail_pw", "R-MAILPW", digits=True)


# R-MAILPW: not the メール通知パスワード last mailed; it counts towards R-LOCKOUT with wrong passwords.
MAIL_PASSWORD_MISMATCH = Problem("R-MAILPW", "メール通知パスワードに誤りがあります。再度ご入力ください。")

# R-MAILPW: the mailed password expired (10 minutes), was used, or a newer login attempt replaced it.
MAIL_PASSWORD_ENDED = Problem(
    "R-MAILPW",
    "メール通知パスワードの有効期限が切れたか、既に使用されています。お手数ですが、最初からログインしてください。",
    link=("bank.login", "ログイン画面へ"),
)

# R-MAILPW: the bank could not deliver the メール通知パスワード (the mailbox refuses am-bk.co.jp, or the server is down).
MAIL_PASSWORD_NOT_DELIVERED = Problem(
    "R-MAILPW",
    "メール通知パスワードを送信できませんでした。am-bk.co.jp からのメールを受信できるよう設定のうえ、"
    "再度ログインしてください。",
)
