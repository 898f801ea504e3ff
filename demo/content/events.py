"""Events and sports clubs: drinks stands, event check-list, obligations specific to sports clubs."""

from __future__ import annotations

from datetime import date

from demo.spec import (
    LEGIFRANCE,
    SERVICE_PUBLIC,
    FicheSpec,
    bullets,
    document,
    faq,
    heading,
    image,
    key_points,
    links,
    paragraph,
    testimony,
)

ALT_MANIFESTATION = "Bandeau rouge avec un chapiteau stylisé et des fanions, évoquant une fête associative"

FICHES: tuple[FicheSpec, ...] = (
    FicheSpec(
        slug="organiser-une-buvette",
        title="Organiser une buvette lors d'une manifestation",
        chapo="Une buvette aide à financer les activités de l'association, mais elle obéit à des règles "
        "précises : autorisation du maire, nombre limité d'ouvertures par an, boissons autorisées et "
        "protection des mineurs. Le point avant votre prochaine fête.",
        structure="cros-reunion",
        typology="fiche-pratique",
        themes=("evenements", "assurance-responsabilite"),
        tags=("Buvette", "Manifestation", "Autorisation municipale"),
        published=date(2022, 5, 12),
        updated=date(2026, 9, 15),
        body=(
            paragraph(
                "Une association qui veut vendre des boissons lors d'une manifestation qu'elle organise "
                "doit obtenir une autorisation d'ouverture d'un débit de boissons temporaire, délivrée par "
                "le maire de la commune. Faites la demande à la mairie suffisamment tôt."
            ),
            heading("Les règles essentielles"),
            bullets(
                [
                    "Le nombre d'autorisations est limité : cinq par an et par association, avec des "
                    "règles particulières pour certains clubs sportifs.",
                    "Seules les boissons sans alcool et les boissons fermentées non distillées (vin, "
                    "bière, cidre…) peuvent être vendues : les alcools forts, dont le rhum, sont exclus.",
                    "La vente d'alcool aux mineurs est interdite : affichez-le et faites-le respecter.",
                    "Les règles d'hygiène s'appliquent si vous servez aussi à manger.",
                ]
            ),
            image("manifestation", ALT_MANIFESTATION),
            heading("Tenir la caisse", "h3"),
            paragraph(
                "Prévoyez un fond de caisse compté, une liste des prix affichée et un cahier des recettes. "
                "Les recettes sont déposées rapidement en banque et enregistrées dans la comptabilité de "
                "l'association."
            ),
            testimony(
                "La buvette de notre tournoi finance une bonne partie des déplacements de nos jeunes. "
                "Nous faisons la demande à la mairie dès que la date du tournoi est fixée.",
                "Didier",
                "Trésorier d'un club de volley-ball à Sainte-Marie",
            ),
            faq(
                (
                    "Peut-on vendre du rhum arrangé à la buvette ?",
                    "Non : le rhum et les boissons à base de rhum font partie des alcools forts, exclus "
                    "des buvettes temporaires.",
                ),
                (
                    "Faut-il prévenir l'assureur ?",
                    "Oui : vérifiez que votre contrat couvre la manifestation et la buvette, et "
                    "signalez-les si besoin.",
                ),
            ),
            key_points(
                "Demandez l'autorisation du maire pour chaque buvette.",
                "Pas d'alcool fort, pas d'alcool aux mineurs.",
                "Une caisse bien tenue et des recettes déposées rapidement.",
            ),
            links(SERVICE_PUBLIC),
        ),
        related=("organiser-une-manifestation", "assurance-benevoles-activites"),
    ),
    FicheSpec(
        slug="organiser-une-manifestation",
        title="Organiser une manifestation : la check-list",
        chapo="Fête de quartier, tournoi, concert ou vide-grenier : une check-list pour organiser sa "
        "manifestation pas à pas, des autorisations à demander jusqu'au bilan, en passant par la "
        "sécurité, l'assurance et la mobilisation des bénévoles.",
        structure="cros-reunion",
        typology="outil",
        themes=("evenements", "assurance-responsabilite", "co-construction-developpement-local"),
        tags=("Manifestation", "Sécurité", "Check-list", "Bénévoles"),
        published=date(2023, 6, 20),
        updated=date(2025, 7, 22),
        body=(
            paragraph(
                "Une manifestation réussie se prépare plusieurs mois à l'avance. Notre check-list reprend "
                "les étapes essentielles ; adaptez-la à la taille de l'événement et au lieu choisi."
            ),
            document(
                "checklist-manifestation", "La check-list complète, de trois mois avant jusqu'au bilan."
            ),
            heading("Les autorisations"),
            bullets(
                [
                    "Occupation du domaine public : demande à la mairie si la manifestation se tient dans "
                    "la rue ou sur une place.",
                    "Buvette temporaire : autorisation du maire.",
                    "Diffusion de musique : déclaration auprès de la Sacem.",
                    "Épreuve sportive sur la voie publique : formalités en préfecture selon le type "
                    "d'épreuve.",
                    "Vide-grenier : déclaration préalable en mairie et registre des exposants.",
                ]
            ),
            heading("La sécurité", "h3"),
            paragraph(
                "Estimez le nombre de personnes attendues, prévoyez les accès des secours, un dispositif "
                "de premiers secours adapté et des consignes claires pour les bénévoles. En saison "
                "cyclonique ou en période de fortes pluies, suivez les bulletins de vigilance et prévoyez "
                "un plan de report."
            ),
            image(
                "manifestation",
                ALT_MANIFESTATION,
                "Une manifestation se prépare plusieurs mois à l'avance.",
            ),
            testimony(
                "Le jour de notre fête, une vigilance fortes pluies a été déclenchée. Comme nous avions "
                "prévu un plan de repli dans le gymnase, tout s'est bien passé.",
                "Stéphanie",
                "Coordinatrice d'une association sportive à Saint-Benoît",
            ),
            key_points(
                "Prévenir la mairie très en amont.",
                "Vérifier l'assurance pour la manifestation et pour les bénévoles.",
                "Prévoir un plan de report, en particulier en saison cyclonique.",
            ),
            links(SERVICE_PUBLIC),
        ),
        related=("organiser-une-buvette", "assurance-benevoles-activites", "mutualiser-locaux-materiel"),
    ),
    FicheSpec(
        slug="club-sportif-assurance-honorabilite",
        title="Clubs sportifs : assurance, information des adhérents et honorabilité",
        chapo="Les associations sportives ont des obligations particulières : souscrire une assurance de "
        "responsabilité civile, informer leurs adhérents sur l'assurance de personnes et veiller à "
        "l'honorabilité des éducateurs et des dirigeants. Les réponses aux questions des clubs.",
        structure="cros-reunion",
        typology="faq",
        themes=("assurance-responsabilite", "benevolat-engagement"),
        tags=("Club sportif", "Assurance", "Bénévoles"),
        published=date(2026, 2, 17),
        updated=date(2026, 2, 17),
        body=(
            paragraph(
                "Le code du sport fixe des règles propres aux associations sportives. Elles visent à "
                "protéger les pratiquants, en particulier les mineurs. Les fédérations et leurs ligues "
                "accompagnent les clubs dans leur mise en œuvre."
            ),
            faq(
                (
                    "Un club doit-il être assuré ?",
                    "Oui. Les associations sportives doivent souscrire des garanties couvrant leur "
                    "responsabilité civile, celle de leurs préposés, salariés ou bénévoles, et celle des "
                    "pratiquants. La licence fédérale comprend souvent une partie de ces garanties : "
                    "vérifiez-le auprès de votre fédération.",
                ),
                (
                    "Que faut-il dire aux adhérents sur l'assurance ?",
                    "Le club informe ses adhérents de l'intérêt de souscrire une assurance de personnes "
                    "couvrant les dommages corporels qu'ils peuvent subir en pratiquant, et leur présente "
                    "les garanties proposées.",
                ),
                (
                    "Qu'est-ce que le contrôle d'honorabilité ?",
                    "Les personnes qui encadrent des pratiquants ou dirigent un club, bénévoles comme "
                    "salariés, ne doivent pas avoir fait l'objet de certaines condamnations. Les "
                    "fédérations organisent la vérification de l'honorabilité des bénévoles à partir des "
                    "informations transmises par les clubs.",
                ),
                (
                    "Le club peut-il tenir une buvette lors de ses compétitions ?",
                    "Oui, avec l'autorisation du maire et dans les conditions propres aux associations "
                    "sportives. Consultez notre fiche sur les buvettes.",
                ),
            ),
            testimony(
                "Nous avons pris l'habitude de transmettre la liste de nos encadrants bénévoles en début "
                "de saison. C'est rassurant pour les familles, et pour nous.",
                "Gaël",
                "Secrétaire d'un club de natation à Saint-Denis",
            ),
            key_points(
                "L'assurance de responsabilité civile est obligatoire pour les clubs.",
                "Les adhérents sont informés de l'intérêt d'une assurance de personnes.",
                "L'honorabilité des encadrants et des dirigeants est vérifiée.",
            ),
            links(SERVICE_PUBLIC, LEGIFRANCE),
        ),
        related=("assurance-benevoles-activites", "organiser-une-buvette"),
    ),
)
