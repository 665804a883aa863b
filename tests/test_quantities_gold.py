"""Qualifier, period and rate on the seed gold rows whose sentences state them.

The gold CSV gives value and unit; these columns are read off the same sentences by hand:
'nearly' is approximate, 'more than'/'over' a lower bound, 'In 2020,' a period, 'Every
day' a rate, and so on.
"""

from __future__ import annotations

import pytest

from pipeline.extract.quantities import extract_quantities
from pipeline.scoring import SEED_DIR

E, A, L = "exact", "approximate", "lower_bound"
D, Y = "per_day", "per_year"

# (file prefix, gold start offset, quote, qualifier, period, rate)
SEED_CONTEXT = [
    ("000", 267, "\\$39.84 million", E, "FY2024", None),
    ("000", 350, "\\$39.84 million", E, None, None),
    ("001", 153, "200-year", A, None, None),
    ("001", 910, "$1.8 billion", E, None, D),
    ("001", 1791, "$538.1 billion", E, "2020", None),
    ("001", 2201, "26,000", A, None, None),
    ("001", 2783, "15 million", A, None, None),
    ("001", 4323, "$3.2 billion", L, "FY2008-FY2020", None),
    ("001", 4752, "71", E, "since 2013", None),
    ("001", 4816, "27", E, "since 2013", None),
    ("001", 4913, "$5 million", A, None, Y),
    ("001", 5019, "10,0000", A, None, None),
    ("001", 5195, "14,000", L, "AY2019/2020", None),
    ("002", 578, "2,000 miles", E, None, None),
    ("002", 702, "$1.9 billion", A, None, D),
    ("002", 2411, "$3.2 billion", L, "FY2008-FY2020", None),
    ("003", 1766, "400", L, None, None),
    ("003", 2021, "32%", A, None, None),
    ("003", 2294, "35,065 pounds", L, "since 2021", None),
    ("003", 2334, "51.8 million", L, "since 2021", None),
    ("003", 2407, "$498.4 million", L, "since 2021", None),
    ("003", 2861, "300", L, None, None),
    ("003", 3494, "40 percent", A, None, None),
    ("003", 3735, "13,800", L, None, None),
    ("003", 3795, "seven", E, "since 2019", None),
    ("004", 607, "\\$807 billion", E, "2023", None),
    ("004", 7492, "\\$807bn", E, "2023", None),
    ("004", 7851, "20.1%", E, None, None),
    ("004", 17984, "50%", E, "2023-12/2024-01", None),
    ("004", 20617, "15", E, None, None),
]


def _seed_records(prefix: str) -> list[dict]:
    path = next(SEED_DIR.glob(f"{prefix}_*.txt"))
    return extract_quantities(path.read_bytes().decode("utf-8"))


@pytest.mark.parametrize(
    ("prefix", "start", "quote", "qualifier", "period", "rate"),
    SEED_CONTEXT,
    ids=[f"{c[0]}:{c[1]}:{c[2]}" for c in SEED_CONTEXT],
)
def test_seed_context(
    prefix: str, start: int, quote: str, qualifier: str, period: str | None, rate: str | None
) -> None:
    record = next(r for r in _seed_records(prefix) if r["char_start"] == start)
    assert record["quote"] == quote
    assert (record["qualifier"], record["period"], record["rate"]) == (qualifier, period, rate)
    assert quote in record["sentence"]
