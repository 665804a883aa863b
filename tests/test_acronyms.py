from pathlib import Path

import pytest

from pipeline.acronym_scoring import score_directory
from pipeline.extract.acronyms import (
    extract_acronyms,
    notes_start,
    schwartz_hearst_start,
    short_form_parts,
)
from pipeline.schemas import get_schema

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
CORPUS = Path(__file__).resolve().parent / "corpus" / "acronyms"


def _texts() -> list[tuple[str, str]]:
    paths = sorted((SHARED / "seeds").glob("*.txt")) + sorted(CORPUS.glob("*.txt"))
    return [(p.name, p.read_bytes().decode("utf-8")) for p in paths]


def test_seed_gold_precision_and_recall(capsys):
    score = score_directory(SHARED / "seeds", SHARED / "gold" / "seed_acronyms.csv")
    with capsys.disabled():
        print("\n[seed gold] " + score.summary())
    assert score.precision >= 0.98, score.summary()
    assert score.recall >= 0.95, score.summary()


def test_own_documents_precision_and_recall(capsys):
    score = score_directory(CORPUS, CORPUS / "expected.csv")
    with capsys.disabled():
        print("\n[tests/corpus/acronyms] " + score.summary())
    assert score.precision >= 0.98, score.summary()
    assert score.recall >= 0.95, score.summary()


