"""The ワンタイムPW app on the customer's phone (P14–P17): its own party at /app, opened in the phone's browser context.

The app's logic answers from here (it checks what the customer types and calls
otp-auth.net over HTTP, as the real app does from the phone); what the app
*holds* lives on the phone: its tokens, their seeds and display names are in the
phone's own storage (localStorage), and its codes are computed on the phone from
the phone's own clock (static/app.js). A screen that changes what the app holds
hands the change to the next page it shows (`instructions`), which app.js
applies to the phone's storage.
"""

from flask import Blueprint

bp = Blueprint("app", __name__, url_prefix="/app")

from mockbank.app import (  # noqa: E402,F401  (the app's screens, one module each, named as in catalogue.SCREEN_NAMES)
    app_download,
    app_help,
    app_otp,
    app_settings,
    app_setup,
    app_token_name,
)
