"""A synthetic collection of any size, for benchmarks: realistic bilingual text,
shaped like a real museum's catalogue, and one shared image so the disk stays
small."""

import random

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from catalog import seed_terms
from catalog.models import (
    Artifact,
    ArtifactImage,
    Citation,
    Nationality,
    ObjectType,
    Person,
    Photograph,
    Role,
    Source,
    Status,
)
from catalog.search import index as search_index
from exhibition.demo.placeholders import placeholder_image
from exhibition.models import Exhibition, Section, SectionItem
from tests.bench.words import PLACES_EN, SUBJECTS_EN, text

# Artifacts to photographs as in the demo (47 to 54).
RECORD_SHARES = {"artifact": 0.47, "photograph": 0.53}

# A real museum's catalogue as a registrar imported it: 69,202 works, 3,388 people
# linked to them, one person on 39,391 of the works, 5,995 works without a year,
# titles up to 320 characters. Pages that are fast on evenly spread data are slow
# on this: one huge facet value, many links through people, roles, nationalities.
PEOPLE_PER_RECORD = 3388 / 69202
HUGE_SHARE = 39391 / 69202
UNDATED_SHARE = 5995 / 69202
LONGEST_TITLE = 320
LONG_TITLE_SHARE = 0.05
# Besides its first person, a record has a second with this chance, a third with
# the square of it: several links per record, many per person.
MORE_PEOPLE = 0.3


# Synthetic records are dated within a span of their own, no exhibition's.
DEFAULT_YEARS = (1800, 1899)


def shape_counts(size):
    """How many people, artifacts and photographs make ``size`` records."""
    people = max(26, round(size * PEOPLE_PER_RECORD))
    records = max(2, size - people)
    artifacts = max(1, round(records * RECORD_SHARES["artifact"]))
    return {
        "artifact": artifacts,
        "photograph": max(1, records - artifacts),
        "person": people,
    }


def long_title(rng, subject, place, n):
    """A title as long as a real catalogue's longest (a whole inscription)."""
    length = rng.randint(120, LONGEST_TITLE) if n else LONGEST_TITLE
    words = f"{subject.capitalize()} at {place}, with its inscription: "
    while len(words) < length:
        words += f"{rng.choice(SUBJECTS_EN)} near {rng.choice(PLACES_EN)}; "
    return words[: length - len(f" ({n})")].rstrip("; ") + f" ({n})"


def people_of(rng, huge, others):
    """A record's people: the huge one on more than half of the records, the rest
    skewed, as real attributions are (a few people hold hundreds of records)."""
    chosen = set()
    if rng.random() < HUGE_SHARE:
        chosen.add(huge)
    else:
        chosen.add(others[int(len(others) * rng.random() ** 2)])
    extra = MORE_PEOPLE
    while rng.random() < extra:
        chosen.add(others[int(len(others) * rng.random() ** 2)])
        extra *= MORE_PEOPLE
    return chosen


def dated(rng, first_year, last_year):
    """A year, or None for a record nobody dated."""
    if rng.random() < UNDATED_SHARE:
        return None
    return rng.randint(first_year, last_year)


