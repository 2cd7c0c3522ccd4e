"""The curators' tools: the readiness dashboard and the collection import."""

import tempfile
import zipfile
from pathlib import Path

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import StreamingHttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from catalog import readiness
from catalog.models import (
    Artifact,
    CollectionImport,
    Nationality,
    ObjectType,
    Person,
    Photograph,
    Readiness,
    Role,
    Status,
)
from catalog.transfer import importer
from catalog.transfer.importer import ImageFolder


class ToolAdmin(admin.ModelAdmin):
    """An admin page that is not a table: only its changelist URL exists."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "",
                self.admin_site.admin_view(self.changelist_view),
                name=f"{info}_changelist",
            )
        ]


@admin.register(Readiness)
class ReadinessAdmin(ToolAdmin):
    """How ready the exhibition is: counts that link to the records behind them."""

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Exhibition readiness"),
            "opts": self.opts,
            "statuses": Status.choices,
            "rows": [readiness_row(model) for model in (Artifact, Photograph, Person)],
            "untranslated_terms": untranslated_terms(),
        }
        return TemplateResponse(request, "admin/catalog/readiness.html", context)


def untranslated_terms():
    """Each vocabulary's terms that have no Chinese label yet, with its admin link."""
    lists = []
    for model in (ObjectType, Nationality, Role):
        opts = model._meta
        terms = list(model.objects.without_chinese_label())
        if terms:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            chinese = "chinese=missing"
            lists.append((opts.verbose_name_plural, f"{url}?{chinese}", terms))
    return lists


def readiness_row(model):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    by_status = dict(
        model.objects.values_list("status").annotate(n=Count("pk")).order_by()
    )
    problems = [
        (label, model.objects.filter(condition).count(), f"{url}?missing={name}")
        for name, (label, condition) in readiness.problem_filters(model).items()
    ]
    problems.append(
        (
            _("disputed"),
            model.objects.filter(disputed=True).count(),
            f"{url}?disputed__exact=1",
        )
    )
    return {
        "name": opts.verbose_name_plural,
        "url": url,
        "total": sum(by_status.values()),
        "statuses": [
            (by_status.get(value, 0), f"{url}?status__exact={value}")
            for value, _label in Status.choices
        ],
        "problems": problems,
    }


class ImportForm(forms.Form):
    csv_file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8 (Excel: “CSV UTF-8”), one row per artifact or photograph; "
            "see the sample in catalog/sample_import/."
        ),
    )
    images = forms.FileField(
        label=_("Images (ZIP)"),
        required=False,
        help_text=_("A ZIP file with the images the CSV names."),
    )
    extras = forms.FileField(
        label=_("collection.json (optional)"),
        required=False,
        help_text=_("Sources, roles and biographies, as written by the export."),
    )
    dry_run = forms.BooleanField(label=_("Check only, import nothing"), required=False)
    create_terms = forms.BooleanField(
        label=_("Create missing object types and nationalities"),
        required=False,
        help_text=_(
            "Values that match no term become new terms with the value as English "
            "label; add their Chinese labels afterwards."
        ),
    )


@admin.register(CollectionImport)
class CollectionImportAdmin(ToolAdmin):
    """Upload a CSV and a ZIP of images; progress and problems stream back."""

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("catalog.import_collection")

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Import collection"),
            "opts": self.opts,
            "form": form,
        }
        if request.method == "POST" and form.is_valid():
            return self.start_import(request, form, context)
        return TemplateResponse(request, "admin/catalog/import_form.html", context)

    def start_import(self, request, form, context):
        workdir = tempfile.TemporaryDirectory(prefix="import-")
        folder = Path(workdir.name)
        images = None
        if form.cleaned_data["images"]:
            images = folder / "images.zip"
            save_upload(form.cleaned_data["images"], images)
            if not zipfile.is_zipfile(images):
                workdir.cleanup()
                form.add_error("images", gettext("This is not a ZIP file."))
                return TemplateResponse(
                    request, "admin/catalog/import_form.html", context
                )
        # Read as it is: the import checks it with the rows and reports both.
        extras = None
        if form.cleaned_data["extras"]:
            extras = form.cleaned_data["extras"].read()
        image_folder = ImageFolder(images)
        # On disk, not in memory: the import reads it twice, a chunk at a time.
        rows = folder / "rows.csv"
        save_upload(form.cleaned_data["csv_file"], rows)
        job = importer.CsvImport(
            rows,
            image_folder,
            extras=extras,
            sections=importer.registered_sections(),
            user=request.user,
            create_terms=form.cleaned_data["create_terms"],
        )
        page = render_to_string(
            "admin/catalog/import_progress.html", context, request=request
        )
        head, tail = page.split("<!-- progress -->")

        def stream():
            try:
                yield head
                for step in job.steps(form.cleaned_data["dry_run"]):
                    yield progress_html(step)
                yield render_to_string(
                    "admin/catalog/import_result.html",
                    {**context, "report": job.report},
                    request=request,
                )
                yield tail
            finally:
                image_folder.close()
                workdir.cleanup()

        response = StreamingHttpResponse(
            stream(), content_type="text/html; charset=utf-8"
        )
        # Let proxies pass each chunk on at once (nginx buffers otherwise).
        response["X-Accel-Buffering"] = "no"
        return response


PHASES = {"checking": _("Checking rows"), "importing": _("Importing")}


def progress_html(step):
    """One streamed step: a bar, the rows done, their rate and the time left."""
    rate = number_format(round(step.rate), force_grouping=True)
    if step.done < step.total:
        minutes, seconds = divmod(round(step.left), 60)
        speed = gettext(
            "%(rate)s rows per second, about %(minutes)s min %(seconds)s s left"
        ) % {"rate": rate, "minutes": minutes, "seconds": seconds}
    else:
        speed = gettext("%(rate)s rows per second") % {"rate": rate}
    return format_html(
        '<div class="import-step"><progress max="{}" value="{}"></progress> '
        "{} {} / {} · {}</div>\n",
        step.total,
        step.done,
        PHASES[step.phase],
        step.done,
        step.total,
        speed,
    )


def save_upload(upload, destination):
    with open(destination, "wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
