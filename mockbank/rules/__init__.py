"""The manual's rules as pure functions: each returns None or a Problem with the bank's message.

One module per bank module of the same name (rules/login_id.py for bank/login_id.py, S-ID);
rules applied on screens of several modules sit in common.py, what every rule is made of in
base.py. Everything is importable from here (`from mockbank import rules; rules.login_id_format(...)`).
"""

from mockbank.rules.base import *  # noqa: F401,F403
from mockbank.rules.common import *  # noqa: F401,F403
from mockbank.rules.customer_info import *  # noqa: F401,F403
from mockbank.rules.customer_registration import *  # noqa: F401,F403
from mockbank.rules.login import *  # noqa: F401,F403
from mockbank.rules.login_id import *  # noqa: F401,F403
from mockbank.rules.mail_password import *  # noqa: F401,F403
from mockbank.rules.otp_application import *  # noqa: F401,F403
from mockbank.rules.password_change import *  # noqa: F401,F403
from mockbank.rules.secret_qa import *  # noqa: F401,F403
