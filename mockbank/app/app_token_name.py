"""A-NAME トークン表示名設定 (P16): a display name and 追加文言 for the token just set up, then 登録."""

from __future__ import annotations

from flask import redirect, render_template, request, url_for

from mockbank import journal
from mockbank.app import bp
from mockbank.app.app_setup_done import BANK_NAME
from mockbank.app.instructions import hand_over
from mockbank.db import db
from mockbank.rules import app_token_name as rules


@bp.route("/name", methods=("GET", "POST"))
def token_name():
    """トークン表示名設定 (A-NAME, P16): 登録 names the token on the phone and shows its ワンタイムパスワード."""
    key = request.values.get("token", "")
    if request.method != "POST":
        return render_template("app/app_token_name.html", form={"token": key, "name": BANK_NAME}, problems=[])
    name, extra = request.form.get("name", "").strip(), request.form.get("extra", "").strip()
    problems = rules.display_name(key, name, extra)
    if problems:
        journal.refused("A-NAME", problems)
        return render_template("app/app_token_name.html", form=request.form, problems=problems)
    hand_over(name={"token": key[:64], "name": name, "extra": extra})
    journal.record("app_token_named", screen="A-NAME")
    db.session.commit()
    return redirect(url_for("app.otp"))
