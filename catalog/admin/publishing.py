"""The base admin for publishable records: workflow, roles, history."""

from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from catalog import readiness, workflow
from catalog.admin.common import translated_field_names
from catalog.admin.concurrency import SaveCheckedAdmin
from catalog.admin.deleted import DeletedRecordsMixin
from catalog.admin.presence import PresenceAdmin
from catalog.admin.translations import SideBySideTranslationsAdmin
from catalog.admin.uploads import StoredUploadsForm
from catalog.models import Status

WORKFLOW_BUTTONS = {
    "submit": _("Save and submit for review"),
    "publish": _("Save, approve and publish"),
    "return_to_draft": _("Save and send back to draft"),
    "withdraw": _("Save and withdraw from the public"),
}


class PublicByTheRuleAdmin:
    """A ModelAdmin mixin for anything with a status: its status and edits follow
    ``catalog.workflow``'s rule. A status field offers only the states the user may
    move the object to; a published object, with its inlines, is read-only to
    anyone who may not publish it."""

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.may_edit(request.user, obj))

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            # Its images, clips and citations are as public as it is.
            for inline in inlines:
                inline.has_add_permission = refuse
                inline.has_change_permission = refuse
                inline.has_delete_permission = refuse
                inline.max_num = 0
        return inlines

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        field = form.base_fields.get("status")
        if field is not None:
            field.choices = allowed_statuses(request.user, self.model, obj)
        return form


def allowed_statuses(user, model, obj=None):
    """The status choices ``user`` may give ``obj`` (a new one starts as a draft)."""
    current = obj.status if obj is not None and obj.pk else Status.DRAFT
    return [
        (value, label)
        for value, label in Status.choices
        if workflow.may_move(user, model, current, value)
    ]


