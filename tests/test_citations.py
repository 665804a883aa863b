"""Endnote entries (with their bibliographic fields) and the note markers in the body."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract.bibliography import find_date, parse_entry
from pipeline.extract.citations import (
    extract_citation_mentions,
    extract_citations,
    marker_number,
)

REPO = Path(__file__).resolve().parent.parent
RAW = REPO / "raw"
CORPUS = REPO / "tests" / "corpus" / "structure"
MEMO = "004_56bb4bad0c193031.txt"
NO_NOTES = [
    "000_b260a5a1ffb7bc83.txt",
    "001_1cb4359ec7be3ce3.txt",
    "002_19013b2228f71610.txt",
    "003_c0f9455023bfcfeb.txt",
]


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def memo() -> str:
    return read(RAW / MEMO)


def test_memo_has_26_endnotes_i_to_xxvi(memo: str) -> None:
    rows = extract_citations(memo)
    assert [r["number"] for r in rows] == list(range(1, 27))
    assert [r["marker"] for r in rows[:5]] == ["ⁱ", "ⁱⁱ", "ⁱⁱⁱ", "^{iv}", "^v"]
    assert rows[-1]["marker"] == "^{xxvi}"
    for r in rows:
        assert memo[r["char_start"] : r["char_end"]] == r["quote"]
        assert r["quote"].startswith(r["marker"])


def test_memo_ibid_points_at_the_note_it_repeats(memo: str) -> None:
    rows = {r["number"]: r for r in extract_citations(memo)}
    assert rows[7]["ibid_of"] == 6
    assert rows[7]["title"] is None
    assert all(r["ibid_of"] is None for n, r in rows.items() if n != 7)


@pytest.mark.parametrize(
    ("number", "field", "value"),
    [
        (1, "authors", "Garrison, Cassandra, David Shepardson, and Ben Layman"),
        (1, "container", "Reuters"),
        (1, "date", "2024-11-27"),
        (3, "container", "Wilson Center"),
        (3, "date", None),
        (3, "date_text", "2024"),
        (4, "doi", "10.25613/8Q6E-ON53"),
        (5, "date", "2025-02-27"),
        (8, "authors", "Seelke, C. R."),
        (8, "date", "2024-10-01"),
        (9, "date_text", "February 2017"),
        (11, "container", "Journal of Quantitative Criminology"),
        (16, "title", "Subject Matter Expert Interview: Chatham House Rules Applied"),
        (16, "authors", None),
        (17, "accessed_date", "2025-04-04"),
        (17, "date", None),
        (17, "url", "www.cbp.gov/travel/preclearance"),
        (25, "title", "The Iron River of Weapons to Mexico: Its sources and contents"),
        (26, "date", "2025-01-08"),
    ],
)
def test_memo_entry_fields(memo: str, number: int, field: str, value: object) -> None:
    rows = {r["number"]: r for r in extract_citations(memo)}
    assert rows[number][field] == value


def test_memo_mentions_every_marker_in_the_body(memo: str) -> None:
    mentions = extract_citation_mentions(memo)
    assert len(mentions) == 25
    notes_start = memo.index("\nEndnotes\n")
    assert all(m["char_end"] <= notes_start for m in mentions)
    for m in mentions:
        assert memo[m["char_start"] : m["char_end"]] == m["quote"] == m["marker"]
        assert m["sentence"].endswith(m["marker"]) or m["marker"] + " " in m["sentence"]
    first = mentions[0]
    assert first["marker"] == "ⁱ" and first["sentence"].startswith("Stabilizing trade with Mexico")
    # Notes x and xi are never cited; xxi is cited twice.
    assert {m["number"] for m in mentions} == set(range(1, 27)) - {10, 11}


def test_memo_misnumbered_marker_is_flagged(memo: str) -> None:
    flagged = [m for m in extract_citation_mentions(memo) if m["flag"]]
    assert [(m["marker"], m["flag"]) for m in flagged] == [("^{xxi}", "out_of_sequence")]
    assert flagged[0]["sentence"].startswith("President Andrés Manuel López Obrador criticized")


def test_marker_glued_after_a_full_stop_cuts_the_sentence(memo: str) -> None:
    by_number = {m["number"]: m for m in extract_citation_mentions(memo)}
    assert by_number[2]["sentence"].startswith("Currently, the PRC controls")
    assert by_number[2]["sentence"].endswith("national security.ⁱⁱ")


@pytest.mark.parametrize("name", NO_NOTES)
def test_documents_without_notes_yield_nothing(name: str) -> None:
    text = read(RAW / name)
    assert extract_citations(text) == []
    assert extract_citation_mentions(text) == []


@pytest.mark.parametrize(
    ("marker", "number"),
    [("ⁱ", 1), ("ⁱⁱⁱ", 3), ("^{iv}", 4), ("^v", 5), ("^{xiii}", 13), ("^{xxvi}", 26),
     ("¹²", 12), ("[4]", 4), ("12.", 12), ("^{iiii}", None), ("^{vx}", None)],
)  # fmt: skip
def test_marker_number(marker: str, number: int | None) -> None:
    assert marker_number(marker) == number


@pytest.mark.parametrize(
    ("text", "iso", "printed"),
    [
        ("Reuters. November 27, 2024. www.reuters.com", "2024-11-27", "November 27, 2024"),
        ("Migration Policy Institute, 27 Feb. 2025, www", "2025-02-27", "27 Feb. 2025"),
        ("Seelke, C. R. (2024, October 1). Title", "2024-10-01", "2024, October 1"),
        ("Archives, Jan 8, 2025.", "2025-01-08", "Jan 8, 2025"),
        ("Wilson Center, February 2017. www", None, "February 2017"),
        ("(Washington, DC: Wilson Center, 2024), 12", None, "2024"),
        ("Spring 2025", None, "Spring 2025"),
        ("Sections 333, 312, 332 and 321", None, None),
    ],
)
def test_find_date(text: str, iso: str | None, printed: str | None) -> None:
    found = find_date(text)
    if printed is None:
        assert found is None
    else:
        assert found is not None and (found[0], found[1]) == (iso, printed)


def test_apa_journal_article_title_and_container() -> None:
    fields = parse_entry(
        "Smith, J., & Ortega, L. (2023, June 5). Transboundary fire regimes in the Sky "
        "Islands. *Fire Ecology*, 19(2), 45–60. https://doi.org/10.1186/s42408-023-00190-1"
    )
    assert fields["title"] == "Transboundary fire regimes in the Sky Islands"
    assert fields["container"] == "Fire Ecology"
    assert fields["authors"] == "Smith, J., & Ortega, L."
    assert fields["date"] == "2023-06-05"
    assert fields["doi"] == "10.1186/s42408-023-00190-1"


def test_numbered_notes_and_glued_markers() -> None:
    text = read(CORPUS / "memo_numbered_list.txt")
    rows = extract_citations(text)
    assert [(r["marker"], r["number"]) for r in rows] == [("1.", 1), ("2.", 2), ("3.", 3)]
    assert rows[0]["container"] == "Texas Water Journal"
    assert rows[1]["ibid_of"] == 1
    assert rows[2]["accessed_date"] == "2025-05-02" and rows[2]["date"] is None
    mentions = extract_citation_mentions(text)
    assert [(m["marker"], m["number"]) for m in mentions] == [("1", 1), ("2", 2), ("3", 3)]
    assert mentions[1]["sentence"].startswith("Deliveries fell short")
    # The numbered list in the body and the numbered recommendations are not notes.
    assert all(text[r["char_start"] :].startswith(r["marker"] + " ") for r in rows)
    assert all(r["char_start"] > text.index("\nNotes\n") for r in rows)


GAO_STYLE = (
    "CBP inspects trucks at 26 land ports along the 1,954-mile border.1 In fiscal year 2024 "
    "these ports processed 7.4 million crossings.\n\nCBP scanned 52 percent of trucks.2\n\n"
    "Footnotes\n1The southwest border land ports of entry are in California, Arizona, New "
    "Mexico, and Texas. CBP counts 26 ports; some include more than one crossing.\n"
    "2See GAO, Southwest Border: Additional Actions Needed, GAO-23-105441 (Washington, D.C.: "
    "Feb. 14, 2023).\n"
)


def test_footnotes_glued_to_their_first_word_and_explanatory_notes() -> None:
    rows = extract_citations(GAO_STYLE)
    assert [(r["marker"], r["number"]) for r in rows] == [("1", 1), ("2", 2)]
    # a note that explains has nothing bibliographic to read; a citation has
    assert rows[0]["title"] is None and rows[0]["date"] is None
    assert rows[1]["title"] is not None
    mentions = extract_citation_mentions(GAO_STYLE)
    assert [(m["marker"], m["number"]) for m in mentions] == [("1", 1), ("2", 2)]
    assert mentions[0]["sentence"].startswith("CBP inspects trucks")


def test_superscript_digit_notes_and_a_squared_unit() -> None:
    text = read(CORPUS / "advice_paragraphs.txt")
    assert [r["number"] for r in extract_citations(text)] == [1, 2]
    mentions = extract_citation_mentions(text)
    assert [m["marker"] for m in mentions] == ["¹", "²"]
    assert "km²" in mentions[0]["sentence"]  # the unit's ² is not a note marker


@pytest.mark.parametrize(
    "text",
    [
        # Digits glued after a full stop, but the document has no numbered notes.
        "Deliveries fell short in 2020.2 The treaty is old.\n1. Review the schedule.\n",
        # A numbered list under an ordinary heading.
        "Steps\n\n1. Review the delivery schedule.\n2. Publish monthly data.\n",
        # Numbers that are not markers.
        "Sections 333, 312, 332 and 321 fund training. COVID-19 and H-2B visas. 10 km² burned.",
        # Lines opening with a bare number, outside any notes section.
        "Briefing\n\n1 Mexican official attended.\n2 Americans spoke.\n",
        # Under a notes heading, but no run that starts at 1.
        "Trade grew.3\n\nNotes\n3 GAO, Firearms Trafficking, 2021.\n",
    ],
)
def test_texts_without_notes_yield_nothing(text: str) -> None:
    assert extract_citations(text) == []
    assert extract_citation_mentions(text) == []


def test_marker_without_an_entry_is_flagged() -> None:
    text = "Trade grew.ⁱ Crossings slowed.ⁱⁱⁱ\n\nEndnotes\n\n- ⁱ Author, “Title,” Site, 2024.\n"
    mentions = extract_citation_mentions(text)
    assert [(m["number"], m["flag"]) for m in mentions] == [(1, None), (3, "no_matching_endnote")]


def test_sentence_cut_by_a_page_break_is_joined(memo: str) -> None:
    by_number = {m["number"]: m for m in extract_citation_mentions(memo)}
    sentence = by_number[17]["sentence"]
    assert sentence.startswith("U.S. Customs and Border Protection (CBP)\n\ncurrently operates")
    assert sentence in memo


def test_footnotes_as_pdf_text_gives_them_number_space_entry() -> None:
    """A converted PDF prints a footnote as '1 Author, Title...' with no full stop after
    the number: under a notes heading, an unbroken 1, 2... run of such lines is notes."""
    text = (
        "Report\n\nThe budget request included $133.5 million.1 Congress agreed.2\n\n"
        "Notes\n"
        "1 U.S. Department of State, Congressional Budget Justification, FY2024, p. 112.\n"
        '2 CRS, "Mexico: Background," R42917, 2024.\n'
    )
    rows = extract_citations(text)
    assert [(r["marker"], r["number"]) for r in rows] == [("1", 1), ("2", 2)]
    assert rows[1]["title"] == "Mexico: Background"
    assert all(text[r["char_start"] : r["char_end"]] == r["quote"] for r in rows)
    assert rows[0]["quote"].startswith("1 U.S. Department of State")
    mentions = extract_citation_mentions(text)
    assert [(m["marker"], m["number"], m["flag"]) for m in mentions] == [
        ("1", 1, None),
        ("2", 2, None),
    ]


def test_markdown_footnotes() -> None:
    """Pandoc and most Markdown converters write notes as '[^1]' in the body and
    '[^1]: entry' at the end; the entry's own marker is not a mention."""
    text = (
        "Roughly 5 million U.S. jobs depend on trade with Mexico[^1]. Exports grew[^2].\n\n"
        '[^1]: U.S. Chamber of Commerce, "Mexico Trade Fact Sheet," 2024.\n'
        '[^2]: CRS, "U.S.-Mexico Trade," IF10997, 2025.\n'
    )
    rows = extract_citations(text)
    assert [(r["marker"], r["number"], r["title"]) for r in rows] == [
        ("[^1]", 1, "Mexico Trade Fact Sheet"),
        ("[^2]", 2, "U.S.-Mexico Trade"),
    ]
    assert all(text[r["char_start"] : r["char_end"]] == r["quote"] for r in rows)
    mentions = extract_citation_mentions(text)
    assert [(m["quote"], m["number"], m["flag"]) for m in mentions] == [
        ("[^1]", 1, None),
        ("[^2]", 2, None),
    ]
