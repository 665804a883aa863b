"""When a bare number is part of a name or a reference, not a count.

'Objective 2.1', 'USNORTHCOM 59', 'the Group of 20', '100,000 Strong in the Americas
Innovation Fund', '950 Pennsylvania Avenue NW', '1200 E. Yandell Dr.': a capitalized word
right before the number, or a capitalized run after it that ends in a name's head noun,
makes the number part of the name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.extract.quantity_trie import word_list

if TYPE_CHECKING:
    from pipeline.extract.quantity_neighbours import Neighbours


# Capitalized words that may stand right before a count without making it part of a name.
_FREE_BEFORE = frozenset(
    word_list(
        """
        the a an all only some about around approximately roughly nearly almost over under
        above below more less fewer another additional these those its their our his her
        with of in at by for from to and or but each every just up exactly including
        totaling since between within than estimated overall total still today currently now
        here there also additionally moreover furthermore however meanwhile thus therefore
        among across through during after before both while when where if as because
        although though many most while nearly yet last first another whereas then still
        roughly
        los las el la unos unas sus estos estas hay con de en por para y más menos casi
        cerca entre durante desde hasta aproximadamente alrededor solo sólo otros otras
        son fueron eran serán suman sumaron hubo había habrá tenemos tienen tiene llegaron
        llegó alcanzó alcanzaron registró registraron
        """
    )
)
# The last word of a capitalized run that makes a preceding number part of a proper name
# ('100,000 Strong in the Americas Innovation Fund', 'Vision 2030 Plan').
_NAME_HEADS = frozenset(
    word_list(
        """
        Fund Initiative Initiatives Program Programme Act Plan Strategy Agenda Agreement
        Accord Treaty Commission Council Committee Coalition Alliance Partnership Network
        Campaign Challenge Project Foundation Institute Center Centre Index Award Prize
        Summit Forum Framework Club Compact Declaration Pledge Corridor Strong Law Doctrine
        Series Cup Avenue Ave. Street St. Road Rd. Boulevard Blvd. Drive Dr. Lane Way Place
        Court Plaza Parkway Suite St Ave Rd Blvd Dr Hwy Pkwy Building Bldg Hall Tower
        Highway Freeway Expressway Turnpike Circle Terrace Jr. Jr
        """
    )
)
# an address printed in capitals ('1110 HOUSTON STREET')
_STREETS = frozenset(
    word_list("Avenue Street Road Boulevard Drive Lane Place Court Plaza Parkway Highway Suite")
)
_COMPASS = frozenset(word_list("N S E W NW NE SW SE N.W N.E S.W S.E"))
_NAME_RUN = re.compile(
    r"(?:[ \t\xa0]+|[ \t\xa0]*\n[ \t\xa0]*)[A-Z][\w'’.&-]*"
    r"(?:[ \t\xa0]+(?:(?:of|in|the|and|for|on|de|del|la)[ \t\xa0]+)*[A-Z][\w'’&-]*)*"
)


# 'North America.3 Twelve respondents': a sentence's end and its note, not a name.
_NOTE_AFTER_STOP = re.compile(r"[a-z]\.[0-9]{1,3}\Z")
# '- Secured 14,862 firearms', '- Dismantled 1,582 laboratories': a list item opens with a
# verb in the past, not with a name.
_OPENS_BULLET_WITH_VERB = re.compile(r"(?:^|\n)[ \t]*[-•*][ \t]+[A-Z][a-z]+ed[ \t]+[0-9]")
# Verbs that open a recommendation or a commitment in the imperative ('- Reinstate 37
# workers', '5. Justice. Train 3,000 officers'); nouns that name things by number ('Track
# 2', 'Phase 3', 'Title 42') are left out. Their third person opens a headline's count
# ('… and Announces 350 New Scholarships').
_IMPERATIVE_VERBS = frozenset(
    word_list(
        """
        Add Allocate Appoint Assign Build Commit Conduct Create Cut Deliver Deploy Designate
        Dedicate Disburse Donate Double Employ Enroll Equip Establish Expand Extend Finance
        Fund Hire Host Increase Inspect Install Invest Launch Mobilize Open Provide Procure
        Purchase Raise Reassign Rebuild Recruit Reduce Reinstate Relocate Renovate Reopen
        Repair Replace Resettle Restore Retain Screen Send Staff Train Triple Upgrade Vet
        Announce Award Welcome Approve Grant Hold Name Seize Arrest Extradite Transfer
        Adopt Pre-position Preposition Station Complete Publish Convene Organize Support
        Offer Develop Identify Certify Register Plant Co-host Rehabilitate Construct Acquire
        Distribute Transport Evacuate Rescue Treat Vaccinate Remove Destroy Dismantle
        Collect Secure Connect Digitize Modernize Protect Sign Promote Facilitate
        Coordinate Implement
        """
    )
)
_THIRD_PERSON_ENDINGS = ("es", "s")
# 'Instalar', 'Establecer', 'Construir': long enough not to be 'Mar' (March) or a name, and
# never an English noun in -ter or -der ('Quarter 3', 'Chapter 5', 'Border 2025')
_SPANISH_INFINITIVE = re.compile(r"[A-ZÁÉÍÓÚ][a-záéíóúñ]{4,}(?:ar|ir|[cvn]er)")
# An item's or a sentence's opening: a line's start, with or without its bullet or number,
# or a full stop before.
_OPENING = re.compile(
    r"(?:(?:^|\n)[ \t]*(?:[-•*▪][ \t]+|\(?[0-9a-zA-Z]{1,3}[.)][ \t]+)?|[a-z)][.!?:][ \t\xa0]+)\Z"
)
# 'the Group of 20', 'the round of 16': a forum's name, a tournament's stage
_GROUP_OF = re.compile(
    r"\b(?:Group[ \t\xa0]+of[ \t\xa0]+[0-9]+|[Rr]ound[ \t\xa0]+of[ \t\xa0]+(?:8|16|32|64))\Z"
)
_MASK = frozenset("*xX•")
# '1200 BCE', '300 A.D.': a year of an era
_ERA_AFTER = re.compile(r"[ \t\xa0]+(?:BCE|B\.C\.E?\.|BC|CE|C\.E\.|A\.D\.)(?!\w)")


# '2800 Defense Pentagon, Washington, DC 20301': a street number, the city, state and ZIP
# code after the street, whatever the street is called
_ADDRESS_AFTER = re.compile(
    r"[ \t\xa0]+(?:[A-Z][\w.'’-]*[ \t\xa0]+){0,4}[A-Z][\w.'’-]*,[ \t\xa0]*"
    r"(?:[A-Z][\w.'’-]*[ \t\xa0]+){0,2}[A-Z][\w.'’-]*,?[ \t\xa0]+[A-Z]{2}[ \t\xa0]+[0-9]{5}\b"
    # 'in the 4300 block of Main St.', as a police blotter places an incident
    r"|[ \t\xa0]+block[ \t\xa0]+of\b"
)


def names_something(scan: str, end: int, near: Neighbours) -> bool:
    """A bare number that is part of a name or reference, not a count."""
    if _ADDRESS_AFTER.match(scan, end) or _ERA_AFTER.match(scan, end):
        return True
    before = near.before
    if before and len(before) >= 3 and set(before) <= _MASK:
        return True  # '**** **** **** 4471': the last digits of a masked account
    if before and before[0].isupper() and counted_in_heading(scan, near.before_start, end):
        return False
    if before == "of" and _GROUP_OF.search(scan, max(0, end - 40), end):
        return True  # 'the Group of 20', 'Round of 16 tickets': a name, not a count
    # 'Objective 2.1', 'USNORTHCOM 59'; a possessive owner still counts ("Mexico's 32").
    if (
        before
        and before[0].isupper()
        and not _NOTE_AFTER_STOP.search(before)
        and not _OPENS_BULLET_WITH_VERB.search(scan, max(0, near.before_start - 4), end)
        and not _verb_before(scan, near)
        and before.lower().rstrip(".,") not in _FREE_BEFORE
        and not before.endswith(("'s", "’s", "s'", "s’"))
    ):
        return True
    run = _NAME_RUN.match(scan, end)
    if not run:
        return False
    words = run.group().split()
    if "\n" in run.group() and len(words) < 2:
        return False  # '4700⏎River Road' is an address; '130.9 million⏎Program budget' is not
    if len(words) == 1 and words[0].endswith(".") and words[0].rstrip(".") in _COMPASS:
        return True  # '1200 E.': a street number, its street on the next line
    while len(words) > 1 and words[-1].rstrip(".,") in _COMPASS:
        words.pop()  # '950 Pennsylvania Avenue NW'
    if len(words) > 1 and words[0].rstrip(".") in _COMPASS:
        words.pop(0)  # '1200 E. Yandell Dr'
    last = words[-1]
    return last in _NAME_HEADS or (last.isupper() and last.title() in _STREETS)  # 'STREET'


def _verb_before(scan: str, near: Neighbours) -> bool:
    """Whether the capitalized word before a number is a verb counting it: an imperative
    opening an item or a sentence ('Adopt 5', a Spanish infinitive: 'Instalar 6 módulos'),
    or a verb's third person ('Announces 350')."""
    word = (near.before or "").rstrip(".,")
    if word in _IMPERATIVE_VERBS or _SPANISH_INFINITIVE.fullmatch(word):
        return bool(_OPENING.search(scan, max(0, near.before_start - 12), near.before_start))
    return any(
        word.endswith(ending) and word[: -len(ending)] in _IMPERATIVE_VERBS
        for ending in _THIRD_PERSON_ENDINGS
    )


