"""The branded admin site the curators log in to."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class CuratorAdminSite(admin.AdminSite):
    site_header = _("Exhibition CMS — Curators")
    site_title = _("Exhibition CMS")
    index_title = _("Catalogue and exhibitions")
