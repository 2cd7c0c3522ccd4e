"""What the admin keeps for each member of staff: their language, their visits."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffPreference(models.Model):
    """The admin's UI language for one person; content languages are not affected."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_preference",
        verbose_name=_("user"),
    )
    language = models.CharField(
        _("admin language"), max_length=10, choices=settings.LANGUAGES, blank=True
    )
    # The start page lists what changed since the visit before this one.
    this_visit = models.DateTimeField(_("this visit began"), null=True, blank=True)
    previous_visit = models.DateTimeField(
        _("previous visit began"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("staff preference")
        verbose_name_plural = _("staff preferences")

    def __str__(self):
        return f"{self.user} · {self.get_language_display()}"


def begin_visit(sender, request, user, **kwargs):
    """On login: the visit that was current becomes the previous one."""
    from django.utils import timezone

    preference, _created = StaffPreference.objects.get_or_create(user=user)
    preference.previous_visit = preference.this_visit
    preference.this_visit = timezone.now()
    preference.save(update_fields=["previous_visit", "this_visit"])
