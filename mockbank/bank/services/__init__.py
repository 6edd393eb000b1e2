"""The bank's services, one module per screen that has one, named as its route module: check, save, journal.

Shared by several screens: applications.py (the customer's OTP applications, the issuer's failures), credentials.py
(a login's ID, password and end) and bank_line.py (the 0120 line's calls that prove S-TEL).
"""
