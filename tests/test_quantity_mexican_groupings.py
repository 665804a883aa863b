"""Numbers as Mexican print groups them: thousands and millions written with the words
`mil` and `millones` between the digit groups (`2 millones 87 mil`, `9 mil 668`), and the
Spanish function words that stand between a number and a unit it does not have (`210 del
año anterior` is no duration), and the `$` that Mexican print writes for the peso: in a
Spanish clause it is MXN, beside an English translation still USD.

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
    (
        "La muestra oscila entre 2 mil 800 y 6 mil 100 viviendas por trimestre.",
        [("2 mil 800", 2800, "count"), ("6 mil 100", 6100, "count")],
    ),
    (
        "Los ingresos sumaron 4 billones 126 mil 803 millones\nde pesos, monto superior.",
        [("4 billones 126 mil 803 millones\nde pesos", 4_126_803_000_000, "MXN")],
    ),
    (
        "La deuda fue de 3 billones 250 millones de pesos.",
        [("3 billones 250 millones de pesos", 3_000_250_000_000, "MXN")],
    ),
    # 'pb' are puntos base, as 'bps' are basis points
    ("La tasa disminuyó 45 pb respecto de diciembre.", [("45 pb", 0.45, "percent")]),
    (
        "La Línea de Pobreza fue de $4,585.17 en el ámbito urbano y de $3,296.45 en el rural.",
        [("$4,585.17", 4585.17, "MXN"), ("$3,296.45", 3296.45, "MXN")],
    ),
    (
        "Los apoyos van de $500 a $1,000 por persona en el estado.",
        [("$500", 500, "MXN"), ("$1,000", 1000, "MXN")],
    ),
    (
        "La inversión será de $5 millones de dólares para la planta.",
        [("$5 millones de dólares", 5e6, "USD")],
    ),
    (
        "“Nuevo León recibió 11 mil 240 millones de dólares en inversión extranjera directa.”"
        " (“Nuevo León received $11.24 billion in foreign direct investment.”)",
        [
            ("11 mil 240 millones de dólares", 11.24e9, "USD"),
            ("$11.24 billion", 11.24e9, "USD"),
        ],
    ),
    (
        "La deuda de Nuevo León sumó \\$101.4 mil millones, equivalente a 4.1 % de su PIB.",
        [("\\$101.4 mil millones", 101.4e9, "MXN"), ("4.1 %", 4.1, "percent")],
    ),
    (
        # a fall's first figure is in the scale printed once after the second
        "la población en pobreza se redujo de 46.8 a 38.5 millones de personas",
        [("46.8", 46.8e6, "count"), ("38.5 millones", 38.5e6, "count")],
    ),
    (
        "un estimado de 128.4 miles de millones de dólares, de los cuales",
        [("128.4 miles de millones de dólares", 128.4e9, "USD")],
    ),
    (
        # a bare scaled amount takes the currency before it, its share in brackets after it
        "La IED sumó 34,286 millones de dólares: 7,310 millones (21.3 %) a nuevas inversiones.",
        [
            ("34,286 millones de dólares", 34.286e9, "USD"),
            ("7,310 millones", 7.31e9, "USD"),
            ("21.3 %", 21.3, "percent"),
        ],
    ),
    ("entre empresas con 100 o\nmás empleados", [("100", 100, "count")]),
    (
        # a capitalized verb before a scaled amount names nothing
        "• Cruzan 1.2 millones de vehículos por puentes locales en febrero",
        [("1.2 millones", 1.2e6, "count")],
    ),
    (
        "Se rehabilitaron caminos rurales en 38 de los 67 municipios del estado.",
        [("38", 38, "count"), ("67", 67, "count")],
    ),
    ("Se instalaron 10 puntos de revisión.", [("10", 10, "count")]),
    (
        "Se registraron 21\u202f874 casos confirmados.",
        [("21\u202f874", 21874, "count")],
    ),
    (
        "se clasificaron 7 mil 512 (34.3 %) con signos de alarma y 856 (3.9 %) a dengue grave.",
        [
            ("7 mil 512", 7512, "count"),
            ("34.3 %", 34.3, "percent"),
            ("856", 856, "count"),
            ("3.9 %", 3.9, "percent"),
        ],
    ),
    (
        # the currency carries down a list across a hard-wrapped line
        "De ese total, 22,819 millones de dólares\n(66.6 %) correspondieron a reinversión, "
        "7,310 millones (21.3 %) a nuevas\ninversiones y 4,136 millones (12.1 %) a cuentas.",
        [
            ("22,819 millones de dólares", 22.819e9, "USD"),
            ("66.6 %", 66.6, "percent"),
            ("7,310 millones", 7.31e9, "USD"),
            ("21.3 %", 21.3, "percent"),
            ("4,136 millones", 4.136e9, "USD"),
            ("12.1 %", 12.1, "percent"),
        ],
    ),
    (
        "Entidad            Porcentaje 2024    Miles de personas 2024\n"
        "Chiapas                      62.3                3,594.8\n"
        "Guerrero                     55.1                1,998.6\n",
        [
            ("62.3", 62.3, "percent"),
            ("3,594.8", 3_594_800, "count"),
            ("55.1", 55.1, "percent"),
            ("1,998.6", 1_998_600, "count"),
        ],
    ),
    ("*Tasa por 100\u202f000 habitantes.", []),
    # a Spanish legal text's date, and a part of a whole said with 'de'
    ("Dado en el Salón de Sesiones, a los 11 días del mes de noviembre de 2025.", []),
    ("Se aprobó con 87 de 112 votos.", [("87", 87, "count"), ("112", 112, "count")]),
    (
        # an aligned table's cell with its thousands spaced is one number; a header's note
        # mark ('Kilómetros¹') does not hide its unit
        "Región          Obras    Kilómetros¹    Inversión (millones de pesos)    Población\n"
        "Juárez             41           98.4                          1 024.3    1 512 450\n",
        [
            ("41", 41, "count"),
            ("98.4", 98.4, "kilometer"),
            ("1 024.3", 1.0243e9, "MXN"),
            ("1 512 450", 1_512_450, "count"),
        ],
    ),
    # a Spanish legal text's date, and a part of a whole said with 'de'
    ("Dado en el Salón de Sesiones, a los 11 días del mes de noviembre de 2025.", []),
    ("Se aprobó con 87 de 112 votos.", [("87", 87, "count"), ("112", 112, "count")]),
    (
        "Texto.\n¹ Los 72 indicadores se normalizan; cada subíndice pondera entre 5 % y 15 %.",
        [("72", 72, "count"), ("5 %", 5, "percent"), ("15 %", 15, "percent")],
    ),
    # an index's score in points, and a Markdown heading's section number, are no rows
    ("La Ciudad de México encabezó el índice, con 67.2 puntos, seguida de Nuevo León.", []),
    ("## 2.1 Resultados generales", []),
    # a rate per so many people, and a page's number alone at a page break
    ("La incidencia fue de 16.4 casos por cada 100 mil habitantes.", []),
    ("un año antes.\n\n\f                         25\nSegundo Trimestre de 2025\n", []),
    # 'del año' is 'of the year': 210 is not a duration
    ("frente a los 210 del año anterior.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_mexican_groupings(text: str, expected: list[tuple]) -> None:
    assert_same_rows(quote_value_unit(text), expected)
