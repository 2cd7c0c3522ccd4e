"""Checking what a row links to: people, sections, citations, images, status."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog import workflow
from catalog.images import validate_image_file
from catalog.models import (
    Artifact,
    Photograph,
    Status,
)
from catalog.transfer.columns import LANGUAGE_SUFFIXES, split_list, translated_names
from catalog.transfer.values import INVALID, snapshot


class LinkChecks:
    """How ``CollectionImport`` checks a row's links and images (a mixin)."""

    def check_people(self, number, value):
        found = []
        for name in split_list(value):
            slug = self.people.get(name) or self.people.get(name.lower())
            if slug is None:
                self.problem(
                    number,
                    "people",
                    _("Unknown person “%(name)s”.") % {"name": name},
                )
            else:
                found.append(slug)
        return found

    def check_sections(self, number, value):
        names = split_list(value)
        if names and self.sections is None:
            self.problem(
                number, "sections", _("Sections cannot be set in this import.")
            )
            return []
        found = []
        for name in names:
            section = self.file_part and self.file_part.resolve(name)
            if section is None:
                if name not in self.section_cache:
                    self.section_cache[name] = self.sections.resolve(name)
                section = self.section_cache[name]
            if section is None:
                self.problem(
                    number,
                    "sections",
                    _("Unknown section “%(name)s”.") % {"name": name},
                )
            else:
                found.append(section)
        return found

    def check_citations(self, number, value):
        found = []
        for entry in split_list(value):
            key, _sep, locator = entry.partition(":")
            key = key.strip()
            if key not in self.sources:
                self.problem(
                    number,
                    "citations",
                    _("Unknown source “%(key)s”.") % {"key": key},
                )
            else:
                found.append((key, locator.strip()))
        return found

    def load_image(self, number, column, name):
        """Image ``name`` for the row: its bytes when writing, None when checking;
        ``INVALID`` after reporting why it cannot be used."""
        error = self.image_error(name)
        if error:
            self.problem(number, column, error)
            return INVALID
        if self.validating:
            return None  # checked; read again only when written
        return self.images.read(self.images.find(name))

    def image_error(self, name):
        """Why image ``name`` cannot be used, or None (only the verdict is kept:
        the bytes of every image of a large import would not fit in memory)."""
        if name not in self._image_errors:
            self._image_errors[name] = self._check_image(name)
        return self._image_errors[name]

    def _check_image(self, name):
        where = self.images.find(name)
        if where is None:
            return _("Missing image “%(name)s”: no such file.") % {"name": name}
        if self.images.size(where) > settings.IMAGE_MAX_BYTES:
            return _("Image “%(name)s” is too large.") % {"name": name}
        upload = ContentFile(self.images.read(where), name=name)
        try:
            validate_image_file(upload)
        except ValidationError as error:
            return _("Broken image “%(name)s”: %(error)s") % {
                "name": name,
                "error": " ".join(error.messages),
            }
        return None

    def check_images(self, number, row, cells):
        names = split_list(cells.get("images", ""))
        if row.model is Photograph:
            if len(names) > 1:
                self.problem(number, "images", _("A photograph has one image."))
            if not names and row.created:
                self.problem(number, "images", _("A new photograph needs an image."))
        if names:
            row.images = []
            for name in names:
                data = self.load_image(number, "images", name)
                if data is not INVALID:
                    row.images.append((name, data))
        if row.model is Artifact:
            row.image_text = {}
            for column in (
                "alt_text_en",
                "alt_text_zh_hans",
                "image_caption_en",
                "image_caption_zh_hans",
            ):
                if column in cells:
                    values = split_list(cells[column])
                    if len(values) > len(names):
                        self.problem(
                            number,
                            column,
                            _("More values than images (%(count)s).")
                            % {"count": len(names)},
                        )
                    row.image_text[column] = values

    def check_status(self, number, row):
        """A status cell moves the record only as ``catalog.workflow`` lets this
        user move it by import (never to published or withdrawn), and records who
        and when; the workflow's own columns are not the file's to change. Without
        a user (the server's own command) the file is taken as it is."""
        if self.user is None:
            return
        record, model = row.record, row.model
        from_state = Status.DRAFT if row.created else record.status
        to_state = row.values.get("status", from_state)
        refusal = workflow.import_refusal(
            self.user, model, from_state, to_state, row.created
        )
        if refusal:
            self.problem(number, "status", refusal)
            return
        for name in workflow.WORKFLOW_FIELDS[1:]:
            if name in row.values and row.values[name] != (
                None if row.created else getattr(record, name)
            ):
                self.problem(
                    number,
                    name,
                    _("Set by the workflow in the admin; an import may not change it."),
                )
            row.values.pop(name, None)
        if to_state != from_state:
            workflow.record_move(record, self.user, to_state)

    def check_edit(self, row):
        """What a row that changes its record does to the workflow (as an edit in
        the admin would, ``workflow.edit_of``): a published record is a head
        curator's to change; a change cancels another's scheduled approval."""
        if self.user is None or row.created:
            return
        before = row.before
        scheduled = before.get("publish_at") is not None
        outcome = workflow.edit_outcome(
            self.user, row.model, before["status"], scheduled
        )
        if outcome == workflow.EDIT_REFUSED:
            self.problem(
                row.number,
                "",
                _("Only a head curator may change a published record."),
            )
        elif outcome == workflow.EDIT_UNSCHEDULES:
            row.record.publish_at = None
        elif outcome == workflow.EDIT_REAPPROVES:
            row.record.reviewed_by = self.user
            row.record.reviewed_at = timezone.now()

    def check_record(self, number, row):
        record = row.record
        for name, value in row.values.items():
            if value == "" and getattr(record, name) is None:
                continue  # blank either way: not a change
            setattr(record, name, value)
        year_from, year_to = record.year_from, record.year_to
        if year_from is not None and year_to is not None and year_from > year_to:
            self.problem(
                number, "year_to", _("The latest year is before the earliest.")
            )
        if not self.validating:
            return  # written after a check that found nothing: do not check twice
        if not row.created and snapshot(record) == row.before:
            return  # the row changes no field: the model would judge the catalogue
        errors = self.model_errors(row)
        # This row's problems so far: the file's earlier rows cannot clash.
        mine = self.report.problems[self.row_problems :]
        reported = {(p.row, p.column) for p in mine}
        for name, messages in errors.items():
            column = name
            if name in translated_names(row.model):
                column = f"{name}_en"
            if (number, column) in reported:
                continue  # already explained, e.g. an unknown choice
            for message in messages:
                self.problem(number, column, message)

    def model_errors(self, row):
        """What ``full_clean`` would find, without its query per link and per
        unique field: links come from lookups of existing rows, and the one unique
        field a row can clash on (an artifact's slug) was looked up for the chunk."""
        record = row.record
        # The untranslated names read a language's column with fallbacks: a
        # required one is blank only when every language is (checked below).
        base = translated_names(row.model)
        exclude = {"image", *base}
        for f in record._meta.concrete_fields:
            if f.is_relation and getattr(record, f.attname) is not None:
                exclude.add(f.name)  # a term or user the lookups found
        term = record._state.fields_cache.get("object_type")
        if term is not None and term.pk is None:
            exclude.add("object_type")  # a term the import will create
        errors = {}
        try:
            record.clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        try:
            record.clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for name in sorted(base):
            f = record._meta.get_field(name)
            values = (
                record.__dict__.get(f"{name}_{lang}") for lang in LANGUAGE_SUFFIXES
            )
            if not f.blank and all(value in f.empty_values for value in values):
                blank = ValidationError(f.error_messages["blank"], code="blank")
                errors.setdefault(name, []).append(blank)
        slug = record.slug
        if row.model is Artifact and slug and "slug" not in errors:
            owner = self.existing.artifact_slug_owner(slug)
            if owner is not None and owner != record.pk:
                error = record.unique_error_message(Artifact, ("slug",))
                errors["slug"] = list(ValidationError([error]).messages)
        return {
            name: [str(m) for m in ValidationError(messages).messages]
            for name, messages in errors.items()
        }