@pytest.mark.parametrize(("name", "text"), _texts(), ids=[n for n, _ in _texts()])
def test_every_span_reproduces_its_text(name, text):
    schema_fields = set(get_schema("acronyms").field_names) - {"acronym_id", "doc_id"}
    for rec in extract_acronyms(text):
        assert set(rec) == schema_fields
        assert text[rec["char_start"] : rec["char_end"]] == rec["quote"]
        assert text[rec["acronym_start"] : rec["acronym_end"]] == rec["acronym_as_printed"]
        long = text[rec["expansion_start"] : rec["expansion_end"]]
        assert " ".join(long.split()) == rec["expansion"]
        assert rec["char_start"] <= min(rec["acronym_start"], rec["expansion_start"])
        assert rec["char_end"] >= max(rec["acronym_end"], rec["expansion_end"])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Space Working Group (SWG)\n\nThe SWG, led by USSPACECOM, aims to strengthen ties.",
            [("SWG", "SWG", "Space Working Group", "long_form_paren")],
        ),
        (
            "The Drug Enforcement Administration's (DEA) agents work in Mexico.",
            [("DEA", "DEA", "Drug Enforcement Administration", "long_form_paren")],
        ),
        (
            "The BMCR Assessment, Monitoring, & Evaluation (AM&E) Working Group is chaired by "
            "USNORTHCOM J59.",
            [("AM&E", "AM&E", "Assessment, Monitoring, & Evaluation", "long_form_paren")],
        ),
        (
            "IMET: International Military Education and Training. CDI-WMD: Combat Development "
            "and Integration-Weapons of Mass Destruction. OHDACA: Overseas Humanitarian "
            "Disaster Assistance and Civic Aid",
            [
                ("IMET", "IMET", "International Military Education and Training", "glossary_line"),
                (
                    "CDI-WMD",
                    "CDI-WMD",
                    "Combat Development and Integration-Weapons of Mass Destruction",
                    "glossary_line",
                ),
                (
                    "OHDACA",
                    "OHDACA",
                    "Overseas Humanitarian Disaster Assistance and Civic Aid",
                    "glossary_line",
                ),
            ],
        ),
        (
            "the U.S. should increase the use of domestically produced unmanned aerial vehicles "
            "(UAVs) in border protection",
            [("UAV", "UAVs", "unmanned aerial vehicles", "long_form_paren")],
        ),
        (
            "Establish structured training programs between U.S. Customs and Border Protection "
            "(CBP), Mexico's Guardia Nacional, and the Instituto Nacional de Migración (INAMI).",
            [
                ("CBP", "CBP", "U.S. Customs and Border Protection", "long_form_paren"),
                ("INAMI", "INAMI", "Instituto Nacional de Migración", "long_form_paren"),
            ],
        ),
        (
            "The United States-Mexico-Canada Agreement\n(USMCA) will support mutually "
            "beneficial trade.",
            [("USMCA", "USMCA", "United States-Mexico-Canada Agreement", "long_form_paren")],
        ),
        (
            "Officials from the navy (Secretaría de Marina, SEMAR) attended as observers.",
            [("SEMAR", "SEMAR", "Secretaría de Marina", "paren_long_form_comma")],
        ),
        (
            "Agents of the ATF (Bureau of Alcohol, Tobacco, Firearms and Explosives) traced guns.",
            [
                (
                    "ATF",
                    "ATF",
                    "Bureau of Alcohol, Tobacco, Firearms and Explosives",
                    "short_form_paren_long",
                )
            ],
        ),
        (
            "Mexico's National Migration Institute (INM) processes asylum claims.",
            [("INM", "INM", "National Migration Institute", "long_form_paren_reordered")],
        ),
        (
            "The Agencia Nacional de Aduanas de México (ANAM) presented its staffing plan.",
            [("ANAM", "ANAM", "Agencia Nacional de Aduanas de México", "long_form_paren")],
        ),
        # the acronym of a bureau stands for the bureau, though its letters skip 'Bureau of'
        (
            "Agents of the Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF) traced "
            "the rifles.",
            [
                (
                    "ATF",
                    "ATF",
                    "Bureau of Alcohol, Tobacco, Firearms and Explosives",
                    "long_form_paren",
                )
            ],
        ),
        # the place a body belongs to is part of its name
        (
            "The Texas Department of Public Safety (DPS) said it would not add inspections.",
            [("DPS", "DPS", "Texas Department of Public Safety", "long_form_paren")],
        ),
        # Markdown emphasis around the name is not part of it
        (
            "The USMCA's **Rapid Response Labor Mechanism** (RRM) lets the United States act.",
            [("RRM", "RRM", "Rapid Response Labor Mechanism", "long_form_paren")],
        ),
        (
            "The _Rapid Response Labor Mechanism_ (RRM) lets the United States act.",
            [("RRM", "RRM", "Rapid Response Labor Mechanism", "long_form_paren")],
        ),
        (
            "- POE – port of entry\nFAST\tFree and Secure Trade",
            [
                ("POE", "POE", "port of entry", "glossary_line"),
                ("FAST", "FAST", "Free and Secure Trade", "glossary_line"),
            ],
        ),
        # An English name of a Mexican body before its Spanish acronym.
        (
            "Truckers, represented by the National Chamber of Freight Transportation "
            "(CANACAR), waited nine hours.",
            [
                (
                    "CANACAR",
                    "CANACAR",
                    "National Chamber of Freight Transportation",
                    "long_form_paren_translated",
                )
            ],
        ),
        (
            "We estimate the effect with instrumental variables (IV) from rainfall.",
            [("IV", "IV", "instrumental variables", "long_form_paren")],
        ),
        (
            "Capital came from the U.S. International Development Finance Corporation (DFC).",
            [
                (
                    "DFC",
                    "DFC",
                    "U.S. International Development Finance Corporation",
                    "long_form_paren",
                )
            ],
        ),
        (
            "yields fell. The Interbank Equilibrium Interest Rate\n(TIIE) at 28 days stood at 7%.",
            [("TIIE", "TIIE", "Interbank Equilibrium Interest Rate", "long_form_paren")],
        ),
        (
            "Annual headline inflation, measured by the National Consumer Price Index (INPC), "
            "went down.",
            [("INPC", "INPC", "National Consumer Price Index", "long_form_paren")],
        ),
        (
            # no comma between: the lower-case 'in' that gave the I still gives way
            "Inflation, as measured by the change in the National\nConsumer Price Index "
            "(INPC), was 3.7%.",
            [("INPC", "INPC", "National Consumer Price Index", "long_form_paren")],
        ),
        (
            # the shortest match takes I, N and E from 'Institute': the initials, reordered
            "Observers noted that the National Electoral Institute (INE) audited spending.",
            [("INE", "INE", "National Electoral Institute", "long_form_paren")],
        ),
        (
            # ... and M from inside 'Automotive', leaving 'Mexican' out
            "member companies of the Mexican Automotive Industry\nAssociation (AMIA).",
            [("AMIA", "AMIA", "Mexican Automotive Industry Association", "long_form_paren")],
        ),
        (
            # a capitalized article inside a sentence is part of the name, across a wrap
            "Delivery of the notes in book-entry form will be made through\nThe Depository "
            "Trust Company (DTC) and its participants.",
            [("DTC", "DTC", "The Depository Trust Company", "long_form_paren")],
        ),
        (
            "Dr. Ana Lucía Villaseñor, Professor and Researcher, El Colegio de la Frontera "
            "Norte (COLEF)",
            [("COLEF", "COLEF", "El Colegio de la Frontera Norte", "long_form_paren")],
        ),
        (
            # after a heading the article opens the sentence: not part of the name
            "Trade agreements\nThe United States-Mexico-Canada Agreement (USMCA) has governed "
            "trade since July 1, 2020.",
            [("USMCA", "USMCA", "United States-Mexico-Canada Agreement", "long_form_paren")],
        ),
        (
            # a glossary line's gloss after the name is no part of it
            "NAPAPI: North American Plan for Animal and Pandemic Influenza, the trilateral "
            "plan signed in 2012 with Canada.",
            [
                (
                    "NAPAPI",
                    "NAPAPI",
                    "North American Plan for Animal and Pandemic Influenza",
                    "glossary_line",
                )
            ],
        ),
        (
            "IMET: International Military Education and Training, a program of State.",
            [("IMET", "IMET", "International Military Education and Training", "glossary_line")],
        ),
        (
            # the country's initials before a body named by its head ('Department of')
            "The U.S. Department of Health and Human Services (HHS) and Mexico’s Secretaría de "
            "Salud work together.",
            [
                (
                    "HHS",
                    "HHS",
                    "U.S. Department of Health and Human Services",
                    "long_form_paren",
                )
            ],
        ),
        (
            # an owner's body after a possessive, not the words before it
            "working with the U.S. Food and Drug Administration and Mexico’s National Service "
            "for Agro-Alimentary Health, Safety and Quality (SENASICA) on produce.",
            [
                (
                    "SENASICA",
                    "SENASICA",
                    "National Service for Agro-Alimentary Health, Safety and Quality",
                    "long_form_paren_translated",
                )
            ],
        ),
        (
            "Mexico’s Federal Attorney for Environmental Protection (PROFEPA) opened 29 cases.",
            [
                (
                    "PROFEPA",
                    "PROFEPA",
                    "Federal Attorney for Environmental Protection",
                    "long_form_paren_translated",
                )
            ],
        ),
        (
            # a forwarded e-mail's quote marks are no part of the name
            "> patrol road along the Rio Grande, for U.S. Customs\n> and Border Protection (CBP).",
            [("CBP", "CBP", "U.S. Customs and Border Protection", "long_form_paren")],
        ),
        (
            # a glossary line's name may open with its body's head the letters skip
            "Glossary. INL: Bureau of International Narcotics and Law Enforcement Affairs. "
            "FGR: Fiscalía General de la República.",
            [
                (
                    "INL",
                    "INL",
                    "Bureau of International Narcotics and Law Enforcement Affairs",
                    "glossary_line",
                ),
                ("FGR", "FGR", "Fiscalía General de la República", "glossary_line"),
            ],
        ),
        (
            # ... and the name whose initials spell more of the letters is the entry's
            "Glossary. ANAM: Agencia Nacional de Aduanas de México. SEMAR: Secretaría de Marina.",
            [
                ("ANAM", "ANAM", "Agencia Nacional de Aduanas de México", "glossary_line"),
                ("SEMAR", "SEMAR", "Secretaría de Marina", "glossary_line"),
            ],
        ),
        (
            # the country's initials across a line break, as on one line
            "The remaining $642.5 million comes as loans from the U.S.\nInternational "
            "Development Finance Corporation (DFC) and the Export-Import Bank.",
            [
                (
                    "DFC",
                    "DFC",
                    "U.S. International Development Finance Corporation",
                    "long_form_paren",
                )
            ],
        ),
        (
            # a name's connectors do not count toward the published length limit
            "En coordinación con el Instituto de los Mexicanos en el Exterior (IME) se "
            "atendió a 312 personas.",
            [("IME", "IME", "Instituto de los Mexicanos en el Exterior", "long_form_paren")],
        ),
        (
            "Subheading 0702.00 of the Harmonized Tariff Schedule of the United States (HTS) "
            "covers fresh tomatoes.",
            [("HTS", "HTS", "Harmonized Tariff Schedule of the United States", "long_form_paren")],
        ),
        (
            # ... and a Spanish office's head stays on its name once the letters match
            "El trabajo con la Oficina de Alcohol, Tabaco, Armas de Fuego y Explosivos (ATF) "
            "continuará.",
            [
                (
                    "ATF",
                    "ATF",
                    "Oficina de Alcohol, Tabaco, Armas de Fuego y Explosivos",
                    "long_form_paren",
                )
            ],
        ),
        (
            # an article printed twice: the capitalized one opens no name of its own
            "506 miles of flood control levees along the\nThe U.S. Section of the "
            "International Boundary and Water Commission (USIBWC)",
            [
                (
                    "USIBWC",
                    "USIBWC",
                    "U.S. Section of the International Boundary and Water Commission",
                    "long_form_paren",
                )
            ],
        ),
        (
            # the state a body belongs to, opening the sentence
            "February 14 — Roma, Texas. Texas Department of Public Safety (DPS) troopers "
            "apprehended 23 people.",
            [("DPS", "DPS", "Texas Department of Public Safety", "long_form_paren")],
        ),
        (
            "Ahead of the review, the Office of the\nUnited States Trade Representative (USTR) "
            "is publishing this summary.",
            [
                (
                    "USTR",
                    "USTR",
                    "Office of the United States Trade Representative",
                    "long_form_paren",
                )
            ],
        ),
        (
            "trade under the United States–Mexico–\nCanada Agreement (USMCA) grew.",
            [("USMCA", "USMCA", "United States–Mexico–Canada Agreement", "long_form_paren")],
        ),
        (
            "In 2022 the UN Committee on Enforced Disappearances (CED) found that",
            [("CED", "CED", "UN Committee on Enforced Disappearances", "long_form_paren")],
        ),
        (
            "U.S. foreign direct investment (FDI) in Mexico reached $144.6 billion.",
            [("FDI", "FDI", "foreign direct investment", "long_form_paren")],
        ),
        (
            "Funds go to U.S. Cus-\ntoms and Border Protection (CBP) at the ports.",
            [("CBP", "CBP", "U.S. Customs and Border Protection", "long_form_paren")],
        ),
        (
            "The survey was led by the Center for U.S.-Mexican Studies (USMEX) in San Diego.",
            [("USMEX", "USMEX", "Center for U.S.-Mexican Studies", "long_form_paren")],
        ),
        (
            "The Sinaloa Cartel and the Jalisco New Generation Cartel (CJNG) lead the trade.",
            [
                (
                    "CJNG",
                    "CJNG",
                    "Jalisco New Generation Cartel",
                    "long_form_paren",
                )
            ],
        ),
        (
            "Custody passed the limit in CBP's National Standards on Transport, Escort, "
            "Detention, and Search (TEDS).",
            [
                (
                    "TEDS",
                    "TEDS",
                    "National Standards on Transport, Escort, Detention, and Search",
                    "long_form_paren",
                )
            ],
        ),
        (
            "Se visitaron centros del Servicio de Inmigración y Control de Aduanas (ICE).",
            [
                (
                    "ICE",
                    "ICE",
                    "Servicio de Inmigración y Control de Aduanas",
                    "long_form_paren",
                )
            ],
        ),
        (
            "OIG inspected the U.S. Border Patrol Centralized Processing Center (CPC) in Donna.",
            [("CPC", "CPC", "Centralized Processing Center", "long_form_paren")],
        ),
        (
            "Agents of the Drug Enforcement Administration (DEA) made the arrest.",
            [("DEA", "DEA", "Drug Enforcement Administration", "long_form_paren")],
        ),
        (
            "It was the fifth plenary of the U.S.-Mexico Security Implementation Group (SIG).",
            [
                (
                    "SIG",
                    "SIG",
                    "U.S.-Mexico Security Implementation Group",
                    "long_form_paren",
                )
            ],
        ),
        (
            "Funds were announced by the New Mexico Economic Development Department (EDD).",
            [
                (
                    "EDD",
                    "EDD",
                    "New Mexico Economic Development Department",
                    "long_form_paren",
                )
            ],
        ),
        (
            "USNORTHCOM works with Mexico’s Secretariat of National Defense (SEDENA).",
            [
                (
                    "SEDENA",
                    "SEDENA",
                    "Secretariat of National Defense",
                    "long_form_paren_translated",
                )
            ],
        ),
        (
            "Arrests rose in all 32 states. The Attorney General’s Office (FGR) filed charges.",
            [("FGR", "FGR", "Attorney General’s Office", "long_form_paren_translated")],
        ),
        (
            "Deployment of Autonomous Surveillance Towers (AST) lags behind.",
            [("AST", "AST", "Autonomous Surveillance Towers", "long_form_paren")],
        ),
        (
            "Goods rose.\n\nNotes\n1. Data are compiled from documents collected by U.S. "
            "Customs\n   and Border Protection (CBP). Exports are valued free alongside ship.",
            [("CBP", "CBP", "U.S. Customs and Border Protection", "long_form_paren")],
        ),
        # a Spanish name of a body before its English acronym
        (
            "según la Oficina de Aduanas y Protección Fronteriza de Estados Unidos (CBP), el",
            [
                (
                    "CBP",
                    "CBP",
                    "Oficina de Aduanas y Protección Fronteriza de Estados Unidos",
                    "long_form_paren_translated",
                )
            ],
        ),
        # an acronym written as a word, of its name's first syllables
        (
            "Petróleos Mexicanos (Pemex) reported losses.",
            [("Pemex", "Pemex", "Petróleos Mexicanos", "long_form_paren")],
        ),
        (
            "según la Cámara Nacional del Autotransporte de Carga (Canacar), el tiempo",
            [
                (
                    "Canacar",
                    "Canacar",
                    "Cámara Nacional del Autotransporte de Carga",
                    "long_form_paren",
                )
            ],
        ),
        (
            "la Confederación Patronal de la República Mexicana (Coparmex) dijo",
            [
                (
                    "Coparmex",
                    "Coparmex",
                    "Confederación Patronal de la República Mexicana",
                    "long_form_paren",
                )
            ],
        ),
        # the bracket says the acronym is the other language's: no initials to spell
        (
            "cuentan con la credencial de la Red Electrónica Segura para la Inspección "
            "Rápida de Viajeros (SENTRI, por sus siglas en inglés), lo que les permite",
            [
                (
                    "SENTRI",
                    "SENTRI",
                    "Red Electrónica Segura para la Inspección Rápida de Viajeros",
                    "long_form_paren_translated",
                )
            ],
        ),
        (
            "La oficina del Representante Comercial de Estados Unidos (USTR, por sus siglas "
            "en inglés) publicó el informe.",
            [
                (
                    "USTR",
                    "USTR",
                    "Representante Comercial de Estados Unidos",
                    "long_form_paren_translated",
                )
            ],
        ),
        # a formula's digits after the initials: the name spells no digit
        (
            "Scope 1 emissions were 41,300 tons of carbon dioxide equivalent (CO2e), down",
            [("CO2e", "CO2e", "carbon dioxide equivalent", "long_form_paren")],
        ),
        # a match that opens on a connector ('de Drogas') is no name
        (
            "la Administración para el Control de Drogas (DEA, por sus siglas en inglés) informó",
            [
                (
                    "DEA",
                    "DEA",
                    "Administración para el Control de Drogas",
                    "long_form_paren_translated",
                )
            ],
        ),
        # said in passing, the name the capitalized run after the colon, wrapped once
        (
            "On the U.S. side everything is filed through ACE: Automated Commercial "
            "Environment, and the broker pays the fee.",
            [("ACE", "ACE", "Automated Commercial Environment", "glossary_line")],
        ),
        (
            "It’s good for 5 years. That’s SENTRI: Secure Electronic\nNetwork for Travelers "
            "Rapid Inspection. You apply online.",
            [
                (
                    "SENTRI",
                    "SENTRI",
                    "Secure Electronic Network for Travelers Rapid Inspection",
                    "glossary_line",
                )
            ],
        ),
        # an entry's name ends with its sentence
        (
            "\tBWT: Border Wait Times. Our measure uses 1,900 GPS-equipped trucks",
            [("BWT", "BWT", "Border Wait Times", "glossary_line")],
        ),
    ],
)
def test_definitions_in_sentences(sentence, expected):
    found = [
        (r["acronym"], r["acronym_as_printed"], r["expansion"], r["pattern"])
        for r in extract_acronyms(sentence)
    ]
    assert found == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "STRATEGY: Work jointly to achieve their mutual strategic goal based on reciprocity.",
        "Sections 333, 312, 332 and 321: Government programs primarily used to fund training.",
        "THE FEATHERED SERPENT (QUETZALCÓATL)",
        "The amount that the U.S. (in red) and Mexico (in green) have invested each year.",
        "Mexico ranks 2nd globally in total two-way trade with California ($97.8 billion).",
        "implementing simulation-based training and real-world scenario exercises (Tabletop "
        "and Field Exercises) would improve readiness",
        "Mexico is the second largest trading partner in goods (after China).",
        "Sales rose (see Figure 2) in 2019 (p. 14), and results were briefed (twice).",
        "The Mexican Army (SEDENA) deployed troops to the northern border.",
        "SUBJECT: Binational Border Infrastructure Coordination",
        "NOTE: This is a summary, not a transcript.",
        "Merida took an approach of “shared responsibility” built on four pillars (I-IV).",
        "Key Recommendations:\n- Extend the USMCA beyond 2036.",
        "The plan was prepared by the project team of Adriana Solís Medrano (WSA/CME).",
        "President Claudia Sheinbaum (MORENA) signed the decree.",
        "The program advanced to Phase (II) after review.",
        # a name cut off at its connector names no body
        "The mission met with the Governor of Banco de\n(SPR) and others.",
        # a word in brackets after a name spells no syllables of it
        "Shots were fired in Ciudad Juárez (Chihuahua) overnight.",
        "MEXICO CITY (Reuters) - Mexico's peso firmed.",
        "Banco de México (Banxico) held its rate.",
        # one initial before the digits: a name's number, not a formula
        "Leaders of the Group of Twenty (G20) met in Rio.",
        "Growers hired workers on temporary visas (H2A) this season.",
        # naming the language does not make a plain phrase a name
        "the new rules on cross-border trade (NAFTA, for its acronym in English) took hold",
        # in passing, a colon after capitals that the words after it do not spell
        "We spoke with the team at CBP: Officers said the new lanes open in May.",
        "The answer from USTR: Mexico must act within 45 days.",
    ],
)
def test_sentences_without_definitions(sentence):
    assert extract_acronyms(sentence) == []


