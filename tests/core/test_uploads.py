"""Uploads through the real admin endpoints: only agreed types and sizes, with French messages."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from demo.loader import FILES_DIR, read
from site_kazasso.uploads import check_document

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
ODT = (FILES_DIR / "modele-convocation-assemblee-generale.odt").read_bytes()


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def image_bytes(fmt: str, size=(20, 20)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#1f4e79").save(buffer, format=fmt)
    return buffer.getvalue()


def add_document(client, name: str, content: bytes):
    upload = SimpleUploadedFile(name, content)
    data = {"title": name, "file": upload, "collection": Collection.get_first_root_node().pk}
    return client.post("/admin/documents/add/", data)


def form_errors(response) -> str:
    return " ".join(str(e) for errors in response.context["form"].errors.values() for e in errors)


@pytest.mark.parametrize(("name", "content"), [("statuts.pdf", PDF), ("convocation.odt", ODT)])
def test_accepted_documents_are_stored(admin_client, name, content):
    response = add_document(admin_client, name, content)
    assert response.status_code == 302
    assert Document.objects.get().file_extension == name.rsplit(".", 1)[1]


@pytest.mark.parametrize(
    "name", ["budget.csv", "notes.txt", "script.exe", "page.html", "archive.zip", "sans"]
)
def test_other_document_types_are_refused_with_the_list_of_formats(admin_client, name):
    response = add_document(admin_client, name, PDF)
    assert response.status_code == 200
    message = form_errors(response)
    assert "Ce type de fichier n'est pas accepté" in message
    assert "PDF, ODT, ODS, DOCX, XLSX, PPTX" in message
    assert not Document.objects.exists()


def test_a_file_renamed_to_look_like_a_pdf_is_refused(admin_client):
    response = add_document(admin_client, "facture.pdf", b"MZ\x90\x00 pas un PDF")
    assert response.status_code == 200
    assert "ne correspond pas à un fichier PDF" in form_errors(response)
    assert not Document.objects.exists()


def test_office_documents_must_be_zip_packages(admin_client):
    response = add_document(admin_client, "tableau.xlsx", b"<html>pas un classeur</html>")
    assert "ne correspond pas à un fichier XLSX" in form_errors(response)
    assert not Document.objects.exists()


def test_documents_over_the_size_limit_are_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = add_document(admin_client, "gros.pdf", PDF + b"0" * 2048)
    assert response.status_code == 200
    message = form_errors(response).replace("\xa0", " ")
    assert message == "Ce fichier est trop gros (2,1 Kio). La taille de fichier maximale est de 1,0 Kio."
    assert not Document.objects.exists()


def test_multiple_upload_refuses_the_same_files(admin_client):
    url = "/admin/documents/multiple/add/"
    refused = admin_client.post(url, {"files[]": SimpleUploadedFile("budget.csv", b"a;b\n")})
    assert refused.status_code == 200
    assert refused.json()["success"] is False
    assert "Ce type de fichier n'est pas accepté" in refused.json()["error_message"]
    renamed = admin_client.post(url, {"files[]": SimpleUploadedFile("faux.docx", b"texte")})
    assert "ne correspond pas à un fichier DOCX" in renamed.json()["error_message"]
    accepted = admin_client.post(url, {"files[]": SimpleUploadedFile("statuts.pdf", PDF)})
    assert accepted.json()["success"] is True
    assert list(Document.objects.values_list("title", flat=True)) == ["statuts.pdf"]


def add_image(client, name: str, content: bytes):
    upload = SimpleUploadedFile(name, content)
    data = {"title": name, "file": upload, "collection": Collection.get_first_root_node().pk}
    return client.post("/admin/images/add/", data)


@pytest.mark.parametrize(
    ("name", "fmt"), [("photo.jpg", "JPEG"), ("logo.png", "PNG"), ("bandeau.webp", "WEBP")]
)
def test_accepted_images_are_stored(admin_client, name, fmt):
    assert add_image(admin_client, name, image_bytes(fmt)).status_code == 302
    assert Image.objects.count() == 1


@pytest.mark.parametrize(("name", "fmt"), [("anime.gif", "GIF"), ("scan.tiff", "TIFF"), ("icone.bmp", "BMP")])
def test_other_image_types_are_refused_in_french(admin_client, name, fmt):
    response = add_image(admin_client, name, image_bytes(fmt))
    assert response.status_code == 200
    assert form_errors(response) == "Format d'image non supporté. Formats supportés : JPG, JPEG, PNG, WEBP."
    assert not Image.objects.exists()


def test_images_over_the_size_limit_are_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    response = add_image(admin_client, "grande.png", image_bytes("PNG", size=(600, 600)) + b"\0" * 2048)
    assert response.status_code == 200
    assert form_errors(response).startswith("Ce fichier est trop gros")
    assert not Image.objects.exists()


def test_the_demo_only_creates_documents_editors_may_upload(settings):
    for document in read("media.yaml")["documents"]:
        filename = document["file"]
        assert filename.rsplit(".", 1)[1] in settings.WAGTAILDOCS_EXTENSIONS, filename
        check_document(SimpleUploadedFile(filename, (FILES_DIR / filename).read_bytes()))
