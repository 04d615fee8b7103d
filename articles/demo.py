"""Demo content for `manage.py seed_demo`: a site a visitor could believe.

The people are fictional. The facts come from the public sources each article
cites; the sentences are Empower's. Each condition's guide, articles, questions
and comments live in a module of `articles/demo_content/`.
"""

from datetime import date
from importlib import import_module

CONTENT_MODULES = [
    "hemifacial_spasm",
    "blepharospasm",
    "trigeminal_neuralgia",
    "cluster_headache",
    "bells_palsy",
    "cervical_dystonia",
    "migraine",
    "essential_tremor",
]


def content():
    """Each condition's module: CONDITION, GUIDE, ARTICLES and QUESTIONS."""
    return [import_module(f"articles.demo_content.{name}") for name in CONTENT_MODULES]


# Fictional staff. Passwords are made when they are created and printed once.
EDITOR = {
    "username": "maya.okafor",
    "first_name": "Maya",
    "last_name": "Okafor",
    "email": "maya.okafor@empower.example",
}
WRITER = {
    "username": "daniel.reyes",
    "first_name": "Daniel",
    "last_name": "Reyes",
    "email": "daniel.reyes@empower.example",
}
REVIEWERS = [
    {
        "username": "grace.lindqvist",
        "first_name": "Grace",
        "last_name": "Lindqvist",
        "email": "grace.lindqvist@empower.example",
    },
    {
        "username": "tomas.alvarez",
        "first_name": "Tomás",
        "last_name": "Alvarez",
        "email": "tomas.alvarez@empower.example",
    },
]
PROFILES = {
    "maya.okafor": {
        "display_name": "Maya Okafor",
        "job_title": "Health editor",
        "credentials": "",
        "bio": (
            "Maya has edited health information for patients for eleven years, first for a "
            "hospital trust and now for Empower. She makes sure every article answers the "
            "questions readers actually ask, in words they use."
        ),
    },
    "daniel.reyes": {
        "display_name": "Daniel Reyes",
        "job_title": "Health writer",
        "credentials": "",
        "bio": (
            "Daniel writes Empower's articles about living with long-term conditions. Before "
            "joining us he reported on science and medicine for a regional newspaper."
        ),
    },
    "grace.lindqvist": {
        "display_name": "Grace Lindqvist",
        "job_title": "Nurse reviewer, neurology",
        "credentials": "RN",
        "bio": (
            "Grace is a registered nurse with fourteen years in neurology outpatient clinics, "
            "where she runs botulinum toxin injection sessions for facial and neck dystonias. "
            "She reviews our articles on movement disorders and facial nerve conditions."
        ),
    },
    "tomas.alvarez": {
        "display_name": "Tomás Alvarez",
        "job_title": "Nurse reviewer, headache and pain",
        "credentials": "RN",
        "bio": (
            "Tomás is a registered nurse who has worked in a headache and facial pain service "
            "for nine years, helping people plan treatment and manage attacks at home. He "
            "reviews our articles on migraine, cluster headache and nerve pain."
        ),
    },
}
# Who reviews which condition: the nurse whose field it is.
REVIEWER_OF = {
    "hemifacial-spasm": "grace.lindqvist",
    "blepharospasm": "grace.lindqvist",
    "bells-palsy": "grace.lindqvist",
    "cervical-dystonia": "grace.lindqvist",
    "essential-tremor": "grace.lindqvist",
    "trigeminal-neuralgia": "tomas.alvarez",
    "cluster-headache": "tomas.alvarez",
    "migraine": "tomas.alvarez",
}
# One article whose yearly review has run out, to show readers and nurses what that looks like.
OVERDUE = "eye-twitch-or-hemifacial-spasm"

NINDS = "National Institute of Neurological Disorders and Stroke"
MAYFIELD = "Mayfield Clinic"
ACCESSED_2026 = date(2026, 10, 2)

