"""Two-step login for staff: a password, then a code from an authenticator app.

Built on django-otp: ``policy`` says who must use it and holds the devices,
``gate`` keeps unverified sessions out of the admin, ``views`` are the login's
code step, the set-up page and the recovery codes.
"""
