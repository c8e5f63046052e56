-- Trigram matching for the `q` searches (PostgreSQL's contrib, shipped by PGlite too); trusted, so a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
