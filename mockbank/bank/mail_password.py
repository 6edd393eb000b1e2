"""S-MAILPW メール通知パスワード入力 (§1, R-MAILPW): a PC login's second step, only for the browser that passed the first."""

from flask import session

from mockbank import rules
from mockbank.bank import bp
from mockbank.bank.errors import Refused
from mockbank.bank.form_view import form_view
from mockbank.bank.login import MAIL_ATTEMPT, MAIL_PENDING
from mockbank.bank.progress import logged_in
from mockbank.bank.risk_based_auth import awaiting_answer
from mockbank.bank.services import mail_password as service
from mockbank.bank.services.login import finish_login
from mockbank.bank.services.risk_based_auth import QuestionAsked
from mockbank.bank.session import requires


def _shown(customer) -> dict:
    """Where the password went: the registered address, masked."""
    return {"masked_mail": service.masked(customer.mail), "minutes": service.VALID_MINUTES}


@bp.route("/netbank/login/mail-password", methods=("GET", "POST"))
@requires(MAIL_PENDING, "bank.login")
@form_view("S-MAILPW", "bank/mail_password.html", context=_shown)
def mail_password(form, customer):
    """メール通知パスワード入力 (S-MAILPW, §1): the password just mailed, once, within 10 minutes; then logged in."""
    try:
        service.check(customer, session.get(MAIL_ATTEMPT), form.get("mail_pw", ""))
    except Refused as refused:
        if rules.MAIL_PASSWORD_ENDED in refused.problems or rules.LOCKED in refused.problems:
            session.pop(MAIL_PENDING, None)  # this attempt is over: the customer starts again from ログイン
            session.pop(MAIL_ATTEMPT, None)
        raise
    outcome = finish_login(customer, "S-MAILPW")
    if isinstance(outcome, QuestionAsked):
        return awaiting_answer(outcome)  # R-RBA: an unusual PC answers a secret question after the mailed password
    return logged_in(outcome)
