"""Changes the benchmark can measure before they are wired into the pipeline.

Both changes it was written for are wired now: the cached, once-per-run extraction
multi-asset (pipeline/assets/core.py, which replaced one asset per table that each
unpickled every table's rows: 1.6-2.4 s per step at 1,000 documents) and the bulk
schema validation (pipeline/assets/checks.py). `pending()` tells the benchmark whether a
proposal is still missing from the pipeline; while nothing is, it measures the
pipeline as it is.
"""

import inspect


def pending() -> dict[str, bool]:
    """Which proposed changes the pipeline does not carry yet."""
    import pipeline.assets.checks as checks
    import pipeline.assets.core as core

    return {
        "cache": "extract_with_cache" not in inspect.getsource(core),
        "bulk_validation": "bulk_validation" not in inspect.getsource(checks),
    }
