"""S-HOME つないでネ！ット top (P7, P17), and the onboarding steps still to be built."""
from flask import render_template

from mockbank.bank import bp
from mockbank.bank.session import login_required
from mockbank.branches import branch_name


@bp.get("/netbank/home")
@login_required
def home(customer):
    """つないでネ！ット トップページ (S-HOME): who is logged in and their accounts."""
    return render_template("bank/home.html", customer=customer, branch_name=branch_name)


@bp.get("/netbank/additional-auth")
@login_required
def additional_auth(customer):
    """追加認証登録 (S-QA, P8): reached after a new contract's first login; built in a later issue."""
    return render_template("bank/additional_auth.html", customer=customer)
