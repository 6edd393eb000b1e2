"""A-OTP ワンタイムパスワード (P16–P17): the chosen token's code from the phone's clock; a copied app shows none."""

from __future__ import annotations

from flask import jsonify, render_template, request

from mockbank import journal
from mockbank.app import bp, instructions
from mockbank.app.device import app_device
from mockbank.db import db
from mockbank.rules import MAX_TOKENS


@bp.get("/")
def otp():
    """ワンタイムパスワード (A-OTP): the chosen token's code from the phone's clock, countdown, ログイン; 初期設定 if none."""
    return render_template("app/app_otp.html", instructions=instructions.take())


@bp.post("/copied")
def copied():
    """The app found its data was set up on another phone (R-APP-BIND): it shows no code; the journal says so."""
    given = request.get_json(silent=True)
    tokens = given.get("tokens") if isinstance(given, dict) else None
    held = tokens if type(tokens) is int and 0 <= tokens <= MAX_TOKENS else None
    journal.record("app_copy_refused", screen="A-OTP", rule="R-APP-BIND", device=app_device(), tokens=held)
    db.session.commit()
    return jsonify({"recorded": True})
