"""Counts whose counted noun is not printed after them: said before ('the remaining 93
would not', 'another 45'), left out in a list ('2 in the United States and 5 in Mexico',
'19 from producers, 4 from States'), named by a label ('Cruces fronterizos: 57', 'Land
ports of entry  48'), by a group ('a family of five'), a roll call ('yeas 61') or 'in
number'. Pure tests on the text around one number; `quantity_rules.counts_something` asks
them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.extract.quantity_trie import word_list

if TYPE_CHECKING:
    from pipeline.extract.quantity_neighbours import Neighbours
    from pipeline.extract.quantity_rules import Part


_IN_A_PLACE = re.compile(r"[ \t\xa0]+(?:in|at|from)[ \t\xa0]+(?:the[ \t\xa0]+)?[A-Z]")
_FROM_A_SOURCE = re.compile(r"[ \t\xa0]+from[ \t\xa0]+(?:a[ \t\xa0]+|an[ \t\xa0]+)?[a-z]{3,}")
# 'announced—yeas 61, nays 37': a roll call's counts
ROLL_CALL = re.compile(
    r"\b(?:(?i:yeas|nays|ayes|noes|yea|nay)[ \t\xa0]+"
    # a vote's tally by label: 'For: 7 Against: 0 Abstain: 0', 'En contra      21'
    r"|(?:For|Against|Abstain(?:ed)?|Abstentions?|Absent|A favor|En contra"
    r"|Abstenci[oó]n(?:es)?|Votos a favor|Votos en contra)"
    r"(?:[ \t\xa0]*:[ \t\xa0]*|[ \t\xa0]{2,})"
    # a motion's outcome and its tally: 'the amendment failed, 24 to 39', 'by a vote of 7-2'
    r"|\b(?:failed|passed|adopted|approved|rejected|defeated|carried|vote of)"
    r",?[ \t\xa0]+(?:[0-9]{1,3}[ \t\xa0]*(?:to|-|–)[ \t\xa0]*)?)\Z"
)
# 'shall not exceed two hundred and fifty-eight in number'
IN_NUMBER = re.compile(r"[ \t\xa0]+in[ \t\xa0]+number\b")
# 'a family of five', 'a crew of four': the members of a group
GROUP_OF_MEMBERS = re.compile(
    r"\b(?:family|crew|team|group|household|panel|board|committee|delegation|squad)"
    r"[ \t\xa0]+of[ \t\xa0]+\Z"
)


def elided_count(scan: str, end: int, near: Neighbours) -> bool:
    """'12 universities in Mexico and 9 in the United States', '7 facilities: 2 in the
    United States and 5 in Mexico', '31 comments: 19 from producers, 4 from States': the
    counted noun is left out after 'and', a comma or a colon, and a place or a source
    follows."""
    after_and = near.before_lower in ("and", "or")
    before = scan[max(0, near.before_start - 3) : near.before_start]
    after_comma = near.before is None and before.rstrip(" \t\xa0").endswith((",", ":", "—", "–"))
    return (after_and or after_comma) and bool(
        _IN_A_PLACE.match(scan, end) or _FROM_A_SOURCE.match(scan, end)
    )


# 'the remaining 93 would not', 'only 4 had baseline data', 'the existing 10,': a word that
# says a noun said before is meant, then a verb or the clause's end instead of the noun.
_ELIDING_BEFORE = frozenset(
    word_list(
        "remaining existing other only just another additional which whom otros otras"
        " first last next"  # 'the first 3 will enter design'
    )
)
_ELIDED_AFTER = frozenset(
    word_list("would will are were have has had remain remained could can must may should did do")
)
_RELATIVE = frozenset(word_list("that which who whose"))
# 'the remaining two in 2029', 'reached 412 in 2025,': when, where the noun would be
IN_A_YEAR = re.compile(r"[ \t\xa0]+(?:in|by|during|since)[ \t\xa0]+(?:19|20)[0-9]{2}(?![0-9])")
_CLAUSE_END = re.compile(r"[,;:)]|\.(?:[ \t\xa0]|\Z|\n)")
# 'at least 400 in the 6 northern border states', 'up to 12 per company': a hedged number
# whose noun was said before, a place or a share after it.
_HEDGE_BEFORE = frozenset(word_list("least nearly almost approximately roughly about"))
_HEDGED_AFTER = frozenset(word_list("in per across among"))


def noun_said_before(scan: str, end: int, near: Neighbours) -> bool:
    before, low = near.before_lower, near.after_lower
    if before in _ELIDING_BEFORE:
        return low in _ELIDED_AFTER or bool(
            _CLAUSE_END.match(scan, end) or IN_A_YEAR.match(scan, end)
        )
    if before == "the" and low in _RELATIVE:
        return True  # 'starting with the 12 that serve the border cities'
    hedged = before in _HEDGE_BEFORE or (
        before == "to" and scan[max(0, near.before_start - 3) : near.before_start] == "up "
    )
    return (
        hedged
        and low in _HEDGED_AFTER
        and not scan.startswith((" in 1", " in 2"), end)  # 'in 2024': a year, not a place
    )


# 'Cruces fronterizos: 57', 'Number of Annual Responses per Respondent: 122.': a label
# line that names things counted, the number alone after its colon.
# An infobox flattened to text sets its label off by a run of spaces ('Land ports of
# entry  48').
_LABEL_LINE = re.compile(
    r"(?:^|\n)[ \t]*(?:[-•*][ \t]+)?([^\W\d_][^\n:]{2,70}?)(?::[ \t]*|[ \t]{2,}|\t)\Z"
)
# the line ends, a comma follows, or a bracket says more ('Kidnappings: 14 (163 victims)')
_LINE_ENDS = re.compile(r"\.?[ \t\r]*(?:\n|\Z)|,[ \t]|[ \t]+\(")
_COUNTING_LABEL = re.compile(r"(?i:number|total|count|número|cantidad)\b|\w{3,}s\b")
_ID_LABEL = re.compile(
    r"(?i:\b(?:page|section|version|phase|case|docket|file|no|id|code|year|fiscal|date|tel"
    r"|phone|fax|zip|order|article|chapter|table|figure|rank|step|grade|level|tier|title"
    r"|part|item|question|room|suite|floor|ext|score|rating|ratio|index)s?\b)"
)


SAMPLE_SIZE = re.compile(r"\([ \t]*[nN][ \t]*=[ \t]*\Z")


# 'Anticipated Number of Awards: 2 to 3': the label counts both ends of a range
# ('Press Release Number: 25-1187' is a code: a hyphen between digits is no range here)
_RANGE_LOW_BEFORE = re.compile(r"[0-9][0-9,]*(?:[ \t\xa0]+to[ \t\xa0]+|[ \t\xa0]*[–—][ \t\xa0]*)\Z")


def counted_by_label(scan: str, part: Part) -> bool:
    low = _RANGE_LOW_BEFORE.search(scan, max(0, part.start - 20), part.start)
    start = low.start() if low else part.start
    label = _LABEL_LINE.search(scan, max(0, start - 80), start)
    if label is None or not _LINE_ENDS.match(scan, part.end) or "." in part.raw:
        return False
    words = label.group(1)
    return len(words.split()) <= 8 and bool(
        _COUNTING_LABEL.search(words) and not _ID_LABEL.search(words)
    )
