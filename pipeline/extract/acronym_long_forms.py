"""Where an acronym's long form starts: the Schwartz & Hearst (2003) backward match and
the project's extensions to it (see `acronyms`), as pure functions of strings.

- `schwartz_hearst_start`: the published algorithm, every letter of the short form found
  right to left, the first at the start of a word;
- `valid_long_form`: the published limits on a long form's length;
- `with_initialism`: a dotted country initialism just before is part of the name;
- `fuller_name_start`: a capitalized name whose initials spell more of the acronym wins
  over the shortest match;
- `reordered_initials_start`: the name's initials are the acronym's letters in another
  order (an English name keeping its Spanish acronym);
- `name_article_start`: a capitalized article inside a sentence is part of the name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Words that may stand inside a name between its capitalized words, English and Spanish.
CONNECTORS = frozenset(str.split("of the and for on in & to de del la las los y para e el al"))
_WORD = re.compile(r"\S+")


@lru_cache(maxsize=4096)  # called for every character a long-form search looks at
def _fold(ch: str) -> str:
    """Lower-case without diacritics, one character in, one out (offsets stay put)."""
    return unicodedata.normalize("NFD", ch)[0].lower()


def schwartz_hearst_start(short: str, long: str) -> int | None:
    """Offset in `long` where the shortest matching long form starts, or None.

    The published backward match: every letter or digit of `short` is found in `long`
    right to left, the first one at the start of a word.
    """
    chars = [_fold(c) for c in short if c.isalnum()]
    if not chars:
        return None
    li = len(long) - 1
    for si in range(len(chars) - 1, -1, -1):
        ch = chars[si]
        while li >= 0 and (
            _fold(long[li]) != ch or (si == 0 and li > 0 and long[li - 1].isalnum())
        ):
            li -= 1
        if li < 0:
            return None
        li -= 1
    first = li + 1
    word_start = max(long.rfind(" ", 0, first), long.rfind("\n", 0, first)) + 1
    while word_start < first and not long[word_start].isalnum():
        word_start += 1
    return word_start


def valid_long_form(short: str, long: str, in_name: bool = False) -> bool:
    """The published limits on a long form's length; `in_name` (a name right before its
    bracket) leaves out the connectors a name holds ('Instituto de los Mexicanos en el
    Exterior (IME)'), which a glossary line's free text does not get."""
    if len(long) <= len(short) or not long[0].isalnum():
        return False
    words = long.split()
    counted = [w for w in words if w.lower() not in CONNECTORS] if in_name else words
    if len(counted) > min(len(short) + 5, 2 * len(short)):
        return False
    return short.lower() not in {w.strip(",;").lower() for w in words}


_COUNTRIES = r"(?:U\.S\.|United States|US|Mexico|México|Canada|North American)"
_COUNTRY_PAIR_BEFORE = re.compile(rf"(?:^|\s)({_COUNTRIES}[-–]{_COUNTRIES}) \Z")


def with_initialism(text: str, start: int) -> int:
    """Include a country's or union's initialism just before a name at `start` (`U.S.` in
    `U.S. Customs ...`, `UN` in `UN Committee on …`), and one capitalized word between
    them that the acronym skips (`U.S. International Development Finance Corporation
    (DFC)`; not an owner's name: `U.S. Border Patrol Centralized Processing Center
    (CPC)`); never before a common noun phrase (`U.S. foreign direct investment (FDI)`)."""
    if not text[start : start + 1].isupper():
        return start
    before = text[max(0, start - 40) : start]
    pair = _COUNTRY_PAIR_BEFORE.search(before)
    if pair:  # 'U.S.-Mexico Security Implementation Group (SIG)': the name's country part
        return start - len(pair.group(1)) - 1
    # 'the UN Committee on Enforced Disappearances (CED)': an undotted UN or EU as well
    # (a line break may stand for the space: 'from the U.S.⏎International Development …')
    match = re.search(r"(?:^|\s)((?:[A-Z]\.){2,}|UN|EU)((?:[ \n][A-Z][a-z]+)?)[ \n]$", before)
    return start - len(match.group(1)) - len(match.group(2)) - 1 if match else start


def _initials_matched(words: list[str], letters: list[str]) -> int:
    """How many acronym letters the words' initials spell, in order (an LCS)."""
    initials = [_fold(part[0]) for w in words for part in re.split(r"[-/]", w) if part]
    prev = [0] * (len(letters) + 1)
    for ini in initials:
        cur = [0]
        for j, letter in enumerate(letters):
            cur.append(prev[j] + 1 if ini == letter else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def _content_words(span: str) -> list[str]:
    words = [w.strip(",;“”\"'") for w in span.split()]
    return [w for w in words if w and w.lower() not in CONNECTORS and w[0].isalnum()]


def fuller_name_start(text: str, window: int, start: int, end: int, short: str) -> int:
    """Move the start left over a capitalized name when its initials spell more of the
    acronym: the shortest match of `Agencia Nacional de Aduanas de México (ANAM)` is
    `Aduanas de México`, which the published algorithm accepts."""
    letters = [_fold(c) for c in short if c.isalpha()]
    best, best_score = start, _initials_matched(_content_words(text[start:end]), letters)
    run_start = _name_run_start(text, window, start)
    for w in reversed(list(_WORD.finditer(text, run_start, start))):
        word_start = w.start() + _emphasis_width(w.group(0))
        if word_start == w.end() or _fold(text[word_start]) != letters[0]:
            continue
        score = _initials_matched(_content_words(text[word_start:end]), letters)
        if score > best_score:
            best, best_score = word_start, score
    return best


def _emphasis_width(word: str) -> int:
    """Markdown emphasis marks opening a word ('**Rapid', '_Rapid'): not part of a name."""
    return len(word) - len(word.lstrip("*_"))


def _name_run_start(text: str, window: int, end: int, possessive: bool = False) -> int:
    """Start of the capitalized name (function words allowed inside) ending at `end`; a
    possessive word ends it ('Mexico’s'), unless `possessive` lets one stand inside
    ('Attorney General’s Office')."""
    start = end
    for w in reversed(list(_WORD.finditer(text, window, end))):
        lead = _emphasis_width(w.group(0))
        token = w.group(0)[lead:].strip(",")
        if token.lower() in CONNECTORS:
            continue
        owned = token.endswith(("'s", "’s"))
        if not token[:1].isupper() or (owned and (not possessive or start == end)):
            break
        start = w.start() + lead
    return start


def spelled_by_initials(long: str, short: str) -> bool:
    """Whether the content words' initials spell every letter of `short` in order; the
    published match may take letters from inside words ('Institute' for INE)."""
    letters = [_fold(c) for c in short if c.isalpha()]
    return _initials_matched(_content_words(long), letters) == len(letters)


# A capitalized article that is part of a name: it stands inside a sentence, after a
# lower-case word or a comma ('made through⏎The Depository Trust Company', 'Researcher, El
# Colegio de la Frontera Norte'); at a sentence's start it is only capitalized there.
# Not after another article: 'levees along the⏎The U.S. Section' prints one twice.
_NAME_ARTICLE = re.compile(
    r"(?<=[a-z,])(?<!\bthe)(?<!\b[ae]l)(?<!\bla)(?<!\blos)(?<!\blas)"
    r"([ \t]*\n?[ \t]*)\b(The|El|La|Los|Las)[ \t]*\n?[ \t]*\Z"
)
# A line that short ending before the article is a heading ('Trade agreements⏎The …'),
# not a hard-wrapped sentence.
_WRAPPED_LINE = 40


def name_article_start(text: str, window: int, start: int) -> int:
    """Move `start` left over a capitalized article printed as part of the name."""
    article = _NAME_ARTICLE.search(text, max(window, start - 40), start)
    if not article:
        return start
    if "\n" in article.group(1):
        line_end = article.start(1)
        if line_end - (text.rfind("\n", 0, line_end) + 1) < _WRAPPED_LINE:
            return start
    return article.start(2)


def reordered_initials_start(text: str, window: int, end: int, short: str) -> int | None:
    """Start of the capitalized name before `end` whose initials are the acronym's
    letters in another order (`National Migration Institute (INM)`), or None."""
    letters = sorted(_fold(c) for c in short if c.isalpha())
    initials: list[str] = []
    for w in reversed(list(_WORD.finditer(text, window, end))):
        token = w.group(0).strip(",")
        if token.lower() in CONNECTORS:
            continue
        if not token[:1].isupper() or token.endswith(("'s", "’s")):
            return None
        initials.append(_fold(token[0]))
        if len(initials) >= 2 and sorted(initials) == letters:
            return w.start()
        if len(initials) >= len(letters):
            return None
    return None


# Head nouns of public bodies: an English name built on one of them, right before an
# acronym of other letters, is that body's name translated ('National Chamber of Freight
# Transportation (CANACAR)', the Cámara Nacional del Autotransporte de Carga).
_BODY_NOUNS = frozenset(
    (
        *("chamber", "commission", "secretariat", "ministry", "institute", "council"),
        *("committee", "agency", "office", "bank", "association", "confederation"),
        *("federation", "board", "service", "administration", "department", "center"),
        *("centre", "fund", "guard", "court", "tribunal", "union", "attorney"),
        # and in Spanish: 'la Oficina de Aduanas y Protección Fronteriza de Estados Unidos (CBP)'
        *("oficina", "secretaría", "comisión", "instituto", "consejo", "comité", "agencia"),
        *("banco", "asociación", "confederación", "federación", "junta", "servicio"),
        *("administración", "departamento", "centro", "fondo", "guardia", "cámara"),
        *("procuraduría", "fiscalía", "unidad"),
        # and the named things a translated name keeps its acronym for: 'Manufacturing,
        # Maquila and Export Services Industry (IMMEX)', 'Federal Taxpayer Registry (RFC)'
        *("industry", "registry", "law", "program", "programme", "standard", "cluster"),
    )
)


# What may stand before a whole name: an article or preposition, punctuation, a line start.
_NAME_OPENS = re.compile(
    r"(?:^|[\n(,;:]|\b(?:[Tt]he|by|of|to|from|with|and|an?|[Ll]as?|[Ee]l|[Ll]os|de|del|por|en|y)"
    r"|[’']s)[ \t]*\Z"
)
# An article or line start before a name with a possessive inside: 'The Attorney General’s
# Office (FGR)'; without it the possessive owns the name ('Mexico’s Secretariat of …').
_OWNER_BEFORE = re.compile(r"(?:^|\n|\b[Tt]he)[ \t]*\Z")


def _plain_capitalized(word: str) -> bool:
    """'Safety', 'Agro-Alimentary': each part a capital, then lower case."""
    return all(part[:1].isupper() and part[1:].islower() for part in word.split("-"))


def translated_name_start(
    text: str, window: int, end: int, short: str, stated: bool = False
) -> int | None:
    """Start of a capitalized name of two or more words before `end` that names a public
    body (one of its words a body noun), for an acronym in capitals that its initials do
    not spell (of two letters only after a name a body noun heads: 'Ministry of Economy
    (SE)'); None when there is no such name. `stated`: the bracket says the acronym is
    the other language's ('por sus siglas en inglés'), so the name needs no body noun
    ('Red Electrónica Segura para la Inspección Rápida de Viajeros')."""
    letters = sum(c.isalpha() for c in short)
    if letters < 2 or any(c.islower() for c in short):
        return None  # 'System for Award Management (SAM.gov)': a web address, not its acronym
    if letters == 2 and not short.isalpha():
        return None  # 'Office of Congresswoman (AZ-07)' names a district
    owned = _name_run_start(text, window, end, possessive=True)
    starts = [_name_run_start(text, window, end)]  # 'Mexico’s Secretariat of …': the owner
    first = (text[owned:end].split(maxsplit=1) or [""])[0]
    if not first.endswith(("'s", "’s")):
        if _OWNER_BEFORE.search(text, max(0, owned - 30), owned):
            # 'the Attorney General’s Office'; else the body after an owner ('the U.S. Food
            # and Drug Administration and Mexico’s National Service for …')
            starts.insert(0, owned)
    elif (after_owner := _WORD.search(text, owned + len(first), end)) is not None:
        # 'Mexico’s Attorney General’s Office (FGR)': the owner left out, the name's own
        # possessive kept
        starts.insert(0, after_owner.start())
    starts = [_after_lead_in(text, s, end) for s in starts]
    if letters == 2:  # 'the Ministry of Economy (SE)': only a name a body noun heads
        starts = [s for s in starts if _body_headed(text, s, end)]
    return next((s for s in starts if _names_a_body(text, s, end, stated)), None)


# 'According to the National Registry of …': a sentence's opening words, capitalized as
# its first, before the name.
_LEAD_IN = re.compile(r"[A-Z][a-z]+\s+to\s+(?:the\s+)?(?=[A-Z])")


def _after_lead_in(text: str, start: int, end: int) -> int:
    lead = _LEAD_IN.match(text, start, end)
    return lead.end() if lead else start


def _body_headed(text: str, start: int, end: int) -> bool:
    words = _content_words(text[start:end])
    return bool(words) and words[0].lower() in _BODY_NOUNS


def _names_a_body(text: str, start: int, end: int, stated: bool = False) -> bool:
    words = _content_words(text[start:end])
    if len(words) < 2 or not (stated or any(w.lower() in _BODY_NOUNS for w in words)):
        return False
    if text[start:end].split()[-1].lower() in CONNECTORS:
        return False  # 'the Governor of Banco de⏎(SPR)': a name cut off, not a name
    if not all(_plain_capitalized(w) for w in words):
        return False  # 'U.S. MARINESLogistics Coordination Board': not one plain name
    # the name must not go on before the capitals: cut, not translated
    return bool(_NAME_OPENS.search(text, max(0, start - 12), start))


# 'National Standards on Transport, Escort, Detention, and Search (TEDS)', 'Servicio de
# Inmigración y Control de Aduanas (ICE)': the letters spell the words after a
# preposition, and the capitalized head before it names the thing. Not after an article:
# 'United States Section of the International Boundary and Water Commission (IBWC)'
# names the commission, and 'Agents of the …' are not part of any name.
_HEAD_BEFORE_PREPOSITION = re.compile(
    r"(?:^|(?<=[\s(]))((?:[A-Z][\w.’'-]*(?<!'s)(?<!’s)[ \t]+){1,4})"
    r"(?:on|for|of|de|del)[ \t]+\Z"
)


def head_before_preposition(text: str, window: int, start: int) -> int:
    """Move the start of a capitalized long form left over the head and preposition
    printed before it; unchanged when none stands there."""
    if not text[start : start + 1].isupper():
        return start
    head = _HEAD_BEFORE_PREPOSITION.search(text, max(window, start - 60), start)
    if head is None:
        return start
    line_start = text.rfind("\n", 0, head.start()) + 1
    before = text[max(window, line_start) : head.start()].rstrip()
    if not before and line_start - 1 > window:
        # 'and the⏎Special Supplemental Nutrition Program for …': a sentence wrapped
        # before the head, which opens only the line
        above = text[max(window, text.rfind("\n", 0, line_start - 1) + 1) : line_start - 1]
        before = above.rstrip() if above.rstrip()[-1:].islower() else ""
    if not before or before[-1] in ".:!?•-*":
        return start  # the head opens a sentence or a line: 'Deployment of Autonomous …'
    if before[-1].isalpha() and before[-1].isupper():
        return start  # the capitals run on before the head: not where the name starts
    return head.start()


# An acronym written as a word, of its name's first syllables: 'Petróleos Mexicanos (Pemex)',
# 'Cámara Nacional del Autotransporte de Carga (Canacar)', as Mexican bodies print theirs.
WORD_ACRONYM = re.compile(r"[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{3,11}")
_MOST_NAME_WORDS = 8


def syllabic_name_start(text: str, window: int, end: int, token: str) -> int | None:
    """Start of the shortest capitalized name of two or more words ending at `end` whose
    words' openings spell `token` in order: the first word and the last give two letters
    or more, a word between may give one ('Co-pa-r-mex') or none."""
    letters = "".join(_fold(c) for c in token)
    words: list[tuple[int, str]] = []
    for w in reversed(list(_WORD.finditer(text, window, end))):
        word = w.group(0).strip(",")
        if word.lower() in CONNECTORS:
            continue
        if not word[:1].isupper() or len(words) == _MOST_NAME_WORDS:
            break
        words.insert(0, (w.start(), "".join(_fold(c) for c in word)))
    for first in range(len(words) - 2, -1, -1):
        if _spells(letters, [word for _, word in words[first:]]):
            return words[first][0]
    return None


def _spells(letters: str, words: list[str]) -> bool:
    def spelled_from(k: int, j: int) -> bool:  # letters[k:] opening with words[j]
        word, last = words[j], j == len(words) - 1
        for n in range(min(len(word), len(letters) - k), 0, -1):
            if letters[k : k + n] != word[:n] or ((j == 0 or last) and n < 2):
                continue
            if k + n == len(letters):
                if last:
                    return True
                continue
            if any(spelled_from(k + n, later) for later in range(j + 1, len(words))):
                return True
        return False

    return spelled_from(0, 0)
