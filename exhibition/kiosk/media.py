"""The audio and video a kiosk plays, and which of it its offline copy keeps.

Clips come from ``MediaItem.objects.published()`` for the records, people and
sections the kiosk shows. The offline copy takes them in the order a visitor meets
them (each section's clips, then its items', then people's) until the kiosk's
``media_budget_mb`` is spent; the rest still play while the server answers, and
the kiosk's admin page lists them.
"""

from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from catalog.models import MediaItem

MEGABYTE = 1024 * 1024


def clip_files(item):
    """Every URL of a clip: each language's recording and captions."""
    urls = []
    for suffix in item.file_info:
        for name in (f"file_{suffix}", f"captions_{suffix}"):
            field_file = getattr(item, name)
            if field_file:
                urls.append(field_file.url)
    return urls


class KioskMedia:
    """A mixin of KioskContent: its clips, and the offline budget's verdict."""

    @cached_property
    def clips(self):
        """Every published clip the kiosk shows, in the order visitors meet them;
        each entry, person entry and section gets its own list as ``.clips``."""
        owners = [
            *[(section, section) for section in self.sections],
            *[(entry, entry.record) for entry in self.entries],
            *[(person_entry, person_entry.person) for person_entry in self.people],
        ]
        condition = Q(pk__in=[])
        by_type = {}
        for _holder, record in owners:
            by_type.setdefault(type(record), []).append(record.pk)
        for model, pks in by_type.items():
            condition |= Q(
                content_type=ContentType.objects.get_for_model(model),
                object_id__in=pks,
            )
        found = {}
        for item in (
            MediaItem.objects.published().filter(condition).order_by("position", "pk")
        ):
            found.setdefault((item.content_type_id, item.object_id), []).append(item)
        ordered = []
        for holder, record in owners:
            key = (ContentType.objects.get_for_model(type(record)).pk, record.pk)
            holder.clips = found.get(key, [])
            ordered += [item for item in holder.clips if item not in ordered]
        return ordered

    @cached_property
    def offline_clips(self):
        """(kept, left out): the clips within the kiosk's budget, and the others."""
        budget = self.kiosk.media_budget_mb * MEGABYTE
        kept, left_out, used = [], [], 0
        for item in self.clips:
            if used + item.bytes_total <= budget:
                kept.append(item)
                used += item.bytes_total
            else:
                left_out.append(item)
        return kept, left_out

    def media(self):
        """The URLs of every clip file the offline copy keeps."""
        kept, _left_out = self.offline_clips
        return list(dict.fromkeys(url for item in kept for url in clip_files(item)))

    def media_state(self):
        """What of the clips the version depends on."""
        return [[item.pk, item.updated_at.isoformat()] for item in self.clips]
