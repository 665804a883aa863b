"""A deterministic synthetic corpus built from the shapes of the seed texts.

Each synthetic document takes one seed as its *shape* (fact sheet, brochure, press
release, policy memo with endnotes, front matter or not) and is assembled from that
seed's paragraphs, with every stated number, hedge word, scale word, unit, currency
marker and name redrawn at random, and a length drawn around the seeds' typical length.
The extractor therefore meets the same kinds of sentences at scale, never the same
numbers: the corpus measures speed, not memorised values.

Document `i` depends only on (`seed`, `i`, the seed texts), so the 1,000-document corpus
is the first 1,000 documents of the 10,000-document one, and "adding one document" to a
corpus of n is writing document n.

    python -m bench.corpus 1000 bench/corpus/1000
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import math
import random
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS_DIR = REPO_ROOT / "raw"
DEFAULT_SEED = 20250101
MANIFEST_NAME = "manifest.csv"
MANIFEST_FIELDS = (
    "doc_id",
    "file",
    "title",
    "publisher",
    "published_date",
    "date_note",
    "url",
    "document_type",
)

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n.*?\r?\n---[ \t]*\r?\n", re.DOTALL)
# A paragraph ends at a blank line; the separator is kept so that layout survives.
_BLOCKS = re.compile(r".*?(?:\n[ \t\u00a0]*\n\s*|\Z)", re.DOTALL)
# A number that is not glued to a name (COVID-19, H-2B, R40135) or inside a token.
_NUMBER = re.compile(
    r"(?<![\w.,/^{-])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d,]*\d)(?![A-Za-z]\d)"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_QUALIFIER = re.compile(
    r"\b(?:nearly|about|approximately|an estimated|more than|over|at least|less than|"
    r"up to|almost|some|roughly)(?= \\?\$?\d)",
    re.IGNORECASE,
)
_SCALE = re.compile(r"(?<=\d )(?:thousand|million|billion|trillion)\b")
_UNIT = re.compile(r"\b(?:miles?|kilometers?|pounds?|kilograms?|tons?)\b")
_CURRENCY = re.compile(r"(?:US)?\\?\$(?=\d)")
_TITLED_NAME = re.compile(
    r"\b(Secretary|President|Governor|General|Ambassador|Minister|Senator)"
    r"((?: of [A-Z][a-z]+)*) ([A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-zé]+)"
)
# Places the seeds name besides Mexico and the United States; each document maps them
# onto places of its own.
SEED_PLACES = (
    "California", "Texas", "Arizona", "New Mexico", "Louisiana", "Nigeria", "Ukraine",
    "Guatemala", "Canada", "China",
)  # fmt: skip
_PLACE = re.compile(r"\b(?:" + "|".join(SEED_PLACES) + r")\b")

QUALIFIERS = (
    "nearly",
    "about",
    "approximately",
    "an estimated",
    "more than",
    "over",
    "at least",
    "less than",
    "up to",
    "almost",
    "some",
    "roughly",
)
SCALES = ("thousand", "million", "million", "billion", "billion", "trillion")
UNIT_GROUPS = (("mile", "kilometer"), ("pound", "kilogram", "ton"))
CURRENCIES = ("$", "$", "$", "US$", "MXN ", "USD ")
FIRST_NAMES = (
    "Ana", "Luis", "Maria", "James", "Elena", "Carlos", "Grace", "Daniel", "Sofia", "Robert",
    "Lucia", "Thomas", "Isabel", "Miguel", "Sarah", "Jorge", "Emily", "Andres", "Laura", "Peter",
)  # fmt: skip
LAST_NAMES = (
    "Garcia", "Smith", "Hernandez", "Johnson", "Lopez", "Martinez", "Brown", "Ramirez", "Davis",
    "Torres", "Miller", "Flores", "Wilson", "Rivera", "Moore", "Castillo", "Taylor", "Ortega",
)  # fmt: skip
PLACES = (
    "California", "Texas", "Arizona", "New Mexico", "Louisiana", "Guatemala", "Canada",
    "Colombia", "Honduras", "Japan", "Germany", "Brazil", "Chile", "Panama", "Nigeria",
)  # fmt: skip
TOPICS = (
    "Border Infrastructure", "Trade Facilitation", "Security Cooperation", "Migration Management",
    "Energy Integration", "Public Health", "Water Management", "Educational Exchange",
    "Supply Chains", "Counternarcotics", "Disaster Response", "Customs Modernization",
)  # fmt: skip
PUBLISHERS = (
    "Office of the Spokesperson",
    "The White House",
    "U.S. Northern Command",
    "Office of the Governor",
    "Congressional Research Service",
    "Diplomacy Lab",
    None,
)
DOCUMENT_TYPES = ("fact sheet", "press release", "brochure", "policy memo", "report", None)


@dataclass(frozen=True)
class Shape:
    """One seed, cut into the pieces a synthetic document is assembled from."""

    name: str
    front_matter: str | None
    blocks: tuple[str, ...]
    size: int


@dataclass(frozen=True)
class SyntheticDocument:
    file_name: str
    text: str
    manifest_row: dict[str, str] | None

    @property
    def data(self) -> bytes:
        return self.text.encode("utf-8")


def load_shapes(seeds_dir: Path = DEFAULT_SEEDS_DIR) -> list[Shape]:
    shapes = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        front = _FRONT_MATTER.match(text)
        body = text[front.end() :] if front else text
        blocks = tuple(b for b in _BLOCKS.findall(body) if b.strip())
        shapes.append(
            Shape(path.stem, front.group(0) if front else None, blocks, len(text.encode()))
        )
    if not shapes:
        raise FileNotFoundError(f"no seed texts (*.txt) in {seeds_dir}")
    return shapes


class CorpusGenerator:
    """Builds document `i` of the corpus named by `seed`, from the seeds' shapes."""

    def __init__(self, shapes: list[Shape], seed: int = DEFAULT_SEED) -> None:
        self.shapes = shapes
        self.seed = seed
        self.median_size = statistics.median(s.size for s in shapes)

    def document(self, index: int) -> SyntheticDocument:
        rng = random.Random(f"{self.seed}/{index}")
        shape = rng.choice(self.shapes)
        # Lognormal around the seeds' median: most documents are fact-sheet sized, a
        # few are report sized, as in a real collection of public documents.
        target = int(self.median_size * math.exp(rng.gauss(0.0, 0.9)))
        target = max(600, min(target, 12 * int(self.median_size)))
        redraw = _Redraw(rng)
        parts: list[str] = []
        if shape.front_matter is not None:
            parts.append(_front_matter(rng, redraw))
        size = 0
        position = rng.randrange(len(shape.blocks))
        while size < target:
            if rng.random() < 0.15:
                donor = rng.choice(self.shapes)
                block = donor.blocks[rng.randrange(len(donor.blocks))]
            else:
                block = shape.blocks[position % len(shape.blocks)]
                position += 1
            block = redraw.block(block)
            parts.append(block)
            size += len(block.encode())
        text = "".join(parts).rstrip() + "\n"
        if rng.random() < 0.02:
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        if rng.random() < 0.01:
            text = "\ufeff" + text
        stem = f"doc{index:06d}"
        row = _manifest_row(rng, stem, redraw) if rng.random() < 0.8 else None
        return SyntheticDocument(f"{stem}.txt", text, row)

    def documents(self, start: int, stop: int) -> list[SyntheticDocument]:
        return [self.document(i) for i in range(start, stop)]


