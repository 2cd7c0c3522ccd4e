"""IIIF: the Image API (level 0, static tiles) and Presentation API 3.0 manifests and
collections of the published collection. ``manifest_url`` is for other code."""

from exhibition.interop.iiif.addresses import manifest_url

__all__ = ["manifest_url"]
