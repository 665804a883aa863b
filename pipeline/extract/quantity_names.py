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
    from pipeline.extract.quantity_rules import Neighbours


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
        """
    )
)
_COMPASS = frozenset(word_list("N S E W NW NE SW SE N.W N.E S.W S.E"))
_NAME_RUN = re.compile(
    r"[ \t\xa0]+[A-Z][\w'’.&-]*"
    r"(?:[ \t\xa0]+(?:(?:of|in|the|and|for|on|de|del|la)[ \t\xa0]+)*[A-Z][\w'’&-]*)*"
)


# 'North America.3 Twelve respondents': a sentence's end and its note, not a name.
_NOTE_AFTER_STOP = re.compile(r"[a-z]\.[0-9]{1,3}\Z")
# '- Secured 14,862 firearms', '- Dismantled 1,582 laboratories': a list item opens with a
# verb in the past, not with a name.
_OPENS_BULLET_WITH_VERB = re.compile(r"(?:^|\n)[ \t]*[-•*][ \t]+[A-Z][a-z]+ed[ \t]+[0-9]")
_GROUP_OF = re.compile(r"\bGroup[ \t\xa0]+of[ \t\xa0]+[0-9]+\Z")


def names_something(scan: str, end: int, near: Neighbours) -> bool:
    """A bare number that is part of a name or reference, not a count."""
    before = near.before
    if before == "of" and _GROUP_OF.search(scan, max(0, end - 40), end):
        return True  # 'the Group of 20': the name of a forum, not a count
    # 'Objective 2.1', 'USNORTHCOM 59'; a possessive owner still counts ("Mexico's 32").
    if (
        before
        and before[0].isupper()
        and not _NOTE_AFTER_STOP.search(before)
        and not _OPENS_BULLET_WITH_VERB.search(scan, max(0, near.before_start - 4), end)
        and before.lower().rstrip(".,") not in _FREE_BEFORE
        and not before.endswith(("'s", "’s", "s'", "s’"))
    ):
        return True
    run = _NAME_RUN.match(scan, end)
    if not run:
        return False
    words = run.group().split()
    if len(words) == 1 and words[0].endswith(".") and words[0].rstrip(".") in _COMPASS:
        return True  # '1200 E.': a street number, its street on the next line
    while len(words) > 1 and words[-1].rstrip(".,") in _COMPASS:
        words.pop()  # '950 Pennsylvania Avenue NW'
    if len(words) > 1 and words[0].rstrip(".") in _COMPASS:
        words.pop(0)  # '1200 E. Yandell Dr'
    return words[-1] in _NAME_HEADS
