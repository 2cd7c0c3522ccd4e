"""The public gallery: pages, filters, facets, search, sitemaps, structured data."""
