"""The security headers a bank's pages send, on every response of every party (the issuer, app, phone, mailbox too).

A small `after_request` of our own rather than Flask-Talisman: Talisman redirects
to HTTPS and marks cookies secure by default (the suite and people on a LAN use
plain HTTP), its nonces are not needed (no template runs an inline script or
style), and the whole policy fits here.
"""

from __future__ import annotations

from flask import Flask, Response, request

# Only the mock's own scripts, styles, images and fetches; the favicon is `data:,`; no page may be framed.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    )
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    # The full address only to the mock itself (the dialler's way back reads it); nothing to another site.
    "Referrer-Policy": "same-origin",
}
# A day: the name --https serves is a developer's machine, which may serve plain HTTP again tomorrow.
HSTS = "max-age=86400"


def init_security_headers(app: Flask) -> None:
    """Send HEADERS on every response, no-store on every page but static files, HSTS when served over HTTPS."""

    @app.after_request
    def security_headers(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if request.endpoint != "static":  # every other page holds a session's form token or a customer's data
            response.headers["Cache-Control"] = "no-store"
        if request.is_secure:  # only `serve --https`: a browser ignores HSTS over plain HTTP
            response.headers["Strict-Transport-Security"] = HSTS
        return response
