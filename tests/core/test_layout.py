"""The README's layout table names every app of the tree, in the layers of the import-linter contract."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def layout_rows() -> list[tuple[str, str]]:
    """(app, layer) of each row of the README's « application | rôle | couche » table, in order."""
    section = ROOT.joinpath("README.md").read_text().split("## Organisation du code", 1)[1]
    table = section.split("| application | rôle | couche |", 1)[1].split("\n\n", 1)[0]
    rows = [line.split("|")[1:-1] for line in table.strip().splitlines()[1:]]
    return [(re.fullmatch(r"`(\w+)/`", app.strip()).group(1), layer.strip()) for app, _role, layer in rows]


def test_layout_table_names_exactly_the_apps_of_the_tree():
    apps_on_disk = sorted(path.parent.name for path in ROOT.glob("*/apps.py"))
    assert sorted(app for app, _layer in layout_rows()) == apps_on_disk


def test_layout_table_layers_are_those_of_the_contract():
    pyproject = tomllib.loads(ROOT.joinpath("pyproject.toml").read_text())
    contracts = pyproject["tool"]["importlinter"]["contracts"]
    (layers,) = [contract["layers"] for contract in contracts if contract["type"] == "layers"]
    readme: dict[str, set[str]] = {}
    for app, layer in layout_rows():
        readme.setdefault(layer, set()).add(app)
    assert list(readme.values()) == [set(re.split(r"\s*[|:]\s*", layer)) for layer in layers]
