"""Checking what a row links to: people, sections, citations, images, status."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from catalog.images import validate_image_file
from catalog.models import (
    Artifact,
    Photograph,
    Status,
)
from catalog.transfer.columns import split_list, translated_names


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
            section = section or self.sections.resolve(name)
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
        """The checked bytes of image ``name``, or None after reporting why not."""
        data, error = self._cached_image(name)
        if error:
            self.problem(number, column, error)
            return None
        return data

    def image_error(self, name):
        """Why image ``name`` cannot be used, or None."""
        return self._cached_image(name)[1]

    def _cached_image(self, name):
        if name not in self._image_cache:
            self._image_cache[name] = self._read_image(name)
        return self._image_cache[name]

    def _read_image(self, name):
        where = self.images.find(name)
        if where is None:
            return None, _("Missing image “%(name)s”: no such file.") % {"name": name}
        if self.images.size(where) > settings.IMAGE_MAX_BYTES:
            return None, _("Image “%(name)s” is too large.") % {"name": name}
        data = self.images.read(where)
        upload = ContentFile(data, name=name)
        try:
            validate_image_file(upload)
        except ValidationError as error:
            return None, _("Broken image “%(name)s”: %(error)s") % {
                "name": name,
                "error": " ".join(error.messages),
            }
        return data, None

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
                if data is not None:
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
        status = row.values.get("status")
        if status in (None, Status.DRAFT, Status.REVIEW) or self.user is None:
            return
        if not self.user.has_perm(f"catalog.publish_{row.model._meta.model_name}"):
            self.problem(
                number,
                "status",
                _("You may not import records as %(status)s.")
                % {"status": Status(status).label.lower()},
            )

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
        try:
            exclude = ["image"]
            term = record._state.fields_cache.get("object_type")
            if term is not None and term.pk is None:
                exclude.append("object_type")  # a term the import will create
            record.full_clean(exclude=exclude, validate_constraints=False)
        except ValidationError as error:
            reported = {(p.row, p.column) for p in self.report.problems}
            for name, messages in error.message_dict.items():
                column = name
                if name in translated_names(row.model):
                    column = f"{name}_en"
                if (number, column) in reported:
                    continue  # already explained, e.g. an unknown choice
                for message in messages:
                    self.problem(number, column, message)
