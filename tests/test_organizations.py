from pathlib import Path

import pytest

from pipeline.extract.organizations import extract_organizations
from pipeline.schemas import get_schema

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS = REPO_ROOT.parent / "shared" / "seeds"
CORPUS = Path(__file__).resolve().parent / "corpus" / "acronyms"


def _paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) + sorted(CORPUS.glob("*.txt"))


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _by_name(text: str) -> dict[str, dict]:
    return {r["name"]: r for r in extract_organizations(text)}


def _seed(prefix: str) -> dict[str, dict]:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return _by_name(_read(path))


@pytest.mark.parametrize("path", _paths(), ids=lambda p: p.name)
def test_rows_follow_the_schema_and_reproduce_their_text(path):
    text = _read(path)
    fields = set(get_schema("organizations").field_names) - {"organization_id", "doc_id"}
    rows = extract_organizations(text)
    assert rows, "every test document names at least one body"
    for row in rows:
        assert set(row) == fields
        assert text[row["char_start"] : row["char_end"]] == row["quote"]
        if row["lead"] is not None:
            assert " ".join(text[row["lead_start"] : row["lead_end"]].split()) == row["lead"]
    names = [r["name"].lower() for r in rows]
    assert len(names) == len(set(names)), "one row per body per document"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The multi-agency U.S.-Mexico Binational Bridges and Border Crossings Group meets "
            "three times a year.",
            [("U.S.-Mexico Binational Bridges and Border Crossings Group", "board_working_group")],
        ),
        # a possessive ends the name it is glued to...
        (
            "The Department of Homeland Security's budget grew again.",
            [("Department of Homeland Security", "agency")],
        ),
        # ...but after 'and' it owns the next name
        (
            "A data link joins the Department of Labor and Mexico's Secretariat of Labor.",
            [("Department of Labor", "agency"), ("Secretariat of Labor", "agency")],
        ),
        (
            "The U.S. and Mexican Sections of the International Boundary and Water Commission "
            "work closely to distribute water.",
            [("International Boundary and Water Commission", "agency")],
        ),
        (
            "Since 2010, the high-level Executive Steering Committee for 21st Century Border "
            "Management has promoted a modern border.",
            [
                (
                    "Executive Steering Committee for 21st Century Border Management",
                    "board_working_group",
                )
            ],
        ),
        (
            "Joint Task Force Rattlesnake is made up of over 300 Cal Guard members.",
            [("Joint Task Force Rattlesnake", "task_force"), ("Cal Guard", "military_command")],
        ),
        (
            "Symbol used by the Mexican Army, Mexican Navy and Mexican Air Force.",
            [
                ("Mexican Army", "military_command"),
                ("Mexican Navy", "military_command"),
                ("Mexican Air Force", "military_command"),
            ],
        ),
        (
            "Through the Merida Initiative, the United States has appropriated more than $3.2 "
            "billion.",
            [("Merida Initiative", "program_initiative")],
        ),
        (
            "Since its inception in 2013, the 100,000 Strong in the Americas Innovation Fund, a "
            "Department-led partnership, has strengthened ties.",
            [("100,000 Strong in the Americas Innovation Fund", "fund")],
        ),
        (
            "Establish structured training programs between U.S. Customs and Border Protection "
            "(CBP), Mexico's Guardia Nacional, and the Instituto Nacional de Migración (INAMI).",
            [
                ("U.S. Customs and Border Protection", "agency"),
                ("Guardia Nacional", "military_command"),
                ("Instituto Nacional de Migración", "agency"),
            ],
        ),
        (
            "Agents of the Bureau of Alcohol, Tobacco, Firearms and Explosives and the "
            "Department of Justice traced the guns.",
            [
                ("Bureau of Alcohol, Tobacco, Firearms and Explosives", "agency"),
                ("Department of Justice", "agency"),
            ],
        ),
        (
            "This body would serve as a modernized counterpart to the Los Angeles Declaration "
            "on Migration and Protection, focusing on practical solutions.",
            [("Los Angeles Declaration on Migration and Protection", "agreement_treaty")],
        ),
        (
            "The Fulbright program in Mexico is one of the largest in the world.",
            [("Fulbright program", "program_initiative")],
        ),
        (
            "Deliveries under the 1944 Water Treaty continued.",
            [("1944 Water Treaty", "agreement_treaty")],
        ),
        (
            "Build a Latin American Strategic Partnership.",
            [("Latin American Strategic Partnership", "program_initiative")],
        ),
        # a note marker glued to the head, before or after the full stop
        (
            "Funds came from the Mérida Initiative.¹ The Bicentennial Framework² replaced it.",
            [
                ("Mérida Initiative", "program_initiative"),
                ("Bicentennial Framework", "program_initiative"),
            ],
        ),
        (
            "It is home to 4 in the United States and 6 in Mexico.ⁱ Under the 1944 Water "
            "Treaty, Mexico delivers water.",
            [("1944 Water Treaty", "agreement_treaty")],
        ),
        # a list of names with a serial comma: each item with words before its head is a name
        (
            "Mexico belongs to the United Nations, G-20, Organization of American States, "
            "Organisation for Economic Co-operation and Development, International Monetary "
            "Fund, World Bank, and World Trade Organization.",
            [
                ("United Nations", "other"),
                ("Organization of American States", "other"),
                ("Organisation for Economic Co-operation and Development", "other"),
                ("International Monetary Fund", "fund"),
                ("World Bank", "other"),
                ("World Trade Organization", "other"),
            ],
        ),
        (
            "The North American Development Bank (NADBank) and the Bank of Mexico and the "
            "Department of State^{iv} agreed.",
            [
                ("North American Development Bank", "other"),
                ("Bank of Mexico", "other"),
                ("Department of State", "agency"),
            ],
        ),
        (
            "The United Nations Office on Drugs and Crime reported it.",
            [("United Nations Office on Drugs and Crime", "agency")],
        ),
        # Spanish names joined by 'y de la': two names
        (
            "Firmaron la Agencia de Protección Ambiental de Estados Unidos y de la Secretaría "
            "de Medio Ambiente y Recursos Naturales el acuerdo.",
            [
                ("Agencia de Protección Ambiental de Estados Unidos", "agency"),
                ("Secretaría de Medio Ambiente y Recursos Naturales", "agency"),
            ],
        ),
        (
            "Aportan el Fondo de Infraestructura Fronteriza, y la de Estados Unidos, recursos.",
            [("Fondo de Infraestructura Fronteriza", "fund")],
        ),
        # a year before or after a name is not part of it (but 'Act of 1995' is)
        (
            "In fiscal year 2024, and U.S. Customs and Border Protection agreed.",
            [("U.S. Customs and Border Protection", "agency")],
        ),
        ("Fuente: Banco de México 2025.", [("Banco de México", "agency")]),
        (
            "Under the Paperwork Reduction Act of 1995 it applies.",
            [("Paperwork Reduction Act of 1995", "other")],
        ),
        # a serial list inside the words before the head is one name
        (
            "The BMCR Assessment, Monitoring, & Evaluation (AM&E) Working Group met.",
            [("BMCR Assessment, Monitoring, & Evaluation Working Group", "board_working_group")],
        ),
    ],
)
def test_names_in_sentences(sentence, expected):
    found = [(r["name"], r["kind"]) for r in extract_organizations(sentence)]
    assert found == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The board met twice, and the program ended.",
        "Create joint task forces focused specifically on arms trafficking.",
        "Working Groups Marine, Special Forces, Space",
        "California’s existing National Guard Partnerships with Ukraine and Nigeria.",
        "U.S.-Mexico Border Force Capacity Training.",
        "Mexico's Army and the Navy deployed.",
        "Drug trafficking by cartels now designated as Specially Designated Terrorist Groups.",
        "Under Mexico’s Peña Nieto administration, security cooperation was paused.",
        "A U.S. program and a Mexican program were compared.",
        "The Armed Forces are symbolic of honor and sacrifice.",
        "We fund shelters along the border.",
        "Does the Department track it?",
        "It offers a 2-hour program for drivers.",
    ],
)
def test_sentences_without_names(sentence):
    assert extract_organizations(sentence) == []