# Words a title-case heading leaves in lower case.
_HEADING_SMALL_WORDS = frozenset(
    word_list("a an the and or but nor of in on at to for from by with against under as vs")
)
_HEADING_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# The capitalized words after a number in a heading, up to the counted noun.
_CAPITALIZED_RUN = re.compile(r"(?:[ \t\xa0]+[A-Z][\w'’.-]*){1,3}")
_HEADING_MAX_WORDS = 24
_YAML_KEY = re.compile(r"[ \t]*(?:[a-z_]+:[ \t]*[\"']?)?")  # 'title: "…"' heads a YAML title


def counted_in_heading(scan: str, start: int, end: int) -> bool:
    """Whether the number at `start`..`end` counts a plural noun in a title-case heading
    ('… in Four Mexican States', 'Take Three New Steps', 'Announces 350 New
    Scholarships'), where every word is capitalized and a capital says nothing of a name.

    A run that reaches a name's head noun first ('Three Amigos Summit') is a name.
    """
    line_start = scan.rfind("\n", 0, start) + 1
    line_end = scan.find("\n", end)
    line = scan[line_start : len(scan) if line_end == -1 else line_end]
    line = line[_YAML_KEY.match(line).end() :]
    words = [w for w in _HEADING_WORD.findall(line) if w.lower() not in _HEADING_SMALL_WORDS]
    if not 3 <= len(words) <= _HEADING_MAX_WORDS or any(w[0].islower() for w in words):
        return False
    run = _CAPITALIZED_RUN.match(scan, end)
    if not run:
        return False
    run_words = [w.rstrip(".,:;") for w in run.group().split()]
    if any(w in _NAME_HEADS for w in run_words):
        return False
    return any(
        len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "'s", "’s")) for w in run_words
    )
