"""The audio guide's stops, edited on their exhibition's page."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from exhibition.models import AudioStop


class AudioStopInline(admin.TabularInline):
    model = AudioStop
    extra = 0
    fields = ["number", "media"]
    autocomplete_fields = ["media"]
    ordering = ["number"]
    verbose_name_plural = _(
        "audio guide stops (the numbers on the wall; a clip plays only once its "
        "record is published)"
    )