def test_brochure_boards_keep_their_line_of_effort_acronym_and_lead():
    rows = _seed("000")
    expected = {
        "Information Sharing Board": ("DOMAIN AWARENESS", "ISB", None),
        "Space Working Group": ("DOMAIN AWARENESS", "SWG", "USSPACECOM"),
        "Command and Control Interoperability Board": ("DOMAIN AWARENESS", "CCIB", None),
        "Special Forces Working Group": ("DOMAIN CONTROL", None, None),
        "Marine Working Group": ("DOMAIN CONTROL", None, None),
        "Logistics Coordination Board": ("DOMAIN CONTROL", "LCB", None),
        "Professional Military Education Working Group": (
            "INSTITUTIONAL STRENGTHENING",
            "PME",
            None,
        ),
        "STRATCOM Working Group": ("INSTITUTIONAL STRENGTHENING", "STRATCOM", None),
        "BMCR Assessment, Monitoring, & Evaluation Working Group": (
            "INSTITUTIONAL STRENGTHENING",
            "AM&E",
            "USNORTHCOM J59, DEFENSA S5 and UNIPLACE",
        ),
    }
    for name, (section, acronym, lead) in expected.items():
        row = rows[name]
        assert (row["section"], row["acronym"], row["lead"]) == (section, acronym, lead), name
        assert row["kind"] == "board_working_group"
    # The heading, the acronym alone ("The SWG, led by ...") and the second heading.
    assert rows["Space Working Group"]["mention_count"] == 4
    assert rows["Regional Defense Fellowship Program"]["acronym"] == "RDFP"


