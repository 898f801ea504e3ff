"""The project uses Wagtail, modelsearch and Django through their public names only.

A name starting with one underscore is a library's internal: it may change in any release. The
test reads every project module (tests and migrations included) and reports:

- `from wagtail… import _x` / `import django…._x` (any of the three libraries);
- a method `_x` of a subclass that overrides a library's private method `_x`;
- `something._x` where `_x` is an attribute the project never defines itself (as a function,
  method, class attribute, assignment target or keyword) but one of the libraries does: that is a
  library internal reached from outside. `_meta` is Django's documented Model API.

And, on PostgreSQL, no SQL trigger sits on a table the project does not own.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import django
import modelsearch
import pytest
import wagtail
from django.apps import apps
from django.db import connection

from tests.core.test_dead_code import ROOT, sources

LIBRARIES = ("wagtail", "modelsearch", "django")
# Model._meta (https://docs.djangoproject.com/en/5.2/ref/models/meta/) and the named tuple's
# documented methods (urllib.parse results are named tuples).
DOCUMENTED = frozenset({"_meta", "_replace", "_asdict", "_fields", "_make"})
PRIVATE = re.compile(r"^_[A-Za-z0-9]\w*$")  # one underscore: `__dunder__` and name-mangled are not it


def private(name: str) -> bool:
    return bool(PRIVATE.match(name)) and not name.endswith("__")


def project_files() -> list[Path]:
    return [p for p in sources(ROOT) if p.parts[len(ROOT.parts)] not in {"bench_results"}]


def defined_names(tree: ast.AST) -> set[str]:
    """Private names a module defines: defs, classes, arguments, assigned attributes and names."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            found.add(node.name)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found.add(node.name)
            found.update(a.arg for a in node.args.args + node.args.kwonlyargs)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            found.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            found.add(node.id)
        elif isinstance(node, ast.keyword) and node.arg:
            found.add(node.arg)
    return {name for name in found if private(name)}


@cache
def library_sources() -> tuple[str, ...]:
    return tuple(
        path.read_text(encoding="utf-8", errors="ignore")
        for package in (wagtail, modelsearch, django)
        for path in Path(package.__file__).parent.rglob("*.py")
    )


@cache
def library_private_names() -> frozenset[str]:
    """Every private attribute name the libraries define or read (a superset is fine)."""
    names = {name for text in library_sources() for name in re.findall(r"\.(_[A-Za-z0-9]\w*)\b", text)}
    return frozenset(name for name in names | library_private_methods() if private(name))


@cache
def library_private_methods() -> frozenset[str]:
    """The private methods the libraries define (`    def _x(`, inside a class)."""
    found = {
        name for text in library_sources() for name in re.findall(r"\n    def (_[A-Za-z0-9]\w*)\(", text)
    }
    return frozenset(name for name in found if private(name))


def library_imports(tree: ast.AST) -> set[str]:
    """The names a module imports from the libraries (classes it may subclass)."""
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in LIBRARIES
        for alias in node.names
    }


def overrides(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, name) of private methods of a library's private methods, in subclasses of its classes."""
    theirs, imported = library_private_methods(), library_imports(tree)
    return [
        (item.lineno, item.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and any(isinstance(base, ast.Name) and base.id in imported for base in node.bases)
        for item in node.body
        if isinstance(item, ast.FunctionDef) and private(item.name) and item.name in theirs
    ]


def test_no_private_library_name_is_used():
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in project_files()}
    ours = set().union(*(defined_names(tree) for tree in trees.values()))
    theirs = library_private_names()
    found = []
    for path, tree in trees.items():
        where = path.relative_to(ROOT)
        found += [
            f"{where}:{line} def {name} (overrides a library's private method)"
            for line, name in overrides(tree)
        ]
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in LIBRARIES:
                parts = (node.module or "").split(".") + [alias.name for alias in node.names]
                found += [f"{where}:{node.lineno} import {n}" for n in parts if private(n)]
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    parts = alias.name.split(".")
                    if parts[0] in LIBRARIES and any(private(n) for n in parts):
                        found.append(f"{where}:{node.lineno} import {alias.name}")
            elif (
                isinstance(node, ast.Attribute)
                and private(node.attr)
                and node.attr not in DOCUMENTED
                and node.attr not in ours
                and node.attr in theirs
            ):
                found.append(f"{where}:{node.lineno} .{node.attr}")
    assert found == []


def test_the_check_sees_a_private_name():
    """The detector itself: a library internal read from outside is caught, a name of ours is not."""
    tree = ast.parse(
        "from django.forms import Form\nclass F(Form):\n    def _post_clean(self):\n        pass\n"
        "def f(page):\n    page._own = 1\n    return page._own, page._state, page._meta\n"
    )
    ours = defined_names(tree)
    reached = [
        n.attr
        for n in ast.walk(tree)
        if isinstance(n, ast.Attribute)
        and private(n.attr)
        and n.attr not in DOCUMENTED
        and n.attr not in ours
        and n.attr in library_private_names()
    ]
    assert reached == ["_state"]
    assert overrides(tree) == [(3, "_post_clean")]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="triggers are looked up in PostgreSQL's catalog"
)
@pytest.mark.django_db
def test_no_trigger_on_a_table_the_project_does_not_own():
    project_apps = {p.name for p in ROOT.iterdir() if (p / "apps.py").exists()}
    project_apps |= {"outbox", "pagecache"}
    owned = {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_config.name.split(".")[0] in project_apps | {"site_kazasso"}
    }
    with connection.cursor() as cursor:
        cursor.execute("SELECT tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal")
        tables = {row[0].strip('"') for row in cursor.fetchall()}
    assert tables - owned == set()
