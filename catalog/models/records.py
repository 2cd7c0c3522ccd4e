"""What the museum holds: artifacts, photographs, biographies and their sources."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from catalog.images import CheckedImageField, UploadPath


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Nationality(models.TextChoices):
    # Historical states keep their own code: the Soviet Union is not Russia.
    UNITED_STATES = "US", _("American")
    CANADA = "CA", _("Canadian")
    UNITED_KINGDOM = "GB", _("British")
    NEW_ZEALAND = "NZ", _("New Zealander")
    SOVIET_UNION = "SU", _("Soviet")
    GERMANY = "DE", _("German")
    AUSTRIA = "AT", _("Austrian")
    ROMANIA = "RO", _("Romanian")
    POLAND = "PL", _("Polish")
    CZECHOSLOVAKIA = "CZ", _("Czechoslovak")
    INDIA = "IN", _("Indian")
    LEBANON = "LB", _("Lebanese")
    SEVERAL = "XX", _("Several nationalities")


class RecordQuerySet(models.QuerySet):
    def published(self):
        """The only records public code may read: gallery, kiosk, search, feeds."""
        return self.filter(status=Status.PUBLISHED)


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


class Source(models.Model):
    """A document that facts point to."""

    class Kind(models.TextChoices):
        ANNOUNCEMENT = "announcement", _("Announcement")
        PAPER = "paper", _("Research paper")
        NEWS = "news", _("News report")
        ARCHIVE = "archive", _("Archival record")
        BOOK = "book", _("Book")
        REFERENCE = "reference", _("Well-established public record")
        OTHER = "other", _("Other")

    key = models.SlugField(_("key"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=400)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    author = models.CharField(_("author"), max_length=300, blank=True)
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    published = models.CharField(_("published"), max_length=200, blank=True)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    document = models.CharField(
        _("document"),
        max_length=200,
        blank=True,
        help_text=_("File name or archive reference of the document itself."),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.title


class Citation(models.Model):
    """One record's pointer to a source, at a page, section or paragraph."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        related_name="citations",
        verbose_name=_("source"),
    )
    locator = models.CharField(
        _("where in the source"),
        max_length=400,
        blank=True,
        help_text=_("Page, section or paragraph, e.g. “§3.2, para 3”."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")

    def __str__(self):
        return f"{self.source} — {self.locator}" if self.locator else str(self.source)


class Role(models.Model):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        return self.name


class Person(Record):
    """A biography: of one person, or of a group such as the Flying Tigers."""

    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        GROUP = "group", _("Group")

    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.PERSON
    )
    name = models.CharField(_("name"), max_length=200)
    other_names = models.CharField(_("other names"), max_length=300, blank=True)
    nationality = models.CharField(
        _("nationality"), max_length=2, choices=Nationality.choices, db_index=True
    )
    roles = models.ManyToManyField(
        Role, related_name="people", blank=True, verbose_name=_("roles")
    )
    affiliation = models.CharField(_("affiliation"), max_length=300, blank=True)
    groups = models.ManyToManyField(
        "self",
        symmetrical=False,
        related_name="members",
        blank=True,
        limit_choices_to={"kind": "group"},
        verbose_name=_("member of"),
    )
    birth_display = models.CharField(_("born (as shown)"), max_length=100, blank=True)
    birth_year = models.SmallIntegerField(_("birth year"), null=True, blank=True)
    death_display = models.CharField(_("died (as shown)"), max_length=200, blank=True)
    death_year = models.SmallIntegerField(_("death year"), null=True, blank=True)
    china_years = models.CharField(_("years in China"), max_length=200, blank=True)
    china_from = models.SmallIntegerField(
        _("in China from"), null=True, blank=True, db_index=True
    )
    china_to = models.SmallIntegerField(_("in China until"), null=True, blank=True)
    china_places = models.CharField(_("places in China"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("full text"), blank=True)
    portrait = CheckedImageField(
        _("portrait"),
        upload_to=UploadPath("people"),
        blank=True,
        width_field="portrait_width",
        height_field="portrait_height",
    )
    portrait_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    portrait_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    portrait_alt = models.CharField(_("portrait alt text"), max_length=300, blank=True)
    featured = models.BooleanField(
        _("featured"),
        default=False,
        db_index=True,
        help_text=_("One of the exhibition's featured subjects."),
    )

    class Meta:
        ordering = ["name"]
        permissions = workflow_permissions("person", "biographies")
        verbose_name = _("biography")
        verbose_name_plural = _("biographies")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("exhibition:person-detail", args=[self.slug])

    @property
    def life_dates(self):
        return " – ".join(
            part for part in (self.birth_display, self.death_display) if part
        )


class Artifact(Record):
    class ObjectType(models.TextChoices):
        PUBLICATION = "publication", _("Publication")
        DOCUMENT = "document", _("Document")
        LETTER = "letter", _("Letter")
        MANUSCRIPT = "manuscript", _("Manuscript")
        INSTRUMENT = "instrument", _("Instrument")
        EQUIPMENT = "equipment", _("Equipment")
        UNIFORM = "uniform", _("Uniform")
        MEDAL = "medal", _("Medal")
        MAP = "map", _("Map")
        POSTER = "poster", _("Poster")
        TEXTILE = "textile", _("Textile")
        MODEL = "model", _("Model")
        OTHER = "other", _("Other")

    accession_number = models.CharField(
        _("accession number"), max_length=50, unique=True
    )
    object_type = models.CharField(
        _("object type"), max_length=20, choices=ObjectType.choices, db_index=True
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    date_display = models.CharField(
        _("date (as shown)"),
        max_length=100,
        blank=True,
        help_text=_("As visitors read it, e.g. “c. 1938” or “spring 1939”."),
    )
    year_from = models.SmallIntegerField(_("earliest year"), null=True, blank=True)
    year_to = models.SmallIntegerField(_("latest year"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    materials = models.CharField(
        _("materials and technique"), max_length=300, blank=True
    )
    dimensions = models.CharField(_("dimensions"), max_length=200, blank=True)
    credit_line = models.CharField(_("credit line"), max_length=400, blank=True)
    provenance = models.TextField(_("provenance"), blank=True)
    gallery_room = models.CharField(
        _("gallery room"), max_length=20, blank=True, db_index=True
    )
    case = models.CharField(_("case"), max_length=40, blank=True)
    rights = models.CharField(_("rights statement"), max_length=400, blank=True)
    people = models.ManyToManyField(
        Person, related_name="artifacts", blank=True, verbose_name=_("people")
    )

    class Meta:
        ordering = ["accession_number"]
        indexes = [models.Index(fields=["year_from", "year_to"])]
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
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=400, blank=True)
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
    title = models.CharField(_("title"), max_length=300)
    caption = models.TextField(_("caption"), blank=True)
    alt_text = models.CharField(_("alt text"), max_length=300, blank=True)
    photographer = models.CharField(_("photographer"), max_length=200, blank=True)
    date_display = models.CharField(_("date (as shown)"), max_length=100, blank=True)
    year_from = models.SmallIntegerField(_("earliest year"), null=True, blank=True)
    year_to = models.SmallIntegerField(_("latest year"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    archive = models.CharField(_("holding archive"), max_length=300, blank=True)
    archive_reference = models.CharField(
        _("archive reference"), max_length=100, blank=True
    )
    credit_line = models.CharField(_("credit line"), max_length=400, blank=True)
    rights = models.CharField(_("rights statement"), max_length=400, blank=True)
    people = models.ManyToManyField(
        Person, related_name="photographs", blank=True, verbose_name=_("people")
    )

    class Meta:
        ordering = ["slug"]
        indexes = [models.Index(fields=["year_from", "year_to"])]
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
