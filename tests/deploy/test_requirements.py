"""The requirements files are compiled with hashes from short .in files (issue 13, point 7)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OPTIONS = "--allow-unsafe --generate-hashes --no-emit-find-links --no-emit-index-url --strip-extras"
COMPILED = ("requirements.txt", "requirements-scaling.txt", "requirements-dev.txt")


def _pins(name: str) -> dict[str, str]:
    """Each requirement block of a compiled file, by package name: pip needs == and a hash on all."""
    text = (ROOT / name).read_text()
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 1)[1])
    return {b.split("==")[0].strip().lower(): b for b in blocks if b[:1].isalnum()}


@pytest.mark.parametrize("name", COMPILED)
def test_compiled_from_its_in_file_with_hashes(name):
    source = name.replace(".txt", ".in")
    assert (ROOT / source).is_file()
    command = f"pip-compile {OPTIONS} {source}"
    assert f"#    {command}\n" in "".join((ROOT / name).read_text().splitlines(True)[:6])
    pins = _pins(name)
    assert pins
    for package, block in pins.items():
        assert re.match(r"^[\w.-]+==[\w.]+ \\\n", block), package
        assert "--hash=sha256:" in block, package
    options = [line for line in (ROOT / name).read_text().splitlines() if line.startswith("-")]
    assert options == [], "no index, find-links or constraint of this machine in the file"


def test_dev_set_installs_runtime_and_scaling_with_the_same_pins():
    dev = _pins("requirements-dev.txt")
    for name in ("requirements.txt", "requirements-scaling.txt"):
        for package, block in _pins(name).items():
            assert dev[package].split(" ")[0] == block.split(" ")[0], package
    for package in ("django-storages", "boto3", "opensearch-py", "pip-tools"):
        assert package in dev
