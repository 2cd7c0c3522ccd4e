"""Loading the demo's audio guide (audio.toml): a placeholder clip per section, with
its transcript in both languages, and its stop number in the exhibition."""

import io
import re

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile

from catalog.media import probe_file
from catalog.models import MediaItem
from exhibition.demo.reading import LANGUAGE_KEYS
from exhibition.demo.sync import set_text
from exhibition.models import AudioStop

CREDIT = {
    "en": "Placeholder: generated speech (espeak-ng), not a narrator.",
    "zh_hans": "占位录音：由 espeak-ng 合成的语音，并非真人讲解。",
}


def stamp(seconds):
    minutes, seconds = divmod(seconds, 60)
    return f"00:{int(minutes):02d}:{seconds:06.3f}"


def placeholder_captions(transcript, duration):
    """WebVTT of the transcript's sentences spread evenly over the recording (the
    placeholder speech reads them at an even pace)."""
    sentences = [
        s.strip() for s in re.split(r"(?<=[.!?。！？])\s*", transcript) if s.strip()
    ]
    step = duration / max(len(sentences), 1)
    cues = [
        f"{stamp(n * step)} --> {stamp((n + 1) * step)}\n{sentence}"
        for n, sentence in enumerate(sentences)
    ]
    return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"


class AudioLoading:
    """Clips and stops (a mixin of ``Loader``; after sections and placements)."""

    def load_audio(self):
        folder = self.content["directory"] / "audio"
        for entry in self.content["stops"]:
            section = self.section_of(entry["exhibition"], entry["section"])
            key = f"{entry['exhibition']}/{entry['section']}/{entry['number']}"
            stop = AudioStop.objects.filter(
                exhibition=section.exhibition, number=entry["number"]
            ).first()
            # Found again by its stop, so a curator's retitling keeps it one clip.
            lookup = (
                {"pk": stop.media_id}
                if stop
                else {
                    "content_type": ContentType.objects.get_for_model(section),
                    "object_id": section.pk,
                    "title_en": entry["title"]["en"],
                }
            )

            def apply(item, created, entry=entry):
                set_text(item, "title", entry["title"])
                set_text(item, "transcript", entry["transcript"])
                set_text(item, "credit", CREDIT)
                item.placeholder = True
                for key, suffix in LANGUAGE_KEYS.items():
                    name = entry["file"].get(key)
                    if not name:
                        continue
                    data = (folder / name).read_bytes()
                    getattr(item, f"file_{suffix}").save(
                        name, ContentFile(data), save=False
                    )
                    captions = placeholder_captions(
                        entry["transcript"][key], probe_file(io.BytesIO(data)).duration
                    )
                    getattr(item, f"captions_{suffix}").save(
                        f"{name}.vtt", ContentFile(captions.encode()), save=False
                    )
                item.save()

            item, _outcome = self.sync(MediaItem, key, lookup, entry, apply)
            if item.pk:
                AudioStop.objects.get_or_create(
                    exhibition=section.exhibition,
                    number=entry["number"],
                    defaults={"media": item},
                )
