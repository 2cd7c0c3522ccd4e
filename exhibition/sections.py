"""How the catalogue's import and export find and place records in sections."""


class Sections:
    """Sections as the catalogue's import and export see them (a SectionDirectory)."""

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
        return [
            item.section.slug
            for item in record.section_items.select_related("section").order_by(
                "section__position", "section__pk"
            )
        ]
