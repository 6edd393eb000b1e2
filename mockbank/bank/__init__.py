"""つないでネ！ット: the bank's screens, one module per screen of the smartphone guide."""

from flask import Blueprint

bp = Blueprint("bank", __name__)

from mockbank.bank import (  # noqa: E402,F401
    customer_info,
    customer_registration,
    home,
    login,
    login_id,
    otp_application,
    password_change,
    secret_qa,
    top,
)
