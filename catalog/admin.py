"""The curators' admin for the catalogue."""

import tempfile
import zipfile
from pathlib import Path

from adminsortable2.admin import SortableAdminBase, SortableInlineAdminMixin
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationTabularInline,
)
from modeltranslation.translator import translator
from simple_history.admin import SimpleHistoryAdmin

from catalog import history, importer, workflow
from catalog.importer import ImageFolder
from catalog.models import (
    Artifact,
    ArtifactImage,
    Citation,
    CollectionImport,
    Person,
    Photograph,
    Readiness,
    Role,
    Source,
    Status,
)

THUMBNAIL_SIZE = 80


def thumbnail(image_field, alt=""):
    if not image_field:
        return "—"
    return format_html(
        '<img src="{}" alt="{}" class="curator-thumb" width="{}" loading="lazy">',
        image_field.url,
        alt,
        THUMBNAIL_SIZE,
    )


class DecadeListFilter(admin.SimpleListFilter):
    title = _("decade")
    parameter_name = "decade"
    year_field = "year_from"

    def lookups(self, request, model_admin):
        return [(str(year), f"{year}s") for year in range(1930, 1960, 10)]

    def queryset(self, request, queryset):
        if not self.value() or not self.value().isdigit():
            return queryset
        start = int(self.value())
        return queryset.filter(
            **{f"{self.year_field}__gte": start, f"{self.year_field}__lt": start + 10}
        )


class SectionListFilter(admin.SimpleListFilter):
    """Filter records by the exhibition section they hang in (reverse relation)."""

    title = _("section")
    parameter_name = "section"

    def lookups(self, request, model_admin):
        sections = (
            model_admin.model._meta.get_field("section_items")
            .related_model._meta.get_field("section")
            .related_model.objects.order_by("position")
        )
        return [(str(section.pk), str(section)) for section in sections]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(section_items__section=self.value()).distinct()
        return queryset


class CitationInline(GenericTabularInline):
    model = Citation
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["source", "locator", "position"]


def translated_field_names(model):
    """Every ``<field>_<language>`` column modeltranslation added to ``model``."""
    options = translator.get_options_for_model(model)
    return {field.name for fields in options.all_fields.values() for field in fields}


class MissingListFilter(admin.SimpleListFilter):
    """Records lacking what visitors need (the dashboard's counts link here)."""

    title = _("missing")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        filters = workflow.problem_filters(model_admin.model)
        return [(name, label) for name, (label, _q) in filters.items()]

    def queryset(self, request, queryset):
        filters = workflow.problem_filters(queryset.model)
        if self.value() in filters:
            return queryset.filter(filters[self.value()][1])
        return queryset


WORKFLOW_BUTTONS = {
    "submit": _("Save and submit for review"),
    "publish": _("Save, approve and publish"),
    "return_to_draft": _("Save and send back to draft"),
    "withdraw": _("Save and withdraw from the public"),
}


