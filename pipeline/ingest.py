"""Reading the raw directory: bytes -> decoded documents with metadata, or quarantine.

Offsets everywhere in the product index `raw_bytes.decode("utf-8")` exactly: a BOM
(U+FEFF) or CR characters stay in the text, so anyone can reproduce a span with one
line of Python and the bytes on disk.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MANIFEST_NAME = "manifest.csv"
DOCUMENT_SUFFIXES = (".txt",)
MANIFEST_FIELDS = ("title", "publisher", "published_date", "date_note", "url", "document_type")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_URL = re.compile(r"https?://[^\s/$.?#][^\s]*", re.IGNORECASE)


@dataclass(frozen=True)
class RawDocument:
    doc_id: str
    file_name: str
    file_names: tuple[str, ...]
    sha256: str
    size_bytes: int
    text: str
    has_front_matter: bool
    metadata: dict[str, Any]
    metadata_source: str


@dataclass(frozen=True)
class QuarantineEntry:
    file_name: str
    sha256: str | None
    stage: str
    reason: str


@dataclass
class IngestResult:
    documents: list[RawDocument] = field(default_factory=list)
    quarantine: list[QuarantineEntry] = field(default_factory=list)


class FrontMatterError(ValueError):
    pass


def parse_front_matter(text: str) -> dict[str, Any] | None:
    """The YAML mapping at the head of `text`, or None when there is none.

    safe_load only: a front matter block can never construct Python objects.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.lstrip("\ufeff").startswith("---\n") or text.lstrip("\ufeff").startswith("---\r\n"):
            raise FrontMatterError("front matter opened with '---' but never closed")
        return None
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise FrontMatterError(f"front matter is not valid YAML{where}: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError(f"front matter is a {type(data).__name__}, not a mapping")
    return data


def metadata_from_front_matter(front: dict[str, Any]) -> dict[str, Any]:
    """Map the usual front matter keys onto the manifest's fields."""
    out: dict[str, Any] = {}
    if isinstance(front.get("title"), str):
        out["title"] = front["title"].replace("\u00a0", " ").strip()
    for key in ("publisher", "author", "source"):
        if isinstance(front.get(key), str):
            out["publisher"] = front[key].strip()
            break
    for key in ("date", "published_time", "published"):
        parsed = _parse_date(front.get(key))
        if parsed is not None:
            out["published_date"] = parsed
            out["date_note"] = f"front matter ({key})"
            break
    for key in ("url", "permalink", "source_url", "link"):
        value = front.get(key)
        if isinstance(value, str) and _URL.fullmatch(value.strip()):
            out["url"] = value.strip()
            break
    if isinstance(front.get("document_type"), str):
        out["document_type"] = front["document_type"].strip()
    return out


def _parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def read_manifest(raw_dir: Path) -> tuple[dict[str, dict[str, Any]], list[QuarantineEntry]]:
    """Manifest rows keyed by file name; rows that cannot be trusted are rejected."""
    path = raw_dir / MANIFEST_NAME
    if not path.is_file():
        return {}, []
    rows: dict[str, dict[str, Any]] = {}
    rejected: list[QuarantineEntry] = []
    try:
        reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
        records = list(reader)
    except (UnicodeDecodeError, csv.Error) as exc:
        return {}, [QuarantineEntry(MANIFEST_NAME, None, "manifest", f"manifest unreadable: {exc}")]
    root = raw_dir.resolve()
    for line_no, rec in enumerate(records, start=2):
        name = (rec.get("file") or "").strip()
        label = name or f"{MANIFEST_NAME}:{line_no}"
        reason = _manifest_row_problem(root, name, rec)
        if reason:
            rejected.append(QuarantineEntry(label, None, "manifest", f"line {line_no}: {reason}"))
            continue
        meta: dict[str, Any] = {k: (rec.get(k) or "").strip() or None for k in MANIFEST_FIELDS}
        if meta["published_date"]:
            meta["published_date"] = dt.date.fromisoformat(meta["published_date"])
        meta["doc_id"] = (rec.get("doc_id") or "").strip() or None
        rows[name] = meta
    return rows, rejected


def _manifest_row_problem(root: Path, name: str, rec: dict[str, Any]) -> str | None:
    if not name:
        return "no file named"
    candidate = Path(name)
    if candidate.is_absolute() or ".." in candidate.parts:
        return f"file path {name!r} points outside the raw directory"
    target = root / candidate
    if not target.resolve().is_relative_to(root):
        return f"file {name!r} resolves outside the raw directory (symlink)"
    if not target.is_file():
        return f"names a missing file {name!r}"
    date = (rec.get("published_date") or "").strip()
    if date:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            return f"malformed published_date {date!r} (expected YYYY-MM-DD)"
    url = (rec.get("url") or "").strip()
    if url and not _URL.fullmatch(url):
        return f"malformed url {url!r}"
    doc_id = (rec.get("doc_id") or "").strip()
    if doc_id and not re.fullmatch(r"[A-Za-z0-9_.-]+", doc_id):
        return f"malformed doc_id {doc_id!r}"
    return None


def decode_document(data: bytes) -> str:
    """Strict UTF-8; raises ValueError with a reason a person can act on."""
    if not data:
        raise ValueError("empty file")
    nul = data.find(b"\x00")
    if nul != -1:
        raise ValueError(f"binary file (NUL byte at offset {nul})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"invalid UTF-8 at byte {exc.start}: {exc.reason}") from exc


def ingest_raw_dir(raw_dir: Path, max_bytes: int) -> IngestResult:
    """Read every file of `raw_dir`: good ones become documents, the rest quarantine."""
    result = IngestResult()
    manifest, rejected = read_manifest(raw_dir)
    result.quarantine.extend(rejected)
    root = raw_dir.resolve()
    by_hash: dict[str, list[tuple[str, bytes]]] = {}
    for path in sorted(raw_dir.iterdir()):
        name = path.name
        if name.startswith(".") or name == MANIFEST_NAME or path.is_dir():
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            result.quarantine.append(
                QuarantineEntry(name, None, "read", "symlink pointing outside the raw directory")
            )
            continue
        if path.suffix.lower() not in DOCUMENT_SUFFIXES:
            result.quarantine.append(
                QuarantineEntry(
                    name,
                    None,
                    "read",
                    f"not a document: only {', '.join(DOCUMENT_SUFFIXES)} files are read",
                )
            )
            continue
        size = path.stat().st_size
        if size > max_bytes:
            result.quarantine.append(
                QuarantineEntry(
                    name, None, "read", f"file is {size} bytes, over the limit of {max_bytes}"
                )
            )
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            result.quarantine.append(
                QuarantineEntry(name, None, "read", f"cannot read: {exc.strerror}")
            )
            continue
        by_hash.setdefault(hashlib.sha256(data).hexdigest(), []).append((name, data))

    for sha, named in sorted(by_hash.items(), key=lambda kv: kv[1][0][0]):
        names = tuple(n for n, _ in named)
        first, data = named[0]
        try:
            text = decode_document(data)
        except ValueError as exc:
            for n in names:
                result.quarantine.append(QuarantineEntry(n, sha, "decode", str(exc)))
            continue
        try:
            front = parse_front_matter(text)
        except FrontMatterError as exc:
            for n in names:
                result.quarantine.append(QuarantineEntry(n, sha, "front_matter", str(exc)))
            continue
        result.documents.append(_document(first, names, sha, data, text, front, manifest))
    return result


def _document(
    first: str,
    names: tuple[str, ...],
    sha: str,
    data: bytes,
    text: str,
    front: dict[str, Any] | None,
    manifest: dict[str, dict[str, Any]],
) -> RawDocument:
    manifest_row = next((manifest[n] for n in names if n in manifest), None)
    meta: dict[str, Any] = {k: None for k in MANIFEST_FIELDS}
    sources = []
    if front:
        from_front = metadata_from_front_matter(front)
        if from_front:
            sources.append("front_matter")
        meta.update(from_front)
    if manifest_row is not None:
        sources.insert(0, "manifest")
        # The manifest wins wherever it speaks; front matter fills its gaps.
        meta.update(
            {k: v for k, v in manifest_row.items() if k in MANIFEST_FIELDS and v is not None}
        )
    doc_id = (manifest_row or {}).get("doc_id") or Path(first).stem
    doc_id = re.sub(r"[^A-Za-z0-9_.-]", "_", doc_id)
    return RawDocument(
        doc_id=doc_id,
        file_name=first,
        file_names=names,
        sha256=sha,
        size_bytes=len(data),
        text=text,
        has_front_matter=front is not None,
        metadata=meta,
        metadata_source="+".join(sources) or "none",
    )
