"""An OAI-PMH 2.0 provider at ``/oai``: the published collection, in Dublin Core.

One module per concern: ``views`` (the endpoint and its arguments), ``verbs`` (the
six requests), ``listing`` (headers in pages), ``records`` (``oai_dc``), ``sets``,
``identifiers``, ``dates``, ``tokens`` (resumption), ``errors``, ``xml`` (the
envelope) and ``tombstones`` (withdrawn and deleted records, kept for good).
"""
