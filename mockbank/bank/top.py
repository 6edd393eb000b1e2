"""S-TOP (§2(1)): the bank's top page, つないでネ！ットご利用案内 and the pages its entries lead to."""

from flask import render_template

from mockbank.bank import bp
from mockbank.branches import BRANCHES


@bp.get("/")
def bank_top():
    """青森みちのく銀行 トップページ (§2(1))."""
    return render_template("bank/top.html")


@bp.get("/netbank/")
def guide():
    """つないでネ！ットご利用案内: the four entries (§2(1))."""
    return render_template("bank/guide.html")


@bp.get("/netbank/apply")
def apply():
    """これからご契約されるお客さま: how to apply, in writing or online (J-APPLY, §2(1))."""
    return render_template("bank/apply.html")


@bp.get("/netbank/change-device")
def change_device():
    """機種変更をしたお客さま (P20): トークン再発行 is still to come in this mock."""
    return render_template("bank/change_device.html")


@bp.get("/netbank/branches")
def branches():
    """店番一覧: where the 店番 help link on SID001 leads (P5)."""
    return render_template("bank/branches.html", branches=sorted(BRANCHES.items()))
