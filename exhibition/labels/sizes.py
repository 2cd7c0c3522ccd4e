"""The label templates: sizes and type sizes as data. Add a size by adding an entry;
the admin's actions and the command's choices follow from this list."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

OBJECT = "object"
PANEL = "panel"

# One family for both languages: Noto Sans CJK carries Latin as well as Chinese, so
# nothing falls back to another font (fonts.py checks every character is there).
# Debian: fonts-noto-cjk (see docs/curators.md, labels).
FONT_FAMILY = "Noto Sans CJK SC"


@dataclass(frozen=True)
class Template:
    name: str
    kind: str  # OBJECT labels or PANEL for sections
    label: str
    width_mm: float
    height_mm: float
    margin_mm: float
    title_pt: float
    body_pt: float
    small_pt: float
    # Kept free at the foot for the QR code (labels) or the museum's name (panels).
    foot_mm: float = 0
    qr_mm: float = 0
    # The short text is cut at a sentence end within this many characters.
    text_chars: tuple = (0, 0)  # (English, Chinese)

    @property
    def column_mm(self):
        """Width of each language's column (English left, Chinese right)."""
        return (self.width_mm - 3 * self.margin_mm) / 2

    @property
    def inner_mm(self):
        return self.width_mm - 2 * self.margin_mm

    @property
    def qr_left_mm(self):
        """Where the QR code starts in the foot: centred between the two halves,
        so each half's caption stands beside it."""
        return (self.inner_mm - self.qr_mm) / 2

    @property
    def beside_qr_mm(self):
        """From either edge of the foot to the far side of the QR code's image
        (its quiet zone included, which text must not enter): where the captions
        beside it end and start."""
        return self.qr_left_mm + self.qr_mm

    @property
    def body_mm(self):
        """Height left for the text above the foot."""
        return self.height_mm - 2 * self.margin_mm - self.foot_mm

    @property
    def measure_mm(self):
        """The page height used to measure whether the text fits (render.fit)."""
        return self.margin_mm + self.body_mm


TEMPLATES = {
    t.name: t
    for t in (
        Template(
            name="object-10x15",
            kind=OBJECT,
            label=_("Object label, 10 × 15 cm"),
            width_mm=150,
            height_mm=100,
            margin_mm=7,
            title_pt=12,
            body_pt=7.5,
            small_pt=6,
            foot_mm=27,
            qr_mm=24,
            text_chars=(320, 130),
        ),
        Template(
            name="panel-a4",
            kind=PANEL,
            label=_("Section panel, A4"),
            width_mm=210,
            height_mm=297,
            margin_mm=18,
            title_pt=30,
            body_pt=12,
            small_pt=9,
            foot_mm=20,
        ),
        Template(
            name="panel-a3",
            kind=PANEL,
            label=_("Section panel, A3"),
            width_mm=297,
            height_mm=420,
            margin_mm=25,
            title_pt=42,
            body_pt=17,
            small_pt=12,
            foot_mm=28,
        ),
    )
}


def of_kind(kind):
    return [t for t in TEMPLATES.values() if t.kind == kind]


def default(kind):
    return of_kind(kind)[0]


def get(name, kind):
    """The template called ``name`` for ``kind``, or ValueError naming the choices."""
    found = TEMPLATES.get(name)
    if found is None or found.kind != kind:
        choices = ", ".join(t.name for t in of_kind(kind))
        raise ValueError(f"no {kind} template {name!r}; choose one of: {choices}")
    return found
