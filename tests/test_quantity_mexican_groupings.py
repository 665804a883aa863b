"""Numbers as Mexican print groups them: thousands and millions written with the words
`mil` and `millones` between the digit groups (`2 millones 87 mil`, `9 mil 668`), and the
Spanish function words that stand between a number and a unit it does not have (`210 del
año anterior` is no duration).

Each case is a sentence and the (quote, value, unit) of every quantity it states.
"""

from __future__ import annotations

import pytest

from tests.quantity_rows import assert_same_rows, quote_value_unit

CASES = [
    (
        "Jalisco registró 2 millones 87\nmil trabajadores asegurados al cierre de febrero.",
        [("2 millones 87\nmil", 2_087_000, "count")],
    ),
    (
        "El fondo ejerció 3 millones 250 mil pesos en el primer trimestre.",
        [("3 millones 250 mil pesos", 3_250_000, "MXN")],
    ),
    (
        # a grouped number counts on its own, as '9,668 (68%) reconocieron' does
        "De ellas, 9 mil 668 (68%) reconocieron la condición de refugiado.",
        [("9 mil 668", 9668, "count"), ("68%", 68, "percent")],
    ),
    (
        "un aumento de 18.4 % frente a los 175 mil 210 de 2024.",
        [("18.4 %", 18.4, "percent"), ("175 mil 210", 175_210, "count")],
    ),
    (
        # two amounts, each with its own unit: no grouping across 'de pesos y'
        "la cifra fue de 3 millones de pesos y 250 mil dólares.",
        [("3 millones de pesos", 3_000_000, "MXN"), ("250 mil dólares", 250_000, "USD")],
    ),
    # 'del año' is 'of the year': 210 is not a duration
    ("frente a los 210 del año anterior.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_mexican_groupings(text: str, expected: list[tuple]) -> None:
    assert_same_rows(quote_value_unit(text), expected)
