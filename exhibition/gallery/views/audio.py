"""An exhibition's audio guide: its stops by number, a number box that takes a
visitor straight to the stop they see on the wall (a plain GET form, no script),
and each stop's page with its player and transcript."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from exhibition.gallery.views.common import visible
from exhibition.models import AudioStop, Exhibition
from exhibition.models.audio import MAX_STOP


def stops_of(exhibition):
    return list(
        AudioStop.objects.published()
        .filter(exhibition=exhibition)
        .select_related("exhibition", "media")
        .order_by("number")
    )


def lookup_message(typed, stops):
    """Why ``typed`` leads to no stop, in words that help the visitor on."""
    numbers = [stop.number for stop in stops]
    if not numbers:
        return _("This exhibition has no audio guide stops yet.")
    if not typed.isdigit() or not 1 <= int(typed) <= MAX_STOP:
        return _(
            "Type the number shown on the wall beside the object, for example "
            "%(example)s."
        ) % {"example": numbers[0]}
    return _(
        "There is no stop %(number)s in this exhibition. Its stops are numbered "
        "%(first)s to %(last)s; check the number on the wall, or choose from the "
        "list below."
    ) % {"number": int(typed), "first": numbers[0], "last": numbers[-1]}


@require_GET
def audio_guide(request, slug):
    exhibition = get_object_or_404(visible(Exhibition, request), slug=slug)
    stops = stops_of(exhibition)
    typed = request.GET.get("stop", "").strip()
    message = ""
    if typed:
        found = next(
            (s for s in stops if typed.isdigit() and s.number == int(typed)), None
        )
        if found:
            return redirect(found)
        message = lookup_message(typed, stops)
    return render(
        request,
        "gallery/audio_guide.html",
        {
            "exhibition": exhibition,
            "stops": stops,
            "typed": typed,
            "message": message,
        },
    )


@require_GET
def audio_stop(request, slug, number):
    exhibition = get_object_or_404(visible(Exhibition, request), slug=slug)
    stops = stops_of(exhibition)
    index = next((i for i, s in enumerate(stops) if s.number == number), None)
    if index is None:
        response = render(
            request,
            "gallery/audio_guide.html",
            {
                "exhibition": exhibition,
                "stops": stops,
                "typed": str(number),
                "message": lookup_message(str(number), stops),
            },
            status=404,
        )
        return response
    item = stops[index].media
    # Its record is published (the stop is): artifact, photograph, person, section.
    record = item.record
    return render(
        request,
        "gallery/audio_stop.html",
        {
            "exhibition": exhibition,
            "stop": stops[index],
            "item": item,
            "record": record,
            "record_title": getattr(record, "title", None) or str(record),
            "previous_stop": stops[index - 1] if index else None,
            "next_stop": stops[index + 1] if index + 1 < len(stops) else None,
        },
    )
