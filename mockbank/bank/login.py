"""S-LOGIN ログイン (P17, §1): for customers already using つないでネ！ット, with the app's code or the mailed password."""

from flask import session

from mockbank.bank import bp
from mockbank.bank.form_view import form_view
from mockbank.bank.progress import logged_in
from mockbank.bank.risk_based_auth import awaiting_answer
from mockbank.bank.services.login import MailPasswordSent, log_in
from mockbank.bank.services.risk_based_auth import QuestionAsked
from mockbank.bank.session import put
from mockbank.devices import is_pc

MAIL_PENDING = "mail_password_customer"  # R-MAILPW: ID and password passed on a PC; S-MAILPW is next
MAIL_ATTEMPT = "mail_password_attempt"  # the login attempt whose メール通知パスワード this browser may enter


@bp.route("/netbank/login", methods=("GET", "POST"))
@form_view("S-LOGIN", "bank/login.html", context=lambda: {"biometric": not is_pc()})
def login(form):
    """ログイン (S-LOGIN, P17): for customers already using つないでネ！ット; the app's code if they use it (§1)."""
    outcome = log_in(
        form.get("login_id", ""),
        form.get("login_pw", ""),
        form.get("otp", ""),
        "S-LOGIN",
        filled=form.get("otp_filled") == "1",
    )
    if isinstance(outcome, MailPasswordSent):
        return _awaiting_mail_password(outcome)
    if isinstance(outcome, QuestionAsked):
        return awaiting_answer(outcome)  # R-RBA: an unusual device answers a secret question first
    return logged_in(outcome)


def _awaiting_mail_password(sent: MailPasswordSent) -> str:
    """R-MAILPW: this browser, and no other, goes on to S-MAILPW for the attempt whose password was mailed."""
    session.clear()
    put(MAIL_PENDING, sent.customer)
    session[MAIL_ATTEMPT] = sent.attempt
    return "bank.mail_password"
