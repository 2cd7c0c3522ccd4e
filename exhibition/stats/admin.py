"""The curators' figures in the admin: a page per exhibition (linked from its
change page, and an action on the list), its CSV downloads, and each record's
own figures on its change page.

The catalogue's admins are extended from here (``install``), so ``catalog`` never
imports ``exhibition``.
"""

import csv

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from catalog.transfer.columns import neutralise
from exhibition.models import Exhibition
from exhibition.models.usage import Channel
from exhibition.stats import charts
from exhibition.stats.figures import (
    DEFAULT_PERIOD,
    MODELS,
    PERIODS,
    exhibition_figures,
    record_figures,
)
from exhibition.stats.flush import flush

TABLES = ("records", "days", "kiosks")
# The stats template wraps whichever change form a model admin had before.
FIGURES_TEMPLATE = "admin/stats/change_form.html"


def period(request):
    """The chosen number of days, and why the one asked for was not taken."""
    raw = request.GET.get("days", str(DEFAULT_PERIOD))
    if raw.isdigit() and int(raw) in PERIODS:
        return int(raw), ""
    return DEFAULT_PERIOD, gettext(
        "A period is the last 7, 30 or 90 days; showing the last 30 days."
    )


def title_in(record, suffix):
    field = "name" if record._meta.model_name == "person" else "title"
    return getattr(record, f"{field}_{suffix}", "") or ""


def csv_rows(figures, table):
    codes = list(Channel.values)
    if table == "records":
        yield ["kind", "record_id", "title_en", "title_zh_hans", *codes, "total"]
        for row in figures.records:
            titles = [title_in(row.record, "en"), title_in(row.record, "zh_hans")]
            yield [row.kind, row.record.pk, *titles, *row.counts(), row.total]
    elif table == "days":
        yield ["day", *codes, "total"]
        for day, uses in figures.daily:
            counts = [uses.get(code, 0) for code in codes]
            yield [day.isoformat(), *counts, sum(counts)]
    else:
        yield ["kiosk", "opens", "most_opened"]
        for row in figures.kiosks:
            yield [row.kiosk.name, row.opens, row.most_opened or ""]


def csv_response(exhibition, figures, table, days):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"uses-{exhibition.slug}-{days}-days-{table}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")  # a spreadsheet then reads the Chinese as UTF-8
    writer = csv.writer(response)
    for row in csv_rows(figures, table):
        writer.writerow([neutralise(str(cell)) for cell in row])
    return response


def trend_chart(figures, days):
    labels = dict(Channel.choices)
    series = [
        (code, [uses.get(code, 0) for _day, uses in figures.daily])
        for code in Channel.values
    ]
    busiest = max(figures.daily, key=lambda entry: sum(entry[1].values()))
    description = gettext(
        "Uses per day from %(start)s to %(end)s, one line per channel: "
        "%(channels)s. Busiest day: %(day)s, with %(uses)s uses."
    ) % {
        "start": formats.date_format(figures.start),
        "end": formats.date_format(figures.end),
        "channels": ", ".join(str(labels[code]) for code in Channel.values),
        "day": formats.date_format(busiest[0]),
        "uses": sum(busiest[1].values()),
    }
    title = gettext("Uses per day, last %(days)s days") % {"days": days}
    return charts.line_chart(
        "usage-trend", title, description, [d for d, _ in figures.daily], series
    )


def exhibition_stats(request, pk):
    """An exhibition's figures over the chosen period, as a page or a CSV."""
    if not request.user.has_perm("exhibition.view_exhibition"):
        raise PermissionDenied
    exhibition = get_object_or_404(Exhibition, pk=pk)
    days, problem = period(request)
    table = request.GET.get("csv", "")
    if table and table not in TABLES:
        problem = gettext(
            "There is no CSV of that name; choose one of the links below."
        )
        table = ""
    flush()  # the figures then include the uses still waiting in the cache
    figures = exhibition_figures(exhibition, days)
    if table and not problem:
        return csv_response(exhibition, figures, table, days)
    if problem:
        messages.warning(request, problem)
    top = max((row.total for row in figures.records), default=0) or 1
    context = {
        **admin.site.each_context(request),
        "title": gettext("Visitor figures"),
        "subtitle": str(exhibition),
        "opts": Exhibition._meta,
        "exhibition": exhibition,
        "figures": figures,
        "days": days,
        "periods": PERIODS,
        "channels": Channel.choices,
        "legend": [(label, charts.swatch(code)) for code, label in Channel.choices],
        "totals": [(label, figures.totals[code]) for code, label in Channel.choices],
        "rows": [(row, round(100 * row.total / top)) for row in figures.used_records],
        "unused": len(figures.records) - len(figures.used_records),
        "chart": trend_chart(figures, days),
        "daily_rows": [
            (day, [uses.get(code, 0) for code in Channel.values])
            for day, uses in figures.daily
        ],
        "tables": TABLES,
    }
    return TemplateResponse(request, "admin/stats/exhibition.html", context)


@admin.action(description=_("Show visitor figures"))
def show_figures(modeladmin, request, queryset):
    chosen = list(queryset.values_list("pk", flat=True)[:2])
    if len(chosen) != 1:
        messages.warning(request, gettext("Choose one exhibition to see its figures."))
        return None
    return HttpResponseRedirect(reverse("stats-admin:exhibition", args=chosen))


def with_figures(model_admin, figures_for):
    """Wrap the change form the admin had; its context gains ``usage_*``."""
    base = model_admin.change_form_template or "admin/change_form.html"
    model_admin.change_form_template = FIGURES_TEMPLATE
    render = model_admin.render_change_form

    def render_change_form(request, context, *args, obj=None, **kwargs):
        context = {**context, "usage_base_template": base}
        if obj is not None and obj.pk:
            context.update(figures_for(obj))
        return render(request, context, *args, obj=obj, **kwargs)

    model_admin.render_change_form = render_change_form


def install(site):
    """A record's own figures on its change page; the exhibition's link and action."""
    for model in MODELS.values():
        with_figures(
            site.get_model_admin(model),
            lambda obj: {
                "usage_figures": record_figures(obj),
                "usage_days": DEFAULT_PERIOD,
            },
        )
    exhibitions = site.get_model_admin(Exhibition)
    exhibitions.actions = [*(exhibitions.actions or []), show_figures]
    with_figures(
        exhibitions,
        lambda obj: {"usage_link": reverse("stats-admin:exhibition", args=[obj.pk])},
    )
