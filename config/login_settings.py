"""Settings of staff logins, imported by config/settings.py: the lockout after
failed attempts (django-axes) and two-step login (django-otp)."""

import os

# Five failures lock that username from that address for an hour, so an attacker
# elsewhere cannot lock a curator out; five failures from one address, whatever the
# usernames, lock that address (one password tried against many accounts).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"

# The client's address behind PROXY_COUNT reverse proxies (as the API's throttle
# reads it): each proxy appends the address it was reached from to
# X-Forwarded-For, so the client is the PROXY_COUNT-th entry from the right;
# anything further left is whatever the client sent. django-ipware counts only
# the proxies listed after the client (the nearest one is REMOTE_ADDR), and must
# not give up on a chain longer than that (IPWARE_STRICT), or every forged header
# would fall back to the proxy's own address, shared by everyone.
PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
if PROXY_COUNT:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    AXES_IPWARE_PROXY_COUNT = PROXY_COUNT - 1
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
    AXES_IPWARE_PROXY_COUNT = None
AXES_IPWARE_PROXY_ORDER = "left-most"
IPWARE_STRICT = False

# Two-step login (config/two_factor): the name authenticator apps show the account
# under; other superusers never see someone's secret in the device admin.
OTP_TOTP_ISSUER = os.environ.get("OTP_ISSUER", "Exhibition CMS")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