def test_definitions_in_endnotes_are_cited_titles_not_definitions():
    text = (
        "Expanding the use of Autonomous Surveillance Towers (AST) helps.\n\n"
        "Endnotes\n\n"
        "- ^{xx} Anduril, “Anduril Deploys 300th Autonomous Surveillance Tower (AST),” 2024.\n"
    )
    assert notes_start(text) == text.index("Endnotes")
    assert [r["expansion"] for r in extract_acronyms(text)] == ["Autonomous Surveillance Towers"]


def test_uses_are_counted_outside_the_definition_singular_and_plural():
    text = (
        "Autonomous Surveillance Towers (AST) watch the river. Data from ASTs help CBP, "
        "and each AST is solar powered. MAST and ASTRO are other words."
    )
    (rec,) = extract_acronyms(text)
    assert rec["use_count"] == 2


@pytest.mark.parametrize(
    ("token", "parts"),
    [
        ("UAVs", ("UAV", "UAVs")),
        ("AM&E", ("AM&E", "AM&E")),
        ("CDI-WMD", ("CDI-WMD", "CDI-WMD")),
        ("sUAS", ("sUAS", "sUAS")),
        ("DoD", ("DoD", "DoD")),
        ("CalGuard", None),
        ("Exercises", None),
        ("2019", None),
        ("IV", None),
        ("in", None),
    ],
)
def test_short_form_shape(token, parts):
    assert short_form_parts(token) == parts


