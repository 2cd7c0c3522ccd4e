"""Sharing the collection with other systems: IIIF, OAI-PMH and the JSON API."""
