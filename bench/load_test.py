"""Load test: concurrent visitors reading, searching and registering, then a database check.

    .venv/bin/python -m bench.load_test --database-url postgres://root@127.0.0.1:5432/kazasso_benchh \\
        [--duration 60] [--clients 32] [--workers 2] [--page-cache 1] [--timeout 120]

Each client is a thread with its own cookie jar. A registering client GETs a load event's page,
takes the CSRF token from its form, POSTs a registration with a unique email and follows the
redirect to read the flash message: confirmed, waiting list, or refused (form error, 400). At the
end, the registrations in the database must equal the confirmed and waiting answers, and no event
may hold more confirmed seats than its capacity. Exit status 1 on any error (5xx, connection
error, unreadable answer) or mismatch.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import sys
import threading
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bench import server, stats
from bench.load_events import compare, database_figures, prepare_load_events
from bench.targets import pick_targets

RESULTS_DIR = Path(__file__).resolve().parent / "results"
MIX = {"page": 60, "search": 25, "register": 15}
SEARCHES = (
    *("association", "assemblée générale", "subvention", "bénévoles", "benevolat", "trésorerie"),
    *("fiscalite", "mécénat", "statuts", "assurance", "chômage partiel", "service civique", "RGPD"),
)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def classify(status: int, body: str) -> str:
    """What a registration answer told the visitor: confirmed, waiting, refused or error:<why>.

    `status` and `body` are those of the POST, or of the page its redirect leads to (then 200).
    """
    if status >= 500:
        return f"error:{status}"
    if status == 400 and "form__errors" in body:
        return "refused"  # registration closed or full without waiting list
    if status != 200:
        return f"error:{status}"
    # The confirmation page (events/templates/events/registration_confirmation.html).
    if 'class="confirmation' in body and "Votre inscription est confirmée" in body:
        return "confirmed"
    if 'class="confirmation' in body and "Vous êtes sur la liste d'attente" in body:
        return "waiting"
    if "form__errors" in body:
        return "refused"  # not enough seats left, duplicate email…
    return "error:réponse illisible"


def secure_cookie_session():
    """A requests session that sends `Secure` cookies back over plain http, as a TLS proxy would.

    (A cookie policy is not enough: requests copies the jar into a default-policy one per request.)
    """
    import requests

    class LoopbackSession(requests.Session):
        def send(self, request: Any, **kwargs: Any) -> Any:
            response = super().send(request, **kwargs)
            for cookie in self.cookies:
                cookie.secure = False
            return response

    return LoopbackSession()


@dataclass
class Recorder:
    """Thread-safe tally of every action: latency, outcome, registration answers per event."""

    timings: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    outcomes: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    answers: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, action: str, started: float, outcome: str, detail: str = "") -> None:
        elapsed = (time.perf_counter() - started) * 1000
        with self.lock:
            self.timings[action].append(elapsed)
            self.outcomes[action][outcome.split(":")[0]] += 1
            if outcome.startswith("error"):
                self.errors.append(f"{action} {detail} → {outcome}")

    def answer(self, slug: str, outcome: str) -> None:
        with self.lock:
            self.answers[slug][outcome] += 1


def register_once(
    session: Any, base: str, slug: str, email: str, rng: random.Random, timeout: float = 120
) -> str:
    """One visitor's registration, from the event page to the message shown after the redirect."""
    page = session.get(f"{base}/evenements/{slug}/", timeout=timeout)
    if page.status_code != 200:
        return f"error:{page.status_code} (page)"
    token = CSRF.search(page.text)
    if not token:
        return "refused" if "complet" in page.text else "error:formulaire absent"
    found = re.search(r'name="seats"[^>]*max="(\d+)"', page.text)
    maximum = int(found.group(1)) if found else 1
    data = {
        "csrfmiddlewaretoken": token.group(1),
        "association_name": f"Association de charge {email.split('@')[0][-6:]}",
        "rna_number": f"W974{rng.randrange(10**6):06d}" if rng.random() < 0.5 else "",
        "contact_name": "Visiteur Simulé",
        "email": email,
        "seats": str(rng.randint(1, maximum)),
        "consent": "on",
    }
    answer = session.post(f"{base}/evenements/{slug}/", data=data, allow_redirects=False, timeout=timeout)
    if answer.status_code == 302:
        followed = session.get(base + answer.headers["Location"].split("#")[0], timeout=timeout)
        return classify(followed.status_code, followed.text)
    return classify(answer.status_code, answer.text)


