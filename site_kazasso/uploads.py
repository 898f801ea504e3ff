"""Document uploads: only the agreed office and PDF formats, and files whose content matches.

Wagtail already refuses a file over WAGTAILDOCS_MAX_UPLOAD_SIZE (in French) and checks
WAGTAILDOCS_EXTENSIONS on the model; this form, used by every admin upload path (single,
multiple, chooser) through WAGTAILDOCS_DOCUMENT_FORM_BASE, says which formats are accepted and
refuses a file renamed to look like one (an .exe called .pdf).
"""

from __future__ import annotations

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

ZIP_MAGIC = b"PK\x03\x04"
SIGNATURES = {
    "pdf": b"%PDF-",
    # OpenDocument and Office Open XML files are ZIP archives.
    "odt": ZIP_MAGIC,
    "ods": ZIP_MAGIC,
    "docx": ZIP_MAGIC,
    "xlsx": ZIP_MAGIC,
    "pptx": ZIP_MAGIC,
}


def accepted_formats() -> str:
    return ", ".join(ext.upper() for ext in settings.WAGTAILDOCS_EXTENSIONS)


def check_document(upload: UploadedFile) -> None:
    """Raise a French ValidationError if the file's type is not accepted or does not match."""
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    if extension not in settings.WAGTAILDOCS_EXTENSIONS:
        raise ValidationError(
            _("Ce type de fichier n'est pas accepté (%(ext)s). Formats acceptés : %(formats)s.")
            % {"ext": f".{extension}" if extension else _("sans extension"), "formats": accepted_formats()},
            code="invalid_extension",
        )
    signature = SIGNATURES.get(extension)
    if signature is None:
        return
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(len(signature))
    upload.seek(position)
    if head != signature:
        raise ValidationError(
            _(
                "Le contenu de ce fichier ne correspond pas à un fichier %(ext)s : "
                "il est peut-être endommagé ou mal nommé."
            )
            % {"ext": extension.upper()},
            code="content_mismatch",
        )


class DocumentForm(BaseDocumentForm):
    def clean(self):
        """Remember a file already refused (too big, wrong type) before the model validates."""
        cleaned = super().clean()
        self.refused_file = list(self.errors.get("file", []))
        return cleaned

    def full_clean(self) -> None:
        """A refused file keeps its one message: without this, Document.clean() would add a
        confusing "extension «  » not allowed" about the missing file."""
        self.refused_file: list = []
        super().full_clean()
        if self.refused_file:
            self.errors["file"] = self.error_class(self.refused_file)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):  # a new file, not the one already stored
            check_document(upload)
        return upload
