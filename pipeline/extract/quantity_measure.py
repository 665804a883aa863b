"""What a quantity measures: a short phrase read from the words of its own clause.

The phrase follows the grammar around the number, tried in this order:
- the high end of a range and a number restated in parentheses measure what the number
  before them does ('$100–$110 billion', 'MXN 12,500 million (about US$735 million)');
- money moved by a verb: the verb as a noun where English has one (appropriated ->
  appropriations, committed -> commitment) with its channel, recipient or purpose
  ('appropriated $3.2 billion in equipment ... through the Merida Initiative' ->
  'appropriations through merida initiative'); money placed somewhere is its holder there
  ('a plant worth US$5 bn in Santa Catarina' -> 'plant in santa catarina');
- the noun phrase the number modifies, with one prepositional or participle complement
  ('55 active land ports of entry', '20.1% of U.S. agriculture imports', '$1.8 billion in
  two-way trade', '400 servicemembers deployed statewide'); a verb of state after it becomes
  its -ing form ('1.5 million U.S. citizens live in Mexico' -> 'u.s. citizens living in
  mexico'); an act done to it follows it as a participle, with who did it ('CBP seized 500
  pounds of fentanyl' -> 'fentanyl seized by cbp'); 'for X' after money names the purpose
  ('$15 million for workforce training');
- a 'Label: value' line ('Deportations from Mexico: about 106,000');
- a number compared with or continuing an earlier one in the clause takes that one's
  measure, led by the name it is stated for ('trade with California ($97.8 billion), after
  China ($137.9 billion)' -> 'china total two-way trade with california'; 'from 1,200
  kilograms in 2019 to 8,000 kilograms'; '10 states, 4 in the United States');
- the subject of a linking verb ('two-way trade in goods totaled $538.1 billion').
A thing that is 'our'/'their', or that the clause's subjects 'share', is led by the two
parties the clause names ('California and Mexico ... our 140-mile border' ->
'california-mexico border').
Determiners, hedges and numbers are dropped, possessives lose their 's, and the phrase is
lower-cased and at most eight words, all from the sentence but for the small tables of
`quantity_measure_words` (-ing forms, participles, nouns of verbs). It is a guide for
grouping, not a parse.
"""

from __future__ import annotations

import re

from pipeline.extract import quantity_measure_phrases as phrases
from pipeline.extract import quantity_measure_tokens as tokenizer
from pipeline.extract import quantity_measure_words as vocab
from pipeline.extract.quantity_measure_tokens import Token
from pipeline.extract.quantity_units import UNITS

_REACH_OPENING = 240  # characters read back for the rare rules that need the clause's start
_CLOSE = 6  # tokens between a number and an earlier one it restates or continues
_YEAR = re.compile(r"(?:19|20)[0-9]{2}\Z")
_CURRENCY = frozenset("$€£\\")
_BOUGHT_LINKS = vocab.words("in for and the")


def _opening(text: str, start: int) -> list[Token]:
    """The tokens from the start of the clause up to the number."""
    return tokenizer.window(text, start, start, _REACH_OPENING)[0]


def _parties(tokens: list[Token], end: int) -> str | None:
    """'California and Mexico’s ... our' -> 'california-mexico': two names joined by 'and'."""
    for i in range(1, end - 1):
        if tokens[i].low != "and" or not tokens[i - 1].capital:
            continue
        j = i + 2 if tokens[i + 1].low == "the" else i + 1
        if j >= end or not tokens[j].capital:
            continue
        runs = (phrases.name_run(tokens, i - 1, -1), phrases.name_run(tokens, j, 1))
        names = (_name_words(run) for run in runs)
        return "-".join(names)
    return None


def _name_words(run: list[Token]) -> str:
    return " ".join(phrases.bare(t) for t in run if t.low not in vocab.DETERMINERS)


