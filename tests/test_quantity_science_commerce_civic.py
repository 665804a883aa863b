"""Quantities as scientific papers, commercial documents and local civic texts print them,
the forms the forty-third to forty-fifth blind sets showed: a confidence interval around
a count (`8 individuals (95% CI, 5–13)`), a test's statistic (`ρ = 0.71`), a journal's
cited pages (`2026; 14(2): 87–96`), a running head's page number beside the facing page's,
a table caption of a measure over a period (`(tons per year)`), a row label ending in its
unit (`Detection-positive days`), a range in a table cell (`3-6` under `Transit (hours)`),
a description wrapped under an invoice's row, a per-share row under `(in millions, except
per-share data)`, an accounts' negative share (`(4.4)%`), ages (`turn 5`, `Median age: 22`,
`Two adults, 34 and 45, were`), an address's block, a ratio's terms (`a return of 27 to
1`), and a school year's end after an amount (`2025–26`).

Each case is a text and the (quote, value, unit) of every quantity it states.
"""

from __future__ import annotations

from tests.quantity_rows import text_tests

CASES = [
    (
        "Abundance in 2025 was estimated at 8 individuals (95% CI, 5–13), similar to 2024.",
        [("8", 8, "count"), ("95%", 95, "percent"), ("5", 5, "count"), ("13", 13, "count")],
    ),
    (
        "Egg density was higher in Juárez (incidence rate ratio 1.18; p = 0.002); "
        "ρ = 0.71 between 120 households.",
        [("120", 120, "count")],
    ),
    (
        "Current smoking rose with age, from 8.9% at age 13 to 24.7% at age 17.",
        [
            ("8.9%", 8.9, "percent"),
            ("13", 13, "year"),
            ("24.7%", 24.7, "percent"),
            ("17", 17, "year"),
        ],
    ),
    (
        "Students smoked on 20 or more of the past 30 days.",
        [("20", 20, "day"), ("30 days", 30, "day")],
    ),
    (
        "Table 3-2. Estimated construction emissions\n(tons per year)\n"
        "Pollutant            2027       2028     De minimis\n"
        "NOx                  18.4       11.2        100\n"
        "CO2e (metric)      2,940      1,870          —\n",
        [
            ("18.4", 18.4, "ton"),
            ("11.2", 11.2, "ton"),
            ("100", 100, "ton"),
            ("2,940", 2940, "ton"),
            ("1,870", 1870, "ton"),
        ],
    ),
    (
        "Table 1. Acoustic effort, 2023–2025\n"
        "                                   2023        2024\n"
        "Sites with detectors                 46          46\n"
        "Detection-positive days             311         268\n"
        "Detector-days                      4,232       4,100\n",
        [
            ("46", 46, "count"),
            ("46", 46, "count"),
            ("311", 311, "day"),
            ("268", 268, "day"),
            ("4,232", 4232, "count"),
            ("4,100", 4100, "count"),
        ],
    ),
    (
        "Lane                                   Miles   Loaded    Transit\n"
        "                                               (USD)     (hours)\n"
        "Nuevo Laredo yard -> Laredo yard        9       245       3-6\n"
        "Laredo -> Monterrey, N.L.             150     1,150       12\n",
        [
            ("9", 9, "mile"),
            ("245", 245, "USD"),
            ("3", 3, "hour"),
            ("6", 6, "hour"),
            ("150", 150, "mile"),
            ("1,150", 1150, "USD"),
            ("12", 12, "hour"),
        ],
    ),
    (
        "Ln Part No.     Description                    Qty    UoM  Unit price  Amount\n"
        "                                                           USD         USD\n"
        "1  FCN-4410-B   Steering knuckle, forged,    1,200  PCS  38.75       46,500.00\n"
        "                machined, for F-150 type\n"
        "2  FCN-4418-C   Control arm bracket, LH      2,400  PCS  12.40       29,760.00\n",
        [
            ("1,200", 1200, "count"),
            ("38.75", 38.75, "USD"),
            ("46,500.00", 46500, "USD"),
            ("2,400", 2400, "count"),
            ("12.40", 12.4, "USD"),
            ("29,760.00", 29760, "USD"),
        ],
    ),
    (
        "(in millions, except per-share data)         2025        2024      Change\n"
        "Revenue                                  $1,270.4    $1,140.5       11.4%\n"
        "Net income                                   58.3        61.0       (4.4)%\n"
        "Diluted earnings per share                   1.42        1.49       (4.7)%\n",
        [
            ("$1,270.4", 1.2704e9, "USD"),
            ("$1,140.5", 1.1405e9, "USD"),
            ("11.4%", 11.4, "percent"),
            ("58.3", 5.83e7, "USD"),
            ("61.0", 6.1e7, "USD"),
            ("(4.4)%", -4.4, "percent"),
            ("1.42", 1.42, "USD"),
            ("1.49", 1.49, "USD"),
            ("(4.7)%", -4.7, "percent"),
        ],
    ),
    (
        "BY THE NUMBERS\n\n  Program sessions                       11,240\n"
        "  Hours open to the public              44,116\n",
        [("11,240", 11240, "count"), ("44,116", 44116, "hour")],
    ),
    ("The driver, 31, faces a charge of smuggling.", [("31", 31, "year")]),
    (
        "Two adults, 34 and 45, were arrested.",
        [("Two", 2, "count"), ("34", 34, "year"), ("45", 45, "year")],
    ),
    ("Registration opens for children who turn 5 by Aug. 1.", [("5", 5, "year")]),
    ("- Median age: 22 (undergraduate)", [("22", 22, "year")]),
    ("It counts toward your distribution if you are 70½ or older.", [("70½", 70.5, "year")]),
    (
        "Tuition and fees were $5,162 per semester in 2025–26, or $10,324 for the year.",
        [("$5,162", 5162, "USD"), ("$10,324", 10324, "USD")],
    ),
    # a return that is no ratio
    (
        "The Commission welcomed the return of 19 desert bighorn sheep.",
        [("19", 19, "count")],
    ),
]

NOT_QUANTITIES = [
    "the correlation was r = 0.64 across cities",
    "Journal of Border Health Research · 2026; 14(2): 87–96                 ORIGINAL RESEARCH",
    "MMWR / March 12, 2026 / Vol. 75 / No. 9                                     261\n"
    "262                                   MMWR / March 12, 2026 / Vol. 75 / No. 9\n",
    "J Border Health Res 2026;14(2):87–96                                        87\n"
    "88                                                  Carrizales et al. · Ambos Nogales\n",
    "Deputies responded to shots fired in the 4300 block of Main St.",
    "Visitors reported spending for a return of 27 to 1.",
    "Supplier code 300418",
    "Lines 2 and 3 ship on mixed pallets.",
]


test_text_yields_its_quantities, test_text_yields_no_quantity = text_tests(CASES, NOT_QUANTITIES)
