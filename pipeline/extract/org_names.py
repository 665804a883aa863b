"""Names of bodies, programs and agreements, found from the shape of the text.

A name is a run of capitalized words (with `of`, `and`, `&`, `de`... between them) that
ends in a head noun -- Board, Group, Program, Initiative, Agreement, Commission, Command,
Task Force, Fund... -- or starts with one and continues with `of/for/on` and more
capitalized words (`Department of Justice`, `Executive Steering Committee for 21st Century
Border Management`) or, for Spanish heads, with capitalized adjectives (`Guardia
Nacional`). The head decides the kind. A few lower-case heads count after a proper name
(`the Fulbright program`). The only word lists are head nouns and function words
(`org_vocabulary`): nothing names a document's bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.org_runs import _Tok, runs
from pipeline.extract.org_vocabulary import (
    _ANY_HEAD,
    _COMPLEMENT,
    _DESIGNATED,
    _HEAD_PARTS,
    _HEADS_FIRST,
    _HEADS_LAST,
    _LIST_AND,
    _LOWER_HEADS,
    _NOT_A_NAME_START,
    _SPANISH_ONLY,
    MILITARY,
    TASK_FORCE,
)

# A longer capitalized run is a title-case heading or sentence, not a name.
_MAX_NAME_WORDS = 12
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_DEMONYM = re.compile(r".*(?:an|ese|ish|ic|i)$")


@dataclass
class Mention:
    start: int
    end: int
    name: str
    kind: str
    head: str
    rule: str


_ARTICLES = frozenset(("the", "la", "el", "los", "las"))


def _head_kind(toks: list[_Tok], i: int) -> str | None:
    """Kind when toks[i] closes a name, else None."""
    word = toks[i].text
    if word == "Forces":
        return MILITARY if i and toks[i - 1].text == "Armed" else None
    if word == "Force" and i and toks[i - 1].text == "Task":
        return TASK_FORCE
    return _HEADS_LAST.get(word)


def _split_commas(run: list[_Tok]) -> list[list[_Tok]]:
    """Keep the commas of a serial list: one-word items (`Alcohol, Tobacco, Firearms and
    Explosives`) or any items closed by `, and` (`Security, Public Health, and Safe
    Communities`); any other comma separates names (`Army, Air Force, Navy`)."""
    oxford = max(
        (i for i, t in enumerate(run[:-1]) if t.kind == "comma" and run[i + 1].text in _LIST_AND),
        default=-1,
    )
    parts, cur = [], []
    for i, tok in enumerate(run):
        if tok.kind != "comma":
            cur.append(tok)
            continue
        serial = i <= oxford or _one_word_items_follow(run, i + 1)
        if serial:
            cur.append(tok)
        else:
            parts.append(cur)
            cur = []
    parts.append(cur)
    return [p for p in parts if p]


def _one_word_items_follow(run: list[_Tok], k: int) -> bool:
    """Whether run[k:] goes on as one-word items up to `and`: `Tobacco, Firearms and
    Explosives`, not `G20, Asia-Pacific Economic Cooperation`."""
    while k + 1 < len(run) and run[k].kind == "cap":
        if run[k + 1].text in _LIST_AND:
            return True
        if run[k + 1].kind != "comma":
            return False
        k += 2
    return False


def _trim(toks: list[_Tok]) -> list[_Tok]:
    while toks and (
        toks[0].kind != "cap" or toks[0].text in _NOT_A_NAME_START
        or (toks[0].text[0].isdigit() and len(toks) > 1 and toks[1].kind == "comma")
    ):  # fmt: skip
        toks = toks[1:]  # '2024, and U.S. Customs ...': a date's year is no part of it
    while toks and toks[-1].kind != "cap":
        toks = toks[:-1]
    if len(toks) > 1 and _YEAR.fullmatch(toks[-1].text) and toks[-2].text not in ("of", "de"):
        toks = _trim(toks[:-1])  # 'Banco de México 2025', but 'Trade Act of 2002'
    return toks


def _mention(
    text: str, toks: list[_Tok], kind: str, head: str, rule: str, head_words: int = 1
) -> Mention | None:
    """A name from its tokens; a head noun alone (`the Board`, `Air Force`) is no name."""
    toks = _trim(toks)
    words = [t for t in toks if t.kind == "cap"]
    if not head_words < len(words) <= _MAX_NAME_WORDS:
        return None
    start, end = toks[0].start, toks[-1].end
    name = " ".join(re.sub(r"\s*\([^()]*\)", "", text[start:end]).split())
    return Mention(start, end, name, kind, head, rule)


def _modifiers_start(run: list[_Tok], begin: int, head_at: int) -> int:
    """Where the words before a head begin: never across `of` (`Sections of the ...
    Commission`) nor across `and the` (`Air Forces Northern and the Mexican Air Force`)."""
    if head_at > begin and run[head_at - 1].kind == "comma":
        return head_at  # the head opens a list item: `G-20, Organization of American States`
    for k in range(head_at - 1, begin - 1, -1):
        if (
            run[k].text in ("of", *_SPANISH_ONLY)
            or (run[k].text == "the" and k > begin and run[k - 1].kind == "cap")
            or (run[k].text in ("and", "&") and run[k + 1].kind != "cap")
        ):
            return k + 1
    return begin


def _head_first_end(run: list[_Tok], i: int) -> int:
    j = i + 1
    while j < len(run) and run[j].kind != "paren" and not _head_kind(run, j):
        if run[j].text in (",", "and", "y") and j + 1 < len(run) and _starts_name(run, j + 1):
            break
        j += 1
    while j > i and run[j - 1].kind != "cap":
        j -= 1
    return j


def _names_in_run(text: str, run: list[_Tok]) -> list[Mention]:
    out: list[Mention] = []
    n, begin, i = len(run), 0, 0
    while i < n:
        tok = run[i]
        first_kind = _HEADS_FIRST.get(tok.text) if tok.kind == "cap" else None
        if first_kind:
            j = _head_first_end(run, i)
            found = _mention(text, run[i:j], first_kind, tok.text, "head_first")
            if found:
                out.append(found)
                begin = i = j
                continue
        kind = _head_kind(run, i) if tok.kind == "cap" else None
        if not kind:
            i += 1
            continue
        head_words = 2 if i and run[i - 1].text in _HEAD_PARTS.get(tok.text, ()) else 1
        end = i + 1
        if (
            tok.text in _DESIGNATED and end < n and run[end].kind == "cap"
            and not _head_kind(run, end) and (end + 1 == n or run[end + 1].kind != "cap")
        ):  # fmt: skip
            end += 1
        elif end + 1 < n and run[end].text in _COMPLEMENT and run[end + 1].kind in ("cap", "conn"):
            end = _complement_end(run, end)
        rest = run[end:]
        later_head = any(_head_kind(run, k) for k in range(end, n) if run[k].kind == "cap")
        plural = tok.text.endswith("s") and tok.text not in ("Corps", "Nations")
        if rest and rest[0].kind == "cap" and later_head and not plural and end == i + 1:
            i = end  # a head inside a longer name: Migrant Protection Protocols
            continue
        if rest and rest[0].kind == "cap" and not later_head and end == i + 1:
            begin = i = end  # a longer name that is no body: Border Force Capacity Training
            continue
        modifiers = [t for t in run[begin:i] if t.kind == "cap"]
        if (
            rest and rest[0].text in ("and", "&") and later_head and not modifiers
            and end == i + 1
        ):  # fmt: skip
            i = end  # Command and Control Interoperability Board
            continue
        found = _mention(
            text, run[_modifiers_start(run, begin, i) : end], kind, tok.text, "head_last",
            head_words,
        )  # fmt: skip
        if found:
            out.append(found)
        begin = i = end
    return out


def _complement_end(run: list[_Tok], at: int) -> int:
    """End of `of Homeland Security`, stopping where a new name starts after `and` or a
    comma (`... and the Department of Justice`)."""
    j = at + 1
    while j < len(run) and run[j].kind != "paren":
        if run[j].text in (",", "and") and j + 1 < len(run) and _starts_name(run, j + 1):
            break
        j += 1
    while j > at and run[j - 1].kind != "cap":
        j -= 1
    return j


def _starts_name(run: list[_Tok], k: int) -> bool:
    """Whether a new name starts at run[k] (after an optional `and`): `the ...`, a Spanish
    head, or an English head with its own complement (`Department of ...`)."""
    if run[k].text in _LIST_AND and k + 1 < len(run):
        k += 1
    if run[k].text in ("de", "del") and k + 1 < len(run):
        k += 1  # 'y de la Secretaría de ...'
    tok, nxt = run[k], run[k + 1] if k + 1 < len(run) else None
    if tok.text in _ARTICLES or tok.text in _HEADS_FIRST:
        return True
    if tok.text in _HEADS_LAST and nxt is not None and nxt.text in _COMPLEMENT:
        return True
    # a list item that is a name of its own, words before its head: `States, International
    # Monetary Fund, and` (not `Migration and Protection`: a head alone is no name)
    first = k
    while k < len(run) and run[k].kind == "cap":
        if k > first and _head_kind(run, k):
            return True
        k += 1
    return False


def _lowercase_head(text: str, run: list[_Tok], after: _Tok | None) -> Mention | None:
    """`the Fulbright program`, `the CHIS program`: a proper name before a generic head."""
    if not run or after is None or after.text not in _LOWER_HEADS:
        return None
    if text[run[-1].end : after.start].strip():
        return None
    toks = [t for t in run if t.kind != "paren"]
    toks = _trim(toks[_modifiers_start([*toks, after], 0, len(toks)) :])
    if not toks or _head_kind(toks, len(toks) - 1) or toks[-1].text in _HEADS_FIRST:
        return None
    words = [t.text for t in toks if t.kind == "cap"]
    if all(w[0].isdigit() for w in words):
        return None  # 'a 2-hour program'
    single = words[0] if len(words) == 1 else ""
    if single and (re.fullmatch(r"(?:\w\.)+", single) or _DEMONYM.fullmatch(single)):
        return None
    start = toks[0].start
    name = " ".join(re.sub(r"\s*\([^()]*\)", "", text[start : after.end]).split())
    return Mention(start, after.end, name, _LOWER_HEADS[after.text], after.text, "lowercase_head")


def _attributive_count(text: str, run: list[_Tok], after: _Tok | None) -> list[_Tok]:
    """Drop a number that counts the noun after the name (`300 Cal Guard members`); a year
    stays (`the 1944 Water Treaty continued`)."""
    if (
        run and run[0].text[0].isdigit() and not _YEAR.fullmatch(run[0].text)
        and after and not text[run[-1].end : after.start].strip()
    ):  # fmt: skip
        return run[1:]
    return run


def find_mentions(text: str, limit: int) -> list[Mention]:
    """Every mention of a name before `limit`, in text order (a body may recur)."""
    found: list[Mention] = []
    for run, after in runs(text, limit):
        lower_head = after is not None and after.text in _LOWER_HEADS
        if not lower_head and not any(t.text in _ANY_HEAD for t in run):
            continue  # most runs (a sentence's first word, a place, a date) name no body
        run = _attributive_count(text, run, after)
        in_run: list[Mention] = []
        for part in _split_commas(run):
            in_run += _names_in_run(text, part)
        tail = [t for t in run if not in_run or t.start >= in_run[-1].end]
        low = _lowercase_head(text, tail, after)
        found += in_run + ([low] if low else [])
    return sorted(found, key=lambda m: m.start)
