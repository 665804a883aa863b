"""Recommendations, read from the layout of a document's recommendation sections.

A recommendation section starts at a heading that names recommendations ("Key
Recommendations:", "Policy Recommendations", "Recommendations for Congress"). Two
kinds of heading are told apart by their punctuation:
- a label ending in a colon governs the list (or paragraphs) right under it, and the
  recommendations belong to the section the label stands in (a pillar, a chapter);
- a section heading governs its sub-sections, which become each recommendation's
  `section`, until a closing heading (Conclusion, Endnotes, Appendix...), another
  recommendations heading, or a sub-section that holds no recommendation.

The document's first line is its title, never a section, even when it names
recommendations ("Analysis and Recommendations for U.S. Policy Towards Mexico").

Inside a section a recommendation is a bullet or numbered list item, or a headed
paragraph. The head is either a paragraph of its own (a short sentence with no finite
verb: "Improve supply chain security.") whose following paragraphs are its body, or
the first sentence of a paragraph when it has that shape ("Develop an interagency
task force on arms trafficking. Joint Task Force Alpha ..."), or a **bold** lead.
A "Recommendation 2: ..." line heads one recommendation wherever it stands. A section
with neither lists nor heads counts each paragraph that gives advice (should, must,
recommend, urge) as one recommendation. Paragraphs that continue the previous one
across a page break (the previous one stops without a full stop) are joined first, and
a list split by a page break stays one list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.extract.citations import NOTE_MARKER
from pipeline.extract.sentences import SentenceIndex

_LINE = re.compile(r"[^\n]*\n?")
_BULLET = re.compile(r"[ \t]*(?:[-*•▪◦‣]|\d{1,3}[.)]|\(\d{1,3}\))[ \t]+(?=\S)")
_BARE_BULLET = re.compile(r"[ \t]*[-*•▪◦‣][ \t]*$")
_BOLD_LEAD = re.compile(r"\*\*(?P<lead>[^*\n]{2,200}?)\*\*")
_DECORATION = " \t#*_"
_TERMINAL = ".!?:;"
_CLOSERS = "\"'”’)]*_"
_WORD = re.compile(r"[A-Za-z][\w'’&.-]*")
_SMALL_WORDS = {"of", "and", "the", "for", "in", "on", "to", "a", "an", "at", "by", "with",
                "from", "or", "vs", "via", "into", "through", "&"}  # fmt: skip
_RECOMMENDATIONS = re.compile(r"\brecommendations?\b", re.IGNORECASE)
_NAMES_RECOMMENDATIONS = re.compile(r"recommendation", re.IGNORECASE)
_NUMBERED_RECOMMENDATION = re.compile(r"recommendation[ \t]+\d{1,3}\b[ \t]*[:.–—-]?", re.I)
_CLOSING = re.compile(
    r"(?:conclusions?|concluding remarks|end[ \t]?notes|notes|foot[ \t]?notes|references"
    r"|sources|works cited|bibliography|appendix|appendices|annex|acknowledge?ments"
    r"|about the authors?)\b",
    re.IGNORECASE,
)
# Words that show a sentence states rather than names: a lead names an action.
_FINITE = re.compile(
    r"\b(?:is|are|was|were|will|would|should|must|can|could|may|might|shall|has|have|had"
    r"|does|did)\b",
    re.IGNORECASE,
)
_NOT_A_LEAD_START = {
    "the", "this", "these", "that", "those", "it", "its", "they", "their", "there", "we",
    "our", "such", "additionally", "also", "finally", "furthermore", "moreover", "however",
    "in", "on", "at", "by", "for", "from", "with", "based", "according", "as", "while", "if",
    "when", "although", "because", "since", "given", "under", "to", "a", "an", "one", "each",
    "both", "many", "most", "some", "all", "then", "thus", "therefore", "similarly", "first",
    "second", "third", "lastly", "instead", "yet", "but", "and", "or", "so",
}  # fmt: skip
MAX_LEAD_WORDS = 25
MAX_HEADING_WORDS = 12
_MODAL_ADVICE = re.compile(r"\b(?:should|must|recommends?|urges?|needs? to|ought to)\b", re.I)


@dataclass
class Unit:
    """A heading, a paragraph (joined across page breaks) or a list item."""

    kind: str  # heading | paragraph | item
    start: int
    end: int
    pieces: list[tuple[int, int]] = field(default_factory=list)  # spans joined by page breaks


def _lines(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0).rstrip("\r\n")) for m in _LINE.finditer(text) if m.group(0)]


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _title_like(text: str) -> bool:
    words = [w for w in _words(text) if w.lower() not in _SMALL_WORDS]
    if not words:
        return False
    capitalized = sum(1 for w in words if w[0].isupper())
    return capitalized / len(words) >= 0.75


def _heading_shaped(line: str, standalone: bool) -> bool:
    core = line.strip(_DECORATION)
    words = _words(core)
    if not words or len(words) > MAX_HEADING_WORDS or len(core) > 100:
        return False
    if not (core[0].isupper() or core[0].isdigit()) or core[-1] in ".!?;,":
        return False
    return _title_like(core) or (standalone and len(words) <= 6)


def _heads_paragraph(block: list[tuple[int, str]]) -> bool:
    """Whether a block's first line may be a heading set right above its paragraph, with
    no blank line between ('Recommendations⏎GAO recommended that ...'): the next line
    opens a sentence or a note, and the first line does not stop on a word that carries the
    sentence over ('... the United States and⏎Mexico ...')."""
    if len(block) < 2:
        return False
    words = _words(block[0][1])
    following = block[1][1].lstrip(_DECORATION)
    return (
        bool(words)
        and words[-1].lower() not in _SMALL_WORDS
        and bool(following)
        and (following[0].isupper() or following[0].isdigit() or following[0] in '"“')
    )


def _unfinished(text: str) -> bool:
    core = NOTE_MARKER.sub("", text).rstrip().rstrip(_CLOSERS)
    return bool(core) and core[-1] not in _TERMINAL


def _units(text: str) -> list[Unit]:
    """The document as headings, paragraphs and list items, in order."""
    raw: list[Unit] = []
    block: list[tuple[int, str]] = []

    def close_block() -> None:
        if not block:
            return
        standalone = len(block) == 1
        for i, (start, line) in enumerate(block):
            end = start + len(line.rstrip())
            bullet = _BULLET.match(line)
            next_is_bullet = i + 1 < len(block) and _BULLET.match(block[i + 1][1])
            lead = len(line) - len(line.lstrip())
            if bullet:
                raw.append(Unit("item", start + bullet.end(), end))
            elif (
                standalone or next_is_bullet or (i == 0 and _heads_paragraph(block))
            ) and _heading_shaped(line, standalone):
                raw.append(Unit("heading", start + lead, end))
            elif raw and raw[-1].kind in ("item", "paragraph") and i > 0:
                raw[-1].end = end
            else:
                raw.append(Unit("paragraph", start + lead, end))
        block.clear()

    for start, line in _lines(text):
        if not line.strip() or _BARE_BULLET.match(line):
            close_block()
        else:
            block.append((start, line))
    close_block()

    units: list[Unit] = []
    for unit in raw:
        prev = units[-1] if units else None
        if (
            prev is not None
            and prev.kind in ("paragraph", "item")
            and unit.kind != "item"
            and _unfinished(text[prev.start : prev.end])
        ):
            # The previous paragraph stops mid-sentence: this block is its continuation
            # after a page break, whatever it looks like on its own.
            prev.pieces.append((unit.start, unit.end))
            prev.end = unit.end
            continue
        unit.pieces = [(unit.start, unit.end)]
        units.append(unit)
    return units


def _heading_text(text: str, unit: Unit) -> str:
    return text[unit.start : unit.end].strip(_DECORATION).rstrip(":").strip(_DECORATION)


def _is_recommendations_heading(text: str, unit: Unit) -> bool:
    return bool(_RECOMMENDATIONS.search(_heading_text(text, unit)))


def _first_sentence(index: SentenceIndex, unit: Unit) -> tuple[int, int] | None:
    sentence = index.at(unit.start)
    if sentence is None:
        return None
    return sentence.start, min(sentence.end, unit.end)


def _is_lead(sentence: str) -> bool:
    """A short sentence that names an action or a topic instead of stating a fact."""
    core = sentence.strip(_DECORATION)
    words = _words(core)
    if not words or len(words) > MAX_LEAD_WORDS or core[-1] not in ".!?:":
        return False
    if _FINITE.search(core):
        return False
    first = words[0]
    if _title_like(core):
        return True
    if re.match(r"[\w'’-]+,", core):
        return False  # an introductory word ('Importantly, ...') opens a statement
    return first.lower() not in _NOT_A_LEAD_START and not (first.isupper() and len(first) > 1)


def _lead_of(text: str, index: SentenceIndex, unit: Unit) -> tuple[int, int] | None:
    """Span of the paragraph's head (bold lead or lead sentence), or None."""
    bold = _BOLD_LEAD.match(text, unit.start)
    if bold:
        return bold.start(), bold.end()
    sentence = _first_sentence(index, unit)
    if sentence and (
        _NUMBERED_RECOMMENDATION.match(text, unit.start)
        or _is_lead(text[sentence[0] : sentence[1]])
    ):
        return sentence
    return None