class PublishingAdmin(
    PublicByTheRuleAdmin,
    SaveCheckedAdmin,
    PresenceAdmin,
    SideBySideTranslationsAdmin,
    DeletedRecordsMixin,
    SimpleHistoryAdmin,
    TranslationAdmin,
):
    """Shared columns, workflow buttons, role rules and history for the records.

    Status changes only through ``catalog.workflow`` (buttons and bulk actions),
    never through the form. A translator (``translate_<model>`` without
    ``change_<model>``) may edit only the English and Chinese text fields.
    """

    form = StoredUploadsForm
    actions = ["submit_for_review", "publish", "unpublish"]
    list_per_page = 50
    save_on_top = True
    change_form_template = "admin/catalog/record_change_form.html"
    view_on_site = False  # the form shows its own "View/Preview on site" link
    change_list_template = "admin/catalog/record_change_list.html"
    object_history_form_template = "admin/catalog/record_history_form.html"
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
        allowed = self.has_full_change_permission(
            request, obj
        ) or self.has_translate_permission(request, obj)
        # A published record is public the moment it is saved: only someone who
        # may publish may change it (``workflow.edit_of``); others see it read-only.
        return allowed and (obj is None or workflow.may_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if obj is not None and obj.status == Status.PUBLISHED:
            return allowed and workflow.can_publish(request.user, self.model)
        return allowed

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user, self.model)

    def has_submit_permission(self, request):
        return workflow.can_submit(request.user, self.model)

    def current(self, object_id):
        return self.model.objects.filter(pk=object_id).first()

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Reverting sets every field: not for someone who may edit only the text.
        if self.is_translator_only(request):
            raise PermissionDenied
        if request.method == "POST":
            # A revert is an edit of the record as it is now, not as it was then.
            current = self.current(object_id)
            if current is None or not self.has_change_permission(request, current):
                raise PermissionDenied
            request.reverting = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        current = self.current(obj.pk) if obj is not None else None
        return not (
            self.has_full_change_permission(request, current)
            and (current is None or self.has_change_permission(request, current))
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
        # The status and who/when are the workflow's: never taken from the form
        # or from an old version being restored. A publication time asked for on
        # the form is an approval, given (or refused) once the inlines are saved.
        form.requested_publish_at = obj.publish_at
        if change:
            workflow.keep_state(obj)
            if form.has_changed() or getattr(request, "reverting", False):
                self.apply_edit(request, obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        edited_inlines = any(formset.has_changed() for formset in formsets)
        if change and edited_inlines and not form.has_changed():
            workflow.keep_state(obj)
            if self.apply_edit(request, obj) in (
                workflow.EDIT_UNSCHEDULES,
                workflow.EDIT_REAPPROVES,
            ):
                obj._history_user = request.user
                obj._change_reason = "changed after approval"
                obj.save()
        self.apply_requested_schedule(request, obj, form)

    def apply_edit(self, request, obj):
        outcome = workflow.apply_edit(obj, request.user)
        if outcome == workflow.EDIT_UNSCHEDULES:
            self.message_user(
                request,
                gettext(
                    "The scheduled publication of “%(record)s” was cancelled: it "
                    "changed after a head curator approved it, who must approve "
                    "it again."
                )
                % {"record": obj},
                messages.WARNING,
            )
        return outcome

    def apply_requested_schedule(self, request, obj, form):
        requested = getattr(form, "requested_publish_at", None)
        if "publish_at" not in form.changed_data or requested == obj.publish_at:
            return
        try:
            if requested:
                workflow.schedule(obj, request.user, requested)
            else:
                workflow.unschedule(obj, request.user)
        except workflow.WorkflowError as refused:
            self.message_user(
                request,
                gettext("“%(record)s” was saved but not scheduled:") % {"record": obj},
                messages.ERROR,
            )
            for problem in refused.problems:
                self.message_user(request, problem, messages.ERROR)

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
        # A new record (a draft) is offered them too: its first save may move it on.
        record = obj if obj is not None and obj.pk else self.model()
        context["workflow_buttons"] = [
            (name, WORKFLOW_BUTTONS[name])
            for name in workflow.available_transitions(record, request.user)
        ]
        if obj is not None and obj.pk:
            if obj.status != Status.PUBLISHED:
                context["readiness"] = readiness.missing(obj)
            elif not self.has_change_permission(request, obj):
                context["published_read_only"] = True
            context["preview_url"] = obj.get_absolute_url()
        return super().render_change_form(request, context, add, change, **kw)

    def response_change(self, request, obj):
        name = request.POST.get("_workflow")
        if name in workflow.TRANSITIONS:
            self.run_transition(request, obj, name)
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        name = request.POST.get("_workflow")
        # Not from a pop-up (which answers with a page that closes itself).
        if name in workflow.TRANSITIONS and isinstance(response, HttpResponseRedirect):
            self.run_transition(request, obj, name)
            opts = self.opts
            change = f"admin:{opts.app_label}_{opts.model_name}_change"
            return HttpResponseRedirect(reverse(change, args=[obj.pk]))
        return response

    def run_transition(self, request, obj, name):
        try:
            hints = workflow.TRANSITIONS[name](obj, request.user)
        except workflow.WorkflowError as refused:
            report_step(self, request, obj, refused)
            return
        report_step(self, request, obj)
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
        # The hidden version lets a bulk action see what changed since the list.
        return format_html(
            "{}{}",
            date_format(timezone.localtime(obj.updated_at), "SHORT_DATETIME_FORMAT"),
            self.seen_version_input(obj),
        )

    def run_bulk(self, request, queryset, transition, done_message):
        done = 0
        refused = []
        current, stale = self.changed_since_seen(request, queryset)
        for record in stale:
            self.message_user(
                request,
                gettext(
                    "“%(record)s” was not changed: someone else saved it after this "
                    "list was loaded. Check it and try again."
                )
                % {"record": record},
                messages.ERROR,
            )
        for record in current:
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


def report_step(admin, request, record, refused=None):
    """Tell the person where a saved record's workflow step left it, or why not."""
    if refused is None:
        admin.message_user(
            request,
            gettext("“%(record)s” is now %(status)s.")
            % {"record": record, "status": record.get_status_display().lower()},
            messages.SUCCESS,
        )
        return
    admin.message_user(
        request,
        gettext("“%(record)s” was saved but not moved on:") % {"record": record},
        messages.ERROR,
    )
    for problem in refused.problems:
        admin.message_user(request, problem, messages.ERROR)


def refuse(*args, **kwargs):
    return False
