"""Demo content: Essential tremor. Facts from the references listed; the words are Empower's."""

from datetime import date

CONDITION = {
    "name": "Essential tremor",
    "slug": "essential-tremor",
    "summary": (
        "A common nervous system condition that causes rhythmic shaking, most often of the "
        "hands when you use them, and sometimes of the head or voice."
    ),
    "aliases": [
        "shaking hands",
        "benign tremor",
        "familial tremor",
        "benign essential tremor",
        "hand tremor",
    ],
}

GUIDE = {
    "title": "Essential tremor",
    "summary": (
        "Essential tremor causes shaking you can't control, most often in the hands when you "
        "use them. Learn what causes it, how it is diagnosed, which treatments help and when "
        "to get urgent care."
    ),
    "key_points": [
        "Essential tremor is the most common movement disorder, and it becomes more common with age.",
        "The shaking usually shows up when you use your hands, such as when writing or drinking.",
        "It often runs in families and is not the same as Parkinson's disease.",
        "Medicines, botulinum toxin, practical tools and, for severe tremor, brain procedures can help.",
        "Sudden shaking with weakness, confusion or trouble speaking needs emergency help.",
    ],
    "body": """## Overview

Essential tremor is a nervous system condition that makes parts of the body shake in a
steady rhythm that you can't control. It most often affects both hands and arms,
especially when you use them. It can also affect the head and voice, and less often the
legs or body.

It is the most common movement disorder. It affects about 1 in 100 people overall and
becomes more common with age. About 1 in 20 people over 65 have it. It can start at any
age, even in childhood, but it most often begins in midlife or later.

Essential tremor is not life-threatening, and it is not the same as Parkinson's disease.
It usually gets worse slowly over many years. For some people it stays mild. For others
it makes everyday tasks hard. Treatment can help.

## Symptoms

The main symptom is shaking. It usually:

- starts slowly, and may be worse on one side at first
- shows up when you hold your hands out or use them, such as when writing, drinking from
  a cup, eating with a spoon or doing up buttons
- eases or stops when your hands rest in your lap
- affects both hands over time

Other signs can include:

- a head tremor, which can look like nodding "yes" or shaking "no"
- a shaky voice
- mild trouble with balance, such as when walking heel to toe

The tremor often gets worse with stress, tiredness, caffeine, hunger, very hot or cold
weather and some medicines. Many people find it eases for a short time after a small
amount of alcohol. This is not a safe way to treat it. The shaking can come back worse as
the alcohol wears off, and drinking to control it can lead to alcohol problems.

## Causes

The exact cause isn't known. Essential tremor seems to come from changes in the brain
circuits that control movement. These include the cerebellum, the part of the brain that
helps coordinate movement.

Genes play a big part. In about half of people, essential tremor runs in the family. This
is sometimes called familial tremor. A parent with the familial form has about a 50%
chance of passing it on to each child. Researchers have not found one gene that explains
most cases, and some people have no family history at all.

## Diagnosis

No single test confirms essential tremor. A doctor, often a neurologist, makes the
diagnosis by:

- asking about your symptoms, your family history, and your use of caffeine, alcohol and
  medicines
- watching your hands at rest, held out in front of you, and while you do tasks such as
  touching your nose
- asking you to write, draw a spiral or pour water

Blood tests can check for other causes of shaking, such as an overactive thyroid. Many
medicines can cause tremor too, including some asthma inhalers, lithium, some
antidepressants and valproate. A brain scan usually isn't needed. If it's unclear whether
the tremor might be Parkinson's disease, a doctor may suggest a special scan that looks
at the brain's dopamine system.

## Treatment

If the tremor is mild and doesn't bother you, you may not need treatment. When it gets in
the way of daily life, there are several options.

**Medicines.** The two used most often are propranolol, a beta blocker, and primidone, an
anti-seizure medicine. Each helps about half to two-thirds of people. They usually reduce
the shaking rather than stop it. Propranolol may not suit people with asthma or some heart
problems. Primidone can cause sleepiness or dizziness at first, so doctors start with a
low dose. Other medicines, such as topiramate or gabapentin, are sometimes tried.

**Botulinum toxin.** Injections of botulinum toxin (Botox) can help head or voice tremor.
They are used less often for hand tremor because they can weaken the hand.

**Procedures.** For severe tremor that medicines don't control, options include deep
brain stimulation and focused ultrasound. Both target a small area deep in the brain.

**Therapy and tools.** An occupational therapist can show you easier ways to do tasks and
suggest helpful tools, such as weighted utensils and cups with lids. A wrist-worn device
that stimulates nerves may also reduce hand tremor for some people.

## Living with it

- Cut down on caffeine, and notice what else makes your shaking worse.
- Get enough sleep and take breaks, since tiredness can make tremor worse.
- Try relaxation methods. Stress and worry often make the tremor more noticeable.
- Use both hands, or rest your elbow on a table, to steady your movements.
- Choose heavier items, such as weighted pens, cups and utensils.
- Use technology, such as voice typing and accessibility settings on your phone.

Some people feel embarrassed and start avoiding meals out or social events. Telling the
people around you what essential tremor is can ease that pressure. A support group can
help too. If you feel low or anxious, talk with your doctor.

## When to see a doctor

See a doctor if you notice a new tremor, if it is getting worse, or if it makes daily
tasks hard. A doctor can look for other causes and talk with you about treatment. Don't
stop any prescribed medicine without advice.

**Call emergency services right away if:**

- shaking starts suddenly with weakness or numbness on one side, a drooping face, trouble
  speaking or confusion, which can be signs of a stroke
- shaking comes with a fever, confusion, a racing heart or heavy sweating, especially
  after starting a new medicine
- the whole body jerks and the person loses consciousness
- shaking starts after a head injury
""",
    "references": [
        {
            "source": "National Institute of Neurological Disorders and Stroke",
            "title": "Tremor",
            "url": "https://www.ninds.nih.gov/health-information/disorders/tremor",
            "accessed_on": date(2026, 9, 22),
        },
        {
            "source": "Mayo Clinic",
            "title": "Essential tremor - Symptoms and causes",
            "url": "https://www.mayoclinic.org/diseases-conditions/essential-tremor/symptoms-causes/syc-20350534",
            "accessed_on": date(2026, 9, 22),
        },
        {
            "source": "MedlinePlus",
            "title": "Tremor",
            "url": "https://medlineplus.gov/tremor.html",
            "accessed_on": date(2026, 9, 23),
        },
        {
            "source": "MedlinePlus Genetics",
            "title": "Essential tremor",
            "url": "https://medlineplus.gov/genetics/condition/essential-tremor/",
            "accessed_on": date(2026, 9, 23),
        },
        {
            "source": "NHS",
            "title": "Tremor or shaking hands",
            "url": "https://www.nhs.uk/conditions/tremor-or-shaking-hands/",
            "accessed_on": date(2026, 9, 24),
        },
    ],
}

