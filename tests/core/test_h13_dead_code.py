"""Dead code stays gone: helpers without callers, unused factories, comments naming moved tests."""

import ast
import re
import subprocess
from pathlib import Path

from events import listing

ROOT = Path(__file__).resolve().parents[2]
TEST_PATH = re.compile(r"\btests/[\w/*.-]*\w")


def tracked(*patterns: str) -> list[Path]:
    found = subprocess.run(
        ["git", "ls-files", *patterns], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return [ROOT / name for name in found.stdout.split()]


def test_comments_name_test_files_that_exist():
    """A comment sending the reader to a test file must not point at one that moved away."""
    missing = [
        f"{path.relative_to(ROOT)}: {ref}"
        for path in tracked("*.py")
        if not path.is_relative_to(ROOT / "tests")
        for ref in TEST_PATH.findall(path.read_text(encoding="utf-8"))
        if not any(ROOT.glob(ref.rstrip("/"))) and not any(ROOT.glob(ref + ".py"))
    ]
    assert missing == []


def test_every_factory_is_used():
    tree = ast.parse((ROOT / "tests/factories.py").read_text(encoding="utf-8"))
    names = [node.name for node in tree.body if isinstance(node, ast.ClassDef)]
    sources = [p.read_text(encoding="utf-8") for p in tracked("tests/*.py") if p.name != "factories.py"]
    unused = [name for name in names if not any(re.search(rf"\b{name}\b", text) for text in sources)]
    assert unused == []


def test_past_events_helper_is_gone():
    """Past events are read from the catalogue (`?periode=passes`); this queryset helper had no caller."""
    assert not hasattr(listing, "past_events")
