"""Where SQL text is assembled in the code, and from what.

Rows reach DuckDB as Arrow tables or `?` parameters, never inside a statement. The
only things a statement may interpolate are identifiers and literals passed through
`quote_ident` / `quote_literal` (from the schemas), or names bound only to such
values. Anything else is a finding, unless it is listed in REVIEWED with the reason it
cannot carry document text.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

# A string is SQL when it starts like a statement (the code writes SQL keywords in
# capitals), or when it goes to execute()/sql() whatever it looks like.
STATEMENT_START = re.compile(
    r"\s*(SELECT|INSERT|CREATE|COMMENT ON|DROP|DELETE|UPDATE|ALTER|ATTACH|COPY|PRAGMA|"
    r"WITH|EXPORT|IMPORT|INSTALL|LOAD|SET)\b"
)
EXECUTORS = {"execute", "executemany", "sql"}
QUOTERS = {"quote_ident", "quote_literal"}
# (file relative to the package's parent, interpolated name) -> why it is safe.
REVIEWED: dict[tuple[str, str], str] = {
    ("pipeline/load.py", "select"): "a view's SELECT, read from pipeline/sql/*.sql (code)",
}


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    expression: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: SQL interpolates `{self.expression}`"


def _constant_text(node: ast.AST) -> str:
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    if isinstance(node, ast.BinOp):
        return _constant_text(node.left) + _constant_text(node.right)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return ""


def _called_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


Bindings = dict[str, list[ast.AST | None]]
_INT = ast.Constant(0)  # stands for "an int": the index enumerate() gives


def _targets(target: ast.AST, source: ast.AST) -> Bindings:
    """Names a `for` or comprehension binds; the index of enumerate() is an int."""
    bound: Bindings = {}
    is_enumerate = isinstance(source, ast.Call) and _called_name(source) == "enumerate"
    if is_enumerate and isinstance(target, ast.Tuple) and target.elts:
        first, *rest = target.elts
        if isinstance(first, ast.Name):
            bound[first.id] = [_INT]
        targets = rest
    else:
        targets = [target]
    for node in targets:
        for name in ast.walk(node):
            if isinstance(name, ast.Name):
                bound.setdefault(name.id, []).append(None)
    return bound


def _own_nodes(node: ast.AST) -> list[ast.AST]:
    """The nodes of a function or module, not those of nested comprehensions (which
    have their own scope in Python 3)."""
    found = []
    stack = list(ast.iter_child_nodes(node))
    while stack:
        child = stack.pop()
        found.append(child)
        if not isinstance(child, ast.GeneratorExp | ast.ListComp | ast.SetComp | ast.DictComp):
            stack.extend(ast.iter_child_nodes(child))
    return found


class _Scope:
    """Assignments to each name within one function (or the module), including the
    values appended to a list, so `cols.append(...)` counts as binding `cols`."""

    def __init__(self, node: ast.AST, outer: _Scope | None = None) -> None:
        self.bindings: Bindings = {}
        self.outer = outer
        for child in _own_nodes(node):
            if (
                isinstance(child, ast.Call)
                and isinstance(child.func, ast.Attribute)
                and child.func.attr in {"append", "insert", "extend"}
                and isinstance(child.func.value, ast.Name)
                and child.args
            ):
                added = child.args[-1]
                if child.func.attr != "extend":
                    added = ast.List(elts=[added])
                self.bindings.setdefault(child.func.value.id, []).append(added)
            elif isinstance(child, ast.Assign):
                for target in child.targets:
                    self._bind(target, child.value)
            elif isinstance(child, ast.AnnAssign | ast.AugAssign) and child.value is not None:
                self._bind(child.target, child.value)
            elif isinstance(child, ast.For):
                for name, values in _targets(child.target, child.iter).items():
                    self.bindings.setdefault(name, []).extend(values)
            elif isinstance(child, ast.arguments):
                for arg in [*child.posonlyargs, *child.args, *child.kwonlyargs]:
                    self.bindings.setdefault(arg.arg, []).append(None)

    def _bind(self, target: ast.AST, value: ast.AST | None) -> None:
        if isinstance(target, ast.Name):
            self.bindings.setdefault(target.id, []).append(value)
        elif isinstance(target, ast.Tuple | ast.List):
            for element in target.elts:
                self._bind(element, None)

    def values_of(self, name: str, local: Bindings | None = None) -> list[ast.AST | None] | None:
        if local and name in local:
            return local[name]
        if name in self.bindings:
            return self.bindings[name]
        return self.outer.values_of(name) if self.outer else None

    def safe(
        self, node: ast.AST, seen: frozenset[str] = frozenset(), local: Bindings | None = None
    ) -> bool:
        """Whether `node` can only evaluate to quoted identifiers, literals or constants."""

        def ok(child: ast.AST) -> bool:
            return self.safe(child, seen, local)

        if isinstance(node, ast.Constant):
            return isinstance(node.value, str | int)
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            return all(ok(e) for e in node.elts)
        if isinstance(node, ast.Dict):
            return all(v is not None and ok(v) for v in node.values)
        if isinstance(node, ast.GeneratorExp | ast.ListComp | ast.SetComp | ast.DictComp):
            inner = dict(local or {})
            for generator in node.generators:
                inner.update(_targets(generator.target, generator.iter))
            element = node.value if isinstance(node, ast.DictComp) else node.elt
            return self.safe(element, seen, inner)
        if isinstance(node, ast.Subscript):
            # A lookup in a table of safe values, e.g. _DUCKDB_TYPES[field.type].
            return ok(node.value)
        if isinstance(node, ast.Call):
            name = _called_name(node)
            if name in QUOTERS:
                return True
            # ", ".join(quote_ident(f) for f in ...)
            return name == "join" and len(node.args) == 1 and ok(node.args[0])
        if isinstance(node, ast.JoinedStr):
            return all(ok(v.value if isinstance(v, ast.FormattedValue) else v) for v in node.values)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return ok(node.left) and ok(node.right)
        if isinstance(node, ast.Name):
            values = self.values_of(node.id, local)
            if node.id in seen or not values:
                return False
            return all(v is not None and self.safe(v, seen | {node.id}, local) for v in values)
        return False


def _interpolated(node: ast.AST) -> list[ast.AST]:
    """The non-constant pieces an f-string or a `+`/`%` chain puts into the text."""
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _interpolated(node.left) + _interpolated(node.right)
    if isinstance(node, ast.Constant):
        return []
    return [node]


def _is_sql(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    if STATEMENT_START.match(_constant_text(node)):
        return True
    parent = parents.get(id(node))
    return isinstance(parent, ast.Call) and _called_name(parent) in EXECUTORS


def scan_file(path: Path, label: str) -> list[Finding]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    findings: list[Finding] = []
    module = _Scope(tree)
    scopes: dict[int, _Scope] = {id(tree): module}
    parents: dict[int, ast.AST] = {}
    for parent in ast.walk(tree):
        for child in ast.iter_child_nodes(parent):
            parents[id(child)] = parent

    def scope_of(node: ast.AST) -> _Scope:
        current: ast.AST | None = node
        while current is not None and not isinstance(
            current, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.Module
        ):
            current = parents.get(id(current))
        owner = current or tree
        if id(owner) not in scopes:
            scopes[id(owner)] = _Scope(owner, None if owner is tree else module)
        return scopes[id(owner)]

    def judge(text: ast.AST) -> None:
        """Record every unsafe piece `text` (SQL) interpolates."""
        if isinstance(text, ast.Call) and _called_name(text) == "format":
            findings.append(Finding(label, text.lineno, ast.unparse(text)))
            return
        scope = scope_of(text)
        for part in _interpolated(text):
            if scope.safe(part):
                continue
            if isinstance(part, ast.Name) and (label, part.id) in REVIEWED:
                continue
            findings.append(Finding(label, text.lineno, ast.unparse(part)))

    for node in ast.walk(tree):
        is_format = isinstance(node, ast.Call) and _called_name(node) == "format"
        if is_format and isinstance(node.func, ast.Attribute) and _is_sql(node.func.value, parents):
            judge(node)
        # A piece of a larger f-string or `+` chain is judged with the whole of it.
        outermost = not isinstance(parents.get(id(node)), ast.JoinedStr | ast.BinOp)
        if isinstance(node, ast.JoinedStr | ast.BinOp) and outermost and _is_sql(node, parents):
            judge(node)
        if (
            isinstance(node, ast.Call)
            and _called_name(node) in EXECUTORS
            and node.args
            and isinstance(node.args[0], ast.Name)
        ):
            # execute(sql) where sql was built a few lines up.
            for value in scope_of(node).values_of(node.args[0].id) or []:
                built = isinstance(value, ast.JoinedStr) or (
                    isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add | ast.Mod)
                )
                if built or (isinstance(value, ast.Call) and _called_name(value) == "format"):
                    judge(value)
    return sorted(set(findings), key=lambda f: (f.line, f.expression))


def scan_package(package_dir: Path) -> tuple[list[Finding], int]:
    """Findings over every .py file under `package_dir`, and how many files were read."""
    root = package_dir.parent
    files = sorted(package_dir.rglob("*.py"))
    findings = []
    for path in files:
        findings += scan_file(path, str(path.relative_to(root)))
    return findings, len(files)
