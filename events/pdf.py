"""The attendance PDFs, written with fpdf2: the sign-in sheet and the attendance certificate.

The DejaVu Sans font ships in events/fonts/ (its licence beside it): fpdf2's core fonts are
latin-1 only, and French names need « œ », typographic apostrophes and no-break spaces on every
machine, whatever fonts it has installed. fpdf2 embeds only the glyphs a document uses.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import TableCellFillMode

from events import attendance, clock
from events.models import EventPage, Registration
from site_kazasso.typography import fr_date

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
NBSP = "\N{NO-BREAK SPACE}"
# More signature columns than this on one page would be too narrow to sign: split the table.
HALF_DAYS_PER_PAGE = 6


def quoted(text: str) -> str:
    return f"«{NBSP}{text}{NBSP}»"


class KazAssoPDF(FPDF):
    """A4 pages with the shipped font and a numbered footer."""

    def __init__(self, orientation: str, title: str) -> None:
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_title(title)
        self.set_author("Kaz Asso")
        self.set_creator("Kaz Asso Ressources")
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(15, 15, 15)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.cell(
            0, 5, _("Page %(page)s sur %(pages)s") % {"page": self.page_no(), "pages": "{nb}"}, align="C"
        )

    def line_of_text(self, text: str, size: float = 11, bold: bool = False, height: float = 6) -> None:
        self.set_font(FONT, "B" if bold else "", size)
        self.multi_cell(0, height, text, align="L", new_x="LMARGIN", new_y="NEXT")

    def output_bytes(self) -> bytes:
        return bytes(self.output())


def place_text(event: EventPage) -> str:
    address = ", ".join(line.strip() for line in event.address.splitlines() if line.strip())
    if event.has_address and event.is_online:
        return _("%(address)s, et en ligne") % {"address": address}
    return address if event.has_address else _("En ligne")


def sign_in_sheet(event: EventPage, registrations: Sequence[Registration]) -> bytes:
    """One line per confirmed registrant (name, association, places) and a signature column,
    one per half-day for an event over several days."""
    pdf = KazAssoPDF("L", _("Feuille d'émargement – %(title)s") % {"title": event.title})
    listed = attendance.sheet_order(r for r in registrations if not r.personal_data_erased)
    erased = sum(1 for r in registrations if r.personal_data_erased)
    if attendance.is_multi_day(event):
        columns = [half_day.label for half_day in attendance.half_days(event)]
    else:
        columns = [_("Signature")]
    groups = [columns[i : i + HALF_DAYS_PER_PAGE] for i in range(0, len(columns), HALF_DAYS_PER_PAGE)]
    for group in groups:
        pdf.add_page()
        pdf.line_of_text(_("Feuille d'émargement"), size=16, bold=True, height=8)
        pdf.line_of_text(event.title, size=13, bold=True)
        dates = attendance.dates_text(event)
        pdf.line_of_text(dates[:1].upper() + dates[1:])
        pdf.line_of_text(_("Lieu : %(place)s") % {"place": place_text(event)})
        pdf.line_of_text(_("Organisé par : %(names)s") % {"names": attendance.organisers_text(event)})
        if len(groups) > 1:
            pdf.line_of_text(
                _("Une colonne de signature par demi-journée, suite sur les pages suivantes."), size=9
            )
        pdf.ln(3)
        if not listed:
            pdf.line_of_text(_("Aucune inscription confirmée à faire signer."))
        else:
            widest = 90 if len(group) == 1 else 40
            signature_width = min(widest, math.floor((pdf.epw - 110) / len(group)))
            widths = (46, 48, 16, *([signature_width] * len(group)))
            pdf.set_font(FONT, "", 9)
            with pdf.table(
                col_widths=widths,
                width=sum(widths),
                align="LEFT",
                text_align="LEFT",
                line_height=5,
                padding=1.5,
                cell_fill_color=245,
                cell_fill_mode=TableCellFillMode.ROWS,
                first_row_as_headings=True,
            ) as table:
                table.row([_("Nom"), _("Association"), _("Places"), *group])
                for registration in listed:
                    row = table.row()
                    row.cell(registration.contact_name)
                    row.cell(registration.association_name)
                    row.cell(str(registration.seats), align="C")
                    for _column in group:
                        row.cell("\n\n")  # room to sign
        if erased:
            pdf.ln(3)
            pdf.line_of_text(
                _(
                    "%(count)s inscription(s) confirmée(s) dont les données personnelles ont été "
                    "effacées (durée de conservation écoulée) ne figurent pas sur cette feuille."
                )
                % {"count": erased},
                size=9,
            )
    return pdf.output_bytes()


def certificate(registration: Registration) -> bytes:
    """The attendance certificate of one attendee (events.attendance decides who may have it)."""
    event = registration.event
    pdf = KazAssoPDF("P", _("Attestation de présence – %(title)s") % {"title": event.title})
    pdf.add_page()
    pdf.ln(20)
    pdf.set_font(FONT, "B", 20)
    pdf.cell(0, 12, _("Attestation de présence"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(12)
    organisers = attendance.organisers_text(event)
    pdf.line_of_text(
        _("Les structures organisatrices, %(names)s, attestent que") % {"names": organisers}, height=7
    )
    pdf.ln(4)
    pdf.line_of_text(registration.contact_name, size=14, bold=True, height=8)
    pdf.line_of_text(_("de l'association %(name)s") % {"name": registration.association_name}, height=7)
    pdf.ln(4)
    pdf.line_of_text(_("a participé à l'événement %(title)s,") % {"title": quoted(event.title)}, height=7)
    pdf.line_of_text(
        _("organisé %(dates)s (heure de La Réunion).") % {"dates": attendance.dates_text(event)}, height=7
    )
    pdf.ln(4)
    pdf.line_of_text(_("Durée : %(duration)s") % {"duration": attendance.duration_text(event)}, height=7)
    pdf.line_of_text(_("Format : %(format)s") % {"format": event.get_format_display()}, height=7)
    pdf.line_of_text(_("Lieu : %(place)s") % {"place": place_text(event)}, height=7)
    pdf.ln(14)
    today = fr_date(timezone.localtime(clock.now()), "j F Y")
    pdf.line_of_text(_("Fait le %(date)s, pour valoir ce que de droit.") % {"date": today}, height=7)
    pdf.line_of_text(_("Pour le collectif Kaz Asso et les structures organisatrices."), height=7)
    return pdf.output_bytes()
