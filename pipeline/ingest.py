"""Reading the raw directory: bytes -> decoded documents with metadata, or quarantine.

Offsets everywhere in the product index `raw_bytes.decode("utf-8")` exactly: a BOM
(U+FEFF) or CR characters stay in the text, so anyone can reproduce a span with one
line of Python and the bytes on disk.

Nothing here may stop a run: a file or manifest row that cannot be trusted becomes a
quarantine entry with the stage and a reason a person can act on, and the rest go on.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_FAST_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MANIFEST_NAME = "manifest.csv"
DOCUMENT_SUFFIXES = (".txt",)
MANIFEST_FIELDS = ("title", "publisher", "published_date", "date_note", "url", "document_type")
MAX_REASON_CHARS = 300
_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(?:(.*?)\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL
)
_FRONT_MATTER_OPENING = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_URL = re.compile(r"https?://[^\s/$.?#][^\s]*", re.IGNORECASE)
_DOC_ID = re.compile(r"[A-Za-z0-9_.-]+")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


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


def _short(text: str) -> str:
    """Reasons end up in a table cell and a log line: keep them to one short line."""
    one_line = " ".join(text.split())
    if len(one_line) <= MAX_REASON_CHARS:
        return one_line
    return one_line[: MAX_REASON_CHARS - 1] + "…"


def parse_front_matter(text: str) -> dict[str, Any] | None:
    """The YAML mapping at the head of `text`, or None when there is none.

    safe_load only: a front matter block can never construct Python objects, so a tag
    such as `!!python/object/apply:os.system` is an error, not a call.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        if _FRONT_MATTER_OPENING.match(text):
            raise FrontMatterError("front matter opened with '---' but never closed")
        return None
    block = match.group(1) or ""
    try:
        try:
            # libyaml's safe loader (same constructors, ten times faster); when it
            # refuses a block, the pure-Python one says why in its clearer words
            data = yaml.load(block, Loader=_FAST_SAFE_LOADER)
        except yaml.YAMLError:
            data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        # +2: the opening '---' is line 1 of the file, YAML counts from 0.
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise FrontMatterError(f"front matter is not valid YAML{where}: {problem}") from exc
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
    except (UnicodeDecodeError, csv.Error, OSError) as exc:
        reason = _short(f"manifest unreadable: {exc}")
        return {}, [QuarantineEntry(MANIFEST_NAME, None, "manifest", reason)]
    root = raw_dir.resolve()
    first_line: dict[str, int] = {}
    doc_id_line: dict[str, int] = {}
    for line_no, rec in enumerate(records, start=2):
        name = (rec.get("file") or "").strip()
        label = name or f"{MANIFEST_NAME}:{line_no}"
        reason = _manifest_row_problem(root, name, rec)
        doc_id = (rec.get("doc_id") or "").strip() or None
        if reason is None and name in first_line:
            reason = f"a second row for {name!r} (the first is line {first_line[name]})"
        if reason is None and doc_id and doc_id in doc_id_line:
            reason = f"doc_id {doc_id!r} is already used on line {doc_id_line[doc_id]}"
        if reason:
            rejected.append(
                QuarantineEntry(label, None, "manifest", _short(f"line {line_no}: {reason}"))
            )
            continue
        first_line[name] = line_no
        if doc_id:
            doc_id_line[doc_id] = line_no
        meta: dict[str, Any] = {k: (rec.get(k) or "").strip() or None for k in MANIFEST_FIELDS}
        if meta["published_date"]:
            meta["published_date"] = dt.date.fromisoformat(meta["published_date"])
        meta["doc_id"] = doc_id
        rows[name] = meta
    return rows, rejected


def _manifest_row_problem(root: Path, name: str, rec: dict[str, Any]) -> str | None:
    if not name:
        return "no file named"
    candidate = Path(name)
    if candidate.is_absolute() or ".." in candidate.parts:
        return f"file path {name!r} points outside the raw directory"
    if len(candidate.parts) != 1:
        return f"file {name!r} is in a subfolder; only files directly in the raw directory are read"
    target = root / candidate
    try:
        # `root` is resolved and the name is one plain part, so only a symlink can lead
        # outside; resolving every row's whole path cost 0.9 s for 8,000 manifest rows
        inside = not target.is_symlink() or target.resolve().is_relative_to(root)
    except (OSError, RuntimeError):
        return f"file {name!r} is a symlink loop"
    if not inside:
        return f"file {name!r} resolves outside the raw directory (symlink)"
    if not target.is_file():
        return f"names a missing file {name!r}"
    date = (rec.get("published_date") or "").strip()
    if date:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            return f"malformed published_date {date!r} (expected a real date, YYYY-MM-DD)"
    url = (rec.get("url") or "").strip()
    if url and not _URL.fullmatch(url):
        return f"malformed url {url!r} (expected http:// or https:// and no spaces)"
    doc_id = (rec.get("doc_id") or "").strip()
    if doc_id and not _DOC_ID.fullmatch(doc_id):
        return f"malformed doc_id {doc_id!r} (letters, digits, '_', '.', '-' only)"
    return None


