"""つないでネ！ット: the bank's screens, one module per screen, named as in catalogue.SCREEN_NAMES.

services/, mockbank/rules/ and templates/bank/ use the same names (README "Where each screen lives").
"""

from flask import Blueprint

bp = Blueprint("bank", __name__)

from mockbank.bank import (  # noqa: E402,F401
    apply,
    biometric_login,
    biometric_setting,
    branches,
    customer_info,
    customer_registration,
    customer_registration_confirm,
    first_login,
    home,
    login,
    login_id,
    login_id_done,
    login_id_lost,
    mail_password,
    otp_application,
    password_change,
    phone_check,
    risk_based_auth,
    secret_qa,
    token_issue,
    token_reissue,
    token_reissue_auth,
    top,
)
