"""Issue 12, points 9 and 10: the RNA rule takes ASCII digits only; cancellation links expire."""

import pytest
from django.core.exceptions import ValidationError

from events.forms import RegistrationForm
from events.models import rna_validator
from events.services import RegistrationData, RegistrationRefused, register
from tests.factories import EventFactory, reunion

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rna", ["W٩٧٤٠٠١٢٣٤", "W९७४००१२३४"])
def test_rna_takes_ascii_digits_only(event_index, frozen_now, rna):
    frozen_now(reunion(2030, 1, 10))
    with pytest.raises(ValidationError):
        rna_validator(rna)
    event = EventFactory(slug="rna")
    form = RegistrationForm(
        {
            "association_name": "A",
            "rna_number": rna,
            "contact_name": "C",
            "email": "c@asso.re",
            "seats": "1",
            "consent": "on",
        },
        event=event,
    )
    assert not form.is_valid() and "rna_number" in form.errors
    with pytest.raises(RegistrationRefused):
        register(event, RegistrationData("A", "C", "c@asso.re", 1, True, rna))
    rna_validator("W974001234")
    with pytest.raises(ValidationError):
        rna_validator("W974001234\n")  # "$" would let a trailing newline through

