"""Demo content: Cluster headache. Facts from the references listed; the words are Empower's."""

from datetime import date

CONDITION = {
    "name": "Cluster headache",
    "slug": "cluster-headache",
    "summary": (
        "Attacks of severe pain on one side of the head, usually around one eye, that come in "
        "groups over weeks or months. Oxygen and fast-acting medicines can stop attacks, and "
        "other treatments can prevent them."
    ),
    "aliases": [
        "cluster headaches",
        "alarm clock headache",
        "eye headache",
        "one-sided headache behind the eye",
        "episodic cluster headache",
        "chronic cluster headache",
    ],
}

GUIDE = {
    "title": "Cluster headache",
    "summary": (
        "Cluster headache causes attacks of intense pain around one eye, often at the same time "
        "each day, for weeks at a time. Learn the signs, what may cause it, and the treatments "
        "that can stop attacks quickly."
    ),
    "key_points": [
        "Cluster headache causes severe attacks of pain on one side of the head, usually around or behind one eye.",
        "Attacks last 15 minutes to 3 hours and often come at the same time each day during a cluster period.",
        "Breathing pure oxygen through a mask or using an injected or nasal triptan can stop many attacks quickly.",
        "Preventive medicines, started early in a cluster period, can make attacks less frequent.",
        "The pain is severe, but cluster headache does not damage the brain, and treatment helps most people.",
    ],
    "body": """## Overview

Cluster headache is an uncommon but very painful type of headache. It causes attacks of
severe pain on one side of the head, usually around or behind one eye.

The attacks come in groups, or clusters. During a cluster period, you may have one or
more attacks a day, often at the same time, for weeks or months. Then the attacks
usually stop for months or even years. This is called remission. Some people call it
"alarm clock headache" because attacks so often come at the same hour, including in the
night.

Cluster headache affects about 1 in 1,000 people. It is more common in men than in women
and usually starts between the ages of 20 and 50. It is also more common in people who
smoke.

The pain can be extreme, but cluster headache is not dangerous and does not harm the
brain. Treatment can stop attacks quickly and make them less frequent.

## Symptoms

An attack usually starts suddenly, often without warning. The pain:

- is severe and may feel sharp, burning or piercing
- is on one side of the head, around or behind the eye, or in the temple or face
- lasts from 15 minutes to 3 hours
- can happen from once every other day to as many as 8 times a day
- often starts at the same time each day, commonly an hour or two after falling asleep

On the same side as the pain, you may also have:

- a red or watery eye
- a drooping or swollen eyelid
- a smaller pupil
- a runny or blocked nostril
- a sweaty or flushed face

Many people feel restless during an attack. They may pace, rock or be unable to keep
still. This is different from migraine, when people usually want to lie still in a dark
room.

Most people have episodic cluster headache. Their cluster periods last weeks to months,
with long breaks in between. A smaller group, roughly 1 in 10 to 1 in 5 people, has
chronic cluster headache. This means attacks go on for a year or more with only short
breaks, or none.

## Causes

The exact cause is not known. Research points to the hypothalamus, a part of the brain
that controls the body clock. This may explain why attacks follow a daily pattern and
why cluster periods often start at the same time of year, such as spring or fall.

The attack switches on the trigeminal nerve, which carries pain from the face, and the
nerves that control tears and the lining of the nose. That is why the eye and nose are
affected.

During a cluster period, some things can set off an attack, such as:

- alcohol, even a small amount
- strong smells, such as paint, gasoline or perfume
- getting overheated

Outside a cluster period, these usually don't cause attacks.

## Diagnosis

There is no test for cluster headache. A doctor diagnoses it from how you describe your
attacks and from a neurological exam, which checks your nerves and reflexes.

A headache diary helps. Note when each attack starts, how long it lasts, where the pain
is, and what else happens. A family member could take a photo of your eye during an
attack.

Your doctor may order an MRI scan of your head to rule out other causes. You may be
referred to a neurologist or a headache clinic. Cluster headache is sometimes first
mistaken for migraine, a sinus problem or a tooth problem, so don't be afraid to ask for
a second look.

## Treatment

Treatment has two goals: to stop each attack quickly, and to prevent new ones.

**Stopping an attack.** Everyday painkillers and tablets work too slowly to help. Fast
options include:

- **Oxygen.** Breathing 100% oxygen through a face mask for about 15 minutes eases many
  attacks. A doctor can prescribe oxygen for home use.
- **Triptans.** Sumatriptan injected under the skin often works within about 15 minutes.
  Nasal sprays, such as sumatriptan or zolmitriptan, are another option. Triptans are not
  safe for everyone, including some people with heart disease.

**Preventing attacks.** These are usually started early in a cluster period and stopped
when it ends:

- **Verapamil** is the main preventive medicine. You will need heart tracings (ECGs),
  because it can affect your heart rhythm.
- **Steroids**, such as prednisone, may be given for a short time while other medicines
  start to work.
- **A nerve block**, an injection at the back of the head, can calm attacks for a while.
- **Other options** include lithium and galcanezumab, a monthly injection approved in the
  US for episodic cluster headache.

A handheld device that stimulates a nerve in the neck can help some people. For the few
whose chronic cluster headache doesn't respond to other treatment, specialist centers may
offer other nerve stimulation procedures.

## Living with it

- Avoid alcohol during a cluster period.
- Keep regular sleep times. Some people find daytime naps set off attacks.
- If you smoke, ask for help to quit. It is good for your health and may help your
  headaches.
- See your doctor before your next expected cluster period, so treatment is ready.
- Tell your doctor if you feel low or anxious. Living with severe pain is hard, and
  support groups and counseling can help.

## When to see a doctor

See a doctor if you have severe headaches that come in a pattern like this, especially
for the first time. Go back if your pattern changes or your treatment stops working.

Call emergency services if you have:

- a sudden, very severe headache that reaches its worst within a minute or so
- a headache with a fever, stiff neck, rash or confusion
- a headache after a head injury
- weakness, numbness, a drooping face, trouble speaking, vision loss or a seizure
- thoughts of ending your life or harming yourself
""",
    "references": [
        {
            "source": "NHS",
            "title": "Cluster headaches",
            "url": "https://www.nhs.uk/conditions/cluster-headaches/",
            "accessed_on": date(2026, 9, 15),
        },
        {
            "source": "Mayo Clinic",
            "title": "Cluster headache: Symptoms and causes",
            "url": "https://www.mayoclinic.org/diseases-conditions/cluster-headache/symptoms-causes/syc-20352080",
            "accessed_on": date(2026, 9, 15),
        },
        {
            "source": "National Institute of Neurological Disorders and Stroke",
            "title": "Headache",
            "url": "https://www.ninds.nih.gov/health-information/disorders/headache",
            "accessed_on": date(2026, 9, 16),
        },
        {
            "source": "The Migraine Trust",
            "title": "Cluster headache",
            "url": "https://migrainetrust.org/understand-migraine/types-of-migraine/other-headache-disorders/cluster-headache/",
            "accessed_on": date(2026, 9, 16),
        },
    ],
}

