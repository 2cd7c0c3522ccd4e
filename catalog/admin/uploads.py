"""Admin forms that store their uploads while validating: a media storage that is
down or refusing comes back as an error on the image field, with everything the
curator typed still in the form, instead of a failed save."""

import logging

from django import forms
from django.db import models

from catalog.storage import STORAGE_ERRORS, UPLOAD_FAILED

logger = logging.getLogger(__name__)


class StoredUploadsForm(forms.ModelForm):
    """Writes each newly chosen file to storage once the form is otherwise valid.

    The model's save then finds the file committed and writes only the record.
    """

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return  # nothing stored for a form that comes back anyway
        for field in self.instance._meta.get_fields():
            if not isinstance(field, models.FileField):
                continue
            if field.name not in self.changed_data:
                continue
            file = getattr(self.instance, field.name)
            if not file or file._committed:
                continue
            try:
                file.save(file.name, file.file, save=False)
            except STORAGE_ERRORS:
                logger.warning("could not store an upload", exc_info=True)
                self.add_error(field.name, UPLOAD_FAILED)
