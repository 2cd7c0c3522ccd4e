"""Limits of uploaded files, imported by config/settings.py: images, audio, video
and WebVTT captions, each checked by reading the file itself."""

import os

# Uploaded images: checked by decoding, within these limits (see catalog/images.py).
IMAGE_MAX_BYTES = int(os.environ.get("IMAGE_MAX_BYTES", str(40 * 1024 * 1024)))
IMAGE_MAX_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", str(80_000_000)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Uploaded audio, video and WebVTT captions (see catalog/media/checks.py).
AUDIO_MAX_BYTES = int(os.environ.get("AUDIO_MAX_BYTES", str(50 * 1024 * 1024)))
AUDIO_MAX_SECONDS = int(os.environ.get("AUDIO_MAX_SECONDS", str(20 * 60)))
VIDEO_MAX_BYTES = int(os.environ.get("VIDEO_MAX_BYTES", str(500 * 1024 * 1024)))
VIDEO_MAX_SECONDS = int(os.environ.get("VIDEO_MAX_SECONDS", str(30 * 60)))
CAPTIONS_MAX_BYTES = int(os.environ.get("CAPTIONS_MAX_BYTES", str(1024 * 1024)))
