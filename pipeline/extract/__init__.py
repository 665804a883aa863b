"""Extractors: small pure functions `text -> list[record]`, no I/O."""
