"""StreamField blocks of a fiche body: what an editor can put in a practical sheet."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Titre"), max_length=160)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Titre de section")), ("h3", _("Sous-titre"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Intertitre")
        template = "fiches/blocks/heading.html"


class KeyPointsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), default="À retenir", max_length=120)
    text = blocks.RichTextBlock(label=_("Texte"), features=RICH_FEATURES)

    class Meta:
        icon = "pick"
        label = _("À retenir")
        template = "fiches/blocks/key_points.html"


class TestimonyBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Citation"))
    author = blocks.CharBlock(label=_("Auteur ou autrice"), max_length=120)
    role = blocks.CharBlock(label=_("Fonction, association"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Témoignage")
        template = "fiches/blocks/testimony.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Texte alternatif"),
        required=False,
        max_length=250,
        help_text=_("Décrit l'image pour les personnes qui ne la voient pas ; vide si décorative."),
    )
    caption = blocks.CharBlock(label=_("Légende"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "fiches/blocks/image.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Intitulé"), required=False, help_text=_("Par défaut, le titre du document.")
    )
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document à télécharger")
        template = "fiches/blocks/document.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Adresse de la vidéo"))
    title = blocks.CharBlock(label=_("Titre de la vidéo"), max_length=200)

    class Meta:
        icon = "media"
        label = _("Vidéo")
        template = "fiches/blocks/video.html"


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Réponse"), features=RICH_FEATURES)


class FaqBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), required=False, default="Questions-réponses")
    items = blocks.ListBlock(QuestionAnswerBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Questions-réponses")
        template = "fiches/blocks/faq.html"


class ExternalLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Intitulé"), max_length=200)
    url = blocks.URLBlock(label=_("Adresse"))
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=300)


class LinksBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), required=False, default="Pour aller plus loin")
    links = blocks.ListBlock(ExternalLinkBlock(), label=_("Liens"), min_num=1)

    class Meta:
        icon = "link"
        label = _("Liens utiles")
        template = "fiches/blocks/links.html"


class FicheBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Texte"), features=[*RICH_FEATURES, "h3", "h4"], icon="pilcrow")
    key_points = KeyPointsBlock()
    testimony = TestimonyBlock()
    image = CaptionedImageBlock()
    document = DocumentBlock()
    video = VideoBlock()
    faq = FaqBlock()
    links = LinksBlock()
