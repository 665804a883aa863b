"""The benchmark's synthetic corpus: deterministic, shaped like the seeds, never a copy."""

from __future__ import annotations

import re
import statistics

import pytest

from bench.corpus import (
    _NUMBER,
    CorpusGenerator,
    add_document,
    load_shapes,
    write_corpus,
)
from pipeline.extraction import extract_document
from pipeline.ingest import ingest_raw_dir
from tests.conftest import RAW_DIR


@pytest.fixture(scope="module")
def generator() -> CorpusGenerator:
    return CorpusGenerator(load_shapes(RAW_DIR), seed=7)


def test_the_same_seed_gives_the_same_bytes_and_another_seed_does_not(generator):
    again = CorpusGenerator(load_shapes(RAW_DIR), seed=7)
    other = CorpusGenerator(load_shapes(RAW_DIR), seed=8)
    for i in (0, 1, 17, 999):
        assert generator.document(i) == again.document(i)
        assert generator.document(i).text != other.document(i).text


def test_a_smaller_corpus_is_the_start_of_a_bigger_one(tmp_path):
    small, big = tmp_path / "small", tmp_path / "big"
    write_corpus(small, 6, seed=3, seeds_dir=RAW_DIR)
    write_corpus(big, 9, seed=3, seeds_dir=RAW_DIR)
    for path in small.glob("*.txt"):
        assert path.read_bytes() == (big / path.name).read_bytes()
    assert len(list(big.glob("*.txt"))) == 9
    added = add_document(small, 6, seed=3)
    assert added.read_bytes() == (big / added.name).read_bytes()


def test_the_same_corpus_digest_twice(tmp_path):
    assert write_corpus(tmp_path / "a", 5, seeds_dir=RAW_DIR) == write_corpus(
        tmp_path / "b", 5, seeds_dir=RAW_DIR
    )


def test_lengths_vary_around_the_seeds(generator):
    sizes = [len(generator.document(i).data) for i in range(300)]
    seed_sizes = [p.stat().st_size for p in RAW_DIR.glob("*.txt")]
    assert min(sizes) < min(seed_sizes)
    assert max(sizes) > 5 * statistics.median(seed_sizes)  # a few report-sized documents
    assert 0.5 < statistics.median(sizes) / statistics.median(seed_sizes) < 2


def test_every_shape_is_used_and_front_matter_survives(generator):
    documents = [generator.document(i) for i in range(200)]
    with_front_matter = [d for d in documents if d.text.lstrip("\ufeff").startswith("---\n")]
    assert 10 < len(with_front_matter) < 100  # one seed in five has front matter
    assert any(d.manifest_row is None for d in documents)  # a file with no manifest row


def _numbers(text: str) -> set[str]:
    # Numbers worth memorising: at least three digits and not a year.
    return {
        m.group(0)
        for m in _NUMBER.finditer(text)
        if len(re.sub(r"\D", "", m.group(0))) >= 3 and not re.fullmatch(r"(19|20)\d\d", m.group(0))
    }


def test_numbers_are_redrawn_not_copied_from_the_seeds(generator):
    seed_numbers = set().union(*(_numbers(p.read_text()) for p in RAW_DIR.glob("*.txt")))
    generated = set().union(*(_numbers(generator.document(i).text) for i in range(100)))
    assert len(generated) > 5 * len(seed_numbers)
    assert len(generated & seed_numbers) / len(seed_numbers) < 0.5


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        (r"\\\$\d", "escaped dollars of a converted PDF"),
        (r"\d+(?:\.\d+)?%", "percent signs"),
        (
            r"\b(?:nearly|about|approximately|more than|over|at least|up to|almost)\s+\S*\d",
            "hedges",
        ),
        (r"\d\s+(?:million|billion|trillion|thousand)\b", "scale words"),
        (r"\b(?:miles?|kilometers?|pounds?|kilograms?|tons?)\b", "units"),
        (r"\^\{[ivx]+\}|[ⁱ]", "endnote markers"),
    ],
)
def test_the_corpus_keeps_the_shapes_the_extractors_must_handle(generator, pattern, why):
    text = "".join(generator.document(i).text for i in range(300))
    assert re.search(pattern, text), why


def test_the_pipeline_reads_every_generated_file(tmp_path):
    write_corpus(tmp_path, 40, seeds_dir=RAW_DIR)
    result = ingest_raw_dir(tmp_path, 50_000_000)
    assert result.quarantine == []
    assert len(result.documents) == 40
    rows = [extract_document(d.doc_id, d.text)["quantities"] for d in result.documents]
    assert sum(len(r) for r in rows) > 100
