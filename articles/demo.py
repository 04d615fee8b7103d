"""Demo content for `manage.py seed_demo`: fictional staff, real facts, our own words.

The people are plainly invented. The facts come from the public sources each
article cites; the sentences are Empower's.
"""

from datetime import date

EDITOR = {
    "username": "pat.example",
    "first_name": "Pat",
    "last_name": "Example",
    "email": "pat.example@empower.example",
}
REVIEWER = {
    "username": "sam.sample",
    "first_name": "Sam",
    "last_name": "Sample",
    "email": "sam.sample@empower.example",
}
REVIEWER_PROFILE = {"display_name": "Sam Sample", "credentials": "RN"}
WRITER = {
    "username": "lee.placeholder",
    "first_name": "Lee",
    "last_name": "Placeholder",
    "email": "lee.placeholder@empower.example",
}

NINDS = "National Institute of Neurological Disorders and Stroke"
UMMC = "University of Maryland Medical Center"
MAYFIELD = "Mayfield Clinic"
ACCESSED_2011 = date(2011, 12, 5)
ACCESSED_2026 = date(2026, 10, 2)

CONDITIONS = [
    {
        "name": "Hemifacial spasm",
        "slug": "hemifacial-spasm",
        "summary": "Twitching that comes and goes on one side of the face, usually starting around the eye.",
        "overview": """Hemifacial spasm makes the muscles on one side of the face tighten
on their own, again and again. It is not painful, but it can be tiring and
it can make people self-conscious. It is uncommon, and more women than men
have it.

This guide explains what causes the spasms, how they usually progress, and
which treatments help.""",
    },
    {
        "name": "Trigeminal neuralgia",
        "slug": "trigeminal-neuralgia",
        "summary": "Sudden attacks of severe, shock-like pain in the face, along the trigeminal nerve.",
        "overview": """Trigeminal neuralgia causes short bursts of intense facial pain,
often set off by everyday things such as chewing, talking or a light touch.
It is more common in women and in people over 50.

This guide covers the symptoms, what is happening in the nerve, and the
medicines and procedures that can bring relief.""",
    },
    {
        "name": "Bell's palsy",
        "slug": "bells-palsy",
        "summary": "Weakness or drooping on one side of the face that comes on over a day or two.",
        "overview": """Bell's palsy is a sudden weakness of the muscles on one side of the
face. It happens when the facial nerve becomes inflamed. Most people get
better on their own over weeks to months.

**Sudden weakness of the face can also be a sign of stroke. If it comes with
weakness of an arm or leg, trouble speaking or confusion, call your local
emergency number straight away.**""",
    },
    {
        "name": "Migraine",
        "slug": "migraine",
        "summary": "Repeated headaches, often throbbing and one-sided, that can come with nausea and sensitivity to light.",
        "overview": """Migraine is a common brain condition that causes repeated attacks of
headache and other symptoms. Women have migraine about three times as often
as men, and hormonal changes can play a part.""",
    },
]

