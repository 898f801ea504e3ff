"""Issue 12, points 3 and 8: every URL of the "Inscriptions" admin, for every role; safe exports."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from events.models import Registration
from events.services import RegistrationData, register
from events.wagtail_hooks import RegistrationAdmin
from members.models import Structure
from tests.editorial.conftest import make_user
from tests.factories import EventFactory, reunion

pytestmark = pytest.mark.django_db

EMAIL = "secret.contact@asso-privee.re"
ASSOCIATION = "Association Confidentielle du Butor"
EVENT_TITLE = "Rencontre réservée aux organisateurs"
IN_SCOPE = ("organiser", "coordination", "admin")
OUT_OF_SCOPE = ("other_editor", "other_reviewer")


@pytest.fixture(autouse=True)
def _now(frozen_now):
    frozen_now(reunion(2030, 1, 10))


@pytest.fixture
def registration(event_index) -> Registration:
    event = EventFactory(slug="reservee", title=EVENT_TITLE)  # organised by the CRAJEP
    return register(event, RegistrationData(ASSOCIATION, "Marie Payet", EMAIL, 1, True, "W974001234"))


@pytest.fixture
def roles(db) -> dict:
    crajep = Structure.objects.get(slug="crajep-reunion").editor_group.name
    ligue = Structure.objects.get(slug="ligue-enseignement-reunion").editor_group.name
    return {
        "anonymous": None,
        "organiser": make_user("redaction-crajep", crajep),
        "other_editor": make_user("redaction-ligue", ligue),
        "other_reviewer": make_user("relecture-ligue", ligue, "Relecture"),
        "coordination": make_user("coordination", "Coordination"),
        "admin": make_user("administration", superuser=True),
    }


def admin_urls(registration: Registration) -> list[tuple[str, str]]:
    """(action, url) for every URL the admin registers, plus the list's export, search and filters."""
    urls = []
    for pattern in RegistrationAdmin().get_admin_urls_for_registration():
        action = pattern.name.rsplit("_", 1)[-1]
        if "instance_pk" in pattern.pattern.regex.groupindex:
            urls.append((action, reverse(pattern.name, kwargs={"instance_pk": registration.pk})))
        else:
            urls.append((action, reverse(pattern.name)))
    index = reverse(RegistrationAdmin().url_helper.get_action_url_name("index"))
    for query in (
        "export=csv",
        "export=xlsx",
        "q=secret",
        f"event={registration.event_id}",
        "status=confirmee",
    ):
        urls.append(("index", f"{index}?{query}"))
    return urls


def body(response) -> str:
    """Text of a response, the XLSX export's cells included (the file itself is compressed)."""
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        sheet = load_workbook(io.BytesIO(raw)).active
        return "\n".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)
    return raw.decode()


def expected(role: str, action: str) -> set[str]:
    if role == "anonymous":
        return {"login"}
    if role in OUT_OF_SCOPE and action not in ("index", "create"):
        return {"absent", "denied"}  # today 404, as for an unknown id
    if action in ("create", "edit", "delete"):  # registrations change only through the public link
        return {"denied"}
    return {"ok"}


def outcome(response) -> str:
    """What the person gets; Wagtail answers a PermissionDenied with a redirect to the dashboard."""
    if response.status_code == 302:
        return "login" if response["Location"].startswith(reverse("wagtailadmin_login")) else "denied"
    return {200: "ok", 403: "denied", 404: "absent", 405: "denied"}.get(response.status_code, "other")


@pytest.mark.parametrize("role", ["anonymous", *IN_SCOPE, *OUT_OF_SCOPE])
def test_every_url_of_the_registrations_admin_is_scoped_like_the_list(client, roles, registration, role):
    if roles[role]:
        client.force_login(roles[role])
    urls = admin_urls(registration)
    assert {action for action, _ in urls} >= {"index", "create", "edit", "delete", "inspect", "history"}
    for action, url in urls:
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            want = expected(role, action)
            # Reading views refuse a POST (405) except the export, which reads the query string.
            allowed = want | {"denied"} if method == "post" and want == {"ok"} else want
            assert outcome(response) in allowed, (role, method, url, response.status_code)
            text = body(response)
            if role in OUT_OF_SCOPE:
                for secret in (EMAIL, ASSOCIATION, EVENT_TITLE):
                    assert secret not in text, (role, method, url, secret)
            elif method == "get" and want == {"ok"} and action in ("inspect", "index"):
                assert EMAIL in text, (role, url)  # the walk does see the data where it should
    assert Registration.objects.filter(pk=registration.pk, status="confirmee").exists()


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_exports_neutralise_formulas(client, event_index, export):
    event = EventFactory(slug="formules", title="=1+1")
    payloads = ['=HYPERLINK("http://x","y")', "+33 262", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"]
    for n, payload in enumerate(payloads):  # created directly: the form would strip the tab and CR
        Registration.objects.create(
            event=event,
            association_name=payload,
            contact_name="C",
            email=f"n{n}@asso.re",
            seats=1,
            status="attente",
        )
    client.force_login(make_user("administration", superuser=True))
    response = client.get(f"/admin/events/registration/?export={export}")
    assert response.status_code == 200
    if export == "csv":
        rows = list(csv.DictReader(io.StringIO(body(response))))
        associations = {row["Association"] for row in rows}
        events = {row["Événement"] for row in rows}
    else:
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        header, *rows = list(sheet.iter_rows(values_only=True))
        # XML reads a CR back as a line feed.
        associations = {row[header.index("Association")].replace("\n", "\r") for row in rows}
        events = {row[header.index("Événement")] for row in rows}
    assert associations == {"'" + payload for payload in payloads}
    assert events == {"'=1+1"}
