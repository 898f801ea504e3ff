"""Creating, governing and closing an association: loi 1901 basics, statutes, general assemblies."""

from __future__ import annotations

from datetime import date

from demo.spec import (
    ASSOCIATIONS_GOUV,
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

ALT_ASSEMBLEE = (
    "Bandeau violet avec des points disposés en demi-cercle, évoquant les participants d'une assemblée"
)

FICHES: tuple[FicheSpec, ...] = (
    FicheSpec(
        slug="creer-son-association",
        title="Créer son association loi 1901 : les étapes",
        chapo="De l'idée à la publication au Journal officiel : les étapes pour créer une association "
        "déclarée, les documents à préparer et les numéros à obtenir pour ouvrir un compte, recevoir "
        "des subventions ou employer.",
        structure="mda-saint-benoit",
        typology="fiche-pratique",
        themes=("creation-formalites",),
        tags=("Statuts", "Création d'association", "Loi 1901"),
        published=date(2021, 2, 10),
        updated=date(2026, 5, 18),
        body=(
            paragraph(
                "Une association est la convention par laquelle deux personnes ou plus mettent en commun "
                "leurs connaissances ou leur activité dans un but autre que de partager des bénéfices : "
                "c'est la définition de la loi du 1er juillet 1901. Une association peut exister sans être "
                "déclarée, mais seule l'association déclarée a la capacité juridique : ouvrir un compte "
                "bancaire, signer un contrat, recevoir des subventions, agir en justice."
            ),
            heading("Les étapes"),
            bullets(
                [
                    "Réunir les fondateurs et préciser le projet : l'objet, les activités, le territoire, "
                    "le public.",
                    "Rédiger les statuts, qui fixent les règles de fonctionnement.",
                    "En pratique, tenir une assemblée constitutive qui adopte les statuts et désigne les "
                    "premiers dirigeants, et en garder un compte rendu.",
                    "Déclarer l'association au greffe des associations, en ligne sur service-public.fr ou "
                    "par courrier, avec les statuts et la liste des dirigeants.",
                    "Recevoir le récépissé, qui comporte le numéro RNA de l'association.",
                    "Faire publier un avis de création au Journal officiel des associations et fondations "
                    "d'entreprise (JOAFE) : c'est cette publication qui donne la capacité juridique.",
                ],
                ordered=True,
            ),
            heading("Les numéros à connaître"),
            paragraph(
                "Le numéro RNA (répertoire national des associations) identifie l'association auprès de "
                "l'administration. Le numéro SIREN, et le SIRET de chaque établissement, attribués par "
                "l'Insee, sont indispensables pour demander une subvention, employer un salarié ou exercer "
                "certaines activités ; l'association qui n'emploie personne en fait la demande elle-même."
            ),
            testimony(
                "Nous pensions qu'il suffisait d'envoyer les statuts. La Maison des associations nous a "
                "aidés à clarifier notre objet : c'est ce qui nous a fait gagner le plus de temps.",
                "Kevin",
                "Cofondateur d'une association culturelle à Bras-Panon",
            ),
            document("modele-statuts", "Un modèle commenté, à adapter avant l'assemblée constitutive."),
            faq(
                (
                    "Combien de personnes faut-il pour créer une association ?",
                    "Au moins deux. La loi ne fixe pas de nombre minimal de dirigeants, mais les statuts "
                    "peuvent le faire.",
                ),
                (
                    "Un mineur peut-il créer une association ?",
                    "Oui. À partir de 16 ans, un mineur peut librement créer une association et "
                    "participer à son administration, avec des limites pour certains actes ; avant 16 ans, "
                    "l'accord écrit de ses représentants légaux est nécessaire.",
                ),
                (
                    "Faut-il un siège social ?",
                    "Oui, les statuts indiquent l'adresse du siège. Ce peut être le domicile d'un "
                    "dirigeant ou une adresse mise à disposition, par exemple par une maison des "
                    "associations si elle le propose.",
                ),
            ),
            key_points(
                "Seule l'association déclarée et publiée au JOAFE a la capacité juridique.",
                "Le numéro RNA figure sur le récépissé ; le SIRET se demande à l'Insee.",
                "Une maison des associations peut relire votre projet de statuts.",
            ),
            links(SERVICE_PUBLIC, LEGIFRANCE),
        ),
        related=("rediger-ses-statuts", "le-compte-asso", "assurance-benevoles-activites"),
    ),
    FicheSpec(
        slug="rediger-ses-statuts",
        title="Rédiger les statuts de son association",
        chapo="Les statuts sont la règle du jeu de l'association. Ce qu'ils doivent contenir, les clauses "
        "à ne pas oublier et un modèle à télécharger pour démarrer, sans copier-coller les statuts "
        "d'une autre association.",
        structure="mda-saint-benoit",
        typology="modele-document",
        themes=("creation-formalites", "gouvernance-vie-statutaire"),
        tags=("Statuts", "Loi 1901", "Gouvernance"),
        published=date(2021, 3, 18),
        updated=date(2025, 6, 3),
        body=(
            paragraph(
                "La loi de 1901 laisse une grande liberté aux fondateurs : en dehors des informations "
                "demandées pour la déclaration (le nom, l'objet, le siège, les dirigeants), le contenu des "
                "statuts est libre. Cette liberté est une chance, à condition de prendre le temps d'écrire "
                "des règles adaptées au projet et applicables par des bénévoles."
            ),
            heading("Les clauses essentielles"),
            bullets(
                [
                    "L'objet : ce que l'association veut faire, formulé assez largement pour ne pas "
                    "bloquer les projets futurs.",
                    "Les membres : qui peut adhérer, comment, et comment on perd la qualité de membre.",
                    "Les instances : assemblée générale, conseil d'administration, bureau, leurs pouvoirs "
                    "et leur fonctionnement.",
                    "Les règles de vote : quorum, majorité, pouvoirs, participation à distance.",
                    "Les ressources et la gestion : cotisation, exercice comptable, approbation des comptes.",
                    "La modification des statuts et la dissolution.",
                ]
            ),
            document(
                "modele-statuts",
                "Chaque article comporte des passages entre crochets à compléter.",
            ),
            heading("Les pièges fréquents", "h3"),
            bullets(
                [
                    "Copier les statuts d'une autre association sans les adapter.",
                    "Fixer des règles de quorum impossibles à atteindre.",
                    "Oublier de prévoir la participation à distance aux instances.",
                    "Confier tous les pouvoirs à une seule personne.",
                ]
            ),
            testimony(
                "Nos premiers statuts exigeaient la présence de la moitié des adhérents pour délibérer. "
                "Nous n'avons jamais atteint le quorum ! Nous les avons modifiés en AG extraordinaire avec "
                "l'aide de la Maison des associations.",
                "Gilberte",
                "Secrétaire d'une association de randonnée à Saint-André",
            ),
            key_points(
                "Les statuts sont libres : écrivez-les pour votre projet.",
                "Prévoyez des règles de quorum et de vote réalistes.",
                "Toute modification des statuts se déclare au greffe des associations.",
            ),
            links(SERVICE_PUBLIC, LEGIFRANCE),
        ),
        related=("creer-son-association", "ag-a-distance", "preparer-assemblee-generale"),
    ),
    FicheSpec(
        slug="preparer-assemblee-generale",
        title="Préparer son assemblée générale ordinaire : la check-list",
        chapo="Un outil pour préparer l'assemblée générale annuelle sans rien oublier : calendrier, "
        "convocation, documents à présenter, déroulé de la séance et procès-verbal. Conçu avec des "
        "clubs sportifs, il convient à toutes les associations.",
        structure="cros-reunion",
        typology="outil",
        themes=("gouvernance-vie-statutaire",),
        tags=("AG", "Statuts", "Procès-verbal"),
        published=date(2025, 3, 18),
        updated=date(2026, 4, 1),
        body=(
            paragraph(
                "L'assemblée générale ordinaire est le moment où les membres approuvent les comptes, "
                "débattent des orientations et élisent leurs représentants. Ses règles sont celles des "
                "statuts : relisez-les avant de commencer."
            ),
            heading("Le calendrier"),
            bullets(
                [
                    "Deux mois avant : fixer la date et le lieu (ou la visioconférence, si les statuts le "
                    "permettent) ; clôturer les comptes avec le trésorier ou la trésorière.",
                    "Un mois avant : le conseil d'administration arrête les comptes, valide les rapports "
                    "et l'ordre du jour.",
                    "Dans le délai prévu par les statuts : envoyer la convocation avec l'ordre du jour et "
                    "les documents.",
                    "Le jour J : faire signer la feuille de présence, vérifier le quorum, faire voter "
                    "chaque résolution.",
                    "Dans les semaines qui suivent : rédiger et signer le procès-verbal, déclarer au "
                    "greffe les changements de dirigeants.",
                ]
            ),
            document("convocation-ag", "Convocation, ordre du jour type et formulaire de pouvoir."),
            image(
                "assemblee",
                ALT_ASSEMBLEE,
                "L'assemblée générale, temps fort de la vie démocratique de l'association.",
            ),
            faq(
                (
                    "Qui peut voter ?",
                    "Les membres désignés par les statuts, le plus souvent ceux qui sont à jour de leur "
                    "cotisation. Vérifiez la liste avant la séance.",
                ),
                (
                    "Que faire si le quorum n'est pas atteint ?",
                    "Appliquer ce que prévoient les statuts : le plus souvent, une seconde assemblée est "
                    "convoquée, sans condition de quorum.",
                ),
                (
                    "Le procès-verbal est-il obligatoire ?",
                    "C'est la trace des décisions prises. Il est indispensable pour les prouver, "
                    "notamment auprès de la banque ou du greffe lors d'un changement de dirigeants.",
                ),
            ),
            key_points(
                "Les statuts font la loi : relisez-les avant de convoquer.",
                "Les comptes sont arrêtés par le conseil et approuvés par l'assemblée.",
                "Les changements de dirigeants se déclarent au greffe des associations.",
            ),
            links(SERVICE_PUBLIC),
        ),
        related=("ag-a-distance", "rediger-ses-statuts", "comptabilite-de-tresorerie"),
    ),
    FicheSpec(
        slug="contrat-engagement-republicain",
        title="Le contrat d'engagement républicain : ce que les associations doivent savoir",
        chapo="Depuis janvier 2022, une association qui demande une subvention publique ou un agrément de "
        "l'État s'engage à respecter le contrat d'engagement républicain. Ce qu'il contient et ce "
        "que cela change concrètement.",
        structure="drajes-reunion",
        typology="actualite-reglementaire",
        themes=("gouvernance-vie-statutaire", "financement"),
        tags=("Subventions", "Agrément", "Loi 1901"),
        published=date(2022, 2, 1),
        updated=date(2022, 2, 1),
        body=(
            paragraph(
                "La loi du 24 août 2021 confortant le respect des principes de la République a créé le "
                "contrat d'engagement républicain ; son contenu a été fixé par un décret publié fin 2021. "
                "Toute association qui sollicite une subvention auprès d'une autorité administrative ou "
                "d'un organisme chargé d'un service public, ou qui demande un agrément de l'État, souscrit "
                "à ce contrat."
            ),
            heading("Les sept engagements"),
            bullets(
                [
                    "Respecter les lois de la République.",
                    "Respecter la liberté de conscience.",
                    "Respecter la liberté des membres de l'association.",
                    "Respecter l'égalité et ne pas discriminer.",
                    "Respecter la fraternité et prévenir la violence.",
                    "Respecter la dignité de la personne humaine.",
                    "Respecter les symboles de la République.",
                ],
                ordered=True,
            ),
            heading("Concrètement"),
            paragraph(
                "La souscription se fait au moment de la demande, par une attestation, dans le formulaire "
                "de demande de subvention ou sur Le Compte Asso. L'association informe ses membres du "
                "contrat souscrit, par exemple par un affichage ou une publication sur son site. En cas de "
                "manquement, l'administration peut retirer la subvention et en demander le remboursement."
            ),
            key_points(
                "Le contrat concerne les demandes de subvention publique et d'agrément de l'État.",
                "Il se souscrit par une attestation dans le dossier de demande.",
                "Informez vos membres des engagements pris, par exemple sur votre site.",
            ),
            faq(
                (
                    "Faut-il modifier nos statuts ?",
                    "Non, le contrat d'engagement républicain n'impose pas de modifier les statuts.",
                ),
                (
                    "Les associations sans subvention sont-elles concernées ?",
                    "Non, sauf si elles demandent un agrément de l'État. Le respect de la loi s'impose "
                    "bien sûr à toutes.",
                ),
            ),
            links(ASSOCIATIONS_GOUV, LEGIFRANCE),
        ),
        related=("demander-une-subvention", "le-compte-asso"),
    ),
    FicheSpec(
        slug="dissoudre-son-association",
        title="Dissoudre son association",
        chapo="Quand le projet s'arrête, une association se dissout selon ses statuts. Les étapes : "
        "décision en assemblée générale extraordinaire, liquidation, attribution des biens restants "
        "et déclaration au greffe.",
        structure="udaf-reunion",
        typology="fiche-pratique",
        themes=("creation-formalites", "gouvernance-vie-statutaire"),
        tags=("Dissolution", "Statuts", "AG"),
        published=date(2025, 11, 4),
        updated=date(2025, 11, 4),
        body=(
            paragraph(
                "La dissolution volontaire est décidée par les membres, le plus souvent en assemblée "
                "générale extraordinaire, selon les règles prévues par les statuts. Elle peut aussi "
                "intervenir dans les cas prévus par les statuts, par exemple à l'arrivée du terme fixé, ou "
                "être prononcée par un juge."
            ),
            heading("Les étapes"),
            bullets(
                [
                    "Convoquer l'assemblée compétente selon les statuts et faire voter la dissolution.",
                    "Nommer un ou plusieurs liquidateurs, chargés de solder les comptes : payer les "
                    "dettes, encaisser les créances, mettre fin aux contrats.",
                    "Attribuer l'actif restant conformément aux statuts ou à la décision de l'assemblée : "
                    "il ne peut pas être partagé entre les membres.",
                    "Déclarer la dissolution au greffe des associations.",
                    "Clôturer le compte bancaire et prévenir les partenaires et les administrations.",
                ],
                ordered=True,
            ),
            faq(
                (
                    "Les membres peuvent-ils récupérer leurs apports ?",
                    "Un bien apporté à l'association peut être repris si l'acte d'apport ou les statuts "
                    "le prévoient. En revanche, les membres ne peuvent pas se partager le reste des biens.",
                ),
                (
                    "Que deviennent les salariés ?",
                    "Les contrats de travail doivent être rompus selon les règles du droit du travail. "
                    "Faites-vous accompagner avant toute décision.",
                ),
            ),
            testimony(
                "Notre association avait rempli sa mission. Nous avons choisi de confier notre matériel à "
                "une association voisine : c'était une belle façon de finir.",
                "Roland",
                "Ancien président d'un comité des fêtes à Sainte-Rose",
            ),
            key_points(
                "La dissolution suit les règles des statuts.",
                "Les biens restants ne se partagent pas entre les membres.",
                "La dissolution se déclare au greffe des associations.",
            ),
            links(SERVICE_PUBLIC),
        ),
        related=("rediger-ses-statuts", "preparer-assemblee-generale"),
    ),
)
