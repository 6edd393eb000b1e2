"""A-HELP ヘルプ (P15): what 初期設定 needs and where its values come from."""

from __future__ import annotations

from flask import render_template

from mockbank.app import bp


@bp.get("/help")
def help_page():
    """ヘルプ (A-HELP, P15): what 初期設定 needs and where the values come from."""
    return render_template("app/app_help.html")
