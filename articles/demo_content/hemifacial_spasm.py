"""Demo content: Hemifacial spasm. Facts from the references listed; the words are Empower's."""

from datetime import date

CONDITION = {
    "name": "Hemifacial spasm",
    "slug": "hemifacial-spasm",
    "summary": (
        "Twitching and tightening of the muscles on one side of the face, most often caused "
        "by a blood vessel pressing on the facial nerve. It is not painful, and treatment "
        "helps most people."
    ),
    "aliases": [
        "hfs",
        "face twitching",
        "eyelid twitching",
        "facial spasm",
        "one side of face twitching",
        "tic convulsif",
    ],
}

GUIDE = {
    "title": "Hemifacial spasm",
    "summary": (
        "Hemifacial spasm makes the muscles on one side of the face twitch and tighten on "
        "their own. Learn what causes it, how it is diagnosed, and which treatments help."
    ),
    "key_points": [
        "Hemifacial spasm causes twitching on one side of the face that usually starts "
        "around the eye and slowly spreads to the cheek and mouth.",
        "Most often, a small blood vessel pressing on the facial nerve near the brainstem "
        "is the cause.",
        "It is not painful or life-threatening, but it rarely goes away on its own.",
        "Botulinum toxin injections help most people, and surgery can stop the spasms for "
        "good in many cases.",
    ],
    "body": """## Overview

Hemifacial spasm is a condition in which the muscles on one side of the face tighten and
twitch without you meaning them to. "Hemi" means half, so the spasms stay on one side.

The spasms are not painful. But they can be tiring, they can make it hard to see out of
the eye on that side, and many people feel self-conscious about them.

Hemifacial spasm is uncommon. It affects women more often than men, and it is more common
in people of Asian descent. It usually starts in middle age, though it can begin earlier
or later. It is not life-threatening, and good treatments exist.

## Symptoms

The first sign is usually a twitch in the eyelid, most often the lower lid. At first it
comes and goes. Over months or years, the spasms tend to:

- get stronger, so the eye may squeeze shut
- spread to the cheek, the corner of the mouth and sometimes the neck on the same side
- happen more often, until some people have them for much of the day

Other things people notice include:

- the mouth being pulled to one side
- the eyebrow lifting as the eye closes
- a clicking sound in the ear on the same side
- spasms that carry on during sleep

Stress, tiredness, anxiety and moving the face, such as when talking or smiling, can bring
on spasms or make them stronger.

Very rarely, both sides of the face are affected. When that happens, the two sides
usually twitch at different moments, not together.

## Causes

The muscles you use to smile, blink and frown are controlled by the facial nerve. There
is one facial nerve on each side. Each starts at the brainstem, at the base of the brain.

In most people with hemifacial spasm, a small blood vessel, usually an artery, touches or
presses on the facial nerve close to where it leaves the brainstem. Doctors think that
over time this pressure irritates the nerve and wears down its protective coating. The
nerve then fires off extra signals, and the face muscles tighten in response.

Less common causes include:

- an injury to the facial nerve, including damage left after Bell's palsy
- a growth (tumor) pressing on the nerve, which is rare
- multiple sclerosis, which is also rare

Sometimes no cause is found. Hemifacial spasm only very rarely runs in families.

## Diagnosis

A doctor can often recognize hemifacial spasm by watching your face and asking how the
twitching started and spread. You may be referred to a neurologist (a doctor who treats
the brain and nerves) or to an eye specialist.

Tests may include:

- **An MRI scan.** This takes detailed pictures of the brain and nerves. It can show a
  blood vessel touching the facial nerve, and it can rule out rarer causes such as a
  tumor. A type of scan called MR angiography shows the blood vessels more clearly.
- **Electromyography (EMG).** Small sensors record the electrical activity in your face
  muscles. This can help when the diagnosis is unclear.

Your doctor will also think about conditions that can look similar. These include
blepharospasm, which usually affects both eyes, and a harmless eyelid twitch that settles
on its own.

## Treatment

The best choice depends on how much the spasms affect your life, your general health and
what matters most to you.

- **Botulinum toxin injections.** This is the treatment most people try first. Tiny doses
  are injected into the twitching muscles to relax them. The injections help most people.
  The effect wears off after about 3 to 4 months, so they are repeated.
- **Microvascular decompression.** In this operation, a surgeon moves the blood vessel
  away from the nerve and places a small cushion between them. It treats the cause and
  stops the spasms in most people. It is brain surgery with real risks, so it is usually
  offered to people who are fit for surgery and want a long-term answer.
- **Medicines taken by mouth.** Some medicines used for seizures or muscle spasms, such as
  carbamazepine, gabapentin, clonazepam or baclofen, are sometimes tried. They help fewer
  people than injections and can make you drowsy.

## Living with it

Many people find the social side of hemifacial spasm the hardest part. Spasms can draw
looks, and some people start to avoid meeting others. Things that can help include:

- having a short, simple way to explain it, such as "It's a nerve problem that makes my
  face twitch. It doesn't hurt."
- getting enough sleep and taking breaks, since tiredness can make spasms worse
- finding ways to manage stress, such as gentle exercise or slow breathing
- keeping a diary of your spasms and injection dates, so you can see how well each
  treatment works
- asking your doctor whether it is safe to drive if spasms close your eye

If you feel low or anxious, tell your doctor or nurse. Talking with others who have facial
spasms, in person or online, can help too.

## When to see a doctor

See a doctor if:

- an eyelid twitch lasts more than 2 weeks
- the twitching spreads to other parts of your face
- your eye closes on its own or the spasms get in the way of seeing
- your face feels weak or stiff
- you notice hearing loss, numbness or other new symptoms on the same side

**Call emergency services straight away** if you have sudden weakness or drooping of the
face, especially with weakness in an arm or leg, slurred speech or confusion. These can
be signs of a stroke. Also get emergency help if you have trouble swallowing, speaking or
breathing after botulinum toxin injections.
""",
    "references": [
        {
            "source": "National Institute of Neurological Disorders and Stroke",
            "title": "Hemifacial Spasm",
            "url": "https://www.ninds.nih.gov/health-information/disorders/hemifacial-spasm",
            "accessed_on": date(2026, 10, 6),
        },
        {
            "source": "Mayo Clinic",
            "title": "Hemifacial spasm: Symptoms and causes; Diagnosis and treatment",
            "accessed_on": date(2026, 10, 6),
        },
        {
            "source": "Cleveland Clinic",
            "title": "Hemifacial Spasm",
            "accessed_on": date(2026, 10, 7),
        },
        {
            "source": "NHS",
            "title": "Twitching eyes and muscles",
            "accessed_on": date(2026, 10, 7),
        },
    ],
}

