"""Where a matched long form's name begins, once the backward match has found its letters:
the body's head before them (`Bureau of …`), the country's initials (`U.S. …`), a name
whose initials are the letters reordered when the match reads across a clause or inside
words, an article that is or is not part of the name, the place that owns a department
(`the Texas Department of …`). Pure functions of the text and offsets.
"""

from __future__ import annotations

import re

from pipeline.extract.acronym_long_forms import (
    fuller_name_start,
    head_before_preposition,
    name_article_start,
    reordered_initials_start,
    spelled_by_initials,
    with_initialism,
)

# A body's head noun and 'of' before a long form whose letters skip them: the acronym
# stands for the whole name (ATF, INL are bureaus; USMEX is a center for studies).
# 'the Texas Department of …': the place a body belongs to is part of its name.
# Two names listed: 'the Sinaloa Cartel and the Jalisco New Generation Cartel (CJNG)'.
_LIST_INSIDE = re.compile(r"\b(?:and|y) the\b|\b[a-z]+ and\b")
# Also at a sentence's start: 'Roma, Texas. Texas Department of Public Safety (DPS)'.
_PLACE_BEFORE_HEAD = re.compile(
    r"(?:\b[Tt]he[ \t]+|(?:(?<=[.!?])[ \t]+|^[ \t]*)(?!(?:The|An?|In|On|At|By|For|From|El|La)\b))"
    r"([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)[ \t]+\Z",
    re.M,
)
# 'the New Mexico Economic Development Department (EDD)': the body's head ends its name.
_AGENCY_LAST = re.compile(
    r"\b(?:Department|Agency|Commission|Office|Ministry|Secretariat|Bureau|Statistical Area)\Z"
)
_AGENCY_HEAD = re.compile(r"(?:Department|Bureau|Office|Ministry|Agency|Commission|Secretariat)\b")
_HEAD_OF = re.compile(
    r"(?<![\w-])(?:(?:Bureau|Department|Office|Ministry|Secretariat|Agency|Administration)"
    r"[ \t]+of|(?:Center|Centre|Institute)[ \t]+(?:for|of|on)"
    # and in Spanish: 'Oficina de Alcohol, Tabaco, Armas de Fuego y Explosivos (ATF)'
    r"|(?:Oficina|Secretaría|Dirección|Agencia|Administración)[ \t]+de(?:l|[ \t]+la)?)"
    r"[ \t\n]+(?:the[ \t\n]+)?\Z"
)
# An article opening a long form is not part of the name, whatever letter it gives.
_LEADING_ARTICLE = re.compile(r"(The|the|La|El|Los|Las)[ \t\n]+(?=[A-ZÁÉÍÓÚÑ])")
_SPANISH_ARTICLES = frozenset(("La", "El", "Los", "Las"))
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t\n]+\Z")


def matched_name_start(
    text: str, win: int, cand_start: int, match_start: int, end: int, short: str
) -> int:
    """The start of the name a backward match found at `match_start` belongs to."""
    start = with_initialism(text, fuller_name_start(text, cand_start, match_start, end, short))
    head = _HEAD_OF.search(text, max(win, start - 40), start)
    # 'Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF)': the body's name
    start = head.start() if head else head_before_preposition(text, win, start)
    start = with_initialism(text, start)  # 'U.S. Department of Health and Human Services'
    listed = _LIST_INSIDE.search(text, start, end)
    # 'the Sinaloa Cartel and the Jalisco New Generation Cartel (CJNG)'; 'inflation,
    # measured by the National Consumer Price Index (INPC)': a match across a clause
    # gives way to the name before the bracket whose initials are the letters reordered,
    # and so does a match that opens with a lower-case word ('in the National Consumer
    # Price Index (INPC)') or takes letters from inside words ('Mexican Automotive
    # Industry Association (AMIA)', whose shortest match skips 'Mexican')
    if listed or text[start].islower() or not spelled_by_initials(text[start:end], short):
        start = reordered_initials_start(text, win, end, short) or start
    article = _LEADING_ARTICLE.match(text, start, end)
    # 'the El Paso Public Library (EPPL)': after an English article, a Spanish one opens
    # a place's name
    placed = article and _THE_BEFORE.search(text, max(win, start - 5), start)
    if article and not (placed and article.group(1) in _SPANISH_ARTICLES):
        start = article.end()  # 'The Interbank Equilibrium Interest Rate (TIIE)': Tasa's T
    start = name_article_start(text, win, start)
    owner = _PLACE_BEFORE_HEAD.search(text, max(win, start - 40), start)
    agency = _AGENCY_HEAD.match(text, start) or _AGENCY_LAST.search(text, start, end)
    if owner and agency:
        start = owner.start(1)  # 'the Texas Department of Public Safety (DPS)'
    return start


def body_head_start(text: str, start: int) -> int | None:
    """Where the body's head printed right before `start` begins ('Bureau of' before
    'International Narcotics …' in 'INL: Bureau of International Narcotics …'), if any."""
    head = _HEAD_OF.search(text, max(0, start - 40), start)
    return head.start() if head else None


def owner_inside(text: str, start: int, end: int, short: str) -> bool:
    """Whether a match that takes letters from inside words reaches back past an owner
    ('Mexico’s'): the name is the owner's body after it, not the words before."""
    words = text[start:end].split()
    return any(w.endswith(("'s", "’s")) for w in words[1:-1]) and not spelled_by_initials(
        text[start:end], short
    )
