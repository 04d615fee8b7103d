"""Personal details in reader posts are recognised precisely: the real thing, and
not the dates, doses and numbers health posts are full of."""

import pytest

from comments import personal


def kinds(text):
    return [(detail.kind, detail.text) for detail in personal.find(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Ring me on 07700 900123 any time", ("phone", "07700 900123")),
        ("Ring me on 07700900123.", ("phone", "07700900123")),
        ("Their office: 020 7946 0958", ("phone", "020 7946 0958")),
        ("Call (020) 7946 0958", ("phone", "(020) 7946 0958")),
        ("or +44 7700 900123", ("phone", "+44 7700 900123")),
        ("or +44 (0)20 7946 0958", ("phone", "+44 (0)20 7946 0958")),
        ("US: (555) 123-4567", ("phone", "(555) 123-4567")),
        ("US: 555-123-4567", ("phone", "555-123-4567")),
        ("Paris: +33 1 23 45 67 89", ("phone", "+33 1 23 45 67 89")),
        ("Write to jo.doe+spasm@mail.example.co.uk", ("email", "jo.doe+spasm@mail.example.co.uk")),
        ("I live at 12 Acacia Avenue, come by", ("address", "12 Acacia Avenue")),
        ("at 221b Baker Street.", ("address", "221b Baker Street")),
        ("near 4 Old Mill Rd in town", ("address", "4 Old Mill Rd")),
        ("it's 45 Mulholland Dr", ("address", "45 Mulholland Dr")),
        ("My postcode is SW1A 1AA", ("address", "SW1A 1AA")),
        ("I saw Dr Patel last week", ("doctor", "Dr Patel")),
        ("I saw Dr. O'Neill last week", ("doctor", "Dr. O'Neill")),
        ("Professor Whitfield did my surgery", ("doctor", "Professor Whitfield")),
        ("Ask Mrs Hughes at the clinic", ("name", "Mrs Hughes")),
    ],
)  # fmt: skip
def test_each_kind_of_personal_detail_is_found_exactly(text, found):
    assert kinds(text) == [found]


@pytest.mark.parametrize(
    "text",
    [
        "My next injection is on 12/05/2026.",
        "It started on 2026-05-12 and again 12.05.2026",
        "I take 2.5 mg twice a day, 10 mg at night",
        "It lasted 3 months and 12 weeks, about 120 units",
        "I asked the Dr. about it",
        "my dr said wait",
        "the Street where I live",
        "I walked 3 miles down the road",
        "Botox every 12 weeks since 2019",
        "between 1,000 and 10,000 people",
        "version 1.2.3.4 of the app",
        "email me at the address in my profile",
        "I miss my old doctor",
    ],
)
def test_near_misses_are_not_personal_details(text):
    assert kinds(text) == []


def test_a_street_named_dr_is_an_address_not_a_doctor():
    assert kinds("We met at 12 Harley Dr Monday") == [("address", "12 Harley Dr")]


def test_the_queue_note_names_the_kinds_never_the_details():
    details = personal.find("Dr Patel, 07700 900123, and Dr Khan")
    assert personal.flag(details) == "personal details: doctor's name, phone number"


def test_highlighting_escapes_what_the_reader_wrote():
    text = "<script>x</script> call 07700 900123 <b>now</b>"
    marked = personal.highlighted(text, personal.find(text))
    assert marked == (
        "&lt;script&gt;x&lt;/script&gt; call "
        '<mark title="phone number">07700 900123</mark> &lt;b&gt;now&lt;/b&gt;'
    )