def _clean(text: str, unit_spans: list[list[tuple[int, int]]]) -> str:
    """Text of a recommendation: each paragraph on one line, page breaks and line
    wraps joined, bold marks and note markers dropped (they are in citation_mentions)."""
    paragraphs = []
    for pieces in unit_spans:
        joined = " ".join(text[a:b] for a, b in pieces)
        joined = NOTE_MARKER.sub("", joined.replace("**", ""))
        paragraphs.append(re.sub(r"\s+", " ", joined).strip())
    return "\n".join(p for p in paragraphs if p)


@dataclass
class _Draft:
    start: int
    end: int
    heading: tuple[int, int] | None
    paragraphs: list[list[tuple[int, int]]]
    layout: str
    standalone_head: bool = False


def _section_drafts(text: str, index: SentenceIndex, units: list[Unit]) -> list[_Draft]:
    """Recommendations among the units of one section (no headings inside)."""
    drafts: list[_Draft] = []
    has_structure = any(u.kind == "item" or _lead_of(text, index, u) is not None for u in units)
    open_draft: _Draft | None = None
    for unit in units:
        if unit.kind == "item":
            bold = _BOLD_LEAD.match(text, unit.start)
            drafts.append(
                _Draft(
                    unit.start,
                    unit.end,
                    (bold.start(), bold.end()) if bold else None,
                    [unit.pieces],
                    "list_item",
                )
            )
            open_draft = None
            continue
        after_standalone_head = open_draft is not None and open_draft.standalone_head
        lead = None if after_standalone_head else _lead_of(text, index, unit)
        if lead is not None:
            standalone = lead[1] >= unit.end
            open_draft = _Draft(
                unit.start,
                unit.end,
                lead,
                [unit.pieces],
                "headed_paragraph",
                standalone_head=standalone,
            )
            drafts.append(open_draft)
        elif open_draft is not None:
            open_draft.end = unit.end
            open_draft.paragraphs.append(unit.pieces)
            open_draft.standalone_head = False
        elif not has_structure and _MODAL_ADVICE.search(text[unit.start : unit.end]):
            drafts.append(_Draft(unit.start, unit.end, None, [unit.pieces], "paragraph"))
    return drafts


