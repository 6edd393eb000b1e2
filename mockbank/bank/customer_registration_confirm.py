"""S-INFO-OK お客さま情報登録確認 (P11): the entries checked on S-INFO, 確認しました and the confirm password, then saved."""

from functools import wraps

from flask import flash, redirect, session, url_for

from mockbank.bank import bp
from mockbank.bank.customer_registration import PENDING, SELECT_EMAIL
from mockbank.bank.form_view import form_view
from mockbank.bank.models import STEP_INFO
from mockbank.bank.notices import send_mail_registered
from mockbank.bank.progress import at_step
from mockbank.bank.services.customer_registration_confirm import confirm_registration
from mockbank.branches import branch_name


def _with_pending(view):
    """S-INFO-OK shows entries checked on S-INFO (P11); without them the customer goes back to S-INFO."""

    @wraps(view)
    def wrapped(customer):
        if session.get(PENDING) is None:
            return redirect(url_for("bank.customer_registration"))
        return view(customer)

    return wrapped


@bp.route("/netbank/customer-registration/confirm", methods=("GET", "POST"))
@at_step(STEP_INFO)
@_with_pending
@form_view(
    "S-INFO-OK",
    "bank/customer_registration_confirm.html",
    cancel=True,
    branch_name=branch_name,
    context=lambda customer: {"pending": session[PENDING]},
)
def customer_registration_confirm(form, customer):
    """お客さま情報登録確認 (S-INFO-OK, P11): 確認しました, 確認用パスワード, 登録を確定する or 中止する (R-CANCEL)."""
    confirm_registration(customer, session[PENDING], form.get("ack") == "on", form.get("confirm_pw", ""))
    session.pop(PENDING)
    session.pop(SELECT_EMAIL, None)
    send_mail_registered(customer)
    flash("お客さま情報の登録が完了しました。")  # S-OTPAPP greets the customer with it (role="status")
    return "bank.otp_application"