def client(
    number: int,
    base: str,
    pages: list[str],
    slugs: list[str],
    deadline: float,
    recorder: Recorder,
    *,
    seed: int,
    run_id: str,
    max_actions: int | None = None,
    mix: dict[str, int] | None = None,
    timeout: float = 120,
) -> None:
    """Loop until the deadline (or `max_actions`): pick an action by the mix, do it, record it."""
    import requests

    rng = random.Random(seed * 1000 + number)
    session = secure_cookie_session()
    actions, weights = zip(*(mix or MIX).items(), strict=True)
    done = 0
    while time.monotonic() < deadline and (max_actions is None or done < max_actions):
        action = rng.choices(actions, weights)[0]
        started = time.perf_counter()
        try:
            if action == "register":
                slug = rng.choice(slugs)
                email = f"charge-{run_id}-{number}-{done}@exemple.re"
                outcome = register_once(session, base, slug, email, rng, timeout)
                if not outcome.startswith("error"):
                    recorder.answer(slug, outcome)
                recorder.add(action, started, outcome, slug)
            else:
                if action == "search":
                    path = "/recherche/?" + urlencode({"q": rng.choice(SEARCHES)})
                else:
                    path = rng.choice(pages)
                response = session.get(base + path, timeout=timeout)
                ok = response.status_code < 400
                recorder.add(action, started, "ok" if ok else f"error:{response.status_code}", path)
        except requests.RequestException as error:
            recorder.add(action, started, f"error:{type(error).__name__}", action)
        except Exception as error:  # noqa: BLE001 - a dead thread would hide its failure
            recorder.add(action, started, f"error:{type(error).__name__}: {error}", action)
        done += 1


