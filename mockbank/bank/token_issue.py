"""S-TOKEN トークン発行 (P13): 送付先メールアドレス, サービスID and ユーザID, アプリダウンロード; the token mail again."""

from flask import redirect, render_template, request, url_for

from mockbank import rules
from mockbank.bank import bp
from mockbank.bank.errors import Refused
from mockbank.bank.models import OTP_ISSUED, STEP_DONE
from mockbank.bank.progress import at_step, reissuing
from mockbank.bank.services.applications import issued_application
from mockbank.bank.services.token_issue import resend_token_mail
from mockbank.bank.services.token_reissue import reissue_application


@bp.route("/netbank/otp-application/token", methods=("GET", "POST"))
@at_step(STEP_DONE, reissue=True)
def otp_application_token(customer):
    """トークン発行 (S-TOKEN, P13): 送付先メールアドレス, サービスID and ユーザID, アプリダウンロード; a reload shows the same.

    Its heading is the manual's ワンタイムパスワード利用申請. When the token mail did not arrive, S-TOKEN says so
    and メールを再送信する asks the issuer to send it again.
    """
    application = _shown(customer)
    if application is None:
        return redirect(url_for("bank.token_reissue" if reissuing() is not None else "bank.home"))
    problems = []
    if request.method == "POST":
        try:
            resend_token_mail(customer, application)
        except Refused as refused:
            problems = refused.problems
        else:
            return redirect(url_for("bank.otp_application_token"))
    if application.mail_delivered is False and not problems:
        problems = [rules.MAIL_NOT_DELIVERED]
    return render_template("bank/token_issue.html", customer=customer, application=application, problems=problems)


def _shown(customer):
    """The application S-TOKEN shows: a reissue's once its token is issued (P20), else the latest issued one."""
    if reissuing() is None:
        return issued_application(customer)
    application = reissue_application(customer)
    return application if application is not None and application.state == OTP_ISSUED else None
