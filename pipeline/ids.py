"""Content-derived row keys.

A key must survive re-runs and edits elsewhere in the document, and a corrected number
should show up as a *changed* row, not as a removal plus an addition. So the key hashes
the document id, the table, the quote and the words just before it with every digit
masked, plus an occurrence counter for look-alikes -- never a position or a row number.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_SPACE = re.compile(r"\s+")
CONTEXT_CHARS = 48


def _mask(text: str) -> str:
    return _SPACE.sub(" ", _DIGITS.sub("#", text)).strip().lower()


def row_keys(doc_id: str, table: str, text: str, spans: Iterable[tuple[int, int]]) -> list[str]:
    """One 16-hex-digit key per (char_start, char_end) span, in the order given."""
    seen: Counter[str] = Counter()
    keys = []
    for start, end in spans:
        context = _mask(text[max(0, start - CONTEXT_CHARS) : start])
        basis = f"{doc_id}\x1f{table}\x1f{_mask(text[start:end])}\x1f{context}"
        seen[basis] += 1
        basis += f"\x1f{seen[basis]}"
        keys.append(hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16])
    return keys
