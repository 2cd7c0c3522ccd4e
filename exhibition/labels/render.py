"""Labels and panels to PDF: HTML templates (templates/labels/) laid out by
WeasyPrint, QR codes drawn by segno as vector SVG, the font embedded as a subset.

Text that does not fit its sheet at the template's type size is set smaller, in
steps, down to ``SCALES[-1]``; what still does not fit is cut at the sheet's edge
and named in ``Printed.clipped`` so curators can shorten it.
"""

import base64
import mimetypes
from dataclasses import dataclass, field

import segno
from django.template.loader import render_to_string
from django.utils import translation

from exhibition.labels import fonts
from exhibition.labels.content import ObjectLabel
from exhibition.labels.sizes import FONT_FAMILY
from exhibition.models import Museum

SCALES = (1, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6)


@dataclass
class Printed:
    pdf: bytes
    pages: int
    clipped: list = field(default_factory=list)  # titles of sheets cut short


def qr_data_uri(url):
    # Level M survives a scuffed or badly lit label; the quiet zone is in the image.
    return segno.make(url, error="m").svg_data_uri(scale=1, border=4)


def logo_data_uri(museum):
    """The museum's logo, read through the storage API, or "" without one."""
    if not museum.logo:
        return ""
    try:
        with museum.logo.open("rb") as logo:
            data = logo.read()
    except OSError:
        return ""
    kind = mimetypes.guess_type(museum.logo.name)[0] or "image/png"
    return f"data:{kind};base64,{base64.b64encode(data).decode()}"


def museum_names(museum):
    names = []
    for language in ("en", "zh-hans"):
        with translation.override(language):
            names.append(museum.name or "")
    return [name for name in dict.fromkeys(names) if name]


def printed_texts(sheets, names):
    yield from names
    for sheet in sheets:
        if isinstance(sheet, ObjectLabel):
            yield sheet.identifier
            yield sheet.url
        for side in sheet.sides:
            yield side.title
            yield side.credit
            yield side.scan
            yield from side.lines
            yield from side.paragraphs


def only_inline_data():
    """The HTML holds its images as data: URIs; it may fetch nothing else."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)


def html(sheets, scales, templates, extra, measuring=False):
    object_template, panel_template = templates
    rows = []
    for sheet, scale in zip(sheets, scales, strict=True):
        is_label = isinstance(sheet, ObjectLabel)
        template = object_template if is_label else panel_template
        row = {
            "body_pt": round(template.body_pt * scale, 2),
            "title_pt": round(template.title_pt * scale, 2),
            "small_pt": round(template.small_pt * scale, 2),
        }
        if is_label:
            row.update(label=sheet, qr="" if measuring else qr_data_uri(sheet.url))
        else:
            row["panel"] = sheet
        rows.append(row)
    context = {
        "sheets": rows,
        "object": object_template,
        "panel": panel_template,
        "font_family": FONT_FAMILY,
        "measuring": measuring,
        **extra,
    }
    return render_to_string("labels/sheets.html", context)


def layout(markup):
    from PIL import ImageFile
    from weasyprint import HTML

    # WeasyPrint's import lets Pillow load truncated images process-wide; the
    # upload checks (catalog/images/checks.py) rely on it staying off.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    return HTML(string=markup, url_fetcher=only_inline_data()).render()


def first_pages(document):
    """For each sheet (by its index in the HTML), the page it starts on."""
    starts = {}
    for number, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor.startswith("sheet-"):
                starts.setdefault(int(anchor.removeprefix("sheet-")), number)
    return starts


def overflowing(document, count):
    """Indexes of sheets whose text ran onto a second page while measuring."""
    starts = first_pages(document)
    ends = [starts.get(i + 1, len(document.pages)) for i in range(count)]
    return {i for i in range(count) if ends[i] - starts[i] > 1}


def fit(sheets, templates, extra):
    """The largest of ``SCALES`` at which each sheet's text fits, and the sheets
    that do not fit even at the smallest."""
    scales = [SCALES[0]] * len(sheets)
    pending = set(range(len(sheets)))
    for step, scale in enumerate(SCALES):
        if step:
            for i in pending:
                scales[i] = scale
        order = sorted(pending)
        document = layout(
            html(
                [sheets[i] for i in order],
                [scales[i] for i in order],
                templates,
                extra,
                True,
            )
        )
        pending = {order[i] for i in overflowing(document, len(order))}
        if not pending:
            break
    return scales, pending


def render_pdf(sheets, object_template, panel_template):
    """One PDF: each sheet (a Panel or an ObjectLabel) on a page of its own size."""
    if not sheets:
        raise ValueError("nothing to print")
    museum = Museum.load()
    names = museum_names(museum)
    fonts.check_coverage(printed_texts(sheets, names))
    templates = (object_template, panel_template)
    extra = {"museum_names": names, "logo": logo_data_uri(museum)}
    scales, clipped = fit(sheets, templates, extra)
    document = assemble(sheets, scales, clipped, templates, extra)
    return Printed(
        pdf=document.write_pdf(),
        pages=len(document.pages),
        clipped=[sheets[i].sides[0].title for i in sorted(clipped)],
    )


def assemble(sheets, scales, clipped, templates, extra):
    """The final pages, one per sheet. A sheet too long even at the smallest scale
    is laid out alone and only its first page kept, so what runs over is cut
    instead of spilling onto the next sheet."""
    pages, base = {}, None
    fitting = [i for i in range(len(sheets)) if i not in clipped]
    if fitting:
        base = layout(
            html(
                [sheets[i] for i in fitting],
                [scales[i] for i in fitting],
                templates,
                extra,
            )
        )
        starts = first_pages(base)
        pages.update((i, base.pages[starts[n]]) for n, i in enumerate(fitting))
    for i in sorted(clipped):
        alone = layout(html([sheets[i]], [scales[i]], templates, extra))
        pages[i] = alone.pages[0]
        base = base or alone
    return base.copy([pages[i] for i in range(len(sheets))])
