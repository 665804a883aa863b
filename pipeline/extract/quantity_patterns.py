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
from pipeline.extract.quantity_trie import case_variants, regex_trie, word_list, words_trie
from pipeline.extract.quantity_units import CURRENCY_PREFIX_PATTERN, UNIT_PATTERN

# An arrow before a change is no sign ('↑6%'); '±2.3 percentage points' is a margin of 2.3;
# '(n=247)' is a sample's size.
LEAD = r"[\s(\[“\"'‘—*_•~↑↓±≈=]"
# '1½ percent', as the IMF prints a half
# '4\u202f612': the narrow space that Spanish and SI print between groups of thousands;
# UN and ECLAC texts print a no-break space there ('842\xa0300 million'), after a group of
# at most three digits ('2024\xa0300 trucks' is a year and a count)
# A common fraction: '1⁄2 mile' with the fraction slash; after a whole number of at most
# three digits and a space, with either slash ('2 1/2 hours', '$21 1⁄2 million'). A bare
# '3/4' is a date or a ratio.
_FRACTION = r"(?:1[⁄/][2-58]|2[⁄/][35]|3[⁄/][458]|4[⁄/]5|[57][⁄/]8)(?![0-9/⁄.,])"
NUMBER = (
    r"[0-9]+(?:[.,][0-9]+|[\u202f\u2009][0-9]{3}(?![0-9])"
    r"|(?<![0-9]{4})\xa0[0-9]{3}(?![0-9.,]))*"
    rf"(?:[½¼¾⅓⅔]|(?<![0-9]{{4}})[ \xa0]{_FRACTION}|(?<=[0-9])(?<![0-9]{{2}})⁄[2-8](?![0-9/⁄.,]))?"
)
YEAR = r"[12](?:(?<=1)[89]|(?<=2)0)[0-9]{2}"
_SPANISH_MONTHS = word_list(
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre"
    " noviembre diciembre"
)
_MONTH_NAMES = word_list(
    "January February March April May June July August September October November December"
    " Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
) + [v for m in _SPANISH_MONTHS for v in (m, m.capitalize())]
MONTH = "(?:" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + ")"
# Between a number and its scale or unit: a space or a line break (with the next line's
# indentation, as a PDF's text prints it), never a tab: in a table a tab ends the cell.
# between a number and its scale or unit: a space, a line break, or the HTML entity a
# careless conversion leaves ('1,318&nbsp;kilograms')
_GAP = r"(?:\n[ \xa0]*|[ \xa0]|&nbsp;)?-?[ \xa0]?"

# Words that, followed by a number, name a part of a text, a law or an ordered thing. Nouns
# that are also common lower-case words ('order', 'case') only count when capitalized.
_REFERENCE_NOUNS = word_list(
    "section article title chapter part paragraph clause table figure page volume item phase"
    " step tier stage round level grade amendment resolution exhibit schedule form route"
    " highway interstate flight room suite district region zone pillar objective annex"
    " version proclamation directive magnitude cycle code"
    # Spanish, as Mexican laws and parliamentary texts cite them ('el artículo 14')
    " artículo capítulo párrafo inciso sección cuadro anexo tomo página ramo acta gaceta"
)
_CAPITALIZED_REFERENCE_NOUNS = word_list(
    "Order Decree Docket Case Report Number Issue Rule Goal Finding Option Model Line"
    " Recommendation Executive_Order Public_Law"
)
_REFERENCE_ABBREVIATIONS = word_list(
    "Sec. Secs. sec. Art. Arts. Ch. Para. Paras. Fig. Figs. fig. p. pp. Vol. vol. No. Nos. no."
    " E.O. EO P.L. P._L. Pub._L. Pub.L. H.R. H._R. H.Res. S.Res. H.J.Res. S.J.Res."
    " H.Con.Res. S. § §§ Case_No. Ext. ext. Tel. tel. Tel: tel: Phone Phone: phone: Fax:"
    " Appendix Appendices appendix Núm. núm. número Número"
    # a conference call's dial-in codes, as earnings releases print them
    " Passcode Passcode: passcode passcode: PIN PIN: Conference_ID Conference_ID:"
    " Meeting_ID Meeting_ID: Access_code Access_code: Access_Code:"
)


