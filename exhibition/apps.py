"""The exhibition app's configuration: signals (page cache, kiosks, OAI-PMH
tombstones, flushing use counts), roles and the import's sections."""

from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.core.signals import request_finished
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ExhibitionConfig(AppConfig):
    name = "exhibition"
    verbose_name = _("Exhibitions")

    def ready(self):
        from catalog.transfer.sections import register_sections
        from exhibition import signals
        from exhibition.interop.oai import tombstones
        from exhibition.models.staff import begin_visit
        from exhibition.roles import sync_roles
        from exhibition.sections import Sections
        from exhibition.stats.flush import flush_when_due

        signals.connect()
        user_logged_in.connect(begin_visit, dispatch_uid="begin-visit")
        signals.connect_kiosk_rules()
        tombstones.connect()
        # After this app's migrate: catalog's and exhibition's permissions exist.
        post_migrate.connect(sync_roles, sender=self, dispatch_uid="sync-roles")
        register_sections(Sections())
        # After the response is sent: a visitor never waits for the batch.
        request_finished.connect(flush_when_due, dispatch_uid="flush-use-counts")
