"""The one compiled pattern that finds quantity candidates and the numbers that are not
quantities, in a single left-to-right pass.

Every alternative begins right after a *lead* character (white space, an opening bracket or
quote): digits glued to letters or hyphens ('COVID-19', 'H-2B', 'J59', '2nd'), digits inside
URLs and endnote markers glued after a full stop never follow one, so they are never
candidates. Starting with a character class also lets the regex engine skip to the next
lead character in C, which keeps the scan close to the speed of a bare regex.

At a given position the exclusions are tried first: a reference list ('Sections 333, 312
and 321'), a date, a fiscal year or year span, a time, a legal citation, an endnote section
or citation line is consumed whole, so the numbers inside it are never read as quantities.
"""

from __future__ import annotations

import re

from pipeline.extract.numbers import ARTICLE_PATTERN, SCALE_WORD_PATTERN, WORD_NUMBER_PATTERN
from pipeline.extract.quantity_units import CURRENCY_PREFIX_PATTERN, UNIT_PATTERN

LEAD = r"[\s(\[“\"'‘—*_•~]"
NUMBER = r"[0-9]+(?:[.,][0-9]+)*"
YEAR = r"(?:18|19|20)[0-9]{2}"
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_GAP = r"[ \t\n]?-?[ \t]?"

# Words that, followed by a number, name a part of a text, a law or an ordered thing.
_REFERENCE_WORDS = (
    r"(?:Sections?|SECTIONS?|section|sections|Secs?\.|sec\.|§§?|Articles?|article|Arts?\."
    r"|Titles?|TITLE|title|Chapters?|chapter|Ch\.|Parts?|PART|Paragraphs?|paragraph|Paras?\."
    r"|Clauses?|clause|Tables?|table|TABLE|Figures?|figure|FIGURE|Figs?\.|fig\.|Pages?|page"
    r"|pp?\.|Vol\.|vol\.|Volumes?|volume|Issues?|Appendix|appendix|Appendices|Annex(?:es)?"
    r"|annex|Items?|item|No\.|Nos\.|no\.|Numbers?|Phases?|phase|Steps?|step|Tiers?|tier"
    r"|Stages?|stage|Rounds?|round|Levels?|level|Grades?|grade|Amendments?|Resolutions?"
    r"|Exhibits?|Schedules?|Forms?|form|Routes?|route|Highways?|highway|Interstates?"
    r"|Flights?|flight|Rooms?|Suites?|Districts?|Regions?|Zones?|Pillars?|Objectives?"
    r"|Goals?|Recommendations?|Findings?|Options?|Models?|Versions?|version|Rules?"
    r"|Executive[ \t]Orders?|E\.[ \t]?O\.|EO|Public[ \t]Laws?|P\.[ \t]?L\.|Pub\.[ \t]?L\."
    r"|H\.[ \t]?R\.|H\.[ \t]?Res\.|S\.[ \t]?Res\.|H\.[ \t]?J\.[ \t]?Res\.|S\.[ \t]?J\.[ \t]?Res\."
    r"|H\.[ \t]?Con\.[ \t]?Res\.|S\.|Reports?|Orders?|Decrees?|Dockets?|Cases?|Case[ \t]No\."
    r"|[Ee]xt\.|[Tt]el\.|[Tt]el:|[Pp]hone:?|[Ff]ax:?)"
)
_REFERENCE_NUMBER = r"[0-9]+(?:[.:-][0-9A-Za-z]+)*[A-Za-z]?(?![\w])"
_REFERENCE = (
    rf"{_REFERENCE_WORDS}[ \t]*(?:No\.[ \t]*)?{_REFERENCE_NUMBER}"
    rf"(?:[ \t]*(?:,|and|or|&|through|to|[-–—])[ \t]*{_REFERENCE_NUMBER})*"
)
_DATE = (
    rf"{MONTH}\.?[ \t]+[0-9]{{1,2}}(?:st|nd|rd|th)?(?![0-9])(?:,?[ \t]+{YEAR})?"
    rf"|[0-9]{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{MONTH}\b\.?(?:,?[ \t]+{YEAR})?"
    r"|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{2,4}"
)
_FISCAL_YEAR = (
    r"(?:FY|CY|SFY|MY)[ \t]?'?[0-9]{2,4}(?:[ \t]*(?:[-–—/]|to|through)[ \t]*(?:(?:FY|CY)[ \t]?)?"
    r"[0-9]{2,4})?"
    r"|(?i:fiscal|calendar|academic|school)[ \t]+(?i:years?)(?:[ \t]+\(FY\))?[ \t]+[0-9]{2,4}"
    r"(?:[ \t]*(?:[-–—/]|to|through|and)[ \t]*[0-9]{2,4})?"
)
_YEAR_SPAN = (
    rf"{YEAR}[ \t]*(?:[-–—/]|to|through|until)[ \t]*(?:{YEAR}|[0-9]{{2}})(?![0-9])"
    rf"|{YEAR}s|'[0-9]0s|[0-9]0s(?![\w])"
)
_TIME = (
    r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[ \t]?(?:[ap]\.m\.|[AP]\.M\.|[ap]m\b|[AP]M\b))?"
    r"|[0-9]{1,2}[ \t]?(?:[ap]\.m\.|[AP]\.M\.|[ap]m\b|[AP]M\b)|[0-9]{1,2}[ \t]o['’]clock"
    r"|24/7|[0-9]{1,2}/[0-9]{1,2}(?![0-9])"
)
_PHONE = (
    r"(?:\+?1[ .-]?)?\(?[0-9]{3}\)?[ .-]?[0-9]{3}[.-][0-9]{4}(?![0-9])"
    r"|\+[0-9]{1,3}(?:[ .-]?[0-9]{1,4}){2,5}(?![0-9])"
)
_LEGAL = (
    r"[0-9]+[ \t]+(?:U\.S\.C\.|USC|C\.F\.R\.|CFR|Stat\.|Fed\.[ \t]?Reg\.|F\.R\.|F\.[23]d)"
    r"[ \t]*(?:§+[ \t]*)?(?:[0-9][\w.()-]*)?"
)
# An opening bracket or parenthesis holding only a small number is a note or list marker.
_MARKER = r"(?<=[(\[])[0-9]{1,3}(?:[ \t]*[,–-][ \t]*[0-9]{1,3})*[)\]]"
_SUPERSCRIPT = "ⁱᵛˣᶦ⁰¹²³⁴⁵⁶⁷⁸⁹"
# A line that opens with a note marker is an endnote or footnote entry.
_CITATION_LINE = (
    rf"(?<=\n)[ \t]*(?:[-*•][ \t]*)?(?:[{_SUPERSCRIPT}]+|\^\{{?[ivxlcdm0-9]+\}}?|\[[0-9]{{1,3}}\])"
    r"[^\n]*"
    r"|(?<=\n)[ \t]*[0-9]{1,3}\.?[ \t]+[A-Z“\"][^\n]*?"
    r"(?:https?://|www\.|\bdoi\b|Ibid|et[ \t]al\.|Accessed|Retrieved|CRS[ \t]Report|, pp?\. )"
    r"[^\n]*"
)
_NOTES_SECTION = (
    r"(?<=\n)(?:End[ \t]?[Nn]otes|ENDNOTES|Footnotes|FOOTNOTES|Notes|NOTES|References|REFERENCES"
    r"|Bibliography|Works[ \t]Cited|Sources|SOURCES|Citations)[ \t]*:?[ \t]*\n[\s\S]*"
)
_SOURCE_LINE = r"(?:Sources?|SOURCES?):[^\n]*"
# A number opening a line and followed by '.' or ')' numbers a list item.
_LIST_NUMBER = r"(?<=\n)[ \t]*(?:[0-9]{1,2}[.)]|[0-9]{1,2}(?:\.[0-9]{1,2})+\.?)(?=[ \t]+[A-Z“\"])"