# Articles at each other stage of the workflow, for the admin's dashboards.

# Articles still in the editorial workflow, so a new user sees each state.
WORKFLOW_ARTICLES = [
    {
        "condition": "migraine",
        "slug": "what-is-migraine",
        "state": "in_review",
        "title": "What is migraine?",
        "summary": "Migraine is more than a bad headache. Learn the common symptoms, the phases of an attack and when to see a doctor.",
        "body": """Migraine is a common condition that causes attacks of moderate to severe
headache, often on one side of the head and often throbbing.

## Other symptoms

- feeling sick or being sick;
- finding light, sound or smells hard to bear;
- in about one in four people, an "aura" before the headache: flashing lights,
  zigzag lines or tingling.

## See a doctor urgently if

- a headache comes on suddenly and is the worst you have ever had;
- it comes with a stiff neck, fever, confusion or weakness.
""",
        "references": [
            {
                "source": NINDS,
                "title": "Migraine",
                "url": "https://www.ninds.nih.gov/health-information/disorders/migraine",
                "accessed_on": ACCESSED_2026,
            },
        ],
    },
    {
        "condition": "migraine",
        "slug": "migraine-and-hormones",
        "state": "draft",
        "title": "Migraine and hormones",
        "summary": "Why migraine is more common in women, and how periods, pregnancy and menopause can change it.",
        "body": """Many women notice that their migraine attacks follow their menstrual cycle.

*Draft: sections on pregnancy and menopause still to write.*
""",
        "references": [],
    },
    {
        "condition": "bells-palsy",
        "slug": "eye-care-with-bells-palsy",
        "state": "sent_back",
        "note": "Please add when to get urgent help if the eye becomes red or painful, "
        "and cite a source for the advice on taping the eyelid at night.",
        "title": "Looking after your eye with Bell's palsy",
        "summary": "When the eyelid cannot close fully, the eye needs protecting from drying out.",
        "body": """If Bell's palsy stops your eyelid from closing, the surface of the eye can
dry out and become damaged.

- Use lubricating eye drops during the day.
- Use an eye ointment at night, and tape the eyelid closed if your doctor advises it.
- Wear glasses or sunglasses outdoors to keep out wind and dust.
""",
        "references": [],
    },
    {
        "condition": "trigeminal-neuralgia",
        "slug": "surgery-for-trigeminal-neuralgia",
        "state": "approved",
        "title": "Surgery for trigeminal neuralgia",
        "summary": "When medicines no longer control the pain, several kinds of surgery can help. Here is how they differ.",
        "body": """Surgery is considered when medicines stop working or cause side effects that
are hard to live with.

## Microvascular decompression

A surgeon moves the blood vessel that presses on the nerve. It often gives the
longest relief, but it is a major operation.

## Procedures that calm the nerve

Other treatments deliberately damage part of the nerve, with heat, a chemical,
a balloon or focused radiation, so that it stops sending pain signals. They are
less invasive, but the pain is more likely to return and some numbness is common.
""",
        "references": [
            {
                "source": NINDS,
                "title": "Trigeminal Neuralgia",
                "url": "https://www.ninds.nih.gov/health-information/disorders/trigeminal-neuralgia",
                "accessed_on": ACCESSED_2026,
            },
        ],
    },
    {
        "condition": "hemifacial-spasm",
        "slug": "first-neurology-appointment",
        "state": "scheduled",
        "days_ahead": 3,
        "title": "Getting ready for your first neurology appointment",
        "summary": "A short checklist to bring to a first appointment about facial twitching.",
        "body": """A little preparation helps you get the most from a first appointment.

- Note when the twitching started and which muscles it affects.
- If you can, record a short video of a spasm on your phone.
- List your medicines, and any earlier injury or Bell's palsy.
- Write down your questions before you go.
""",
        "references": [],
    },
]


DEMO_RATING_KEY = "demo-seed-{article}-{index}"