@pytest.mark.parametrize(
    ("short", "long", "long_form"),
    [
        ("PRC", "surpassing the People's Republic of China", "People's Republic of China"),
        ("STRATCOM", "Space Working Group, Strategic Communications", "Strategic Communications"),
        (
            "SDTG",
            "cartels now designated as Specially Designated Terrorist Groups",
            "Specially Designated Terrorist Groups",
        ),
        ("LEA", "federal, state, and local law enforcement agencies", "law enforcement agencies"),
        ("SEDENA", "the Mexican Army", None),
        ("QUETZALCÓATL", "THE FEATHERED SERPENT", None),
    ],
)
def test_schwartz_hearst_backward_match(short, long, long_form):
    start = schwartz_hearst_start(short, long)
    assert (long[start:] if start is not None else None) == long_form


@pytest.mark.parametrize(("name", "text"), _texts(), ids=[n for n, _ in _texts()])
def test_windows_line_endings_give_the_same_definitions(name, text):
    crlf = text.replace("\n", "\r\n")
    rows = extract_acronyms(crlf)
    assert [(r["acronym"], r["expansion"], r["pattern"]) for r in rows] == [
        (r["acronym"], r["expansion"], r["pattern"]) for r in extract_acronyms(text)
    ]
    assert all(not r["quote"].endswith("\r") for r in rows)