_EXCLUSIONS = "|".join(
    [
        _NOTES_SECTION,
        _CITATION_LINE,
        _SOURCE_LINE,
        _LIST_NUMBER,
        _REFERENCE,
        _LEGAL,
        _PHONE,
        _DATE,
        _FISCAL_YEAR,
        _YEAR_SPAN,
        _TIME,
        _MARKER,
    ]
)

_SCALE = (
    rf"(?:{_GAP}(?P<{{s}}>(?i:{SCALE_WORD_PATTERN}))(?![a-z])"
    r"|(?P<{a}>[ \t]?(?:bn|bln|mn|mln|tn|trn|MM)|[kKmMbBT])(?![A-Za-z]))"
)
_UNIT = rf"(?:{_GAP}(?P<{{u}}>{UNIT_PATTERN})(?![A-Za-z]))"


def _scale(n: str) -> str:
    return _SCALE.format(s=f"scale{n}", a=f"abbr{n}")


def _unit(n: str) -> str:
    return _UNIT.format(u=f"unit{n}")


_RANGE_TAIL = (
    r"(?P<sep>[ \t]?[-–—][ \t]?|[ \t]+(?:to|and|through)[ \t]+)"
    rf"(?P<cur2>{CURRENCY_PREFIX_PATTERN})?[ \t]?(?P<num2>{NUMBER})"
    rf"(?:{_scale('2')})?(?:{_unit('2')})?"
)
_DIGIT_QUANTITY = (
    rf"(?P<cur>{CURRENCY_PREFIX_PATTERN})?[ \t]?(?P<num>{NUMBER})"
    rf"(?:{_scale('')})?(?:{_unit('')})?(?:{_RANGE_TAIL})?(?![\w])"
)
_WORD_QUANTITY = (
    rf"(?:(?P<words>{WORD_NUMBER_PATTERN})"
    rf"(?:[ \t]+(?P<wsep>to|and)[ \t]+(?P<words2>{WORD_NUMBER_PATTERN}))?"
    rf"(?:[ -](?P<wscale>(?i:{SCALE_WORD_PATTERN}))(?![a-z]))?"
    rf"|(?P<article>{ARTICLE_PATTERN})[ -](?P<ascale>(?i:{SCALE_WORD_PATTERN}))(?![a-z]))"
    rf"(?:{_unit('w')})?(?![\w])"
)

QUANTITY_SCAN = re.compile(
    rf"{LEAD}(?:(?P<x>{_EXCLUSIONS})|(?P<q>{_DIGIT_QUANTITY})|(?P<w>{_WORD_QUANTITY}))"
)
