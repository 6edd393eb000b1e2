"""Names other step modules imported from here before the app's steps split by screen (steps/app_<screen>.py).

The phrase for a phone and the codes a token shows now live in steps/codes.py; import them from there.
"""

from steps.codes import CHECK_SPAN, PHONE, expected_code, expected_codes

__all__ = ["CHECK_SPAN", "PHONE", "expected_code", "expected_codes"]
