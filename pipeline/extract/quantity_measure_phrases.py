"""Phrases read from tokens for the measure grammar (`quantity_measure`).

Forwards from a number: the noun phrase it modifies and one complement ('55 active land ports
of entry', '400 servicemembers deployed statewide', 'U.S. citizens living in Mexico').
Backwards from it: the subject of a linking verb ('two-way trade in goods totaled'), passing
hedges, verbs and asides. Determiners are dropped and possessives lose their 's.
"""

from __future__ import annotations

import re

from pipeline.extract import quantity_measure_words as vocab
from pipeline.extract.quantity_measure_tokens import Token

POSSESSIVE = re.compile(r"['’]s?\Z")
_DIGIT = re.compile(r"[0-9]").search


def content(token: Token) -> bool:
    """A word a measure may hold: no function word, verb, adverb, number-like code."""
    low = token.low
    if token.kind != "w" or low in vocab.STOP or low in vocab.FINITE:
        return False
    if vocab.is_number_word(low):
        return False
    if _DIGIT(low) and "-" not in low:
        return False  # 'FY2022', 'G20'; 'H-2B' and 'COVID-19' stay
    return token.capital or not vocab.is_adverb(low) or low in vocab.TIME_ADJECTIVES


def participle(token: Token) -> bool:
    low = token.low
    if token.kind != "w" or token.capital or "-" in low:
        return False  # 'medium-sized', 'now-terminated' are adjectives
    return low in vocab.IRREGULAR_PARTICIPLES or (len(low) > 4 and low.endswith(("ed", "ing")))


def bare(token: Token) -> str:
    return POSSESSIVE.sub("", token.low)


def plural(low: str) -> bool:
    if low in vocab.IRREGULAR_PLURALS:
        return True
    return low.endswith("s") and not low.endswith("ss") and low not in vocab.PLURAL_FORM


def _verb_after_noun(tokens: list[Token], i: int) -> bool:
    """Whether tokens[i], after a noun, is that noun's verb ('states sell more', 'governments
    share a', 'people pass through') rather than the next word of a compound noun."""
    token = tokens[i]
    if i == 0 or i + 1 >= len(tokens) or not content(token) or token.capital:
        return False
    if participle(token):
        return False
    nxt = tokens[i + 1]
    if nxt.kind == "n" or nxt.low in vocab.VERB_FOLLOWERS:
        return True
    # 'people pass each day', 'states count Mexico': a plural subject and its base verb
    plural_subject = plural(tokens[i - 1].low) and not token.low.endswith("s")
    weak = nxt.low in vocab.PREPOSITIONS or nxt.low in ("each", "every") or nxt.capital
    return plural_subject and weak


def _state_verb(tokens: list[Token], i: int) -> bool:
    """A verb of state with a complement ('live in', 'cross our'), not a noun ('work permits')."""
    if i + 1 >= len(tokens) or tokens[i].low not in vocab.STATE_VERBS:
        return False
    nxt = tokens[i + 1].low
    return nxt in vocab.PREPOSITIONS or nxt in vocab.DETERMINERS or nxt == "as"


def noun_phrase(tokens: list[Token], i: int) -> tuple[list[str], int]:
    """The words of the noun phrase at `i` (determiners dropped) and the index after it."""
    n = len(tokens)
    while i < n and tokens[i].low in vocab.DETERMINERS:
        i += 1
    words: list[str] = []
    while i < n:
        token = tokens[i]
        if words and (_state_verb(tokens, i) or _verb_after_noun(tokens, i)):
            break
        nxt = tokens[i + 1].low if i + 1 < n else ""
        if (
            words
            and participle(token)
            and (
                nxt in vocab.PREPOSITIONS
                or nxt in vocab.ARTICLES
                or (i + 1 < n and tokens[i + 1].kind == "n")
            )
        ):
            break  # a participle with its own complement: a part of its own
        if content(token) and not (words and token.low in vocab.TIME_ADJECTIVES):
            words.append(bare(token))
            i += 1
            continue
        if words and token.low in vocab.NAME_LINKS and tokens[i - 1].capital:
            j = i
            while j < n and j - i < 2 and tokens[j].low in vocab.NAME_LINKS:
                j += 1
            if j < n and tokens[j].kind == "w" and tokens[j].capital:
                words.extend(t.low for t in tokens[i:j] if t.low not in vocab.DETERMINERS)
                i = j
                continue
        if words and token.low in ("and", "or") and _coordinated(tokens, i + 1):
            words.append(token.low)
            i += 1
            continue
        break
    return words, i


