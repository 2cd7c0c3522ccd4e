"""Printing from the admin: bulk actions on artifacts, photographs, sections and
exhibitions, and a "Print labels" link on a published record's change page.

The catalogue's admins are extended from here (``install``), so ``catalog`` never
imports ``exhibition``.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from catalog.models import Artifact, Photograph
from exhibition.labels import content, render, sizes
from exhibition.labels.fonts import FontMissing
from exhibition.models import Exhibition, Section

PRINTABLE = {
    "artifact": Artifact,
    "photograph": Photograph,
    "section": Section,
    "exhibition": Exhibition,
}
# A change form that gains the link, by the template it had before.
WITH_LINK = {
    "admin/catalog/record_change_form.html": "admin/labels/record_change_form.html",
    "admin/checked_change_form.html": "admin/labels/checked_change_form.html",
}


def base_url(request):
    """Where the QR codes point: the public site, which may not be the admin's host."""
    return settings.PUBLIC_BASE_URL or request.build_absolute_uri("/")


def sheets_for(kind, objects, object_template, base):
    if kind in ("artifact", "photograph"):
        return content.object_labels(objects, object_template, base)
    if kind == "section":
        return content.section_sheets(objects, object_template, base)
    return content.exhibition_sheets(objects, object_template, base)


def print_response(request, kind, objects, panel_template):
    """The PDF, or None after telling the curator why nothing was printed."""
    object_template = sizes.default(sizes.OBJECT)
    try:
        sheets = sheets_for(kind, objects, object_template, base_url(request))
        if not sheets:
            raise content.NotPrintable(gettext("There is nothing published to print."))
        printed = render.render_pdf(sheets, object_template, panel_template)
    except (content.NotPrintable, FontMissing) as problem:
        messages.error(request, str(problem))
        return None
    if printed.clipped:
        messages.warning(
            request,
            ngettext(
                "Too long to fit even in smaller type, cut at the edge: %(titles)s",
                "Too long to fit even in smaller type, cut at the edge: %(titles)s",
                len(printed.clipped),
            )
            % {"titles": "; ".join(printed.clipped)},
        )
    response = HttpResponse(printed.pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="labels-{kind}.pdf"'
    return response


def print_action(panel_template, description):
    def action(modeladmin, request, queryset):
        kind = modeladmin.model._meta.model_name
        return print_response(request, kind, queryset, panel_template)

    action.__name__ = f"print_labels_{panel_template.name.replace('-', '_')}"
    return admin.action(description=description)(action)


def actions_for(kind):
    if kind in ("artifact", "photograph"):
        return [print_action(sizes.default(sizes.PANEL), _("Print labels (PDF)"))]
    return [
        print_action(
            template,
            format_lazy(
                _("Print panels and labels (PDF, {size})"), size=template.label
            ),
        )
        for template in sizes.of_kind(sizes.PANEL)
    ]


def print_one(request, kind, pk):
    """The change page's link: one record's label, or a section's or exhibition's
    panels and labels; back to the change page with the reason if refused."""
    model = PRINTABLE.get(kind)
    if model is None:
        raise PermissionDenied
    opts = model._meta
    if not request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
        raise PermissionDenied
    obj = get_object_or_404(model, pk=pk)
    try:
        panel_template = sizes.get(
            request.GET.get("panel", sizes.default(sizes.PANEL).name), sizes.PANEL
        )
    except ValueError as problem:
        messages.error(request, str(problem))
        panel_template = None
    response = panel_template and print_response(request, kind, [obj], panel_template)
    return response or HttpResponseRedirect(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[pk])
    )


def install(site):
    """Add the actions and the change page's link to the registered admins."""
    for kind, model in PRINTABLE.items():
        model_admin = site.get_model_admin(model)
        model_admin.actions = [*(model_admin.actions or []), *actions_for(kind)]
        linked = WITH_LINK.get(model_admin.change_form_template)
        if linked:
            model_admin.change_form_template = linked
