"""The read-only JSON API at /api/v1/: published records, both languages, OpenAPI."""
