"""How the quantity tests compare what a text yields with what it states."""

from __future__ import annotations

from collections.abc import Callable

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


def text_tests(
    cases: list[tuple[str, list[tuple]]], nothing: list[str]
) -> tuple[Callable[..., None], Callable[..., None]]:
    """A module's two tests of real texts: each case's text yields exactly its (quote,
    value, unit) rows, and each text of `nothing` yields none. Assign them to the names
    `test_text_yields_its_quantities, test_text_yields_no_quantity` for pytest to collect."""

    @pytest.mark.parametrize(("text", "expected"), cases, ids=[c[0][:50] for c in cases])
    def test_text_yields_its_quantities(text: str, expected: list[tuple]) -> None:
        assert_same_rows(quote_value_unit(text), expected)

    @pytest.mark.parametrize("text", nothing, ids=[t[:40] for t in nothing])
    def test_text_yields_no_quantity(text: str) -> None:
        assert quote_value_unit(text) == []

    return test_text_yields_its_quantities, test_text_yields_no_quantity
