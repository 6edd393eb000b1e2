"""S-REISSUE-AUTH トークン再発行：認証方法選択 (P20): 「ログインIDを入力する」, then ログインID and ログインパスワード.

Reached from S-TOP's 【機種変更をしたお客さま】 and from the bank's 「つないでネ！ット よくあるご質問」 page
(「トークン再発行のお申込み」), as the manual gives both (§2(1), P20).
"""

from __future__ import annotations

from flask import render_template

from mockbank.bank import bp
from mockbank.bank.form_view import form_view
from mockbank.bank.progress import start_reissue
from mockbank.bank.services import token_reissue_auth as service


@bp.get("/netbank/faq")
def faq():
    """「つないでネ！ット よくあるご質問」 (the bank's HP, P20): 「トークン再発行のお申込み」 leads to S-REISSUE-AUTH."""
    return render_template("bank/faq.html")


@bp.get("/netbank/token-reissue")
def token_reissue_auth():
    """認証方法選択 (S-REISSUE-AUTH, P20): the way to prove who the customer is — 「ログインIDを入力する」."""
    return render_template("bank/token_reissue_auth.html", choose=True, form={}, problems=[])


@bp.route("/netbank/token-reissue/login", methods=("GET", "POST"))
@form_view("S-REISSUE-AUTH", "bank/token_reissue_auth.html", cancel=True, choose=False)
def token_reissue_login(form):
    """ログインIDを入力する (S-REISSUE-AUTH, P20): ログインID and ログインパスワード, 次へ; no hint which was wrong."""
    customer = service.authenticate(form.get("login_id", ""), form.get("login_pw", ""))
    start_reissue(customer)
    return "bank.token_reissue"