def build(size, seed=1, batch=2000, years=DEFAULT_YEARS):
    """Create about ``size`` published records (artifacts + photographs + people)
    in a real catalogue's shape (see above), dated within ``years`` (first, last;
    negative for BCE)."""
    rng = random.Random(seed)
    first_year, last_year = years
    counts = shape_counts(size)
    shared = default_storage.save(
        "synthetic/shared.jpg",
        ContentFile(placeholder_image("synthetic", "Synthetic record", "document")),
    )
    with transaction.atomic():
        source = Source.objects.create(
            key="synthetic",
            title_en="Synthetic source",
            title_zh_hans="合成资料",
            kind="other",
        )
        roles = [
            Role.objects.create(
                slug=f"role-{n}", name_en=f"Role {n}", name_zh_hans=f"身份{n}"
            )
            for n in range(8)
        ]
        exhibition = Exhibition.objects.create(
            slug="synthetic",
            title_en="Synthetic Exhibition",
            title_zh_hans="合成展览",
            status=Status.PUBLISHED,
            introduction_en="An exhibition.",
            introduction_zh_hans="一个展览。",
            timeline_start=first_year,
            timeline_end=last_year,
        )
        sections = [
            Section.objects.create(
                exhibition=exhibition,
                slug=f"section-{n}",
                title_en=f"Section {n}",
                title_zh_hans=f"第{n}单元",
                status=Status.PUBLISHED,
                position=n,
                introduction_en="Introduction.",
                introduction_zh_hans="简介。",
                hero_image=shared,
                hero_width=1600,
                hero_height=1200,
            )
            for n in range(4)
        ]
        seed_terms.seed(ObjectType, Nationality)
        nationalities = list(Nationality.objects.order_by("code")[:40])
        object_types = list(ObjectType.objects.order_by("code"))

        people = []
        for n in range(counts["person"]):
            year = rng.randint(1880, 1915)
            _, _, place, place_zh, body, body_zh = text(rng, year + 50, 6)
            people.append(
                Person(
                    slug=f"person-{n}",
                    name_en=f"Person {n}",
                    name_zh_hans=f"人物{n}",
                    status=Status.PUBLISHED,
                    birth_year=year,
                    death_year=year + rng.randint(40, 80),
                    active_from=rng.randint(first_year, last_year),
                    summary_en=body[:200],
                    summary_zh_hans=body_zh[:80],
                    body_en=body,
                    body_zh_hans=body_zh,
                    active_places_en=place,
                    active_places_zh_hans=place_zh,
                    portrait=shared,
                    portrait_width=1600,
                    portrait_height=1200,
                    featured=n < 8,
                    affiliation_en=f"Group {n % 12}",
                    affiliation_zh_hans=f"团体{n % 12}",
                )
            )
        Person.objects.bulk_create(people, batch_size=batch)
        people = list(Person.objects.only("pk").order_by("pk"))
        # One to three roles, one or two nationalities each: a facet through
        # them joins several rows per link.
        Person.roles.through.objects.bulk_create(
            [
                Person.roles.through(person_id=p.pk, role_id=role.pk)
                for p in people
                for role in rng.sample(roles, rng.randint(1, 3))
            ],
            batch_size=batch,
        )
        Person.nationalities.through.objects.bulk_create(
            [
                Person.nationalities.through(
                    person_id=p.pk, nationality_id=nationality.pk
                )
                for p in people
                for nationality in rng.sample(nationalities, rng.randint(1, 2))
            ],
            batch_size=batch,
        )

        artifacts = []
        for n in range(counts["artifact"]):
            year = dated(rng, first_year, last_year)
            subject, subject_zh, place, place_zh, body, body_zh = text(
                rng, year or "an unknown year"
            )
            title = f"{subject.capitalize()} record {n}"
            if n == 0 or rng.random() < LONG_TITLE_SHARE:
                title = long_title(rng, subject, place, n)
            artifacts.append(
                Artifact(
                    slug=f"artifact-{n}",
                    accession_number=f"SYN-A-{n:06d}",
                    object_type=rng.choice(object_types),
                    title_en=title,
                    title_zh_hans=f"{subject_zh}记录{n}",
                    description_en=body,
                    description_zh_hans=body_zh,
                    date_display_en=str(year or ""),
                    date_display_zh_hans=f"{year}年" if year else "",
                    year_from=year,
                    year_to=year,
                    place_en=place,
                    place_zh_hans=place_zh,
                    status=Status.PUBLISHED,
                    credit_line_en="Synthetic",
                    credit_line_zh_hans="合成",
                    rights_en="Synthetic",
                    rights_zh_hans="合成",
                )
            )
        Artifact.objects.bulk_create(artifacts, batch_size=batch)
        artifacts = list(Artifact.objects.only("pk"))
        ArtifactImage.objects.bulk_create(
            [
                ArtifactImage(
                    artifact_id=a.pk,
                    image=shared,
                    width=1600,
                    height=1200,
                    alt_text_en="Synthetic image",
                    alt_text_zh_hans="合成图像",
                )
                for a in artifacts
            ],
            batch_size=batch,
        )

        photographs = []
        for n in range(counts["photograph"]):
            year = dated(rng, first_year, last_year)
            subject, subject_zh, place, place_zh, body, body_zh = text(
                rng, year or "an unknown year", 2
            )
            title = f"The {subject} at {place}, {year or 'undated'} ({n})"
            if n == 0 or rng.random() < LONG_TITLE_SHARE:
                title = long_title(rng, subject, place, n)
            photographs.append(
                Photograph(
                    slug=f"photograph-{n}",
                    image=shared,
                    width=1600,
                    height=1200,
                    title_en=title,
                    title_zh_hans=f"{year or ''}{place_zh}的{subject_zh}（{n}）",
                    caption_en=body,
                    caption_zh_hans=body_zh,
                    alt_text_en="Synthetic",
                    alt_text_zh_hans="合成",
                    date_display_en=str(year or ""),
                    date_display_zh_hans=f"{year}年" if year else "",
                    year_from=year,
                    year_to=year,
                    place_en=place,
                    place_zh_hans=place_zh,
                    status=Status.PUBLISHED,
                )
            )
        Photograph.objects.bulk_create(photographs, batch_size=batch)
        photographs = list(Photograph.objects.only("pk"))

        huge, others = people[0].pk, [p.pk for p in people[1:]]
        for records, through in (
            (artifacts, Artifact.people.through),
            (photographs, Photograph.people.through),
        ):
            field = (
                "artifact_id" if through is Artifact.people.through else "photograph_id"
            )
            through.objects.bulk_create(
                [
                    through(**{field: r.pk, "person_id": person})
                    for r in records
                    for person in people_of(rng, huge, others)
                ],
                batch_size=batch,
            )

        items = []
        for position, record in enumerate(artifacts + photographs):
            kind = "artifact_id" if isinstance(record, Artifact) else "photograph_id"
            items.append(
                SectionItem(
                    section=rng.choice(sections), position=position, **{kind: record.pk}
                )
            )
        SectionItem.objects.bulk_create(items, batch_size=batch)

        citations = []
        for model, records in (
            (Artifact, artifacts),
            (Photograph, photographs),
            (Person, people),
        ):
            content_type = ContentType.objects.get_for_model(model)
            citations += [
                Citation(
                    content_type=content_type,
                    object_id=r.pk,
                    source=source,
                    locator="synthetic",
                )
                for r in records
            ]
        Citation.objects.bulk_create(citations, batch_size=batch)
        search_index.rebuild(batch=batch)  # bulk_create sends no signals
    # Give the query planner statistics, as autovacuum would on PostgreSQL.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return counts
