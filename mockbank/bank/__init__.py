"""つないでネ！ット: the bank's screens, one module per screen; services/ and mockbank/rules/ use the same names."""

from flask import Blueprint

bp = Blueprint("bank", __name__)

from mockbank.bank import (  # noqa: E402,F401
    customer_info,
    customer_registration,
    home,
    login,
    login_id,
    mail_password,
    otp_application,
    password_change,
    secret_qa,
    top,
)
