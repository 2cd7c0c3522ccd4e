"""Table-less models that give the curators' tools their place in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Readiness(models.Model):
    """No table: the admin's entry for the exhibition readiness dashboard."""

    class Meta:
        managed = False
        default_permissions = ("view",)
        verbose_name = _("exhibition readiness")
        verbose_name_plural = _("exhibition readiness")

    def __str__(self):
        return str(self._meta.verbose_name)


class CollectionImport(models.Model):
    """No table: the admin's entry for importing a collection from CSV and images."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("import_collection", "Can import a collection from CSV")]
        verbose_name = _("collection import")
        verbose_name_plural = _("import collection")

    def __str__(self):
        return str(self._meta.verbose_name)
