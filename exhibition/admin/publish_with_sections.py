"""Publishing an exhibition with its sections in one step, from its change form.

The exhibition and each of its sections in draft or in review move by the
workflow's one rule (``catalog.workflow.may_move``): someone who may not publish
them publishes nothing. A section is ready as the exhibition's overview shows it:
no record hung in it lacks what publishing needs. One that is not ready stays
as it was and the page says why; a withdrawn section stays withdrawn.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.http import HttpResponseRedirect
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _

from catalog.admin.publishing import report_step
from catalog.models import Status
from catalog.workflow import WorkflowError, may_move
from exhibition.admin.readiness import section_overview
from exhibition.models import Exhibition, Section

BUTTON = "publish_with_sections"
LABEL = _("Save and publish with its sections")
UNPUBLISHED = [Status.DRAFT, Status.REVIEW]


@dataclass
class Published:
    sections: list = field(default_factory=list)
    not_ready: list = field(default_factory=list)  # (section, records lacking)
    withdrawn: list = field(default_factory=list)


def publish_with_sections(exhibition, user):
    """Publish ``exhibition`` and its ready sections; refused whole (a
    WorkflowError) if ``user`` may not publish it or them."""
    if not may_move(user, Exhibition, exhibition.status, Status.PUBLISHED):
        raise WorkflowError([gettext("You may not publish exhibitions.")])
    rows = section_overview(exhibition)
    waiting = [row for row in rows if row.section.status in UNPUBLISHED]
    if not all(
        may_move(user, Section, row.section.status, Status.PUBLISHED) for row in waiting
    ):
        raise WorkflowError([gettext("You may not publish sections.")])
    sections = [row.section for row in rows]
    done = Published(withdrawn=[s for s in sections if s.status == Status.WITHDRAWN])
    for row in waiting:
        if row.not_ready:
            done.not_ready.append((row.section, row.not_ready))
        else:
            publish(row.section)
            done.sections.append(row.section)
    publish(exhibition)
    return done


def publish(obj):
    if obj.status != Status.PUBLISHED:
        obj.status = Status.PUBLISHED
        obj.save(update_fields=["status", "updated_at"])


def may_publish_with_sections(user, exhibition):
    """Whether the button is offered: something to publish, and the right to."""
    if exhibition.pk is None:
        return False
    sections = list(exhibition.sections.filter(status__in=UNPUBLISHED))
    if exhibition.status == Status.PUBLISHED and not sections:
        return False
    return may_move(user, Exhibition, exhibition.status, Status.PUBLISHED) and all(
        may_move(user, Section, section.status, Status.PUBLISHED)
        for section in sections
    )


class PublishWithSectionsAdmin:
    """The exhibition admin's "Save and publish with its sections" button."""

    def render_change_form(self, request, context, add=False, change=False, **kw):
        obj = context.get("original")
        if (
            obj is not None
            and not context.get("is_popup")
            and may_publish_with_sections(request.user, obj)
        ):
            context["workflow_buttons"] = [(BUTTON, LABEL)]
        return super().render_change_form(request, context, add, change, **kw)

    def response_change(self, request, obj):
        if request.POST.get("_workflow") == BUTTON and IS_POPUP_VAR not in request.POST:
            self.publish_with_sections(request, obj)
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def publish_with_sections(self, request, exhibition):
        try:
            done = publish_with_sections(exhibition, request.user)
        except WorkflowError as refused:
            report_step(self, request, exhibition, refused)
            return
        report_step(self, request, exhibition)
        if done.sections:
            self.message_user(request, sections_published(done.sections))
        for section, lacking in done.not_ready:
            self.message_user(
                request,
                ngettext(
                    "“%(section)s” was not published: %(count)d record in it "
                    "lacks what publishing needs.",
                    "“%(section)s” was not published: %(count)d records in it "
                    "lack what publishing needs.",
                    lacking,
                )
                % {"section": section, "count": lacking},
                messages.WARNING,
            )
        for section in done.withdrawn:
            self.message_user(
                request,
                gettext(
                    "“%(section)s” stays withdrawn: publish it on its own page if "
                    "visitors should see it again."
                )
                % {"section": section},
                messages.WARNING,
            )


def sections_published(sections):
    return ngettext(
        "%(count)d section published with it: %(sections)s.",
        "%(count)d sections published with it: %(sections)s.",
        len(sections),
    ) % {
        "count": len(sections),
        "sections": pgettext("between the items of a list", ", ").join(
            map(str, sections)
        ),
    }
