"""Which extractor fills which fact table.

Each extractor is a pure function `text -> list[dict]`. A record carries `char_start`,
`char_end`, `quote` and the table's other fields, except `doc_id` and the table's
key, which the pipeline adds (see pipeline.ids). The table's schema lives in
`schemas/<table>.schema.json` under the same name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.extract.acronyms import extract_acronyms
from pipeline.extract.citations import extract_citation_mentions, extract_citations
from pipeline.extract.organizations import extract_organizations
from pipeline.extract.quantities import extract_quantities
from pipeline.extract.quotes import extract_quotes
from pipeline.extract.recommendations import extract_recommendations

Extractor = Callable[[str], list[dict[str, Any]]]

FACT_EXTRACTORS: dict[str, Extractor] = {
    "quantities": extract_quantities,
    "acronyms": extract_acronyms,
    "recommendations": extract_recommendations,
    "citations": extract_citations,
    "citation_mentions": extract_citation_mentions,
    "quotes": extract_quotes,
    "organizations": extract_organizations,
}


@cache
def extractor_version() -> str:
    """Hash of every extractor source file: a cached extraction is reused only while
    the code that produced it is unchanged."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
