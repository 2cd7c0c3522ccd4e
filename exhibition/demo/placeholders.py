"""Placeholder images for the demo exhibition, drawn with Pillow.

Each is an archival-style card: aged paper, a line drawing for the record's motif,
a caption strip with title, date and reference, and a stamp saying it is a
placeholder, so nobody mistakes it for a photograph of the real object. The same
record always gives the same picture.
"""

import hashlib
import io
import random
from functools import cache
from pathlib import Path

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from exhibition.demo.motifs import MOTIFS
from exhibition.demo.motifs.ink import INK

LANDSCAPE = (1600, 1200)
PORTRAIT = (1200, 1500)
CJK_FONT_CANDIDATES = [
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
]


@cache
def font(size, cjk=False):
    if cjk:
        for candidate in CJK_FONT_CANDIDATES:
            if Path(candidate).exists():
                return ImageFont.truetype(candidate, size)
        return None
    return ImageFont.load_default(size=size)


def _rng(key):
    return random.Random(int(hashlib.sha256(key.encode()).hexdigest()[:16], 16))


@cache
def _grain_and_vignette(size):
    """Paper grain and darkened edges: the slow part, made once per card size."""
    grain = Image.effect_noise(size, 22).convert("RGB")
    small = (size[0] // 8, size[1] // 8)
    vignette = Image.new("L", small, 0)
    inset = min(small) // 14
    ImageDraw.Draw(vignette).rectangle(
        [inset, inset, small[0] - inset, small[1] - inset], fill=255
    )
    vignette = vignette.filter(ImageFilter.GaussianBlur(min(small) // 10))
    return grain, vignette.resize(size, Image.BILINEAR)


def _paper(size, rng):
    hue_shift = rng.randint(-12, 12)
    base = (228 + hue_shift // 3, 214 + hue_shift // 2, 184 + hue_shift)
    grain, vignette = _grain_and_vignette(size)
    paper = Image.blend(Image.new("RGB", size, base), grain, 0.07)
    # Darkened edges, as on a card handled for eighty years.
    paper = Image.composite(paper, Image.new("RGB", size, (150, 120, 80)), vignette)
    draw = ImageDraw.Draw(paper)
    for _ in range(rng.randint(3, 7)):  # foxing spots
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        r = rng.randint(3, 14)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(196, 168, 126))
    return paper


def _wrap(draw, text, typeface, width):
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=typeface) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines[:3]


# Pillow's built-in font has no dashes or multiplication sign: draw ASCII instead.
ASCII_STANDINS = str.maketrans(
    {"–": "-", "—": "-", "×": "x", "“": '"', "”": '"', "‘": "'", "’": "'"}
)


# Kept per process: the same arguments always draw the same picture, and a test
# run loads the demo in several modules of one process (half of each load's time).
@cache
def placeholder_image(key, title, motif, subtitle="", portrait=False):
    """Return JPEG bytes of a labelled placeholder for one record."""
    title = title.translate(ASCII_STANDINS)
    subtitle = subtitle.translate(ASCII_STANDINS)
    size = PORTRAIT if portrait else LANDSCAPE
    rng = _rng(key)
    card = _paper(size, rng)
    draw = ImageDraw.Draw(card)
    w, h = size
    margin = w // 16
    draw.rectangle([margin, margin, w - margin, h - margin], outline=INK, width=3)
    draw.rectangle(
        [margin + 14, margin + 14, w - margin - 14, h - margin - 14],
        outline=INK,
        width=1,
    )
    caption_top = int(h * 0.70)
    motif_draw = MOTIFS.get(motif, MOTIFS["document"])
    scale = min(w, caption_top) * 0.24
    motif_draw(draw, w / 2, margin + (caption_top - margin) / 2 + 10, scale)
    draw.line(
        [(margin + 40, caption_top), (w - margin - 40, caption_top)], fill=INK, width=2
    )

    title_font = font(max(36, w // 30))
    y = caption_top + 30
    for line in _wrap(draw, title, title_font, w - 2 * margin - 80):
        draw.text((w / 2, y), line, font=title_font, fill=INK, anchor="ma")
        y += int(title_font.size * 1.25)
    if subtitle:
        draw.text(
            (w / 2, y + 8),
            subtitle,
            font=font(max(24, w // 48)),
            fill=(110, 84, 60),
            anchor="ma",
        )

    # The stamp: red, slightly rotated, saying plainly what this is.
    stamp_text = "GENERATED PLACEHOLDER"
    stamp_font = font(max(22, w // 52))
    cjk = font(max(22, w // 52), cjk=True)
    stamp = Image.new("RGBA", (int(w * 0.4), w // 8), (0, 0, 0, 0))
    sd = ImageDraw.Draw(stamp)
    sw, sh = stamp.size
    red = (168, 36, 28, 210)
    sd.rectangle([4, 4, sw - 5, sh - 5], outline=red, width=5)
    sd.text((sw / 2, sh * 0.32), stamp_text, font=stamp_font, fill=red, anchor="mm")
    second = "演示占位图 · NOT THE REAL OBJECT" if cjk else "NOT THE REAL OBJECT"
    sd.text((sw / 2, sh * 0.7), second, font=cjk or stamp_font, fill=red, anchor="mm")
    stamp = stamp.rotate(rng.uniform(-7, -3), expand=True, resample=Image.BICUBIC)
    card.paste(stamp, (w - margin - stamp.width - 4, margin + 8), stamp)

    buffer = io.BytesIO()
    card.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()


def as_upload(picture):
    """A placeholder's bytes as a file for ``ImageField.save``. It must have a name:
    given a nameless ContentFile, Django stores no width and height, and every later
    load of the record then reopens the image to measure it."""
    return ContentFile(picture, name="placeholder.jpg")
