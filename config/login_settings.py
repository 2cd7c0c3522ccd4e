"""Settings of staff logins, imported by config/settings.py: the lockout after
failed attempts (django-axes) and two-step login (django-otp)."""

import os

# Curator logins: five failures lock that username from that address for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
# Two-step login (config/two_factor): the name authenticator apps show the account
# under; other superusers never see someone's secret in the device admin.
OTP_TOTP_ISSUER = os.environ.get("OTP_ISSUER", "Exhibition CMS")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