class PublishingAdmin(SimpleHistoryAdmin, TranslationAdmin):
    """Shared columns, workflow buttons, role rules and history for the records.

    Status changes only through ``catalog.workflow`` (buttons and bulk actions),
    never through the form. A translator (``translate_<model>`` without
    ``change_<model>``) may edit only the English and Chinese text fields.
    """

    actions = ["submit_for_review", "publish", "unpublish"]
    list_per_page = 50
    save_on_top = True
    change_form_template = "admin/catalog/record_change_form.html"
    change_list_template = "admin/catalog/record_change_list.html"
    workflow_fields = ["status", "publish_at", "workflow_steps"]

    class Media:
        css = {"all": ["catalog/admin.css"]}
        js = ["catalog/admin-preview.js"]

    # -- who may do what ---------------------------------------------------------

    def has_full_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj)

    def has_translate_permission(self, request, obj=None):
        return request.user.has_perm(workflow.permission(self.model, "translate"))

    def is_translator_only(self, request, obj=None):
        return not self.has_full_change_permission(
            request, obj
        ) and self.has_translate_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self.has_full_change_permission(
            request, obj
        ) or self.has_translate_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if obj is not None and obj.status == Status.PUBLISHED:
            return allowed and workflow.can_publish(request.user, self.model)
        return allowed

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user, self.model)

    def has_submit_permission(self, request):
        return workflow.can_submit(request.user, self.model)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Reverting sets every field: not for someone who may edit only the text.
        if self.is_translator_only(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return not self.has_full_change_permission(
            request, obj
        ) or super().revert_disabled(request, obj)

    # -- the form ------------------------------------------------------------------

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        return [*fieldsets, (_("Workflow"), {"fields": self.workflow_fields})]

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "status"]
        readonly.append("workflow_steps")
        if not self.has_publish_permission(request):
            readonly.append("publish_at")
        if self.is_translator_only(request, obj):
            text = translated_field_names(self.model)
            readonly += [
                name
                for name in flatten_fieldsets(self.get_fieldsets(request, obj))
                if name not in text and name not in readonly
            ]
        return readonly

    def get_prepopulated_fields(self, request, obj=None):
        if self.is_translator_only(request, obj):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def save_model(self, request, obj, form, change):
        # Setting a publication time is the reviewer's approval; publish_due
        # records the reviewer as the publisher when the time comes.
        if "publish_at" in form.changed_data and obj.publish_at:
            obj.reviewed_by = request.user
            obj.reviewed_at = timezone.now()
        super().save_model(request, obj, form, change)

    @admin.display(description=_("steps"))
    def workflow_steps(self, obj):
        steps = [
            (_("Submitted for review"), obj.submitted_by, obj.submitted_at),
            (_("Reviewed"), obj.reviewed_by, obj.reviewed_at),
            (_("Published"), obj.published_by, obj.published_at),
            (_("Withdrawn"), obj.withdrawn_by, obj.withdrawn_at),
        ]
        done = [(label, who, when) for label, who, when in steps if when]
        if not done:
            return "—"
        return format_html_join(
            "",
            "<div>{}: {} · {}</div>",
            (
                (
                    label,
                    who or gettext("unknown"),
                    timezone.localtime(when).strftime("%Y-%m-%d %H:%M"),
                )
                for label, who, when in done
            ),
        )

    def render_change_form(self, request, context, add=False, change=False, **kw):
        obj = context.get("original")
        if obj is not None and obj.pk:
            context["workflow_buttons"] = [
                (name, WORKFLOW_BUTTONS[name])
                for name in workflow.available_transitions(obj, request.user)
            ]
            if obj.status != Status.PUBLISHED:
                context["readiness"] = workflow.missing(obj)
            context["preview_url"] = obj.get_absolute_url()
        return super().render_change_form(request, context, add, change, **kw)

    def response_change(self, request, obj):
        name = request.POST.get("_workflow")
        if name in workflow.TRANSITIONS:
            self.run_transition(request, obj, name)
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def run_transition(self, request, obj, name):
        try:
            hints = workflow.TRANSITIONS[name](obj, request.user)
        except workflow.WorkflowError as refused:
            self.message_user(
                request,
                gettext("“%(record)s” was saved but not moved on:") % {"record": obj},
                messages.ERROR,
            )
            for problem in refused.problems:
                self.message_user(request, problem, messages.ERROR)
            return
        self.message_user(
            request,
            gettext("“%(record)s” is now %(status)s.")
            % {"record": obj, "status": obj.get_status_display().lower()},
            messages.SUCCESS,
        )
        if name == "submit":
            for hint in hints:
                self.message_user(
                    request,
                    gettext("Still needed before publishing: %(problem)s")
                    % {"problem": hint},
                    messages.WARNING,
                )

    # -- list columns and bulk actions -----------------------------------------------

    @admin.display(description=_("sections"))
    def sections(self, obj):
        titles = [str(item.section) for item in obj.section_items.all()]
        return ", ".join(titles) or "—"

    @admin.display(description=_("last change"), ordering="updated_at")
    def last_change(self, obj):
        return obj.updated_at

    def run_bulk(self, request, queryset, transition, done_message):
        done = 0
        refused = []
        for record in queryset:
            try:
                transition(record, request.user)
            except workflow.WorkflowError as error:
                refused.append((record, error.problems))
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)
        for record, problems in refused:
            self.message_user(
                request,
                gettext("“%(record)s” was not changed: %(problems)s")
                % {"record": record, "problems": " ".join(map(str, problems))},
                messages.ERROR,
            )

    @admin.action(
        description=_("Submit selected records for review"), permissions=["submit"]
    )
    def submit_for_review(self, request, queryset):
        self.run_bulk(
            request,
            queryset.filter(status__in=[Status.DRAFT, Status.WITHDRAWN]),
            workflow.submit,
            lambda n: (
                ngettext(
                    "%d record submitted for review.",
                    "%d records submitted for review.",
                    n,
                )
                % n
            ),
        )

    @admin.action(
        description=_("Approve and publish selected records"), permissions=["publish"]
    )
    def publish(self, request, queryset):
        self.run_bulk(
            request,
            queryset.exclude(status=Status.PUBLISHED),
            workflow.publish,
            lambda n: ngettext("%d record published.", "%d records published.", n) % n,
        )

    @admin.action(
        description=_("Withdraw selected records from the public"),
        permissions=["publish"],
    )
    def unpublish(self, request, queryset):
        self.run_bulk(
            request,
            queryset.filter(status=Status.PUBLISHED),
            workflow.withdraw,
            lambda n: ngettext("%d record withdrawn.", "%d records withdrawn.", n) % n,
        )

    # -- deleted records -------------------------------------------------------------

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "deleted/",
                self.admin_site.admin_view(self.deleted_view),
                name=f"{info}_deleted",
            ),
            path(
                "deleted/<int:object_id>/restore/",
                self.admin_site.admin_view(require_POST(self.restore_view)),
                name=f"{info}_restore",
            ),
            *super().get_urls(),
        ]

    def deleted_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Deleted %(records)s")
            % {"records": self.opts.verbose_name_plural},
            "opts": self.opts,
            "deleted": history.deleted_records(self.model).select_related(
                "history_user"
            )[:200],
            "can_restore": self.has_delete_permission(request),
        }
        return TemplateResponse(request, "admin/catalog/deleted_records.html", context)

    def restore_view(self, request, object_id):
        # Restoring undoes a delete, so it takes the same (head curator's) right.
        if not self.has_delete_permission(request):
            raise PermissionDenied
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        try:
            record = history.restore(self.model, object_id, user=request.user)
        except LookupError:
            self.message_user(
                request, gettext("There is nothing to restore."), messages.ERROR
            )
            return HttpResponseRedirect(reverse(f"admin:{info}_deleted"))
        self.message_user(
            request,
            gettext("“%(record)s” was restored (status: %(status)s).")
            % {"record": record, "status": record.get_status_display().lower()},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse(f"admin:{info}_change", args=[record.pk]))


