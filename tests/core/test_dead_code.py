"""Dead code stays gone: helpers without callers, unused factories, comments naming moved tests."""

import ast
import re
from pathlib import Path

from events import listing

ROOT = Path(__file__).resolve().parents[2]
TEST_PATH = re.compile(r"\btests/[\w/*.-]*\w")


def sources(folder: Path) -> list[Path]:
    """The project's Python files under `folder`, leaving out hidden trees (.venv, .git) unwalked."""
    found = []
    for child in folder.iterdir():
        if child.name.startswith(".") or child.name in {"node_modules", "media", "static"}:
            continue
        found += sources(child) if child.is_dir() else [child] if child.suffix == ".py" else []
    return found


def test_comments_name_test_files_that_exist():
    """A comment sending the reader to a test file must not point at one that moved away."""
    missing = [
        f"{path.relative_to(ROOT)}: {ref}"
        for path in sources(ROOT)
        if not path.is_relative_to(ROOT / "tests")
        for ref in TEST_PATH.findall(path.read_text(encoding="utf-8"))
        if not any(ROOT.glob(ref.rstrip("/"))) and not any(ROOT.glob(ref + ".py"))
    ]
    assert missing == []


def test_every_factory_is_used():
    tree = ast.parse((ROOT / "tests/factories.py").read_text(encoding="utf-8"))
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    bases = {base.id for node in classes for base in node.bases if isinstance(base, ast.Name)}
    names = [node.name for node in classes if node.name not in bases]  # a base is used by its subclasses
    texts = [p.read_text(encoding="utf-8") for p in sources(ROOT / "tests") if p.name != "factories.py"]
    unused = [name for name in names if not any(re.search(rf"\b{name}\b", text) for text in texts)]
    assert unused == []


def test_past_events_helper_is_gone():
    """Past events are read from the catalogue (`?periode=passes`); this queryset helper had no caller."""
    assert not hasattr(listing, "past_events")