def _coordinated(tokens: list[Token], i: int) -> bool:
    """Whether tokens[i], after 'and', is another noun rather than a verb or participle."""
    if i >= len(tokens) or not content(tokens[i]) or _verb_after_noun(tokens, i):
        return False
    return not participle(tokens[i]) or (i + 1 < len(tokens) and content(tokens[i + 1]))


def object_phrase(tokens: list[Token], i: int) -> tuple[list[str], int]:
    """A noun phrase as the object of a preposition, with one 'of' inside it; none when it is
    a date or a time ('in the June 2, 2024, election', 'on a typical business day')."""
    inner, after = noun_phrase(tokens, i)
    if inner and after < len(tokens) and tokens[after].low == "of":
        nested, nested_end = noun_phrase(tokens, after + 1)
        if nested:
            inner, after = [*inner, "of", *nested], nested_end
    if after < len(tokens) and (tokens[after].kind == "n" or tokens[after].low in vocab.TIME_NOUNS):
        return [], after
    if len(inner) == 1 and inner[0] in vocab.CALENDAR:
        return [], after  # 'on Tuesday', 'in September'
    return inner, after


def complemented(tokens: list[Token], i: int, as_object: bool = False) -> list[list[str]]:
    """The noun phrase at `i` (read as a preposition's object when `as_object`) and one
    complement: a prepositional phrase, a participle with its complement, or a verb of state
    turned -ing with its complement. A list of parts."""
    words, i = object_phrase(tokens, i) if as_object else noun_phrase(tokens, i)
    if not words:
        return []
    parts = [words]
    if i >= len(tokens):
        return parts
    token = tokens[i]
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    if token.low in vocab.PREPOSITIONS:
        inner, _ = object_phrase(tokens, i + 1)
        if inner:
            parts.append([token.low, *inner])
    elif _state_verb(tokens, i) or participle(token):
        verb = vocab.STATE_VERBS.get(token.low, token.low)
        if nxt in vocab.PREPOSITIONS or nxt == "as":
            rest, _ = object_phrase(tokens, i + 2)
            part = [verb, nxt, *rest] if rest else []
        else:
            rest, _ = noun_phrase(tokens, i + 1)
            part = [verb, *rest] if rest else []
        if part or token.low.endswith("ed"):
            parts.append(part or [verb])
    return parts


def fit(parts: list[list[str]]) -> list[str]:
    """The first parts that fit in the word limit (the head phrase cut from the left)."""
    out = parts[0][-vocab.MAX_WORDS :] if parts else []
    for part in parts[1:]:
        if len(out) + len(part) > vocab.MAX_WORDS and "of" in part[1:]:
            part = part[: part.index("of", 1)]  # 'from governments (of ...)'
        if len(out) + len(part) > vocab.MAX_WORDS:
            break
        out = out + part
    return out


def skip_hedges(tokens: list[Token], i: int) -> int:
    """Index of the last token before `i` that is no hedge or determiner ('more than the',
    'some of the', 'up to')."""
    i -= 1
    while i >= 0:
        low = tokens[i].low
        if low in vocab.HEDGES or (
            i > 0
            and (low, tokens[i - 1].low)
            in {("of", "some"), ("of", "upwards"), ("of", "total"), ("to", "up"), ("to", "close")}
        ):
            i -= 1
        else:
            break
    return i


