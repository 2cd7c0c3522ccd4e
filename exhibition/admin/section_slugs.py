"""A section saved without a slug gets one from its title, unique within its
exhibition: the admin's JavaScript fills the slug as the title is typed, and this
does the same for a script, a browser without JavaScript, or a row added inline."""

from adminsortable2.admin import CustomInlineFormSet
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from catalog.admin.uploads import StoredUploadsForm
from exhibition.models import Section
from exhibition.models.exhibitions import RESERVED_SECTION_SLUGS

# For a title with nothing slugify keeps (all in Chinese, say).
FALLBACK = "section"


def slug_from(titles, taken, max_length):
    """The slug of the first title that makes one, numbered past those ``taken``."""
    room = max_length - 5  # for "-9999"
    base = next(
        (slug for title in titles if (slug := slugify(title or "")[:room].strip("-"))),
        FALLBACK,
    )
    slug, number = base, 1
    while slug in taken or slug in RESERVED_SECTION_SLUGS:
        number += 1
        slug = f"{base}-{number}"
    return slug


class SectionForm(StoredUploadsForm):
    """A section's form, whose slug may be left empty (see the module docstring)."""

    # The other rows' slugs, shared by a formset's forms (SectionFormSet).
    claimed = frozenset()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "Unique within the exhibition; other exhibitions may reuse it. "
                "Left empty, it is made from the title."
            )

    def clean(self):
        cleaned = super().clean()
        if "slug" in self.fields and not cleaned.get("slug"):
            exhibition = cleaned.get("exhibition")
            taken = set(self.claimed)
            if exhibition is not None and exhibition.pk:
                siblings = Section.objects.filter(exhibition=exhibition)
                if self.instance.pk:
                    siblings = siblings.exclude(pk=self.instance.pk)
                taken.update(siblings.values_list("slug", flat=True))
            titles = [cleaned.get("title_en"), cleaned.get("title_zh_hans")]
            max_length = Section._meta.get_field("slug").max_length
            cleaned["slug"] = slug_from(titles, taken, max_length)
            if isinstance(self.claimed, set):
                self.claimed.add(cleaned["slug"])
        return cleaned


class SectionFormSet(CustomInlineFormSet):
    """Rows of one post share the slugs typed in any of them, and those made."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if not hasattr(self, "_claimed"):
            self._claimed = {
                value
                for name, value in self.data.items()
                if name.startswith(f"{self.prefix}-")
                and name.endswith("-slug")
                and value
            }
        form.claimed = self._claimed
        return form
