"""S-TOKEN トークン発行 (P13): 送付先メールアドレス, サービスID and ユーザID, アプリダウンロード; the token mail again."""

from flask import redirect, render_template, request, url_for

from mockbank import rules
from mockbank.bank import bp
from mockbank.bank.errors import Refused
from mockbank.bank.models import STEP_DONE
from mockbank.bank.progress import at_step
from mockbank.bank.services.applications import issued_application
from mockbank.bank.services.token_issue import resend_token_mail


@bp.route("/netbank/otp-application/token", methods=("GET", "POST"))
@at_step(STEP_DONE)
def otp_application_token(customer):
    """トークン発行 (S-TOKEN, P13): 送付先メールアドレス, サービスID and ユーザID, アプリダウンロード; a reload shows the same.

    Its heading is the manual's ワンタイムパスワード利用申請. When the token mail did not arrive, S-TOKEN says so
    and メールを再送信する asks the issuer to send it again.
    """
    application = issued_application(customer)
    if application is None:
        return redirect(url_for("bank.home"))
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