def _reference_words() -> list[str]:
    words = [w.replace("_", " ") for w in _REFERENCE_ABBREVIATIONS]
    for noun in _REFERENCE_NOUNS:
        for form in (noun, noun + "s"):
            words += case_variants(form)
    for noun in _CAPITALIZED_REFERENCE_NOUNS:
        noun = noun.replace("_", " ")
        words += [noun, noun + "s", noun.upper()]
    return words


_REFERENCE_NUMBER = r"[0-9]+(?:[.:-][0-9A-Za-z]+)*[A-Za-z]?(?![\w])"
# 'artículos 76, fracción I, y 89': a Spanish citation names a clause of each article.
_SUBDIVISION = (
    r"(?:,?[ \t\xa0]+(?:fracci[oó]n(?:es)?|inciso|p[aá]rrafo|apartado)[ \t\xa0]+"
    r"[IVXLCivxlc0-9]+[a-z]?)?"
)
_REFERENCE = (
    # at most two spaces after the word: a wider gap or a tab is a table's, between a row's
    # label and its first cell ('Mexico volume       1,061')
    rf"{words_trie(_reference_words())}[ \xa0]{{0,2}}(?:No\.[ \t\xa0]*)?"
    rf"{_REFERENCE_NUMBER}{_SUBDIVISION}"
    # 'complementary parts 65 percent': a share of the parts, not Part 65
    r"(?![ \t\xa0]*(?:%|percent\b|per cent\b))"
    rf"(?:[ \t\xa0]*(?:,|and|or|&|through|to|y|o|e|a|[-–—])[ \t\xa0]*{_REFERENCE_NUMBER}"
    rf"{_SUBDIVISION})*"
)
# 'March 11, 2025', 'March 11 to 13, 2025', 'Sept. 21–27'
_DATE_AFTER_MONTH = (
    r"\.?[ \t\xa0]+[0-9][0-9]?(?:st|nd|rd|th)?(?![0-9])"
    r"(?:[ \t\xa0]*(?:[-–—]|to|through)[ \t\xa0]*[0-9][0-9]?(?:st|nd|rd|th)?(?![0-9.,]?[0-9])"
    r"(?![ \t\xa0]*(?:%|percent|per cent|million|billion)))?"
    rf"(?:,?[ \t\xa0]+{YEAR})?"
)
_MONTH_FIRST_DATE = words_trie(_MONTH_NAMES + [m.upper() for m in _MONTH_NAMES]) + _DATE_AFTER_MONTH
_DIGIT_FIRST_DATE = (
    # '17 January 2025', '17th of January', and Spanish '20 de enero de 2024'
    rf"[0-9][0-9]?(?:st|nd|rd|th)?[ \t\xa0]+(?:(?:of|de)[ \t\xa0]+)?{MONTH}\b\.?"
    rf"(?:,?[ \t\xa0]+(?:de[ \t\xa0]+)?{YEAR})?"
    r"|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9][0-9]?[/.][0-9][0-9]?[/.][0-9]{2,4}"
)
_FISCAL_YEAR_WORDS = ["FY", "CY", "SFY", "MY"] + [
    v
    for w in ("fiscal year", "fiscal years", "calendar year", "academic year", "school year")
    for v in case_variants(w)
]
_FISCAL_YEAR = (
    words_trie(_FISCAL_YEAR_WORDS) + r"(?:[ \t\xa0]+\(FY\))?[ \t\xa0]?'?[0-9]{2,4}"
    # 'FY 2024–25', 'FY 2022 through FY 2024'; not 'FY 2022 to 154 days'
    r"(?:[ \t\xa0]*(?:[-–—/][ \t\xa0]*(?:(?:FY|CY)[ \t\xa0]?)?(?:[0-9]{4}|[0-9]{2})"
    r"|(?:to|through|and)[ \t\xa0]*(?:(?:FY|CY)[ \t\xa0]?[0-9]{2,4}|[0-9]{4}))(?![0-9]))?"
)
_YEAR_SPAN = (
    # '2023–24' abbreviates the second year after a dash or slash only: '2018 to 36.3' is not.
    rf"{YEAR}[ \t\xa0]*(?:[-–—/][ \t\xa0]*(?:{YEAR}|[0-9]{{2}})"
    rf"|(?:to|through|until)[ \t\xa0]*{YEAR})"
    r"(?![0-9]|[.,][0-9])"
    rf"|{YEAR}s|[0-9]0s(?![\w])"
)
_DECADE = r"'[0-9]0s"
_TIME = (
    # ('12–3 p.m.': a span of the clock)
    r"(?:[0-9][0-9]?(?::[0-9]{2})?[–-])?"
    r"[0-9][0-9]?(?::[0-9]{2}(?::[0-9]{2})?)?[ \t\xa0]?(?:[ap]\.m\.|[AP]\.M\.|[ap]m\b|[AP]M\b)"
    r"|[0-9][0-9]?:[0-9]{2}(?::[0-9]{2})?|[0-9][0-9]?[ \t\xa0]o['’]clock"
    r"|[0-9][0-9]?[ \xa0]?h[ \xa0]?[0-5][0-9](?![0-9])"  # '14 h 30', '9h05': a clock time
    r"|[0-9][0-9]?/[0-9][0-9]?(?![0-9])"
)
_PHONE = r"[0-9](?:[ .-]?[0-9]{3})?[0-9]{2}\)?[ .-]?[0-9]{3}[.-][0-9]{4}(?![0-9])"
# '+52 (81) 8047-3145'; not '+12.7%' or '+603', a signed amount
_INTERNATIONAL_PHONE = r"\+[0-9]{1,3}(?:[ .-]\(?[0-9]{1,4}\)?|\([0-9]{1,4}\)){2,5}(?![0-9%])"
# '44 U.S.C. 3501', '90 FR 24511', '9874 Federal Register / Vol. 91': a citation's volume
_LEGAL = (
    r"[0-9][0-9]*[ \t\xa0]*\n?[ \t\xa0]*(?<=[ \t\xa0\n])"
    r"(?:U\.S\.C\.|USC|C\.F\.R\.|CFR|Stat\.|Fed\.[ \t\xa0]?Reg\.|F\.R\.|FR\b|F\.[23]d"
    r"|Federal[ \t\xa0]Register\b"
    # court reporters: '98 F.4th 211', '612 S.W.3d 40', '550 U.S. 544', '210 F. Supp. 3d'
    r"|F\.4th|F\.[ \t\xa0]?Supp\.|S\.W\.[23]d|So\.[ \t\xa0]?[23]d|[PA]\.[23]d|N\.[EW]\.[23]d"
    r"|S\.[ \t\xa0]?Ct\.|L\.[ \t\xa0]?Ed\.|U\.S\.(?=[ \t\xa0][0-9_]))"
    r"[ \t\xa0]*(?:§+[ \t\xa0]*)?(?:[0-9][\w.()-]*)?"
)
# An opening bracket or parenthesis holding only a small number is a note or list marker.
# '(12)', '[3, 5]', '(1-3)': note markers in brackets; '(560,000)' groups thousands
_MARKER = (
    # not a table cell, which a gap opens ('Mining   6,918   (516)': a negative)
    r"[0-9](?<=[(\[][0-9])(?<![ \t\xa0][ \t\xa0][(\[][0-9])(?<!\t[(\[][0-9])[0-9]{0,2}"
    r"(?:[ \t\xa0]*(?:,(?![0-9]{3}[)\]])|[–-])[ \t\xa0]*[0-9]{1,3})*[)\]]"
)
_SUPERSCRIPT = "ⁱᵛˣᶦ⁰¹²³⁴⁵⁶⁷⁸⁹"
# A line that opens with a note marker is an endnote or footnote entry: a citation, whose
# numbers are never quantities, unless it only explains (judged line by line in
# quantities._scan, as a notes section's lines are)
_NOTE_MARKER = (
    rf"[ \t\xa0]*(?:[-*•][ \t\xa0]*)?(?:[{_SUPERSCRIPT}]+|\^\{{?[ivxlcdm0-9]+\}}?|\[[0-9]{{1,3}}\])"
)
_CITATION_LINE = (
    r"[ \t\xa0]*[0-9]{1,3}\.?[ \t\xa0]+[A-Z“\"][^\n]*?"
    r"(?:https?://|www\.|\bdoi\b|Ibid|et[ \t\xa0]al\.|Accessed|Retrieved"
    r"|CRS[ \t\xa0]Report|, pp?\. )"
    r"[^\n]*"
)
# A source note runs to its first full stop after a word ('… (SIMA) system.'); prose may go
# on after it on the same line ('Steel import licenses are required for …').
_SOURCE_LINE = words_trie(["Source:", "Sources:", "SOURCE:", "SOURCES:"]) + (
    r"[^\n]*?(?:[a-z]{4}\.(?=[ \t\xa0]+[A-Z][a-z])|(?=\n)|\Z)"
)
# A number opening a line and followed by '.' or ')' numbers a list item.
# ('## 2.1 Resultados': a Markdown heading's section number)
_LIST_NUMBER = (
    r"[ \t\xa0]*(?:#{1,6}[ \t\xa0]+)?(?:[0-9]{1,2}[.)]|[0-9]{1,2}(?:\.[0-9]{1,2})+\.?)"
    r"(?=[ \t\xa0]+[A-ZÁÉÍÓÚÑ“\"])"
    # not a value whose unit is in capitals ('2.7 HRS' on an infographic's line)
    r"(?![ \t\xa0]+(?:HRS?|HOURS|DAYS|YEARS|MILES|KM|TONS|LBS|KG|PERCENT|MILLION|BILLION)\b)"
)

