"""S-HOME つないでネ！ット top (P7, P17): reached only once onboarding is done; ログアウト ends the session."""

from flask import redirect, render_template, url_for

from mockbank.bank import bp
from mockbank.bank.models import STEP_DONE
from mockbank.bank.progress import at_step
from mockbank.bank.services.applications import without_token
from mockbank.bank.session import CUSTOMER, customer_from, end_sessions
from mockbank.branches import branch_name
from mockbank.db import db


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


@bp.post("/netbank/logout")
def logout():
    """ログアウト (S-HOME): end the session (and any copy of its cookie) and return to ご利用案内."""
    end_sessions(customer_from(CUSTOMER))
    db.session.commit()
    return redirect(url_for("bank.guide"))
