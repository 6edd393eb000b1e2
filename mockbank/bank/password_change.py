"""S-PW パスワード変更 (P9): a new contract replaces both temp passwords."""

from mockbank.bank import bp
from mockbank.bank.form_view import form_view
from mockbank.bank.models import STEP_PW
from mockbank.bank.progress import at_step
from mockbank.bank.services.password_change import change_passwords


@bp.route("/netbank/password", methods=("GET", "POST"))
@at_step(STEP_PW)
@form_view("S-PW", "bank/password_change.html", cancel=True)
def password_change(form, customer):
    """パスワード変更 (S-PW, P9): 変更を確定する goes on to お客さま情報登録; 中止する abandons it (R-CANCEL)."""
    change_passwords(
        customer,
        form.get("login_pw", ""),
        form.get("login_pw_again", ""),
        form.get("confirm_pw", ""),
        form.get("confirm_pw_again", ""),
    )
    return "bank.customer_registration"
