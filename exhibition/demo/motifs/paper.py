"""Line drawings of papers and people: documents, books, maps, posters, portraits."""

import math

from exhibition.demo.motifs.ink import INK


def document(d, cx, cy, s):
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


def book(d, cx, cy, s):
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


def newspaper(d, cx, cy, s):
    d.rectangle(
        [cx - s * 0.9, cy - s * 0.7, cx + s * 0.9, cy + s * 0.7], outline=INK, width=6
    )
    d.rectangle([cx - s * 0.8, cy - s * 0.6, cx + s * 0.8, cy - s * 0.4], fill=INK)
    for col in range(3):
        x0 = cx - s * 0.8 + col * s * 0.55
        for i in range(7):
            y = cy - s * 0.28 + i * s * 0.13
            d.line([(x0, y), (x0 + s * 0.45, y)], fill=INK, width=3)


def letter(d, cx, cy, s):
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


def map(d, cx, cy, s):
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


def portrait(d, cx, cy, s):
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


def group(d, cx, cy, s):
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


def crowd(d, cx, cy, s):
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


def medal(d, cx, cy, s):
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


def textile(d, cx, cy, s):
    for i in range(9):
        y = cy - s * 0.7 + i * s * 0.175
        points = [
            (cx - s + j * s * 0.1, y + math.sin(j / 2 + i) * s * 0.05)
            for j in range(21)
        ]
        d.line(points, fill=INK if i % 3 else (150, 40, 30), width=5)
    d.line([(cx - s, cy - s * 0.8), (cx - s, cy + s * 0.8)], fill=INK, width=8)


def poster(d, cx, cy, s):
    d.rectangle(
        [cx - s * 0.6, cy - s * 0.9, cx + s * 0.6, cy + s * 0.9], outline=INK, width=7
    )
    d.regular_polygon((cx, cy - s * 0.25, s * 0.35), 5, fill=(150, 40, 30))
    d.rectangle([cx - s * 0.45, cy + s * 0.3, cx + s * 0.45, cy + s * 0.45], fill=INK)
    d.rectangle([cx - s * 0.35, cy + s * 0.55, cx + s * 0.35, cy + s * 0.62], fill=INK)
