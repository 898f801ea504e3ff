"""`manage.py load_demo`: fill a freshly migrated database with the Kaz Asso demonstration content."""

from __future__ import annotations

import os
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.demo import builders
from home.demo.builders import DemoContext
from home.demo.report import StepReport

DEFAULT_DEMO_PASSWORD = "kazasso-demo"  # noqa: S105 - documented demo password, never used in production
PASSWORD_ENV_VAR = "KAZASSO_DEMO_PASSWORD"  # noqa: S105 - the name of a variable, not a secret


class Command(BaseCommand):
    help = (
        "Charge le contenu de démonstration de Kaz Asso : page d'accueil, réglages du site, images, "
        "documents, au moins 32 fiches publiées sous /ressources/ et un superutilisateur « admin ». "
        "Le mot de passe du compte admin vient de --password, sinon de la variable d'environnement "
        f"{PASSWORD_ENV_VAR}, sinon de la valeur documentée « {DEFAULT_DEMO_PASSWORD} ». "
        "La commande peut être relancée sans risque : elle ne crée que ce qui manque, ne modifie pas les "
        "pages existantes et ne change jamais le mot de passe d'un compte existant. "
        "Elle refuse de s'exécuter en production."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--password",
            help=(
                f"Mot de passe du compte « admin » s'il est créé (défaut : ${PASSWORD_ENV_VAR}, "
                f"sinon « {DEFAULT_DEMO_PASSWORD} »). Sans effet sur un compte existant."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if getattr(settings, "KAZASSO_ENVIRONMENT", "") == "production":
            raise CommandError(
                "Refus : les données de démonstration ne se chargent pas en production "
                "(KAZASSO_ENVIRONMENT vaut « production »). Aucune donnée n'a été créée."
            )
        password = options["password"] or os.environ.get(PASSWORD_ENV_VAR) or DEFAULT_DEMO_PASSWORD

        with transaction.atomic():
            ctx = builders.get_context()
            self.check_data()
            reports = [
                *self.load_accounts(ctx, password),
                *self.load_media(ctx),
                *self.load_site(ctx),
                *self.load_fiches(ctx),
            ]

        if options["verbosity"] >= 1:
            self.stdout.write(self.style.SUCCESS("Contenu de démonstration chargé :"))
            for report in reports:
                self.stdout.write(f"  - {report.message}")
            if options["password"] and reports[0].created == 0:
                self.stdout.write(
                    self.style.WARNING("  Le compte « admin » existait : --password a été ignoré.")
                )

    def check_data(self) -> None:
        """Stop before writing anything if the demo data no longer matches the reference lists."""
        problems = builders.check_fiche_specs()
        if problems:
            raise CommandError("Données de démonstration incohérentes :\n" + "\n".join(problems))

    def load_accounts(self, ctx: DemoContext, password: str) -> list[StepReport]:
        """Accounts first: the admin signs the revisions of the pages created afterwards."""
        return [builders.ensure_admin(ctx, password)]

    def load_media(self, ctx: DemoContext) -> list[StepReport]:
        """Images and documents, before the fiches whose blocks use them."""
        return [
            builders.ensure_images(ctx),
            builders.ensure_structure_logos(ctx),
            builders.ensure_documents(ctx),
        ]

    def load_site(self, ctx: DemoContext) -> list[StepReport]:
        return [builders.ensure_home_content(ctx), builders.ensure_site_settings(ctx)]

    def load_fiches(self, ctx: DemoContext) -> list[StepReport]:
        return [builders.ensure_fiches(ctx)]