def run_clients(
    base: str,
    pages: list[str],
    slugs: list[str],
    *,
    clients: int,
    duration: float,
    seed: int,
    max_actions: int | None = None,
    mix: dict[str, int] | None = None,
    timeout: float = 120,
) -> tuple[Recorder, float]:
    """Start `clients` threads, wait for all of them; return the tally and the elapsed seconds."""
    recorder = Recorder()
    run_id = uuid.uuid4().hex[:8]
    deadline = time.monotonic() + duration
    started = time.monotonic()
    threads = [
        threading.Thread(
            target=client,
            args=(n, base, pages, slugs, deadline, recorder),
            kwargs={
                "seed": seed,
                "run_id": run_id,
                "max_actions": max_actions,
                "mix": mix,
                "timeout": timeout,
            },
        )
        for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return recorder, time.monotonic() - started


def report(recorder: Recorder, elapsed: float, figures: dict, problems: list[str]) -> dict[str, Any]:
    actions = []
    for action in MIX:
        timings = recorder.timings.get(action, [])
        outcomes = recorder.outcomes.get(action, Counter())
        actions.append(
            {
                "action": action,
                "count": len(timings),
                "errors": outcomes.get("error", 0),
                "per_second": round(len(timings) / elapsed, 1) if elapsed else None,
                **(stats.summarise_timings(timings) if timings else {"median_ms": None, "p95_ms": None}),
                "outcomes": dict(outcomes),
            }
        )
    events = [
        {"slug": slug, **db, "answers": dict(recorder.answers.get(slug, Counter()))}
        for slug, db in figures.items()
    ]
    return {
        "elapsed_s": round(elapsed, 1),
        "actions": actions,
        "events": events,
        "errors": recorder.errors,
        "problems": problems,
    }


def tables(result: dict[str, Any]) -> str:
    labels = {"page": "page vue", "search": "recherche", "register": "inscription (GET + POST + page)"}
    first = stats.markdown_table(
        ["action", "nombre", "par seconde", "médiane (ms)", "p95 (ms)", "erreurs"],
        [
            [labels[a["action"]], a["count"], a["per_second"], a["median_ms"], a["p95_ms"], a["errors"]]
            for a in result["actions"]
        ],
        align="lrrrrr",
    )
    rows = []
    for event in result["events"]:
        told = event["answers"]
        rows.append(
            [
                f"`{event['slug']}`",
                event["capacity"],
                f"{event['seats']}",
                f"{told.get('confirmed', 0)} / {event['confirmed']}",
                f"{told.get('waiting', 0)} / {event['waiting']}",
                told.get("refused", 0),
            ]
        )
    second = stats.markdown_table(
        [
            "événement",
            "jauge",
            "places confirmées",
            "confirmées (réponses / base)",
            "en attente (réponses / base)",
            "refusées",
        ],
        rows,
        align="lrrrrr",
    )
    return first + "\n\n" + second


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Test de charge : lectures, recherches et inscriptions.")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""), help="base PostgreSQL")
    parser.add_argument("--duration", type=float, default=60, help="durée en secondes")
    parser.add_argument("--clients", type=int, default=32, help="clients simultanés")
    parser.add_argument("--workers", type=int, default=2, help="processus gunicorn")
    parser.add_argument("--threads", type=int, default=1, help="fils par processus gunicorn")
    parser.add_argument("--page-cache", type=int, choices=(0, 1), default=1, help="KAZASSO_PAGE_CACHE")
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL", ""), help="cache Redis (REDIS_URL)"
    )
    parser.add_argument("--seed", type=int, default=2026, help="graine des tirages des clients")
    parser.add_argument("--timeout", type=float, default=120, help="attente maximale d'une réponse (s)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    stamp = f"{dt.datetime.now():%Y-%m-%d-%H%M%S}"
    log_path = RESULTS_DIR / f"load-{stamp}-gunicorn.log"
    with server.django_process(args.database_url, redis_url=args.redis_url):
        server.manage("migrate", "--noinput", "-v0")
        server.manage("createcachetable", "-v0")  # the rate-limit counters' table
        server.collectstatic()
        slugs = prepare_load_events()
        pages = [t.path for t in pick_targets() if "/recherche/" not in t.path]
        options = {"workers": args.workers, "threads": args.threads, "log_path": log_path}
        with server.gunicorn(page_cache=bool(args.page_cache), count_queries=False, **options) as base:
            print(f"{args.clients} clients pendant {args.duration:.0f} s sur {base}…", file=sys.stderr)
            recorder, elapsed = run_clients(
                base,
                pages,
                slugs,
                clients=args.clients,
                duration=args.duration,
                seed=args.seed,
                timeout=args.timeout,
            )
        figures = database_figures(slugs)
    problems = compare(figures, recorder.answers)
    result = report(recorder, elapsed, figures, problems)
    result.update(
        {
            "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "clients": args.clients,
            "workers": args.workers,
            "threads": args.threads,
            "page_cache": args.page_cache,
            "mix": MIX,
        }
    )
    print(
        f"\n{args.clients} clients, {result['elapsed_s']} s, {args.workers} processus gunicorn, "
        f"cache des pages {'activé' if args.page_cache else 'désactivé'}\n"
    )
    print(tables(result))
    server.write_results(RESULTS_DIR / f"load-{stamp}.json", result)
    print(f"Journal de gunicorn : {log_path}")
    failures = [*recorder.errors, *problems]
    for failure in failures[:20]:
        print(f"ÉCHEC : {failure}", file=sys.stderr)
    if failures:
        sys.exit(f"{len(recorder.errors)} erreurs, {len(problems)} écarts avec la base.")
    print("Aucune erreur, aucune inscription perdue.")


if __name__ == "__main__":
    main()
