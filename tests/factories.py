"""Small factory functions for test data (no fixtures files)."""

import io
import itertools
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from catalog import seed_terms
from catalog.models import (
    Artifact,
    ArtifactImage,
    Nationality,
    ObjectType,
    Person,
    Photograph,
    Source,
    Status,
)
from exhibition.models import Exhibition, FeaturedPerson, Kiosk, Section, SectionItem

_counter = itertools.count(1)


def image_bytes(size=(64, 48), image_format="JPEG", color=(120, 90, 60)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, image_format)
    return buffer.getvalue()


def uploaded_image(name="picture.jpg", **kwargs):
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type="image/jpeg")


def make_source(**fields):
    n = next(_counter)
    defaults = {"key": f"source-{n}", "title_en": f"Source {n}", "kind": "paper"}
    return Source.objects.create(**{**defaults, **fields})


def term(model, code):
    """The term with ``code``, made with its seed labels if the database lacks it
    (a transactional test empties the seeded tables)."""
    seeds = (
        seed_terms.OBJECT_TYPES if model is ObjectType else seed_terms.nationalities()
    )
    english, chinese = next(
        ((en, zh) for c, en, zh in seeds if c == code), (code.title(), "")
    )
    found, _created = model.objects.get_or_create(
        code=code, defaults={"label_en": english, "label_zh_hans": chinese}
    )
    return found


def make_person(nationalities=("US",), **fields):
    """``nationalities``: codes, or one code."""
    n = next(_counter)
    defaults = {
        "slug": f"person-{n}",
        "name_en": f"Person {n}",
        "name_zh_hans": f"人物{n}",
        "status": Status.PUBLISHED,
    }
    person = Person.objects.create(**{**defaults, **fields})
    if isinstance(nationalities, str):
        nationalities = [nationalities]
    person.nationalities.set([term(Nationality, code) for code in nationalities])
    return person


def make_artifact(with_image=True, object_type="document", **fields):
    """``object_type``: a code or an ``ObjectType``."""
    n = next(_counter)
    if isinstance(object_type, str):
        object_type = term(ObjectType, object_type)
    defaults = {
        "slug": f"artifact-{n}",
        "accession_number": f"T-{n:04d}",
        "object_type": object_type,
        "title_en": f"Artifact {n}",
        "title_zh_hans": f"文物{n}",
        "status": Status.PUBLISHED,
    }
    artifact = Artifact.objects.create(**{**defaults, **fields})
    if with_image:
        ArtifactImage.objects.create(
            artifact=artifact,
            image=uploaded_image(),
            alt_text_en="A test image",
            alt_text_zh_hans="测试图像",
        )
    return artifact


def make_photograph(**fields):
    n = next(_counter)
    defaults = {
        "slug": f"photograph-{n}",
        "title_en": f"Photograph {n}",
        "title_zh_hans": f"照片{n}",
        "image": uploaded_image(),
        "alt_text_en": "A test photograph",
        "status": Status.PUBLISHED,
    }
    return Photograph.objects.create(**{**defaults, **fields})


def make_exhibition(**fields):
    n = next(_counter)
    defaults = {
        "slug": f"exhibition-{n}",
        "title_en": f"Exhibition {n}",
        "title_zh_hans": f"展览{n}",
        "status": Status.PUBLISHED,
    }
    return Exhibition.objects.create(**{**defaults, **fields})


def make_section(exhibition=None, **fields):
    n = next(_counter)
    defaults = {
        "slug": f"section-{n}",
        "title_en": f"Section {n}",
        "title_zh_hans": f"单元{n}",
        "status": Status.PUBLISHED,
        "position": n % 10_000,  # a small integer column; the counter grows all run
    }
    return Section.objects.create(
        exhibition=exhibition or make_exhibition(), **{**defaults, **fields}
    )


def feature(exhibition, person, position=0):
    return FeaturedPerson.objects.create(
        exhibition=exhibition, person=person, position=position
    )


def make_kiosk(exhibition=None, **fields):
    n = next(_counter)
    defaults = {"slug": f"kiosk-{n}", "name_en": f"Kiosk {n}"}
    return Kiosk.objects.create(
        exhibition=exhibition or make_exhibition(), **{**defaults, **fields}
    )


def hang(section, record, position=0):
    kind = "artifact" if isinstance(record, Artifact) else "photograph"
    return SectionItem.objects.create(
        section=section, position=position, **{kind: record}
    )


def cite(record, source=None, locator="p. 1"):
    """Give ``record`` a citation (publishing needs at least one)."""
    from django.contrib.contenttypes.models import ContentType

    from catalog.models import Citation

    return Citation.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        source=source or make_source(),
        locator=locator,
    )


COMPLETE_TEXT = {
    "rights_en": "CC0",
    "rights_zh_hans": "CC0 协议",
}


def make_ready_artifact(**fields):
    """A draft artifact with everything publishing asks for, in both languages."""
    defaults = {
        "status": Status.DRAFT,
        "description_en": "A description.",
        "description_zh_hans": "说明。",
        **COMPLETE_TEXT,
    }
    artifact = make_artifact(**{**defaults, **fields})
    cite(artifact)
    return artifact


def make_ready_photograph(**fields):
    defaults = {
        "status": Status.DRAFT,
        "caption_en": "A caption.",
        "caption_zh_hans": "图片说明。",
        "alt_text_zh_hans": "测试照片",
        **COMPLETE_TEXT,
    }
    photograph = make_photograph(**{**defaults, **fields})
    cite(photograph)
    return photograph


def make_ready_person(**fields):
    defaults = {
        "status": Status.DRAFT,
        "summary_en": "A summary.",
        "summary_zh_hans": "简介。",
    }
    person = make_person(**{**defaults, **fields})
    cite(person)
    return person


MEDIA_FILES = Path(__file__).resolve().parent / "catalog" / "media" / "files"
CAPTIONS = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nA short tone.\n"


def media_bytes(name="tone.opus"):
    """A tiny real recording: tone.opus, tone.mp3, tone.m4a, clip.mp4, clip.webm."""
    return (MEDIA_FILES / name).read_bytes()


def make_clip(record, name="tone.opus", captions=True, **fields):
    """A clip on ``record`` with a file, captions and transcript in both languages."""
    from django.core.files.base import ContentFile

    from catalog.models import MediaItem

    n = next(_counter)
    item = MediaItem(
        record=record,
        title_en=fields.pop("title_en", f"Clip {n}"),
        title_zh_hans=fields.pop("title_zh_hans", f"片段{n}"),
        transcript_en=fields.pop("transcript_en", f"English transcript {n}."),
        transcript_zh_hans=fields.pop("transcript_zh_hans", f"中文文字稿{n}。"),
        **fields,
    )
    for suffix in ("en", "zh_hans"):
        getattr(item, f"file_{suffix}").save(
            name, ContentFile(media_bytes(name)), save=False
        )
        if captions:
            getattr(item, f"captions_{suffix}").save(
                "captions.vtt", ContentFile(CAPTIONS.encode()), save=False
            )
    item.save()
    return item
