"""Property-based: no query string, however odd, makes a public listing fail with a 500."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import EventFactory, FicheFactory

pytestmark = pytest.mark.django_db

PARAMS = {
    "/recherche/": ["q", "type", "theme", "typologie", "structure", "tag", "annee", "tri", "page"],
    "/ressources/": ["theme", "typologie", "structure", "tagged_with", "annee", "page"],
    "/evenements/": ["periode", "theme", "format", "structure", "tagged_with", "annee", "page"],
}

odd_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        ['"', "'", "\x00", "%", "&|!", "a:*", "<->", "😀", "ﬁ", "İ", "\u202e", "1e309", "-0", " "]
    ),
    st.text(alphabet="0123456789-+.", max_size=30),
)


@pytest.fixture
def content(fiche_index, event_index):
    FicheFactory(title="La fiscalité des associations", tags=["Fiscalité"])
    EventFactory(title="Webinaire trésorerie", tags=["Trésorerie"])


@pytest.mark.parametrize("path", sorted(PARAMS))
def test_random_parameters_never_cause_a_server_error(client, content, path):
    names = PARAMS[path]

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.dictionaries(st.sampled_from(names), odd_text, max_size=len(names)))
    def check(params):
        query = urlencode(params)
        response = client.get(f"{path}?{query}")
        assert response.status_code in (200, 400), (path, params, response.status_code)

    check()


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(raw=st.binary(max_size=200))
def test_raw_query_bytes(client, content, raw):
    from urllib.parse import quote_from_bytes

    response = client.get("/recherche/?q=" + quote_from_bytes(raw) + "&page=" + quote_from_bytes(raw[:5]))
    assert response.status_code in (200, 400)


def test_suggestions_with_random_text(client, content):
    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(odd_text)
    def check(text):
        assert client.get("/recherche/suggestions/", {"q": text}).status_code == 200

    check()
