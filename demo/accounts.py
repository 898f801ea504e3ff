"""The demo people: one editor per member structure, reviewers among them, two coordinators.

`DEMO_ACCOUNTS` is the single list the command, its summary and the README read. Accounts are
looked up by username: a missing one is created with the demo password and its groups, an
existing one is left exactly as it is (password, names and groups included).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.core.management.base import CommandError

from demo.builders import ADMIN_USERNAME, DemoContext
from demo.report import StepReport, count_report
from members.models import Structure
from members.roles import COORDINATION_GROUP, REVIEW_GROUP, ensure_editor_group

EMAIL_DOMAIN = "exemple.re"

ADMINISTRATOR = "Administrateur"
EDITOR = "Rédaction"
EDITOR_REVIEWER = "Rédaction et relecture"
COORDINATOR = "Coordination"


@dataclass(frozen=True)
class AccountSpec:
    """A demo account; `structure` is the slug of the structure the person writes for."""

    username: str
    first_name: str
    last_name: str
    role: str
    structure: str = ""

    @property
    def email(self) -> str:
        return f"{self.username}@{EMAIL_DOMAIN}"

    @property
    def extra_groups(self) -> tuple[str, ...]:
        """Role groups besides the structure's editor group."""
        return {EDITOR_REVIEWER: (REVIEW_GROUP,), COORDINATOR: (COORDINATION_GROUP,)}.get(self.role, ())


# Fictional people: first names common in La Réunion, family names borrowed from its plants.
DEMO_ACCOUNTS: tuple[AccountSpec, ...] = (
    AccountSpec("redaction-mar", "Sophie", "Letchi", EDITOR, "mouvement-associatif-reunion"),
    AccountSpec("redaction-ligue974", "Jérôme", "Tamarin", EDITOR_REVIEWER, "ligue-enseignement-reunion"),
    AccountSpec("redaction-crajep", "Nathalie", "Vacoa", EDITOR, "crajep-reunion"),
    AccountSpec("redaction-mda", "Laurent", "Filao", EDITOR_REVIEWER, "mda-saint-benoit"),
    AccountSpec("redaction-drajes", "Céline", "Vétiver", EDITOR, "drajes-reunion"),
    AccountSpec("redaction-udaf", "Patrick", "Goyavier", EDITOR, "udaf-reunion"),
    AccountSpec("redaction-cros", "Émilie", "Bibasse", EDITOR_REVIEWER, "cros-reunion"),
    AccountSpec("coordination-1", "Hélène", "Cannelle", COORDINATOR),
    AccountSpec("coordination-2", "Marc", "Combava", COORDINATOR),
)
"""The accounts `load_people` creates; the superuser « admin » comes from `builders.ensure_admin`."""

ADMIN_ACCOUNT = AccountSpec(ADMIN_USERNAME, "Admin", "Kaz Asso", ADMINISTRATOR)

ACCOUNTS_TABLE: tuple[AccountSpec, ...] = (ADMIN_ACCOUNT, *DEMO_ACCOUNTS)
"""Every demo account, administrator first: (username, role, structure) for the README and summary."""


def editor_username(structure_slug: str) -> str:
    """The demo editor who writes for a structure."""
    for spec in DEMO_ACCOUNTS:
        if spec.structure == structure_slug:
            return spec.username
    raise KeyError(structure_slug)


# --- Checks ----------------------------------------------------------------------------------------


def check_account_specs() -> list[str]:
    """Problems in the account list itself, or groups the migrations should have created."""
    problems: list[str] = []
    usernames = [spec.username for spec in ACCOUNTS_TABLE]
    if len(set(usernames)) != len(usernames):
        problems.append("deux comptes de démonstration ont le même identifiant")
    structures = set(Structure.objects.values_list("slug", flat=True))
    written_for = [spec.structure for spec in DEMO_ACCOUNTS if spec.structure]
    problems += [
        f"{slug} : structure inconnue pour un compte de démonstration"
        for slug in written_for
        if slug not in structures
    ]
    if len(set(written_for)) != len(written_for):
        problems.append("deux comptes de rédaction pour la même structure")
    problems += [f"{slug} : aucun compte de rédaction" for slug in sorted(structures - set(written_for))]
    for name in (REVIEW_GROUP, COORDINATION_GROUP):
        if not Group.objects.filter(name=name).exists():
            problems.append(f"groupe « {name} » introuvable : lancez d'abord « python manage.py migrate »")
    return problems


# --- Accounts --------------------------------------------------------------------------------------


def _groups(spec: AccountSpec) -> list[Group]:
    groups = [Group.objects.get(name=name) for name in spec.extra_groups]
    if spec.structure:
        groups.append(ensure_editor_group(Structure.objects.get(slug=spec.structure)))
    return groups


def ensure_people(ctx: DemoContext, password: str) -> StepReport:
    """Create the missing demo accounts with their groups; existing ones are not touched."""
    user_model = get_user_model()
    created = existing = 0
    for spec in DEMO_ACCOUNTS:
        if user_model.objects.filter(username=spec.username).exists():
            existing += 1
            continue
        user = user_model.objects.create_user(
            username=spec.username,
            email=spec.email,
            password=password,
            first_name=spec.first_name,
            last_name=spec.last_name,
        )
        user.groups.add(*_groups(spec))
        created += 1
    report = count_report(
        created,
        existing,
        ("compte de démonstration", "comptes de démonstration"),
        feminine=False,
    )
    if existing:
        kept = "mot de passe inchangé" if existing == 1 else "mots de passe inchangés"
        return StepReport(report.created, report.existing, f"{report.message} ({kept})")
    return report


def get_user(username: str) -> AbstractBaseUser:
    """A demo account the workflow step needs; `load_people` runs first, so it exists."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"Le compte de démonstration « {username} » est introuvable.")
    return user


def summary_lines() -> list[str]:
    """« redaction-crajep : Rédaction, CRAJEP », one line per demo account, administrator first."""
    names = {structure.slug: structure.short_name for structure in Structure.objects.all()}
    lines = []
    for spec in ACCOUNTS_TABLE:
        structure = names.get(spec.structure, spec.structure)
        lines.append(f"{spec.username} : {spec.role}" + (f", {structure}" if structure else ""))
    return lines