ARTICLES = [
    {
        "slug": "oxygen-therapy-for-cluster-headache",
        "title": "Oxygen therapy for cluster headache: a practical guide",
        "summary": (
            "Breathing pure oxygen can stop a cluster headache attack within minutes for many "
            "people. Here is how it works, what equipment you need and how to use it safely."
        ),
        "key_points": [
            "Breathing 100% oxygen at a high flow through a special mask eases many cluster attacks within about 15 minutes.",
            "Oxygen works best when you start it as soon as an attack begins.",
            "You need a doctor's prescription, a high-flow regulator and a non-rebreather mask.",
            "Oxygen feeds fire, so keep it well away from cigarettes, flames and heat.",
        ],
        "body": """Oxygen is one of the main treatments for stopping a cluster headache attack. It has
few side effects and can be used more than once a day, so it suits many people,
including some who can't take triptans.

## How oxygen helps

Breathing pure oxygen at a high flow seems to calm the nerve signals and blood vessel
changes behind an attack. Experts are still learning exactly how it works.

For many people, the pain eases within about 15 minutes. It doesn't work for everyone,
and it is less likely to help if an attack is already at its peak. That is why timing
matters.

## What you need

Home oxygen for cluster headache is different from the oxygen used for lung conditions.
Your setup should include:

- **100% medical oxygen** in a cylinder, delivered by an oxygen supplier
- **a high-flow regulator**, which controls how fast the oxygen comes out, usually at 12
  to 15 liters a minute
- **a non-rebreather mask**, which covers your nose and mouth and has a bag attached

The thin nasal tubes used for long-term oxygen don't give a high enough flow to stop
an attack. Ask your doctor to write the flow rate and mask type on your prescription.

## How to use it

1. **Start right away.** Begin as soon as you feel an attack coming on.
2. **Sit up.** Sit upright in a chair and lean forward slightly, with your elbows on your
   knees if that is comfortable.
3. **Fit the mask.** Let the bag fill with oxygen first, then place the mask snugly over
   your nose and mouth.
4. **Breathe steadily.** Breathe at a normal, comfortable pace for about 15 minutes, or
   as long as your doctor advises.
5. **Have a backup.** If the pain hasn't eased after about 15 to 20 minutes, follow your
   plan, such as using a triptan if your doctor has prescribed one.

Keep your oxygen where your attacks usually happen, such as beside your bed, so you don't
lose time.

## Staying safe

Oxygen does not burn by itself, but it makes fire start more easily and burn faster.

- Never smoke, vape or let anyone else smoke near your oxygen.
- Keep the cylinder well away from open flames, candles, gas stoves and heaters. Your
  supplier will tell you how far.
- Don't use oil-based creams or petroleum jelly on your face while using oxygen. Ask
  your pharmacist about water-based options.
- Store cylinders upright and secured, in a cool, airy place.
- Make sure your home has working smoke alarms.

Tell your doctor if you have a lung condition such as COPD. High-flow oxygen may not be
safe for you, and your doctor will suggest other options.

## Getting set up

Your doctor, usually a neurologist or headache specialist, will need to prescribe home
oxygen. The supplier will deliver the equipment and show you how to use it. Coverage by
health insurance varies, so ask your doctor's office or insurer what is included.

Many people also ask for a small portable cylinder for use at work or when out. If you
plan to travel, check the rules first. Airlines and some other transport have strict
limits on carrying oxygen.

## When to get help

Call emergency services if a headache is suddenly far worse or different from your usual
attacks, or comes with weakness, confusion, trouble speaking or a stiff neck. Get urgent
help, too, if you have chest pain or trouble breathing.
""",
        "references": [
            {
                "source": "NHS",
                "title": "Cluster headaches",
                "url": "https://www.nhs.uk/conditions/cluster-headaches/",
                "accessed_on": date(2026, 9, 10),
            },
            {
                "source": "Mayo Clinic",
                "title": "Cluster headache: Symptoms and causes",
                "url": "https://www.mayoclinic.org/diseases-conditions/cluster-headache/symptoms-causes/syc-20352080",
                "accessed_on": date(2026, 9, 10),
            },
            {
                "source": "American Migraine Foundation",
                "title": "Cluster Headache",
                "accessed_on": date(2026, 9, 11),
            },
        ],
        "days_ago": 212,
        "ratings": [5, 5, 5, 4, 5, 5, 4, 5, 3, 5],
        "comments": [
            {
                "author_name": "Marcus",
                "body": (
                    "The mask type made all the difference. I used the nasal tubes for a whole "
                    "cluster period before someone told me they were the wrong kind. With a "
                    "proper mask and high flow, most attacks are gone in ten minutes."
                ),
                "days_ago": 180,
            },
            {
                "author_name": "Jen",
                "body": (
                    "Useful tip about sitting forward. My husband keeps his cylinder next to "
                    "his side of the bed now and we both sleep better knowing it's there."
                ),
                "days_ago": 95,
            },
            {
                "author_name": "Stu",
                "body": "Took three phone calls to get the prescription right, but worth every one.",
                "days_ago": 30,
            },
        ],
    },
    {
        "slug": "cluster-headache-or-migraine",
        "title": "Cluster headache or migraine? How to tell them apart",
        "summary": (
            "Cluster headache and migraine can both cause severe pain on one side of the head, "
            "but they behave differently and need different treatment. Here are the clues "
            "that help."
        ),
        "key_points": [
            "Cluster attacks are shorter than migraine attacks, usually 15 minutes to 3 hours.",
            "People with cluster headache often pace or rock, while people with migraine usually want to lie still.",
            "A red, watery eye and a runny nose on the side of the pain point toward cluster headache.",
            "Getting the right diagnosis matters, because some migraine treatments work too slowly for cluster attacks.",
        ],
        "body": """Cluster headache is sometimes mistaken for migraine, especially at first. Both can
cause severe pain on one side of the head. But they are different conditions, and they
are treated in different ways.

## Why the difference matters

Migraine treatments are often tablets, which take time to work. A cluster attack can
be over before a tablet starts working, so tablets often don't help.

Cluster headache is usually treated with fast-acting options, such as oxygen or an
injected triptan. Preventive medicines differ too. So the right name for your headaches
can lead to much better relief.

## Key differences

These are general patterns. Not everyone fits them neatly.

**How long attacks last**

- Cluster headache: 15 minutes to 3 hours
- Migraine: usually 4 hours to 3 days without treatment

**How often they happen**

- Cluster headache: up to 8 attacks a day during a cluster period, often at the same time
  each day, then none for months
- Migraine: usually a few attacks a month, with no strict daily timing

**Where the pain is**

- Cluster headache: always on one side during an attack, around or behind the eye or in
  the temple
- Migraine: often one side, but it can switch sides or affect the whole head

**How you behave**

- Cluster headache: restless, pacing, rocking or pressing on the eye
- Migraine: wanting to lie still in a dark, quiet room, because moving makes it worse

**Other symptoms**

- Cluster headache: a red or watery eye, a drooping eyelid, or a runny or blocked
  nostril, all on the side of the pain
- Migraine: feeling sick or being sick, and being bothered by light and sound; some
  people have an aura, such as flashing lights, before the headache

**Who gets it**

- Cluster headache: more common in men, and rare overall
- Migraine: very common, and about three times more common in women

## Where it gets confusing

Some people with cluster headache are also bothered by light or feel sick during
attacks. And some people with migraine have a watery eye or runny nose. A small number
of people have both conditions.

Other, rarer headaches can look like cluster headache too. For example, paroxysmal
hemicrania causes similar but shorter attacks that happen more often. It responds to a
different medicine. This is one reason a specialist's view can help.

## How to help your doctor

Your description is the most important clue. Before your appointment:

- **Keep a diary.** Note the time each attack starts and stops, where the pain is and
  how strong it is.
- **Write down other symptoms.** Include anything you notice in your eye, nose or face.
- **Record what you do.** Note whether you pace, or need to lie down.
- **Take a photo.** Ask someone to photograph your eye during an attack.
- **Note your triggers.** Write down whether alcohol brings on an attack, and whether
  attacks come at certain times of year.

It is fine to ask, "Could this be cluster headache?" and to request a referral to a
neurologist or headache clinic.

## When it's an emergency

Call emergency services for a sudden, very severe headache that peaks within a minute,
or a headache with a fever, stiff neck, confusion, weakness or trouble speaking.
""",
        "references": [
            {
                "source": "NHS",
                "title": "Cluster headaches",
                "url": "https://www.nhs.uk/conditions/cluster-headaches/",
                "accessed_on": date(2026, 10, 20),
            },
            {
                "source": "NHS",
                "title": "Migraine",
                "url": "https://www.nhs.uk/conditions/migraine/",
                "accessed_on": date(2026, 10, 20),
            },
            {
                "source": "National Institute of Neurological Disorders and Stroke",
                "title": "Headache",
                "url": "https://www.ninds.nih.gov/health-information/disorders/headache",
                "accessed_on": date(2026, 10, 21),
            },
        ],
        "days_ago": 47,
        "ratings": [5, 4, 4, 5, 4, 5],
        "comments": [
            {
                "author_name": "Priya",
                "body": (
                    "I was told it was migraine for six years. The pacing was the thing that "
                    "finally made my new doctor think of cluster headache."
                ),
                "days_ago": 31,
            },
        ],
    },
    {
        "slug": "getting-through-a-cluster-period",
        "title": "Getting through a cluster period: sleep, work and family life",
        "summary": (
            "A cluster period can upend sleep, work and home life for weeks. These practical "
            "steps can help you prepare, cope day to day, and look after your mood."
        ),
        "key_points": [
            "Seeing your doctor before a cluster period starts means treatment can begin right away.",
            "Regular sleep times and avoiding alcohol can reduce attacks for some people.",
            "Telling your employer and family what to expect makes it easier for them to help.",
            "Feeling low or anxious is common, and it is worth talking to your doctor about it.",
        ],
        "body": """A cluster period can feel like weeks of broken nights and waiting for the next
attack. You can't always stop it, but planning ahead and small daily changes can make
it easier to get through.

## Before it starts

Many people's cluster periods begin around the same time each year. If yours do, use the
calm months to get ready.

- **See your doctor early.** Ask about starting preventive treatment at the first sign
  of a new cluster period, and how to reach the clinic quickly.
- **Check your supplies.** Make sure your oxygen, injections or nasal sprays are in date
  and that you know how to get more.
- **Make a written plan.** Note what to use first, what to try next, and when to call
  your doctor.

## Sleep

Night attacks are very common, often an hour or two after falling asleep.

- Go to bed and get up at the same times each day, including weekends.
- Some people find daytime naps set off attacks, so try to avoid them during a cluster
  period.
- Keep your treatment within reach of your bed, so you can start it fast.
- If you share a bed, a partner may sleep better knowing what to expect. Some couples
  sleep apart for a few weeks, and that's okay.

## Triggers to avoid

During a cluster period, some things are more likely to start an attack:

- **Alcohol.** Even one drink can set off an attack within an hour for some people.
- **Strong smells.** Paint, gasoline, solvents and strong perfume are common ones.
- **Getting overheated.** Very hot baths, saunas or hard exercise in the heat may be a
  problem for some people.

Outside a cluster period, most people can go back to their usual routine.

## At work

Cluster periods can mean lost sleep and sudden attacks during the day. It can help to
talk with your manager or human resources team about:

- flexible start times after bad nights
- a private, quiet space where you can use your treatment
- keeping a small oxygen cylinder at work, if that is safe and allowed
- short-term changes, such as avoiding driving for work or working from home

Depending on where you live, you may have a legal right to reasonable changes at work.
A note from your doctor can help.

## Family and friends

An attack can be frightening for others to watch, especially children. Explain ahead of
time what happens and what helps.

- Let them know pacing or rocking is normal during an attack.
- Tell them how they can help, such as bringing your oxygen or keeping the room quiet.
- Reassure them that the attacks are not dangerous, even though they look painful.

Children can be told in simple words: "My head hurts a lot for a short time, then it
gets better."

## Looking after your mood

Weeks of severe pain and poor sleep take a toll. Many people feel anxious about the next
attack or low between them. This is common and nothing to be ashamed of.

- Talk to your doctor or nurse about how you are feeling. Help is available.
- Connect with others who live with cluster headache through a support group.
- Plan something you enjoy for when the cluster period ends.

If you have thoughts of ending your life or harming yourself, call emergency services
or a crisis line right away.
""",
        "references": [
            {
                "source": "Mayo Clinic",
                "title": "Cluster headache: Symptoms and causes",
                "url": "https://www.mayoclinic.org/diseases-conditions/cluster-headache/symptoms-causes/syc-20352080",
                "accessed_on": date(2026, 11, 12),
            },
            {
                "source": "The Migraine Trust",
                "title": "Cluster headache",
                "url": "https://migrainetrust.org/understand-migraine/types-of-migraine/other-headache-disorders/cluster-headache/",
                "accessed_on": date(2026, 11, 12),
            },
            {
                "source": "NHS",
                "title": "Cluster headaches",
                "url": "https://www.nhs.uk/conditions/cluster-headaches/",
                "accessed_on": date(2026, 11, 13),
            },
        ],
        "days_ago": 5,
        "ratings": [5, 4],
        "comments": [],
    },
]

