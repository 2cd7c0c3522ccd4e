"""Template helpers for the public gallery."""

import functools
import json

from django import template
from django.urls import reverse, translate_url
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from catalog.images.renditions import ready_picture
from exhibition.interop.oai.identifiers import identifier, kind_of
from exhibition.page_cache import page_incomplete

register = template.Library()


@register.simple_tag
def picture(
    field_file,
    width,
    height,
    alt="",
    sizes="100vw",
    loading="lazy",
    css_class="",
):
    """A responsive <picture>: WebP and JPEG renditions, sized to avoid layout shift."""
    if not field_file or not width:
        return ""
    pic = ready_picture(field_file, width, height, alt)
    if pic is None:  # the media storage is down: the page goes on without it
        page_incomplete()
        return ""
    shown = pic.widths[-1]
    priority = mark_safe(' fetchpriority="high"') if loading == "eager" else ""
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" '
        'loading="{}" decoding="async" class="{}"{}></picture>',
        pic.srcset("webp"),
        sizes,
        pic.url(960),
        pic.srcset("jpg"),
        sizes,
        shown,
        pic.height_for(shown),
        alt,
        loading,
        css_class,
        priority,
    )


@register.simple_tag
def rendition_url(field_file, width, height, size=1280, extension="jpg"):
    if not field_file or not width:
        return ""
    pic = ready_picture(field_file, width, height)
    if pic is None:
        page_incomplete()
        return ""
    return pic.url(size, extension)


@register.filter
def by_source(citations):
    """Citations as (source, its distinct locators): a source cited at fifteen
    places is listed once, not fifteen times. In the order first cited."""
    sources = {}
    for citation in citations:
        found = sources.setdefault(citation.source_id, (citation.source, []))
        if citation.locator and citation.locator not in found[1]:
            found[1].append(citation.locator)
    return list(sources.values())


@register.filter
def paragraphs(text):
    """Blank-line separated text as escaped <p> elements."""
    blocks = [block.strip() for block in (text or "").split("\n\n") if block.strip()]
    return format_html_join("\n", "<p>{}</p>", ((block,) for block in blocks))


@register.simple_tag(takes_context=True)
def url_in_language(context, language, absolute=False):
    """This page's URL in another language, so a switch keeps the visitor in place."""
    request = context["request"]
    url = _translated(request.get_full_path(), language, get_language())
    return request.build_absolute_uri(url) if absolute else url


# Resolving and reversing a path is a noticeable share of a light page, and every
# page does it four times (alternates and the switch); the URLconf never changes.
@functools.lru_cache(maxsize=2048)
def _translated(path, language, active_language):
    return translate_url(path, language)


@register.filter
def json_ld(data):
    """A JSON-LD data block, escaped like ``json_script`` so text cannot end it."""
    encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    encoded = encoded.translate(
        {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
    )
    return mark_safe(f'<script type="application/ld+json">{encoded}</script>')


@register.simple_tag(takes_context=True)
def query_without(context, name, value=None):
    """The current query string with one filter value (or a whole filter) removed."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    if value is None:
        query.pop(name, None)
    else:
        values = [v for v in query.getlist(name) if v != str(value)]
        query.setlist(name, values)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    query = context["request"].GET.copy()
    if "page" not in changes:
        query.pop("page", None)
    for name, value in changes.items():
        query[name] = value
    return f"?{query.urlencode()}"


@register.simple_tag(takes_context=True)
def oai_record_url(context, record):
    """The OAI-PMH GetRecord address of a published record (a harvester's view of
    the page), or nothing for a draft."""
    request = context.get("request")
    if request is None or not getattr(record, "is_published", False):
        return ""
    query = urlencode(
        {
            "verb": "GetRecord",
            "metadataPrefix": "oai_dc",
            "identifier": identifier(request, kind_of(type(record)), record.pk),
        }
    )
    return f"{reverse('oai-pmh')}?{query}"
