"""Demo content: Cervical dystonia. Facts from the references listed; the words are Empower's."""

from datetime import date

CONDITION = {
    "name": "Cervical dystonia",
    "slug": "cervical-dystonia",
    "summary": (
        "Neck muscles tighten or spasm on their own, turning, tilting or jerking the head. "
        "It is often painful, and treatment helps most people."
    ),
    "aliases": [
        "spasmodic torticollis",
        "wry neck",
        "torticollis",
        "neck dystonia",
        "twisted neck",
    ],
}

GUIDE = {
    "title": "Cervical dystonia",
    "summary": (
        "Cervical dystonia makes the neck muscles pull the head into twisted or tilted "
        "positions. Learn the symptoms, causes and treatments, and when to get urgent help."
    ),
    "key_points": [
        "Cervical dystonia makes neck muscles tighten on their own, twisting, tilting or jerking the head.",
        "It is the most common type of dystonia that affects one part of the body, and it usually starts in adults.",
        "Botulinum toxin injections are the main treatment and help most people.",
        "Many people find that a light touch to the chin or face briefly eases the pull.",
        "Symptoms usually build over the first few years and then level off.",
    ],
    "body": """## Overview

Cervical dystonia, also called spasmodic torticollis, is a movement disorder. Muscles in
the neck tighten without you meaning them to. They pull the head into a twisted or tilted
position, or make it jerk or shake.

It is the most common form of **focal dystonia**, which means dystonia that affects one
part of the body. It can start at any age, but it most often begins between about 30 and
60. Women get it more often than men.

Cervical dystonia is not life-threatening, but pain and an awkward head position can make
daily life hard. There is no cure yet. Still, treatment works well for most people, and
many lead full, active lives.

## Symptoms

Cervical dystonia usually starts slowly. At first you may just notice a stiff neck or a
head that drifts to one side. Symptoms often get worse over the first few years, then
tend to level off.

Common signs include:

- the chin turning toward one shoulder, which is the most common pattern
- the head tilting, with one ear pulled toward the shoulder
- the head pulled forward or backward
- one shoulder raised higher than the other
- jerky head movements or a head tremor
- pain in the neck and shoulders, sometimes with headaches

Most people have some neck pain, and for some it is the hardest part of the condition.

Symptoms are often worse when you are stressed, tired or walking. They tend to ease when
you lie down or relax, and they stop during sleep. Many people find that lightly touching
the chin, cheek or back of the head helps the head sit straighter for a while. This is
called a **sensory trick**.

## Causes

Dystonia comes from a problem in how the brain controls movement. Areas deep in the brain
that help plan and smooth out movements send the wrong signals, so some neck muscles work
too hard. The muscles themselves are healthy.

In most people, no single cause is found. Things that may play a part include:

- **genes**: some people have a relative with dystonia or tremor, and several genes have
  been linked to cervical dystonia
- **injury** to the head, neck or shoulder, in some cases
- **certain medicines**, mainly some antipsychotic and anti-nausea drugs that block
  dopamine, a brain chemical
- **other conditions**, rarely, such as Parkinson's disease

Stress does not cause cervical dystonia, but it can make symptoms worse.

## Diagnosis

A neurologist usually makes the diagnosis, often one who specializes in movement
disorders. They will ask about your symptoms and watch how your head and neck move,
including what makes the pulling better or worse.

No blood test or scan can prove cervical dystonia. Your doctor may order blood tests, an
MRI scan or neck X-rays to rule out other causes. Sometimes a test of muscle activity
called electromyography (EMG) is used. Genetic testing may be offered if symptoms started
young or dystonia runs in your family.

Because it starts slowly, cervical dystonia is often mistaken at first for a stiff neck,
arthritis or stress. A short phone video of your neck on a bad day can help your doctor.

## Treatment

Treatment aims to ease pain, improve the position of your head and help you do the
things that matter to you.

- **Botulinum toxin injections.** This is the first choice for most people. Botulinum
  toxin (Botox) relaxes the overactive muscles. It starts to work within
  about one to two weeks, and the effect lasts about three months, so injections are
  repeated.
- **Medicines by mouth.** Trihexyphenidyl, clonazepam and baclofen can help some people.
  Side effects such as drowsiness, dry mouth or memory problems can limit them,
  especially in older adults.
- **Physical therapy.** Stretching, strengthening and posture training can ease pain and
  work well alongside injections.
- **Surgery.** For severe symptoms that other treatments don't help, **deep brain
  stimulation (DBS)** may be an option. Thin wires placed in the brain send small
  electrical pulses from a device under the skin of the chest. A less common operation
  cuts the nerves to the overactive muscles.

## Living with it

Living with a visible condition can be tiring. Some people feel self-conscious, and
depression and anxiety are common in people with cervical dystonia. These are treatable,
so tell your doctor if your mood is low or you feel worried much of the time.

A few things help many people:

- regular, gentle activity and stretches your physical therapist has shown you
- heat packs or a warm shower for sore muscles
- a supportive pillow, and rest breaks during the day
- ways to manage stress, such as breathing exercises or relaxation recordings
- support groups, in person or online, run by dystonia charities

A small number of people find their symptoms fade on their own, usually in the first few
years. This is uncommon, and symptoms often come back later.

## When to see a doctor

See a doctor if your neck keeps pulling, twisting or shaking, or if neck pain doesn't
settle. Ask whether a referral to a neurologist would help.

**Call emergency services at once if:**

- you have trouble breathing or swallowing after botulinum toxin injections (this can
  start hours to weeks later)
- sudden neck twisting or spasms of the jaw, tongue or eyes come with any trouble
  breathing or swallowing, especially after starting a new medicine
- you have sudden weakness or numbness in the face, arm or leg, slurred speech or
  confusion, which can be signs of a stroke

**Get medical help the same day if:**

- sudden neck twisting starts soon after you begin a new medicine, even without other
  symptoms
- you have a stiff neck with a fever, a severe headache or a dislike of bright light
- you have neck pain after a fall or an injury
- you notice new weakness, numbness or tingling in your arms, or lose control of your
  bladder or bowels
""",
    "references": [
        {
            "source": "National Institute of Neurological Disorders and Stroke",
            "title": "Dystonia",
            "url": "https://www.ninds.nih.gov/health-information/disorders/dystonia",
            "accessed_on": date(2026, 10, 12),
        },
        {
            "source": "NHS",
            "title": "Dystonia",
            "url": "https://www.nhs.uk/conditions/dystonia/",
            "accessed_on": date(2026, 10, 12),
        },
        {
            "source": "Mayo Clinic",
            "title": "Cervical dystonia",
            "accessed_on": date(2026, 10, 13),
        },
        {
            "source": "Dystonia Medical Research Foundation",
            "title": "Cervical Dystonia",
            "accessed_on": date(2026, 10, 13),
        },
    ],
}

