"""Communication and digital tools: personal data, web site, social networks and image rights."""

from __future__ import annotations

from datetime import date

from demo.spec import (
    ASSOCIATIONS_GOUV,
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

ALT_BENEVOLES = "Bandeau orange avec des cercles entrelacés, évoquant un groupe de bénévoles"

FICHES: tuple[FicheSpec, ...] = (
    FicheSpec(
        slug="rgpd-associations",
        title="RGPD : protéger les données de ses adhérents",
        chapo="Fichier des adhérents, liste des bénévoles, lettre d'information, photos : toutes les "
        "associations traitent des données personnelles. Les principes du RGPD expliqués simplement, "
        "et un registre à remplir.",
        structure="ligue-enseignement-reunion",
        typology="fiche-pratique",
        themes=("communication-numerique", "gouvernance-vie-statutaire"),
        tags=("RGPD", "Données personnelles", "Adhérents"),
        published=date(2021, 11, 16),
        updated=date(2024, 2, 12),
        body=(
            paragraph(
                "Le règlement général sur la protection des données (RGPD) s'applique depuis mai 2018 à "
                "tous ceux qui traitent des données personnelles, associations comprises, quelle que soit "
                "leur taille. Il ne s'agit pas d'accumuler des formalités, mais d'adopter de bonnes "
                "habitudes."
            ),
            heading("Les principes"),
            bullets(
                [
                    "Ne collecter que les données utiles à un objectif précis.",
                    "Informer les personnes de l'usage de leurs données et de leurs droits.",
                    "Limiter l'accès aux personnes qui en ont besoin.",
                    "Fixer une durée de conservation et supprimer les données ensuite.",
                    "Protéger les fichiers : mots de passe, sauvegardes, pas de fichier sans protection "
                    "sur un ordinateur partagé.",
                ]
            ),
            heading("Le registre des traitements"),
            paragraph(
                "Le registre recense ce que fait l'association avec les données : quel fichier, pour quoi "
                "faire, qui y a accès, pendant combien de temps. La CNIL propose des outils adaptés aux "
                "petites structures ; notre modèle simplifié permet de démarrer."
            ),
            document(
                "registre-rgpd",
                "Un tableau pré-rempli avec quatre traitements courants dans les associations.",
            ),
            faq(
                (
                    "Faut-il l'accord des adhérents pour tenir un fichier des membres ?",
                    "Non : la gestion des adhésions découle de l'adhésion elle-même. Pour d'autres "
                    "usages, comme l'envoi d'une lettre d'information à des personnes qui ne sont pas "
                    "membres, recueillez leur accord.",
                ),
                (
                    "Faut-il désigner un délégué à la protection des données ?",
                    "Ce n'est obligatoire que dans certains cas, par exemple pour des traitements à "
                    "grande échelle de données sensibles. La plupart des petites associations ne sont pas "
                    "concernées, mais elles peuvent désigner une personne référente.",
                ),
            ),
            key_points(
                "Toutes les associations sont concernées, même sans salarié.",
                "Moins de données, c'est moins de risques.",
                "Un registre simple, tenu à jour, est la première étape.",
            ),
            links(SERVICE_PUBLIC),
        ),
        related=("creer-site-web", "reseaux-sociaux-droit-image"),
    ),
    FicheSpec(
        slug="creer-site-web",
        title="Créer le site web de son association",
        chapo="Un site web reste la carte de visite de l'association, à côté des réseaux sociaux. Les "
        "questions à se poser avant de se lancer, les mentions obligatoires et les bonnes pratiques "
        "pour un site simple, accessible et facile à faire vivre.",
        structure="mda-saint-benoit",
        typology="guide",
        themes=("communication-numerique",),
        tags=("Site web", "Communication", "Accessibilité"),
        published=date(2023, 10, 3),
        updated=date(2023, 10, 3),
        body=(
            paragraph(
                "Avant de choisir un outil, définissez à quoi servira le site : présenter l'association, "
                "annoncer les activités, recruter des bénévoles, recevoir des adhésions ou des dons en "
                "ligne. Un petit site bien tenu vaut mieux qu'un grand site abandonné."
            ),
            heading("Les étapes"),
            bullets(
                [
                    "Lister les contenus indispensables : présentation, activités, contact, adhésion.",
                    "Choisir un outil que les bénévoles sauront utiliser, et vérifier son coût dans la "
                    "durée.",
                    "Réserver un nom de domaine au nom de l'association, et non à celui d'un bénévole.",
                    "Rédiger les mentions légales et la politique de confidentialité.",
                    "Décider qui met le site à jour, et à quel rythme.",
                ],
                ordered=True,
            ),
            heading("Les mentions obligatoires", "h3"),
            paragraph(
                "Le site doit permettre d'identifier son éditeur : nom de l'association, adresse du siège, "
                "nom du directeur ou de la directrice de la publication, coordonnées de l'hébergeur. Si le "
                "site collecte des données (formulaire de contact, adhésion), il informe les personnes de "
                "leurs droits."
            ),
            heading("Penser à l'accessibilité", "h3"),
            paragraph(
                "Des textes lisibles, des contrastes suffisants, des images décrites par un texte "
                "alternatif, des documents téléchargeables lisibles par les lecteurs d'écran : ces bonnes "
                "pratiques profitent à tous les visiteurs."
            ),
            testimony(
                "Notre site était tenu par un seul bénévole. Quand il est parti, plus personne n'avait "
                "les mots de passe. Aujourd'hui, les accès sont au nom de l'association et deux personnes "
                "savent le mettre à jour.",
                "Priscilla",
                "Chargée de communication bénévole d'une association sportive à Saint-Benoît",
            ),
            key_points(
                "Le nom de domaine et les accès appartiennent à l'association.",
                "Les mentions légales sont obligatoires.",
                "Au moins deux personnes doivent savoir mettre le site à jour.",
            ),
            links(ASSOCIATIONS_GOUV),
        ),
        related=("rgpd-associations", "reseaux-sociaux-droit-image"),
    ),
    FicheSpec(
        slug="reseaux-sociaux-droit-image",
        title="Réseaux sociaux et droit à l'image : les bonnes pratiques",
        chapo="Publier les photos d'une sortie ou d'une manifestation donne envie de rejoindre "
        "l'association. Encore faut-il respecter le droit à l'image des participants, en particulier "
        "des mineurs, et organiser la prise de parole au nom de l'association.",
        structure="crajep-reunion",
        typology="fiche-pratique",
        themes=("communication-numerique", "benevolat-engagement"),
        tags=("Réseaux sociaux", "Droit à l'image", "Communication"),
        published=date(2026, 6, 9),
        updated=date(2026, 6, 9),
        body=(
            paragraph(
                "Les réseaux sociaux permettent de faire connaître les activités, de mobiliser les "
                "bénévoles et de remercier les partenaires. Ils engagent aussi l'image de l'association : "
                "mieux vaut fixer quelques règles communes."
            ),
            heading("Le droit à l'image"),
            paragraph(
                "Toute personne peut s'opposer à la diffusion d'une image sur laquelle elle est "
                "reconnaissable. Demandez une autorisation écrite, qui précise les supports et la durée, "
                "et, pour les mineurs, celle de leurs représentants légaux. Lors d'une manifestation, "
                "informez le public qu'il peut être photographié et respectez les refus."
            ),
            image("benevoles", ALT_BENEVOLES, "Valoriser les bénévoles, avec leur accord."),
            heading("Organiser la communication"),
            bullets(
                [
                    "Désigner qui publie au nom de l'association et qui répond aux messages.",
                    "Garder les comptes au nom de l'association, avec au moins deux administrateurs.",
                    "Se donner une ligne : ton, fréquence, sujets à éviter.",
                    "Modérer les commentaires et savoir quoi faire en cas de message injurieux.",
                ]
            ),
            testimony(
                "Nous avons ajouté une case « droit à l'image » au bulletin d'adhésion. En un an, nous "
                "n'avons plus eu un seul malentendu.",
                "Anthony",
                "Président d'une association de danse à Saint-Paul",
            ),
            key_points(
                "Une autorisation écrite pour chaque personne reconnaissable, celle des parents pour les "
                "mineurs.",
                "Des comptes au nom de l'association, partagés entre plusieurs personnes.",
                "Quelques règles simples évitent les malentendus.",
            ),
            links(SERVICE_PUBLIC),
        ),
        related=("creer-site-web", "rgpd-associations"),
    ),
)