ARTICLES = [
    {
        "slug": "injections-and-surgery-for-hemifacial-spasm",
        "title": "Botulinum toxin injections and surgery for hemifacial spasm: what to expect",
        "summary": (
            "Most people with hemifacial spasm choose between repeated injections and an "
            "operation called microvascular decompression. Here is what each involves, how "
            "well it works and what the risks are."
        ),
        "key_points": [
            "Botulinum toxin injections relax the twitching muscles for about 3 to 4 months "
            "at a time and help most people.",
            "Microvascular decompression moves a blood vessel off the facial nerve and stops "
            "the spasms in most people, often for good.",
            "Surgery carries risks such as hearing loss on the operated side, so it is a "
            "choice to make carefully with a specialist.",
            "Many people start with injections and think about surgery later.",
        ],
        "body": """If you have hemifacial spasm, you will probably hear about two main treatments.
One calms the muscles. The other deals with the cause. Knowing what each one involves can
make it easier to decide what is right for you.

## Two different approaches

- **Injections** of botulinum toxin (Botox) relax the muscles that twitch. They don't
  change what is happening to the nerve, so they need to be repeated.
- **Microvascular decompression** is an operation. A surgeon takes the pressure off the
  facial nerve. When it works, the spasms stop and no further treatment is needed.

Neither choice is wrong. Many people have injections for years and are happy with them.
Others would rather have one larger treatment than regular appointments.

## What happens with injections

The injections are usually given by a neurologist or an eye specialist in a clinic. A
very thin needle is used to put tiny doses into several spots, often around the eye and
sometimes in the cheek or near the mouth. It takes a few minutes, and most people go
straight back to their day.

What to expect afterward:

- The spasms usually start to ease within a few days. The full effect often takes about
  2 weeks.
- The effect lasts about 3 to 4 months for most people, then slowly wears off.
- Your doctor may change the dose or the spots at later visits to get the best balance.

Side effects are usually mild and wear off as the medicine does. They can include:

- a drooping eyelid
- a dry or watery eye, or blurred vision
- a slightly uneven smile
- small bruises where the needle went in

Rarely, the medicine can spread beyond the area treated. Get emergency help if you have
trouble swallowing, speaking or breathing after an injection.

## What happens with surgery

Microvascular decompression is done under general anesthesia, so you are asleep. The
surgeon makes a cut behind the ear and opens a small window in the skull. Using a
microscope, they find the blood vessel pressing on the facial nerve, move it away and
place a small soft pad between the two.

Most people stay in the hospital for one to a few nights. Many return to light
activities within a few weeks, though getting back to full strength can take longer.

Some people notice the spasms stop right away. For others, they fade slowly over weeks or
even months, so it helps to be patient. Overall, the operation stops or greatly reduces
the spasms in most people. Studies often report success in about 85 to 90 out of 100.
The spasms can come back in a small number of people.

Like any brain surgery, it has risks. These include:

- hearing loss in the ear on the operated side, which is permanent in a small number of
  people
- weakness of the face, which is usually temporary
- dizziness, headache or a leak of the fluid around the brain
- rarely, infection, bleeding or stroke

Surgeons who do this operation often have lower rates of problems. Many teams check the
hearing nerve during surgery to help protect it.

## Deciding together

When you talk with your doctor, it can help to think about:

- how much the spasms affect your sight, work and social life
- how well the injections work for you, and for how long
- your general health and how you feel about an operation
- whether a scan shows a blood vessel touching the nerve

Useful questions to ask include:

- How many of these operations does the surgeon do each year?
- What are the chances of hearing loss or facial weakness for someone like me?
- If I keep having injections, will they keep working?

Take your time. Hemifacial spasm is not dangerous, so there is usually no rush to decide.
""",
        "references": [
            {
                "source": "National Institute of Neurological Disorders and Stroke",
                "title": "Hemifacial Spasm",
                "url": "https://www.ninds.nih.gov/health-information/disorders/hemifacial-spasm",
                "accessed_on": date(2026, 10, 6),
            },
            {
                "source": "Mayo Clinic",
                "title": "Hemifacial spasm: Diagnosis and treatment",
                "accessed_on": date(2026, 10, 6),
            },
            {
                "source": "Mayfield Clinic",
                "title": "Microvascular decompression (MVD)",
                "accessed_on": date(2026, 10, 8),
            },
        ],
        "days_ago": 41,
        "ratings": [5, 5, 4, 5, 4, 3, 5, 4],
        "comments": [
            {
                "author_name": "Lorraine",
                "body": "I've had injections for six years. The droopy eyelid after the "
                "first one scared me, but it went in about three weeks and my doctor lowered "
                "the dose next time. Now I barely notice any side effects.",
                "days_ago": 30,
            },
            {
                "author_name": "Hiro",
                "body": "Had the operation last spring. My twitching took almost two months "
                "to fade completely, so I'm glad someone mentions that it can be slow. "
                "It's been gone ever since.",
                "days_ago": 17,
            },
        ],
    },
    {
        "slug": "eye-twitch-or-hemifacial-spasm",
        "title": "Is it an ordinary eye twitch or hemifacial spasm?",
        "summary": (
            "Almost everyone gets an eyelid twitch now and then, and most are harmless. Here "
            "is how hemifacial spasm is different, and how to help your doctor tell them apart."
        ),
        "key_points": [
            "A common eyelid twitch usually affects one lid, feels like a flutter and goes "
            "away within days or weeks.",
            "Hemifacial spasm lasts, gets stronger over time and spreads to other muscles on "
            "the same side of the face.",
            "A short phone video of a spasm can help your doctor a lot.",
            "See a doctor if a twitch lasts more than 2 weeks or spreads beyond the eyelid.",
        ],
        "body": """Most people have had an eyelid that flickers for no clear reason. It can be
annoying, and it is natural to wonder whether it means something more. Usually it does
not. But sometimes a twitch is the first sign of hemifacial spasm, a condition that needs
a doctor's care.

## The everyday eyelid twitch

The common eyelid twitch has a medical name, eyelid myokymia. It is very common and
harmless. It usually:

- affects just one eyelid, most often the lower one
- feels like a fine flutter or ripple under the skin
- is hard for other people to see
- comes and goes over a few days or weeks, then stops

It is often linked to tiredness, stress, lots of caffeine or alcohol, screen time and dry
eyes. Resting, sleeping well and cutting back on caffeine often help it settle.

## Signs that point to hemifacial spasm

Hemifacial spasm also often starts at the eyelid, which is why the two can be confused.
The differences show up over time. With hemifacial spasm, the twitching:

- lasts for months and does not settle with rest
- gets stronger, until the eye may squeeze shut
- spreads to other muscles on the same side, such as the cheek, mouth or neck
- may pull the corner of the mouth up or to the side
- can carry on while you are asleep, which a partner may notice

Some people also hear a faint clicking in the ear on that side during a spasm.

## Other conditions that can look similar

A doctor will also think about a few other conditions:

- **Blepharospasm.** The muscles around both eyes squeeze, causing extra blinking or eyes
  that close on their own. It usually affects both sides and stays around the eyes.
- **Tics.** These are quick, repeated movements that a person can often hold back for a
  short time. They usually start in childhood.
- **Movements after Bell's palsy.** After the facial nerve recovers, the eye may close a
  little when you smile or eat. This is linked to certain movements, not random spasms.
- **Facial myokymia.** This is a constant fine rippling of the face muscles. It is less
  common and needs to be checked by a doctor.

## How to help your doctor

Spasms often stop at the worst moment, such as when you sit down with the doctor. You
can help by bringing:

- **a short video** on your phone that shows a typical spasm
- **a timeline** of when the twitching started and where it has spread
- **a list of your medicines**, and any past face injury or Bell's palsy
- **notes on triggers**, such as stress, tiredness, talking or bright light

Your doctor may suggest an MRI scan. This is a routine test for hemifacial spasm. It looks
for a blood vessel touching the facial nerve and checks for rarer causes.

## When to get checked

See a doctor if:

- a twitch lasts more than 2 weeks
- it spreads beyond the eyelid or to more than one place
- your eye closes fully during a twitch
- the area feels weak, stiff or numb

Call emergency services straight away if your face suddenly droops or feels weak,
especially with arm or leg weakness or trouble speaking. These can be signs of a stroke.
""",
        "references": [
            {
                "source": "NHS",
                "title": "Twitching eyes and muscles",
                "accessed_on": date(2026, 10, 7),
            },
            {
                "source": "National Institute of Neurological Disorders and Stroke",
                "title": "Hemifacial Spasm",
                "url": "https://www.ninds.nih.gov/health-information/disorders/hemifacial-spasm",
                "accessed_on": date(2026, 10, 6),
            },
            {
                "source": "Mayo Clinic",
                "title": "Eye twitching",
                "accessed_on": date(2026, 10, 9),
            },
        ],
        "days_ago": 214,
        "ratings": [4, 5, 4, 4, 5, 3, 4, 5, 5, 4],
        "comments": [
            {
                "author_name": "Marcus",
                "body": "The video tip is so useful. My face behaved perfectly the whole "
                "appointment, but the clip I showed made it obvious right away.",
                "days_ago": 150,
            },
        ],
    },
    {
        "slug": "everyday-life-with-hemifacial-spasm",
        "title": "Everyday life with hemifacial spasm: talking about it, work and driving",
        "summary": (
            "Hemifacial spasm can affect how you feel around other people as much as how your "
            "face moves. Practical ideas for conversations, work, driving, rest and mood."
        ),
        "key_points": [
            "A short, ready-made explanation can make conversations about your spasms easier.",
            "Small changes at work, such as screen breaks, can help on difficult days.",
            "If a spasm closes your eye, ask your doctor whether it is safe to drive.",
            "Tell your doctor if you feel low or anxious; support is available.",
        ],
        "body": """Treatment can calm hemifacial spasm a great deal, but most people still have days
when the twitching is more noticeable. These ideas come from what many people with the
condition find helpful.

## Talking about it

Other people often notice a twitch and say nothing, or guess wrongly. Some may think you
are winking. Having a few words ready can take the pressure off:

- "It's a nerve condition that makes one side of my face twitch. It doesn't hurt."
- "It's called hemifacial spasm. It's not catching, and it's being treated."

You don't owe anyone an explanation. But many people find that once friends and
coworkers know, the spasms stop feeling like a secret, and that alone can ease stress.

## At work

Most people with hemifacial spasm keep working as before. On harder days, these may
help:

- taking short breaks from screens to rest your eyes
- using a larger font or zooming in on your screen if your eye keeps closing
- turning your camera off for part of a long video call, if that's an option
- booking injection appointments ahead, so you can plan around any side effects

If the spasms affect your work, talk with your manager or your workplace health team.
In many countries, employers have to make reasonable changes for health conditions.

## Driving and getting around

A strong spasm can close the eye on one side and block part of your view. If this
happens to you:

- ask your doctor whether it is safe for you to drive
- check the rules where you live, since some places ask drivers to report certain
  conditions
- avoid driving when you are very tired, since tiredness can make spasms worse

Many people find driving easier once treatment is working well.

## Rest, stress and triggers

There is no special diet or exercise that cures hemifacial spasm. Still, some everyday
habits may make spasms less frequent or easier to cope with:

- **Sleep.** Tiredness is one of the most common triggers. Keeping regular sleep times
  can help.
- **Stress.** Gentle exercise, slow breathing or time outdoors may help you feel calmer.
- **Caffeine and alcohol.** There is little research on these in hemifacial spasm, but
  some people find cutting back helps. It is safe to try.
- **Your own triggers.** A simple diary can show patterns, such as bright light or long
  conversations.

## Looking after your mood

It is common to feel embarrassed, frustrated or low. Some people begin to avoid social
events or photos. If you notice this, you are not alone, and it is worth mentioning to
your doctor or nurse. Talking therapies can help, and so can meeting others with facial
spasms, either in a local group or online.

Get help right away if you ever feel unable to cope or have thoughts of harming yourself.
Contact your doctor, a crisis line or emergency services.
""",
        "references": [
            {
                "source": "National Institute of Neurological Disorders and Stroke",
                "title": "Hemifacial Spasm",
                "url": "https://www.ninds.nih.gov/health-information/disorders/hemifacial-spasm",
                "accessed_on": date(2026, 10, 6),
            },
            {
                "source": "Mayo Clinic",
                "title": "Hemifacial spasm: Symptoms and causes",
                "accessed_on": date(2026, 10, 6),
            },
            {
                "source": "NHS",
                "title": "Twitching eyes and muscles",
                "accessed_on": date(2026, 10, 7),
            },
        ],
        "days_ago": 96,
        "ratings": [5, 4, 4, 5, 4],
        "comments": [],
    },
]

