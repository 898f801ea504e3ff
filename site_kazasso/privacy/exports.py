"""One file for a person's data: a zip holding the same records as JSON and as CSV."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from site_kazasso.privacy.registry import export_rows, sources
from site_kazasso.spreadsheets import neutralise_formula

JSON_NAME = "donnees-personnelles.json"
CSV_NAME = "donnees-personnelles.csv"


def export_document(email: str) -> tuple[dict[str, Any], dict[str, int]]:
    """The records of this address by source, as written in the JSON file, and their counts."""
    labels = {source.key: source.label for source in sources()}
    rows = export_rows(email)
    document = {
        "adresse": email,
        "genere_le": timezone.now().isoformat(),
        "sources": [
            {"source": key, "libelle": labels[key], "enregistrements": records}
            for key, records in rows.items()
        ],
    }
    return document, {key: len(records) for key, records in rows.items()}


def as_csv(document: dict[str, Any]) -> str:
    """One line per field (source, record number, field, value): every source in one table."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["source", "enregistrement", "champ", "valeur"])
    for source in document["sources"]:
        for number, record in enumerate(source["enregistrements"], start=1):
            for field, value in record.items():
                text = value if isinstance(value, str) else json.dumps(value, cls=DjangoJSONEncoder)
                writer.writerow([source["libelle"], number, field, neutralise_formula(text)])
    return out.getvalue()


def export_zip(email: str) -> tuple[bytes, dict[str, int]]:
    """The zip file (JSON for machines, CSV for a spreadsheet) and the counts for the log."""
    document, counts = export_document(email)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(JSON_NAME, json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
        archive.writestr(CSV_NAME, "\ufeff" + as_csv(document))  # BOM: spreadsheets read it as UTF-8
    return buffer.getvalue(), counts