def subject(tokens: list[Token], end: int) -> tuple[list[str], int]:
    """The phrase read backwards from tokens[:end] ('two-way trade in goods totaled'), and the
    index of the token it stopped at; an aside between commas is passed over ('Remittances,
    mostly from the U.S., reached'), a verb before a noun ends it ('Mexico accepted')."""
    i, only_hedges, links = end - 1, end == len(tokens), []
    skipped = (vocab.LINKING, vocab.FINITE, vocab.AUXILIARIES)
    while i >= 0:
        low = tokens[i].low
        if low in vocab.HEDGES:
            i -= 1
        elif (
            any(low in group for group in skipped)
            or (only_hedges and i > 0 and _verb_before_number(tokens, i))
            or (participle(tokens[i]) and i > 0 and tokens[i - 1].low in vocab.MODALS)
        ):
            i, only_hedges = i - 1, False
            links.append(low)
        else:
            break
    # 'a border of nearly two thousand miles': the number's own noun, up to its article
    own_noun = links == ["of"]
    if i > 0 and tokens[i].text == ",":
        opening = [k for k in range(i - 1, max(-1, i - 12), -1) if tokens[k].text == ","]
        if opening and all(t.low not in vocab.FINITE for t in tokens[opening[0] : i]):
            i = opening[0] - 1
    words: list[str] = []
    while i >= 0 and len(words) < vocab.MAX_WORDS:
        token = tokens[i]
        previous = tokens[i - 1] if i > 0 else None
        if content(token) and token.low not in ("fiscal", "fy"):
            if words and previous and _verb_before_object(token, previous, tokens[i + 1]):
                break
            words.insert(0, bare(token))
        elif words and (token.low in vocab.PREPOSITIONS or token.low == "per"):
            words.insert(0, token.low)
        elif words and vocab.is_number_word(token.low):
            pass  # 'Mexico's six border states': the count is not the measure
        elif words and token.low in vocab.DETERMINERS and previous:
            if own_noun or previous.low not in vocab.PREPOSITIONS:
                break  # 'investment in the United States' goes on
        elif words and previous and _inner_link(token, previous):
            words.insert(0, token.low)
        else:
            break
        i -= 1
    while words and (words[0] in vocab.PREPOSITIONS or words[0] in ("and", "or")):
        words.pop(0)
    return words, i


def _verb_before_object(token: Token, previous: Token, following: Token) -> bool:
    """'Mexico accepted reductions', 'would raise U.S. food prices', 'reform ended Pemex's',
    'investors hold assets': read backwards, a word that is the verb of the phrase after it,
    not a modifier ('the number of individuals encountered nationwide')."""
    if token.capital:
        return False
    if previous.low in vocab.MODALS:
        return True
    if not (participle(token) and token.low.endswith("ed")):
        # 'investors hold assets': a plural subject's base verb before its object
        base = not token.low.endswith("s") and not participle(token)
        owner = "'" in previous.low or "’" in previous.low  # 'Mexico's public sector'
        subject = content(previous) and plural(previous.low) and not owner
        return base and subject and content(following) and not participle(following)
    return previous.capital or (content(previous) and following.capital)


def _verb_before_number(tokens: list[Token], i: int) -> bool:
    """'and cost some 835 billion pesos': a lower-case word right before a number (and its
    hedges) with no article before it is the number's verb."""
    token, previous = tokens[i], tokens[i - 1]
    if not content(token) or token.capital or previous.low in vocab.DETERMINERS:
        return False
    if content(previous):  # after a noun only a verb form is a verb ('exports averaged')
        plural_subject = plural(previous.low) and not token.low.endswith("s")
        return participle(token) or token.low in vocab.FINITE or plural_subject
    if plural(token.low) and not participle(token):
        return False  # 'charged migrants $8,000': the object, not a verb
    return previous.text not in ":(," or participle(token)


def _inner_link(token: Token, previous: Token) -> bool:
    """'goods and services', 'Alliance on Vaccines': a word joining two parts of a phrase."""
    if token.low in ("and", "or") and content(previous):
        return True
    return token.low in vocab.NAME_LINKS and previous.capital


def phrase_before(tokens: list[Token], end: int) -> list[str]:
    return subject(tokens, end)[0]


def name_run(tokens: list[Token], i: int, step: int) -> list[Token]:
    """Up to three capitalized words from `i` on, walking by `step`, in text order."""
    run = []
    while 0 <= i < len(tokens) and tokens[i].kind == "w" and tokens[i].capital and len(run) < 3:
        run.append(tokens[i])
        i += step
    return run[::step]