class _Redraw:
    """The per-document random choices applied to every paragraph of a document."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        # A document keeps its places and names consistent, as real documents do.
        self.places = {p: rng.choice(PLACES) for p in SEED_PLACES}
        self.malformed_rate = 0.01

    def block(self, text: str) -> str:
        text = _QUALIFIER.sub(self._qualifier, text)
        text = _SCALE.sub(lambda m: self.rng.choice(SCALES), text)
        text = _UNIT.sub(self._unit, text)
        text = _CURRENCY.sub(self._currency, text)
        text = _TITLED_NAME.sub(self._name, text)
        text = _PLACE.sub(lambda m: self._place(m.group(0)), text)
        return _NUMBER.sub(self._number, text)

    def _qualifier(self, m: re.Match[str]) -> str:
        word = self.rng.choice(QUALIFIERS)
        return word[0].upper() + word[1:] if m.group(0)[0].isupper() else word

    def _unit(self, m: re.Match[str]) -> str:
        word = m.group(0)
        singular = word.rstrip("s")
        group = next((g for g in UNIT_GROUPS if singular in g), (singular,))
        new = self.rng.choice(group)
        return new + "s" if word.endswith("s") else new

    def _currency(self, m: re.Match[str]) -> str:
        if m.group(0).startswith("\\"):
            return m.group(0)  # the escaped-dollar shape of a converted PDF stays as it is
        return self.rng.choice(CURRENCIES)

    def _name(self, m: re.Match[str]) -> str:
        name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
        return f"{m.group(1)}{m.group(2)} {name}"

    def _place(self, place: str) -> str:
        return self.places.get(place, place)

    def _number(self, m: re.Match[str]) -> str:
        whole, decimals = m.group(1), m.group(2)
        rng = self.rng
        if decimals is None and "," not in whole and _YEAR.fullmatch(whole):
            return str(rng.randint(1995, 2030))
        digits = len(whole.replace(",", ""))
        digits = max(1, digits + rng.choice((-1, 0, 0, 0, 1)))
        first = rng.randint(1, 9) if digits > 1 else rng.randint(0, 9)
        rest = "".join(str(rng.randint(0, 9)) for _ in range(digits - 1))
        number = int(f"{first}{rest}")
        out = f"{number:,}" if "," in whole or (digits > 4 and rng.random() < 0.7) else str(number)
        if decimals is not None:
            out += "." + "".join(str(rng.randint(0, 9)) for _ in decimals)
        if "," in out and rng.random() < self.malformed_rate:
            out += str(rng.randint(0, 9))  # a stray digit, as in "10,0000"
        return out


def _front_matter(rng: random.Random, redraw: _Redraw) -> str:
    date = f"{rng.randint(2005, 2030)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    title = f"FACT SHEET: {rng.choice(TOPICS)} with {redraw._place('Canada')}"
    return f"---\ncategory: statements-releases\ndate: '{date}'\ntitle: \"{title}\"\n---\n"


def _manifest_row(rng: random.Random, stem: str, redraw: _Redraw) -> dict[str, str]:
    dated = rng.random() < 0.6
    return {
        "doc_id": stem,
        "file": f"{stem}.txt",
        "title": f"{rng.choice(TOPICS)}: {redraw._place('Texas')} and Mexico",
        "publisher": rng.choice(PUBLISHERS) or "",
        "published_date": (
            f"{rng.randint(2005, 2030)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if dated
            else ""
        ),
        "date_note": "" if dated else "unknown",
        "url": f"https://example.org/{stem}" if rng.random() < 0.5 else "",
        "document_type": rng.choice(DOCUMENT_TYPES) or "",
    }


def manifest_text(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=MANIFEST_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_corpus(
    out_dir: Path,
    n_docs: int,
    *,
    seed: int = DEFAULT_SEED,
    seeds_dir: Path = DEFAULT_SEEDS_DIR,
) -> str:
    """Write documents 0..n_docs-1 and their manifest into `out_dir`; returns a digest
    of the whole corpus, so a cached copy can be checked without rebuilding it."""
    generator = CorpusGenerator(load_shapes(seeds_dir), seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    rows = []
    for i in range(n_docs):
        doc = generator.document(i)
        data = doc.data
        (out_dir / doc.file_name).write_bytes(data)
        digest.update(doc.file_name.encode() + b"\0" + hashlib.sha256(data).digest())
        if doc.manifest_row is not None:
            rows.append(doc.manifest_row)
    manifest = manifest_text(rows).encode("utf-8")
    (out_dir / MANIFEST_NAME).write_bytes(manifest)
    digest.update(manifest)
    return digest.hexdigest()


def add_document(corpus_dir: Path, index: int, *, seed: int = DEFAULT_SEED) -> Path:
    """Write document `index` into an existing corpus (the incremental benchmark)."""
    doc = CorpusGenerator(load_shapes(), seed).document(index)
    path = corpus_dir / doc.file_name
    path.write_bytes(doc.data)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n_docs", type=int)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--seeds-dir", type=Path, default=DEFAULT_SEEDS_DIR)
    args = parser.parse_args()
    digest = write_corpus(args.out_dir, args.n_docs, seed=args.seed, seeds_dir=args.seeds_dir)
    total = sum(p.stat().st_size for p in args.out_dir.glob("*.txt"))
    print(f"{args.n_docs} documents, {total / 1e6:.1f} MB in {args.out_dir} (sha256 {digest[:16]})")


if __name__ == "__main__":
    main()
