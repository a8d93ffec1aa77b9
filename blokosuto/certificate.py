"""The certificate (piagam) of an award as a one-page landscape A4 PDF, drawn with reportlab.
No Django here: the caller passes the texts, already translated and formatted."""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph

GREEN = colors.HexColor("#146c43")
GOLD = colors.HexColor("#b8860b")


@dataclass(frozen=True)
class CertificateText:
    heading: str  # PIAGAM PENGHARGAAN
    number: str
    award: str  # GEMILANG
    given_to: str  # "diberikan kepada"
    recipient: str
    unit: str
    practice: str
    citation: str
    place_and_date: str  # "Semarang, 12 Maret 2026"
    signer_title: str
    issuer: str  # the office that gives it, in the header
    title: str  # PDF metadata


def _style(name: str, size: float, *, bold: bool = False, color=colors.black, leading: float | None = None):
    return ParagraphStyle(
        name,
        fontName="Helvetica-Bold" if bold else "Helvetica",
        fontSize=size,
        leading=leading or size * 1.25,
        alignment=TA_CENTER,
        textColor=color,
        spaceAfter=size * 0.45,
    )


def certificate_pdf(text: CertificateText) -> bytes:
    buffer = io.BytesIO()
    width, height = landscape(A4)
    canvas = Canvas(buffer, pagesize=(width, height))
    canvas.setTitle(text.title)
    canvas.setAuthor(text.issuer)
    canvas.setStrokeColor(GREEN)
    canvas.setLineWidth(6)
    canvas.rect(1 * cm, 1 * cm, width - 2 * cm, height - 2 * cm)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(1.5)
    canvas.rect(1.5 * cm, 1.5 * cm, width - 3 * cm, height - 3 * cm)
    story = [
        Paragraph(escape(text.issuer), _style("issuer", 13, bold=True, color=GREEN)),
        Paragraph(escape(text.heading), _style("heading", 30, bold=True, color=GREEN)),
        Paragraph(escape(text.number), _style("number", 10, color=colors.grey)),
        Paragraph(escape(text.award), _style("award", 24, bold=True, color=GOLD)),
        Paragraph(escape(text.given_to), _style("given", 12)),
        Paragraph(escape(text.recipient), _style("recipient", 20, bold=True)),
        Paragraph(escape(text.unit), _style("unit", 13)),
        Paragraph(f"<i>{escape(text.practice)}</i>", _style("practice", 13)),
        Paragraph(escape(text.citation), _style("citation", 11.5, leading=15)),
    ]
    frame = Frame(2.5 * cm, 5 * cm, width - 5 * cm, height - 7 * cm, showBoundary=0)
    frame.addFromList(story, canvas)
    canvas.setFont("Helvetica", 11)
    canvas.drawCentredString(width * 0.72, 4.2 * cm, text.place_and_date)
    canvas.drawCentredString(width * 0.72, 3.6 * cm, text.signer_title)
    canvas.line(width * 0.62, 2.2 * cm, width * 0.82, 2.2 * cm)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
