"""S-RBA ログイン時の追加認証 (§2(4), R-RBA): one of the customer's secret questions, at a login from an unusual device."""

from flask import session

from mockbank.bank import bp
from mockbank.bank.errors import Refused
from mockbank.bank.form_view import form_view
from mockbank.bank.progress import logged_in
from mockbank.bank.services import risk_based_auth as service
from mockbank.bank.services.credentials import complete_login
from mockbank.bank.session import put, requires

RBA_PENDING = "rba_customer"  # R-RBA: every factor of the login passed on an unknown device; S-RBA is next
RBA_LOGIN = "rba_login"  # the login screen the attempt came from, and whether the app's code was part of it

bp.after_app_request(service.keep_device_cookie)


def awaiting_answer(asked: service.QuestionAsked) -> str:
    """This browser, and no other, goes on to S-RBA for the login held there; it is not logged in yet."""
    session.clear()
    put(RBA_PENDING, asked.customer)
    session[RBA_LOGIN] = {"screen": asked.screen, "otp": asked.otp}
    return "bank.risk_based_auth"


def _question(customer) -> dict:
    """The question held for the customer (the same on a reload: R-RBA)."""
    return {"question": service.question_for(customer).question}


@bp.route("/netbank/login/additional-auth", methods=("GET", "POST"))
@requires(RBA_PENDING, "bank.login")
@form_view("S-RBA", "bank/risk_based_auth.html", context=_question)
def risk_based_auth(form, customer):
    """追加認証 (S-RBA, §2(4)): the right answer logs in to the top page; a wrong one stops the login (R-LOCKOUT)."""
    try:
        service.check_answer(customer, form.get("answer", ""))
    except Refused as refused:
        if any(problem.field is None for problem in refused.problems):  # wrong or locked: this attempt is over
            session.pop(RBA_PENDING, None)
            session.pop(RBA_LOGIN, None)
        raise
    login = session.get(RBA_LOGIN) or {}
    return logged_in(complete_login(customer, login.get("screen", "S-RBA"), otp=bool(login.get("otp"))))
