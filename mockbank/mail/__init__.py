"""The mail party: the bank sends over SMTP; a capturing SMTP server delivers into mailboxes people can read."""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("mail", __name__)  # mounted at its prefix in parties.PARTIES

# The domains the manual asks customers to accept mail from (§1).
BANK_DOMAIN = "am-bk.co.jp"  # 振込受付など各種通知
OTP_DOMAIN = "otp-auth.net"  # ワンタイムパスワード初期手続き用


def init_mail(app: Flask) -> None:
    """Point the bank at MOCKBANK_SMTP_URL, or start the in-process capturing server."""
    if not app.config.get("SMTP_HOST"):
        from mockbank.mail.capture import start_capture_server

        controller = start_capture_server(app)
        app.config["SMTP_HOST"], app.config["SMTP_PORT"] = controller.hostname, controller.port
        app.extensions["smtp_capture"] = controller


from mockbank.mail import mailbox  # noqa: E402,F401
