"""Installs the branded admin site in place of Django's default one."""

from django.contrib.admin.apps import AdminConfig


class CuratorAdminConfig(AdminConfig):
    """Replace the default admin site with the curators' branded one."""

    default_site = "config.admin.CuratorAdminSite"
