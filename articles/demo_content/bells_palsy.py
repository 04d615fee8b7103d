"""Demo content: Bell's palsy. Facts from the references listed; the words are Empower's."""

from datetime import date

CONDITION = {
    "name": "Bell's palsy",
    "slug": "bells-palsy",
    "summary": (
        "Sudden weakness or drooping on one side of the face, caused by a swollen facial "
        "nerve. Most people recover fully within weeks to months."
    ),
    "aliases": [
        "bells palsy",
        "facial palsy",
        "facial paralysis",
        "face drooping on one side",
        "idiopathic facial palsy",
    ],
}

GUIDE = {
    "title": "Bell's palsy",
    "summary": (
        "Bell's palsy causes sudden weakness on one side of the face. Learn the symptoms, "
        "why early treatment matters, how to protect your eye and when to get urgent help."
    ),
    "key_points": [
        "Bell's palsy causes weakness on one side of the face that comes on over hours to about three days.",
        "Sudden facial weakness can also be a stroke, so call emergency services at once if you are not sure.",
        "Steroid tablets work best when they are started within 72 hours of the first symptoms.",
        "If your eye does not close fully, protecting it is one of the most important parts of care.",
        "Most people start to improve within about three weeks, and most recover completely.",
    ],
    "body": """## Overview

Bell's palsy is a sudden weakness of the muscles on one side of the face. It happens when
the **facial nerve**, which controls these muscles, becomes swollen and stops working
properly. Your face may look lopsided, and smiling, blinking or closing your eye on that
side can be hard.

It is the most common cause of sudden weakness on one side of the face. It can happen at
any age, but it is less common in children under 15 and adults over 60.

The good news is that Bell's palsy is usually temporary. Most people start to feel better
within a few weeks, and most recover completely.

## Symptoms

Symptoms come on quickly, usually over a few hours to about three days. They may include:

- drooping of the mouth or eyelid on one side
- trouble closing the eye, blinking or raising the eyebrow on that side
- drooling, or drinks escaping from one corner of the mouth
- a dry eye, or sometimes a watery one
- a change in taste
- pain in or behind the ear, or in the jaw, sometimes a day or two before the weakness
- sounds seeming louder than usual in one ear

Bell's palsy usually affects the whole of one side of the face, including the forehead.
It does not cause weakness in the arms or legs.

## Causes

The facial nerve travels through a narrow channel of bone in the skull on its way to the
face. In Bell's palsy, the nerve swells inside this channel. It gets squeezed and can't
carry signals well.

Doctors don't know exactly why this happens. A viral infection is thought to play a part
in many cases, most often the herpes simplex virus that causes cold sores. Bell's palsy
itself is not contagious.

You may be more likely to get it if you:

- are pregnant, especially in the last three months or the first week after giving birth
- have diabetes or high blood pressure
- are living with obesity
- have recently had a cold, the flu or another infection of the nose and throat

## Diagnosis

There is no single test for Bell's palsy. A doctor makes the diagnosis by asking about
your symptoms and examining your face, eyes, ears and nervous system. The main goal is
to rule out other causes of facial weakness, such as a stroke, an ear infection,
shingles near the ear (Ramsay Hunt syndrome), Lyme disease or, rarely, a tumor.

Blood tests and scans are not usually needed when the signs are typical. Your doctor may
order them if something doesn't fit, if both sides of your face are weak, or if you are
not getting better as expected. If your face is completely paralyzed, a nerve test such
as electromyography (EMG) may help predict how well you will recover.

## Treatment

- **Steroid tablets.** A short course of a steroid such as prednisone or prednisolone
  calms the swelling around the nerve. It works best when started within 72 hours of the
  first symptoms, so see a doctor as soon as you can. Steroids are recommended for
  adults; for children, the doctor and family decide together.
- **Antiviral medicine.** Antivirals such as valacyclovir or acyclovir are not used on
  their own, because they don't help by themselves. Some doctors add one to steroids when
  the weakness is severe, although any extra benefit is small.
- **Eye protection.** If your eye doesn't close fully, lubricating eye drops during the
  day and an ointment at night stop it from drying out. Your doctor may also suggest
  taping the eyelid shut at night or wearing a moisture shield.
- **Pain relief.** An over-the-counter pain reliever can ease pain around the ear.

If recovery is slow or incomplete, a specialist can help. Options include facial therapy
to retrain the muscles, botulinum toxin (Botox) injections for muscles that are tight or
move at the wrong time, and, for a few people, surgery.

## Living with it

Recovery takes patience. Most people notice the first signs of movement coming back
about two to three weeks after symptoms begin. Most recover fully within three to six
months. A smaller number are left with some weakness or stiffness, or with muscles that
move together when they shouldn't, such as the eye closing when you smile. Doctors call
this synkinesis.

While you recover:

- wear glasses or sunglasses outdoors to shield your eye from wind and dust
- eat slowly, take small bites and chew on your stronger side
- keep going with daily life as much as you can; Bell's palsy is not a reason to stay home
- keep an eye on your mood

A sudden change in how your face looks can knock your confidence, and it is common to
feel upset or self-conscious. Talking to friends, your doctor or a support group for
people with facial palsy can help.

Bell's palsy comes back in a small number of people, fewer than 1 in 10. It can affect
the same side or the other side, sometimes years later.

## When to see a doctor

See a doctor the same day if you notice weakness or drooping on one side of your face.
Early treatment gives you the best chance of a full recovery.

**Sudden weakness of the face can be a sign of a stroke. Call emergency services at
once** if facial weakness comes with any of these:

- weakness, numbness or heaviness in an arm or leg
- slurred speech, or trouble speaking or understanding others
- confusion, dizziness, loss of balance or trouble seeing
- a sudden, severe headache

Don't wait to see whether it passes, and don't drive yourself. Only a medical team can
tell a stroke from Bell's palsy, and stroke treatment works best in the first few hours.

Get medical help urgently, the same day, if:

- both sides of your face are weak
- your eye becomes red, painful or sticky, or your vision changes
- you have a rash or blisters in or around your ear or mouth, or a fever
- the weakness keeps getting worse after three days, or new symptoms appear

Go back to your doctor if you see no improvement at all after about three weeks, or if
you have not fully recovered after three months.
""",
    "references": [
        {
            "source": "National Institute of Neurological Disorders and Stroke",
            "title": "Bell's Palsy",
            "url": "https://www.ninds.nih.gov/health-information/disorders/bells-palsy",
            "accessed_on": date(2026, 10, 6),
        },
        {
            "source": "NHS",
            "title": "Bell's palsy",
            "url": "https://www.nhs.uk/conditions/bells-palsy/",
            "accessed_on": date(2026, 10, 6),
        },
        {
            "source": "Mayo Clinic",
            "title": "Bell's palsy: Symptoms and causes",
            "url": "https://www.mayoclinic.org/diseases-conditions/bells-palsy/symptoms-causes/syc-20370028",
            "accessed_on": date(2026, 10, 7),
        },
        {
            "source": "American Academy of Otolaryngology–Head and Neck Surgery Foundation",
            "title": "Clinical Practice Guideline: Bell's Palsy",
            "accessed_on": date(2026, 10, 7),
        },
    ],
}