QUESTIONS = [
    {
        "title": "Will my hemifacial spasm spread to the other side of my face?",
        "body": (
            "My left eye started twitching about a year ago, and now my cheek pulls up too. "
            "I'm scared it will move to the right side next. Does that happen?"
        ),
        "author_name": "Dee",
        "days_ago": 27,
        "answers": [
            {
                "author_name": "Paul",
                "body": "I've had it on my right side for nine years and it has never "
                "crossed over. It did spread down to my mouth, though.",
                "votes": 4,
            },
            {
                "author_name": "Sunita",
                "body": "My neurologist told me the same thing. Both sides is very rare. "
                "It helped me stop worrying about it.",
                "votes": 2,
            },
        ],
        "expert": (
            "It's very rare for hemifacial spasm to affect both sides of the face, and when "
            "it does, the two sides usually twitch at different times. It's more common for "
            "the spasms to spread slowly to other muscles on the same side, like the cheek or "
            "mouth, as you describe. If you notice twitching on the other side, new weakness, "
            "numbness or changes in your hearing, let your doctor know so it can be checked. "
            "If your face suddenly droops or feels weak, call emergency services."
        ),
    },
    {
        "title": "Has anyone had the brain surgery for hemifacial spasm? How long was recovery?",
        "body": (
            "My neurologist says I might be a good candidate for microvascular decompression. "
            "I'm nervous about it. How long were you off work?"
        ),
        "author_name": "Tomás",
        "days_ago": 9,
        "answers": [
            {
                "author_name": "Bev",
                "body": "I was in the hospital for three nights and off work for about five "
                "weeks. I was tired and had headaches for the first couple of weeks, then "
                "felt much better.",
                "votes": 3,
            },
            {
                "author_name": "Kai",
                "body": "I went back to my desk job after four weeks. Ask your surgeon how "
                "many of these operations they do. That made me feel more confident.",
                "votes": 1,
            },
        ],
        "expert": None,
    },
]
