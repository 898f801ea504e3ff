"""What each loading step did, phrased in French for the closing summary of load_demo."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StepReport:
    """Counts of one step, kept as numbers for checks and as a sentence for people."""

    created: int
    existing: int
    message: str


def agree(word: str, count: int, *, feminine: bool) -> str:
    """Agree a French participle or adjective ("créé", "présent") with the counted noun."""
    return word + ("e" if feminine else "") + ("" if count == 1 else "s")


def count_report(
    created: int,
    existing: int,
    nouns: tuple[str, str],
    *,
    feminine: bool,
    done: str = "créé",
    kept: str = "déjà présent",
) -> StepReport:
    """A report such as « 32 fiches créées, 0 déjà présentes »; `nouns` is (singular, plural)."""
    noun = nouns[0] if created == 1 else nouns[1]
    message = (
        f"{created} {noun} {agree(done, created, feminine=feminine)}, "
        f"{existing} {agree(kept, existing, feminine=feminine)}"
    )
    return StepReport(created, existing, message)
