"""A-OTP ワンタイムパスワード (P16–P17) and the app's 設定 (トークン選択, トークン追加; P15, P16), ヘルプ, anti-copy."""

from __future__ import annotations

from flask import jsonify, redirect, render_template, request, url_for

from mockbank import applied, journal
from mockbank.app import bp, instructions, rules
from mockbank.app.device import app_device
from mockbank.db import db


@bp.get("/")
def otp():
    """ワンタイムパスワード (A-OTP): the chosen token's code from the phone's clock, countdown, ログイン; 初期設定 if none."""
    return render_template("app/otp.html", instructions=instructions.take())


@bp.route("/settings", methods=("GET", "POST"))
def settings():
    """設定 (P15, P16): トークン選択 among the tokens on the phone (R-APP-SELECT), and トークン追加 (A-SETUP)."""
    if request.method != "POST":
        return render_template("app/settings.html", problems=[])
    key, held = request.form.get("token", ""), request.form.getlist("held")
    if not (rules.TOKEN_KEY.fullmatch(key) and key in held):
        journal.refused("A-MENU", [rules.NOTHING_CHOSEN])
        return render_template("app/settings.html", problems=[rules.NOTHING_CHOSEN])
    instructions.hand_over(select=key)
    applied.passed("R-APP-SELECT")
    journal.record("app_token_selected", screen="A-MENU")
    db.session.commit()
    return redirect(url_for("app.otp"))


@bp.get("/help")
def help_page():
    """ヘルプ (P15): what 初期設定 needs and where the values come from."""
    return render_template("app/help.html")


@bp.post("/copied")
def copied():
    """The app found its data was set up on another phone (R-APP-BIND): it shows no code; the journal says so."""
    given = request.get_json(silent=True)
    tokens = given.get("tokens") if isinstance(given, dict) else None
    held = tokens if type(tokens) is int and 0 <= tokens <= rules.MAX_TOKENS else None
    journal.record("app_copy_refused", screen="A-OTP", rule="R-APP-BIND", device=app_device(), tokens=held)
    db.session.commit()
    return jsonify({"recorded": True})
