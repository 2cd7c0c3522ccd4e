"""How the catalogue's import and export find and place records in sections."""


class Sections:
    """Sections as the catalogue's import and export see them (a SectionDirectory),
    and the exhibitions the catalogue's ``collection.json`` carries."""

    file_key = "exhibitions"

    def export_file(self, copy_image):
        from exhibition.transfer.export import export_exhibitions

        return export_exhibitions(copy_image)

    def read_file(self, value, context):
        from exhibition.transfer.part import ExhibitionsPart

        part = ExhibitionsPart(context)
        part.check(value)
        return part

    def resolve(self, value):
        from django.db.models import Q

        from exhibition.models import Section

        sections = Section.objects.all()
        if "/" in value:  # "<exhibition>/<section>", when a slug is reused
            exhibition, value = value.split("/", 1)
            sections = sections.filter(exhibition__slug=exhibition)
        # A bare slug used by several exhibitions means the oldest one's.
        return (
            sections.filter(
                Q(slug=value) | Q(title_en__iexact=value) | Q(title_zh_hans=value)
            )
            .order_by("exhibition__pk", "position", "pk")
            .first()
        )

    def place(self, record, sections):
        from django.db.models import Max

        from exhibition.models import SectionItem

        kind = record._meta.model_name
        for section in sections:
            if not SectionItem.objects.filter(
                section=section, **{kind: record}
            ).exists():
                last = section.items.aggregate(last=Max("position"))["last"]
                SectionItem.objects.create(
                    section=section, position=(last or 0) + 1, **{kind: record}
                )

    def slugs_for(self, record):
        """Bare slugs, but "<exhibition>/<section>" where another exhibition has a
        section of the same slug (a bare slug would mean the oldest one's)."""
        from django.db.models import Count

        from exhibition.models import Section

        items = record.section_items.select_related("section__exhibition").order_by(
            "section__exhibition__slug", "section__position", "section__pk"
        )
        slugs = [(item.section.exhibition.slug, item.section.slug) for item in items]
        shared = set(
            Section.objects.filter(slug__in=[slug for _e, slug in slugs])
            .order_by()  # the default ordering would split the groups
            .values("slug")
            .annotate(exhibitions=Count("exhibition", distinct=True))
            .filter(exhibitions__gt=1)
            .values_list("slug", flat=True)
        )
        return [f"{e}/{slug}" if slug in shared else slug for e, slug in slugs]
