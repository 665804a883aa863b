"""Bibliographic fields of one endnote entry, and dates as printed in running text.

An entry is cut into authors, title, container, date, url and DOI from the punctuation
of the common citation styles (Chicago, MLA, APA): the title is the first quoted or
italic (`*...*`) span, the authors are what precedes it, the container is the italic or
the first comma/period segment after it. An access date ('Accessed April 4, 2025') is
kept apart: it says when the source was read, not when it was published.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_MDY = re.compile(rf"\b(?P<m>{_MONTH})[ \t]+(?P<d>\d{{1,2}}),?[ \t]+(?P<y>(?:19|20)\d\d)\b")
_DATE_DMY = re.compile(rf"\b(?P<d>\d{{1,2}})[ \t]+(?P<m>{_MONTH})[ \t]+(?P<y>(?:19|20)\d\d)\b")
_DATE_APA = re.compile(rf"\((?P<y>(?:19|20)\d\d),[ \t]+(?P<m>{_MONTH})[ \t]+(?P<d>\d{{1,2}})\)")
_DATE_MY = re.compile(rf"\b(?P<m>{_MONTH})[ \t]+(?P<y>(?:19|20)\d\d)\b")
_DATE_SEASON = re.compile(r"\b(?:Spring|Summer|Fall|Autumn|Winter)[ \t]+(?:19|20)\d\d\b")
_DATE_YEAR = re.compile(r"(?:(?<=\()|(?<=,[ \t]))(?:19|20)\d\d(?=[),.])")
_ACCESSED = re.compile(r"\b(?:accessed|retrieved)(?:[ \t]+on)?[ \t]+", re.IGNORECASE)

_URL = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|\b[A-Za-z0-9][A-Za-z0-9.-]*\.(?:com|org|gov|net|edu|mil|int|io|us|mx|info|news)/\S*",
    re.IGNORECASE,
)
_DOI = re.compile(r"\b10\.\d{4,9}/\S+")
_QUOTED = re.compile(r"“(?P<curly>[^”\n]+)”|\"(?P<straight>[^\"\n]+)\"")
_ITALIC = re.compile(r"\*(?P<italic>[^*\n]+)\*")
# A segment ends at a comma or at a full stop that does not close an initial (J., U.S.).
_SEGMENT_END = re.compile(r"(?:,|(?<!\b[A-Z])\.)(?:\s|$)")
_SENTENCE_STOP = re.compile(r"(?<!\b[A-Z])\.(?:\s|$)")
_SURNAME_FIRST = re.compile(r"[A-Z][\w'’-]+,[ \t]+[A-Z]")
_PUBLISHER_IN_PARENS = re.compile(r"\([^():]+:[ \t]*(?P<publisher>[^(),]+),[ \t]*(?:19|20)\d\d\)")
_TRAILING_PUNCT = ".,;:)]}\"'”’"
_APA_TITLE_BEFORE_ITALIC = re.compile(
    r"[^()]*\((?:19|20)\d\d[^()]{0,20}\)\.[ \t]+(?P<title>[^*]*[^*\s])[ \t]*$"
)
_VOLUME = re.compile(r"[ \t]+\d{1,4}$")
ENTRY_FIELDS = ("authors", "title", "container", "date", "date_text", "accessed_date", "url", "doi")


# What a citation has and an explanation seldom does: a link, a quoted title, pages,
# volume and issue, an author ('by ...'), 'See', 'Ibid', 'accessed', a publication date.
_CITATION_MARKS = re.compile(
    r"https?://|www\.|\bdoi\b|doi:|\bIbid\b|\bId\.|\bet[ \t\xa0]al\.|\b[Aa]ccessed\b"
    r"|\b[Rr]etrieved\b|\b[Aa]vailable[ \t\xa0]at\b|[“”\"]|\bpp?\.[ \t\xa0]*[0-9ivx]"
    r"|[0-9][ \t\xa0]+pp?\.|\b[Nn]o\.[ \t\xa0]*[0-9]|\b[Vv]ol\.|\bby[ \t\xa0]+[A-Z]|\b[Ss]ee\b"
    r"|\b(?:Report|Journal|Review|Press|Proceedings|Working[ \t\xa0]Paper|Insight"
    r"|In[ \t\xa0]Focus)\b"
    rf"|\(Washington|\b{_MONTH}[ \t\xa0]+(?:[0-9]{{1,2}},[ \t\xa0]+)?[0-9]{{4}}"
    r"|,[ \t\xa0]+[0-9]{4}\)?\.?[ \t\xa0]*$"
)


def has_citation_marks(entry: str) -> bool:
    """Whether a note shows any mark of a citation (a link, a quoted title, pages, 'by'
    an author, 'See', a publication date...)."""
    return _CITATION_MARKS.search(entry) is not None


def is_explanation(entry: str) -> bool:
    """Whether a note explains instead of citing: no mark of a citation, and written as
    prose, mostly lower-case words ('CBP counts 26 ports; some include more than one
    crossing'), not a title ('Subject Matter Expert Interview: Chatham House Rules')."""
    words = re.findall(r"[^\W\d_][\w'’-]*", entry)
    lower = sum(1 for w in words if w[0].islower())
    return len(words) >= 6 and 2 * lower >= len(words) and not has_citation_marks(entry)


def _iso(year: str, month: str, day: str | None) -> str | None:
    try:
        return dt.date(int(year), _MONTHS[month.rstrip(".").lower()[:3]], int(day or 1)).isoformat()
    except (KeyError, ValueError):
        return None


def find_date(text: str) -> tuple[str | None, str | None, int, int] | None:
    """The first date in `text`: (ISO date or None when not known to the day, date as
    printed, start, end). Full dates win over month-year, which wins over a bare year."""
    for pattern in (_DATE_APA, _DATE_MDY, _DATE_DMY):
        m = pattern.search(text)
        if m:
            return _iso(m["y"], m["m"], m["d"]), m.group(0).strip("()"), m.start(), m.end()
    for pattern in (_DATE_MY, _DATE_SEASON, _DATE_YEAR):
        m = pattern.search(text)
        if m:
            return None, m.group(0), m.start(), m.end()
    return None


def _clean_url(token: str) -> str:
    return token.rstrip(_TRAILING_PUNCT)


def _strip_authors(text: str) -> str | None:
    text = text.strip().rstrip(",;: \t")
    # A closing full stop goes, unless it ends an initial or an abbreviation ('C. R.').
    keeps_stop = re.search(r"(?:\b[A-Z]|\bal|\bInc|\bJr|\bSr)\.$", text)
    if text.endswith("..") or (text.endswith(".") and not keeps_stop):
        text = text[:-1]
    return text.strip() or None


def _first_segment(text: str) -> str | None:
    text = text.lstrip(' \t.,;:*_”"’)')
    m = _SEGMENT_END.search(text)
    return (text[: m.start()] if m else text).strip(" \t*_") or None


def _sentence_pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of the full-stop separated pieces of `text`, blanks dropped."""
    pieces, start = [], 0
    for m in _SENTENCE_STOP.finditer(text):
        pieces.append((start, m.start()))
        start = m.end()
    pieces.append((start, len(text)))
    out = []
    for a, b in pieces:
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        if chunk.strip():
            out.append((a + lead, a + len(chunk.rstrip())))
    return out


def _container_after(rest: str) -> str | None:
    segment = _first_segment(rest)
    if segment:
        # A journal's volume number is not part of its name ('Texas Water Journal 15').
        segment = _VOLUME.sub("", segment) or None
    if not segment or _URL.match(segment) or _ACCESSED.match(segment):
        return None
    found = find_date(segment)
    if found and found[2] == 0:
        return None
    return segment


def parse_entry(body: str) -> dict[str, Any]:
    """Bibliographic fields of one endnote's text (the marker already removed)."""
    out: dict[str, Any] = dict.fromkeys(ENTRY_FIELDS)
    url = _URL.search(body)
    if url:
        out["url"] = _clean_url(url.group(0))
    doi = _DOI.search(body)
    if doi:
        out["doi"] = _clean_url(doi.group(0))
    # Dates and segments are read from the text without its addresses, whose digits and
    # dots look like both.
    plain = _URL.sub(lambda m: " " * len(m.group(0)), body)

    accessed = _ACCESSED.search(plain)
    if accessed:
        found = find_date(plain[accessed.end() : accessed.end() + 40])
        if found and found[2] == 0:
            out["accessed_date"] = found[0]
            stop = accessed.end() + found[3]
            plain = plain[: accessed.start()] + " " * (stop - accessed.start()) + plain[stop:]

    title_start = title_end = None
    quoted = _QUOTED.search(plain)
    italic = _ITALIC.search(plain)
    if quoted and (not italic or quoted.start() < italic.start()):
        out["title"] = (quoted["curly"] or quoted["straight"]).strip().rstrip(",.;: ")
        title_start, title_end = quoted.start(), quoted.end()
        after_italic = _ITALIC.search(plain, title_end)
        if after_italic and not plain[title_end : after_italic.start()].strip(" \t.,;:"):
            out["container"] = after_italic["italic"].strip().rstrip(",.;: ")
    elif italic and _APA_TITLE_BEFORE_ITALIC.match(plain[: italic.start()]):
        # APA journal article: 'Author (2023, June 5). Title. *Journal*, 19(2)'.
        apa = _APA_TITLE_BEFORE_ITALIC.match(plain[: italic.start()])
        title_start, title_end = apa.start("title"), apa.end("title")
        out["title"] = apa["title"].strip().rstrip(",.;: ")
        out["container"] = italic["italic"].strip().rstrip(",.;: ")
    elif italic:
        out["title"] = italic["italic"].strip().rstrip(",.;: ")
        title_start, title_end = italic.start(), italic.end()
        publisher = _PUBLISHER_IN_PARENS.search(plain, title_end)
        if publisher and not plain[title_end : publisher.start()].strip(" \t.,;:"):
            out["container"] = publisher["publisher"].strip()
    else:
        opening = re.search(r"[“\"]", plain)
        if opening:
            # An opening quote that is never closed: the title runs to the next full stop.
            stop = _SENTENCE_STOP.search(plain, opening.end())
            title_start, title_end = opening.start(), stop.start() if stop else len(plain)
            out["title"] = plain[opening.end() : title_end].strip() or None
        else:
            segments = _sentence_pieces(plain)
            first = segments[0] if segments else None
            if first and len(segments) > 1 and _SURNAME_FIRST.match(plain, first[0]):
                title_start, title_end = segments[1]
            elif first:
                title_start, title_end = first
            if title_start is not None:
                out["title"] = plain[title_start:title_end].strip().rstrip(",.;: ") or None

    if title_start is not None:
        before = plain[:title_start]
        apa = re.search(r"\((?:19|20)\d\d", before)
        out["authors"] = _strip_authors(before[: apa.start()] if apa else before)
        if out["container"] is None and title_end is not None:
            out["container"] = _container_after(plain[title_end:])
        dated = plain[:title_start] + " " * (title_end - title_start) + plain[title_end:]
    else:
        dated = plain
    found = find_date(dated)
    if found:
        out["date"], out["date_text"] = found[0], found[1]
    return out