ARTICLES = [
    {
        "slug": "essential-tremor-or-parkinsons",
        "title": "Essential tremor or Parkinson's disease? How they differ",
        "summary": (
            "Shaking hands make many people worry about Parkinson's disease. Most often the "
            "cause is essential tremor. Here are the main differences a doctor looks for."
        ),
        "key_points": [
            "Essential tremor usually shows up when you use your hands; Parkinson's tremor is often worst at rest.",
            "Parkinson's disease also causes slowness and stiffness, which essential tremor does not.",
            "Handwriting tends to become large and shaky with essential tremor, and small and cramped with Parkinson's.",
            "Some people have both conditions, so a doctor's exam is the best way to know.",
        ],
        "body": """## Why they get mixed up

When people notice their hands shaking, many fear Parkinson's disease. In fact, essential
tremor is much more common. Both conditions affect movement, both are more common as
people get older, and both can cause a tremor in the hands. But they are different
conditions, with different causes, outlooks and treatments.

A doctor can usually tell them apart with a careful exam. Knowing the main differences
can help you describe your symptoms clearly.

## When the shaking happens

This is often the biggest clue.

- **Essential tremor** is an action tremor. It appears when you hold your hands out or
  use them, for example when you lift a cup, write or button a shirt. It usually eases
  when your hands are resting.
- **Parkinson's disease** often causes a rest tremor. The shaking is most noticeable when
  the hand is relaxed in your lap or hanging by your side. It often eases when you reach
  for something.

Parkinson's tremor also tends to start in one hand and stay worse on that side for a long
time. Essential tremor usually affects both hands, though one may be worse.

Essential tremor often affects the hands, head and voice. A head tremor that looks like a
"yes-yes" or "no-no" movement is typical of essential tremor and unusual in Parkinson's.

Parkinson's tremor more often affects a hand, a leg, the chin or the lips.

## Other signs

Essential tremor mainly causes shaking. Some people have mild balance problems, but most
have no other major symptoms.

Parkinson's disease causes other problems as well, such as:

- slowness of movement
- stiff muscles
- small, shuffling steps and less arm swing when walking
- a softer voice and less facial expression
- loss of sense of smell, constipation, or acting out dreams in sleep

Handwriting is a useful clue. With essential tremor, writing tends to be large and shaky.
With Parkinson's, it often becomes small and cramped.

## Family history and alcohol

Essential tremor runs in families in about half of cases, so a parent or sibling with
shaking hands is a common story. Parkinson's disease runs in families less often.

Many people with essential tremor notice that a small amount of alcohol eases their
shaking for a while. This is much less typical of Parkinson's. It is a clue for your
doctor, not a treatment, so don't drink to control your tremor.

## Can you have both?

Yes. Some people with essential tremor later develop Parkinson's disease, and their risk
may be a little higher than average. People who have had essential tremor for many years
can also develop some shaking at rest. If your symptoms change, such as new slowness,
stiffness or a shuffling walk, tell your doctor.

## Getting a clear answer

Most of the time, a doctor can tell the two apart by talking with you and examining you.
If it's still unclear, a special scan can show whether the brain's dopamine system is
affected, which happens in Parkinson's but not in essential tremor. How you respond to
treatment can also give clues.
""",
        "references": [
            {
                "source": "Mayo Clinic",
                "title": "Essential tremor - Symptoms and causes",
                "url": "https://www.mayoclinic.org/diseases-conditions/essential-tremor/symptoms-causes/syc-20350534",
                "accessed_on": date(2026, 9, 22),
            },
            {
                "source": "National Institute of Neurological Disorders and Stroke",
                "title": "Parkinson's Disease",
                "url": "https://www.ninds.nih.gov/health-information/disorders/parkinsons-disease",
                "accessed_on": date(2026, 9, 25),
            },
            {
                "source": "National Institute of Neurological Disorders and Stroke",
                "title": "Tremor",
                "url": "https://www.ninds.nih.gov/health-information/disorders/tremor",
                "accessed_on": date(2026, 9, 22),
            },
        ],
        "days_ago": 203,
        "ratings": [5, 5, 4, 5, 5, 4, 4, 5, 3, 5],
        "comments": [
            {
                "author_name": "Glen",
                "body": "I was sure I had Parkinson's. Reading about rest versus action tremor "
                "made me less scared before my appointment, and it turned out to be essential "
                "tremor.",
                "days_ago": 171,
            },
            {
                "author_name": "Ruth",
                "body": "The handwriting tip is spot on. Mine is big and wobbly, just like my "
                "father's was.",
                "days_ago": 88,
            },
        ],
    },
    {
        "slug": "everyday-tips-for-essential-tremor",
        "title": "Everyday tips for eating, writing and dressing with essential tremor",
        "summary": (
            "Small changes and the right tools can make daily tasks easier when your hands "
            "shake. Practical ideas for meals, writing, phones, dressing and grooming."
        ),
        "key_points": [
            "Extra weight and steady support, such as resting your elbows on a table, can calm shaking during tasks.",
            "Cups with lids, weighted utensils and chunky pens are simple tools that help many people.",
            "Voice typing and phone accessibility settings reduce the need for fine finger movements.",
            "An occupational therapist can suggest changes that fit your own home and routine.",
        ],
        "body": """## A few general ideas

Living with a tremor often means finding new ways to do old tasks. These ideas help many
people:

- **Add weight.** Heavier objects shake less. Weighted utensils, pens and cups, or a light
  wrist weight, can steady your hand.
- **Brace yourself.** Rest your elbows on a table or tuck your arm against your body
  while you work.
- **Use both hands.** Holding a cup with two hands is often much steadier than with one.
- **Slow down and plan.** Rushing and stress make shaking worse. Leave extra time for
  tasks that matter.
- **Notice your pattern.** Many people shake less at certain times of day, or after they
  take their medicine. Do the hardest tasks then.

## Eating and drinking

- Fill cups only halfway, or use mugs with lids and a straw.
- Try cups with two handles, or a wide, heavy base.
- Use plates with raised edges, or bowls, so food is easier to scoop.
- Choose heavier or chunkier forks and spoons. Special spoons that steady themselves are
  also available.
- Order finger foods or ask for your food to be cut up when you eat out. You don't need to
  explain unless you want to.

## Writing, phones and computers

- Use a thick, heavy pen, or add a rubber grip. Felt-tip pens need less pressure.
- Print in larger letters, and take short breaks.
- Type instead of writing by hand when you can, or use voice typing.
- Turn on your phone's accessibility settings. Many phones let you ignore repeated taps,
  set how long a touch must last, or control the phone with your voice.
- A keyboard with larger keys, or a trackball mouse, can be easier to use than a standard
  mouse.
- Pay bills online or by card rather than writing checks.

## Dressing and grooming

- Choose clothes with zippers, snaps or hook-and-loop fasteners instead of small buttons.
- Slip-on shoes or elastic laces avoid the need to tie bows.
- A button hook can make shirts easier.
- Sit down to dress, and rest your elbows on a table when doing your hair or makeup.
- An electric razor and an electric toothbrush are safer and easier than manual ones.

## Around the home

- Pour hot drinks with the cup on the counter rather than in your hand, and fill the
  kettle only as much as you need.
- Store heavy items on low, easy-to-reach shelves.
- Replace small switches and knobs with larger ones, or use voice-controlled lights and
  smart plugs.
- Keep a non-slip mat under plates and bowls.

## Getting help from an occupational therapist

An occupational therapist helps people find ways to manage daily tasks. They can watch
how you do things at home or at work and suggest tools and methods that fit you. Ask
your doctor for a referral, especially if your tremor is making you avoid activities you
enjoy.

If shaking is getting in the way of daily life, also talk with your doctor about
treatment. Tools and tips work best alongside the right medical care, and using one
doesn't rule out the other.
""",
        "references": [
            {
                "source": "International Essential Tremor Foundation",
                "title": "International Essential Tremor Foundation",
                "url": "https://essentialtremor.org/",
                "accessed_on": date(2026, 9, 26),
            },
            {
                "source": "NHS",
                "title": "Tremor or shaking hands",
                "url": "https://www.nhs.uk/conditions/tremor-or-shaking-hands/",
                "accessed_on": date(2026, 9, 24),
            },
            {
                "source": "Mayo Clinic",
                "title": "Essential tremor - Diagnosis and treatment",
                "accessed_on": date(2026, 9, 22),
            },
        ],
        "days_ago": 96,
        "ratings": [5, 4, 5, 5, 4, 5],
        "comments": [
            {
                "author_name": "Dot",
                "body": "Lidded travel mugs changed my life. I take one to cafes and nobody "
                "bats an eye.",
                "days_ago": 70,
            },
            {
                "author_name": "Sam",
                "body": "I had no idea my phone could ignore repeated taps. Turned it on today "
                "and texting is so much easier.",
                "days_ago": 12,
            },
        ],
    },
    {
        "slug": "procedures-for-severe-essential-tremor",
        "title": "Deep brain stimulation and focused ultrasound for essential tremor",
        "summary": (
            "When medicines don't control severe tremor, a brain procedure may help. Learn how "
            "deep brain stimulation and focused ultrasound work, and how to weigh them up."
        ),
        "key_points": [
            "Procedures are for tremor that seriously affects daily life and doesn't respond well to medicine.",
            "Deep brain stimulation uses thin wires in the brain and a small device under the skin of the chest.",
            "Focused ultrasound treats a tiny spot deep in the brain without any cuts.",
            "Each has different risks and benefits, so a specialist team helps you choose.",
        ],
        "body": """## Who might consider a procedure

Most people with essential tremor manage with medicine, tools or no treatment at all. A
procedure may be worth talking about if:

- your tremor makes it hard to eat, drink, write, dress or work
- you have tried at least two medicines, at a good dose, without enough relief
- side effects stop you from taking enough medicine

Both main procedures target the thalamus. This is a relay station deep in the brain, and
part of it is involved in the tremor. A team of specialists, usually a neurologist and a
neurosurgeon, will check whether you are a good candidate. They look at your general
health, your memory and thinking, and your brain scans.

## Deep brain stimulation

In deep brain stimulation, or DBS, a surgeon places one or two thin wires in the thalamus
through small openings in the skull. The wires connect to a device, a bit like a
pacemaker, placed under the skin below the collarbone. It sends mild electrical pulses
that calm the tremor.

Some things to know:

- You may be awake for part of the surgery, so the team can check your tremor as they
  work. Some centers do it under general anesthesia.
- The settings can be adjusted over many visits to get the best balance of benefit and
  side effects.
- It can be done on both sides of the brain, to help both hands.
- The device can be turned off, and the wires can be removed.
- The battery needs replacing every few years, unless it is a rechargeable type.

Risks include bleeding in the brain, infection and problems with the hardware. Some people
notice slurred speech, tingling or balance problems, which can often be improved by
changing the settings.

## Focused ultrasound

Focused ultrasound uses many beams of sound waves, aimed through the skull with the help
of an MRI scanner. Where the beams meet, they heat and destroy a very small spot in the
thalamus. There is no cut and nothing is left in the body.

Some things to know:

- You are awake, and your head is held still in a frame while you lie in the scanner.
- The team checks your tremor during the treatment.
- Most people go home the same day or the next day.
- It treats one side of the brain, and so mainly one hand, at a time. A second treatment
  for the other side may be possible later.

Side effects can include numbness or tingling, unsteady walking and headache. These are
often short-lived, but sometimes they last. Unlike DBS, the change can't be adjusted or
undone.

## Weighing up the options

| Feature | Deep brain stimulation | Focused ultrasound |
|---|---|---|
| Cuts in the skin and skull | Yes | No |
| Can treat both sides at once | Yes | No |
| Can be adjusted later | Yes | No |
| Hardware in the body | Yes | No |

Both can greatly reduce tremor in the treated hand. Tremor may slowly return over the
years, as the condition continues.

## Questions to ask your team

- How much improvement can I expect, and in which parts of my body?
- What are the most likely side effects for someone like me?
- How long is the recovery, and how many follow-up visits will I need?
- How many of these procedures does your center do each year?
- Will my insurance cover it?
""",
        "references": [
            {
                "source": "Mayo Clinic",
                "title": "Essential tremor - Diagnosis and treatment",
                "accessed_on": date(2026, 9, 22),
            },
            {
                "source": "National Institute of Neurological Disorders and Stroke",
                "title": "Tremor",
                "url": "https://www.ninds.nih.gov/health-information/disorders/tremor",
                "accessed_on": date(2026, 9, 22),
            },
            {
                "source": "International Essential Tremor Foundation",
                "title": "International Essential Tremor Foundation",
                "url": "https://essentialtremor.org/",
                "accessed_on": date(2026, 9, 26),
            },
        ],
        "days_ago": 24,
        "ratings": [5, 4, 4, 5],
        "comments": [],
    },
]

