"""つないでネ！ット: the bank's screens, one module per screen of the smartphone guide."""
from flask import Blueprint

bp = Blueprint("bank", __name__)

from mockbank.bank import customer_info, home, login, login_id, top  # noqa: E402,F401
