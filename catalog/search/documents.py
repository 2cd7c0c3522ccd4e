"""What each kind of record contributes to its search entry, and at which weight."""

from catalog.models import Artifact, Person, Photograph, SearchEntry
from catalog.models.search import Kind
from catalog.search.text import (
    accession_key,
    accession_token,
    index_text,
    names_key,
)

LANGUAGES = ("en", "zh_hans")


def both(record, *fields):
    """Each field in each language, as it is stored (no fallback)."""
    return [
        getattr(record, f"{field}_{lang}", "") for field in fields for lang in LANGUAGES
    ]


def people_names(record):
    return [
        name
        for person in record.people.all()
        if person.is_published
        for name in both(person, "name", "other_names")
    ]


def artifact_entry(artifact):
    return SearchEntry(
        kind=Kind.ARTIFACT,
        record_id=artifact.pk,
        accession=accession_key(artifact.accession_number)[:50],
        year=artifact.year_from,
        title=index_text(
            *both(artifact, "title"),
            artifact.accession_number,
            accession_token(artifact.accession_number),
        ),
        names=index_text(
            *people_names(artifact),
            *both(artifact.object_type, "label"),
            *both(artifact, "place", "materials", "date_display"),
        ),
        body=index_text(*both(artifact, "description")),
    )


def photograph_entry(photograph):
    return SearchEntry(
        kind=Kind.PHOTOGRAPH,
        record_id=photograph.pk,
        year=photograph.year_from,
        title=index_text(*both(photograph, "title")),
        names=index_text(
            *people_names(photograph),
            *both(photograph, "photographer", "place", "archive", "date_display"),
        ),
        body=index_text(*both(photograph, "caption")),
    )


def person_entry(person):
    return SearchEntry(
        kind=Kind.PERSON,
        record_id=person.pk,
        year=person.active_from or person.birth_year,
        names_key=names_key(*both(person, "name", "other_names")),
        title=index_text(*both(person, "name")),
        names=index_text(
            *both(person, "other_names", "affiliation", "active_places"),
        ),
        body=index_text(*both(person, "summary", "body")),
    )


# kind → (model, how to read its published records, how to make an entry)
DOCUMENTS = {
    Kind.ARTIFACT: (
        Artifact,
        lambda: (
            Artifact.objects.published()
            .select_related("object_type")
            .prefetch_related("people")
        ),
        artifact_entry,
    ),
    Kind.PHOTOGRAPH: (
        Photograph,
        lambda: Photograph.objects.published().prefetch_related("people"),
        photograph_entry,
    ),
    Kind.PERSON: (Person, lambda: Person.objects.published(), person_entry),
}
KIND_OF = {model: kind for kind, (model, _read, _entry) in DOCUMENTS.items()}
