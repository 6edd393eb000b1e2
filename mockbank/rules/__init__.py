"""The manual's rules as pure functions: each returns None or a Problem with the bank's message.

One module per screen that has rules of its own, named as the screen (rules/phone_check.py for
S-TEL 電話番号認証); rules applied on several screens sit in common.py, what every rule is made of
in base.py. The bank's are importable from here (`from mockbank import rules; rules.login_id_format(...)`);
the ワンタイムPW app's (app_setup.py, app_token_name.py, app_settings.py) by module, as the app's own.
"""

from mockbank.rules.base import *  # noqa: F401,F403
from mockbank.rules.biometric_login import *  # noqa: F401,F403
from mockbank.rules.biometric_setting import *  # noqa: F401,F403
from mockbank.rules.common import *  # noqa: F401,F403
from mockbank.rules.customer_info import *  # noqa: F401,F403
from mockbank.rules.customer_registration import *  # noqa: F401,F403
from mockbank.rules.login import *  # noqa: F401,F403
from mockbank.rules.login_id import *  # noqa: F401,F403
from mockbank.rules.mail_password import *  # noqa: F401,F403
from mockbank.rules.otp_application import *  # noqa: F401,F403
from mockbank.rules.password_change import *  # noqa: F401,F403
from mockbank.rules.phone_check import *  # noqa: F401,F403
from mockbank.rules.risk_based_auth import *  # noqa: F401,F403
from mockbank.rules.secret_qa import *  # noqa: F401,F403
from mockbank.rules.token_issue import *  # noqa: F401,F403
from mockbank.rules.token_reissue import *  # noqa: F401,F403
