"""Kiosk device keys in the admin: made when a kiosk is added, shown once, rotated.

A key is shown on the page that answers the request that made it, inside the
kiosk's full start address, and nowhere else: not in a message (which would sit
in a cookie or the session), not in the change form, not in the database.
"""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class DeviceKeyAdmin:
    """A mixin for ``KioskAdmin``."""

    actions = ["make_new_device_keys"]

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/device-key/",
                self.admin_site.admin_view(self.device_key_view),
                name=f"{info}_device_key",
            ),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            request._new_device_key = obj.rotate_device_key()

    def response_add(self, request, obj, post_url_continue=None):
        key = getattr(request, "_new_device_key", None)
        if key is None:
            return super().response_add(request, obj, post_url_continue)
        return self.key_page(request, [(obj, key)], added=True)

    def device_key_view(self, request, object_id):
        """Confirm (GET), then make a new key and show it (POST)."""
        kiosk = self.get_object(request, unquote(object_id))
        if kiosk is None:
            raise Http404(_("No such kiosk."))
        if not self.has_change_permission(request, kiosk):
            raise PermissionDenied
        if request.method == "POST":
            return self.key_page(request, [(kiosk, self.rotate(request, kiosk))])
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "kiosk": kiosk,
            "title": _("Make a new device key"),
        }
        return TemplateResponse(
            request, "admin/exhibition/kiosk/device_key_confirm.html", context
        )

    @admin.action(
        description=gettext_lazy("Make new device keys"), permissions=["change"]
    )
    def make_new_device_keys(self, request, queryset):
        made = [(kiosk, self.rotate(request, kiosk)) for kiosk in queryset]
        return self.key_page(request, made)

    def rotate(self, request, kiosk):
        key = kiosk.rotate_device_key()
        self.log_change(request, kiosk, _("Made a new device key."))
        return key

    def key_page(self, request, made, added=False):
        """The one page that ever shows these keys, each in its start address."""
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Start addresses"),
            "added": added,
            "keys": [
                {
                    "kiosk": kiosk,
                    "url": request.build_absolute_uri(kiosk.start_url(key)),
                    "change_url": reverse(
                        f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                        args=[kiosk.pk],
                    ),
                }
                for kiosk, key in made
            ],
        }
        response = TemplateResponse(
            request, "admin/exhibition/kiosk/device_keys.html", context
        )
        add_never_cache_headers(response)
        return response

    @admin.display(description=gettext_lazy("device key"))
    def device_key_status(self, obj):
        if not obj.pk:
            return _("Made when you save; its start address is shown once.")
        url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_device_key",
            args=[obj.pk],
        )
        if not obj.device_key_hash:
            return format_html(
                '⚠ {} <a class="button" href="{}">{}</a>',
                _("None yet: the screen's heartbeats are refused."),
                url,
                _("Make a device key"),
            )
        return format_html(
            '✓ {} <a class="button" href="{}">{}</a>',
            _("Made %(when)s.")
            % {"when": formats.localize(obj.device_key_made_at, use_l10n=True)},
            url,
            _("Make a new device key"),
        )
