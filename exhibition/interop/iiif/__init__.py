"""IIIF: the Image API (level 0, static tiles) and Presentation API 3.0 manifests and
collections of the published collection. Other code links to a manifest with
``exhibition.addresses.manifest_url``."""
