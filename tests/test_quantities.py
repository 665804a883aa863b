"""Every quantity rule, exercised by a sentence of the kind the documents print.

Each case lists every quantity the sentence states, as
(quote, value, unit, qualifier, period, rate, range_role).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.extract.quantities import extract_quantities
from tests.quantity_rows import assert_same_rows

REPO = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((REPO / "schemas" / "quantities.schema.json").read_text(encoding="utf-8"))
RECORD_KEYS = {f["name"] for f in SCHEMA["fields"]} - {"quantity_id", "doc_id"}

E, A, L, U = "exact", "approximate", "lower_bound", "upper_bound"
D, Y = "per_day", "per_year"


def rows(text: str) -> list[tuple]:
    return [
        (r["quote"], r["value"], r["unit"], r["qualifier"], r["period"], r["rate"], r["range_role"])
        for r in extract_quantities(text)
    ]


MONEY = [
    (
        "Funding Fiscal Year 2024: \\$39.84 million",
        [("\\$39.84 million", 39.84e6, "USD", E, "FY2024", None, None)],
    ),
    (
        "In 2020, two-way trade in goods totaled $538.1 billion.",
        [("$538.1 billion", 538.1e9, "USD", E, "2020", None, None)],
    ),
    (
        "Congress appropriated US$157.9 million for Mexico in FY2023.",
        [("US$157.9 million", 157.9e6, "USD", E, "FY2023", None, None)],
    ),
    (
        "Remittances reached a record USD 63.3 billion in 2023.",
        [("USD 63.3 billion", 63.3e9, "USD", E, "2023", None, None)],
    ),
    (
        "two-way trade in goods totaling \\$807bn in 2023",
        [("\\$807bn", 807e9, "USD", E, "2023", None, None)],
    ),
    (
        "the command received \\$38.5M for engineering support.",
        [("\\$38.5M", 38.5e6, "USD", E, None, None, None)],
    ),
    ("at a cost of $12m a year;", [("$12m", 12e6, "USD", E, None, Y, None)]),
    (
        "Mexican FDI in the United States totaled $46.1 bn that same year.",
        [("$46.1 bn", 46.1e9, "USD", E, None, None, None)],
    ),
    (
        "The peso averaged MXN 17.76 per dollar in 2023.",
        [("MXN 17.76", 17.76, "MXN", E, "2023", None, None)],
    ),
    ("Tortilla prices rose to MX$22 per kilogram.", [("MX$22", 22, "MXN", E, None, None, None)]),
    (
        "the minimum wage rose to 248.93 pesos per day",
        [("248.93 pesos", 248.93, "MXN", E, None, D, None)],
    ),
    (
        "remittances fell by roughly 1.2 trillion pesos' worth",
        [("1.2 trillion pesos", 1.2e12, "MXN", A, None, None, None)],
    ),
    (
        "Bilateral trade in goods reached €82 billion in 2024, and services another €22bn.",
        [
            ("€82 billion", 82e9, "EUR", E, "2024", None, None),
            ("€22bn", 22e9, "EUR", E, "2024", None, None),
        ],
    ),
    (
        "FDI stock amounted to EUR 209 billion in 2023.",
        [("EUR 209 billion", 209e9, "EUR", E, "2023", None, None)],
    ),
    (
        "Nearly half-trillion dollars in cross-border trade moves through the ports each year.",
        [("half-trillion dollars", 0.5e12, "USD", A, None, Y, None)],
    ),
    (
        "Remittances are estimated at half a billion dollars a year.",
        [("half a billion dollars", 0.5e9, "USD", E, None, Y, None)],
    ),
    (
        "the two governments will fund teams at a cost of $45\nmillion.",
        [
            ("two", 2, "count", E, None, None, None),
            ("$45\nmillion", 45e6, "USD", E, None, None, None),
        ],
    ),
    (
        "Mexico ranks 2nd in two-way trade with California ($97.8 billion), after China"
        " ($137.9 billion).",
        [
            ("$97.8 billion", 97.8e9, "USD", E, None, None, None),
            ("$137.9 billion", 137.9e9, "USD", E, None, None, None),
        ],
    ),
    ("the fentanyl $290,000.", [("$290,000", 290000, "USD", E, None, None, None)]),
    ("a grant of U.S.\n$5 million", [("U.S.\n$5 million", 5e6, "USD", E, None, None, None)]),
    # Text converted from HTML keeps no-break spaces between a number and its unit.
    (
        "Each day, nearly $1.9\u00a0billion in trade crosses the border.",
        [("$1.9\u00a0billion", 1.9e9, "USD", A, None, D, None)],
    ),
    ("The toll is 50 cents per trip.", [("50 cents", 0.5, "USD", E, None, None, None)]),
]

UNITS = [
    (
        "With 2,000-miles of border and 55 active land ports of entry",
        [
            ("2,000-miles", 2000, "mile", E, None, None, None),
            ("55", 55, "count", E, None, None, None),
        ],
    ),
    ("particularly along our 140-mile border.", [("140-mile", 140, "mile", E, None, None, None)]),
    (
        "committed to the nearly 200-year-old bilateral relationship.",
        [("200-year", 200, "year", A, None, None, None)],
    ),
    (
        "the seizure of over 35,065 pounds of fentanyl since 2021",
        [("35,065 pounds", 35065, "pound", L, "since 2021", None, None)],
    ),
    (
        "The shipment was manifested as 2,400 kilograms of fresh limes.",
        [("2,400 kilograms", 2400, "kilogram", E, None, None, None)],
    ),
    (
        "Nationwide, CBP seized 27,000 lbs. of fentanyl in FY2023.",
        [("27,000 lbs", 27000, "pound", E, "FY2023", None, None)],
    ),
    (
        "buying 17.4 million metric tons in marketing year 2022/23.",
        [("17.4 million metric tons", 17.4e6, "ton", E, "2022-2023", None, None)],
    ),
    ("domestic production falls to 23.3 MMT.", [("23.3 MMT", 23.3e6, "ton", E, None, None, None)]),
    ("Two milligrams can be lethal.", [("Two milligrams", 2, "milligram", E, None, None, None)]),
    (
        "A new rail line of 230 km will cut travel times to under 90 minutes.",
        [
            ("230 km", 230, "kilometer", E, None, None, None),
            ("90 minutes", 90, "minute", U, None, None, None),
        ],
    ),
    (
        "aerostats watch over nearly 400 square miles.",
        [("400 square miles", 400, "square_mile", A, None, None, None)],
    ),
    (
        "orchards cover about 2,000 hectares in Michoacán.",
        [("2,000 hectares", 2000, "hectare", A, None, None, None)],
    ),
    (
        "Mexico delivers 1.75 million acre-feet of water over five-year cycles.",
        [
            ("1.75 million acre-feet", 1.75e6, "acre_foot", E, None, None, None),
            ("five-year", 5, "year", E, None, None, None),
        ],
    ),
    (
        "exports averaged 6.5 billion cubic feet per day of natural gas",
        [("6.5 billion cubic feet", 6.5e9, "cubic_foot", E, None, D, None)],
    ),
    (
        "Pemex produced a peak of 3.4 million b/d in 2004.",
        [("3.4 million b/d", 3.4e6, "barrel", E, "2004", D, None)],
    ),
    (
        "installed capacity is about 90 gigawatts, of which 32 GW are renewable.",
        [
            ("90 gigawatts", 90, "gigawatt", A, None, None, None),
            ("32 GW", 32, "gigawatt", E, None, None, None),
        ],
    ),
    ("Mexico's minimum wage rose 20% in 2024.", [("20%", 20, "percent", E, "2024", None, None)]),
    (
        "Nearly 40 percent of the Cal Guard's personnel identify as Latino.",
        [("40 percent", 40, "percent", A, None, None, None)],
    ),
    (
        "over ninety percent of them went to Mexican nationals",
        [("ninety percent", 90, "percent", L, None, None, None)],
    ),
    (
        "the export share rose by 1.5 percentage points over 2019–2024.",
        [("1.5 percentage points", 1.5, "percent", E, "2019-2024", None, None)],
    ),
    (
        "The central bank cut rates by 50 basis points.",
        [("50 basis points", 0.5, "percent", E, None, None, None)],
    ),
    (
        "wait times that reached 300 days in the 1990s",
        [("300 days", 300, "day", E, "1990s", None, None)],
    ),
    (
        "U.S.-Mexico trade over two decades grew steadily.",
        [("two decades", 20, "year", E, None, None, None)],
    ),
    ("a five-week exchange", [("five-week", 5, "week", E, None, None, None)]),
]

COUNTS = [
    (
        "Additionally, 1.5 million U.S. citizens live in Mexico.",
        [("1.5 million", 1.5e6, "count", E, None, None, None)],
    ),
    (
        "awarding 71 grants to teams of 102 universities in 20 Mexican states and 27 U.S. states.",
        [
            ("71", 71, "count", E, None, None, None),
            ("102", 102, "count", E, None, None, None),
            ("20", 20, "count", E, None, None, None),
            ("27", 27, "count", E, None, None, None),
        ],
    ),
    (
        "Since 2019, California and Mexico have signed seven memorandums of understanding.",
        [("seven", 7, "count", E, "since 2019", None, None)],
    ),
    (
        "Twenty-five U.S. states now host seasonal workers, compared with twelve in 2010.",
        [
            ("Twenty-five", 25, "count", E, "2010", None, None),
            ("twelve", 12, "count", E, "2010", None, None),
        ],
    ),
    (
        "Some 350 Mexican officers were trained in FY2022–FY2023, up from 280.",
        [
            ("350", 350, "count", A, "FY2022-FY2023", None, None),
            ("280", 280, "count", E, "FY2022-FY2023", None, None),
        ],
    ),
    (
        "wait times are now under 20 days in 3 of our 9 consulates.",
        [
            ("20 days", 20, "day", U, None, None, None),
            ("3", 3, "count", E, None, None, None),
            ("9", 9, "count", E, None, None, None),
        ],
    ),
    (
        "They send groups of 100 or more to overwhelm agents.",
        [("100", 100, "count", L, None, None, None)],
    ),
    # a plus sign glued after the number is 'or more'; the sign is not part of the quote
    ("- Asylum requests filed: 57,000+", [("57,000", 57000, "count", L, None, None, None)]),
    (
        "The program reached 1 million-plus households.",
        [("1 million", 1e6, "count", L, None, None, None)],
    ),
    ("The center has 300+ staff.", [("300", 300, "count", L, None, None, None)]),
    ("The C++ unit has 40 analysts.", [("40", 40, "count", E, None, None, None)]),
    (
        "It handles a quarter of a million applications annually.",
        [("a quarter of a million", 250000, "count", E, None, Y, None)],
    ),
    (
        "The program selects a dozen students each year.",
        [("a dozen", 12, "count", E, None, Y, None)],
    ),
    (
        "European companies employ some 1.2m people in Mexico.",
        [("1.2m", 1.2e6, "count", A, None, None, None)],
    ),
    (
        "H.R. 2 would fund 1,500 additional miles of barrier.",
        [("1,500 additional miles", 1500, "mile", E, None, None, None)],
    ),
    (
        "A strong peso, which traded at around 17 per dollar, cut purchasing power.",
        [("17", 17, "MXN", A, None, None, None)],
    ),
    (
        "The Merida Initiative was built on four pillars.",
        [("four", 4, "count", E, None, None, None)],
    ),
    (
        "the three nations can operate with a coordinated approach",
        [("three", 3, "count", E, None, None, None)],
    ),
    ("Mexico's 32 states compete for investment.", [("32", 32, "count", E, None, None, None)]),
    (
        "There were one hundred and five applicants.",
        [("one hundred and five", 105, "count", E, None, None, None)],
    ),
]

RANGES = [
    (
        "Poverty fell from 41.9 percent in 2018 to 36.3 percent in 2022.",
        [
            ("41.9 percent", 41.9, "percent", E, "2018", None, None),
            ("36.3 percent", 36.3, "percent", E, "2022", None, None),
        ],
    ),
    (
        "The government deployed between 25,000 and 30,000 National Guard troops.",
        [
            ("25,000", 25000, "count", E, None, None, "low"),
            ("30,000", 30000, "count", E, None, None, "high"),
        ],
    ),
    (
        "homicides declined 10%-15% in some states in 2022.",
        [
            ("10%", 10, "percent", E, "2022", None, "low"),
            ("15%", 15, "percent", E, "2022", None, "high"),
        ],
    ),
    (
        "Each rotation lasts 90 to 120 days.",
        [("90", 90, "day", E, None, None, "low"), ("120 days", 120, "day", E, None, None, "high")],
    ),
    (
        "another $30-35 billion is expected in 2024.",
        [
            ("$30", 30e9, "USD", E, "2024", None, "low"),
            ("35 billion", 35e9, "USD", E, "2024", None, "high"),
        ],
    ),
    (
        "A typical worker stays six to eight months and earns between $15 and $18 an hour.",
        [
            ("six", 6, "month", E, None, None, "low"),
            ("eight months", 8, "month", E, None, None, "high"),
            ("$15", 15, "USD", E, None, "per_hour", "low"),
            ("$18", 18, "USD", E, None, "per_hour", "high"),
        ],
    ),
    (
        "Tourists beyond the 20-to-30-kilometer border zone need a permit.",
        [
            ("20", 20, "kilometer", E, None, None, "low"),
            ("30-kilometer", 30, "kilometer", E, None, None, "high"),
        ],
    ),
    (
        "Processing takes 30–45 days at the consulate.",
        [("30", 30, "day", E, None, None, "low"), ("45 days", 45, "day", E, None, None, "high")],
    ),
    (
        "Banco de México expects growth of between 2.5% and 3% in 2024.",
        [
            ("2.5%", 2.5, "percent", E, "2024", None, "low"),
            ("3%", 3, "percent", E, "2024", None, "high"),
        ],
    ),
    # A change from one value to another states two values, not a range.
    (
        "Clearance time fell from 4 hours to 90 minutes.",
        [
            ("4 hours", 4, "hour", E, None, None, None),
            ("90 minutes", 90, "minute", E, None, None, None),
        ],
    ),
    (
        "Seizures rose from 1,200 kilograms in 2019 to 8,000 kilograms in 2022.",
        [
            ("1,200 kilograms", 1200, "kilogram", E, "2019", None, None),
            ("8,000 kilograms", 8000, "kilogram", E, "2022", None, None),
        ],
    ),
    # A change in points, then the level it reached: two values, not a range...
    (
        "Banxico raised its policy rate 25 basis points to 11.25 percent.",
        [
            ("25 basis points", 0.25, "percent", E, None, None, None),
            ("11.25 percent", 11.25, "percent", E, None, None, None),
        ],
    ),
    (
        "Approval rose 2 percentage points to 45 percent in 2024.",
        [
            ("2 percentage points", 2, "percent", E, "2024", None, None),
            ("45 percent", 45, "percent", E, "2024", None, None),
        ],
    ),
    # ...while a range stated in points is still a range.
    (
        "Spreads widened by between 20 and 30 basis points.",
        [
            ("20", 0.2, "percent", E, None, None, "low"),
            ("30 basis points", 0.3, "percent", E, None, None, "high"),
        ],
    ),
]

SIGNED = [
    # a minus sign glued to the amount is its sign, and part of the quote
    (
        "GDP growth was −0.3% in the second quarter and -1.2 percent in the third.",
        [
            ("−0.3%", -0.3, "percent", E, None, None, None),
            ("-1.2 percent", -1.2, "percent", E, None, None, None),
        ],
    ),
    (
        "The trade balance was -$2.3 billion in 2023.",
        [("-$2.3 billion", -2.3e9, "USD", E, "2023", None, None)],
    ),
    ("Growth was +1.5% in 2024.", [("+1.5%", 1.5, "percent", E, "2024", None, None)]),
    # 'group of 20' in lower case is a count; 'Group of 20' names the forum (exclusions)
    ("A group of 20 migrants crossed.", [("20", 20, "count", E, None, None, None)]),
    # each Markdown table row is its own sentence, so each share takes its row's year
    (
        "| Year | Share |\n|---|---|\n| 2022 | 15.0% |\n| 2023 | 15.8% |",
        [
            ("15.0%", 15.0, "percent", E, "2022", None, None),
            ("15.8%", 15.8, "percent", E, "2023", None, None),
        ],
    ),
    ("Call the hotline at +52 55 1234 5678.", []),
    # a hyphen that is a bullet, or joins two numbers, is no sign
    ("- 40% of exports go north.", [("40%", 40, "percent", E, None, None, None)]),
    (
        "Wait times fell 10-15% in 2022.",
        [
            ("10", 10, "percent", E, "2022", None, "low"),
            ("15%", 15, "percent", E, "2022", None, "high"),
        ],
    ),
]

SPANISH = [
    # Mexican sources in Spanish: scale words, 'de' before the unit, Spanish dates
    (
        "El 20 de enero de 2024 el gobierno destinó 1,200 millones de pesos al programa.",
        [("1,200 millones de pesos", 1.2e9, "MXN", E, "2024-01-20", None, None)],
    ),
    (
        "Las remesas sumaron 63,313 millones de dólares, un aumento de 7.6%.",
        [
            ("63,313 millones de dólares", 63.313e9, "USD", E, None, None, None),
            ("7.6%", 7.6, "percent", E, None, None, None),
        ],
    ),
    (
        "La Guardia Nacional cuenta con 130 mil elementos.",
        [("130 mil", 130000, "count", E, None, None, None)],
    ),
    # the Spanish billón is 10^12 (long scale), never an English billion
    (
        "La deuda llegó a 1.5 billones de pesos.",
        [("1.5 billones de pesos", 1.5e12, "MXN", E, None, None, None)],
    ),
    (
        "Exportó 3 mil toneladas, el 40 por ciento del total.",
        [
            ("3 mil toneladas", 3000, "ton", E, None, None, None),
            ("40 por ciento", 40, "percent", E, None, None, None),
        ],
    ),
    # Mexican print writes the thousands out: 36 mil 872 millones is 36,872 million
    (
        "La IED sumó 36 mil 872 millones de dólares, de los cuales 41% provino de EE.UU.",
        [
            ("36 mil 872 millones de dólares", 36.872e9, "USD", E, None, None, None),
            ("41%", 41, "percent", E, None, None, None),
        ],
    ),
    ("Se registraron 30 mil 57 homicidios.", [("30 mil 57", 30057, "count", E, None, None, None)]),
    # Spanish counts and durations
    (
        "Encabezadas por los titulares de las dos dependencias.",
        [("dos", 2, "count", E, None, None, None)],
    ),
    (
        "Se prevé atender a diez mil empresas con un plazo de pago de cinco años.",
        [
            ("diez mil", 10000, "count", E, None, None, None),
            ("cinco años", 5, "year", E, None, None, None),
        ],
    ),
    (
        "Reducirá a 48 horas el despacho y resolverá en 30 días naturales.",
        [
            ("48 horas", 48, "hour", E, None, None, None),
            ("30 días", 30, "day", E, None, None, None),
        ],
    ),
]

MALFORMED = [
    # Too many digits to be a real amount: flagged, never an infinite value.
    (
        "A pledge of " + "9" * 400 + " billion dollars.",
        [("9" * 400 + " billion dollars", None, "USD", E, None, None, None)],
    ),
    (
        "There are nearly 10,0000 Fulbright alumni from Mexico.",
        [("10,0000", None, "count", A, None, None, None)],
    ),
    (
        "The FY2024 request is \\$5.103.6 billion.",
        [("\\$5.103.6 billion", None, "USD", E, "FY2024", None, None)],
    ),
    ("The fund paid 1,00 scholarships.", [("1,00", None, "count", E, None, None, None)]),
]

QUALIFIERS = [
    (
        "equipment worth more than 4.2 million pesos (approximately US$250,000)",
        [
            ("4.2 million pesos", 4.2e6, "MXN", L, None, None, None),
            ("US$250,000", 250000, "USD", A, None, None, None),
        ],
    ),
    (
        "an estimated 32% of servicemembers were reassigned",
        [("32%", 32, "percent", A, None, None, None)],
    ),
    (
        "processing at ports of entry the estimated 26,000 individuals with cases",
        [("26,000", 26000, "count", A, None, None, None)],
    ),
    (
        "a combined population of approximately 15 million people.",
        [("15 million", 15e6, "count", A, None, None, None)],
    ),
    (
        "Pemex produces roughly 1.8 million barrels of oil a day.",
        [("1.8 million barrels", 1.8e6, "barrel", A, None, D, None)],
    ),
    (
        "More than 14,000 Mexicans studied here in the 2019/2020 academic year.",
        [("14,000", 14000, "count", L, "AY2019/2020", None, None)],
    ),
    (
        "There are over 400 servicemembers deployed statewide.",
        [("400", 400, "count", L, None, None, None)],
    ),
    (
        "Travelers should carry at least 2 forms of identification.",
        [("2", 2, "count", L, None, None, None)],
    ),
    (
        "U.S. assistance has been in excess of $3.6 billion.",
        [("$3.6 billion", 3.6e9, "USD", L, None, None, None)],
    ),
    ("Tariffs of up to 100% will be removed.", [("100%", 100, "percent", U, None, None, None)]),
    (
        "less than 5 percent of applicants were refused",
        [("5 percent", 5, "percent", U, None, None, None)],
    ),
    (
        "They must stay within 10 miles of their residence.",
        [("10 miles", 10, "mile", U, None, None, None)],
    ),
    (
        "a crossing handles as many as 1.6 million vehicles",
        [("1.6 million", 1.6e6, "count", U, None, None, None)],
    ),
    ("Talks were held over five years.", [("five years", 5, "year", E, None, None, None)]),
]

PERIODS_AND_RATES = [
    (
        "In 2023, Mexican authorities encountered 782,176 irregular migrants, up 77% from 2022,"
        " and deported 106,000 of them.",
        [
            ("782,176", 782176, "count", E, "2023", None, None),
            ("77%", 77, "percent", E, "2023", None, None),
            ("106,000", 106000, "count", E, "2023", None, None),
        ],
    ),
    (
        "In FY 2023 alone, the task force supported 142 missions, a 12 percent increase over"
        " FY 2022.",
        [
            ("142", 142, "count", E, "FY2023", None, None),
            ("12 percent", 12, "percent", E, "FY2023", None, None),
        ],
    ),
    (
        "Its 2024 budget of MXN 1.3 billion is 12% lower than in 2023.",
        [
            ("MXN 1.3 billion", 1.3e9, "MXN", E, "2024", None, None),
            ("12%", 12, "percent", E, "2024", None, None),
        ],
    ),
    (
        "Every day, we benefit from $1.8 billion in two-way trade.",
        [("$1.8 billion", 1.8e9, "USD", E, None, D, None)],
    ),
    (
        "Each day, nearly $1.9 billion in trade crosses our border.",
        [("$1.9 billion", 1.9e9, "USD", A, None, D, None)],
    ),
    (
        "with nearly $5 million in annual contributions",
        [("$5 million", 5e6, "USD", A, None, Y, None)],
    ),
    (
        "On a typical day, CBP processes 1,129,814 passengers.",
        [("1,129,814", 1129814, "count", E, None, D, None)],
    ),
    ("up to 30,000 parole slots a month", [("30,000", 30000, "count", U, None, "per_month", None)]),
    ("A day after the vote, officials seized 5 tons.", [("5 tons", 5, "ton", E, None, None, None)]),
    (
        "It could cost families around $2.2 billion annually.",
        [("$2.2 billion", 2.2e9, "USD", A, None, Y, None)],
    ),
    (
        "From FY 2008-FY 2020, the United States has appropriated more than $3.2 billion.",
        [("$3.2 billion", 3.2e9, "USD", L, "FY2008-FY2020", None, None)],
    ),
    (
        "appropriated more than $3.2 billion in equipment, training, and capacity building"
        " from FY 2008 – FY 2020.",
        [("$3.2 billion", 3.2e9, "USD", L, "FY2008-FY2020", None, None)],
    ),
    (
        "Since its inception in 2013, the fund has awarded 71 grants.",
        [("71", 71, "count", E, "since 2013", None, None)],
    ),
    (
        "Between December 2023 and January 2024, CBP reported a 50% decrease in crossings.",
        [("50%", 50, "percent", E, "2023-12/2024-01", None, None)],
    ),
    (
        "From 2008 to 2021, the initiative spent $3.3 billion.",
        [("$3.3 billion", 3.3e9, "USD", E, "2008-2021", None, None)],
    ),
    (
        "White corn prices averaged 5,600 pesos per ton in March 2024.",
        [("5,600 pesos", 5600, "MXN", E, "2024-03", None, None)],
    ),
    (
        "Exports reached $12 billion in Q1 2024.",
        [("$12 billion", 12e9, "USD", E, "2024-Q1", None, None)],
    ),
    (
        "In fiscal year 2023, officers seized more than 21,000 pounds, up from about"
        " 12,500 pounds in FY 2022.",
        [
            ("21,000 pounds", 21000, "pound", L, "FY2023", None, None),
            ("12,500 pounds", 12500, "pound", A, "FY2022", None, None),
        ],
    ),
    (
        "Since January 2023, authorities have seized more than 1.5 tons of fentanyl.",
        [("1.5 tons", 1.5, "ton", L, "since 2023-01", None, None)],
    ),
    (
        "On February 24, 2025, DHS announced $5 million in grants.",
        [("$5 million", 5e6, "USD", E, "2025-02-24", None, None)],
    ),
]

# The examples the issue names, each as it asks to read them.
ISSUE_EXAMPLES = [
    (
        "Mexico extradited between 150 and 200 fugitives last year.",
        [("150", 150, "count", E, None, None, "low"), ("200", 200, "count", E, None, None, "high")],
    ),
    (
        "Prices rose 10–15 percent.",
        [
            ("10", 10, "percent", E, None, None, "low"),
            ("15 percent", 15, "percent", E, None, None, "high"),
        ],
    ),
    ("More than a million people crossed.", [("a million", 1e6, "count", L, None, None, None)]),
    (
        "a half-trillion dollars in trade",
        [("a half-trillion dollars", 5e11, "USD", E, None, None, None)],
    ),
    ("twenty-five consulates", [("twenty-five", 25, "count", E, None, None, None)]),
]

# Counts whose noun was named before them, and days with a word between.
ELIDED_AND_BUSINESS_DAYS = [
    (
        "The agency concurred with all four.",
        [("four", 4, "count", E, None, None, None)],
    ),
    (
        "All eighteen have made an initial appearance. Three have pleaded guilty.",
        [
            ("eighteen", 18, "count", E, None, None, None),
            ("Three", 3, "count", E, None, None, None),
        ],
    ),
    (
        "The visa is usually ready in 3 to 5 business days.",
        [
            ("3", 3, "day", E, None, None, "low"),
            ("5 business days", 5, "day", E, None, None, "high"),
        ],
    ),
    (
        "We answer most e-mails within 10 working days.",
        [("10 working days", 10, "day", U, None, None, None)],
    ),
]

# A bare number that fills a table cell is a count (its header names what it counts);
# the first cell numbers or ranks the row.
TABLE_CELLS = [
    (
        "Otay Mesa, CA             14          612,400             58%     $41.2 million",
        [
            ("14", 14, "count", E, None, None, None),
            ("612,400", 612400, "count", E, None, None, None),
            ("58%", 58, "percent", E, None, None, None),
            ("$41.2 million", 41.2e6, "USD", E, None, None, None),
        ],
    ),
    (
        "| Corn | 14 | 612,400 |",
        [
            ("14", 14, "count", E, None, None, None),
            ("612,400", 612400, "count", E, None, None, None),
        ],
    ),
    ("| 1 | Mexico | 58% |", [("58%", 58, "percent", E, None, None, None)]),
    # a label ending in a unit gives the value after it that unit
    (
        "Estimated Total Annual Burden Hours: 1,479,250.",
        [("1,479,250", 1479250, "hour", E, None, "per_year", None)],
    ),
    (
        "Estimated Number of Respondents: 12,125.",
        [("12,125", 12125, "count", E, None, None, None)],
    ),
]

# A table that states its unit and scale once: in a caption above it, a column header or
# the row's label (the header wins, then the label, then the caption).
TABLE_STATEMENTS = [
    (
        "($ in thousands)\n\n| Account | FY 2025 | FY 2026 | Change |\n|---|---:|---:|---:|\n"
        "| Economic Support Fund | 38,500 | 33,000 | -3,500 |",
        [
            ("38,500", 38.5e6, "USD", E, None, None, None),
            ("33,000", 33e6, "USD", E, None, None, None),
            ("-3,500", -3.5e6, "USD", E, None, None, None),
        ],
    ),
    (
        "| Concepto | 2024 | 2025 | Variación anual (%) |\n|---|---:|---:|---:|\n"
        "| Ingresos totales (millones de dólares) | 15,201 | 14,852 | -2.3 |\n"
        "| Número de operaciones (miles) | 40,563 | 38,890 | -4.1 |",
        [
            ("15,201", 15.201e9, "USD", E, None, None, None),
            ("14,852", 14.852e9, "USD", E, None, None, None),
            ("-2.3", -2.3, "percent", E, None, None, None),
            ("40,563", 40.563e6, "count", E, None, None, None),
            ("38,890", 38.89e6, "count", E, None, None, None),
            ("-4.1", -4.1, "percent", E, None, None, None),
        ],
    ),
    (
        "Indicator                                         2024      2025\n"
        "Tipo de cambio FIX promedio (pesos por dólar)    16.99     20.15\n"
        "Road length (miles)                              1,254     1,260",
        [
            ("16.99", 16.99, "MXN", E, None, None, None),
            ("20.15", 20.15, "MXN", E, None, None, None),
            ("1,254", 1254, "mile", E, None, None, None),
            ("1,260", 1260, "mile", E, None, None, None),
        ],
    ),
]

# A spreadsheet saved as CSV: a units row under the header, codes and ranks that are no
# quantities, numbers with thousands separators inside quoted fields.
CSV_TABLES = [
    (
        "Rank,Port,Port code,Year,Total trade,Change,Truck crossings\n"
        ",,,,USD millions,%,count\n"
        '1,Laredo,2304,2024,"322,322.8",4.8,"3,061,377"\n'
        '2,Ysleta-El Paso,2402,2024,"118,079.3",-1.9,"1,012,488"',
        [
            ("322,322.8", 322322.8e6, "USD", E, "2024", None, None),
            ("4.8", 4.8, "percent", E, "2024", None, None),
            ("3,061,377", 3061377, "count", E, "2024", None, None),
            ("118,079.3", 118079.3e6, "USD", E, "2024", None, None),
            ("-1.9", -1.9, "percent", E, "2024", None, None),
            ("1,012,488", 1012488, "count", E, "2024", None, None),
        ],
    ),
    # an aligned table whose numbers have thousands separators is no CSV
    (
        "Program Area                 FY 2024   FY 2025   FY 2026\n"
        "Counternarcotics              41,500    40,000    38,000\n"
        "Firearms Trafficking           9,500     8,000     7,000",
        [
            ("41,500", 41500, "count", E, None, None, None),
            ("40,000", 40000, "count", E, None, None, None),
            ("38,000", 38000, "count", E, None, None, None),
            ("9,500", 9500, "count", E, None, None, None),
            ("8,000", 8000, "count", E, None, None, None),
            ("7,000", 7000, "count", E, None, None, None),
        ],
    ),
]

# Text from a PDF: a line break hyphenates the words of a quantity.
PDF_LINE_BREAKS = [
    (
        "on the 1,954-\nmile border, about $3.4 bil-\nlion, by forty-\nfive percent, at least "
        "30 per-\ncent; funds were appro-\npriated.",
        [
            ("1,954-\nmile", 1954, "mile", E, None, None, None),
            ("$3.4 bil-\nlion", 3.4e9, "USD", A, None, None, None),
            ("forty-\nfive percent", 45, "percent", E, None, None, None),
            ("30 per-\ncent", 30, "percent", L, None, None, None),
        ],
    ),
]

# More shapes of counts and units met in unseen documents.
MORE_FORMS = [
    (
        "La Junta redujo la tasa en 50 puntos base; la inflación subió 0.41 puntos "
        "porcentuales. Los tres estados suman 3,145 kilómetros (1,954 millas).",
        [
            ("50 puntos base", 0.5, "percent", E, None, None, None),
            ("0.41 puntos porcentuales", 0.41, "percent", E, None, None, None),
            ("tres", 3, "count", E, None, None, None),
            ("3,145 kilómetros", 3145, "kilometer", E, None, None, None),
            ("1,954 millas", 1954, "mile", E, None, None, None),
        ],
    ),
    (
        "Apprehensions are running at about 290 per day. Our sample covers 24 of Mexico's "
        "32 states. Every $1 you give becomes $2.",
        [
            ("290", 290, "count", A, None, "per_day", None),
            ("24", 24, "count", E, None, None, None),
            ("32", 32, "count", E, None, None, None),
            ("$1", 1, "USD", E, None, None, None),
            ("$2", 2, "USD", E, None, None, None),
        ],
    ),
    ("- **214** active volunteers", [("214", 214, "count", E, None, None, None)]),
    (
        "Corn alone: 24.1M metric tons, ↑6% vs. 2023; waits fell (↓31%).",
        [
            ("24.1M metric tons", 24.1e6, "ton", E, None, None, None),
            ("6%", 6, "percent", E, None, None, None),
            ("31%", 31, "percent", E, None, None, None),
        ],
    ),
    (
        "Two projects with a combined 22.3 MTPA await decisions.",
        [
            ("Two", 2, "count", E, None, None, None),
            ("22.3 MTPA", 22.3e6, "ton", E, None, "per_year", None),
        ],
    ),
    (
        "We count 160 to 170 firm votes; 218 are needed.",
        [
            ("160", 160, "count", E, None, None, "low"),
            ("170", 170, "count", E, None, None, "high"),
            ("218", 218, "count", E, None, None, None),
        ],
    ),
    (
        "We're surging a hundred and twenty consular officers to Monterrey.",
        [("a hundred and twenty", 120, "count", E, None, None, None)],
    ),
]

# Decimals as spoken in a hearing: 'two point four billion dollars' was the count 2 and
# US$4 billion.
SPOKEN_DECIMALS = [
    (
        "The request asks for two point four billion dollars in total.",
        [("two point four billion dollars", 2.4e9, "USD", E, None, None, None)],
    ),
    (
        "Between two and three point five million people crossed.",
        [
            ("two", 2e6, "count", E, None, None, "low"),
            ("three point five million", 3.5e6, "count", E, None, None, "high"),
        ],
    ),
]

CASES = (
    MONEY
    + UNITS
    + COUNTS
    + RANGES
    + SIGNED
    + SPANISH
    + MALFORMED
    + QUALIFIERS
    + PERIODS_AND_RATES
    + ISSUE_EXAMPLES
    + ELIDED_AND_BUSINESS_DAYS
    + TABLE_CELLS
    + SPOKEN_DECIMALS
    + TABLE_STATEMENTS
    + CSV_TABLES
    + PDF_LINE_BREAKS
    + MORE_FORMS
)


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_sentence_yields_its_quantities(sentence: str, expected: list[tuple]) -> None:
    assert_same_rows(rows(sentence), expected)


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_records_keep_the_contract(sentence: str, expected: list[tuple]) -> None:
    text = "Preamble line.\n\n" + sentence + "\n"
    enums = {
        f["name"]: f["constraints"].get("enum") for f in SCHEMA["fields"] if "constraints" in f
    }
    for record in extract_quantities(text):
        assert set(record) == RECORD_KEYS
        assert record["quote"] == text[record["char_start"] : record["char_end"]]
        assert record["quote"] in record["sentence"] and "Preamble" not in record["sentence"]
        assert (record["value"] is None) == (record["flag"] == "malformed_number")
        for name, allowed in enums.items():
            if allowed and record[name] is not None:
                assert record[name] in allowed, (name, record[name])


def test_front_matter_is_metadata_not_prose() -> None:
    text = (
        "---\ntitle: 'Fact sheet 2021'\ndate: '2021-03-01'\ncount: 55 items\n---\n"
        "We have 55 ports.\n"
    )
    assert [r["quote"] for r in extract_quantities(text)] == ["55"]


def test_offsets_point_into_the_original_text() -> None:
    text = "ⁱ Intro.\n\nThe estimated 26,000 individuals and \\$39.84 million.\n"
    for record in extract_quantities(text):
        assert text[record["char_start"] : record["char_end"]] == record["quote"]
    assert [r["char_start"] for r in extract_quantities(text)] == [
        text.index("26,000"),
        text.index("\\$"),
    ]


def test_measure_names_what_is_counted() -> None:
    text = (
        "With 2,000-miles of border and 55 active land ports of entry, relations matter. "
        "In 2020, two-way trade in goods totaled $538.1 billion. "
        "20.1% of U.S. agriculture imports come from Mexico. "
        "The United States will provide $15 million for workforce training.\n"
        "• Deportations from Mexico: about 106,000\n"
        "Funding Fiscal Year 2024: \\$39.84 million\n"
    )
    measures = {r["quote"]: r["measure"] for r in extract_quantities(text)}
    assert measures == {
        "2,000-miles": "border",
        "55": "active land ports of entry",
        "$538.1 billion": "two-way trade in goods",
        "20.1%": "u.s. agriculture imports",
        "$15 million": "workforce training",
        "106,000": "deportations from mexico",
        "\\$39.84 million": "funding",
    }


@pytest.mark.parametrize(
    ("document", "quotes"),
    [
        # a footnote that explains states its quantities as the body does...
        (
            "Ports were scanned.\n\nFootnotes\n1The ports are in four states. CBP counts 26 "
            "ports; some include more than one crossing.\n2Small systems are not counted in "
            "the 52 percent figure.\n",
            ["four", "26", "52 percent"],
        ),
        # ...a citation's numbers (pages, dates, report numbers, markers) are none
        (
            "Ports were scanned.\n\nNotes\n1 U.S. Department of State, Congressional Budget "
            "Justification, FY2024, p. 112.\n2 CRS Report R41349, by Clare Seelke, June 7, "
            "2024.\n3 Banco de México, Informe Trimestral, February 26, 2025, pp. 45–47.\n",
            [],
        ),
        (
            "Ports were scanned.\n\nEndnotes\n\n- ^{xi} North American Development Bank, 2024 "
            "Annual Report, San Antonio, TX, 2025, 96 pp.\n- ⁱⁱ IBWC, “Deliveries Under the 1944 "
            "Treaty,” accessed March 3, 2025, https://www.ibwc.gov/water.\n",
            [],
        ),
    ],
)
def test_notes_section_reads_explanations_not_citations(document: str, quotes: list[str]) -> None:
    assert [r["quote"] for r in extract_quantities(document)] == quotes
