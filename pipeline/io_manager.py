"""Where asset values wait between steps: table frames as Arrow IPC files, the rest pickled.

Dagster's filesystem IO manager pickles every output and unpickles it for every step
that reads it. A table frame is mostly Python strings, and pickling them one by one was
the slowest part of several steps at 10,000 documents (the 193,000 claims rows took
1.7 s to pickle, 0.3 s as Arrow). A frame whose asset is a table of `schemas/` and
that the schema's Arrow types hold exactly (`lossless_arrow`) is written as an Arrow
IPC file and read back with `TableSchema.frame_from_arrow`, giving the same frame;
anything else (the raw documents, the extraction summary, a frame holding a value
Arrow would change, such as a date written as text) is pickled as before. Same folder,
same file per asset, same lifecycle as Dagster's own (`FilesystemIOManager`).

Steps that work in Arrow anyway skip pandas both ways: a derived table's SQL returns an
Arrow table of exactly its schema's types, which is written as it is, and an input
declared with `arrow_input` (publishing, the derived tables' SQL) or annotated `pa.Table`
(the checks) is read as the Arrow table rather than a frame.
"""

from __future__ import annotations

import pickle
from typing import Any

import dagster as dg
import pandas as pd
import pyarrow as pa
from upath import UPath

from pipeline.schemas import TableSchema, load_schemas, lossless_arrow

_ARROW_MAGIC = b"ARROW1"


def _table_schema(context: dg.OutputContext | dg.InputContext) -> TableSchema | None:
    if not context.has_asset_key:
        return None
    name = context.asset_key.path[-1]
    return load_schemas().get(name.removeprefix("core_")) if name.startswith("core_") else None


class TableFrameFilesystemIOManager(dg.UPathIOManager):
    """One file per asset under `base_dir` (`<base_dir>/<asset key path>`), as Dagster's
    filesystem IO manager keeps them: Arrow IPC for a table, a pickle for anything else."""

    extension = ""  # the file names Dagster's own filesystem IO manager uses

    def __init__(self, base_dir: str) -> None:
        self.base_dir = base_dir
        super().__init__(base_path=UPath(base_dir))

    def dump_to_path(self, context: dg.OutputContext, obj: Any, path: UPath) -> None:
        schema = _table_schema(context)
        if schema is not None and isinstance(obj, pa.Table):
            if not obj.schema.equals(schema.arrow_schema()):
                raise ValueError(
                    f"{context.asset_key.to_user_string()}: an Arrow output must have exactly "
                    f"the types of schemas/{schema.name}.schema.json"
                )
            table = obj
        elif schema is not None and isinstance(obj, pd.DataFrame):
            table = lossless_arrow(schema, obj)
        else:
            table = None
        if table is None:
            with path.open("wb") as file:
                pickle.dump(obj, file, pickle.HIGHEST_PROTOCOL)
            return
        with path.open("wb") as file, pa.ipc.new_file(file, table.schema) as writer:
            writer.write_table(table)

    def load_from_path(self, context: dg.InputContext, path: UPath) -> Any:
        schema = _table_schema(context)
        wants_arrow = schema is not None and wants_arrow_input(context)
        with path.open("rb") as file:
            is_arrow = file.read(len(_ARROW_MAGIC)) == _ARROW_MAGIC
            file.seek(0)
            if not is_arrow or schema is None:
                value = pickle.load(file)
                return schema.to_arrow(value) if wants_arrow else value  # type: ignore[union-attr]
            table = pa.ipc.open_file(file).read_all()
        return table if wants_arrow else schema.frame_from_arrow(table)


ARROW_INPUT = {"pipeline/input_format": "arrow"}


def arrow_input(asset: str) -> dg.AssetIn:
    """An input that arrives as the schema-typed Arrow table rather than a pandas frame
    (a step that only hands the table on, as publishing does, skips two conversions)."""
    return dg.AssetIn(asset, metadata=ARROW_INPUT)


def wants_arrow_input(context: dg.InputContext) -> bool:
    """An input declared with `arrow_input`, or whose parameter is annotated `pa.Table`
    (how asset checks ask, since their inputs cannot carry metadata)."""
    metadata = context.definition_metadata or {}
    if all(metadata.get(k) == v for k, v in ARROW_INPUT.items()):
        return True
    return getattr(context.dagster_type, "typing_type", None) is pa.Table


class TableFrameIOManager(dg.ConfigurableIOManagerFactory):
    """The project's IO manager: `base_dir`, else the instance's storage folder
    (`$DAGSTER_HOME/storage`), as for Dagster's `FilesystemIOManager`."""

    base_dir: str | None = None

    def create_io_manager(self, context: dg.InitResourceContext) -> TableFrameFilesystemIOManager:
        if self.base_dir:
            return TableFrameFilesystemIOManager(self.base_dir)
        if context.instance is None:
            raise ValueError("TableFrameIOManager needs a base_dir or a Dagster instance")
        return TableFrameFilesystemIOManager(context.instance.storage_directory())
