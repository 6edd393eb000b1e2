"""S-LOGIN1 初回ログイン (P7): the new login ID with the temp (or latest) login password."""

from mockbank.bank import bp
from mockbank.bank.form_view import form_view
from mockbank.bank.progress import logged_in
from mockbank.bank.services.first_login import authenticate


@bp.route("/netbank/first-login", methods=("GET", "POST"))
@form_view("S-LOGIN1", "bank/first_login.html")
def first_login(form):
    """初回ログイン (S-LOGIN1, P7): the new login ID with the temp (or latest) login password."""
    return logged_in(authenticate(form.get("login_id", ""), form.get("login_pw", ""), "S-LOGIN1"))