def test_fact_sheet_sections_are_its_all_caps_headings_or_bold_labels():
    state, white_house = _seed("001"), _seed("002")
    assert state["United States-Mexico-Canada Agreement"]["section"] == "BILATERAL ECONOMIC ISSUES"
    assert state["United States-Mexico-Canada Agreement"]["acronym"] == "USMCA"
    assert state["Merida Initiative"]["section"] == "U.S. SECURITY COOPERATION WITH MEXICO"
    assert state["International Boundary and Water Commission"]["kind"] == "agency"
    assert white_house["United States-Mexico-Canada Agreement"]["section"] == "Economic Cooperation"
    assert white_house["Merida Initiative"]["section"] == "Security"


def test_announcement_and_memo_names():
    announcement, memo = _seed("003"), _seed("004")
    assert announcement["State Partnership Program"]["kind"] == "program_initiative"
    assert announcement["Joint Task Force Rattlesnake"]["kind"] == "task_force"
    assert announcement["Counterdrug Task Force"]["section"] == "Protecting the border"
    for name in ("Joint Task Force Alpha", "Joint Task Force Vulcan"):
        assert memo[name]["lead"] == "Department of Justice"
        assert memo[name]["section"] == "Weapons and Drug Trafficking Enforcement"
    assert memo["Instituto Nacional de Migración"]["acronym"] == "INAMI"
    assert memo["Instituto Guatemalteco de Migración"]["acronym"] == "IGM"
    # Customs and Border Protection, with or without "U.S.", and CBP alone are one body.
    assert memo["U.S. Customs and Border Protection"]["acronym"] == "CBP"
    assert "Customs and Border Protection" not in memo
    # Bodies named only in the endnotes are not rows.
    assert "Congressional Research Service" not in memo


def test_own_brochure_lines_of_effort_leads_and_chairs():
    rows = _by_name(_read(CORPUS / "brochure_lines_of_effort.txt"))
    council = rows["Maritime Domain Awareness Council"]
    assert (council["section"], council["acronym"], council["lead"]) == (
        "LINE OF EFFORT 1: INFORMATION EXCHANGE",
        "MDAC",
        "U.S. Coast Guard District Eleven and SEMAR",
    )
    group = rows["Cyber Incident Response Working Group"]
    assert group["lead"] == "Cybersecurity and Infrastructure Security Agency"
    for name in ("Joint Task Force Sonora", "Joint Task Force Baja"):
        assert rows[name]["lead"] == "U.S. Army North"
        assert rows[name]["section"] == "LINE OF EFFORT 2: CAPACITY BUILDING"
    assert rows["Border Training Fund"]["kind"] == "fund"
    assert rows["La Paz Agreement"]["kind"] == "agreement_treaty"
    assert rows["Border Environment Cooperation Program"]["acronym"] == "BECP"
    assert not any("Partnerships" in name or "Working Groups" in name for name in rows)


def test_spanish_names_with_commas_and_articles():
    memo = _by_name(_read(CORPUS / "memo_glossary.txt"))
    assert memo["Secretaría de Infraestructura, Comunicaciones y Transportes"]["acronym"] == "SICT"
    report = _by_name(_read(CORPUS / "report_spanish_names.txt"))
    assert report["Comisión Mexicana de Ayuda a Refugiados"]["acronym"] == "COMAR"
    assert report["Instituto para Devolver al Pueblo lo Robado"]["acronym"] == "INDEP"
    assert report["Guardia Nacional"]["acronym"] == "GN"


@pytest.mark.parametrize("path", _paths(), ids=lambda p: p.name)
def test_windows_line_endings_give_the_same_rows(path):
    text = _read(path)

    def facts(rows: list[dict]) -> list[tuple]:
        return [(r["name"], r["kind"], r["acronym"], r["section"], r["lead"]) for r in rows]

    crlf = extract_organizations(text.replace("\n", "\r\n"))
    assert facts(crlf) == facts(extract_organizations(text))