QUESTIONS = [
    {
        "title": "My doctor thinks it's migraine, but I'm sure it's cluster headache. How do I bring it up?",
        "body": (
            "For three weeks I've been woken around 2 a.m. by awful pain behind my right eye. "
            "It lasts about an hour and my eye waters. The migraine tablets I was given don't "
            "help at all."
        ),
        "author_name": "Dev",
        "days_ago": 28,
        "answers": [
            {
                "author_name": "Sal",
                "body": (
                    "Take a diary with times written down. Seeing the same time every night on "
                    "paper is what convinced my doctor."
                ),
                "votes": 7,
            },
            {
                "author_name": "Chris",
                "body": (
                    "My wife took a photo of my eye mid-attack. Droopy lid and all. It saved a "
                    "lot of explaining."
                ),
                "votes": 4,
            },
        ],
        "expert": (
            "It's reasonable to ask your doctor directly whether this could be cluster "
            "headache, and whether a referral to a neurologist or headache clinic would help. "
            "Bring a diary of the times, length and side of each attack, plus any eye or nose "
            "symptoms, because this pattern is the main way it's diagnosed. Tablets often work "
            "too slowly for cluster attacks, so ask what fast-acting options might suit you. "
            "Call emergency services if a headache is sudden and far worse than usual, or comes "
            "with weakness, confusion, trouble speaking, fever or a stiff neck."
        ),
    },
    {
        "title": "Does anyone else get a warning feeling before a cluster period starts?",
        "body": (
            "A few days before my attacks start, I get a dull pressure behind my eye and feel "
            "on edge. Is that just me? It would help to know so I can call my doctor sooner."
        ),
        "author_name": "Nico",
        "days_ago": 11,
        "answers": [
            {
                "author_name": "Hattie",
                "body": (
                    "Yes, I call them shadows. Little twinges on the same side a few days before "
                    "the real thing. I phone my clinic as soon as they start now."
                ),
                "votes": 5,
            },
            {
                "author_name": "Ben",
                "body": "Not for me, mine just arrive. But I notice they start when the clocks change.",
                "votes": 1,
            },
        ],
        "expert": None,
    },
]
