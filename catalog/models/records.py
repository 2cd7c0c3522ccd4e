"""Catalogued records: the shared publishable base, artifacts and their images,
photographs."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from catalog.images import CheckedImageField, UploadPath
from catalog.models.fields import LineField, rights_uri_field


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def published_via(path=""):
    """The condition that the record at ``path`` (a lookup across relations, e.g.
    ``"section_items__section"``) is published: ``published()`` where a query must
    say it of a related row. Public code never spells out the status itself."""
    return models.Q(**{f"{path}__status" if path else "status": Status.PUBLISHED})


class RecordQuerySet(models.QuerySet):
    def published(self):
        """The only records public code may read: gallery, kiosk, search, feeds."""
        return self.filter(published_via())


def workflow_user(verbose_name):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=verbose_name,
    )


def workflow_permissions(name, plural):
    """The workflow's own permissions for one kind of record (see exhibition/roles)."""
    return [
        (f"submit_{name}", f"Can submit {plural} for review"),
        (f"publish_{name}", f"Can approve, publish and withdraw {plural}"),
        (f"translate_{name}", f"Can edit the English and Chinese text of {plural}"),
    ]


def listing(name):
    """The collection's sorts of published records, by date (the default) and by
    title in each language: read in order from an index, a page costs the same at
    any size, where a sort of every published record cost a third of a second at
    70,000."""
    return [
        models.Index(fields=["status", "year_from", "id"], name=f"{name}_status_year"),
        models.Index(
            fields=["status", "title_en", "id"], name=f"{name}_status_title_en"
        ),
        models.Index(
            fields=["status", "title_zh_hans", "id"], name=f"{name}_status_title_zh"
        ),
    ]


class Publishable(models.Model):
    """Anything with a workflow status: records, exhibitions, sections."""

    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
    )

    objects = RecordQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED


class Record(Publishable):
    """Fields every catalogued, publishable record shares."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    disputed = models.BooleanField(
        _("disputed"),
        default=False,
        db_index=True,
        help_text=_("Tick when sources disagree; explain in the disputed note."),
    )
    disputed_note = models.TextField(_("disputed note"), blank=True)
    citations = GenericRelation("catalog.Citation")
    media = GenericRelation("catalog.MediaItem")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True, db_index=True)
    # Who moved the record along the workflow, and when (see catalog/workflow.py).
    submitted_by = workflow_user(_("submitted for review by"))
    submitted_at = models.DateTimeField(
        _("submitted for review"), null=True, blank=True
    )
    reviewed_by = workflow_user(_("reviewed by"))
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    published_by = workflow_user(_("published by"))
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    withdrawn_by = workflow_user(_("withdrawn by"))
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Scheduled publication: the record goes public at this time if it is "
            "complete (checked every five minutes)."
        ),
    )

    class Meta:
        abstract = True


class Artifact(Record):
    accession_number = models.CharField(
        _("accession number"), max_length=50, unique=True
    )
    # Optional: a real catalogue has works whose type nobody recorded.
    object_type = models.ForeignKey(
        "catalog.ObjectType",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="artifacts",
        verbose_name=_("object type"),
    )
    title = LineField(_("title"))
    description = models.TextField(_("description"), blank=True)
    date_display = LineField(
        _("date (as shown)"),
        blank=True,
        help_text=_("As visitors read it, e.g. “c. 1938” or “spring 1939”."),
    )
    year_from = models.SmallIntegerField(_("earliest year"), null=True, blank=True)
    year_to = models.SmallIntegerField(_("latest year"), null=True, blank=True)
    place = LineField(_("place"), blank=True)
    materials = LineField(_("materials and technique"), blank=True)
    dimensions = LineField(_("dimensions"), blank=True)
    credit_line = models.TextField(_("credit line"), blank=True)
    provenance = models.TextField(_("provenance"), blank=True)
    gallery_room = models.CharField(
        _("gallery room"), max_length=20, blank=True, db_index=True
    )
    case = models.CharField(_("case"), max_length=40, blank=True)
    rights = models.TextField(_("rights statement"), blank=True)
    rights_uri = rights_uri_field()
    people = models.ManyToManyField(
        "catalog.Person", related_name="artifacts", blank=True, verbose_name=_("people")
    )

    class Meta:
        ordering = ["accession_number"]
        indexes = [models.Index(fields=["year_from", "year_to"]), *listing("artifact")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year_to__isnull=True)
                | models.Q(year_from__isnull=True)
                | models.Q(year_from__lte=models.F("year_to")),
                name="artifact_years_in_order",
                violation_error_message=_("The earliest year is after the latest."),
            )
        ]
        permissions = workflow_permissions("artifact", "artifacts")
        verbose_name = _("artifact")
        verbose_name_plural = _("artifacts")

    def __str__(self):
        return f"{self.accession_number} · {self.title}"

    def get_absolute_url(self):
        return reverse("exhibition:artifact-detail", args=[self.slug])


class ArtifactImage(models.Model):
    artifact = models.ForeignKey(
        Artifact, on_delete=models.CASCADE, related_name="images"
    )
    image = CheckedImageField(
        _("image"),
        upload_to=UploadPath("artifacts"),
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    alt_text = models.TextField(
        _("alt text"),
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = models.TextField(_("caption"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("artifact image")
        verbose_name_plural = _("artifact images")

    def __str__(self):
        return self.caption or self.alt_text or self.image.name


class Photograph(Record):
    image = CheckedImageField(
        _("image"),
        upload_to=UploadPath("photographs"),
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    title = LineField(_("title"))
    caption = models.TextField(_("caption"), blank=True)
    alt_text = models.TextField(_("alt text"), blank=True)
    photographer = LineField(_("photographer"), blank=True)
    date_display = LineField(_("date (as shown)"), blank=True)
    year_from = models.SmallIntegerField(_("earliest year"), null=True, blank=True)
    year_to = models.SmallIntegerField(_("latest year"), null=True, blank=True)
    place = LineField(_("place"), blank=True)
    archive = LineField(_("holding archive"), blank=True)
    archive_reference = models.CharField(
        _("archive reference"), max_length=100, blank=True
    )
    credit_line = models.TextField(_("credit line"), blank=True)
    rights = models.TextField(_("rights statement"), blank=True)
    rights_uri = rights_uri_field()
    people = models.ManyToManyField(
        "catalog.Person",
        related_name="photographs",
        blank=True,
        verbose_name=_("people"),
    )

    class Meta:
        ordering = ["slug"]
        indexes = [
            models.Index(fields=["year_from", "year_to"]),
            *listing("photograph"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year_to__isnull=True)
                | models.Q(year_from__isnull=True)
                | models.Q(year_from__lte=models.F("year_to")),
                name="photograph_years_in_order",
                violation_error_message=_("The earliest year is after the latest."),
            )
        ]
        permissions = workflow_permissions("photograph", "photographs")
        verbose_name = _("photograph")
        verbose_name_plural = _("photographs")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("exhibition:photograph-detail", args=[self.slug])
