"""The fault matrix: bad input and faults, each case run for real in temporary folders.

`python -m pipeline.faults` prints it as a Markdown table (case, expected, observed);
tests/test_faults.py runs the same cases, one test each. The module is a package so
each group of cases stays small; `pathological_inputs` is for the benchmark.
"""

from pipeline.faults.core import CaseContext, CaseFailed, FaultCase, Outcome, run_case
from pipeline.faults.pathological import pathological_inputs
from pipeline.faults.raw_cases import RAW_CASES
from pipeline.faults.run_cases import RUN_CASES
from pipeline.faults.text_cases import TEXT_CASES

CASES: list[FaultCase] = [*RAW_CASES, *RUN_CASES, *TEXT_CASES]

__all__ = [
    "CASES",
    "CaseContext",
    "CaseFailed",
    "FaultCase",
    "Outcome",
    "pathological_inputs",
    "run_case",
]