# Stretches that only hold numbers when they open a line.
# (A notes section's other lines are judged one by one: see quantity_notes.)
_LINE_EXCLUSIONS = "|".join([_CITATION_LINE, _LIST_NUMBER])
_WORD_EXCLUSIONS = "|".join([_SOURCE_LINE, _REFERENCE])
# '(520) 623 7800' after its opening bracket
_BRACKETED_AREA_PHONE = r"[0-9]{3}\)[ \xa0]?[0-9]{3}[ .-][0-9]{4}(?![0-9])"
# 'a los 11 días del mes de noviembre': a Spanish legal text's date
_DAYS_OF_MONTH = r"[0-9]{1,2}[ \t\xa0]+d[ií]as[ \t\xa0]+del[ \t\xa0]+mes\b"
# '2.9x' (a multiple: coverage, leverage), '7.62x39mm', '4x4': no quantity of ours
_TIMES_GLUED = r"[0-9][0-9,]*(?:\.[0-9]+)?[xX×](?:[0-9][0-9.]*[a-z]{0,3})?(?![A-Za-z0-9])"
# '(2018 dollars)', 'in constant 2024 pesos': the year prices are stated in, not an amount
_BASE_YEAR_CURRENCY = (
    r"(?:(?<=constant )|(?<=real )|(?<=nominal )|(?<=current )|(?<=chained )|(?<=in )|(?<=\())"
    r"(?:19|20)[0-9]{2}[ \xa0]+(?:U\.?S\.?[ \xa0]+)?(?:dollars|pesos|USD|MXN)\b"
)
_OTHER_EXCLUSIONS = "|".join(
    [
        *(_LEGAL, _PHONE, _INTERNATIONAL_PHONE, _BRACKETED_AREA_PHONE, _TIME, _MARKER),
        *(_DAYS_OF_MONTH, _TIMES_GLUED, _BASE_YEAR_CURRENCY),
    ]
)

