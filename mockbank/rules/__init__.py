"""The manual's rules as pure functions: each returns None or a Problem with the bank's message.

One module per part of the guide; everything is importable from here
(`from mockbank import rules; rules.login_id_format(...)`).
"""

from mockbank.rules.base import HELP_DESK, Problem  # noqa: F401
from mockbank.rules.onboarding import *  # noqa: F401,F403
from mockbank.rules.registration import *  # noqa: F401,F403
from mockbank.rules.secret_qa import *  # noqa: F401,F403
