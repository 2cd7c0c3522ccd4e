"""Reading rendered labels back: their text, fonts and page images (poppler)."""

import subprocess
from pathlib import Path


def pdf_text(pdf, tmp_path, *crop):
    """The PDF's text as pdftotext reads it; ``crop`` = (x, y, width, height) in
    points on the first page."""
    path = Path(tmp_path) / "text.pdf"
    path.write_bytes(pdf)
    area = []
    if crop:
        x, y, w, h = (str(round(v)) for v in crop)
        area = ["-f", "1", "-l", "1", "-x", x, "-y", y, "-W", w, "-H", h]
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *area, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def page_images(pdf, tmp_path, dpi=150):
    """Each page as a PNG file (pdftoppm), in order."""
    folder = Path(tmp_path) / "pages"
    folder.mkdir(exist_ok=True)
    (folder / "labels.pdf").write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-png",
            str(folder / "labels.pdf"),
            str(folder / "p"),
        ],
        check=True,
    )
    return sorted(folder.glob("p-*.png"))


def pdf_fonts(pdf, tmp_path):
    path = Path(tmp_path) / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return out.splitlines()[2:]
