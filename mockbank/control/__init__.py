"""The control API: test-only routes to reset the world, seed personas, move the clock, read the journal."""
from flask import Blueprint

bp = Blueprint("control", __name__, url_prefix="/_control")

from mockbank.control import routes  # noqa: E402,F401
