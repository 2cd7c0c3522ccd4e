"""Charts drawn on the server as SVG: no script and no library. Each line has its
own colour and dash (readable without colour), the chart says what it shows in
its title and description, and the page gives the same figures as a table."""

import math

from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

WIDTH, HEIGHT = 760, 240
LEFT, RIGHT, TOP, BOTTOM = 52, 16, 12, 32
# Colour and dash per channel; every colour has at least 4.5:1 against white.
STYLES = {
    "web": ("#0061a0", ""),
    "scan": ("#b34700", "7 4"),
    "kiosk": ("#00704f", "2 3"),
    "audio": ("#9c3b78", "9 3 2 3"),
    "iiif": ("#555555", "1 3"),
}


def nice_ceiling(value):
    """The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above ``value`` (at least 4)."""
    value = max(value, 4)
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value)


def swatch(code):
    """A short sample of a channel's line, for the legend."""
    colour, dash = STYLES.get(code, STYLES["iiif"])
    return format_html(
        '<svg class="usage-swatch" width="28" height="10" aria-hidden="true">'
        '<line x1="0" y1="5" x2="28" y2="5" stroke="{}" stroke-width="3"'
        ' stroke-dasharray="{}"/></svg>',
        colour,
        dash or "none",
    )


def line_chart(chart_id, title, description, days, series):
    """An SVG line chart of ``series`` ([(channel code, [value per day])]) over
    ``days``, with its title and description for screen readers."""
    top = nice_ceiling(max((max(values, default=0) for _, values in series), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(days) - 1, 1)

    def x(index):
        return LEFT + index * step

    def y(value):
        return TOP + plot_h - plot_h * value / top

    def label(value):
        return formats.number_format(value, decimal_pos=0 if value == int(value) else 1)

    grid = format_html_join(
        "",
        '<line x1="{0}" x2="{1}" y1="{2}" y2="{2}" class="usage-grid"/>'
        '<text x="{3}" y="{4}" text-anchor="end">{5}</text>',
        (
            (
                LEFT,
                WIDTH - RIGHT,
                f"{y(top * n / 4):.1f}",
                LEFT - 6,
                f"{y(top * n / 4) + 4:.1f}",
                label(top * n / 4),
            )
            for n in range(5)
        ),
    )
    every = max(1, math.ceil(len(days) / 7))
    labels = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="{}">{}</text>',
        (
            (
                f"{x(i):.1f}",
                HEIGHT - 10,
                # The ends stay inside the chart.
                "start" if i == 0 else "end" if i == len(days) - 1 else "middle",
                formats.date_format(day, "MONTH_DAY_FORMAT"),
            )
            for i, day in enumerate(days)
            # A whole gap before the last day's label, so the two never overlap.
            if (i % every == 0 and len(days) - 1 - i >= every) or i == len(days) - 1
        ),
    )
    lines = format_html_join(
        "",
        '<polyline fill="none" stroke="{}" stroke-width="2.5" stroke-dasharray="{}"'
        ' stroke-linejoin="round" points="{}"/>',
        (
            (
                STYLES.get(code, STYLES["iiif"])[0],
                STYLES.get(code, STYLES["iiif"])[1] or "none",
                " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values)),
            )
            for code, values in series
        ),
    )
    return format_html(
        '<svg class="usage-chart" viewBox="0 0 {w} {h}" role="img"'
        ' aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        "{grid}{labels}{lines}</svg>",
        w=WIDTH,
        h=HEIGHT,
        id=chart_id,
        title=title,
        desc=description,
        grid=grid,
        labels=labels,
        lines=lines or mark_safe(""),
    )
