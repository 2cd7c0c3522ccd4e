"""Hanging catalogue records in sections from the records' own admin pages: the
sections a record is shown in, on its change form, and "Add to section…" on the
lists of artifacts and photographs. Only those who may change sections hang
records in them.

The catalogue's admins are extended from here (``install``), so ``catalog`` never
imports ``exhibition``.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.forms.models import BaseInlineFormSet
from django.template.response import TemplateResponse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from catalog.admin.common import BlankRowWhenEmpty
from catalog.models import Artifact, Photograph
from exhibition import public_changes
from exhibition.models import Section, SectionItem
from exhibition.page_cache import bump_version

HANGABLE = [Artifact, Photograph]


def may_hang(user):
    return user.has_perm("exhibition.change_section") and user.has_perm(
        "exhibition.add_sectionitem"
    )


def next_position(section):
    last = section.items.aggregate(last=Max("position"))["last"]
    return (last or 0) + 1


def append_to(section, records):
    """Hang ``records`` after the section's items, in their order, skipping those
    already there. Returns how many were added and how many skipped."""
    if not records:
        return 0, 0
    kind = records[0]._meta.model_name
    there = set(
        section.items.filter(**{f"{kind}__in": records}).values_list(kind, flat=True)
    )
    new = [record for record in records if record.pk not in there]
    position = next_position(section)
    SectionItem.objects.bulk_create(
        SectionItem(section=section, position=position + n, **{kind: record})
        for n, record in enumerate(new)
    )
    if new and public_changes.shows_publicly(section):  # bulk: no save signals
        bump_version()
    return len(new), len(records) - len(new)


def section_choice(section):
    return f"{section.exhibition} › {section}"


def sections_field(**kwargs):
    field = forms.ModelChoiceField(
        Section.objects.select_related("exhibition").order_by(
            "exhibition__title", "exhibition__pk", "position", "pk"
        ),
        **kwargs,
    )
    field.label_from_instance = section_choice
    return field


class ShownInSectionsFormSet(BaseInlineFormSet):
    """A record hung in a section from its own page goes after the section's items."""

    def clean(self):
        super().clean()
        chosen = [
            form.cleaned_data["section"]
            for form in self.forms
            if form.cleaned_data.get("section") and not self._should_delete_form(form)
        ]
        if len(chosen) != len(set(chosen)):
            raise ValidationError(
                gettext("Each section may be chosen once."), code="duplicate"
            )

    def save_new(self, form, commit=True):
        item = super().save_new(form, commit=False)
        item.position = next_position(item.section)
        if commit:
            item.save()
        return item

    def save_existing(self, form, obj, commit=True):
        if "section" in form.changed_data:
            obj.position = next_position(form.cleaned_data["section"])
        return super().save_existing(form, obj, commit)


class ShownInSectionsInline(BlankRowWhenEmpty, admin.TabularInline):
    model = SectionItem
    formset = ShownInSectionsFormSet
    fields = ["section"]
    extra = 0
    verbose_name = _("section it is shown in")
    verbose_name_plural = _("shown in sections (added at the end of the section)")

    def get_queryset(self, request):
        # Not super()'s: it asks for the view permission without the record, which
        # this inline refuses (below); a record's form that admitted it asked with.
        return SectionItem.objects.select_related("section__exhibition").order_by(
            "section__exhibition__title", "section__position", "pk"
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "section":
            return sections_field(label=db_field.verbose_name.capitalize())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # On the record's change form only: a new record is hung once it exists (and
    # the add form posts as it did before this inline).
    def has_view_permission(self, request, obj=None):
        return obj is not None and super().has_view_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        allowed = super().has_add_permission(request, obj)
        return obj is not None and allowed and may_hang(request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return obj is not None and allowed and may_hang(request.user)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return obj is not None and allowed and may_hang(request.user)


class AddToSectionForm(forms.Form):
    section = sections_field(label=_("Section"))


@admin.action(description=_("Add to section…"), permissions=["hang"])
def add_to_section(modeladmin, request, queryset):
    """First the page that picks a section, then (its post) the hanging."""
    form = AddToSectionForm(request.POST if "post" in request.POST else None)
    if form.is_valid():
        section = form.cleaned_data["section"]
        added, skipped = append_to(section, list(queryset))
        modeladmin.message_user(
            request,
            gettext("Section “%(section)s”: %(added)s, %(skipped)s.")
            % {
                "section": section,
                "added": ngettext(
                    "%(count)d record added", "%(count)d records added", added
                )
                % {"count": added},
                "skipped": ngettext(
                    "%(count)d skipped (already there)",
                    "%(count)d skipped (already there)",
                    skipped,
                )
                % {"count": skipped},
            },
            messages.SUCCESS if added else messages.WARNING,
        )
        return None
    opts = modeladmin.model._meta
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": gettext("Add to section"),
        "opts": opts,
        "form": form,
        "records": queryset,
        "checkbox_name": ACTION_CHECKBOX_NAME,
        "action": "add_to_section",
    }
    return TemplateResponse(request, "admin/exhibition/add_to_section.html", context)


def install(site):
    """Add the inline and the action to the artifacts' and photographs' admins."""
    for model in HANGABLE:
        model_admin = site.get_model_admin(model)
        model_admin.inlines = [*model_admin.inlines, ShownInSectionsInline]
        model_admin.actions = [*(model_admin.actions or []), add_to_section]
        model_admin.has_hang_permission = lambda request: may_hang(request.user)
