"""How the quantity tests compare what a text yields with what it states."""

from __future__ import annotations

import pytest

from pipeline.extract.quantities import extract_quantities


def assert_same_rows(found: list[tuple], expected: list[tuple]) -> None:
    """Rows as tuples whose second field is the value: values equal to 1e-6 relative
    (None where the number is malformed), every other field exactly."""
    assert [(r[0], *r[2:]) for r in found] == [(e[0], *e[2:]) for e in expected]
    assert [r[1] for r in found] == [
        None if e[1] is None else pytest.approx(e[1]) for e in expected
    ]


def quote_value_unit(text: str) -> list[tuple]:
    """What a text yields, as (quote, value, unit)."""
    return [(r["quote"], r["value"], r["unit"]) for r in extract_quantities(text)]
