"""Placeholder images for the demo exhibition, drawn with Pillow.

Each is an archival-style card: aged paper, a line drawing for the record's motif,
a caption strip with title, date and reference, and a stamp saying it is a
placeholder, so nobody mistakes it for a photograph of the real object. The same
record always gives the same picture.
"""

import hashlib
import io
import math
import random
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

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


INK = (74, 52, 36)


def _motif_aircraft(d, cx, cy, s):
    d.polygon(
        [
            (cx - s, cy),
            (cx + s * 0.8, cy - s * 0.08),
            (cx + s, cy),
            (cx + s * 0.8, cy + s * 0.08),
        ],
        outline=INK,
        width=6,
    )
    d.polygon(
        [
            (cx - s * 0.1, cy - s * 0.05),
            (cx - s * 0.45, cy - s * 0.85),
            (cx - s * 0.25, cy - s * 0.85),
            (cx + s * 0.25, cy - s * 0.05),
        ],
        outline=INK,
        width=6,
    )
    d.polygon(
        [
            (cx - s * 0.1, cy + s * 0.05),
            (cx - s * 0.45, cy + s * 0.85),
            (cx - s * 0.25, cy + s * 0.85),
            (cx + s * 0.25, cy + s * 0.05),
        ],
        outline=INK,
        width=6,
    )
    d.polygon(
        [
            (cx - s * 0.85, cy),
            (cx - s, cy - s * 0.3),
            (cx - s * 0.9, cy - s * 0.3),
            (cx - s * 0.7, cy),
        ],
        outline=INK,
        width=5,
    )


def _motif_mountains(d, cx, cy, s):
    points = [
        (cx - s * 1.3, cy + s * 0.6),
        (cx - s * 0.7, cy - s * 0.4),
        (cx - s * 0.35, cy + s * 0.05),
        (cx + s * 0.1, cy - s * 0.75),
        (cx + s * 0.6, cy + s * 0.0),
        (cx + s * 0.9, cy - s * 0.3),
        (cx + s * 1.3, cy + s * 0.6),
    ]
    d.line(points, fill=INK, width=7, joint="curve")
    d.line(
        [
            (cx + s * 0.1, cy - s * 0.75),
            (cx - s * 0.05, cy - s * 0.45),
            (cx + s * 0.1, cy - s * 0.5),
            (cx + s * 0.25, cy - s * 0.4),
        ],
        fill=INK,
        width=4,
    )
    d.line(
        [(cx - s * 1.2, cy - s * 0.6), (cx + s * 1.2, cy - s * 0.9)], fill=INK, width=3
    )


def _motif_document(d, cx, cy, s):
    d.rectangle(
        [cx - s * 0.6, cy - s * 0.85, cx + s * 0.6, cy + s * 0.85], outline=INK, width=6
    )
    for i in range(9):
        y = cy - s * 0.6 + i * s * 0.15
        end = cx + s * (0.45 if i % 4 != 3 else 0.1)
        d.line([(cx - s * 0.45, y), (end, y)], fill=INK, width=4)
    d.ellipse(
        [cx + s * 0.15, cy + s * 0.45, cx + s * 0.45, cy + s * 0.75],
        outline=(150, 40, 30),
        width=6,
    )


def _motif_book(d, cx, cy, s):
    d.rectangle(
        [cx - s * 0.55, cy - s * 0.8, cx + s * 0.55, cy + s * 0.8], outline=INK, width=7
    )
    d.line(
        [(cx - s * 0.42, cy - s * 0.8), (cx - s * 0.42, cy + s * 0.8)],
        fill=INK,
        width=5,
    )
    d.regular_polygon((cx + s * 0.06, cy - s * 0.25, s * 0.22), 5, outline=INK, width=5)
    for i in range(3):
        y = cy + s * 0.2 + i * s * 0.14
        d.line([(cx - s * 0.25, y), (cx + s * 0.38, y)], fill=INK, width=4)


def _motif_newspaper(d, cx, cy, s):
    d.rectangle(
        [cx - s * 0.9, cy - s * 0.7, cx + s * 0.9, cy + s * 0.7], outline=INK, width=6
    )
    d.rectangle([cx - s * 0.8, cy - s * 0.6, cx + s * 0.8, cy - s * 0.4], fill=INK)
    for col in range(3):
        x0 = cx - s * 0.8 + col * s * 0.55
        for i in range(7):
            y = cy - s * 0.28 + i * s * 0.13
            d.line([(x0, y), (x0 + s * 0.45, y)], fill=INK, width=3)


