"""Forms found by the fifteenth and sixteenth blind sets: a unit line that opens with
'Annual', a header piece that begins over the column before its own, headers and labels
that open with their unit ('Days closed, 2025', 'Years in the U.S., average'), a CSV column
of shares named '…_pct', one modifier between a number and its unit of time or road length,
a change followed by the level it reached, ages (of applicants and minors, 'died at 19'), a
roll call ('yeas 61, nays 37'), 'o más', and the first of two numbers set side by side
counting what the second counts.

Each case is a text and the (quote, value, unit) of every quantity it states.
"""

from __future__ import annotations

import pytest

from pipeline.extract.quantities import extract_quantities
from tests.quantity_rows import assert_same_rows, quote_value_unit

FORECASTS = """Table 1
Forecasts for headline and core inflation
Annual percentage change of quarterly average
                               2026                                 2027
                  I       II      III      IV          I       II      III      IV
Headline         3.7      3.6     3.5      3.4         3.3     3.2     3.1      3.0
"""

COUNTIES = """County              Population        Jobs     Total Wages    Job Change,
                                            ($ in millions)   2019-2024 (%)
El Paso                874,310     352,480       17,102.6           8.2
"""

BEACHES = """Beach                      Status (Feb. 28)    Days closed, 2025    Days closed, 2026
Border Field State Park    Closed                    365                   59
"""

PIPE_LABELS = """| Indicador / Indicator | 2024 | 2025 |
|---|---|---|
| Años en EE.UU., promedio / Years in the U.S., average | 9.4 | 11.2 |
| Deportados / Deported | 412 | 388 |
"""

CSV_SHARES = """ciudad,estado,eventos_2024,eventos_2025,variacion_pct
Tijuana,Baja California,"48,210","57,930",20.2
"""

CASES = [
    (FORECASTS, [(f"{v:.1f}", v, "percent") for v in (3.7, 3.6, 3.5, 3.4, 3.3, 3.2, 3.1, 3.0)]),
    (
        COUNTIES,
        [
            ("874,310", 874310.0, "count"),
            ("352,480", 352480.0, "count"),
            ("17,102.6", 17102.6e6, "USD"),
            ("8.2", 8.2, "percent"),
        ],
    ),
    (BEACHES, [("365", 365.0, "day"), ("59", 59.0, "day")]),
    (
        PIPE_LABELS,
        [
            ("9.4", 9.4, "year"),
            ("11.2", 11.2, "year"),
            ("412", 412.0, "count"),
            ("388", 388.0, "count"),
        ],
    ),
    (
        CSV_SHARES,
        [("48,210", 48210.0, "count"), ("57,930", 57930.0, "count"), ("20.2", 20.2, "percent")],
    ),
    (
        "The agency has brought about 69 percent of its 506 levee miles up to standard.",
        [("69 percent", 69.0, "percent"), ("506 levee miles", 506.0, "mile")],
    ),
    (
        "Production fell 5.1% to 318,912 vehicles, the lowest for the month since 2021.",
        [("5.1%", 5.1, "percent"), ("318,912", 318912.0, "count")],
    ),
    (
        "The peso firmed 0.6% to 17.05 per dollar on Tuesday.",
        [("0.6%", 0.6, "percent"), ("17.05", 17.05, "MXN")],
    ),
    ("Only applicants 18 and older.", [("18", 18.0, "year")]),
    ("Minors 12 and older must sign the application themselves.", [("12", 12.0, "year")]),
    (
        "The Chamber of Deputies approved the measure by a vote of 281 to 24, with 3 abstentions.",
        [("281", 281.0, "count"), ("24", 24.0, "count"), ("3", 3.0, "count")],
    ),
    ("Teams of 4 or 5 agents patrol the river.", [("4", 4.0, "count"), ("5", 5.0, "count")]),
    (
        "Cuando se trate de 3 o más armas, la pena se incrementará.",
        [("3", 3.0, "count")],
    ),
    (
        "The result was announced—yeas 61, nays 37, as follows.",
        [("61", 61.0, "count"), ("37", 37.0, "count")],
    ),
    ("whose son, Daniel, died at 19 after taking a pill.", [("19", 19.0, "year")]),
    (
        "Core parts must reach 75 percent; complementary parts 65 percent.",
        [("75 percent", 75.0, "percent"), ("65 percent", 65.0, "percent")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0].strip()[:50] for c in CASES])
def test_text_yields_its_quantities(text: str, expected: list[tuple]) -> None:
    assert_same_rows(quote_value_unit(text), expected)


NOT_QUANTITIES = [
    # devices, not a length; a frequency in Spanish; a part of a rule
    "The utility will install smart meters across the city.",
    "La SRE deberá informar a ambas cámaras cada 120 días sobre los avances.",
    "See Part 65 of the rule.",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES, ids=[t[:40] for t in NOT_QUANTITIES])
def test_text_yields_no_quantity(text: str) -> None:
    assert extract_quantities(text) == []


def test_meters_after_a_modifier_stay_devices() -> None:
    found = extract_quantities("and installation of 22,000 smart meters.")
    assert [(r["quote"], r["unit"]) for r in found] == [("22,000", "count")]
