"""Short, permanent addresses printed on labels, and the records they name.

``/o/<accession number>`` for artifacts: the number is the museum's own permanent
identifier, painted on the object. Photographs and biographies have no such
number, and their slugs follow their titles, so they are named by their id,
which nothing changes: ``/p/<id>`` and ``/b/<id>``.
"""

from django.urls import reverse

from catalog.models import Artifact, Person, Photograph

MODELS = {"artifact": Artifact, "photograph": Photograph, "person": Person}


def kind_of(record):
    return record._meta.model_name


def short_path(record):
    """The path printed on ``record``'s label, e.g. ``/o/2024.3%2012``."""
    kind = kind_of(record)
    key = record.accession_number if kind == "artifact" else record.pk
    return reverse(f"labels:{kind}", args=[key])


def short_url(record, base_url):
    return base_url.rstrip("/") + short_path(record)


def find(kind, value):
    """The published record a short address names, or None."""
    records = MODELS[kind].objects.published()
    if kind != "artifact":
        return records.filter(pk=value).first()
    # As printed first; then as a visitor may type it (a trailing slash, any case).
    for number in dict.fromkeys([value, value.rstrip("/").strip()]):
        found = records.filter(accession_number=number).first()
        if found is None:
            matches = list(records.filter(accession_number__iexact=number)[:2])
            found = matches[0] if len(matches) == 1 else None
        if found is not None:
            return found
    return None