def _motif_letter(d, cx, cy, s):
    d.rectangle(
        [cx - s * 0.9, cy - s * 0.55, cx + s * 0.9, cy + s * 0.55], outline=INK, width=6
    )
    d.line(
        [
            (cx - s * 0.9, cy - s * 0.55),
            (cx, cy + s * 0.1),
            (cx + s * 0.9, cy - s * 0.55),
        ],
        fill=INK,
        width=6,
    )
    d.rectangle(
        [cx + s * 0.5, cy - s * 0.45, cx + s * 0.78, cy - s * 0.15],
        outline=(150, 40, 30),
        width=5,
    )


def _motif_camera(d, cx, cy, s):
    d.rounded_rectangle(
        [cx - s * 0.9, cy - s * 0.45, cx + s * 0.9, cy + s * 0.6],
        radius=s * 0.1,
        outline=INK,
        width=7,
    )
    d.rectangle(
        [cx - s * 0.35, cy - s * 0.65, cx + s * 0.2, cy - s * 0.45],
        outline=INK,
        width=6,
    )
    d.ellipse(
        [cx - s * 0.38, cy - s * 0.3, cx + s * 0.38, cy + s * 0.46],
        outline=INK,
        width=8,
    )
    d.ellipse(
        [cx - s * 0.18, cy - s * 0.1, cx + s * 0.18, cy + s * 0.26],
        outline=INK,
        width=5,
    )


def _motif_map(d, cx, cy, s):
    d.polygon(
        [
            (cx - s, cy - s * 0.6),
            (cx - s * 0.35, cy - s * 0.75),
            (cx + s * 0.35, cy - s * 0.6),
            (cx + s, cy - s * 0.75),
            (cx + s, cy + s * 0.6),
            (cx + s * 0.35, cy + s * 0.75),
            (cx - s * 0.35, cy + s * 0.6),
            (cx - s, cy + s * 0.75),
        ],
        outline=INK,
        width=6,
    )
    d.line(
        [
            (cx - s * 0.7, cy + s * 0.3),
            (cx - s * 0.2, cy - s * 0.1),
            (cx + s * 0.3, cy + s * 0.15),
            (cx + s * 0.7, cy - s * 0.35),
        ],
        fill=(150, 40, 30),
        width=6,
    )
    for x, y in [(cx - s * 0.7, cy + s * 0.3), (cx + s * 0.7, cy - s * 0.35)]:
        d.ellipse([x - 12, y - 12, x + 12, y + 12], fill=(150, 40, 30))


def _motif_medical(d, cx, cy, s):
    d.rounded_rectangle(
        [cx - s * 0.8, cy - s * 0.5, cx + s * 0.8, cy + s * 0.7],
        radius=s * 0.1,
        outline=INK,
        width=7,
    )
    d.rectangle(
        [cx - s * 0.3, cy - s * 0.7, cx + s * 0.3, cy - s * 0.5], outline=INK, width=6
    )
    d.rectangle(
        [cx - s * 0.1, cy - s * 0.25, cx + s * 0.1, cy + s * 0.45], fill=(150, 40, 30)
    )
    d.rectangle(
        [cx - s * 0.3, cy - s * 0.05, cx + s * 0.3, cy + s * 0.25], fill=(150, 40, 30)
    )


def _motif_instrument(d, cx, cy, s):
    d.line(
        [(cx - s * 0.9, cy + s * 0.7), (cx + s * 0.2, cy - s * 0.3)], fill=INK, width=9
    )
    d.line(
        [(cx - s * 0.9, cy - s * 0.3), (cx + s * 0.2, cy + s * 0.7)], fill=INK, width=9
    )
    d.ellipse(
        [cx - s * 0.35, cy + s * 0.05, cx - s * 0.05, cy + s * 0.35],
        outline=INK,
        width=6,
    )
    d.arc(
        [cx + s * 0.1, cy - s * 0.7, cx + s * 0.9, cy + s * 0.1],
        200,
        340,
        fill=INK,
        width=8,
    )
    d.arc(
        [cx + s * 0.1, cy - s * 0.1, cx + s * 0.9, cy + s * 0.7],
        20,
        160,
        fill=INK,
        width=8,
    )