@admin.register(Source)
class SourceAdmin(TranslationAdmin):
    list_display = ["key", "title", "kind", "publisher", "published"]
    list_filter = ["kind"]
    search_fields = ["key", "title_en", "title_zh_hans", "author", "publisher"]


@admin.register(Role)
class RoleAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["slug", "name_en", "name_zh_hans"]
    prepopulated_fields = {"slug": ["name_en"]}


class ArtifactImageInline(SortableInlineAdminMixin, TranslationTabularInline):
    model = ArtifactImage
    extra = 0
    fields = ["preview", "image", "alt_text", "caption"]
    readonly_fields = ["preview"]

    def is_translator_only(self, request):
        user = request.user
        return not user.has_perm("catalog.change_artifactimage") and user.has_perm(
            "catalog.translate_artifact"
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) or self.is_translator_only(
            request
        )

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self.is_translator_only(request):
            readonly.append("image")
        return readonly

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail(obj.image, obj.alt_text)


@admin.register(Artifact)
class ArtifactAdmin(SortableAdminBase, PublishingAdmin):
    list_display = [
        "thumb",
        "accession_number",
        "title",
        "object_type",
        "status",
        "sections",
        "disputed",
        "last_change",
    ]
    list_display_links = ["thumb", "accession_number", "title"]
    list_filter = [
        "status",
        SectionListFilter,
        "object_type",
        "gallery_room",
        DecadeListFilter,
        "disputed",
        MissingListFilter,
    ]
    search_fields = [
        "accession_number",
        "slug",
        "title_en",
        "title_zh_hans",
        "description_en",
        "description_zh_hans",
    ]
    autocomplete_fields = ["people"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [ArtifactImageInline, CitationInline]
    fieldsets = [
        (None, {"fields": ["accession_number", "slug", "object_type"]}),
        (_("Label"), {"fields": ["title", "description"]}),
        (
            _("Date and place"),
            {"fields": ["date_display", ("year_from", "year_to"), "place"]},
        ),
        (
            _("Object"),
            {"fields": ["materials", "dimensions", ("gallery_room", "case")]},
        ),
        (_("Credit and rights"), {"fields": ["credit_line", "provenance", "rights"]}),
        (_("People"), {"fields": ["people"]}),
        (_("Disputes"), {"fields": ["disputed", "disputed_note"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("images", queryset=ArtifactImage.objects.order_by("position")),
                "section_items__section",
            )
        )

    @admin.display(description=_("image"))
    def thumb(self, obj):
        images = list(obj.images.all())
        return thumbnail(images[0].image, images[0].alt_text) if images else "—"


@admin.register(Photograph)
class PhotographAdmin(PublishingAdmin):
    list_display = [
        "thumb",
        "title",
        "date_display",
        "status",
        "sections",
        "disputed",
        "last_change",
    ]
    list_display_links = ["thumb", "title"]
    list_filter = [
        "status",
        SectionListFilter,
        DecadeListFilter,
        "disputed",
        MissingListFilter,
    ]
    search_fields = [
        "slug",
        "title_en",
        "title_zh_hans",
        "caption_en",
        "caption_zh_hans",
        "archive_reference",
    ]
    autocomplete_fields = ["people"]
    prepopulated_fields = {"slug": ["title_en"]}
    readonly_fields = ["preview"]
    inlines = [CitationInline]
    fieldsets = [
        (None, {"fields": ["slug"]}),
        (_("Image"), {"fields": ["preview", "image", "alt_text"]}),
        (_("Label"), {"fields": ["title", "caption", "photographer"]}),
        (
            _("Date and place"),
            {"fields": ["date_display", ("year_from", "year_to"), "place"]},
        ),
        (
            _("Archive and rights"),
            {"fields": ["archive", "archive_reference", "credit_line", "rights"]},
        ),
        (_("People"), {"fields": ["people"]}),
        (_("Disputes"), {"fields": ["disputed", "disputed_note"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("section_items__section")

    @admin.display(description=_("image"))
    def thumb(self, obj):
        return thumbnail(obj.image, obj.alt_text)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail(obj.image, obj.alt_text)


class MembersInline(admin.TabularInline):
    model = Person.groups.through
    fk_name = "to_person"
    extra = 0
    verbose_name = _("member")
    verbose_name_plural = _("members")
    autocomplete_fields = ["from_person"]


@admin.register(Person)
class PersonAdmin(PublishingAdmin):
    list_display = [
        "thumb",
        "name",
        "kind",
        "nationality",
        "role_list",
        "status",
        "featured",
        "disputed",
        "last_change",
    ]
    list_display_links = ["thumb", "name"]
    list_filter = [
        "status",
        "kind",
        "nationality",
        "roles",
        "featured",
        ("china_from", admin.EmptyFieldListFilter),
        "disputed",
        MissingListFilter,
    ]
    search_fields = [
        "slug",
        "name_en",
        "name_zh_hans",
        "other_names_en",
        "other_names_zh_hans",
        "affiliation_en",
        "affiliation_zh_hans",
    ]
    autocomplete_fields = ["groups"]
    filter_horizontal = ["roles"]
    prepopulated_fields = {"slug": ["name_en"]}
    readonly_fields = ["preview"]
    inlines = [MembersInline, CitationInline]
    fieldsets = [
        (None, {"fields": ["slug", "kind", "featured"]}),
        (_("Name"), {"fields": ["name", "other_names"]}),
        (
            _("Identity"),
            {"fields": ["nationality", "roles", "affiliation", "groups"]},
        ),
        (
            _("Life"),
            {
                "fields": [
                    "birth_display",
                    "birth_year",
                    "death_display",
                    "death_year",
                ]
            },
        ),
        (
            _("In China"),
            {"fields": ["china_years", ("china_from", "china_to"), "china_places"]},
        ),
        (_("Text"), {"fields": ["summary", "body"]}),
        (_("Portrait"), {"fields": ["preview", "portrait", "portrait_alt"]}),
        (_("Disputes"), {"fields": ["disputed", "disputed_note"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("roles")

    @admin.display(description=_("portrait"))
    def thumb(self, obj):
        return thumbnail(obj.portrait, obj.portrait_alt)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail(obj.portrait, obj.portrait_alt)

    @admin.display(description=_("roles"))
    def role_list(self, obj):
        return format_html_join(", ", "{}", ((role.name,) for role in obj.roles.all()))


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
        }
        return TemplateResponse(request, "admin/catalog/readiness.html", context)


def readiness_row(model):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    by_status = dict(
        model.objects.values_list("status").annotate(n=Count("pk")).order_by()
    )
    problems = [
        (label, model.objects.filter(condition).count(), f"{url}?missing={name}")
        for name, (label, condition) in workflow.problem_filters(model).items()
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
        job = importer.CollectionImport(
            form.cleaned_data["csv_file"].read(),
            image_folder,
            extras=extras,
            sections=importer.registered_sections(),
            user=request.user,
        )
        page = render_to_string(
            "admin/catalog/import_progress.html", context, request=request
        )
        head, tail = page.split("<!-- progress -->")

        def stream():
            try:
                yield head
                for done, total, phase in job.steps(form.cleaned_data["dry_run"]):
                    yield progress_html(done, total, phase)
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


def progress_html(done, total, phase):
    return format_html(
        '<div class="import-step"><progress max="{}" value="{}"></progress> '
        "{} {} / {}</div>\n",
        total,
        done,
        PHASES[phase],
        done,
        total,
    )


def save_upload(upload, destination):
    with open(destination, "wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
