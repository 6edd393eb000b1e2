"""The phone network and the customer's phone: T-PHONE, the dialler a `tel:` link opens, and the calls it places.

The bank's S-TEL links its 0120 number to /phone/dial?to=…; Chromium does
nothing with `tel:`, so this page stands in for the phone's telephone app. A
call to the bank's line is delivered to the bank over HTTP (service.py).
"""

from flask import Blueprint

bp = Blueprint("phone", __name__)  # mounted at its prefix in parties.PARTIES

from mockbank.phone import dialler  # noqa: E402,F401
