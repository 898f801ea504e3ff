"""Small, valid files generated in memory, so the demo needs neither network nor fixtures on disk."""

from __future__ import annotations

import io
import math
import textwrap
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from html import escape

from PIL import Image, ImageDraw, ImageFont

BANNER_SIZE = (1200, 630)
LOGO_SIZE = (400, 400)
PDF_LINES_PER_PAGE = 46
PDF_WRAP_WIDTH = 88
LOGO_FONT = "DejaVuSans-Bold.ttf"
LOGO_TEXT_WIDTH = 250


# --- PDF -------------------------------------------------------------------------------------------


def _pdf_text(text: str) -> bytes:
    """A PDF literal string in WinAnsi (cp1252), which the standard Helvetica font can show."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _pdf_page_stream(title: str | None, lines: Sequence[str]) -> bytes:
    """Text operators for one A4 page: an optional bold title, then 11 pt lines."""
    ops = [b"BT", b"56 780 Td", b"15 TL"]
    if title is not None:
        ops += [b"/F2 15 Tf", _pdf_text(title) + b" Tj", b"T* T*"]
    ops.append(b"/F1 11 Tf")
    ops += [_pdf_text(line) + b" Tj T*" for line in lines]
    ops.append(b"ET")
    return b"\n".join(ops)


def pdf_bytes(title: str, lines: Sequence[str]) -> bytes:
    """A minimal multi-page PDF 1.4 with a correct cross-reference table, written by hand."""
    wrapped: list[str] = []
    for line in lines:
        wrapped.extend(textwrap.wrap(line, PDF_WRAP_WIDTH) or [""])
    chunks = [wrapped[i : i + PDF_LINES_PER_PAGE] for i in range(0, len(wrapped), PDF_LINES_PER_PAGE)] or [[]]

    first_page_obj = 6
    page_ids = [first_page_obj + 2 * n for n in range(len(chunks))]
    title_hex = "FEFF" + title.encode("utf-16-be").hex().upper()
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % pid for pid in page_ids) + b"]"
        b" /Count %d >>" % len(chunks),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Title <" + title_hex.encode("ascii") + b"> /Producer (Kaz Asso load_demo) >>",
    ]
    for number, chunk in enumerate(chunks):
        stream = _pdf_page_stream(title if number == 0 else None, chunk)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
            b" /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>" % (page_ids[number] + 1)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref_at = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref_at)
    return out.getvalue()


# --- OpenDocument (text and spreadsheet) ---------------------------------------------------------
# Only formats an editor may upload (settings WAGTAILDOCS_EXTENSIONS) are generated: plain text
# becomes an .odt, a table an .ods, both minimal but valid OpenDocument packages.

ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2"'
)
ODF_MIMETYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
ODF_TIMESTAMP = (2024, 1, 1, 0, 0, 0)  # fixed, so the same content gives the same bytes


def _odf_package(kind: str, body: str) -> bytes:
    """A ZIP with the stored mimetype first, a manifest and content.xml, as ODF requires."""
    mimetype = ODF_MIMETYPES[kind]
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    content = f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODF_NS}><office:body>{body}'
    content += "</office:body></office:document-content>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data, method in (
            ("mimetype", mimetype, zipfile.ZIP_STORED),
            ("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED),
            ("content.xml", content, zipfile.ZIP_DEFLATED),
        ):
            archive.writestr(zipfile.ZipInfo(name, ODF_TIMESTAMP), data.encode("utf-8"), compress_type=method)
    return buffer.getvalue()


def odt_bytes(title: str, lines: Sequence[str]) -> bytes:
    """A text document: the title as a heading, then one paragraph per line."""
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in lines)
    body = f'<office:text><text:h text:outline-level="1">{escape(title)}</text:h>{paragraphs}</office:text>'
    return _odf_package("odt", body)


def ods_bytes(title: str, lines: Sequence[str]) -> bytes:
    """A one-sheet spreadsheet; each line of the spec is a row whose cells are separated by " | "."""
    rows = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(cell.strip())}</text:p>'
            "</table:table-cell>"
            for cell in line.split("|")
        )
        + "</table:table-row>"
        for line in lines
    )
    table = f'<table:table table:name="{escape(title[:31])}">{rows}</table:table>'
    return _odf_package("ods", f"<office:spreadsheet>{table}</office:spreadsheet>")


def document_bytes(filename: str, title: str, lines: Sequence[str]) -> bytes:
    """Pick the generator from the file extension (.pdf, .odt or .ods)."""
    if filename.endswith(".pdf"):
        return pdf_bytes(title, lines)
    if filename.endswith(".ods"):
        return ods_bytes(title, lines)
    if filename.endswith(".odt"):
        return odt_bytes(title, lines)
    raise ValueError(f"Format de document de démonstration non prévu : {filename}")


# --- Images ----------------------------------------------------------------------------------------


def _screen(draw: ImageDraw.ImageDraw, accent: str) -> None:
    draw.rounded_rectangle((330, 120, 870, 450), radius=24, outline="white", width=14)
    draw.rectangle((560, 450, 640, 520), fill="white")
    draw.rectangle((470, 515, 730, 540), fill="white")
    for n, x in enumerate((420, 540, 660, 780)):
        draw.ellipse((x - 45, 230 - 45, x + 45, 230 + 45), fill=accent if n % 2 else "white")
    draw.rectangle((390, 330, 810, 360), fill=accent)


def _bars(draw: ImageDraw.ImageDraw, accent: str) -> None:
    heights = (180, 260, 220, 330, 300, 390)
    for n, height in enumerate(heights):
        x = 270 + n * 115
        draw.rectangle((x, 520 - height, x + 80, 520), fill="white" if n % 2 else accent)
    draw.line((230, 520, 980, 520), fill="white", width=8)
    draw.line((300, 300, 420, 240, 530, 270, 650, 170, 770, 200, 900, 110), fill=accent, width=10)


def _circles(draw: ImageDraw.ImageDraw, accent: str) -> None:
    for n, (x, y) in enumerate(((450, 260), (600, 220), (750, 260), (520, 390), (680, 390))):
        colour = "white" if n % 2 == 0 else accent
        draw.ellipse((x - 110, y - 110, x + 110, y + 110), outline=colour, width=16)


def _assembly(draw: ImageDraw.ImageDraw, accent: str) -> None:
    for row, radius in enumerate((170, 240, 310)):
        for step in range(9 + row * 3):
            angle = math.pi * (step + 0.5) / (9 + row * 3)
            x = 600 - radius * math.cos(angle)
            y = 500 - radius * math.sin(angle)
            draw.ellipse((x - 16, y - 16, x + 16, y + 16), fill="white" if row != 1 else accent)
    draw.rectangle((540, 440, 660, 520), fill=accent)


def _island(draw: ImageDraw.ImageDraw, accent: str) -> None:
    draw.ellipse((300, 140, 900, 500), fill=accent)
    points = ((420, 260), (560, 200), (720, 240), (800, 360), (640, 420), (470, 390))
    draw.line(
        (*points[0], *points[1], *points[2], *points[3], *points[4], *points[5], *points[0]),
        fill="white",
        width=6,
    )
    for x, y in points:
        draw.ellipse((x - 20, y - 20, x + 20, y + 20), fill="white")


def _tent(draw: ImageDraw.ImageDraw, accent: str) -> None:
    draw.polygon(((600, 130), (330, 470), (870, 470)), fill="white")
    draw.polygon(((600, 250), (530, 470), (670, 470)), fill=accent)
    for n in range(9):
        x = 120 + n * 120
        draw.polygon(((x, 60), (x + 80, 60), (x + 40, 120)), fill=accent if n % 2 else "white")
    draw.line((100, 60, 1100, 60), fill="white", width=4)


def _papers(draw: ImageDraw.ImageDraw, accent: str) -> None:
    for n, (x, y) in enumerate(((380, 150), (470, 120), (560, 90))):
        draw.rectangle((x, y, x + 280, y + 380), fill="white", outline=accent, width=6)
        if n == 2:
            for line in range(8):
                draw.rectangle(
                    (x + 35, y + 60 + line * 38, x + 245 - (line % 3) * 40, y + 72 + line * 38), fill=accent
                )


MOTIFS: dict[str, Callable[[ImageDraw.ImageDraw, str], None]] = {
    "screen": _screen,
    "bars": _bars,
    "circles": _circles,
    "assembly": _assembly,
    "island": _island,
    "tent": _tent,
    "papers": _papers,
}


def banner_png(background: str, accent: str, motif: str) -> bytes:
    """A 1200×630 banner (the usual social-card ratio) with a flat colour and a simple drawing."""
    picture = Image.new("RGB", BANNER_SIZE, background)
    MOTIFS[motif](ImageDraw.Draw(picture), accent)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _logo_font(size: int, text: str) -> tuple[ImageFont.FreeTypeFont | ImageFont.ImageFont, str]:
    """DejaVu Sans when the system has it; otherwise Pillow's own font, which lacks some accents
    (« î » of Saint-Benoît), so the text loses its accents rather than showing a missing glyph."""
    try:
        return ImageFont.truetype(LOGO_FONT, size), text
    except OSError:
        plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
        return ImageFont.load_default(size=size), plain


def logo_png(label: str, background: str, accent: str) -> bytes:
    """A square placeholder logo: a ring and the structure's acronym."""
    picture = Image.new("RGB", LOGO_SIZE, background)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((30, 30, 370, 370), outline=accent, width=18)
    words = label.split(" ", 1) if len(label) > 9 else [label]
    for size in range(84, 20, -4):  # the largest size that fits inside the ring
        font, text = _logo_font(size, "\n".join(words))
        box = draw.multiline_textbbox((0, 0), text, font=font, align="center")
        if box[2] - box[0] <= LOGO_TEXT_WIDTH:
            break
    position = (
        (LOGO_SIZE[0] - (box[2] - box[0])) / 2 - box[0],
        (LOGO_SIZE[1] - (box[3] - box[1])) / 2 - box[1],
    )
    draw.multiline_text(position, text, font=font, fill="white", align="center")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
