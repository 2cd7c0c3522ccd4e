"""An exhibition's translation work: every record and field missing a language."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from catalog.admin.translations import translated_pairs
from catalog.models import Artifact, Person, Photograph
from exhibition.models import Section, SectionItem


def records_of(exhibition):
    """The exhibition, its sections, what hangs in them and their people."""
    sections = list(Section.objects.filter(exhibition=exhibition))
    items = SectionItem.objects.filter(section__in=sections)
    artifacts = Artifact.objects.filter(
        pk__in=items.exclude(artifact=None).values("artifact")
    )
    photographs = Photograph.objects.filter(
        pk__in=items.exclude(photograph=None).values("photograph")
    )
    people = Person.objects.filter(
        Q(artifacts__in=artifacts) | Q(photographs__in=photographs)
    ).distinct()
    return [exhibition, *sections, *artifacts, *photographs, *people]


def gaps(records, language=None, kind=None):
    """Rows of (record, field label, missing languages, link to the field)."""
    codes = [code for code, _name in settings.LANGUAGES]
    names = dict(settings.LANGUAGES)
    rows = []
    for record in records:
        opts = record._meta
        if kind and opts.model_name != kind:
            continue
        url = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk]
        )
        for base, columns in translated_pairs(type(record)).items():
            values = [
                str(getattr(record, column, "") or "").strip() for column in columns
            ]
            if not any(values):
                continue  # an optional text nobody wrote: nothing to translate
            missing = [
                code for code, value in zip(codes, values, strict=True) if not value
            ]
            if language:
                missing = [code for code in missing if code == language]
            for code in missing:
                column = columns[codes.index(code)]
                rows.append(
                    {
                        "record": record,
                        "kind": opts.verbose_name,
                        "field": opts.get_field(base).verbose_name,
                        "language": names[code],
                        "url": f"{url}#id_{column}",
                    }
                )
    return rows


class TranslationViewAdmin:
    """A ModelAdmin mixin for exhibitions: ``<pk>/translation/``."""

    def get_urls(self):
        return [
            path(
                "<path:object_id>/translation/",
                self.admin_site.admin_view(self.translation_view),
                name="exhibition_exhibition_translation",
            ),
            *super().get_urls(),
        ]

    def translation_view(self, request, object_id):
        exhibition = self.get_object(request, object_id)
        if exhibition is None or not self.has_view_permission(request, exhibition):
            raise PermissionDenied
        language = request.GET.get("language") or None
        kind = request.GET.get("kind") or None
        records = records_of(exhibition)
        kinds = {(r._meta.model_name, str(r._meta.verbose_name)) for r in records}
        rows = gaps(records, language, kind)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Translation of “%(exhibition)s”") % {"exhibition": exhibition},
            "opts": self.opts,
            "original": exhibition,
            "rows": rows,
            "languages": settings.LANGUAGES,
            "kinds": sorted(kinds),
            "chosen_language": language,
            "chosen_kind": kind,
        }
        return TemplateResponse(request, "admin/exhibition/translation.html", context)
