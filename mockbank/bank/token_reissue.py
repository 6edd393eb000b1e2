"""S-REISSUE トークン再発行 (P20): 携帯電話メールアドレス ×2, 利用開始パスワード ×2, a registered phone; or 申込を中止する.

Then the same 電話番号認証 (S-TEL) and トークン発行 (S-TOKEN) as P13, for the customer S-REISSUE-AUTH let in.
"""

from __future__ import annotations

from mockbank.bank import bp
from mockbank.bank.form_view import form_view
from mockbank.bank.otp_application import application_context, application_entries
from mockbank.bank.services import token_reissue as service
from mockbank.bank.session import REISSUE, requires


@bp.route("/netbank/token-reissue/application", methods=("GET", "POST"))
@requires(REISSUE, "bank.token_reissue_auth")
@form_view("S-REISSUE", "bank/token_reissue.html", cancel=True, on_cancel=service.cancel, context=application_context)
def token_reissue(form, customer):
    """トークン再発行 (S-REISSUE, P20): mail ×2, 利用開始パスワード ×2, a phone, 電話番号認証を行う; or 申込を中止する."""
    service.apply(customer, *application_entries(form), key=form.get("application", ""))
    return "bank.otp_application_phone_check"
