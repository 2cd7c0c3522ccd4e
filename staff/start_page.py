"""The curator's start page: what is waiting for this person, per exhibition."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog import workflow
from catalog.models import Artifact, Person, Photograph, Status
from exhibition.models import Kiosk, SectionItem, StaffPreference

RECORDS = (Artifact, Photograph, Person)
SHOWN = 8  # rows per list; the count says how many there are in all


def change_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def exhibitions_of(records):
    """``{(model label, pk): [exhibition titles]}`` in one query per kind."""
    found = {}
    for model in RECORDS[:2]:
        kind = model._meta.model_name
        pks = [r.pk for r in records if isinstance(r, model)]
        rows = SectionItem.objects.filter(**{f"{kind}__in": pks}).values_list(
            kind, "section__exhibition__title"
        )
        for pk, title in rows.distinct():
            found.setdefault((model._meta.label, pk), []).append(title)
    return found


def waiting_list(title, querysets, empty):
    records, total = [], 0
    for queryset in querysets:
        total += queryset.count()
        records += list(queryset.order_by("-updated_at")[:SHOWN])
    records.sort(key=lambda r: r.updated_at, reverse=True)
    records = records[:SHOWN]
    where = exhibitions_of(records)
    rows = [
        {
            "record": record,
            "kind": record._meta.verbose_name,
            "url": change_url(record),
            "exhibitions": where.get((record._meta.label, record.pk), []),
            "changed": record.updated_at,
        }
        for record in records
    ]
    return {"title": title, "rows": rows, "total": total, "empty": empty}


def own_drafts(model, user):
    mine = model.history.filter(history_user=user).values("id")
    return model.objects.filter(status=Status.DRAFT, pk__in=mine)


def waiting_for(user):
    """The lists on this person's start page, in the order they are shown."""
    now = timezone.now()
    lists = []
    may_publish = [m for m in RECORDS if workflow.can_publish(user, m)]
    if may_publish:
        lists.append(
            waiting_list(
                _("In review, waiting for you to publish"),
                [m.objects.filter(status=Status.REVIEW) for m in may_publish],
                _("Nothing is waiting for review."),
            )
        )
    lists.append(
        waiting_list(
            _("Your drafts"),
            [
                own_drafts(m, user)
                for m in RECORDS
                if user.has_perm(workflow.permission(m, "change"))
            ],
            _("You have no drafts."),
        )
    )
    lists.append(
        waiting_list(
            _(
                "Scheduled but not published (refused when their time came: "
                "incomplete, or changed after approval)"
            ),
            [
                m.objects.filter(publish_at__lt=now).exclude(status=Status.PUBLISHED)
                for m in RECORDS
            ],
            _("No scheduled publication was refused."),
        )
    )
    preference = StaffPreference.objects.filter(user=user).first()
    since = preference.previous_visit if preference else None
    if since:
        lists.append(
            waiting_list(
                _("Changed by others since your last visit"),
                [
                    m.objects.filter(updated_at__gt=since).exclude(
                        Q(
                            pk__in=m.history.filter(
                                history_user=user, history_date__gt=since
                            ).values("id")
                        )
                    )
                    for m in RECORDS
                ],
                _("Nothing changed since your last visit."),
            )
        )
    kiosks = (
        list(Kiosk.objects.offline(now))
        if user.has_perm("exhibition.view_kiosk")
        else []
    )
    return {"lists": lists, "offline_kiosks": kiosks, "since": since}
