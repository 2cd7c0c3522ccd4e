"""The branded admin site the curators log in to."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class CuratorAdminSite(admin.AdminSite):
    site_header = _("Exhibition CMS — Curators")
    site_title = _("Exhibition CMS")
    index_title = _("Catalogue and exhibitions")

    def index(self, request, extra_context=None):
        from config.start_page import waiting_for

        context = {**(extra_context or {}), "waiting": waiting_for(request.user)}
        return super().index(request, context)