QUESTIONS = [
    {
        "title": "My hands shake like my mom's did. Will my kids get essential tremor too?",
        "body": "I was diagnosed last year, and my mom had the same shaky hands. Now I'm "
        "worried about my two children. Is there anything I should be doing?",
        "author_name": "Lena",
        "days_ago": 44,
        "answers": [
            {
                "author_name": "Hal",
                "body": "It runs in my family too, but my brother and one of my daughters "
                "have no shaking at all. It's not a sure thing.",
                "votes": 5,
            },
        ],
        "expert": "It's natural to worry about this. When essential tremor runs in a family, "
        "each child of an affected parent has about a 1 in 2 chance of inheriting it, but not "
        "everyone who inherits it gets the tremor, and it is often mild. There is no routine "
        "genetic test and no way to prevent it, so there is nothing your children need to do "
        "now. If either of them develops a tremor that affects school or daily life, or any "
        "shaking that comes with other new symptoms, take them to their doctor.",
    },
    {
        "title": "Does cutting out coffee actually help essential tremor?",
        "body": "I drink about four cups a day and my hands are worst in the mornings. I "
        "don't want to give it up unless it's worth it.",
        "author_name": "Pete",
        "days_ago": 9,
        "answers": [
            {
                "author_name": "Mags",
                "body": "I switched to half decaf and noticed I spill less. Going cold turkey "
                "gave me headaches, so cut down slowly.",
                "votes": 7,
            },
            {
                "author_name": "Col",
                "body": "Honestly it made little difference for me, but it's worth trying for "
                "a couple of weeks to see.",
                "votes": 2,
            },
        ],
        "expert": None,
    },
]
