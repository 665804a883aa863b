"""Quoted statements and who made them.

What counts as a statement (and not a scare quote, a name or a title):
- at least three words inside the marks: “shared responsibility” or “kingpin strategy”
  are terms the author holds at arm's length, never someone's words;
- not in Title Case unless someone is named as saying it: “Strengthen Operational
  Compatibility in the Air/Space Domain” names an objective, a Title Case string in
  quotes is a name or a title;
- not inside an endnote or reference entry, where quotes mark titles of works;
- and one of: a speaker is named (`said X`, `X said`, `according to X`, `— X` after
  the quote), the quote stands at the start of its line (a display quote), or it is a
  whole sentence (its last mark is preceded by . ! or ?).

Curly (“…”) and straight ("…") double quotes are read; single quotes are not, because
they cannot be told from apostrophes. A quote never runs across a blank line. A quote
that directly follows an attributed one (“A,” said X. “B.”) is X's too, and a pronoun
(`he said`) stands for the last speaker named before it.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.extract.bibliography import find_date
from pipeline.extract.citations import extract_citations

# Lines joined by single line breaks: `(?:[^\n]|\n(?![ \t]*\n))+`, written so the engine
# runs through each line in one step instead of trying two alternatives per character.
_PARAGRAPH = re.compile(r"(?=[^\n]|\n(?![ \t]*\n))[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*")
_QUOTE = re.compile(r"“(?P<curly>[^“”]{1,3000})”|\"(?P<straight>[^\"]{1,3000})\"")
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
_FRONT_MATTER = re.compile(r"---[ \t]*\n.*?\n---[ \t]*\n", re.DOTALL)
_SMALL_WORDS = {"of", "and", "the", "for", "in", "on", "to", "a", "an", "at", "by", "with",
                "from", "or", "de", "del", "la", "y"}  # fmt: skip
_VERBS = (
    r"said|says|stated|states|added|adds|noted|notes|explained|remarked|declared|wrote"
    r"|writes|announced|commented|emphasized|emphasised|stressed|told\s+\w+|argued|insisted"
    r"|observed|tweeted|posted|responded|replied|warned|cautioned|testified|acknowledged"
    r"|asserted|affirmed|maintained|pledged|vowed|concluded|urged"
)
_VERB_AFTER = re.compile(rf"[ \t\n]*[,.]?[ \t\n]*(?:{_VERBS})[ \t\n]+", re.IGNORECASE)
_PRONOUN_VERB_AFTER = re.compile(
    rf"[ \t\n]*,?[ \t\n]*(?P<pronoun>he|she|they|we|I)[ \t\n]+(?:{_VERBS})\b", re.IGNORECASE
)
_VERB_TAIL = re.compile(rf"[ \t\n]+(?:{_VERBS})\b", re.IGNORECASE)
_VERB_BEFORE = re.compile(rf"(?:{_VERBS})(?:[ \t\n]+that)?[ \t\n]*[,:]?[ \t\n]*$", re.I)
_ACCORDING = re.compile(r"\baccording[ \t\n]+to[ \t\n]+", re.IGNORECASE)
# '“A.” The ministry responded: “B.”': a verb that goes on to a colon, 'that' or a quote
# introduces what follows, not the quote before it
_INTRODUCES = re.compile(r"[ \t\n]*(?::|that\b|[“\"])", re.IGNORECASE)
# 'As Secretary Blinken put it, “…': the speaker named between 'as' and 'put it'
_AS_PUT_IT = re.compile(
    r"\bas[ \t\n]+(?P<who>[A-Z][^,;:“”\"]{1,80}?)[ \t\n]+(?:put|said|says)[ \t\n]+it"
    r"[ \t\n]*[,:]?[ \t\n]*$",
    re.IGNORECASE,
)
# What may stand between an attributed quote and the next one for the speaker to carry
# over: nothing, or the rest of the attribution's sentence ('said X in a statement
# released in Mexico City. “We thank…'); never a sentence of its own.
_SAME_SPEAKER_GAP = re.compile(r"[ \t\n.,;]*|[^.!?“”\"\n]{0,200}[.!?;,][ \t\n]*")
_DASH = re.compile(r"[*_ \t]*\n?[ \t]*(?:—|–|--|-)[ \t]*(?=\S)")
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_TITLE_WORDS = {
    "secretary", "president", "vice", "general", "major", "adjutant", "governor", "ambassador",
    "director", "minister", "senator", "sen.", "representative", "rep.", "gov.", "admiral",
    "adm.", "colonel", "col.", "lieutenant", "lt.", "commander", "chief", "deputy",
    "assistant", "undersecretary", "under", "mayor", "prime", "chairman", "chair",
    "chairwoman", "spokesperson", "spokesman", "spokeswoman", "press", "attorney", "justice",
    "judge", "dr.", "mr.", "mrs.", "ms.", "sergeant", "sgt.", "captain", "capt.", "brig.",
    "gen.", "maj.", "administrator", "commissioner", "officer", "executive", "head", "leader",
    "speaker", "former", "acting", "foreign", "defense", "state", "homeland", "security",
    "national", "u.s.", "mexican", "american", "ceo", "founder", "professor", "prof.",
}  # fmt: skip
_ORG_HEADS = {
    "roundtable", "board", "commission", "department", "office", "council", "committee",
    "ministry", "agency", "group", "command", "institute", "center", "centre",
    "administration", "secretariat", "government", "house", "embassy", "service", "bureau",
    "coalition", "association", "foundation", "guard", "forces", "army", "navy", "university",
    "company", "corporation", "organization", "organisation", "partnership", "program",
}  # fmt: skip
_NAME_ABBREVIATIONS = {
    "jr", "sr", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep", "gov",
    "mr", "mrs", "ms", "prof", "st", "u.s", "brig",
}  # fmt: skip
MAX_ATTRIBUTION_WORDS = 14


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _title_like(text: str) -> bool:
    words = [w for w in _words(text) if w.lower() not in _SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.75


def _name_run(text: str) -> str:
    """The capitalized phrase `text` starts with, up to where its sentence or clause
    ends (initials and abbreviations like `J.` or `Gen.` do not end it)."""
    taken: list[str] = []
    for token in text.split():
        bare = token.rstrip('.,;:!?”"’)')
        if not bare or not (bare[0].isupper() or bare.lower() in _SMALL_WORDS):
            break
        taken.append(bare if token.endswith((",", ";", ":", "!", "?")) else token)
        if len(taken) >= MAX_ATTRIBUTION_WORDS:
            break
        if token.endswith((",", ";", ":", "!", "?", "”", '"')):
            break
        if token.endswith("."):
            core = bare.lower()
            if not (len(core) == 1 or core in _NAME_ABBREVIATIONS or "." in core):
                taken[-1] = bare
                break
    while taken and taken[-1].lower() in _SMALL_WORDS:
        taken.pop()
    return " ".join(taken)


def _name_run_before(text: str) -> str:
    """The capitalized phrase `text` ends with (`... Governor Newsom`)."""
    taken: list[str] = []
    for token in reversed(text.split()):
        if not (token[0].isupper() or token.lower() in _SMALL_WORDS) or token.endswith(","):
            break
        taken.insert(0, token)
        if len(taken) >= MAX_ATTRIBUTION_WORDS:
            break
    while taken and taken[0].lower() in _SMALL_WORDS:
        taken.pop(0)
    return " ".join(taken)


def parse_speaker(attribution: str) -> dict[str, Any]:
    """Speaker, role, kind and date out of an attribution such as
    'Secretary Antony J. Blinken, January 26, 2021'."""
    out: dict[str, Any] = {"speaker": None, "speaker_role": None, "speaker_kind": None,
                           "date": None, "date_text": None}  # fmt: skip
    found = find_date(attribution)
    rest = attribution
    if found and (found[0] or re.fullmatch(r"\w+ \d{4}", found[1] or "")):
        out["date"], out["date_text"] = found[0], found[1]
        rest = attribution[: found[2]] + attribution[found[3] :]
    parts = [p.strip() for p in rest.split(",") if p.strip()]
    if not parts:
        return out
    tokens = parts[0].split()
    extra_role = ", ".join(parts[1:]) or None
    lowered = [t.lower().strip(".") for t in tokens]
    if len(tokens) == 1 and lowered[0] in _PRONOUNS:
        return out
    org_at = max((i for i, t in enumerate(lowered) if t in _ORG_HEADS), default=None)
    name_start = len(tokens)
    while (
        name_start > 0
        and tokens[name_start - 1][0].isupper()
        and (
            lowered[name_start - 1] + "." not in _TITLE_WORDS
            and lowered[name_start - 1] not in _TITLE_WORDS
        )
    ):
        name_start -= 1
    person_len = len(tokens) - name_start
    if org_at is not None and (person_len == 0 or org_at >= name_start):
        out["speaker"] = " ".join(tokens[: org_at + 1])
        out["speaker_kind"] = "organization"
        out["speaker_role"] = extra_role
        return out
    if person_len == 0:
        out["speaker_role"] = " ".join(tokens)
        return out
    out["speaker"] = " ".join(tokens[name_start:])
    out["speaker_kind"] = "person"
    role = " ".join(tokens[:name_start]) or None
    out["speaker_role"] = ", ".join(r for r in (role, extra_role) if r) or None
    return out


def _attribution_after(paragraph: str, end: int) -> tuple[str, int] | None:
    """(attribution, end offset in paragraph) for `“…,” said X` / `“…,” X said` /
    `“…” — X` right after a closing mark."""
    dash = _DASH.match(paragraph, end)
    if dash:
        line_end = paragraph.find("\n", dash.end())
        line_end = len(paragraph) if line_end == -1 else line_end
        who = paragraph[dash.end() : line_end].strip()
        if who and who[0].isupper() and len(who.split()) <= MAX_ATTRIBUTION_WORDS + 4:
            return who, line_end
    verb = _VERB_AFTER.match(paragraph, end)
    if verb:
        who = _name_run(paragraph[verb.end() :])
        if who:
            return who, verb.end() + len(who)
        pronoun = re.match(r"(he|she|they|we|i)\b", paragraph[verb.end() :], re.I)
        if pronoun:
            return pronoun.group(1), verb.end() + pronoun.end()
    pronoun_after = _PRONOUN_VERB_AFTER.match(paragraph, end)
    if pronoun_after:
        return pronoun_after["pronoun"], pronoun_after.end()
    tail = paragraph[end : end + 200]
    lead = re.match(r"[ \t\n]*,?[ \t\n]*", tail).end()
    who = _name_run(tail[lead:])
    if who:
        verb_tail = _VERB_TAIL.match(tail, lead + len(who.rstrip(".")))
        if verb_tail and not _INTRODUCES.match(tail, verb_tail.end()):
            return who.rstrip("."), end + verb_tail.end()
    return None


def _attribution_before(paragraph: str, start: int) -> str | None:
    """`X said, “…` or `According to X, … “…` in the same sentence before the quote."""
    sentence_start = max(paragraph.rfind(". ", 0, start), paragraph.rfind("\n", 0, start)) + 1
    before = paragraph[sentence_start:start]
    as_put = _AS_PUT_IT.search(before)
    if as_put and as_put["who"][0].isupper():
        return _name_run(as_put["who"]) or None
    verb = _VERB_BEFORE.search(before)
    if verb:
        who = _name_run_before(before[: verb.start()].rstrip())
        if who:
            return who
        pronoun = re.search(r"\b(he|she|they|we)\s*$", before[: verb.start()], re.I)
        if pronoun:
            return pronoun.group(1)
    according = _ACCORDING.search(before)
    if according:
        who = _name_run(before[according.end() :])
        return who.rstrip(",") or None
    return None


def _is_display(paragraph: str, start: int) -> bool:
    line_start = paragraph.rfind("\n", 0, start) + 1
    return not paragraph[line_start:start].strip(" \t*_>")


def _body_text(text: str) -> tuple[int, int]:
    front = _FRONT_MATTER.match(text)
    return (front.end() if front else 0), len(text)


def extract_quotes(text: str) -> list[dict[str, Any]]:
    """One record per quoted statement, with its speaker when the text names one."""
    notes = [(c["char_start"], c["char_end"]) for c in extract_citations(text)]
    body_start, body_end = _body_text(text)
    out: list[dict[str, Any]] = []
    last_speaker: dict[str, Any] | None = None
    for para in _PARAGRAPH.finditer(text, body_start, body_end):
        paragraph, offset = para.group(0), para.start()
        previous_end: int | None = None
        previous_who: dict[str, Any] | None = None
        for m in _QUOTE.finditer(paragraph):
            inner = m["curly"] if m["curly"] is not None else m["straight"]
            start, end = offset + m.start(), offset + m.end()
            if any(a <= start < b for a, b in notes) or len(_words(inner)) < 3:
                continue
            after = _attribution_after(paragraph, m.end())
            attribution = after[0] if after else _attribution_before(paragraph, m.start())
            who = parse_speaker(attribution) if attribution else None
            if who and who["speaker"] is None and attribution.lower() in _PRONOUNS:
                who = {**(last_speaker or who), "date": None, "date_text": None}
            continued = (
                who is None
                and previous_who is not None
                and previous_end is not None
                and _SAME_SPEAKER_GAP.fullmatch(paragraph, previous_end, m.start()) is not None
            )
            if continued:
                who, attribution = previous_who, None
            if who is None:
                whole_sentence = inner.rstrip(" *_").endswith((".", "!", "?"))
                if _title_like(inner) or not (whole_sentence or _is_display(paragraph, m.start())):
                    continue
            record = {
                "char_start": start,
                "char_end": end,
                "quote": text[start:end],
                "text": re.sub(r"\s+", " ", inner).strip().rstrip(","),
                "speaker": None,
                "speaker_role": None,
                "speaker_kind": None,
                "attribution": attribution,
                "date": None,
                "date_text": None,
            }
            if who:
                record.update(who)
                if who.get("speaker"):
                    last_speaker = who
            out.append(record)
            previous_who = who
            previous_end = m.end() + (len(after[0]) if after and not continued else 0)
            if after and not continued:
                previous_end = after[1]
    return out
