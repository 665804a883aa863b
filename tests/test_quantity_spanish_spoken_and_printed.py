"""Spanish as Mexican transcripts speak numbers and Mexican print sets them, found by the
twenty-ninth blind set: compound number words (`trescientos cuarenta y ocho`, `mil
doscientos millones de pesos`, `dos punto cinco horas`, `los once aeropuertos`), digit
groups broken over a line (`60 mil⏎369 MDD`, `1 millón 846⏎mil 320`), a thousand that opens
in words (`mil 642 millones de dólares`), `dls`, a table header's `(miles)` in a Spanish
document, an infinitive opening an agreed action, a part of a whole after `sus`. And what
the twenty-eighth found in English: `the first 3 will`, counts listed after a dash, a
split amount after its currency sign.

Each case is a text and the (quote, value, unit) of every quantity it states.
"""

from __future__ import annotations

from tests.quantity_rows import quote_value_unit, text_tests

CASES = [
    (
        "la Agencia Nacional de Aduanas revisó doscientos treinta mil vehículos.",
        [("doscientos treinta mil", 230_000, "count")],
    ),
    (
        "Es un aumento de treinta y dos por ciento respecto al año pasado.",
        [("treinta y dos por ciento", 32, "percent")],
    ),
    (
        "con una inversión de mil doscientos millones de pesos.",
        [("mil doscientos millones de pesos", 1.2e9, "MXN")],
    ),
    (
        "Cada equipo revisa ciento ochenta tractocamiones y funciona las veinticuatro horas.",
        [("ciento ochenta", 180, "count"), ("veinticuatro horas", 24, "hour")],
    ),
    (
        "Estados Unidos aporta ochenta y cinco millones de dólares para capacitación.",
        [("ochenta y cinco millones de dólares", 85e6, "USD")],
    ),
    (
        "Son mil ciento sesenta carpetas, y hay trescientos cuarenta y ocho detenidos, de "
        "los cuales noventa y uno ya fueron vinculados.",
        [
            ("mil ciento sesenta", 1160, "count"),
            ("trescientos cuarenta y ocho", 348, "count"),
            ("noventa y uno", 91, "count"),
        ],
    ),
    (
        "Tenemos presencia en los cincuenta y dos puertos y en los once aeropuertos.",
        [("cincuenta y dos", 52, "count"), ("once", 11, "count")],
    ),
    (
        "el tiempo bajó de cuatro horas a dos punto cinco horas.",
        [("cuatro horas", 4, "hour"), ("dos punto cinco horas", 2.5, "hour")],
    ),
    ("durante treinta y un días", [("treinta y un días", 31, "day")]),
    (
        "las importaciones fueron de 60 mil\n369 MDD, 4.9% más.",
        [("60 mil\n369 MDD", 60_369e6, "USD"), ("4.9%", 4.9, "percent")],
    ),
    (
        "brindaron 1 millón 846\nmil 320 servicios a 742 mil 915 personas.",
        [("1 millón 846\nmil 320", 1_846_320, "count"), ("742 mil 915", 742_915, "count")],
    ),
    (
        "El valor de esos envíos fue de mil 642 millones de dólares.",
        [("mil 642 millones de dólares", 1642e6, "USD")],
    ),
    ("2.9 dls costo adicional por caja", [("2.9 dls", 2.9, "USD")]),
    (
        "la garita operará con al menos 16 de sus 25 carriles abiertos.",
        [("16", 16, "count"), ("25", 25, "count")],
    ),
    ("2. Instalar 6 módulos adicionales en Tijuana.", [("6", 6, "count")]),
    (
        "Cruces en cifras, 2025\n\nGarita                   Personas (miles)   Vehículos (miles)\n"
        "San Ysidro                    24,612            11,408\n"
        "Otay Mesa                     13,275             6,031\n\n"
        "Fuente: Secretaría de Economía del Estado con datos de la CBP y de las garitas.",
        [
            ("24,612", 24_612_000, "count"),
            ("11,408", 11_408_000, "count"),
            ("13,275", 13_275_000, "count"),
            ("6,031", 6_031_000, "count"),
        ],
    ),
    (
        "with a combined estimated cost of $3.1 billion; the first 3 will enter design",
        [("$3.1 billion", 3.1e9, "USD"), ("3", 3, "count")],
    ),
    (
        "ten plants in both states – 4 in the United States and 6 in Mexico – each able",
        [("ten", 10, "count"), ("4", 4, "count"), ("6", 6, "count")],
    ),
    ("and only \\$4 6 million of the budgets", [("\\$4 6 million", None, "USD")]),
]

NOT_QUANTITIES = [
    # an English noun in -er opening an item is no Spanish infinitive
    "- Quarter 3 results were released late.",
    # the English 'once' is no eleven
    "We meet once a year.",
    "Once the deal was signed, trade grew.",
    # nor an English table's '(miles)' a thousand
    "Table 2. Corridors\n\nCorridor              Length (miles)    Ports\n"
    "Laredo                          153        4\nEl Paso                          88        3\n",
]


test_text_yields_its_quantities, test_text_yields_no_quantity = text_tests(
    CASES, NOT_QUANTITIES[:3]
)


def test_an_english_tables_miles_are_miles() -> None:
    rows = quote_value_unit(NOT_QUANTITIES[3])
    assert rows == [("153", 153, "mile"), ("4", 4, "count"), ("88", 88, "mile"), ("3", 3, "count")]
