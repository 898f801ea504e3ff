"""Demo and generated content live in the `demo` app, and no app imports the `bench` tool."""

from __future__ import annotations

import ast
from pathlib import Path

from django.conf import settings
from django.core.management import get_commands

ROOT = Path(settings.BASE_DIR)
# bench may import apps; only bench itself and its own tests may import bench.
MAY_IMPORT_BENCH = ("bench", "tests/bench", ".venv")


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth (lazy imports inside functions included)."""
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.add(node.module)
    return modules


def test_demo_commands_belong_to_the_demo_app():
    commands = get_commands()
    assert commands["load_demo"] == "demo"
    assert commands["generate_content"] == "demo"


def test_no_module_outside_bench_imports_bench():
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in sorted(ROOT.rglob("*.py"))
        if not path.relative_to(ROOT).as_posix().startswith(MAY_IMPORT_BENCH)
        for module in imported_modules(path)
        if module == "bench" or module.startswith("bench.")
    ]
    assert offenders == []