def _money_by_verb(
    text: str, start: int, before: list[Token], after: list[Token], verb_at: int
) -> list[str] | None:
    """'appropriated $3.2 billion in equipment ... through the Merida Initiative' ->
    appropriations through merida initiative; 'committed to provide $2 billion to X' ->
    commitment to x; 'appropriated $5 million for border security' -> appropriations for..."""
    i, noun = verb_at, None
    while i >= 0 and (before[i].low in vocab.FUNDING or before[i].low in vocab.AUXILIARIES):
        noun = vocab.FUNDING.get(before[i].low, noun)
        i -= 1
    if noun is None:
        return None
    named = noun not in vocab.PARTICIPLE_ONLY
    k = 0  # past what the money bought ('in equipment, training, and ... support')
    while k < len(after) and (
        phrases.content(after[k]) or after[k].text == "," or after[k].low in _BOUGHT_LINKS
    ):
        k += 1
    if named and k + 1 < len(after) and after[k].low in vocab.CHANNELS:
        name, _ = phrases.noun_phrase(after, k + 1)
        first = k + 2 if after[k + 1].low in vocab.DETERMINERS else k + 1
        if name and first < len(after) and _names_a_body(after[first]):
            return phrases.fit([[noun], [after[k].low, *name]])
    opening = _opening(text, start) if named else []
    lead = 1 if opening and opening[0].text in "-*•" else 0
    if len(opening) > lead + 2 and opening[lead].low in vocab.CHANNELS:
        name, k = phrases.noun_phrase(opening, lead + 1)
        if name and k < len(opening) and opening[k].text == ",":
            return phrases.fit([[noun], [opening[lead].low, *name]])
    targets = {"to", "on"} | ({"for"} if named else set())
    if noun == "investment" or _place_follows(after):
        targets.add("in")
    if after and after[0].low in targets:
        recipient, _ = phrases.object_phrase(after, 1)
        if recipient:
            return phrases.fit([[noun], [after[0].low, *recipient]])
    return None


def _names_a_body(token: Token) -> bool:
    """'through the Merida Initiative', not 'under Mexico's NOM standards'."""
    return token.capital and not phrases.POSSESSIVE.search(token.text)


def _place_follows(after: list[Token]) -> bool:
    """'in Santa Catarina', 'in Mexico': money placed somewhere, not spent on something."""
    if len(after) < 2 or after[0].low != "in":
        return False
    name, k = phrases.noun_phrase(after, 1)
    return bool(name) and all(t.capital for t in after[1:k] if t.low not in vocab.NAME_LINKS)


def _relative_funding(after: list[Token]) -> list[str] | None:
    """'$39.84 million that the U.S. has invested in the BMCR framework' -> investment in ..."""
    if not after or after[0].low not in ("that", "which"):
        return None
    for k in range(1, min(len(after), 8)):
        noun = vocab.FUNDING.get(after[k].low)
        if noun:
            if k + 1 < len(after) and after[k + 1].low in vocab.PREPOSITIONS:
                place, _ = phrases.object_phrase(after, k + 2)
                if place:
                    return phrases.fit([[noun], [after[k + 1].low, *place]])
            return [noun]
        if after[k].kind != "w" or after[k].low in vocab.FINITE:
            return None
    return None


def _unit_end(tokens: list[Token], k: int) -> int:
    """Offset just past the number at tokens[k] with its scale and unit words."""
    end, k = tokens[k].end, k + 1
    while k < len(tokens):
        pair = f"{tokens[k].low} {tokens[k + 1].low}" if k + 1 < len(tokens) else ""
        if pair in UNITS or (tokens[k].text == "-" and pair[2:] in UNITS):
            k += 1  # 'metric tons', '1,954-mile'
        elif tokens[k].low not in UNITS and tokens[k].low not in vocab.SCALES:
            break
        end, k = tokens[k].end, k + 1
    return end


def _earlier(
    text: str, tokens: list[Token], at: int, after: list[Token], kind: str, core: bool
) -> list[str] | None:
    """The measure of an earlier number this one is compared with, restates or continues
    ('after China ($137.9 billion)', 'from 1,200 kilograms ... to 8,000 kilograms', '138,000
    pounds, or roughly 62.6 metric tons', '21,148 lbs (9,593 kg)', '10 states, 4 in the United
    States'), led by the name it is stated for; a place of its own replaces the earlier one's."""
    name: list[str] = []
    i = at
    if i >= 0 and tokens[i].text == "(":
        run = phrases.name_run(tokens, i - 1, -1)
        name = [phrases.bare(t) for t in run]
        i -= len(run) + 1
        if not run and i >= 0 and tokens[i].kind in "nw":
            i += 1  # '21,148 lbs (9,593 kg)': the parenthesis restates what is before it
    link = tokens[i].low if i >= 0 else ""
    compared = link in ("with", "to") and i > 0 and tokens[i - 1].low in vocab.COMPARING
    if link not in vocab.COMPARISONS and link not in ("(", "which", "whom") and not compared:
        return None
    close = link in vocab.CLOSE_LINKS
    for k in range(i - 1, max(-1, i - _CLOSE - 1) if close else -1, -1):
        if tokens[k].kind != "n" and not vocab.is_number_word(tokens[k].low):
            continue
        if _YEAR.match(tokens[k].text):
            continue
        first = k
        while first > 0 and (
            tokens[first - 1].text in _CURRENCY or tokens[first - 1].low in vocab.CURRENCY_CODES
        ):
            first -= 1
        range_end = _range_end(tokens, i)
        froms = (t.low == "from" for t in tokens[max(0, first - 3) : k])
        if link == "to" and not (compared or range_end or any(froms)):
            return None  # 'to' compares only in 'from ... to ...' and ranges
        own: list[str] = []
        elided = link in (",", "and", "or", "(") and not range_end
        if not core and elided and after and after[0].low in vocab.PREPOSITIONS:
            place, _ = phrases.object_phrase(after, 1)
            own = [after[0].low, *place] if place else []
        earlier = _measure(text, tokens[first].start, _unit_end(tokens, k), kind, bool(own))
        return phrases.fit([name, earlier, own]) if earlier else None
    return None


