"""S-HOME つないでネ！ット top (P7, P17): reached only once onboarding is done."""

from flask import render_template

from mockbank.bank import bp
from mockbank.bank.services.otp_application import without_token
from mockbank.bank.steps import at_step
from mockbank.branches import branch_name
from mockbank.models import STEP_DONE


def yen(amount: int | None) -> str:
    """An amount of yen as the bank shows it: 1,234,567円."""
    return f"{amount or 0:,}円"


@bp.get("/netbank/home")
@at_step(STEP_DONE)
def home(customer):
    """つないでネ！ット トップページ (S-HOME): who is logged in, 前回ログイン日時, accounts with 残高 and limits; the OTP application if none."""
    return render_template(
        "bank/home.html",
        customer=customer,
        branch_name=branch_name,
        yen=yen,
        without_token=without_token(customer),
    )