def _motif_portrait(d, cx, cy, s):
    d.ellipse(
        [cx - s * 0.9, cy - s * 1.05, cx + s * 0.9, cy + s * 1.05], outline=INK, width=6
    )
    d.ellipse(
        [cx - s * 0.35, cy - s * 0.7, cx + s * 0.35, cy + s * 0.05],
        outline=INK,
        width=7,
    )
    d.arc(
        [cx - s * 0.7, cy + s * 0.15, cx + s * 0.7, cy + s * 1.3],
        180,
        360,
        fill=INK,
        width=7,
    )


def _motif_group(d, cx, cy, s):
    for dx, scale in [(-0.75, 0.75), (0.75, 0.75), (0, 1.0)]:
        x = cx + dx * s
        r = s * 0.28 * scale
        d.ellipse(
            [x - r, cy - s * 0.4 - r, x + r, cy - s * 0.4 + r], outline=INK, width=6
        )
        d.arc(
            [x - r * 2, cy - s * 0.05, x + r * 2, cy + s * 0.05 + r * 4],
            180,
            360,
            fill=INK,
            width=6,
        )
    d.line(
        [(cx - s * 1.3, cy + s * 0.75), (cx + s * 1.3, cy + s * 0.75)],
        fill=INK,
        width=4,
    )


def _motif_crowd(d, cx, cy, s):
    for row in range(2):
        for i in range(7):
            x = cx - s * 1.2 + i * s * 0.4 + row * s * 0.2
            y = cy - s * 0.1 + row * s * 0.5
            r = s * 0.12
            d.ellipse([x - r, y - r, x + r, y + r], outline=INK, width=5)
            d.arc(
                [x - r * 1.8, y + r, x + r * 1.8, y + r * 5],
                180,
                360,
                fill=INK,
                width=5,
            )
    d.line(
        [(cx - s * 0.2, cy - s * 0.9), (cx - s * 0.2, cy - s * 0.2)], fill=INK, width=5
    )
    d.rectangle(
        [cx - s * 0.2, cy - s * 0.9, cx + s * 0.5, cy - s * 0.55],
        outline=(150, 40, 30),
        width=5,
    )


def _motif_building(d, cx, cy, s):
    d.rectangle([cx - s, cy - s * 0.2, cx + s, cy + s * 0.7], outline=INK, width=7)
    d.polygon(
        [
            (cx - s * 1.15, cy - s * 0.2),
            (cx, cy - s * 0.85),
            (cx + s * 1.15, cy - s * 0.2),
        ],
        outline=INK,
        width=7,
    )
    for i in range(4):
        x = cx - s * 0.75 + i * s * 0.5
        d.rectangle(
            [x - s * 0.12, cy, x + s * 0.12, cy + s * 0.3], outline=INK, width=5
        )
    d.rectangle(
        [cx - s * 0.15, cy + s * 0.35, cx + s * 0.15, cy + s * 0.7],
        outline=INK,
        width=5,
    )


def _motif_vehicle(d, cx, cy, s):
    d.rectangle(
        [cx - s, cy - s * 0.35, cx + s * 0.35, cy + s * 0.35], outline=INK, width=7
    )
    d.polygon(
        [
            (cx + s * 0.35, cy - s * 0.15),
            (cx + s * 0.8, cy - s * 0.15),
            (cx + s * 1.05, cy + s * 0.1),
            (cx + s * 1.05, cy + s * 0.35),
            (cx + s * 0.35, cy + s * 0.35),
        ],
        outline=INK,
        width=7,
    )
    for x in (cx - s * 0.6, cx + s * 0.7):
        d.ellipse(
            [x - s * 0.2, cy + s * 0.25, x + s * 0.2, cy + s * 0.65],
            outline=INK,
            width=7,
        )
    d.line(
        [(cx - s * 1.3, cy + s * 0.67), (cx + s * 1.3, cy + s * 0.67)],
        fill=INK,
        width=4,
    )