def _part_name(heading: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", heading.lower()).strip("_")


def extract_recommendations(text: str) -> list[dict[str, Any]]:
    """One record per recommendation, in document order."""
    if not _NAMES_RECOMMENDATIONS.search(text):
        return []  # every recommendation stands under a heading or label that says so
    units = _units(text)
    index = SentenceIndex(text)
    out: list[dict[str, Any]] = []

    def emit(drafts: list[_Draft], part: str, section: str | None) -> None:
        for d in drafts:
            quote = text[d.start : d.end]
            heading = None
            if d.heading:
                heading = text[d.heading[0] : d.heading[1]].strip(" \t*")
            out.append(
                {
                    "char_start": d.start,
                    "char_end": d.end,
                    "quote": quote,
                    "part": part,
                    "section": section,
                    "heading": heading,
                    "text": _clean(text, d.paragraphs),
                    "layout": d.layout,
                    "position": len(out) + 1,
                }
            )

    for unit in units:
        if _NUMBERED_RECOMMENDATION.match(text, unit.start):
            # "Recommendation 2: ..." heads one recommendation, not a section.
            unit.kind = "paragraph"
    last_plain_heading: str | None = None
    i = 0
    while i < len(units):
        unit = units[i]
        if _NUMBERED_RECOMMENDATION.match(text, unit.start):
            body = []
            while i < len(units) and units[i].kind != "heading":
                body.append(units[i])
                i += 1
            emit(_section_drafts(text, index, body), "recommendations", last_plain_heading)
            continue
        if unit.kind != "heading" or i == 0 or not _is_recommendations_heading(text, unit):
            if unit.kind == "heading":
                last_plain_heading = _heading_text(text, unit)
            i += 1
            continue
        title = _heading_text(text, unit)
        part = _part_name(title)
        label = text[unit.start : unit.end].rstrip(_DECORATION).endswith(":")
        i += 1
        if label:
            # A label governs what stands right under it: a list, else paragraphs up to
            # the next heading.
            body = []
            while i < len(units) and units[i].kind != "heading":
                if body and body[0].kind == "item" and units[i].kind != "item":
                    break
                body.append(units[i])
                i += 1
            emit(_section_drafts(text, index, body), part, last_plain_heading or title)
            continue
        section = title
        while i < len(units):
            body = []
            while i < len(units) and units[i].kind != "heading":
                body.append(units[i])
                i += 1
            drafts = _section_drafts(text, index, body)
            if not drafts and section != title:
                last_plain_heading = section
                break
            emit(drafts, part, section)
            if i >= len(units):
                break
            nxt = units[i]
            heading = _heading_text(text, nxt)
            if _CLOSING.match(heading) or _RECOMMENDATIONS.search(heading):
                break
            section = heading
            i += 1
    return out
