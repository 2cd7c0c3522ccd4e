"""How the catalogue's import and export find and place records in sections."""


class Sections:
    """Sections as the catalogue's import and export see them (a SectionDirectory),
    and the exhibitions the catalogue's ``collection.json`` carries."""

    file_key = "exhibitions"

    def export_file(self, copy_image):
        from exhibition.transfer.export import export_exhibitions

        return export_exhibitions(copy_image)

    def read_file(self, value, context):
        from exhibition.transfer.part import read_exhibitions

        return read_exhibitions(value, context)

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

    def resolve_many(self, values):
        """As ``resolve`` for each value, from one query of every section (a
        museum has dozens or hundreds, an import may name them a million times)."""
        from exhibition.models import Section

        sections = list(
            Section.objects.order_by("exhibition__pk", "position", "pk").values_list(
                "pk", "exhibition__slug", "slug", "title_en", "title_zh_hans"
            )
        )
        found = {}
        for value in values:
            exhibition, name = value.split("/", 1) if "/" in value else (None, value)
            match = next(
                (
                    pk
                    for pk, in_exhibition, slug, title_en, title_zh in sections
                    if (exhibition is None or in_exhibition == exhibition)
                    and (
                        slug == name
                        or (title_en or "").lower() == name.lower()
                        or title_zh == name
                    )
                ),
                None,
            )
            found[value] = match
        chosen = Section.objects.in_bulk([pk for pk in found.values() if pk])
        return {value: chosen.get(pk) for value, pk in found.items()}

    def unplaced(self, placements):
        placed = self._placed(placements)
        return [
            record
            for record, sections in placements
            if any(self._key(section, record) not in placed for section in sections)
        ]

    def place_all(self, placements, positions=None):
        """``place`` for many records in three queries. ``positions``: {section pk:
        last position}, kept by a caller that places many chunks in one
        transaction, so that no chunk reads every place of its sections again."""
        from django.db.models import Max

        from catalog.transfer.inserts import insert_rows
        from exhibition.models import SectionItem

        placed = self._placed(placements)
        sections = {section.pk for _record, wanted in placements for section in wanted}
        last = {} if positions is None else positions
        unknown = sections - set(last)
        if unknown:
            last.update(
                SectionItem.objects.filter(section__in=unknown)
                .order_by()
                .values("section")
                .annotate(last=Max("position"))
                .values_list("section", "last")
            )
            last.update((pk, last.get(pk) or 0) for pk in unknown)
        new = []
        for record, wanted in placements:
            for section in wanted:
                key = self._key(section, record)
                if key in placed:
                    continue
                placed.add(key)
                last[section.pk] = (last.get(section.pk) or 0) + 1
                new.append(
                    {
                        "section_id": section.pk,
                        "position": last[section.pk],
                        f"{record._meta.model_name}_id": record.pk,
                    }
                )
        insert_rows(SectionItem, new)  # one executemany, no model instances

    @staticmethod
    def _key(section, record):
        return (section.pk, record._meta.model_name, record.pk)

    def _placed(self, placements):
        """Which (section, kind, record) of ``placements`` exist, in one query."""
        from django.db.models import Q

        from exhibition.models import SectionItem

        by_kind = {}
        sections = set()
        for record, wanted in placements:
            by_kind.setdefault(record._meta.model_name, set()).add(record.pk)
            sections |= {section.pk for section in wanted}
        where = Q()
        for kind, pks in by_kind.items():
            where |= Q(**{f"{kind}__in": pks})
        placed = set()
        # By record only: SQLite would otherwise read every place of the sections
        # (the unique index starts with the section, and ends with the record).
        rows = SectionItem.objects.filter(where).values_list(
            "section", "artifact", "photograph"
        )
        for section, artifact, photograph in rows:
            if section not in sections:
                continue
            if artifact is not None:
                placed.add((section, "artifact", artifact))
            if photograph is not None:
                placed.add((section, "photograph", photograph))
        return placed

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