def decode_document(data: bytes) -> str:
    """Strict UTF-8; raises ValueError with a reason a person can act on."""
    if not data:
        raise ValueError("empty file")
    if data.startswith(_UTF16_BOMS):
        raise ValueError("UTF-16 text (starts with a UTF-16 byte order mark); save it as UTF-8")
    nul = data.find(b"\x00")
    if nul != -1:
        raise ValueError(f"binary file (NUL byte at offset {nul})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"invalid UTF-8 at byte {exc.start}: {exc.reason}") from exc


def _read_file(path: Path, root: Path, max_bytes: int) -> bytes | QuarantineEntry:
    """The bytes of one candidate document, or why it is not read."""
    name = path.name

    def refuse(reason: str, sha: str | None = None) -> QuarantineEntry:
        return QuarantineEntry(name, sha, "read", _short(reason))

    if path.is_symlink():
        try:
            inside = path.resolve().is_relative_to(root)
        except (OSError, RuntimeError):
            return refuse("symlink loop")
        if not inside:
            return refuse("symlink pointing outside the raw directory")
    if path.suffix.lower() not in DOCUMENT_SUFFIXES:
        return refuse(f"not a document: only {', '.join(DOCUMENT_SUFFIXES)} files are read")
    try:
        if not path.exists():
            return refuse("symlink to a missing file")
        if not path.is_file():
            # A FIFO or device named *.txt would block or never end when read.
            return refuse("not a regular file")
        with path.open("rb") as handle:
            # One byte past the limit tells "too big" without reading a huge file whole.
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return refuse(f"cannot read: {exc.strerror or exc}")
    if len(data) > max_bytes:
        size = path.stat().st_size
        return refuse(f"file is {size} bytes, over the limit of {max_bytes}")
    return data


def raw_bytes(raw_dir: Path) -> int:
    """How many bytes of documents `raw_dir` holds, from the directory listing alone."""
    try:
        with os.scandir(raw_dir) as entries:
            return sum(
                e.stat().st_size
                for e in entries
                if e.name.lower().endswith(DOCUMENT_SUFFIXES) and e.is_file()
            )
    except OSError:
        return 0


def ingest_raw_dir(raw_dir: Path, max_bytes: int) -> IngestResult:
    """Read every file of `raw_dir`: good ones become documents, the rest quarantine."""
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw directory {str(raw_dir)!r} does not exist or is not a folder")
    result = IngestResult()
    manifest, rejected = read_manifest(raw_dir)
    quarantine = list(rejected)
    root = raw_dir.resolve()
    by_hash: dict[str, list[tuple[str, bytes]]] = {}
    for path in sorted(raw_dir.iterdir(), key=lambda p: p.name):
        name = path.name
        if name.startswith(".") or name == MANIFEST_NAME:
            continue
        if path.is_dir() and not path.is_symlink():
            continue
        read = _read_file(path, root, max_bytes)
        if isinstance(read, QuarantineEntry):
            quarantine.append(read)
            continue
        by_hash.setdefault(hashlib.sha256(read).hexdigest(), []).append((name, read))

    used_ids: dict[str, str] = {}
    for sha, named in sorted(by_hash.items(), key=lambda kv: kv[1][0][0]):
        names = tuple(n for n, _ in named)
        first, data = named[0]
        try:
            text = decode_document(data)
        except ValueError as exc:
            quarantine += [QuarantineEntry(n, sha, "decode", str(exc)) for n in names]
            continue
        try:
            front = parse_front_matter(text)
        except FrontMatterError as exc:
            reason = _short(str(exc))
            quarantine += [QuarantineEntry(n, sha, "front_matter", reason) for n in names]
            continue
        doc = _document(first, names, sha, data, text, front, manifest)
        if doc.doc_id in used_ids:
            # Two documents under one id would break the documents key for everyone;
            # the later file waits in quarantine until it is renamed or given an id.
            reason = (
                f"doc_id {doc.doc_id!r} is already the id of {used_ids[doc.doc_id]!r}; "
                "rename the file or give it its own doc_id in the manifest"
            )
            quarantine += [QuarantineEntry(n, sha, "read", reason) for n in names]
            continue
        used_ids[doc.doc_id] = first
        result.documents.append(doc)
    result.quarantine = _one_entry_per_key(quarantine)
    return result


def _one_entry_per_key(entries: list[QuarantineEntry]) -> list[QuarantineEntry]:
    """(file_name, stage) is the quarantine table's key: merge the reasons of repeats
    (e.g. two bad manifest rows naming the same file) instead of breaking the key."""
    merged: dict[tuple[str, str], QuarantineEntry] = {}
    for entry in entries:
        key = (entry.file_name, entry.stage)
        if key in merged:
            kept = merged[key]
            merged[key] = QuarantineEntry(
                kept.file_name,
                kept.sha256 or entry.sha256,
                kept.stage,
                f"{kept.reason}; {entry.reason}",
            )
        else:
            merged[key] = entry
    return list(merged.values())


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
    doc_id = re.sub(r"[^A-Za-z0-9_.-]", "_", doc_id) or "_"
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