def _range_end(tokens: list[Token], at: int) -> bool:
    """Whether the number after tokens[at] is the high end of a range ('150 and 200',
    '$100–$110', '6 to 12 months')."""
    if at < 1 or tokens[at].low not in ("-", "–", "to", "and"):
        return False
    k = at - 1
    if tokens[k].low in UNITS or tokens[k].low in vocab.SCALES:
        k -= 1
    return k >= 0 and tokens[k].kind == "n" and not _YEAR.match(tokens[k].text)


def _with_context(
    text: str, start: int, parts: list[list[str]], before: list[Token], at: int
) -> list[str]:
    """The phrase with the act done to it and who did it ('CBP seized 500 pounds of fentanyl'
    -> 'fentanyl seized by cbp'), the whole it is counted in ('a combined population of 15
    million people') and the parties an 'our'/'their' stands for ('california-mexico border')."""
    previous = before[at].low if at >= 0 else ""
    if parts[0][0] in vocab.GENERIC and previous == "of":
        governor, k = phrases.subject(before, at)
        if governor and k >= 0:
            k -= 1 if before[k].low in vocab.DETERMINERS else 0
            if k >= 0 and before[k].low in vocab.HAVING:
                return phrases.fit([[*phrases.phrase_before(before, k), *governor]])
    if len(parts) > 1 and parts[1][0] == "of":
        parts = [parts[0] + parts[1], *parts[2:]]
    verb_at = at - 1 if previous == "of" else at
    action = vocab.ACTIONS.get(before[verb_at].low) if verb_at >= 0 else None
    if action and action not in parts[0]:
        k = verb_at - 1
        while k >= 0 and before[k].low in vocab.AUXILIARIES:
            k -= 1
        doer = k >= 0 and phrases.content(before[k]) and not phrases.participle(before[k])
        agent = phrases.phrase_before(before, k + 1) if doer else []
        parts = [[*parts[0], action], *([["by", *agent]] if agent else []), *parts[1:]]
    out = phrases.fit(parts)
    if previous in vocab.PERSONAL or previous in ("share", "shares", "shared"):
        opening = _opening(text, start)
        parties = _parties(opening, len(opening) - (len(before) - at))
        if parties:
            out = phrases.fit([[parties, *out]])
    return out


def _ends_amount(token: Token) -> bool:
    """'1,954-mile (': the token ends a number with its unit."""
    return token.kind == "n" or token.low in UNITS or token.low in vocab.SCALES


def _skip_own(text: str, end: int, kind: str, after: list[Token], restating: bool) -> list[Token]:
    """Read past what belongs to the number itself: a restatement in parentheses ('1,954-mile
    (3,145-kilometer) border'), the closing parenthesis of such a restatement, '-old' after an
    age, and the high end of a range this number is the low end of ('150 and 200 fugitives')."""
    if len(after) > 2 and after[0].text == "(":
        for k in range(2, min(len(after), 9)):
            if after[k].text == ")":
                if any(t.kind == "n" for t in after[1:k]):
                    return after[k + 1 :]
                break
    if after and after[0].text == ")" and restating:
        return after[1:]
    if kind == "duration" and len(after) > 1 and after[0].text == "-" and after[1].low == "old":
        return after[2:]
    if len(after) > 1 and after[0].low in ("-", "–", "to", "and"):
        k = 1
        while k < len(after) and after[k].text in _CURRENCY:
            k += 1
        if k < len(after) and after[k].kind == "n":
            k += 1
            while k < len(after) and (after[k].low in UNITS or after[k].low in vocab.SCALES):
                k += 1
            return _skip_rate(after[k:])
    return _skip_rate(after)


