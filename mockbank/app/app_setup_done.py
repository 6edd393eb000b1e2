"""A-DONE 初期設定完了 (P15): the answer of 初期設定 (A-SETUP), shown with the new token for app.js to keep on the phone."""

from __future__ import annotations

from flask import render_template

BANK_NAME = "青森みちのく銀行"  # the display name the app proposes for a token of つないでネ！ット (P16)
LOGIN_URL = "/netbank/login"  # where the app's ログイン opens the bank (P17)


def setup_done(answer: dict) -> str:
    """初期設定完了 (A-DONE, P15): the token otp-auth.net activated, its seed handed to the phone (R-APP-BIND); 次へ."""
    token = {
        "service_id": answer["service_id"],
        "user_id": answer["user_id"],
        "seed": answer["secret"],
        "issuer": "otp-auth.net",
        "name": BANK_NAME,
        "login_url": LOGIN_URL,
    }
    return render_template("app/app_setup_done.html", token=token)
