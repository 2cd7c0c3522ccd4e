"""What a record still needs before it can be published, in both languages."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from catalog.models import Artifact, ArtifactImage, Citation, Person, Photograph

LANGUAGES = {"en": gettext_lazy("English"), "zh_hans": gettext_lazy("Chinese")}


REQUIRED_TEXT = {
    Artifact: [
        ("title", gettext_lazy("the title")),
        ("description", gettext_lazy("the description")),
        ("rights", gettext_lazy("the rights statement")),
    ],
    Photograph: [
        ("title", gettext_lazy("the title")),
        ("caption", gettext_lazy("the caption")),
        ("rights", gettext_lazy("the rights statement")),
    ],
    Person: [("name", gettext_lazy("the name"))],
}


def _blank(value):
    return not (value or "").strip()


def missing(record):
    """What keeps ``record`` from being published, as sentences for the curator."""
    model = type(record)
    problems = []
    for language, language_name in LANGUAGES.items():
        for field, label in REQUIRED_TEXT[model]:
            if _blank(getattr(record, f"{field}_{language}")):
                problems.append(
                    _("%(language)s: %(field)s is missing.")
                    % {"language": language_name, "field": label}
                )
        if model is Person and _blank(getattr(record, f"summary_{language}")):
            if _blank(getattr(record, f"body_{language}")):
                problems.append(
                    _("%(language)s: the summary (or full text) is missing.")
                    % {"language": language_name}
                )
        problems.extend(_missing_alt_text(record, language, language_name))
    if record.pk is None or not record.citations.exists():
        problems.append(_("No citation: add at least one source."))
    return problems


def _missing_alt_text(record, language, language_name):
    field = f"alt_text_{language}"
    if isinstance(record, Photograph):
        if record.image and _blank(getattr(record, field)):
            yield _("%(language)s: the image has no alt text.") % {
                "language": language_name
            }
    elif isinstance(record, Person):
        if record.portrait and _blank(getattr(record, f"portrait_alt_{language}")):
            yield _("%(language)s: the portrait has no alt text.") % {
                "language": language_name
            }
    elif record.pk is not None:
        for number, image in enumerate(record.images.order_by("position", "pk"), 1):
            if _blank(getattr(image, field)):
                yield _("%(language)s: image %(number)s has no alt text.") % {
                    "language": language_name,
                    "number": number,
                }


# -- the same checks as queries, for the dashboard and the list filters ----------


def _blank_q(name):
    return Q(**{name: ""}) | Q(**{f"{name}__isnull": True})


def _any_language_blank(name):
    return _blank_q(f"{name}_en") | _blank_q(f"{name}_zh_hans")


def _has_citation(model):
    return Exists(
        Citation.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=OuterRef("pk"),
        )
    )


def _image_without_alt():
    return Exists(
        ArtifactImage.objects.filter(artifact=OuterRef("pk")).filter(
            _any_language_blank("alt_text")
        )
    )


def problem_filters(model):
    """``{name: (label, condition)}`` for the problems the dashboard counts."""
    translation = Q()
    for field, _label in REQUIRED_TEXT[model]:
        translation |= _any_language_blank(field)
    if model is Person:
        for language in LANGUAGES:
            translation |= _blank_q(f"summary_{language}") & _blank_q(
                f"body_{language}"
            )
    filters = {"translation": (gettext_lazy("missing translations"), translation)}
    if model is Artifact:
        has_images = Exists(ArtifactImage.objects.filter(artifact=OuterRef("pk")))
        filters["alt_text"] = (gettext_lazy("missing alt text"), _image_without_alt())
        filters["rights"] = (
            gettext_lazy("images without rights"),
            has_images & _any_language_blank("rights"),
        )
    elif model is Photograph:
        filters["alt_text"] = (
            gettext_lazy("missing alt text"),
            _any_language_blank("alt_text"),
        )
        filters["rights"] = (
            gettext_lazy("images without rights"),
            _any_language_blank("rights"),
        )
    else:
        filters["alt_text"] = (
            gettext_lazy("missing alt text"),
            ~Q(portrait="") & _any_language_blank("portrait_alt"),
        )
    filters["citation"] = (gettext_lazy("no citation"), ~_has_citation(model))
    return filters


# -- transitions -----------------------------------------------------------------