ARTICLES = [
    {
        "slug": "bells-palsy-recovery-week-by-week",
        "title": "Recovering from Bell's palsy: what to expect week by week",
        "summary": (
            "Recovery from Bell's palsy is slow and often uneven. Here is what usually "
            "happens in the first days, weeks and months, and what to do if progress stalls."
        ),
        "key_points": [
            "Bell's palsy usually reaches its worst within about three days of the first symptoms.",
            "The first signs of recovery often appear two to three weeks after symptoms begin.",
            "People whose face kept some movement at the start nearly always recover fully.",
            "If you have not fully recovered by three months, ask to see a facial nerve specialist.",
        ],
        "body": """## The first few days

Bell's palsy usually reaches its worst within about three days. During this time the
weakness may spread or deepen. That can be frightening, but it doesn't mean treatment
is failing. The nerve is swollen, and it needs time to settle.

These early days are when treatment matters most. Steroid tablets work best when they
are started within 72 hours of the first symptoms, so if you haven't seen a doctor yet,
do it now. This is also the time to start protecting your eye if it doesn't close fully.

## Weeks one to three

For many people, nothing much seems to change at first. That is normal. Nerves heal
slowly, and the first signs of recovery often appear around two to three weeks after
symptoms began.

Early signs can be small and easy to miss:

- a flicker of movement at the corner of your mouth
- being able to close your eye a little further
- less spilling when you drink
- food starting to taste normal again

Ear pain and sensitivity to loud sounds usually fade during this stage too.

## One to three months

Most people see steady progress over these weeks. Movement may come back faster in some
parts of your face than in others, and some days may feel better than others.

How much movement you had at the start gives a good clue to how things will go. Nearly
everyone whose face kept some movement recovers fully. If your face was completely
paralyzed at the start, recovery tends to be slower. Even so, around 6 in 10 people in
this group still recover fully, and many others recover most of their movement.

## After three months

Most people have recovered, or nearly recovered, by three to six months. If you have not
fully recovered by three months, your doctor should check you again or refer you to a
specialist in facial nerve problems.

A small number of people are left with lasting changes:

- **Weakness** that stays in part of the face.
- **Synkinesis.** As the nerve regrows, some fibers can reconnect to the wrong muscles.
  Moving one part of the face then moves another. For example, your eye may narrow when
  you smile.
- **Tightness.** The muscles on the affected side may feel stiff or pulled, and the
  face can look lopsided even at rest.
- **"Crocodile tears."** Your eye may water when you eat.

These changes can often be improved. A facial therapist can teach you exercises to
relax tight muscles and control unwanted movements. Botulinum toxin injections can calm
overactive muscles, and surgery can help a few people.

## What affects your outlook

Things linked to a slower or less complete recovery include:

- complete paralysis of one side of the face at the start
- no sign of improvement by about three weeks
- being over 60
- having diabetes or high blood pressure

Having one of these doesn't mean you won't recover. It means your doctor may want to
follow you more closely and refer you sooner.

## Tracking your progress

Change is slow, and it's hard to notice when you look in the mirror every day. Taking a
photo or short video every week or two can help. Try the same few movements each time:
raise your eyebrows, close your eyes gently, smile and pucker your lips. Looking back
over a few weeks often shows more progress than you expected, and the record is useful
to share with your doctor.
""",
        "references": [
            {
                "source": "National Institute of Neurological Disorders and Stroke",
                "title": "Bell's Palsy",
                "url": "https://www.ninds.nih.gov/health-information/disorders/bells-palsy",
                "accessed_on": date(2026, 9, 15),
            },
            {
                "source": "American Academy of Otolaryngology–Head and Neck Surgery Foundation",
                "title": "Clinical Practice Guideline: Bell's Palsy",
                "accessed_on": date(2026, 9, 15),
            },
            {
                "source": "Cleveland Clinic",
                "title": "Bell's Palsy",
                "url": "https://my.clevelandclinic.org/health/diseases/5457-bells-palsy",
                "accessed_on": date(2026, 9, 16),
            },
        ],
        "days_ago": 46,
        "ratings": [5, 5, 4, 5, 4, 3, 5],
        "comments": [
            {
                "author_name": "Priya",
                "body": (
                    "The weekly photos idea really helped me. I couldn't see any change day "
                    "to day, but my week 4 photo looked so different from week 1."
                ),
                "days_ago": 30,
            },
            {
                "author_name": "Glen",
                "body": (
                    "Nothing happened for almost three weeks and I was sure I'd be stuck "
                    "like this. Then my smile started coming back. Hang in there, everyone."
                ),
                "days_ago": 12,
            },
        ],
    },
    {
        "slug": "eating-drinking-talking-with-bells-palsy",
        "title": "Eating, drinking and talking with Bell's palsy",
        "summary": (
            "A weak side of the mouth can make meals messy and words harder to say. These "
            "simple changes can make everyday eating, drinking and talking easier."
        ),
        "key_points": [
            "Bell's palsy can weaken the lips and cheek and change how food tastes.",
            "Small bites, chewing on the stronger side and checking your cheek for food all help.",
            "Trapped food and a drier mouth raise the risk of tooth decay, so keep up mouth care.",
            "Slurred speech with sudden weakness in an arm or leg is a stroke sign: call emergency services.",
        ],
        "body": """## Why everyday things feel harder

The facial nerve controls the muscles of your lips and cheek. When it is weak, your lips
can't seal well on one side, and your cheek can't push food back toward your teeth. The
same nerve also carries taste from the front of the tongue and helps you make saliva.
So food may taste dull or strange, and your mouth may feel dry.

These problems usually ease as the nerve recovers. In the meantime, a few changes can
make meals less tiring and less messy.

## At mealtimes

- Sit upright and give yourself plenty of time.
- Cut food into small pieces and take small bites.
- Chew on your stronger side.
- Choose softer foods for the first few weeks if chewing is tiring. Eggs, pasta, fish,
  yogurt and soups are good options.
- After eating, run your tongue or a clean finger around the inside of your cheek on the
  weak side. Food often collects there without you feeling it.

Eating out can feel awkward at first. Picking dishes that are easy to eat, like soup,
risotto or a soft sandwich, can help you relax and enjoy the company.

## Drinks

- Sip from a straw placed in the stronger side of your mouth.
- Gently hold your lips together on the weak side with a finger while you drink.
- Try a cup with a lid or a sports bottle to cut down on spills.
- Keep a napkin close by, and don't worry if you dribble a little. It is very common.

Drink plenty of water through the day. It helps with a dry mouth and keeps you feeling
well while you recover.

## Looking after your mouth and teeth

Food that stays trapped in your cheek, together with less saliva, can raise the risk of
tooth decay and gum problems. To protect your mouth:

- brush twice a day with a soft toothbrush, taking extra care on the weak side
- rinse your mouth with water after meals
- use lip balm, as the corner of the mouth on the weak side can get dry and sore
- let your dentist know you have Bell's palsy at your next checkup

## Talking

Sounds that need both lips, such as "p", "b", "m", "w" and "f", can be harder to say.
Your speech may sound a little slurred or unclear. It helps to:

- slow down a little and pause between sentences
- gently support your lips on the weak side with a finger for tricky words
- use video calls rather than phone calls if people struggle to understand you, so
  they can see your face
- tell people what is going on, for example: "I have Bell's palsy. It's temporary, and
  it makes some words harder to say."

If speech problems last after your face has mostly recovered, ask your doctor about
seeing a speech and language therapist.

One important exception: speech that suddenly becomes slurred or confused, together with
weakness or numbness in an arm or leg, is a sign of stroke. Call emergency services at
once.
""",
        "references": [
            {
                "source": "NHS",
                "title": "Bell's palsy",
                "url": "https://www.nhs.uk/conditions/bells-palsy/",
                "accessed_on": date(2026, 9, 28),
            },
            {
                "source": "MedlinePlus",
                "title": "Bell's Palsy",
                "url": "https://medlineplus.gov/bellspalsy.html",
                "accessed_on": date(2026, 9, 28),
            },
            {
                "source": "Facial Palsy UK",
                "title": "Bell's palsy",
                "accessed_on": date(2026, 9, 29),
            },
        ],
        "days_ago": 118,
        "ratings": [4, 5, 4, 4, 5],
        "comments": [
            {
                "author_name": "Hannah",
                "body": (
                    "I had no idea food was getting stuck in my cheek until I read this. "
                    "Checking after meals has made a real difference."
                ),
                "days_ago": 74,
            },
        ],
    },
    {
        "slug": "facial-exercises-after-bells-palsy",
        "title": "Facial exercises after Bell's palsy: why gentle works best",
        "summary": (
            "Gentle, careful exercises may help some people regain control of their face "
            "after Bell's palsy. Here is when to start, what to try and what to avoid."
        ),
        "key_points": [
            "Most people recover from Bell's palsy without exercises, and the evidence for them is limited.",
            "Small, slow, even movements in front of a mirror are better than forceful ones.",
            "Hard grimacing and too much effort may make unwanted linked movements more likely.",
            "A specialist facial therapist can help if recovery is slow or your face feels tight.",
        ],
        "body": """## Do facial exercises help?

Most people recover from Bell's palsy without doing any exercises. Research on facial
exercises is limited. Some small studies suggest that exercises tailored by a trained
therapist may improve movement and reduce unwanted linked movements (synkinesis), but
the evidence is not strong.

Exercises are not a replacement for steroid treatment or eye care. What they can do is
help you relearn control of your face, notice progress and feel more involved in your
own recovery.

## When to start

In the first weeks, when the weak side barely moves, there is little to exercise. At
this stage, many therapists suggest:

- gentle massage of the weak side with clean fingers, using slow, light strokes
- resting your face, and not trying to force movement that isn't there yet

Once you notice movement starting to return, you can begin gentle exercises. Check with
your doctor or therapist first, especially if your eye doesn't close fully.

## Gentle exercises to try

Sit in front of a mirror, relax your shoulders and breathe slowly. Do each movement
slowly, a few times, once or twice a day.

1. **Eyebrows.** Raise your eyebrows gently, hold for a few seconds, then relax.
2. **Eyes.** Close your eyes softly, as if you were drifting off to sleep. Don't squeeze.
3. **Smile.** Make a small smile with your lips closed, then relax.
4. **Pucker.** Push your lips forward as if to blow out a candle.
5. **Nose.** Wrinkle your nose or gently flare your nostrils.

The aim is a small, even movement on both sides. Watch the mirror, and stop the movement
at the point where your strong side starts to take over. A little bit of good-quality
movement is worth more than a big, lopsided one.

## What to avoid

- **Forceful movements.** Grimacing hard or pulling big faces can make the strong side
  work harder and may encourage synkinesis.
- **Doing too much.** More is not better. Tired muscles move less well, so keep sessions
  short.
- **Chewing gum as exercise.** Long chewing sessions work the jaw more than the face and
  can leave it sore.
- **Electrical stimulation.** There is no good evidence that it helps Bell's palsy, and
  many facial palsy specialists advise against it because it may encourage unwanted
  muscle activity.

If any exercise causes pain, or your face feels tighter afterward, stop and ask for
advice.

## Getting specialist help

A facial therapist is a physical therapist or speech and language therapist with extra
training in facial palsy. They can check how your face is moving and design a program
just for you. This is most useful if:

- you are not improving as expected after a few months
- your face feels tight or pulled, even at rest
- parts of your face move together when they shouldn't, such as your eye closing when
  you smile

Ask your doctor for a referral. Facial palsy charities can also help you find a therapist
with the right experience.
""",
        "references": [
            {
                "source": "Cochrane Database of Systematic Reviews",
                "title": "Physical therapy for Bell's palsy (idiopathic facial paralysis)",
                "accessed_on": date(2026, 11, 3),
            },
            {
                "source": "Facial Palsy UK",
                "title": "Facial therapy",
                "accessed_on": date(2026, 11, 3),
            },
            {
                "source": "Mayo Clinic",
                "title": "Bell's palsy: Symptoms and causes",
                "url": "https://www.mayoclinic.org/diseases-conditions/bells-palsy/symptoms-causes/syc-20370028",
                "accessed_on": date(2026, 11, 4),
            },
        ],
        "days_ago": 9,
        "ratings": [5, 4],
        "comments": [],
    },
]

