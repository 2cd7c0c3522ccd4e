"""How other systems read the published collection: IIIF, OAI-PMH and the JSON API."""