def _motif_medal(d, cx, cy, s):
    d.polygon(
        [
            (cx - s * 0.3, cy - s),
            (cx + s * 0.3, cy - s),
            (cx + s * 0.15, cy - s * 0.2),
            (cx - s * 0.15, cy - s * 0.2),
        ],
        outline=(150, 40, 30),
        width=6,
    )
    d.ellipse(
        [cx - s * 0.5, cy - s * 0.3, cx + s * 0.5, cy + s * 0.7], outline=INK, width=8
    )
    d.regular_polygon((cx, cy + s * 0.2, s * 0.3), 5, outline=INK, width=6)


def _motif_textile(d, cx, cy, s):
    for i in range(9):
        y = cy - s * 0.7 + i * s * 0.175
        points = [
            (cx - s + j * s * 0.1, y + math.sin(j / 2 + i) * s * 0.05)
            for j in range(21)
        ]
        d.line(points, fill=INK if i % 3 else (150, 40, 30), width=5)
    d.line([(cx - s, cy - s * 0.8), (cx - s, cy + s * 0.8)], fill=INK, width=8)


def _motif_radio(d, cx, cy, s):
    d.rectangle(
        [cx - s * 0.9, cy - s * 0.3, cx + s * 0.9, cy + s * 0.6], outline=INK, width=7
    )
    for x in (cx - s * 0.5, cx + s * 0.1):
        d.ellipse([x - s * 0.15, cy, x + s * 0.15, cy + s * 0.3], outline=INK, width=6)
    d.rectangle([cx + s * 0.35, cy, cx + s * 0.75, cy + s * 0.35], outline=INK, width=5)
    d.line(
        [(cx + s * 0.6, cy - s * 0.3), (cx + s * 1.0, cy - s * 1.0)], fill=INK, width=5
    )
    for r in (0.2, 0.35, 0.5):
        d.arc(
            [
                cx + s * (1.0 - r),
                cy - s * (1.0 + r),
                cx + s * (1.0 + r),
                cy - s * (1.0 - r),
            ],
            200,
            340,
            fill=INK,
            width=4,
        )


def _motif_ship(d, cx, cy, s):
    d.polygon(
        [
            (cx - s, cy),
            (cx + s, cy),
            (cx + s * 0.75, cy + s * 0.4),
            (cx - s * 0.8, cy + s * 0.4),
        ],
        outline=INK,
        width=7,
    )
    d.rectangle([cx - s * 0.4, cy - s * 0.35, cx + s * 0.3, cy], outline=INK, width=6)
    d.rectangle(
        [cx - s * 0.1, cy - s * 0.65, cx + s * 0.05, cy - s * 0.35],
        outline=INK,
        width=5,
    )
    _motif_river(d, cx, cy + s * 0.65, s * 0.8)


def _motif_river(d, cx, cy, s):
    for i in range(4):
        y = cy - s * 0.3 + i * s * 0.22
        points = [
            (cx - s * 1.3 + j * s * 0.13, y + math.sin(j / 1.5) * s * 0.06)
            for j in range(21)
        ]
        d.line(points, fill=INK, width=5)


def _motif_poster(d, cx, cy, s):
    d.rectangle(
        [cx - s * 0.6, cy - s * 0.9, cx + s * 0.6, cy + s * 0.9], outline=INK, width=7
    )
    d.regular_polygon((cx, cy - s * 0.25, s * 0.35), 5, fill=(150, 40, 30))
    d.rectangle([cx - s * 0.45, cy + s * 0.3, cx + s * 0.45, cy + s * 0.45], fill=INK)
    d.rectangle([cx - s * 0.35, cy + s * 0.55, cx + s * 0.35, cy + s * 0.62], fill=INK)


def _motif_microscope(d, cx, cy, s):
    d.line(
        [(cx - s * 0.1, cy - s * 0.9), (cx + s * 0.2, cy + s * 0.1)], fill=INK, width=14
    )
    d.arc(
        [cx - s * 0.2, cy - s * 0.5, cx + s * 0.7, cy + s * 0.6],
        270,
        90,
        fill=INK,
        width=9,
    )
    d.rectangle([cx - s * 0.3, cy + s * 0.15, cx + s * 0.5, cy + s * 0.22], fill=INK)
    d.rectangle(
        [cx - s * 0.6, cy + s * 0.6, cx + s * 0.7, cy + s * 0.75], outline=INK, width=7
    )


MOTIFS = {
    name.removeprefix("_motif_"): function
    for name, function in globals().items()
    if name.startswith("_motif_")
}


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
    motif_draw = MOTIFS.get(motif, _motif_document)
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
