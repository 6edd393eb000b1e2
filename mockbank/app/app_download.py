"""A-DL ワンタイムパスワードアプリのダウンロード (P14): the store's page of the app, App Store or Google Play."""

from __future__ import annotations

from flask import render_template, request

from mockbank.app import bp


@bp.get("/download")
def download():
    """A-DL (P14): App Store on iPhone and iPad, Google Play otherwise; 入手 / インストール opens the app."""
    agent = request.headers.get("User-Agent", "")
    apple = any(name in agent for name in ("iPhone", "iPad", "Macintosh"))
    return render_template(
        "app/app_download.html",
        store="App Store" if apple else "Google Play",
        get_label="入手" if apple else "インストール",
    )