# Phrases that make a quantity a rate ('every day', 'per year', 'annual', 'a month').
_RATE_UNITS = r"[ \t\n\xa0]+(?:day|week|month|year|hour|minute)s?\b"
_NOT_A_RATE = r"(?![ \t\xa0]+(?:[Rr]eport|[Mm]eeting|[Cc]onference|[Ss]ummit|[Rr]eview|[Ss]ession))"
_RATE = regex_trie(
    [
        (v, _RATE_UNITS)
        for w in (
            "every",
            "each",
            "per",
            "a",
            "an",
            "on a typical",
            "on an average",
            "on a normal",
            "on a given",
            "on any given",
            "in a typical",
            "in an average",
        )
        for v in case_variants(w)
    ]
    + [
        (v, r"[ \t\n\xa0]+basis")
        for w in ("on a daily", "on a weekly", "on a monthly", "on a yearly", "on an annual")
        for v in case_variants(w)
    ]
    + [(v, "") for v in case_variants("per annum")]
    + [
        (v, r"\b" + _NOT_A_RATE)
        for w in word_list("daily weekly monthly annually yearly hourly annual annualized")
        for v in case_variants(w)
    ]
)

_SCALE = (
    rf"(?:{_GAP}(?P<{{s}}>{SCALE_WORD_PATTERN})(?![a-z])"
    r"|(?P<{a}>[ \t\xa0]?(?:bn|bln|mn|mln|tn|trn|MM)|[kKmMbBT]"
    # a capital set apart only after a currency mark ('$164.7 B'): 'Route 5 B' is a name
    r"|(?({c})[ \xa0][KMB]|(?!)))(?![A-Za-z]))"
)
# Spanish puts 'de' between an amount and its unit ('1,200 millones de pesos').
# 'millones de pesos'; 'ten millions of dollars', as older English prints it
_UNIT = (
    rf"(?:{_GAP}(?:de(?:[ \t\xa0]+|\n[ \t\xa0]*)|of[ \t\xa0\n]+(?=dollars\b))?"
    rf"(?P<{{u}}>{UNIT_PATTERN})(?![A-Za-z]))"
)


