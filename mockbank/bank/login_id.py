"""S-ID ログインID取得 and S-ID-DONE ログインID取得完了 (P6)."""
from flask import redirect, render_template, request, session, url_for

from mockbank import journal, rules
from mockbank.bank import bp
from mockbank.bank.errors import Refused
from mockbank.bank.onboarding import register_login_id
from mockbank.bank.session import APPLICANT, LOGIN_ID_DONE, put, requires


@bp.route("/netbank/login-id", methods=("GET", "POST"))
@requires(APPLICANT, "bank.customer_info")
def login_id(customer):
    """ログインID取得 (S-ID, P6): the login ID typed twice, then ID登録実行."""
    if request.method == "POST":
        try:
            register_login_id(customer, request.form.get("login_id", ""), request.form.get("login_id_again", ""))
        except Refused as refused:
            journal.refused("S-ID", refused.problems, customer)
            return render_template("bank/login_id.html", form=request.form, problems=refused.problems)
        session.pop(APPLICANT)
        put(LOGIN_ID_DONE, customer)
        return redirect(url_for("bank.login_id_done"))
    return render_template("bank/login_id.html", form={}, problems=[])


@bp.route("/netbank/login-id/done", methods=("GET", "POST"))
@requires(LOGIN_ID_DONE, "bank.customer_info")
def login_id_done(customer):
    """ログインID取得完了 (S-ID-DONE, P6): 確認しました。 must be ticked before 初回ログイン (R-ID-ACK)."""
    problems = []
    if request.method == "POST":
        problem = rules.acknowledged(request.form.get("ack") == "on")
        if problem is None:
            session.pop(LOGIN_ID_DONE)
            return redirect(url_for("bank.first_login"))
        problems = [problem]
        journal.refused("S-ID-DONE", problems, customer)
    return render_template("bank/login_id_done.html", problems=problems)


@bp.get("/netbank/login-id/lost")
def login_id_lost():
    """R-ID-LOST: a forgotten login ID cannot be recovered online (P6)."""
    return render_template("bank/login_id_lost.html")
