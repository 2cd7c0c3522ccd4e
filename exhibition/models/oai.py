"""What OAI-PMH harvesters must go on being told: records gone from public view."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OaiTombstone(models.Model):
    """A once-published record that is now withdrawn, unpublished or deleted.

    Kept for good (the repository declares ``deletedRecord=persistent``), so a
    harvester learns of the removal whenever it harvests; removed again when the
    record is published anew. Fed by ``exhibition.interop.oai.tombstones``.
    """

    kind = models.CharField(_("kind of record"), max_length=20)
    record_id = models.PositiveBigIntegerField(_("record id"))
    deleted_at = models.DateTimeField(_("removed from public view"), db_index=True)
    # The sets the record was in when it went, each between spaces (" a b "), so a
    # selective harvest of a set hears of it with one substring test on any database.
    set_specs = models.TextField(
        pgettext_lazy("OAI-PMH", "sets"), blank=True, default=""
    )

    class Meta:
        ordering = ["kind", "record_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "record_id"], name="oai_tombstone_once_per_record"
            )
        ]
        verbose_name = _("OAI-PMH deleted record")
        verbose_name_plural = _("OAI-PMH deleted records")

    def __str__(self):
        return f"{self.kind}:{self.record_id}"