ARTICLES = [
    {
        "condition": "hemifacial-spasm",
        "slug": "what-is-hemifacial-spasm",
        "days_ago": 30,
        "title": "What is hemifacial spasm?",
        "summary": "Hemifacial spasm causes repeated, involuntary tightening of the muscles on one side of the face. Here is why it happens and how it usually progresses.",
        "body": """Someone with hemifacial spasm has muscles on one side of the face that
contract by themselves. The contractions happen often, and they are not under
the person's control.

## How common is it?

It is a rare nerve and muscle disorder. Figures from the Mayfield Clinic put
it at roughly 8 people in every 100,000 in the United States. Women are more
likely to have it: the University of Maryland Medical Center gives a figure of
about 15 in every 100,000 women. Symptoms usually begin when people are in
their forties.

## What causes it?

The spasms come from the **facial nerve**, the seventh cranial nerve, which
carries signals from the brain to the muscles of the face. In hemifacial
spasm the nerve sends signals it should not, and the muscles respond by
tightening.

Several things can disturb the facial nerve in this way:

- pressure on the nerve from a blood vessel, which the Mayfield Clinic
  describes as the most common cause (usually the anterior inferior
  cerebellar artery);
- earlier damage to the nerve, for example from Bell's palsy or an injury;
- more rarely, a tumour.

Sometimes no cause can be found.

## What does it feel like?

Hemifacial spasm does not hurt. That is one way doctors tell it apart from
trigeminal neuralgia, a related condition of the fifth cranial nerve, which
causes facial pain.

The first sign is often an eyelid that twitches now and then. Over time the
twitching can become strong enough to close the eye.

In most people (about 92 in 100) the spasms then spread down the face. In the
rest, they begin near the chin and move upwards. When the muscles around the
mouth are involved, the mouth can be pulled to one side. Later, all the
muscles on one side of the face may tighten at once.

## Why it matters

Frequent spasms can get in the way of seeing clearly and of showing
expressions, and many people find them embarrassing. If you notice twitching
that keeps coming back on one side of your face, ask your doctor about it.
Effective treatments exist.
""",
        "references": [
            {"source": UMMC, "title": "Hemifacial Spasm", "accessed_on": ACCESSED_2011},
            {
                "source": NINDS,
                "title": "Hemifacial Spasm Information Page",
                "url": "https://www.ninds.nih.gov/health-information/disorders/hemifacial-spasm",
                "accessed_on": ACCESSED_2011,
            },
            {"source": MAYFIELD, "title": "Hemifacial Spasm", "accessed_on": ACCESSED_2011},
            {
                "source": "University of Florida Department of Neurosurgery",
                "title": "Hemifacial Spasm",
                "accessed_on": ACCESSED_2011,
            },
        ],
        "ratings": [5, 4, 5, 4, 4, 5, 3],
    },
    {
        "condition": "hemifacial-spasm",
        "slug": "treating-hemifacial-spasm",
        "days_ago": 12,
        "title": "Treatment options for hemifacial spasm",
        "summary": "Injections that relax the muscles help most people with hemifacial spasm; surgery to move a blood vessel off the nerve can stop the spasms for good.",
        "body": """Hemifacial spasm rarely goes away by itself, but treatment can calm the
spasms or stop them.

## Injections of botulinum toxin

Small doses of botulinum toxin injected into the affected muscles relax them
for a few months at a time. This is the treatment most people try first. The
injections are repeated when the effect wears off, usually every three to
four months.

Side effects are usually mild and short-lived, such as a drooping eyelid or
dry eye on the treated side.

## Surgery: microvascular decompression

When a blood vessel is pressing on the facial nerve, a neurosurgeon can move
it away and place a small cushion between the vessel and the nerve. For many
people this stops the spasms completely.

It is brain surgery under general anaesthetic, so it carries real risks,
including hearing loss on that side. Talk these through with your surgeon.

## Medicines by mouth

Some medicines that calm nerve or muscle activity are tried in mild cases.
They help fewer people than injections.

## Questions to ask your doctor

- What is causing my spasms?
- Would I benefit from an MRI scan?
- How long does each round of injections last?
- Am I someone for whom surgery makes sense?
""",
        "references": [
            {
                "source": NINDS,
                "title": "Hemifacial Spasm",
                "url": "https://www.ninds.nih.gov/health-information/disorders/hemifacial-spasm",
                "accessed_on": ACCESSED_2026,
            },
            {"source": MAYFIELD, "title": "Hemifacial Spasm", "accessed_on": ACCESSED_2026},
        ],
        "ratings": [4, 4, 5],
    },
    {
        "condition": "trigeminal-neuralgia",
        "slug": "what-is-trigeminal-neuralgia",
        "days_ago": 45,
        "title": "What is trigeminal neuralgia?",
        "summary": "Trigeminal neuralgia causes brief attacks of severe facial pain. Learn what sets off attacks, why they happen and how they are treated.",
        "body": """Trigeminal neuralgia is a condition of the **trigeminal nerve**, the fifth
cranial nerve, which carries feeling from the face to the brain. It causes
sudden attacks of intense pain, often described as an electric shock or a
stab, in the cheek, jaw, teeth, gums or lips.

## What sets off an attack?

Attacks can be set off by ordinary things:

- touching the face, shaving or putting on make-up;
- chewing, talking or brushing the teeth;
- a breeze or cold air on the face.

Each attack usually lasts from a few seconds to about two minutes. Attacks can
come in clusters, with pain-free weeks or months in between.

## Who gets it?

It is more common in women than in men, and it usually starts after the age
of 50.

## Why does it happen?

Most often a blood vessel presses on the trigeminal nerve near the brainstem
and wears away its protective coating. Multiple sclerosis, which also damages
that coating, and, rarely, a tumour can cause it too.

## Treatment

- **Medicines.** Anticonvulsant medicines, which calm overactive nerves, are
  usually the first treatment, and they help many people.
- **Procedures and surgery.** If medicines stop working or cause too many
  side effects, options include microvascular decompression (moving the
  blood vessel away from the nerve) and treatments that deliberately damage
  part of the nerve to block pain.

Facial pain that keeps coming back deserves a doctor's attention: the sooner
it is diagnosed, the sooner it can be controlled.
""",
        "references": [
            {
                "source": NINDS,
                "title": "Trigeminal Neuralgia",
                "url": "https://www.ninds.nih.gov/health-information/disorders/trigeminal-neuralgia",
                "accessed_on": ACCESSED_2026,
            },
            {"source": MAYFIELD, "title": "Trigeminal Neuralgia", "accessed_on": ACCESSED_2026},
        ],
        "ratings": [5, 5, 4, 4],
    },
    {
        "condition": "trigeminal-neuralgia",
        "slug": "living-with-trigeminal-neuralgia",
        "days_ago": 8,
        "title": "Everyday tips for living with trigeminal neuralgia",
        "summary": "Small changes to eating, washing and going outdoors can mean fewer attacks of trigeminal neuralgia pain.",
        "body": """Alongside treatment from your doctor, many people find that small changes
to daily routines reduce how often attacks happen.

## Eating and drinking

- Choose soft foods that need little chewing during a bad spell.
- Drink through a straw to avoid touching painful areas.
- Food and drinks at room temperature are often easier than very hot or cold ones.

## Washing and grooming

- Use lukewarm water and pat the face dry.
- A soft-bristled toothbrush, or rinsing with lukewarm water, can help when brushing is hard.

## Out and about

- A scarf or high collar protects the face from wind and cold air.
- Keep a simple diary of attacks and what came before them, to spot your own triggers.

## Looking after your mood

Pain that strikes without warning is exhausting, and it is common to feel low
or anxious. Tell your doctor or nurse how you are coping: support is part of
treatment.
""",
        "references": [
            {
                "source": NINDS,
                "title": "Trigeminal Neuralgia",
                "url": "https://www.ninds.nih.gov/health-information/disorders/trigeminal-neuralgia",
                "accessed_on": ACCESSED_2026,
            },
        ],
        "ratings": [],
    },
    {
        "condition": "bells-palsy",
        "slug": "what-is-bells-palsy",
        # Reviewed over a year ago: shows the "review update pending" banner.
        "days_ago": 400,
        "title": "Bell's palsy: sudden weakness on one side of the face",
        "summary": "Bell's palsy weakens the muscles on one side of the face. Most people recover, and early treatment can help.",
        "body": """Bell's palsy is a weakness or paralysis of the muscles on one side of the
face. It happens when the **facial nerve**, the seventh cranial nerve, becomes
swollen and inflamed. A viral infection is thought to be the trigger in many
cases.

## Symptoms

Symptoms come on quickly, over hours to a couple of days:

- drooping of the mouth or eyelid on one side;
- trouble closing the eye or smiling on that side;
- drooling, or changes in taste;
- pain around the ear, or sounds seeming louder on that side.

**Facial weakness can also be a sign of stroke.** Call your local emergency
number if it comes with weakness in an arm or leg, trouble speaking, or
confusion.

## Treatment

A doctor may prescribe a short course of steroid medicine, which works best
when started within about three days of the first symptoms. Protecting the
eye matters too: if it does not close fully, eye drops during the day and an
ointment or eye patch at night keep it from drying out.

## Recovery

Most people start to improve within a few weeks, and most recover completely
within about six months. A few are left with some weakness. Bell's palsy can
also be a cause of hemifacial spasm later on.
""",
        "references": [
            {
                "source": NINDS,
                "title": "Bell's Palsy",
                "url": "https://www.ninds.nih.gov/health-information/disorders/bells-palsy",
                "accessed_on": ACCESSED_2026,
            },
        ],
        "ratings": [5, 4],
    },
]

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
