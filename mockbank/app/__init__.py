"""The ワンタイムPW app on the customer's phone (P14–P17): its own party at /app; this version has its store page.

The app's setup, display names, tokens and codes come with the next version;
today the token mail's download address and S-TOKEN's アプリダウンロード lead
to the store page stand-in (A-DL), which says so instead of a dead link.
"""

from flask import Blueprint, render_template, request

bp = Blueprint("app", __name__, url_prefix="/app")


@bp.get("/download")
def download():
    """A-DL (P14): App Store on iPhone, Google Play on Android — a stand-in, marked as still to come."""
    store = "App Store" if "iPhone" in request.headers.get("User-Agent", "") else "Google Play"
    return render_template("app/download.html", store=store)
