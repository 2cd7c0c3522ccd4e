"""schema.org JSON-LD of exhibitions, records and people, so search engines
understand them: the gallery's pages embed it and each IIIF manifest links it."""

from catalog.images.renditions import ready_picture
from exhibition.addresses import manifest_url
from exhibition.page_cache import page_incomplete


def _absolute(request, path):
    return request.build_absolute_uri(path)


def _image(request, field_file, width, height):
    if not field_file or not width:
        return None
    picture = ready_picture(field_file, width, height)
    if picture is None:
        page_incomplete()
        return None
    return _absolute(request, picture.url(1280))


def _manifest(request, record):
    """The record's IIIF manifest, for viewers (only a published record has one)."""
    if not record.is_published:
        return None
    return {
        "@type": "CreativeWork",
        "name": "IIIF Presentation API 3.0 manifest",
        "encodingFormat": "application/ld+json",
        "url": manifest_url(record, request),
    }


def _clean(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def exhibition_event(request, exhibition):
    url = _absolute(request, exhibition.get_absolute_url())
    online = exhibition.kind == exhibition.Kind.ONLINE
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "ExhibitionEvent",
            "name": exhibition.title,
            "description": exhibition.subtitle,
            "startDate": exhibition.opening_date
            and exhibition.opening_date.isoformat(),
            "endDate": exhibition.closing_date and exhibition.closing_date.isoformat(),
            "eventAttendanceMode": "https://schema.org/"
            + ("OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"),
            "location": {"@type": "VirtualLocation", "url": url}
            if online
            else _clean(
                {
                    "@type": "Museum",
                    "name": exhibition.venue,
                    "description": exhibition.galleries,
                }
            ),
            "url": url,
        }
    )


def artifact(request, record):
    images = list(record.images.all())
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "VisualArtwork",
            "name": record.title,
            "identifier": record.accession_number,
            "description": record.description.split("\n\n")[0],
            "dateCreated": record.date_display,
            "artMedium": record.materials,
            "creditText": record.credit_line,
            "copyrightNotice": record.rights,
            "image": images
            and _image(request, images[0].image, images[0].width, images[0].height),
            "about": [
                {
                    "@type": "Person",
                    "name": p.name,
                    "url": _absolute(request, p.get_absolute_url()),
                }
                for p in record.people.all()
            ],
            "subjectOf": _manifest(request, record),
            "url": _absolute(request, record.get_absolute_url()),
        }
    )


def photograph(request, record):
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "Photograph",
            "name": record.title,
            "description": record.caption,
            "dateCreated": record.date_display,
            "creator": record.photographer
            and {"@type": "Person", "name": record.photographer},
            "locationCreated": record.place
            and {"@type": "Place", "name": record.place},
            "creditText": record.credit_line,
            "copyrightNotice": record.rights,
            "image": _image(request, record.image, record.width, record.height),
            "subjectOf": _manifest(request, record),
            "url": _absolute(request, record.get_absolute_url()),
        }
    )


def person(request, record):
    schema_type = "Organization" if record.kind == "group" else "Person"
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": schema_type,
            "name": record.name,
            "alternateName": record.other_names,
            "description": record.summary,
            "birthDate": schema_type == "Person"
            and record.birth_year
            and str(record.birth_year),
            "deathDate": schema_type == "Person"
            and record.death_year
            and str(record.death_year),
            "nationality": [
                {"@type": "Country", "name": str(term)}
                for term in record.nationalities.all()
            ]
            or None,
            "affiliation": record.affiliation
            and {"@type": "Organization", "name": record.affiliation},
            "image": _image(
                request, record.portrait, record.portrait_width, record.portrait_height
            ),
            "url": _absolute(request, record.get_absolute_url()),
        }
    )
