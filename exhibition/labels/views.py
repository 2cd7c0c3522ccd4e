"""The short addresses' views: count a scan (in the cache, see ``exhibition.stats``),
then send the visitor to the record's page in their language. Never cached, so
every scan reaches this code."""

from django.http import Http404, HttpResponseRedirect
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.defaults import page_not_found

from exhibition.labels.addresses import find
from exhibition.models import Channel
from exhibition.stats.counter import count, is_visitor


def visit(request, kind, value):
    # The cookie a language switch may have left, then Accept-Language, then English.
    language = translation.get_language_from_request(request, check_path=False)
    with translation.override(language):
        record = find(kind, value)
        if record is None:
            response = page_not_found(request, Http404())
        else:
            # A link checker's HEAD, a crawler or a curator trying it is no scan.
            if request.method == "GET" and is_visitor(request):
                count(Channel.SCAN, kind, record.pk)
            # 302: the record's page may move (a new slug); the short address stays.
            response = HttpResponseRedirect(record.get_absolute_url())
    response.headers["Content-Language"] = language
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


@never_cache
@require_safe
def artifact(request, number):
    return visit(request, "artifact", number)


@never_cache
@require_safe
def photograph(request, pk):
    return visit(request, "photograph", int(pk))


@never_cache
@require_safe
def person(request, pk):
    return visit(request, "person", int(pk))