ARTICLES = [
    {
        "slug": "botulinum-toxin-injections-for-cervical-dystonia",
        "title": "Botulinum toxin injections for cervical dystonia: what to expect",
        "summary": (
            "Botulinum toxin injections are the main treatment for cervical dystonia. Learn "
            "how they work, what happens at an appointment, common side effects and when to call."
        ),
        "key_points": [
            "Botulinum toxin relaxes the overactive neck muscles that pull your head out of place.",
            "It usually starts to work within one to two weeks and lasts about three months.",
            "The dose and muscles are adjusted over the first few visits, so be patient.",
            "Trouble breathing or swallowing after an injection needs emergency help.",
        ],
        "body": """## How the injections work

Botulinum toxin is a purified medicine made from a protein produced by bacteria. Injected
in tiny doses, it blocks the signals from nerves to the muscles it reaches. The
overactive muscles relax, so they pull less on your head and neck.

Several brands of botulinum toxin are used for cervical dystonia. They are not
interchangeable dose for dose, so your doctor will usually keep you on the same one
unless there is a reason to switch.

Most people get a useful benefit, with less pain and a better head position. The
injections don't cure the condition, but they can make a big difference to daily life.

## At your appointment

Your doctor will watch how your head moves, feel your neck muscles and ask which
positions and activities are hardest. They then choose which muscles to inject and how
much to use in each.

Many doctors use a small device to guide the needle, such as electromyography (EMG),
which listens to muscle activity, or an ultrasound scan. Each injection feels like a
quick sting, and several small injections are usually given. The visit often takes less
than half an hour, and most people go home straight afterward.

## After the injection

You may not notice much for the first few days. Benefits usually start within about one
to two weeks and build to their best after a few weeks. The effect then wears off slowly,
usually around three months after the injection.

Injections are usually repeated about every three months. They are not normally given
more often than that, because closer doses may raise the chance of your body making
antibodies that stop the medicine working.

The first few cycles are a chance to find what works for you. Your doctor may adjust the
dose or the muscles chosen at each visit, so it can take a few rounds to get the best
result.

## Side effects to know about

Side effects are usually mild and wear off within a few weeks. They can include:

- soreness, redness or bruising where the needle went in
- mild trouble swallowing, especially with dry or chunky food
- neck weakness, or a heavy feeling in the head
- a dry mouth or a change in your voice
- tiredness or a brief flu-like feeling

If swallowing is harder, choose softer foods and take small bites until it settles. Tell
your doctor about any side effects at your next visit, as a change in dose often helps.

**Call emergency services at once** if you have trouble breathing, trouble swallowing
that stops you eating or drinking, or new weakness that spreads beyond your neck. These
are rare but can happen hours to weeks after an injection.

## Making the most of each cycle

Keeping a simple diary helps your doctor fine-tune your treatment. Note:

- the date of each injection
- when you first noticed a benefit, and when it began to wear off
- your pain on a scale of 0 to 10 each week
- any side effects, and how long they lasted

If the injections seem to help less than before, tell your doctor. They may change the
dose, target different muscles or try another type of botulinum toxin.
""",
        "references": [
            {
                "source": "American Academy of Neurology",
                "title": (
                    "Practice guideline update summary: Botulinum neurotoxin for the treatment "
                    "of blepharospasm, cervical dystonia, adult spasticity, and headache"
                ),
                "accessed_on": date(2026, 9, 8),
            },
            {
                "source": "National Institute of Neurological Disorders and Stroke",
                "title": "Dystonia",
                "url": "https://www.ninds.nih.gov/health-information/disorders/dystonia",
                "accessed_on": date(2026, 9, 8),
            },
            {
                "source": "Dystonia Medical Research Foundation",
                "title": "Cervical Dystonia",
                "accessed_on": date(2026, 9, 9),
            },
        ],
        "days_ago": 64,
        "ratings": [5, 4, 5, 5, 4, 4, 3, 5],
        "comments": [
            {
                "author_name": "Marco",
                "body": (
                    "My first round barely helped and I nearly gave up. By the third round my "
                    "doctor had found the right muscles and the pain is so much better."
                ),
                "days_ago": 40,
            },
            {
                "author_name": "Ellie",
                "body": (
                    "The diary tip is a good one. I started rating my pain each week and it "
                    "made my appointments much easier."
                ),
                "days_ago": 21,
            },
        ],
    },
    {
        "slug": "sensory-tricks-for-cervical-dystonia",
        "title": "Sensory tricks: why a light touch can ease cervical dystonia",
        "summary": (
            "Many people with cervical dystonia find that a light touch to the face or head "
            "straightens the neck for a while. Here is what sensory tricks are and how to use them."
        ),
        "key_points": [
            "A sensory trick is a light touch or movement that briefly eases dystonia.",
            "Most people with cervical dystonia have at least one trick that helps.",
            "Tricks work best with a light touch, not by pushing the head into place.",
            "Tricks often fade in strength over time, so they work best alongside treatment.",
        ],
        "body": """## What is a sensory trick?

A sensory trick is a light touch or small movement that eases dystonia for a while.
Doctors sometimes use the French name, *geste antagoniste*. For many people with cervical
dystonia, resting a fingertip on the chin is enough to let the head turn back toward the
middle.

Most people with cervical dystonia have at least one trick that helps, though many
don't realize it until someone asks. Your neurologist may ask you to show them any trick
you use, because it can help confirm the diagnosis.

## Common tricks

The touch is usually light, and the best spot differs from person to person. People
report success with:

- resting a finger or hand on the chin, cheek or jaw
- touching the back of the head or neck
- leaning the back of the head against a high chair or car headrest
- resting the chin on a hand, with the elbow on a table
- wearing a hat, scarf or collar that touches the neck
- touching the top of the head

Some people find that even raising a hand toward the face, without touching it, eases the
pull a little.

## Why tricks work

No one knows for sure. The best explanation is that the touch sends a new message to the
brain. This seems to help it reset the faulty signals that drive the spasms, at least for
a short time.

What matters most is that a trick is a light touch, not a push. If you find yourself
pressing hard to hold your head in place, that is not a sensory trick, and it can strain
your arm and shoulder.

## Making tricks part of your day

Tricks are free, you can use them anywhere, and they have no side effects. To make the
most of them:

- **Experiment.** Try touching different spots, and notice which ones help.
- **Plan ahead.** Use your trick in situations that are usually hard, such as standing
  in a line, reading or talking with someone.
- **Set up your space.** A high-backed chair or a headrest can act as a trick without you
  needing to use your hands.
- **Be discreet if you want to.** Resting your chin on your hand looks natural in most
  settings.
- **Share them.** Telling family and close friends about your trick helps them
  understand why you often touch your face, and they may notice new tricks that help.

## When tricks are not enough

Tricks usually give short-term relief, often lasting only as long as the touch. They may
also work less well as time goes on. They are a helpful extra, not a replacement for
treatment.

If you rely on a trick all day, or it no longer helps, talk to your doctor. Botulinum toxin
injections, physical therapy and other treatments can ease symptoms for longer. A physical
therapist can also help you build your tricks into posture and movement exercises.
""",
        "references": [
            {
                "source": "Dystonia Medical Research Foundation",
                "title": "Cervical Dystonia",
                "accessed_on": date(2026, 10, 20),
            },
            {
                "source": "MedlinePlus",
                "title": "Dystonia",
                "url": "https://medlineplus.gov/dystonia.html",
                "accessed_on": date(2026, 10, 20),
            },
            {
                "source": "Dystonia UK",
                "title": "Cervical dystonia",
                "accessed_on": date(2026, 10, 21),
            },
        ],
        "days_ago": 27,
        "ratings": [5, 5, 4],
        "comments": [
            {
                "author_name": "Bernie",
                "body": (
                    "Mine is touching the back of my head. I never thought of the car headrest "
                    "as a trick, but now I see why driving is easier for me than walking."
                ),
                "days_ago": 11,
            },
        ],
    },
    {
        "slug": "working-with-cervical-dystonia",
        "title": "Working with cervical dystonia: tips for your workday",
        "summary": (
            "Neck pain, spasms and tiredness can make a workday hard. Simple changes to your "
            "workspace and routine, and support from your employer, can help you keep working."
        ),
        "key_points": [
            "Many people with cervical dystonia keep working with a few changes to their routine.",
            "Placing screens and tasks where your head rests most easily cuts down on strain.",
            "Short, regular breaks help more than pushing through pain and fatigue.",
            "Check with your doctor before driving if turning your head is hard.",
        ],
        "body": """## Talking to your employer

You don't have to tell your employer about your condition, but many people find it
helps. It gives you a chance to explain what cervical dystonia is and what would make
work easier. In many countries, laws require employers to make reasonable changes for
people with a long-term health condition.

Changes that people often ask for include:

- time off for injection appointments every few months
- flexible hours, or working from home on some days
- a different desk, chair or screen setup
- less time on tasks that make symptoms worse, such as long phone calls or driving

A letter from your doctor, or advice from an occupational health service, can support
your request.

## Setting up your workspace

Small changes can take a lot of strain off your neck.

- **Screens.** Place your screen where your head naturally rests, even if that is a
  little off center. If your head turns to the left, try moving the screen slightly left.
- **Chair.** A chair with a high back or headrest supports your head and can act as a
  sensory trick.
- **Phone.** Use a headset or speakerphone instead of holding a phone between your ear
  and shoulder.
- **Documents.** Use a document holder next to your screen so you don't keep looking down.
- **Voice tools.** Speech-to-text software can cut down on time spent looking at a
  keyboard.

An occupational therapist can look at how you work and suggest changes that fit your
pattern of symptoms.

## Managing pain and fatigue

Cervical dystonia can be tiring, and working muscles that never fully relax can leave you
drained by the end of the day.

- Take a short break every 30 to 60 minutes to stand, stretch or rest your head.
- Plan demanding tasks for the time of day when you feel best.
- Keep a heat pack at work for sore muscles.
- Use a quiet space for a few minutes of slow breathing when stress makes spasms worse.

Some people notice their symptoms are harder to manage in the weeks before their next
injection is due. If that happens, it may help to plan lighter work around that time.

## Commuting and driving

Cervical dystonia can make it hard to turn your head, check mirrors or look over your
shoulder. Talk to your doctor about whether it is safe for you to drive. In some
countries, you must tell the driving licensing authority about conditions that affect
driving.

If you do drive:

- adjust your mirrors carefully, and consider wide-angle or blind-spot mirrors
- use the headrest, which can help steady your head
- plan routes that avoid complicated intersections if turning your head is hard

Public transport can also be tiring if you have to stand. Many transit services offer
priority seating, and a quiet word with staff can help.

## Looking after yourself

Work can be a source of stress, and stress can make symptoms worse. If work is becoming
too hard, or you feel low or anxious, talk to your doctor. Dystonia charities offer
advice about work and can put you in touch with others who have faced the same
questions.
""",
        "references": [
            {
                "source": "Dystonia UK",
                "title": "Cervical dystonia",
                "accessed_on": date(2026, 11, 10),
            },
            {
                "source": "NHS",
                "title": "Dystonia",
                "url": "https://www.nhs.uk/conditions/dystonia/",
                "accessed_on": date(2026, 11, 10),
            },
            {
                "source": "National Institute of Neurological Disorders and Stroke",
                "title": "Dystonia",
                "url": "https://www.ninds.nih.gov/health-information/disorders/dystonia",
                "accessed_on": date(2026, 11, 11),
            },
        ],
        "days_ago": 6,
        "ratings": [],
        "comments": [],
    },
]

