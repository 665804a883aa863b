"""Named bodies, programs, agreements and initiatives, one row per body per document.

Names come from the shape of the text (see org_names); this module links each to the
acronym the document defines for it, counts its mentions and adds what the layout says
(see org_layout). The first mention gives the span, `section` and `sentence`;
`mention_count` counts every mention, by name or by the defined acronym. `section` is the
heading the first mention stands under; `lead` is who the text says leads or chairs the
body ("led by USSPACECOM", "chaired by ...", "under the leadership of ..."), anywhere in
the document. Endnotes and references are skipped, as for acronyms.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from pipeline.extract.acronyms import extract_acronyms, notes_start
from pipeline.extract.org_layout import Lead, Sections, leads
from pipeline.extract.org_names import Mention, find_mentions
from pipeline.extract.sentences import SentenceIndex

_RUN_CHAR = re.compile(r"[\w&-]")
_ACRONYM_TOKEN = re.compile(r"(?<![\w&-])[A-Z][A-Za-z0-9&-]*[A-Z0-9](?![\w&-])")


def _norm(name: str) -> str:
    name = re.sub(r"^(?:[A-Z]\.){2,}\s*", "", name)
    return " ".join(name.split()).lower()


def _acronym_for(mention: Mention, text: str, defined: dict[str, str]) -> str | None:
    """The defined acronym naming this body: its whole name, or the part before its head."""
    by_expansion = {v: k for k, v in defined.items()}
    if _norm(mention.name) in by_expansion:
        return by_expansion[_norm(mention.name)]
    inner = re.search(r"\(([^()]+)\)", text[mention.start : mention.end])
    if inner and inner.group(1) in defined:
        return inner.group(1)
    first, *rest = mention.name.split()
    if first in defined and 0 < len(rest) <= 2 and rest[-1] == mention.head:
        return first  # STRATCOM Working Group
    return None


def extract_organizations(text: str) -> list[dict[str, Any]]:
    """One row per distinct named body, program or agreement in `text`, in text order."""
    limit = notes_start(text)
    definitions = extract_acronyms(text)
    defined = {r["acronym"]: _norm(r["expansion"]) for r in definitions}
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    spans: list[tuple[int, int, tuple[str, str]]] = []
    printed = [(r["acronym_start"], r["acronym_end"]) for r in definitions]
    sentences = SentenceIndex(text)
    sections = Sections(text, limit, _is_name_line)
    for m in find_mentions(text, limit):
        acronym = _acronym_for(m, text, defined)
        key = (acronym, m.head) if acronym else ("", _norm(m.name))
        spans.append((m.start, m.end, key))
        if key in rows:
            rows[key]["mention_count"] += 1
            continue
        sentence = sentences.at(m.start)
        rows[key] = {
            "char_start": m.start, "char_end": m.end, "quote": text[m.start : m.end],
            "name": m.name, "kind": m.kind, "head": m.head, "acronym": acronym,
            "section": sections.at(m.start),
            "lead": None, "lead_start": None, "lead_end": None, "mention_count": 1,
            "rule": m.rule, "sentence": sentence.text if sentence else text[m.start : m.end],
        }  # fmt: skip
    _count_acronym_mentions(text, limit, rows, spans, printed)
    _attach_leads(leads(text, limit, sentences), rows, spans, text)
    return sorted(rows.values(), key=lambda r: r["char_start"])


def _is_name_line(line: str) -> bool:
    return bool(find_mentions(line, len(line)))


def _count_acronym_mentions(
    text: str,
    limit: int,
    rows: dict[tuple[str, str], dict[str, Any]],
    spans: list,
    definitions: list[tuple[int, int]],
) -> None:
    """Acronym-only mentions (`The ISB is part of ...`) of a body named by its acronym."""
    exact = {r["acronym"]: key for key, r in rows.items() if r["acronym"]}
    names = sorted((s, e) for s, e, _ in spans)
    starts = [s for s, _ in names]
    printed = set(definitions)
    for start, end, acronym in _acronym_tokens(text, limit, exact):
        key = exact[acronym]
        i = bisect_right(starts, start) - 1
        inside = i >= 0 and start < names[i][1]
        if not inside and (start, end) not in printed:
            rows[key]["mention_count"] += 1
            spans.append((start, end, key))


def _acronym_tokens(text: str, limit: int, acronyms: Iterable[str]) -> list[tuple[int, int, str]]:
    """(start, end, acronym) of the `_ACRONYM_TOKEN` matches before `limit` that are one of
    `acronyms`, in text order. Such a match is a whole run of word characters, `&` and `-`,
    so each acronym is looked up with str.find and its neighbours checked: no pattern is
    compiled per document, and none is tried at every character."""
    found = []
    for acronym in acronyms:
        if not _ACRONYM_TOKEN.fullmatch(acronym):
            continue
        at = text.find(acronym, 0, limit)
        while at >= 0:
            end = at + len(acronym)
            if not (at and _RUN_CHAR.match(text, at - 1)) and not (
                end < limit and _RUN_CHAR.match(text, end)
            ):
                found.append((at, end, acronym))
            at = text.find(acronym, at + 1, limit)
    return sorted(found)


def _attach_leads(
    found: list[Lead], rows: dict[tuple[str, str], dict[str, Any]], spans: list, text: str
) -> None:
    """A lead phrase belongs to the body mentioned last before it in its sentence, and to
    bodies joined to that one by `and` or a comma (`Joint Task Force Alpha and ...`)."""
    ordered = sorted(spans)
    for lead in found:
        before = [s for s in ordered if lead.sentence_start <= s[0] and s[1] <= lead.phrase_start]
        if not before:
            continue
        chain = [before[-1]]
        for prev in reversed(before[:-1]):
            if text[prev[1] : chain[-1][0]].strip(" ,\n") not in ("", "and", "&"):
                break
            chain.append(prev)
        for _, _, key in chain:
            row = rows[key]
            if row["lead"] is None:
                row.update(lead=lead.text, lead_start=lead.start, lead_end=lead.end)
