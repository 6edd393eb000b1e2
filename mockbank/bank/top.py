"""S-TOP (§2(1)): the bank's top page and つないでネ！ットご利用案内 with its four entries."""

from flask import render_template

from mockbank.bank import bp


@bp.get("/")
def bank_top():
    """青森みちのく銀行 トップページ (S-TOP, §2(1))."""
    return render_template("bank/top.html")


@bp.get("/netbank/")
def guide():
    """つないでネ！ットご利用案内 (S-TOP): the four entries (§2(1))."""
    return render_template("bank/guide.html")
