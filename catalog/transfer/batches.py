"""What the import looks up once per chunk of rows instead of once per row: the
records the rows match, the slugs already taken, and what those records link to."""

import copy
import functools
from pathlib import PurePosixPath

from django.contrib.contenttypes.models import ContentType
from django.db import connection, reset_queries
from django.utils.text import slugify

from catalog.models import Artifact, Citation, Photograph
from catalog.transfer.columns import KINDS, split_list


def forget_queries():
    """With DEBUG on, Django keeps the SQL of the last 9,000 queries; a bulk insert's
    SQL carries a whole chunk of text. Keep one chunk's, unless a test is counting
    queries (it forces the debug cursor and reads the log itself)."""
    if not connection.force_debug_cursor:
        reset_queries()


@functools.cache
def blank_record(model):
    return model()


def new_record(model):
    """A new, unsaved record with every field at its default: a copy of one made
    once, since making each anew costs modeltranslation a switch of language per
    translated field (a millisecond a record)."""
    return copy.copy(blank_record(model))


def default_slug(model, values, cells):
    """The slug a row gets when its slug cell is empty."""
    if model is Artifact:
        title = slugify(values.get("title_en", ""))[:80]
        accession = slugify(values.get("accession_number", ""))
        return "-".join(part for part in (title, accession) if part)
    title = slugify(values.get("title_en", ""))[:100]
    images = split_list(cells.get("images", ""))
    stem = slugify(PurePosixPath(images[0]).stem) if images else ""
    return title or stem


def row_key(model, cells):
    """What matches a row to a record (accession number, or a photograph's slug),
    and the slug it asks for, read from the cells as the checks will parse them."""
    slug = (cells.get("slug") or "").strip()
    if model is Artifact:
        accession = (cells.get("accession_number") or "").strip()
        if not slug:
            title = cells.get("title_en", "")
            values = {"title_en": title, "accession_number": accession}
            slug = default_slug(model, values, cells)
        return accession, slug
    slug = slug or default_slug(model, {"title_en": cells.get("title_en", "")}, cells)
    return slug, slug


class Existing:
    """The records one chunk of rows matches and the artifact slugs it asks for,
    each in one query; a key the chunk did not foresee is looked up on its own."""

    def __init__(self, chunk):
        keys = {Artifact: set(), Photograph: set()}
        slugs = set()
        for _number, cells in chunk:
            model = KINDS.get((cells.get("kind") or "").strip().lower())
            if model is not None:
                key, slug = row_key(model, cells)
                keys[model].add(key)
                if model is Artifact:
                    slugs.add(slug)
        self.records = {}
        self.asked = {(model, key) for model, found in keys.items() for key in found}
        # Each lookup is ordered by the key it looks up: SQLite then searches that
        # key's index (ordered otherwise, it scanned the table: seconds a chunk).
        artifacts = Artifact.objects.filter(accession_number__in=keys[Artifact])
        for record in artifacts.order_by("accession_number"):
            self.records[(Artifact, record.accession_number)] = record
        for record in Photograph.objects.filter(slug__in=keys[Photograph]).order_by(
            "slug"
        ):
            self.records[(Photograph, record.slug)] = record
        self.slugs_asked = slugs
        self.slug_owners = dict(
            Artifact.objects.filter(slug__in=slugs).order_by().values_list("slug", "pk")
        )

    def record(self, model, key):
        """The record ``key`` names, or None."""
        if (model, key) in self.asked:
            return self.records.get((model, key))
        field = "accession_number" if model is Artifact else "slug"
        return model.objects.filter(**{field: key}).first()

    def artifact_slug_owner(self, slug):
        """The pk of the artifact that has ``slug``, or None."""
        if slug in self.slugs_asked:
            return self.slug_owners.get(slug)
        return Artifact.objects.filter(slug=slug).values_list("pk", flat=True).first()


class Links:
    """The people and citations of some records of one model, as stored now."""

    def __init__(self, model, pks):
        self.model = model
        self.people = {pk: {} for pk in pks}  # pk → {person slug: through row}
        self.citations = {pk: [] for pk in pks}  # pk → [(source key, locator)]
        if not pks:
            return
        through = model.people.through
        column = f"{model._meta.model_name}_id"
        rows = through.objects.filter(**{f"{column}__in": pks}).values_list(
            column, "person__slug", "pk", "person_id"
        )
        for pk, slug, row_pk, person_pk in rows:
            self.people[pk][slug] = (row_pk, person_pk)
        self.content_type = ContentType.objects.get_for_model(model)
        cited = (
            Citation.objects.filter(content_type=self.content_type, object_id__in=pks)
            .order_by("position", "pk")
            .values_list("object_id", "source__key", "locator")
        )
        for pk, key, locator in cited:
            self.citations[pk].append((key, locator))

    def people_differ(self, row):
        current = self.people.get(row.record.pk, {})
        return row.people is not None and set(row.people) != set(current)

    def citations_differ(self, row):
        current = self.citations.get(row.record.pk, [])
        wanted = [(key, locator) for key, locator in row.citations or []]
        return row.citations is not None and wanted != current