QUESTIONS = [
    {
        "title": "Why does my neck pull more when I'm walking?",
        "body": (
            "My head turns to the right much more when I'm walking than when I'm sitting "
            "down. Is that common with cervical dystonia?"
        ),
        "author_name": "Bea",
        "days_ago": 19,
        "answers": [
            {
                "author_name": "Leo",
                "body": (
                    "Same for me. Resting a finger lightly on my chin helps a lot when I'm out "
                    "walking."
                ),
                "votes": 5,
            },
            {
                "author_name": "Kim",
                "body": "Mine is worse when I'm tired or stressed too, not just when walking.",
                "votes": 2,
            },
        ],
        "expert": (
            "Yes, many people with cervical dystonia find their symptoms are stronger when "
            "walking, standing, tired or stressed, and milder when lying down or relaxed. "
            "Noting when it's worse is useful for your neurologist, who may use it to plan "
            "which muscles to treat. A physical therapist can also suggest posture and walking "
            "strategies. Please see your doctor soon if your symptoms are changing quickly or "
            "spreading to other parts of your body, or if you have new weakness, numbness or "
            "trouble swallowing."
        ),
    },
    {
        "title": "Any tips for getting comfortable in bed with cervical dystonia?",
        "body": (
            "My spasms stop once I'm asleep, but neck pain makes it hard to get comfortable "
            "enough to drop off. What pillows or positions have helped you?"
        ),
        "author_name": "Nina",
        "days_ago": 88,
        "answers": [
            {
                "author_name": "Omar",
                "body": (
                    "A memory foam pillow with a dip in the middle helped me, plus a warm pack "
                    "on my shoulders for ten minutes before bed."
                ),
                "votes": 4,
            },
            {
                "author_name": "Tess",
                "body": (
                    "I sleep on my side facing the way my head likes to turn, with a small "
                    "rolled towel under my neck. It took a while to find, but it works."
                ),
                "votes": 3,
            },
        ],
        "expert": None,
    },
]
