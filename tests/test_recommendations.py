"""Recommendations read from layout: labelled lists, sections of headed paragraphs,
bold leads, numbered heads; nothing where a document has no recommendations section."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from pipeline.extract.recommendations import extract_recommendations

REPO = Path(__file__).resolve().parent.parent
RAW = REPO / "raw"
CORPUS = REPO / "tests" / "corpus" / "structure"
MEMO = "004_56bb4bad0c193031.txt"


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def memo() -> tuple[str, list[dict]]:
    text = read(RAW / MEMO)
    return text, extract_recommendations(text)


def test_memo_key_recommendations_per_pillar(memo: tuple[str, list[dict]]) -> None:
    _, rows = memo
    key = [r for r in rows if r["part"] == "key_recommendations"]
    assert Counter(r["section"] for r in key) == {
        "Pillar I: Trade and USMCA": 6,
        "Pillar II: Migration Management": 7,
        "Pillar III: Security Cooperation": 7,
    }
    assert {r["layout"] for r in key} == {"list_item"}
    assert all(r["heading"] is None for r in key)


def test_memo_list_split_by_page_break_stays_one_list(memo: tuple[str, list[dict]]) -> None:
    _, rows = memo
    pillar_two = [r["text"] for r in rows if r["section"] == "Pillar II: Migration Management"]
    assert pillar_two[1].startswith("Establish trilateral cooperation with Mexico and Guatemala")
    assert pillar_two[2].startswith("Enhance coordination between U.S. federal agencies")


def test_memo_policy_recommendations_are_headed_paragraphs(memo: tuple[str, list[dict]]) -> None:
    _, rows = memo
    policy = [r for r in rows if r["part"] == "policy_recommendations"]
    assert len(policy) == 15
    assert Counter(r["section"] for r in policy) == {
        "Border Security, Enforcement, and Modernization": 4,
        "Weapons and Drug Trafficking Enforcement": 2,
        "Migration Management": 4,
        "Economic Integration and Competitiveness": 5,
    }
    assert {r["layout"] for r in policy} == {"headed_paragraph"}
    headings = [r["heading"] for r in policy]
    # A head on a line of its own and a head that opens its paragraph.
    assert "Improve supply chain security." in headings
    assert "Develop an interagency task force on arms trafficking." in headings
    # The paragraph under a standalone head is its body, though it opens with a verb.
    assert not any(h.startswith("Enhance coordination") for h in headings)


def test_memo_rows_are_grounded_and_ordered(memo: tuple[str, list[dict]]) -> None:
    text, rows = memo
    assert [r["position"] for r in rows] == list(range(1, 36))
    assert [r["char_start"] for r in rows] == sorted(r["char_start"] for r in rows)
    for r in rows:
        assert text[r["char_start"] : r["char_end"]] == r["quote"]
        assert "^{" not in r["text"] and "ⁱ" not in r["text"]


def test_memo_body_spans_page_breaks_and_continuation_paragraphs(
    memo: tuple[str, list[dict]],
) -> None:
    _, rows = memo
    by_heading = {r["heading"]: r for r in rows if r["heading"]}
    technology = by_heading[
        "Invest in and expand the use of advanced technology to secure the U.S.-Mexico border."
    ]
    assert technology["text"].count("\n") == 3  # head, then three body paragraphs
    assert "have already been multiple successful instances" in technology["text"]
    arms = by_heading[
        "Create a comprehensive enforcement strategy for reducing illicit arms sales and "
        "trafficking before the border."
    ]
    assert arms["text"].endswith("traffickers on both sides of the border.")


@pytest.mark.parametrize(
    "name",
    [
        "000_b260a5a1ffb7bc83.txt",
        "001_1cb4359ec7be3ce3.txt",
        "002_19013b2228f71610.txt",
        "003_c0f9455023bfcfeb.txt",
    ],
)
def test_documents_without_recommendation_sections_yield_nothing(name: str) -> None:
    assert extract_recommendations(read(RAW / name)) == []


@pytest.mark.parametrize(
    ("name", "parts", "sections", "layouts"),
    [
        (
            "memo_numbered_list.txt",
            {"recommendations": 4},
            {"Recommendations": 4},
            {"list_item"},
        ),
        (
            "brief_bold_leads.txt",
            {"recommendations_for_congress": 5},
            {"Port Infrastructure": 2, "Staffing and Technology": 3},
            {"headed_paragraph"},
        ),
        (
            "report_numbered_heads.txt",
            {"recommendations": 2},
            {"Findings": 2},
            {"headed_paragraph"},
        ),
        (
            "advice_paragraphs.txt",
            {"recommendations": 2},
            {"Recommendations": 2},
            {"paragraph"},
        ),
        ("factsheet_no_recommendations.txt", {}, {}, set()),
    ],
)
def test_other_document_shapes(
    name: str, parts: dict[str, int], sections: dict[str, int], layouts: set[str]
) -> None:
    text = read(CORPUS / name)
    rows = extract_recommendations(text)
    assert Counter(r["part"] for r in rows) == parts
    assert Counter(r["section"] for r in rows) == sections
    assert {r["layout"] for r in rows} == layouts
    for r in rows:
        assert text[r["char_start"] : r["char_end"]] == r["quote"]


def test_wrapped_numbered_item_is_one_recommendation() -> None:
    rows = extract_recommendations(read(CORPUS / "memo_numbered_list.txt"))
    assert rows[0]["text"] == (
        "Negotiate a new minute to the 1944 Water Treaty that sets drought-year delivery "
        "targets and a procedure for repaying shortfalls."
    )
    # The numbered list in the background section is not under a recommendations heading.
    assert not any(r["text"].startswith("Review the delivery schedule") for r in rows)


def test_bold_lead_is_the_heading() -> None:
    rows = extract_recommendations(read(CORPUS / "brief_bold_leads.txt"))
    assert rows[0]["heading"] == "Fully fund the land port modernization backlog."
    assert "**" not in rows[0]["text"]
    # The appendix after the section is not a recommendation.
    assert not any("interviews with port directors" in r["text"] for r in rows)


SECTION = (
    "Border Policy Memo\n\nPolicy Recommendations\n\nBorder Security\n\n"
    "Improve supply chain security.\n\n"
    "Expanding regional supply chains for critical industries is essential.\n\n{}\n"
)


@pytest.mark.parametrize(
    ("paragraph", "starts_a_recommendation"),
    [
        ("Develop an interagency task force on arms trafficking. Joint Task Force Alpha and "
         "Joint Task Force Vulcan have facilitated successful interagency cooperation.", True),
        ("U.S.-Mexico Border Force Capacity Training. Establish structured training programs "
         "between U.S. Customs and Border Protection (CBP) and Mexico's Guardia Nacional.", True),
        ("Reducing illegal migration & addressing labor force shortages. Conduct comprehensive "
         "labor market studies.", True),
        ("Eliminating migrant smuggling routes.", True),
        ("Additionally, the U.S. should increase the use of domestically produced unmanned "
         "aerial vehicles (UAVs) in border protection and counter-narcotics operations.", False),
        ("LEAs in border states and communities should engage in further intelligence sharing "
         "with Mexican state and federal police.", False),
        ("Finally, AI scanning technologies, including existing pre-deployment projects such "
         "as DHS-69 and DHS-313, should be rapidly completed and fully funded.", False),
        ("The integration of x-ray screening technology assisted by advanced neural networks "
         "is a critical tool for helping border enforcement detect anomalies.", False),
        ("Importantly, trade with Mexico gives the U.S. an advantage over the PRC. As the PRC "
         "has gained more influence over global trade, it has become critical.", False),
        ("CBP currently operates at 15 locations across the world with U.S. CBP agents "
         "stationed at foreign airports.", False),
    ],
)  # fmt: skip
def test_which_paragraphs_open_a_recommendation(
    paragraph: str, starts_a_recommendation: bool
) -> None:
    rows = extract_recommendations(SECTION.format(paragraph))
    assert len(rows) == (2 if starts_a_recommendation else 1)
    if not starts_a_recommendation:
        assert rows[0]["text"].endswith(paragraph)


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 the commission issued recommendations on port staffing.\n"
        "- Most have been adopted.\n- Two are pending.\n",
        "Memo\n\nRecommendations\n\n"
        "The border region has a combined population of 15 million people.\n",
        "Background\n\n- Mexico is the top foreign destination for U.S. travelers.\n",
        "",
    ],
)
def test_texts_that_yield_no_recommendations(text: str) -> None:
    assert extract_recommendations(text) == []


def test_document_title_naming_recommendations_is_not_a_section() -> None:
    text = (
        "Recommendations for Border Policy\n\nKey facts:\n\n- Trade is growing.\n"
        "- Crossings are slow.\n\nBackground\n\nThe border is long.\n"
    )
    assert extract_recommendations(text) == []


def test_label_takes_the_enclosing_section_and_ends_with_its_list() -> None:
    text = (
        "Memo\n\nPillar I: Trade\n\nTrade is growing.\n\nKey Recommendations:\n\n"
        "- Expand regional supply chains.\n- Extend the agreement.\n\n"
        "Develop a fund for ports. This paragraph is outside the list.\n"
    )
    rows = extract_recommendations(text)
    assert [(r["part"], r["section"]) for r in rows] == [
        ("key_recommendations", "Pillar I: Trade"),
        ("key_recommendations", "Pillar I: Trade"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a heading set right above its paragraph, no blank line between, still heads it
        (
            "Memo\n\nSummary\nTrade is growing.\n\nRecommendations\n"
            "Congress should fund two new ports.\nDHS should hire more officers.\n\n"
            "Notes\n1 GAO, Report 23-105425, 2023.\n",
            ["Congress should fund two new ports.\nDHS should hire more officers."],
        ),
        # a wrapped line that stops on a small word carries its sentence over: no heading
        (
            "Memo\n\nRecommendations\n\nThe Board urges the United States and\n"
            "Mexico to fund the ports.\n",
            ["The Board urges the United States and\nMexico to fund the ports."],
        ),
    ],
)
def test_a_heading_needs_no_blank_line_under_it(text: str, expected: list[str]) -> None:
    assert [r["quote"] for r in extract_recommendations(text)] == expected
