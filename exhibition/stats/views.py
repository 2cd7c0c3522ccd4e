"""The players' beacon: a visitor started a clip, count one play of its record.

``navigator.sendBeacon`` posts here with no body and no cookie worth reading; the
answer is always an empty 204, so a beacon learns nothing. Only a clip of a
published artifact, photograph, person, section or exhibition (an audio guide's
stops hang on sections) counts; nothing is written on the request path
(``counter.count`` keeps it in the cache).
"""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from catalog.models import MediaItem
from exhibition.models.usage import KINDS, Channel
from exhibition.stats.counter import count, is_visitor


# No session or form is involved and the only effect is one more play in the
# cache, so a cross-site post could do no more than the visitor's own beacon.
@csrf_exempt
@never_cache
@require_POST
def play(request, pk):
    if is_visitor(request):
        clip = (
            MediaItem.objects.published()
            .filter(pk=pk)
            .values_list("content_type__model", "object_id")
            .first()
        )
        if clip and clip[0] in KINDS:
            count(Channel.AUDIO, clip[0], clip[1])
    return HttpResponse(status=204)
