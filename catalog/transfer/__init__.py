"""Moving records in and out: CSV import and export, backup and restore."""
