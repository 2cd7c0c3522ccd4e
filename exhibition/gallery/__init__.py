"""The public gallery: pages, filters, facets, search and sitemaps."""
