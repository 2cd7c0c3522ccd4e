"""The museum's own details, edited as one record: the list goes straight to it."""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from modeltranslation.admin import TranslationAdmin

from catalog.admin.concurrency import SaveCheckedAdmin
from catalog.admin.translations import SideBySideTranslationsAdmin
from catalog.admin.uploads import StoredUploadsForm
from exhibition.models import Museum


@admin.register(Museum)
class MuseumAdmin(SaveCheckedAdmin, SideBySideTranslationsAdmin, TranslationAdmin):
    change_form_template = "admin/checked_change_form.html"
    form = StoredUploadsForm
    fieldsets = [
        (None, {"fields": ["name", "short_name", "description", "logo"]}),
        (
            None,
            {"fields": ["address", "galleries", "opening_hours", "contact", "email"]},
        ),
        (None, {"fields": ["footer"]}),
    ]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not Museum.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        museum = Museum.objects.order_by("pk").first()
        if museum is None:
            return redirect(reverse("admin:exhibition_museum_add"))
        return redirect(reverse("admin:exhibition_museum_change", args=[museum.pk]))