QUESTIONS = [
    {
        "title": "Is it normal to have ear pain with Bell's palsy?",
        "body": (
            "My face started drooping on the left two days ago, and the doctor said it's "
            "Bell's palsy. I also have a dull ache behind my ear, and loud noises bother me. "
            "Is that part of it?"
        ),
        "author_name": "Dani",
        "days_ago": 14,
        "answers": [
            {
                "author_name": "Chris",
                "body": (
                    "I had the same ache behind my ear for about a week at the start. It faded "
                    "around the time my face began to improve."
                ),
                "votes": 4,
            },
            {
                "author_name": "Mel",
                "body": (
                    "Loud sounds bothered me too. I kept the TV turned down and skipped busy "
                    "places for a couple of weeks, and it settled."
                ),
                "votes": 2,
            },
        ],
        "expert": (
            "An ache around or behind the ear and extra sensitivity to loud sounds are common "
            "in the early days of Bell's palsy, and they usually ease within a week or two. "
            "A regular pain reliever, taken as the label says, can help. Please contact your "
            "doctor promptly if the pain becomes severe, or if you notice a rash or blisters "
            "in or around your ear or mouth, hearing loss, dizziness or a fever, as these can "
            "point to a different cause that needs its own treatment. If you haven't started "
            "treatment yet, ask about steroid tablets, which work best in the first three days."
        ),
    },
    {
        "title": "Can Bell's palsy come back after you've recovered?",
        "body": (
            "I had Bell's palsy three years ago and got completely better. Lately I worry "
            "every time my face feels tired. Does it come back?"
        ),
        "author_name": "Sunny",
        "days_ago": 63,
        "answers": [
            {
                "author_name": "Ray",
                "body": (
                    "My doctor told me it does come back for a small number of people, but "
                    "most never get it again. Mine hasn't returned in ten years."
                ),
                "votes": 3,
            },
        ],
        "expert": None,
    },
]
