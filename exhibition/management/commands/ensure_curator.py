"""Makes the first curator login (a superuser) for ``make run`` and deployments."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


def ensure_curator(username="curator", password=None):
    """Create the first curator login if missing; return the new password or None."""
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        return None
    password = password or secrets.token_urlsafe(12)
    User.objects.create_superuser(username=username, email="", password=password)
    return password


class Command(BaseCommand):
    help = (
        "Make sure a curator login exists. Its password comes from CURATOR_PASSWORD, "
        "or is generated and printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="curator")

    def handle(self, *args, **options):
        username = options["username"]
        given = os.environ.get("CURATOR_PASSWORD")
        password = ensure_curator(username, given)
        if password is None:
            self.stdout.write(f"Curator login '{username}' already exists.")
            return
        if given:
            self.stdout.write(f"Created curator login '{username}' (CURATOR_PASSWORD).")
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"Created curator login '{username}' with password: {password}\n"
                    "It is shown only now. Change it with "
                    f"'python manage.py changepassword {username}'."
                )
            )
        self.stdout.write(two_step_hint(username))


def two_step_hint(username):
    return (
        "This login needs two-step login: after the password, the admin shows a QR "
        "code for an authenticator app on your phone.\n"
        "No app at hand (trying the demo)? "
        f"'python manage.py addstatictoken {username}' prints a single-use code "
        "to type when the login asks for a code."
    )
