"""Dagster assets by stage: raw_ (ingest), core_ (extracted and derived tables, with
blocking checks), out_ (the published release and the DuckDB file)."""
