"""Ingest on hostile raw directories: every bad file or manifest row is quarantined with
its stage and a reason, and the good documents still come through."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from pipeline.ingest import (
    FrontMatterError,
    QuarantineEntry,
    decode_document,
    ingest_raw_dir,
    parse_front_matter,
)

LIMIT = 10_000
GOOD = "The United States provided $1.5 million in 2021.\n"
MANIFEST_HEADER = "doc_id,file,title,publisher,published_date,date_note,url,document_type\n"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _raw(tmp_path: Path, files: dict[str, bytes], manifest: str | None = None) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, data in files.items():
        (raw / name).write_bytes(data)
    if manifest is not None:
        (raw / "manifest.csv").write_text(MANIFEST_HEADER + manifest, encoding="utf-8")
    return raw


def _quarantined(raw: Path, max_bytes: int = LIMIT) -> dict[tuple[str, str], QuarantineEntry]:
    result = ingest_raw_dir(raw, max_bytes)
    return {(q.file_name, q.stage): q for q in result.quarantine}


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"abc\x00def", "binary file (NUL byte at offset 3)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL byte at offset 8)"),
        (b"caf\xe9 con leche", "invalid UTF-8 at byte 3: invalid continuation byte"),
        (b"ok \xed\xa0\x80 surrogate", "invalid UTF-8 at byte 3: invalid continuation byte"),
        (b"truncated \xe2\x82", "invalid UTF-8 at byte 10: unexpected end of data"),
        ("Hola".encode("utf-16"), "UTF-16 text"),
    ],
)
def test_undecodable_bytes_say_why(data, reason):
    with pytest.raises(ValueError) as caught:
        decode_document(data)
    assert str(caught.value).startswith(reason)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"plain\n", "plain\n"),
        # The BOM and the CRs stay: offsets index exactly raw_bytes.decode("utf-8").
        (b"\xef\xbb\xbfline one\r\nline two\r\n", "\ufeffline one\r\nline two\r\n"),
        ("U.S.–Mexico: 2 000 km\u00a0".encode(), "U.S.–Mexico: 2 000 km\u00a0"),
    ],
)
def test_utf8_text_is_kept_byte_for_byte(data, text):
    assert decode_document(data) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No front matter here.\n---\nnot: yaml\n---\n", None),
        ("---\ntitle: A title\ndate: 2021-03-01\n---\nBody", {"title": "A title"}),
        ("\ufeff---\r\ntitle: With BOM and CRLF\r\n---\r\nBody", {"title": "With BOM and CRLF"}),
        ("---\n---\nBody after an empty block", {}),
        ("---\n# only a comment\n---\nBody", {}),
    ],
)
def test_front_matter_is_parsed_when_present(text, expected):
    front = parse_front_matter(text)
    if expected is None:
        assert front is None
    else:
        assert front is not None
        assert {k: front[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("---\ntitle: never closed\nBody text", "front matter opened with '---' but never closed"),
        ("---\ntitle: [unclosed\n---\nBody", "front matter is not valid YAML at line"),
        ("---\ntitle: a\n  bad: indent\n---\nBody", "front matter is not valid YAML at line 3"),
        ("---\n- a\n- list\n---\nBody", "front matter is a list, not a mapping"),
        ("---\njust a string\n---\nBody", "front matter is a str, not a mapping"),
    ],
)
def test_broken_front_matter_says_why(text, reason):
    with pytest.raises(FrontMatterError) as caught:
        parse_front_matter(text)
    assert str(caught.value).startswith(reason)


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system [{command}]",
        "!!python/object/apply:subprocess.call [[sh, -c, {command}]]",
        "!!python/object/new:subprocess.Popen [[sh, -c, {command}]]",
        "!!python/name:os.system",
    ],
)
def test_front_matter_never_runs_code(tmp_path, tag):
    marker = tmp_path / "pwned"
    command = f"'touch {marker}'"
    text = f"---\ntitle: {tag.format(command=command)}\n---\nBody with $5 million.\n"
    with pytest.raises(FrontMatterError, match="not valid YAML"):
        parse_front_matter(text)
    raw = _raw(tmp_path, {"evil.txt": text.encode(), "good.txt": GOOD.encode()})
    result = ingest_raw_dir(raw, LIMIT)
    assert [d.file_name for d in result.documents] == ["good.txt"]
    (entry,) = result.quarantine
    assert (entry.file_name, entry.stage) == ("evil.txt", "front_matter")
    assert "constructor" in entry.reason
    assert not marker.exists()


def test_each_bad_file_is_quarantined_and_the_good_ones_go_on(tmp_path):
    files = {
        "empty.txt": b"",
        "binary.txt": b"GIF89a\x00\x01",
        "latin1.txt": "Tratado de Guadalupe Hidalgo, año 1848".encode("latin-1"),
        "big.txt": b"9" * (LIMIT + 1),
        "image.png": b"\x89PNG",
        "good.txt": GOOD.encode(),
        "at_limit.txt": b"7" * LIMIT,
    }
    raw = _raw(tmp_path, files)
    (raw / "notes").mkdir()
    (raw / ".hidden.txt").write_bytes(b"")
    result = ingest_raw_dir(raw, LIMIT)
    assert sorted(d.file_name for d in result.documents) == ["at_limit.txt", "good.txt"]
    got = {q.file_name: (q.stage, q.sha256, q.reason) for q in result.quarantine}
    assert got == {
        "empty.txt": ("decode", _sha(b""), "empty file"),
        "binary.txt": ("decode", _sha(files["binary.txt"]), "binary file (NUL byte at offset 6)"),
        "latin1.txt": (
            "decode",
            _sha(files["latin1.txt"]),
            "invalid UTF-8 at byte 31: invalid continuation byte",
        ),
        "big.txt": ("read", None, f"file is {LIMIT + 1} bytes, over the limit of {LIMIT}"),
        "image.png": ("read", None, "not a document: only .txt files are read"),
    }


def test_bom_and_crlf_are_kept_in_the_text(tmp_path):
    data = "\ufeffMexico received $3.2 billion.\r\nSecond line.\r\n".encode()
    raw = _raw(tmp_path, {"crlf.txt": data})
    (doc,) = ingest_raw_dir(raw, LIMIT).documents
    assert doc.text == data.decode("utf-8")
    assert doc.text.index("$3.2 billion") == 17
    assert doc.size_bytes == len(data)


def test_same_bytes_under_two_names_are_one_document(tmp_path):
    raw = _raw(
        tmp_path,
        {"a_copy.txt": GOOD.encode(), "b_original.txt": GOOD.encode()},
        manifest="orig,b_original.txt,The original,,,,,\n",
    )
    result = ingest_raw_dir(raw, LIMIT)
    assert result.quarantine == []
    (doc,) = result.documents
    assert doc.file_names == ("a_copy.txt", "b_original.txt")
    assert doc.file_name == "a_copy.txt"
    # The manifest row of either name identifies the document.
    assert (doc.doc_id, doc.metadata["title"]) == ("orig", "The original")


def test_two_files_that_would_share_a_doc_id_do_not_break_the_key(tmp_path):
    raw = _raw(tmp_path, {"a b.txt": b"first\n", "a_b.txt": b"second\n"})
    result = ingest_raw_dir(raw, LIMIT)
    assert [(d.doc_id, d.file_name) for d in result.documents] == [("a_b", "a b.txt")]
    (entry,) = result.quarantine
    assert entry.file_name == "a_b.txt"
    assert entry.reason.startswith("doc_id 'a_b' is already the id of 'a b.txt'")


@pytest.mark.parametrize(
    ("row", "label", "reason"),
    [
        ("m,missing.txt,,,,,,\n", "missing.txt", "line 2: names a missing file 'missing.txt'"),
        ("m,../outside.txt,,,,,,\n", "../outside.txt", "points outside the raw directory"),
        ("m,{outside},,,,,,\n", "{outside}", "points outside the raw directory"),
        ("m,link.txt,,,,,,\n", "link.txt", "resolves outside the raw directory (symlink)"),
        ("m,sub/inner.txt,,,,,,\n", "sub/inner.txt", "is in a subfolder"),
        ("m,good.txt,,,2021-02-30,,,\n", "good.txt", "malformed published_date '2021-02-30'"),
        ("m,good.txt,,,March 2021,,,\n", "good.txt", "malformed published_date 'March 2021'"),
        ("m,good.txt,,,,,www.state.gov/x,\n", "good.txt", "malformed url 'www.state.gov/x'"),
        ("m,good.txt,,,,,https://a b.gov,\n", "good.txt", "malformed url 'https://a b.gov'"),
        ("m,good.txt,,,,,javascript:alert(1),\n", "good.txt", "malformed url"),
        ("../x,good.txt,,,,,,\n", "good.txt", "malformed doc_id '../x'"),
        (",,A title,,,,,\n", "manifest.csv:2", "line 2: no file named"),
    ],
)
def test_bad_manifest_rows_are_rejected_with_the_reason(tmp_path, row, label, reason):
    outside = tmp_path / "outside.txt"
    outside.write_text("Secret outside the raw directory: $9 billion.\n", encoding="utf-8")
    row = row.replace("{outside}", str(outside))
    label = label.replace("{outside}", str(outside))
    raw = _raw(tmp_path, {"good.txt": GOOD.encode()}, manifest=row)
    (raw / "sub").mkdir()
    (raw / "sub" / "inner.txt").write_text("inner\n", encoding="utf-8")
    (raw / "link.txt").symlink_to(outside)
    result = ingest_raw_dir(raw, LIMIT)
    rejected = {(q.file_name, q.stage): q for q in result.quarantine}
    assert reason in rejected[(label, "manifest")].reason
    # The file itself is still read; only the row's metadata is refused.
    (good,) = [d for d in result.documents if d.file_name == "good.txt"]
    assert (good.doc_id, good.metadata_source) == ("good", "none")
    assert all("Secret" not in d.text for d in result.documents)


def test_a_symlink_pointing_out_is_never_read(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("Secret: $9 billion.\n", encoding="utf-8")
    raw = _raw(tmp_path, {"good.txt": GOOD.encode()})
    (raw / "leak.txt").symlink_to(outside)
    (raw / "alias.txt").symlink_to(raw / "good.txt")
    result = ingest_raw_dir(raw, LIMIT)
    assert [d.file_names for d in result.documents] == [("alias.txt", "good.txt")]
    assert _quarantined(raw)[("leak.txt", "read")].reason == (
        "symlink pointing outside the raw directory"
    )


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda raw: os.mkfifo(raw / "pipe.txt"), "not a regular file"),
        (lambda raw: (raw / "pipe.txt").symlink_to(raw / "gone.txt"), "symlink to a missing file"),
        (
            lambda raw: (
                (raw / "pipe.txt").symlink_to(raw / "loop.txt"),
                (raw / "loop.txt").symlink_to(raw / "pipe.txt"),
            ),
            "symlink loop",
        ),
    ],
)
def test_files_that_cannot_be_read_safely_are_quarantined(tmp_path, make, reason):
    raw = _raw(tmp_path, {"good.txt": GOOD.encode()})
    make(raw)
    result = ingest_raw_dir(raw, LIMIT)
    assert [d.file_name for d in result.documents] == ["good.txt"]
    assert _quarantined(raw)[("pipe.txt", "read")].reason == reason


def test_manifest_metadata_wins_and_repeated_rows_are_refused(tmp_path):
    manifest = (
        "g,good.txt,Good title,Dept,2021-02-25,,https://example.gov/g,fact sheet\n"
        "g2,good.txt,Another title,,,,,\n"
        "g,other.txt,,,,,,\n"
        "x,missing.txt,,,,,,\n"
        "y,missing.txt,,,,,,\n"
    )
    raw = _raw(tmp_path, {"good.txt": GOOD.encode(), "other.txt": b"other\n"}, manifest)
    result = ingest_raw_dir(raw, LIMIT)
    docs = {d.file_name: d for d in result.documents}
    assert docs["good.txt"].doc_id == "g"
    assert docs["good.txt"].metadata["title"] == "Good title"
    assert str(docs["good.txt"].metadata["published_date"]) == "2021-02-25"
    assert docs["other.txt"].doc_id == "other"
    reasons = {(q.file_name, q.stage): q.reason for q in result.quarantine}
    assert reasons[("good.txt", "manifest")] == (
        "line 3: a second row for 'good.txt' (the first is line 2)"
    )
    assert reasons[("other.txt", "manifest")] == "line 4: doc_id 'g' is already used on line 2"
    # Two bad rows for one file: one quarantine row (its key), both reasons.
    assert reasons[("missing.txt", "manifest")] == (
        "line 5: names a missing file 'missing.txt'; line 6: names a missing file 'missing.txt'"
    )
    keys = [(q.file_name, q.stage) for q in result.quarantine]
    assert len(keys) == len(set(keys))


def test_an_unreadable_manifest_is_one_entry_and_documents_still_come(tmp_path):
    raw = _raw(tmp_path, {"good.txt": GOOD.encode()})
    (raw / "manifest.csv").write_bytes(MANIFEST_HEADER.encode() + b"g,good.txt,T\xe9tulo,,,,,\n")
    result = ingest_raw_dir(raw, LIMIT)
    assert [d.doc_id for d in result.documents] == ["good"]
    (entry,) = result.quarantine
    assert (entry.file_name, entry.stage) == ("manifest.csv", "manifest")
    assert entry.reason.startswith("manifest unreadable: 'utf-8' codec can't decode byte 0xe9")


def test_front_matter_fills_what_the_manifest_leaves_empty(tmp_path):
    text = "---\ntitle: From the file\ndate: '2021-03-01'\nurl: https://example.gov/f\n---\nB\n"
    raw = _raw(tmp_path, {"f.txt": text.encode()}, manifest="f,f.txt,,Publisher,,,,\n")
    (doc,) = ingest_raw_dir(raw, LIMIT).documents
    assert doc.metadata_source == "manifest+front_matter"
    assert doc.metadata["title"] == "From the file"
    assert doc.metadata["publisher"] == "Publisher"
    assert doc.metadata["url"] == "https://example.gov/f"
    assert doc.text == text


def test_a_missing_raw_directory_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"raw directory .* does not exist"):
        ingest_raw_dir(tmp_path / "nope", LIMIT)
