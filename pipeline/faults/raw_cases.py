"""Bad raw files: each is quarantined with a reason, and the rest are published.

All these cases share one build of a hostile raw directory: the five seeds plus one
bad file or manifest row per case. A single run proves both halves of the promise at
once: every bad input has its quarantine row, and the good documents still went
through extraction, the blocking checks, the release and the database.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.extraction import extract_document
from pipeline.faults.core import CaseContext, FaultCase, expect
from pipeline.faults.harness import Build, build, query, read_release_csv
from pipeline.ingest import MANIFEST_NAME
from pipeline.settings import REPO_ROOT

SEED_DIR = REPO_ROOT / "raw"
SIZE_LIMIT = 64 * 1024
GROUP = "Bad raw files: quarantined with a reason, the rest go on"
CRLF_SOURCE = "001_1cb4359ec7be3ce3.txt"
DUPLICATED = "003_c0f9455023bfcfeb.txt"


@dataclass(frozen=True)
class Hostile:
    root: Path
    raw: Path
    outputs: Path
    build: Build
    marker: Path

    def redact(self, text: str) -> str:
        """Reasons name temporary paths; the matrix shows them without."""
        return text.replace(str(self.root), "<tmp>")


def _hostile_files(marker: Path) -> dict[str, bytes]:
    crlf = b"\xef\xbb\xbf" + (SEED_DIR / CRLF_SOURCE).read_bytes().replace(b"\n", b"\r\n")
    return {
        "empty.txt": b"",
        "binary.txt": b"GIF89a\x01\x00\x01\x00\x80\xff\x00",
        "latin1.txt": "Acuerdo de 1.500 millones de dólares.\n".encode("latin-1"),
        "oversize.txt": b"The fund held $5 million in 2020. " * (SIZE_LIMIT // 30),
        "bom_crlf.txt": crlf,
        "copy_of_003.txt": (SEED_DIR / DUPLICATED).read_bytes(),
        "yaml_exec.txt": (
            f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\n"
            "The grant was $2 million.\n"
        ).encode(),
        "yaml_broken.txt": b"---\ntitle: [unclosed\ndate: 2021-03-01\n---\nAid of $4 million.\n",
        "extra_date.txt": b"The program received $2 million in 2020.\n",
        "extra_url.txt": b"Trade reached $1.8 billion a day.\n",
    }


def _hostile_manifest_rows(root: Path) -> list[str]:
    return [
        "m_missing,missing.txt,Missing,,,,,",
        "m_parent,../outside.txt,Parent,,,,,",
        f"m_absolute,{root / 'outside.txt'},Absolute,,,,,",
        "m_link,link_out.txt,Link,,,,,",
        "m_date,extra_date.txt,Bad date,,2021-02-30,,,",
        "m_url,extra_url.txt,Bad url,,,,htps//www.state.gov/not a url,",
    ]


def hostile_build(ctx: CaseContext) -> Hostile:
    """The shared hostile raw directory, built once per session."""

    def make() -> Hostile:
        root = Path(tempfile.mkdtemp(prefix="hostile-", dir=ctx.shared))
        raw = root / "raw"
        shutil.copytree(SEED_DIR, raw)
        for path in raw.iterdir():
            path.chmod(0o644)
        marker = root / "yaml-ran-code"
        (root / "outside.txt").write_text("Outside the raw dir: $9 billion.\n", encoding="utf-8")
        for name, data in _hostile_files(marker).items():
            (raw / name).write_bytes(data)
        (raw / "link_out.txt").symlink_to(root / "outside.txt")
        manifest = (raw / MANIFEST_NAME).read_text(encoding="utf-8").rstrip("\n")
        rows = "\n".join(_hostile_manifest_rows(root))
        (raw / MANIFEST_NAME).write_text(f"{manifest}\n{rows}\n", encoding="utf-8")
        outputs = root / "outputs"
        result = build(raw, outputs, work_dir=root / "dagster", max_file_bytes=SIZE_LIMIT)
        return Hostile(root, raw, outputs, result, marker)

    return ctx.once("hostile", make)


def _published_quarantine(hostile: Hostile) -> dict[tuple[str, str], tuple[str | None, str]]:
    """(file, stage) -> (sha256, reason), from the DuckDB file and the release alike."""
    in_db = {
        (f, s): (h, r)
        for f, h, s, r in query(
            hostile.outputs, "SELECT file_name, sha256, stage, reason FROM quarantine"
        )
    }
    in_release = {
        (r["file_name"], r["stage"]): (r["sha256"] or None, r["reason"])
        for r in read_release_csv(hostile.outputs, "quarantine")
    }
    expect(in_db == in_release, "the release's quarantine.csv differs from the database")
    return in_db


def quarantined_case(
    case_id: str,
    title: str,
    file_name: str,
    stage: str,
    reason: str,
    *,
    hashed: bool,
    document_kept: bool = False,
) -> FaultCase:
    """A case whose whole outcome is one quarantine row and a successful run.

    `document_kept`: a bad manifest row only loses its metadata; the file it names is
    still a document, with no metadata (never half a row's worth).
    """

    def run(ctx: CaseContext) -> str:
        hostile = hostile_build(ctx)
        expect(hostile.build.success, f"the run failed: {hostile.build.step_errors()}")
        label = file_name.replace("{root}", str(hostile.root))
        rows = _published_quarantine(hostile)
        expect((label, stage) in rows, f"no quarantine row ({label}, {stage}); rows: {rows}")
        sha, got = rows[(label, stage)]
        expect(reason in got, f"reason {got!r} does not say {reason!r}")
        if hashed:
            data = (hostile.raw / file_name).read_bytes()
            expect(sha == hashlib.sha256(data).hexdigest(), f"sha256 {sha} is not the file's")
        else:
            expect(sha is None, f"sha256 {sha} given for a file that was not read")
        documents = dict(query(hostile.outputs, "SELECT file_name, metadata_source FROM documents"))
        shown = hostile.redact(f"{label}: stage {stage}, {got!r}")
        if document_kept:
            expect(documents.get(label) == "none", f"{label} not published without metadata")
            return f"row rejected ({shown}); the file is still a document, with no metadata"
        expect(label not in documents, f"{label} was published as a document")
        return f"quarantined ({shown}); the other documents were published"

    return FaultCase(case_id, GROUP, title, f"quarantined at stage {stage}: {reason}", run)


def good_documents_published(ctx: CaseContext) -> str:
    hostile = hostile_build(ctx)
    expect(hostile.build.success, f"the run failed: {hostile.build.step_errors()}")
    expect(not hostile.build.failed_checks(), f"checks failed: {hostile.build.failed_checks()}")
    published = dict(query(hostile.outputs, "SELECT file_name, sha256 FROM documents"))
    for seed in sorted(SEED_DIR.glob("*.txt")):
        expected = hashlib.sha256(seed.read_bytes()).hexdigest()
        expect(published.get(seed.name) == expected, f"seed {seed.name} missing or altered")
    seeds = query(
        hostile.outputs,
        "SELECT doc_id, file_name FROM documents WHERE file_name IN (SELECT unnest(?::VARCHAR[]))",
        [sorted(p.name for p in SEED_DIR.glob("*.txt"))],
    )
    for doc_id, file_name in seeds:
        text = (hostile.raw / file_name).read_bytes().decode("utf-8")
        direct = extract_document(doc_id, text)["quantities"]
        loaded = query(
            hostile.outputs,
            "SELECT quantity_id FROM quantities WHERE doc_id = ? ORDER BY 1",
            [doc_id],
        )
        expect(
            sorted(r["quantity_id"] for r in direct) == [r[0] for r in loaded],
            f"quantities of {doc_id} in the database differ from a direct extraction",
        )
    metadata = hostile.build.materialization_metadata("raw_documents")
    quarantined = len(_published_quarantine(hostile))
    expect(metadata["quarantined"].value == quarantined, "UI metadata miscounts the quarantine")
    table = metadata["quarantine"].value
    warned = [w for w in hostile.build.warnings() if w.startswith("quarantined ")]
    expect(len(warned) == quarantined, f"{len(warned)} warnings for {quarantined} rows")
    for file_name, _stage in _published_quarantine(hostile):
        expect(file_name in table, f"{file_name} missing from the UI's quarantine table")
    return (
        f"run succeeded; {len(published)} documents published (5 seeds intact, quantities "
        f"identical to a direct extraction); {quarantined} quarantine rows in the UI metadata, "
        f"the release and DuckDB; {len(warned)} warnings logged"
    )


def bom_and_crlf_accepted(ctx: CaseContext) -> str:
    hostile = hostile_build(ctx)
    expect(not hostile.build.failed_checks(), f"checks failed: {hostile.build.failed_checks()}")
    raw_text = (hostile.raw / "bom_crlf.txt").read_bytes().decode("utf-8")
    lf_text = (SEED_DIR / CRLF_SOURCE).read_bytes().decode("utf-8")
    rows = query(
        hostile.outputs,
        "SELECT char_start, char_end, quote FROM quantities WHERE doc_id = 'bom_crlf'",
    )
    expect(rows, "no quantities extracted from the BOM+CRLF document")
    for start, end, quote in rows:
        expect(raw_text[start:end] == quote, f"[{start}:{end}] is not {quote!r}")
    # The same facts as the LF original, each shifted by the BOM and the CRs before it.
    shifted = sorted(
        (r["char_start"] + 1 + lf_text.count("\n", 0, r["char_start"]), r["quote"])
        for r in extract_document("x", lf_text)["quantities"]
    )
    expect(
        shifted == sorted((s, q) for s, _, q in rows),
        "quantities differ from the LF original's (beyond the BOM and CR shift)",
    )
    grounded = [
        c
        for c in (e.asset_check_key.to_user_string() for e in _evaluations(hostile.build))
        if c.endswith(":grounded")
    ]
    return (
        f"accepted; offsets index the text with BOM and CRs; {len(rows)} quantities, each "
        f"text[start:end] == quote and equal to the LF original's shifted by BOM+CRs; "
        f"{len(grounded)} grounded checks passed"
    )


def _evaluations(result: Build) -> list:
    return list(result.result.get_asset_check_evaluations())


def same_bytes_two_names(ctx: CaseContext) -> str:
    hostile = hostile_build(ctx)
    rows = query(
        hostile.outputs,
        "SELECT doc_id, file_names FROM documents WHERE file_names LIKE '%copy_of_003.txt%'",
    )
    expect(len(rows) == 1, f"expected one document holding both names, got {rows}")
    doc_id, names = rows[0]
    expect(names == f"{DUPLICATED} | copy_of_003.txt", f"file_names is {names!r}")
    expect(doc_id == Path(DUPLICATED).stem, f"doc_id {doc_id!r} is not the seed's")
    return f"one document {doc_id!r} with file_names {names!r}"


def yaml_never_executes(ctx: CaseContext) -> str:
    hostile = hostile_build(ctx)
    rows = _published_quarantine(hostile)
    expect(("yaml_exec.txt", "front_matter") in rows, "the python-tagged file was not quarantined")
    expect(not hostile.marker.exists(), "the front matter's os.system call ran")
    _, reason = rows[("yaml_exec.txt", "front_matter")]
    return f"quarantined ({reason!r}); the os.system marker file was never created"


def symlink_pointing_out(ctx: CaseContext) -> str:
    hostile = hostile_build(ctx)
    rows = _published_quarantine(hostile)
    expect(("link_out.txt", "read") in rows, "the symlink was not quarantined")
    expect(("link_out.txt", "manifest") in rows, "its manifest row was not rejected")
    texts = [r[0] for r in query(hostile.outputs, "SELECT quote FROM quantities")]
    expect("$9 billion" not in texts, "text from outside the raw directory was published")
    return (
        f"file quarantined ({rows[('link_out.txt', 'read')][1]!r}) and its manifest row "
        f"rejected ({rows[('link_out.txt', 'manifest')][1]!r}); nothing outside was read"
    )


def _special(case_id: str, title: str, expected: str, run: Callable[[CaseContext], str]):
    return FaultCase(case_id, GROUP, title, expected, run)


RAW_CASES = [
    quarantined_case("empty_file", "empty file", "empty.txt", "decode", "empty file", hashed=True),
    quarantined_case(
        "binary_file",
        "binary file (NUL bytes)",
        "binary.txt",
        "decode",
        "binary file (NUL",
        hashed=True,
    ),
    quarantined_case(
        "invalid_utf8",
        "invalid UTF-8",
        "latin1.txt",
        "decode",
        "invalid UTF-8 at byte",
        hashed=True,
    ),
    quarantined_case(
        "over_size_limit",
        f"file over the size limit ({SIZE_LIMIT} bytes)",
        "oversize.txt",
        "read",
        f"over the limit of {SIZE_LIMIT}",
        hashed=False,
    ),
    _special(
        "bom_crlf",
        "UTF-8 with BOM and CRLF line endings",
        "accepted; offsets index raw_bytes.decode('utf-8') with BOM and CR kept; grounded",
        bom_and_crlf_accepted,
    ),
    _special(
        "same_bytes_two_names",
        "the same bytes under two names",
        "one document, both names in file_names",
        same_bytes_two_names,
    ),
    quarantined_case(
        "broken_yaml",
        "broken YAML front matter",
        "yaml_broken.txt",
        "front_matter",
        "front matter is not valid YAML at line",
        hashed=True,
    ),
    _special(
        "yaml_code_execution",
        "front matter with !!python/object/apply:os.system",
        "quarantined; safe loading only, the command never runs",
        yaml_never_executes,
    ),
    quarantined_case(
        "manifest_missing_file",
        "manifest row naming a missing file",
        "missing.txt",
        "manifest",
        "names a missing file",
        hashed=False,
    ),
    quarantined_case(
        "manifest_parent_path",
        "manifest row with a ../ path",
        "../outside.txt",
        "manifest",
        "points outside the raw directory",
        hashed=False,
    ),
    quarantined_case(
        "manifest_absolute_path",
        "manifest row with an absolute path",
        "{root}/outside.txt",
        "manifest",
        "points outside the raw directory",
        hashed=False,
    ),
    _special(
        "symlink_pointing_out",
        "symlink pointing outside the raw directory",
        "file quarantined at read and its manifest row rejected; never read",
        symlink_pointing_out,
    ),
    quarantined_case(
        "manifest_bad_date",
        "manifest row with a malformed date",
        "extra_date.txt",
        "manifest",
        "malformed published_date '2021-02-30'",
        hashed=False,
        document_kept=True,
    ),
    quarantined_case(
        "manifest_bad_url",
        "manifest row with a malformed URL",
        "extra_url.txt",
        "manifest",
        "malformed url",
        hashed=False,
        document_kept=True,
    ),
    _special(
        "good_documents_published",
        "the good documents, beside all the bad ones",
        "extracted, checked and published; quarantine in the UI metadata; one warning per row",
        good_documents_published,
    ),
]
