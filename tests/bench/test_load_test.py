"""The load test's parts: reading registration answers, the database check, a tiny real run.

The real run goes through a live server (CSRF enforced, real redirects and flash messages) with
one client and a handful of actions; the 60-second run is bench/load_test.py itself, not a test.
"""

from __future__ import annotations

import pytest

from bench.load_events import LoadEvent, compare, database_figures, prepare_load_events
from bench.load_test import classify, register_once, run_clients, secure_cookie_session, tables

CONFIRMED_PAGE = (
    '<section class="confirmation" aria-labelledby="confirmation-title">'
    '<h1 id="confirmation-title">Votre inscription est confirmée</h1>'
)
WAITING_PAGE = (
    '<section class="confirmation confirmation--waiting" aria-labelledby="confirmation-title">'
    '<h1 id="confirmation-title">Vous êtes sur la liste d\'attente</h1>'
)
REFUSED_FORM = '<div class="form__errors" role="alert"><p>Il ne reste que 1 place(s)</p></div>'


def test_classify_reads_each_kind_of_answer():
    assert classify(200, CONFIRMED_PAGE) == "confirmed"
    assert classify(200, WAITING_PAGE) == "waiting"
    assert classify(200, REFUSED_FORM) == "refused"
    assert classify(400, REFUSED_FORM) == "refused"


def test_classify_reports_errors():
    assert classify(500, CONFIRMED_PAGE) == "error:500"
    assert classify(403, "La vérification CSRF a échoué") == "error:403"
    assert classify(400, "Bad Request") == "error:400"
    assert classify(200, "<html>une page sans message</html>") == "error:réponse illisible"


FIGURES = {
    "bench-charge-1": {"capacity": 10, "confirmed": 4, "waiting": 2, "total": 6, "seats": 10},
    "bench-charge-2": {"capacity": 5, "confirmed": 3, "waiting": 0, "total": 3, "seats": 5},
}


def test_compare_accepts_answers_that_match_the_database():
    answers = {
        "bench-charge-1": {"confirmed": 4, "waiting": 2, "refused": 9},
        "bench-charge-2": {"confirmed": 3},
    }
    assert compare(FIGURES, answers) == []


def test_compare_reports_lost_phantom_and_overbooked_registrations():
    answers = {
        "bench-charge-1": {"confirmed": 5, "waiting": 2},
        "bench-charge-2": {"confirmed": 3, "waiting": 1},
    }
    overbooked = {**FIGURES, "bench-charge-2": {**FIGURES["bench-charge-2"], "seats": 6}}
    problems = compare(overbooked, answers)
    assert "bench-charge-1 : 4 inscriptions confirmées en base, 5 réponses l'annonçaient" in problems
    assert "bench-charge-2 : 0 inscriptions en attente en base, 1 réponses l'annonçaient" in problems
    assert "bench-charge-2 : 6 places confirmées pour une jauge de 5" in problems
    assert len(problems) == 3


SPECS = (
    LoadEvent("bench-charge-t1", capacity=2, waitlist=True, max_seats=1),
    LoadEvent("bench-charge-t2", capacity=1, waitlist=False, max_seats=1),
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_registrations_through_a_live_server_are_classified_and_counted(live_server):
    import random

    slugs = prepare_load_events(SPECS)
    session = secure_cookie_session()
    rng = random.Random(1)
    answers = {slug: {} for slug in slugs}
    for number, slug in enumerate([*[slugs[0]] * 4, *[slugs[1]] * 3]):
        outcome = register_once(session, live_server.url, slug, f"essai-{number}@exemple.re", rng)
        answers[slug][outcome] = answers[slug].get(outcome, 0) + 1
    assert answers == {slugs[0]: {"confirmed": 2, "waiting": 2}, slugs[1]: {"confirmed": 1, "refused": 2}}
    figures = database_figures(slugs)
    assert figures[slugs[0]] == {"capacity": 2, "confirmed": 2, "waiting": 2, "total": 4, "seats": 2}
    assert compare(figures, answers) == []
    # Running again starts from empty events.
    prepare_load_events(SPECS)
    assert database_figures(slugs)[slugs[0]]["total"] == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_tiny_mixed_run_has_no_error_and_loses_nothing(live_server):
    slugs = prepare_load_events(SPECS)
    recorder, _ = run_clients(
        live_server.url, ["/", "/ressources/"], slugs, clients=1, duration=600, seed=3, max_actions=12,
        mix={"page": 1, "search": 1, "register": 2},
    )  # fmt: skip
    assert recorder.errors == []
    assert sum(len(timings) for timings in recorder.timings.values()) == 12
    assert recorder.outcomes["register"]["confirmed"] >= 1
    figures = database_figures(slugs)
    assert sum(f["total"] for f in figures.values()) == sum(
        n for slug in slugs for outcome, n in recorder.answers[slug].items() if outcome != "refused"
    )
    assert compare(figures, recorder.answers) == []
    events = [{"slug": s, **figures[s], "answers": dict(recorder.answers[s])} for s in slugs]
    told = recorder.answers[slugs[0]]
    row = f"| `bench-charge-t1` | 2 | 2 | {told['confirmed']} / 2 | {told.get('waiting', 0)} / "
    assert row in tables({"actions": [], "events": events})
