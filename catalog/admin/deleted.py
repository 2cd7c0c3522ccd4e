"""Deleted records: a list per model, and restoring one from its history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from catalog import history


class DeletedRecordsMixin:
    """Lists a model's deleted records and restores them from their history."""

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
