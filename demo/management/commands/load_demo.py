"""`manage.py load_demo`: fill a freshly migrated database with the Kaz Asso demonstration content."""

from __future__ import annotations

import os
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import accounts, builders, events_builders, workflow_states
from demo.builders import DemoContext
from demo.report import StepReport

DEFAULT_DEMO_PASSWORD = "kazasso-demo"  # noqa: S105 - documented demo password, never used in production
PASSWORD_ENV_VAR = "KAZASSO_DEMO_PASSWORD"  # noqa: S105 - the name of a variable, not a secret


class Command(BaseCommand):
    help = (
        "Charge le contenu de démonstration de Kaz Asso : page d'accueil, réglages du site, images, "
        "documents, au moins 32 fiches publiées sous /ressources/, les 8 webinaires du printemps 2020 et "
        "au moins 6 événements à venir sous /evenements/ (datés à partir du jour du chargement, avec "
        "intervenants et inscriptions d'associations fictives, dont un événement complet avec liste "
        "d'attente), un superutilisateur « admin », un compte de rédaction par structure "
        "(redaction-crajep, redaction-ligue974…, dont trois aussi relecteurs) et deux comptes de "
        "coordination (coordination-1, coordination-2), puis des pages rédigées par ces comptes et menées "
        "par le vrai circuit « Relecture et validation » à chacun de ses états : brouillon, relecture par "
        "un pair (une fiche et un webinaire), validation par la coordination, modifications demandées, "
        "publication programmée dans 10 jours et publiée. Aucun courriel n'est envoyé. "
        "Le mot de passe des comptes créés vient de --password, sinon de la variable d'environnement "
        f"{PASSWORD_ENV_VAR}, sinon de la valeur documentée « {DEFAULT_DEMO_PASSWORD} ». "
        "La commande peut être relancée sans risque : elle ne crée que ce qui manque, ne modifie pas les "
        "pages existantes et ne change jamais le mot de passe d'un compte existant. "
        "Elle refuse de s'exécuter en production."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--password",
            help=(
                "Mot de passe des comptes de démonstration créés, dont « admin » "
                f"(défaut : ${PASSWORD_ENV_VAR}, sinon « {DEFAULT_DEMO_PASSWORD} »). "
                "Sans effet sur les comptes existants."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if getattr(settings, "KAZASSO_ENVIRONMENT", "") == "production":
            raise CommandError(
                "Refus : les données de démonstration ne se chargent pas en production "
                "(KAZASSO_ENVIRONMENT vaut « production »). Aucune donnée n'a été créée."
            )
        password = options["password"] or os.environ.get(PASSWORD_ENV_VAR) or DEFAULT_DEMO_PASSWORD

        # The emails of the demo registrations and of the workflow transitions leave when this
        # transaction commits: silence them around it.
        with events_builders.registration_emails_silenced(), transaction.atomic():
            ctx = builders.get_context()
            self.check_data()
            reports = [
                *self.load_accounts(ctx, password),
                *self.load_people(ctx, password),
                *self.load_media(ctx),
                *self.load_site(ctx),
                *self.load_fiches(ctx),
                *self.load_events(ctx),
                *self.load_workflow_states(ctx),
            ]
            people = accounts.summary_lines()

        if options["verbosity"] >= 1:
            self.stdout.write(self.style.SUCCESS("Contenu de démonstration chargé :"))
            for report in reports:
                self.stdout.write(f"  - {report.message}")
            if options["password"] and reports[0].created == 0:
                ignored = (
                    "  Le compte « admin » existait : --password a été ignoré."
                    if reports[1].created == 0
                    else "  Le compte « admin » existait : --password ne vaut que pour les comptes créés."
                )
                self.stdout.write(self.style.WARNING(ignored))
            self.stdout.write(self.style.SUCCESS("Comptes de démonstration :"))
            for line in people:
                self.stdout.write(f"  - {line}")
            self.stdout.write(
                f"  Mot de passe des comptes créés : --password, sinon ${PASSWORD_ENV_VAR}, sinon "
                f"« {DEFAULT_DEMO_PASSWORD} » ; un compte existant garde le sien."
            )

    def check_data(self) -> None:
        """Stop before writing anything if the demo accounts no longer match the reference lists.

        The pages need no such check: the models validate them as they are saved, and any error
        rolls the whole load back.
        """
        problems = accounts.check_account_specs()
        if problems:
            raise CommandError("Données de démonstration incohérentes :\n" + "\n".join(problems))

    def load_accounts(self, ctx: DemoContext, password: str) -> list[StepReport]:
        """Accounts first: the admin signs the revisions of the pages created afterwards."""
        return [builders.ensure_admin(ctx, password)]

    def load_people(self, ctx: DemoContext, password: str) -> list[StepReport]:
        """One editor per structure (three of them also reviewers) and two coordinators."""
        return [accounts.ensure_people(ctx, password)]

    def load_media(self, ctx: DemoContext) -> list[StepReport]:
        """Images and documents, before the fiches whose blocks use them."""
        return [
            builders.ensure_images(ctx),
            builders.ensure_structure_logos(ctx),
            builders.ensure_structure_contacts(ctx),
            builders.ensure_documents(ctx),
        ]

    def load_site(self, ctx: DemoContext) -> list[StepReport]:
        return [
            builders.ensure_site_address(ctx),
            builders.ensure_home_content(ctx),
            builders.ensure_site_settings(ctx),
            builders.ensure_legal_pages(ctx),
        ]

    def load_fiches(self, ctx: DemoContext) -> list[StepReport]:
        return [builders.ensure_fiches(ctx)]

    def load_events(self, ctx: DemoContext) -> list[StepReport]:
        """Past webinars and upcoming events, after the documents their resources reuse."""
        return events_builders.ensure_events(ctx)

    def load_workflow_states(self, ctx: DemoContext) -> list[StepReport]:
        """Pages in every state of the workflow, written and reviewed by the demo accounts."""
        return workflow_states.ensure_workflow_states(ctx)
