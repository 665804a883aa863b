"""Publishing is atomic: interrupted anywhere, it leaves the old state or the new one."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import pipeline.release.publish as publish_module
from pipeline.release import list_releases, publish_release
from pipeline.release.store import TEMP_PREFIX
from tests.test_release_fixtures import (
    CREATED,
    TABLES,
    frames,
    publish,
    real_schemas,
    sample_records,
    sources,
    tree_bytes,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
RELEASE_FILES = {"CHANGELOG.md", "changes.json", "datapackage.json"}


class Boom(Exception):
    """An ordinary error in the middle of publishing (disk full, bug...)."""


class Killed(BaseException):
    """Like a kill: not an Exception, so no clean-up handler runs."""


def _changed_records():
    records = sample_records()
    records["quantities"][1]["value"] = 0.25
    return records


def _retitled_records():
    records = _changed_records()
    records["documents"][1]["title"] = "Analysis and Recommendations"
    return records


# A changed value alone: files hashed, rows compared, then written. A retitled document
# changes the package's sources, so a release is certain and files are written as they
# are encoded. Both ways must be interruptible anywhere.
CHANGES = [
    pytest.param(_changed_records, id="value changed"),
    pytest.param(_retitled_records, id="document retitled"),
]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_complete(release: Path) -> None:
    descriptor = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    expected = set(RELEASE_FILES)
    for res in descriptor["resources"]:
        for entry in (res, res["parquet"]):
            path = release / entry["path"]
            assert path.stat().st_size == entry["bytes"], path
            assert "sha256:" + _sha256(path) == entry["hash"], path
            expected.add(entry["path"])
    assert {p.name for p in release.iterdir()} == expected


def assert_consistent(out: Path) -> str:
    """Pointer names a complete release; every release folder is complete. -> version."""
    releases = out / "releases"
    pointer = json.loads((releases / "latest.json").read_text(encoding="utf-8"))
    assert (releases / pointer["datapackage"]).is_file()
    for entry in releases.iterdir():
        if entry.name == "latest.json" or entry.name.startswith(TEMP_PREFIX):
            continue
        assert_complete(entry)
    return pointer["version"]


def _steps(tmp_path: Path, change=_changed_records) -> list[str]:
    seen: list[str] = []
    publish(tmp_path / "record")
    publish(tmp_path / "record", change(), fault_hook=seen.append)
    return seen


@pytest.mark.parametrize("change", CHANGES)
def test_the_fault_hook_sees_every_file_and_every_switch(tmp_path, change):
    steps = _steps(tmp_path, change)
    files = [s.removeprefix("wrote ") for s in steps if s.startswith("wrote ")]
    assert steps[0] == "removed leftovers"
    assert files[:2] == ["documents.csv", "documents.parquet"]
    assert set(files) >= RELEASE_FILES | {"quantities.csv", "quantities.parquet", "catalog"}
    assert files.index("datapackage.json") == files.index("catalog") - 1
    assert steps[-3:] == ["renamed release", "wrote catalog", "switched pointer"]


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("failure", [Boom, Killed])
def test_an_interrupted_publish_leaves_the_old_or_the_new_state(tmp_path, failure, change):
    steps = _steps(tmp_path, change)
    renamed_at = steps.index("renamed release")
    for number, step in enumerate(steps):
        out = tmp_path / f"run{number}"
        publish(out)
        old_release = tree_bytes(out / "releases" / "1.0.0")

        def fail_at(name, step=step):
            if name == step:
                raise failure(name)

        with pytest.raises(failure):
            publish(out, change(), fault_hook=fail_at)

        version = assert_consistent(out)
        assert tree_bytes(out / "releases" / "1.0.0") == old_release, step
        new_exists = (out / "releases" / "1.0.1").exists()
        assert new_exists == (number >= renamed_at), step
        assert version == ("1.0.1" if step == "switched pointer" else "1.0.0"), step
        leftovers = [p.name for p in (out / "releases").iterdir() if p.name.startswith(".")]
        if failure is Boom:
            assert leftovers == [], step

        # The next publish cleans up and ends in the new state, whatever happened.
        again = publish(out, change())
        assert again.version == "1.0.1"
        assert again.is_new == (number < renamed_at), step
        assert assert_consistent(out) == "1.0.1"
        assert not [p for p in out.rglob(f"{TEMP_PREFIX}*")], step
        assert tree_bytes(out / "releases" / "1.0.0") == old_release
        assert 'href="releases/1.0.1/quantities.csv"' in (out / "index.html").read_text()


def test_a_killed_process_leaves_the_previous_release_and_pointer(tmp_path):
    """A real crash: the process exits on the spot after writing one data file."""
    out = tmp_path / "out"
    publish(out)
    before = tree_bytes(out)
    script = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from tests.test_release_fixtures import publish, sample_records

        records = sample_records()
        records["quantities"][1]["value"] = 0.25

        def die(step):
            if step == "wrote quantities.parquet":
                os._exit(17)

        publish(Path({str(out)!r}), records, fault_hook=die)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 17, done.stderr
    leftovers = [p.name for p in (out / "releases").iterdir() if p.name.startswith(TEMP_PREFIX)]
    assert len(leftovers) == 1
    assert assert_consistent(out) == "1.0.0"
    after = {
        k: v for k, v in tree_bytes(out).items() if not k.startswith(f"releases/{TEMP_PREFIX}")
    }
    assert after == before
    outcome = publish(out, _changed_records())
    assert outcome.version == "1.0.1"
    assert not [p for p in out.rglob(f"{TEMP_PREFIX}*")]


def test_a_release_folder_is_never_overwritten(tmp_path):
    out = tmp_path / "out"
    publish(out)
    squatter = out / "releases" / "1.0.1"
    squatter.mkdir()
    (squatter / "note.txt").write_text("not ours")
    with pytest.raises(FileExistsError):
        publish(out, _changed_records())
    assert [p.name for p in squatter.iterdir()] == ["note.txt"]
    assert_complete(out / "releases" / "1.0.0")
    assert [r.version for r in list_releases(out) if r.is_latest] == ["1.0.0"]
    assert not [p for p in out.rglob(f"{TEMP_PREFIX}*")]


def test_published_files_are_read_only(tmp_path):
    outcome = publish(tmp_path / "out")
    modes = {p.name: p.stat().st_mode & 0o777 for p in outcome.path.iterdir()}
    assert set(modes.values()) == {0o444}


def test_pointer_uses_relative_paths_and_survives_a_copy(tmp_path):
    out = tmp_path / "out"
    publish(out)
    moved = tmp_path / "bucket"
    out.rename(moved)
    pointer = json.loads((moved / "releases" / "latest.json").read_text(encoding="utf-8"))
    assert pointer["version"] == "1.0.0"
    assert (moved / "releases" / pointer["datapackage"]).is_file()
    assert [r.is_latest for r in list_releases(moved)] == [True]


def test_outcome_describes_the_files_written(tmp_path):
    outcome = publish(tmp_path / "out")
    for resource in outcome.resources:
        assert resource.csv_path.parent == outcome.path
        assert resource.bytes == resource.csv_path.stat().st_size
        assert resource.sha256 == _sha256(resource.csv_path)
        assert resource.parquet_sha256 == _sha256(resource.parquet_path)
        assert [f.name for f in resource.fields] == real_schemas()[resource.name].field_names


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t, s: t.pop("quarantine"), "name different resources"),
        (lambda t, s: [t.pop("documents"), s.pop("documents")], "not published"),
        (
            lambda t, s: t.__setitem__("quarantine", t["quarantine"].iloc[:, ::-1]),
            "are not the schema's fields",
        ),
    ],
)
def test_inputs_that_cannot_make_a_valid_package_are_refused(tmp_path, change, message):
    schemas = real_schemas()
    tables = frames(schemas, sample_records())
    change(tables, schemas)
    with pytest.raises(ValueError, match=message):
        publish_release(tmp_path, tables, schemas, sources(sample_records()), CREATED)
    assert not (tmp_path / "releases" / "1.0.0").exists()


@pytest.mark.parametrize("initial", [True, False])
def test_duplicate_keys_are_refused(tmp_path, initial):
    if not initial:
        publish(tmp_path)
    records = sample_records()
    records["quantities"][1]["quantity_id"] = records["quantities"][0]["quantity_id"]
    with pytest.raises(ValueError, match="duplicate primary key"):
        publish(tmp_path, records)
    assert [r.version for r in list_releases(tmp_path)] == ([] if initial else ["1.0.0"])


def test_listed_hashes_cover_every_file_of_every_release(tmp_path):
    publish(tmp_path)
    publish(tmp_path, _changed_records())
    for record in list_releases(tmp_path):
        on_disk = {p.name: _sha256(p) for p in record.path.iterdir()}
        assert record.sha256 == on_disk


def test_nothing_changed_creates_no_work_folder(tmp_path, monkeypatch):
    publish(tmp_path)

    def refuse(releases):
        raise AssertionError(f"a work folder was made in {releases}")

    monkeypatch.setattr(publish_module, "_staging", refuse)
    assert publish(tmp_path, created="2030-01-01T00:00:00Z").is_new is False


@pytest.mark.parametrize(
    ("change", "read_back"),
    [
        pytest.param(_changed_records, ["quantities"], id="value changed"),
        pytest.param(lambda: sample_records(), [], id="nothing changed"),
    ],
)
def test_only_tables_whose_files_changed_are_read_back(tmp_path, monkeypatch, change, read_back):
    publish(tmp_path)
    read = []
    original = publish_module.read_parquet_table

    def reading(path, columns=None):
        read.append(Path(path).stem)
        return original(path, columns)

    monkeypatch.setattr(publish_module, "read_parquet_table", reading)
    publish(tmp_path, change())
    assert read == read_back


def test_files_written_after_the_diff_are_those_written_while_encoding(tmp_path):
    """A first release writes its files as it encodes them; a release that is only a
    changed value formats them again after the diff. Same rows, same bytes."""
    at_once = publish(tmp_path / "at_once", _changed_records())
    publish(tmp_path / "later")
    later = publish(tmp_path / "later", _changed_records())
    assert later.bump == "patch"
    data = {p.name: p.read_bytes() for p in later.path.iterdir() if p.suffix != ".json"}
    data.pop("CHANGELOG.md")
    assert data == {name: (at_once.path / name).read_bytes() for name in data}
    assert set(data) == {f"{t}.{ext}" for t in TABLES for ext in ("csv", "parquet")}
