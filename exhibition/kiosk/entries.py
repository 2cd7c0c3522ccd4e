"""The pieces a kiosk screen is made of: records, people, shelves and pictures."""

from dataclasses import dataclass, field

from catalog.images.renditions import ready_picture
from catalog.models import ArtifactImage
from exhibition.page_cache import page_incomplete

CARD_WIDTH = 640


@dataclass
class Image:
    """One picture as the kiosk shows it: full screen and as a card."""

    source: object
    alt_field: str
    full: str
    card: str
    width: int
    height: int

    @property
    def alt(self):
        return getattr(self.source, self.alt_field) or ""

    @property
    def caption(self):
        return self.source.caption if isinstance(self.source, ArtifactImage) else ""


def image_state(image):
    """What of a picture the version depends on, in every language."""
    source = image.source
    texts = [
        getattr(source, f"{name}_{suffix}", "")
        for name in ("alt_text", "caption")
        for suffix in ("en", "zh_hans")
    ]
    return [image.full, *texts] if isinstance(source, ArtifactImage) else [image.full]


def kiosk_image(field_file, width, height, source, alt_field, full_width):
    if not field_file or not width:
        return None
    picture = ready_picture(field_file, width, height)
    if picture is None:  # the media storage is down: shown without the image
        page_incomplete()
        return None
    return Image(
        source=source,
        alt_field=alt_field,
        full=picture.url(full_width, "webp"),
        card=picture.url(CARD_WIDTH, "webp"),
        width=width,
        height=height,
    )


@dataclass
class Entry:
    """An artifact or photograph in the kiosk, at its place in the kiosk's order."""

    kind: str
    record: object
    section: object
    position: int
    images: list
    people: list = field(default_factory=list)
    index: int = 0
    url: str = ""
    clips: list = field(default_factory=list)

    @property
    def image(self):
        return self.images[0] if self.images else None


@dataclass
class PersonEntry:
    person: object
    portrait: Image
    entries: list = field(default_factory=list)
    url: str = ""
    clips: list = field(default_factory=list)


@dataclass
class Group:
    """A shelf on the kiosk's home screen: one section, or the playlist."""

    section: object
    entries: list
