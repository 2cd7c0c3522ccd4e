"""The links every IIIF resource carries: its public pages in both languages, its
machine-readable description, the licence, and thumbnails from its tiles."""

from django.urls import reverse
from django.utils import translation

from catalog.models.fields import RIGHTS_URI_PREFIXES
from exhibition.interop.iiif.addresses import absolute, image_service_url
from exhibition.interop.iiif.language import LANGUAGES, field_map

THUMBNAIL_WIDTH = 400


def rights_uri(record):
    """The record's ``rights`` URI if it is one IIIF accepts (the field is checked on
    save; older values are checked again here), or None."""
    value = (record.rights_uri or "").strip()
    return value if value.startswith(RIGHTS_URI_PREFIXES) else None


def homepage(request, obj, label_field="title"):
    """The object's public page in each language, labelled in that language."""
    pages = []
    for _suffix, code, tag in LANGUAGES:
        with translation.override(code):
            url = absolute(request, obj.get_absolute_url())
        label = field_map(obj, label_field)
        pages.append(
            {
                "id": url,
                "type": "Text",
                "label": {tag: label.get(tag) or next(iter(label.values()), [url])},
                "format": "text/html",
                "language": [tag],
            }
        )
    return pages


def schema_link(request, url_name, slug):
    """The schema.org JSON-LD description of a record (the page's structured data)."""
    return [
        {
            "id": absolute(request, reverse(url_name, args=[slug])),
            "type": "Dataset",
            "format": "application/ld+json",
            "profile": "https://schema.org/",
        }
    ]


def thumbnail(obj, layout, request):
    """The largest whole-image size no wider than a thumbnail, with its service."""
    fitting = [s for s in layout.sizes if s[0] <= THUMBNAIL_WIDTH] or layout.sizes[:1]
    width, height = fitting[-1]
    base = image_service_url(obj, request)
    return [
        {
            "id": f"{base}/{layout.whole_image_path(width, height)}",
            "type": "Image",
            "format": "image/jpeg",
            "width": width,
            "height": height,
            "service": [{"id": base, "type": "ImageService3", "profile": "level0"}],
        }
    ]
