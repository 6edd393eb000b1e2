"""A-MENU 設定 (P15, P16): トークン選択 among the tokens on the phone (R-APP-SELECT), and トークン追加 (A-SETUP)."""

from __future__ import annotations

from flask import redirect, render_template, request, url_for

from mockbank import applied, journal
from mockbank.app import bp, instructions
from mockbank.db import db
from mockbank.rules import app_settings as rules


@bp.route("/settings", methods=("GET", "POST"))
def settings():
    """設定 (A-MENU, P15, P16): トークン選択 among the tokens on the phone (R-APP-SELECT), and トークン追加 (A-SETUP)."""
    if request.method != "POST":
        return render_template("app/app_settings.html", problems=[])
    key = request.form.get("token", "")
    problem = rules.token_choice(key, request.form.getlist("held"))
    if problem:
        journal.refused("A-MENU", [problem])
        return render_template("app/app_settings.html", problems=[problem])
    instructions.hand_over(select=key)
    applied.passed("R-APP-SELECT")
    journal.record("app_token_selected", screen="A-MENU")
    db.session.commit()
    return redirect(url_for("app.otp"))