def _skip_rate(after: list[Token]) -> list[Token]:
    """'7,500 pesos a year for customs broker registration': the rate is not the measure."""
    if len(after) > 1 and after[0].low in vocab.RATE_WORDS and after[1].low in vocab.TIME_NOUNS:
        return after[2:]
    return after


def _measure(text: str, start: int, end: int, kind: str, core: bool = False) -> list[str]:
    """The measure's words; with `core`, only the noun phrase, without its complement."""
    before, after = tokenizer.window(text, start, end)
    at = phrases.skip_hedges(before, len(before))
    restating = at > 0 and before[at].text == "(" and _ends_amount(before[at - 1])
    closed = restating and bool(after) and after[0].text == ")"
    after = _skip_own(text, end, kind, after, restating)
    if len(after) > 1 and after[0].low in vocab.COMPARATIVES and phrases.content(after[1]):
        after = after[1:]  # '40 percent less rainfall': the rainfall is measured
    previous = before[at].low if at >= 0 else ""
    opener = after[0].low if after else ""
    if restating or _range_end(before, at):
        # '$100–$110 billion', 'MXN 12,500 million (about US$735 million)': the high end and
        # the restatement measure what the number before them does
        # what follows a closed restatement belongs to both numbers, not to this one alone
        earlier = _earlier(text, before, at, [] if closed else after, kind, core)
        if earlier:
            return earlier
    if kind == "money":
        words = _relative_funding(after)
        if not words and at >= 0:
            words = _money_by_verb(text, start, before, after, at)
        if words:
            return words
        if _place_follows(after):
            place, _ = phrases.noun_phrase(after, 1)
            holder = phrases.phrase_before(before, len(before))
            return phrases.fit([holder, ["in", *place]]) if holder else place
        if opener in ("in", "for", "of") or (after and phrases.content(after[0])):
            lead = opener in ("in", "for", "of")
            parts = phrases.complemented(after, 1 if lead else 0, lead)
            if parts:
                return parts[0] if core else _with_context(text, start, parts, before, -1)
    else:
        if opener == "of" and kind == "percent" and previous in vocab.COPULAS | {"at", "to"}:
            subject = phrases.phrase_before(before, len(before))
            if subject:
                return subject  # 'stood at 5.9% of GDP': GDP is the base, not the measure
        parts = phrases.complemented(after, 1 if opener == "of" else 0, opener == "of")
        if parts:
            return parts[0] if core else _with_context(text, start, parts, before, at)
    label = _label_before(text, start)
    if label:
        return label.split()
    earlier = _earlier(text, before, at, after, kind, core)
    if earlier:
        return earlier
    if at >= 0 and before[at].text in "(—–":
        return phrases.phrase_before(before, at)  # 'Most fentanyl — an estimated 88 percent —'

    return phrases.phrase_before(before, len(before))


_LABEL_REACH = 120  # a label and the words between it and its number fit in this
_LABEL = re.compile(
    r"[ \t]*(?:[-*•][ \t]*)?(?:\*\*)?([^\n:*]{2,80}):(?:\*\*)?[ \t]*(?:\S+[ \t]+){0,3}\Z"
)
# Periods in a label are the quantity's period, not what it measures.
_PERIOD_WORDS = re.compile(
    r"(?i:\b(?:fiscal[ \t]+year|FY)[ \t]*[0-9]{2,4}\b|\(?\b(?:18|19|20)[0-9]{2}\b\)?)"
)


def _label_before(text: str, start: int) -> str | None:
    """'Deportations from Mexico: about 106,000' -> 'deportations from mexico'."""
    line_start = text.rfind("\n", max(0, start - _LABEL_REACH), start) + 1
    if line_start == 0 and start > _LABEL_REACH:
        return None  # no line starts near enough for a label to lead to the number
    m = _LABEL.match(text, line_start, start)
    if not m or len(m.group(1).split()) > vocab.MAX_WORDS:
        return None
    label = " ".join(_PERIOD_WORDS.sub(" ", m.group(1)).split()).lower()
    return label or None


def measure_of(text: str, start: int, end: int, kind: str) -> str | None:
    """A short phrase naming what the quantity at text[start:end] measures, or None."""
    words = _measure(text, start, end, kind)
    phrase = " ".join(w for w in words if w not in ("the", "a", "an"))
    return phrase.replace("’", "'") or None