def _scale(n: str) -> str:
    return _SCALE.format(s=f"scale{n}", a=f"abbr{n}", c=f"cur{n}")


def _unit(n: str) -> str:
    return _UNIT.format(u=f"unit{n}")


# between the groups of a Mexican number ('60 mil 369', '60 mil⏎369'): one space, or a
# line break the wrap put there
_GROUP_GAP = r"(?:[ \t\xa0]|[ \t\xa0]*\n[ \t\xa0]*)"
_RANGE_TAIL = (
    # never a tab before the dash: in a table it ends the cell ('44,608<tab>-16,196')
    r"(?P<sep>[ \xa0]?[-–—][ \t\xa0]?|-to-"
    r"|[ \t\xa0]*\n?[ \t\xa0]*(?<=[ \t\xa0\n])(?:to|and|through|or|vs\.?|versus|y|a)[ \t\xa0\n]+)"
    rf"(?P<cur2>{CURRENCY_PREFIX_PATTERN})?[ \t\xa0]?(?P<num2>{NUMBER})"
    rf"(?:{_GROUP_GAP}(?:mil|thousand){_GROUP_GAP}(?P<thousands_rest2>[0-9]{{1,3}})(?![0-9.,]))?"
    rf"(?:{_scale('2')})?(?:{_unit('2')})?"
)
_BREAK = r"(?:[ \t\xa0]+|[ \t\xa0]*\n[ \t\xa0]*)"  # a space, or a line break
# ... or a footnote's marker glued after the scale or unit ('$19.7 billion1', '42%²',
# '2.3 hours²'); never after a short length unit, where '2' squares it ('14 km2')
_OR_GLUED_NOTE = (
    r"|(?<=[a-z%])(?<!\bkm)(?<!\bmi)(?<!\bm)(?<!\bft)(?<!\bcm)(?<!\bmm)"
    r"(?=(?:[0-9]{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})(?![\w.,]?[0-9]))"
    # ... or a superscript marker glued to the digits ('trained more than 38,000⁵ police')
    r"|(?<=[0-9])(?=[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}(?![\w.,]?[0-9]))"
)
# A marker glued to the digits before the unit ('fell to 11,900⁹ pounds'): the quote runs
# across it, as the unit belongs to the number.
_NOTE_BEFORE_UNIT = r"(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}(?=[ \xa0]))?"
_DIGIT_QUANTITY = (
    # a sign glued to the amount is its sign ('growth of -1.2 percent', '−$2.3 billion',
    # '(+8%)', '-\\$500,000' as Markdown escapes it)
    rf"(?P<sign>[-−+](?=[0-9$€£¥]|\\\$))?(?:(?P<cur>{CURRENCY_PREFIX_PATTERN})[ \t\xa0]?)?"
    rf"(?P<num>{NUMBER}){_NOTE_BEFORE_UNIT}"
    # Mexican print writes thousands out: '36 mil 872 millones de dólares' (translated:
    # '36 thousand 872 million dollars') is 36,872 million
    rf"(?:{_GROUP_GAP}(?:mil|thousand){_GROUP_GAP}(?P<thousands_rest>[0-9]{{1,3}})(?![0-9.,]))?"
    rf"(?:{_scale('')})?"
    # and millions before them: '2 millones 87 mil trabajadores' is 2,087,000; '4 billones
    # 126 mil 803 millones de pesos' is 4,126,803 millions
    rf"(?:(?:(?<=millones)|(?<=millón)|(?<=millon)){_BREAK}"
    rf"(?P<millions_rest>[0-9]{{1,3}}){_BREAK}(?P<mil>mil)(?![\w])"
    # and the units after them: '1 millón 846 mil 320 servicios' is 1,846,320
    rf"(?:{_GROUP_GAP}(?P<mil_rest>[0-9]{{1,3}})(?![0-9.,]))?"
    rf"|(?:(?<=billones)|(?<=billón)|(?<=billon)){_BREAK}"
    rf"(?:(?P<billions_thousands>[0-9]{{1,3}}){_BREAK}mil{_BREAK})?"
    rf"(?P<billions_rest>[0-9]{{1,3}}){_BREAK}(?P<millones>millones)(?![\w]))?"
    rf"(?:{_unit('')})?(?:{_RANGE_TAIL})?(?:(?![\w]){_OR_GLUED_NOTE})"
)
# Decimals as spoken ('two point four billion dollars'): digit words after 'point'.
_DIGIT_WORDS = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine"
    r"|cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)(?![\w])"
)
_POINT = r"(?:point|punto)"
_WORD_QUANTITY = (
    rf"(?:(?P<words>{WORD_NUMBER_PATTERN})"
    rf"(?:{_BREAK}{_POINT}{_BREAK}(?P<wpoint>{_DIGIT_WORDS}(?:{_BREAK}{_DIGIT_WORDS})*))?"
    # 'sixty-two and a half percent'
    r"(?P<whalf>[ \t\xa0\n]+and[ \t\xa0\n]+a[ \t\xa0\n]+half(?![\w-]))?"
    rf"(?:[ \t\xa0]+(?P<wsep>to|and|or)[ \t\xa0]+(?P<words2>{WORD_NUMBER_PATTERN})"
    rf"(?:{_BREAK}{_POINT}{_BREAK}(?P<wpoint2>{_DIGIT_WORDS}(?:{_BREAK}{_DIGIT_WORDS})*))?)?"
    rf"(?:[ \n-](?P<wscale>{SCALE_WORD_PATTERN})(?![a-z]))?"
    rf"|(?P<article>{ARTICLE_PATTERN})[ -](?P<ascale>{SCALE_WORD_PATTERN})(?![a-z])"
    # 'more than half a ton', 'half an hour'
    rf"|(?P<half>(?i:half)[ \t\xa0]+an?)(?=[ \t\xa0]+(?:{UNIT_PATTERN})(?![A-Za-z])))"
    rf"(?:{_unit('w')})?(?![\w])"
)

# Named groups say what a match is: `line` and `x` hold no quantity; `fy`, `date` and `span`
# hold none either but state a period; `q` and `w` are candidates in digits and in words;
# `rate` marks a quantity near it as per day, per year...
QUANTITY_SCAN = re.compile(
    rf"{LEAD}(?:(?<=\n)(?:(?P<line>{_LINE_EXCLUSIONS})|(?P<note>{_NOTE_MARKER}))"
    rf"|(?P<x>{_WORD_EXCLUSIONS})"
    rf"|(?P<date>{_MONTH_FIRST_DATE})|(?P<fy>{_FISCAL_YEAR})"
    # A look-ahead on the first character lets the engine leave a position at once,
    # instead of trying every alternative that starts with a digit.
    rf"|(?=[0-9+'])(?:(?P<date2>{_DIGIT_FIRST_DATE})|(?P<span>{_YEAR_SPAN}|{_DECADE})"
    rf"|(?P<x2>{_OTHER_EXCLUSIONS}))"
    rf"|(?=[-−+0-9\\$€£¥UMCEG]|Ps\.)(?P<q>{_DIGIT_QUANTITY})|(?P<w>{_WORD_QUANTITY})"
    rf"|(?P<rate>{_RATE}))"
)
