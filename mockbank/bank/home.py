"""S-HOME つないでネ！ット top (P7, P17): reached only once onboarding is done."""

from flask import render_template

from mockbank.bank import bp
from mockbank.bank.services.otp_application import without_token
from mockbank.bank.steps import at_step
from mockbank.branches import branch_name
from mockbank.models import STEP_DONE


@bp.get("/netbank/home")
@at_step(STEP_DONE)
def home(customer):
    """つないでネ！ット トップページ (S-HOME): who is logged in, their accounts, limits; the OTP application if none."""
    return render_template(
        "bank/home.html", customer=customer, branch_name=branch_name, without_token=without_token(customer)
    )
