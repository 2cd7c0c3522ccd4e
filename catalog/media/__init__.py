"""Audio and video: what an upload really is, the checks it must pass, where it is
stored."""

from catalog.media.checks import (
    CheckedCaptionsField,
    CheckedMediaField,
    MediaUploadPath,
    validate_captions_file,
    validate_media_file,
)
from catalog.media.probe import Probe, probe_file

__all__ = [
    "CheckedCaptionsField",
    "CheckedMediaField",
    "MediaUploadPath",
    "Probe",
    "probe_file",
    "validate_captions_file",
    "validate_media_file",
]
