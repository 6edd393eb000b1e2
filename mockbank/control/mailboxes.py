"""Control API, the mailboxes: read delivered mail and set 迷惑メール拒否設定."""

from __future__ import annotations

from flask import jsonify, request

from mockbank.control import bad_request, bp
from mockbank.mail.mailbox import mails_for, rejected_domains, set_rejected


@bp.get("/mail")
def mail():
    """Mail delivered to a mailbox: ?to=address (newest first)."""
    return jsonify([m.as_dict() for m in mails_for(request.args.get("to", ""))])


@bp.post("/mailbox/reject")
def mailbox_reject():
    """迷惑メール拒否設定: {"address", "domain", "rejected": true|false}."""
    body = request.get_json(silent=True) or {}
    if not body.get("address") or not body.get("domain"):
        return bad_request("address and domain are required")
    set_rejected(body["address"], body["domain"], bool(body.get("rejected", True)))
    return jsonify({"address": body["address"], "rejected_domains": rejected_domains(body["address"])})
