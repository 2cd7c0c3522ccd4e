"""Line drawings of things and places: aircraft, instruments, vehicles, landscapes."""

import math

from exhibition.demo.motifs.ink import INK


def aircraft(d, cx, cy, s):
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


def mountains(d, cx, cy, s):
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


def camera(d, cx, cy, s):
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


def medical(d, cx, cy, s):
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


def instrument(d, cx, cy, s):
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


def building(d, cx, cy, s):
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


def vehicle(d, cx, cy, s):
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


def radio(d, cx, cy, s):
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


def ship(d, cx, cy, s):
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
    river(d, cx, cy + s * 0.65, s * 0.8)


def river(d, cx, cy, s):
    for i in range(4):
        y = cy - s * 0.3 + i * s * 0.22
        points = [
            (cx - s * 1.3 + j * s * 0.13, y + math.sin(j / 1.5) * s * 0.06)
            for j in range(21)
        ]
        d.line(points, fill=INK, width=5)


def microscope(d, cx, cy, s):
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
