"""The control API: test-only routes to make worlds, reset one, seed personas, move its clock, read its journal and mail."""

from flask import Blueprint, jsonify

bp = Blueprint("control", __name__)  # mounted at its prefix in parties.PARTIES


def bad_request(message: str, status: int = 400):
    """A refused control call, with what was wrong."""
    return jsonify({"error": message}), status


from mockbank.control import calls, codes, customers, mailboxes, world, worlds  # noqa: E402,F401
