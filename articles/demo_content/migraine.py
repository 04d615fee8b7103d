"""Demo content: Migraine. Facts from the references listed; the words are Empower's."""

from datetime import date

CONDITION = {
    "name": "Migraine",
    "slug": "migraine",
    "summary": (
        "A common brain condition that causes repeated attacks of headache, often throbbing "
        "and on one side, with nausea and sensitivity to light and sound."
    ),
    "aliases": [
        "migraines",
        "migraine headache",
        "sick headache",
        "migraine with aura",
        "chronic migraine",
    ],
}

GUIDE = {
    "title": "Migraine",
    "summary": (
        "Migraine causes attacks of moderate to severe headache that can last hours or days. "
        "Learn the symptoms, what may set attacks off, how treatment works and when to get "
        "urgent help."
    ),
    "key_points": [
        "Migraine is a common brain condition that causes repeated attacks of headache and other symptoms.",
        "About 1 in 4 people with migraine have an aura, such as flashing lights, before or during an attack.",
        "Medicine for an attack works best when taken early, but using it on too many days can cause more headaches.",
        "Preventive treatments, including newer medicines that block CGRP, can make attacks less frequent.",
        "A sudden, very severe headache or one with weakness, confusion or a stiff neck needs emergency help.",
    ],
    "body": """## Overview

Migraine is a common brain condition. It causes attacks of headache that are often
throbbing and moderate to severe. Other symptoms, such as feeling sick and finding light
hard to bear, often come with the pain. An attack usually lasts from a few hours to about
three days.

Migraine affects about 1 in 7 people around the world. It often starts in the teenage
years or early adulthood, and women have it about three times as often as men. Some
people have a few attacks a year. Others have them every week.

Migraine is not dangerous in itself, but it can disrupt work, school and family life. The
good news is that many treatments can make attacks shorter, milder or less frequent.

## Symptoms

An attack may move through up to four phases. Not everyone has every phase, and one
attack can differ from the next.

- **Early warning (prodrome).** A few hours to a day or two before the headache, you may
  yawn a lot, crave certain foods, feel moody or notice a stiff neck.
- **Aura.** About 1 in 4 people with migraine have an aura. It is most often a change in
  vision, such as flashing lights, zigzag lines or a blind spot. Some people feel tingling
  or numbness, or have trouble finding words. An aura builds over a few minutes and
  usually lasts less than an hour.
- **Headache.** The pain is often on one side of the head, but it can be on both sides.
  It tends to throb and gets worse when you move. Many people feel sick or throw up, and
  find light, sound or smells hard to bear.
- **Recovery (postdrome).** For up to a day or two afterward, many people feel tired,
  washed out or foggy.

Some people have an aura with no headache at all. In children, attacks are often shorter,
and belly pain can be the main symptom.

## Causes

Experts don't fully understand why migraine happens. It involves changes in how the brain
handles signals, and in the nerves and blood vessels around the brain. During an attack,
nerves release chemical messengers. One of these, called CGRP, helps cause inflammation
and pain. Migraine often runs in families, so genes play a large part.

Many people notice that certain things can set off an attack. These are called triggers.
Common ones include:

- hormone changes, such as around a period
- stress, or the letdown after a stressful time
- too little or too much sleep
- skipped meals or not drinking enough fluids
- alcohol, and changes in how much caffeine you have
- bright or flickering light, loud noise and strong smells
- changes in the weather

Triggers differ from person to person. Often it is a mix of things, not just one, that
tips someone into an attack.

## Diagnosis

No blood test or scan can show migraine. A doctor makes the diagnosis from your symptoms,
your medical history and an exam of your nervous system. They will ask how often your
headaches happen, how long they last, what they feel like and which medicines you take.

Keeping a headache diary for a few weeks before your visit helps a great deal. Most
people with migraine do not need a brain scan. A doctor may order one, such as an MRI, if
the headaches are unusual or there are signs that something else is going on.

## Treatment

There is no cure, but treatment helps most people. It comes in two kinds.

**Treating an attack.** Medicine works best when you take it early, at the first sign of
headache. Options include:

- pain relievers such as ibuprofen, naproxen, aspirin or acetaminophen (paracetamol)
- triptans, such as sumatriptan, which were made for migraine
- newer medicines called gepants, such as ubrogepant or rimegepant, and a medicine called
  lasmiditan, for people who can't take triptans or don't get relief from them
- anti-nausea medicines

Taking pain relievers or triptans too often can lead to more headaches. This is called
medication overuse headache. Talk with your doctor if you need medicine for headaches on
more than about 10 days a month.

**Preventing attacks.** If attacks are frequent or severe, a doctor may suggest a
treatment to lower how often they happen. Choices include some blood pressure medicines,
antidepressants and anti-seizure medicines, as well as newer medicines that block CGRP.
For chronic migraine, botulinum toxin (Botox) injections every 12 weeks are another
option. Some people use devices that stimulate nerves through the skin.

## Living with it

Migraine can be unpredictable, and that can be hard. Some things that help many people:

- Keep a regular routine for sleep, meals and fluids, even on weekends.
- Carry your attack medicine with you so you can take it early.
- Rest in a quiet, dark room during an attack. A cool cloth or ice pack on your forehead
  or neck may ease the pain.
- Be active most days. Regular exercise such as walking, swimming or cycling can lower how
  often attacks happen.
- Find ways to manage stress, such as relaxation exercises, yoga or cognitive behavioral
  therapy.
- Tell family, friends and your employer or school what migraine is like for you, so they
  know how to help.

Migraine often changes over a lifetime. For many women, attacks become less frequent after
menopause.

## When to see a doctor

See a doctor if you have headaches often, if they are getting worse or changing, or if
your treatment stops working. Also see a doctor if you are over 50 and start having a new
kind of headache.

**Call emergency services or go to the nearest emergency room right away if you have:**

- a sudden, very severe headache that reaches its worst within about a minute
- a headache with weakness, numbness or drooping on one side of the face or body, slurred
  speech or confusion
- a headache with a fever, stiff neck, rash or seizure
- a headache after a blow to the head
- sudden loss of vision, or an aura that lasts longer than an hour

These can be signs of a stroke or another serious problem. If you are not sure whether it
is your usual migraine, it is safer to get checked.
""",
    "references": [
        {
            "source": "National Institute of Neurological Disorders and Stroke",
            "title": "Migraine",
            "url": "https://www.ninds.nih.gov/health-information/disorders/migraine",
            "accessed_on": date(2026, 10, 6),
        },
        {
            "source": "NHS",
            "title": "Migraine",
            "url": "https://www.nhs.uk/conditions/migraine/",
            "accessed_on": date(2026, 10, 6),
        },
        {
            "source": "Mayo Clinic",
            "title": "Migraine - Symptoms and causes",
            "url": "https://www.mayoclinic.org/diseases-conditions/migraine-headache/symptoms-causes/syc-20360201",
            "accessed_on": date(2026, 10, 7),
        },
        {
            "source": "Mayo Clinic",
            "title": "Migraine - Diagnosis and treatment",
            "url": "https://www.mayoclinic.org/diseases-conditions/migraine-headache/diagnosis-treatment/drc-20360207",
            "accessed_on": date(2026, 10, 7),
        },
        {
            "source": "MedlinePlus",
            "title": "Migraine",
            "url": "https://medlineplus.gov/migraine.html",
            "accessed_on": date(2026, 10, 8),
        },
    ],
}

ARTICLES = [
    {
        "slug": "finding-your-migraine-triggers",
        "title": "Finding your migraine triggers with a headache diary",
        "summary": (
            "Triggers can be hard to pin down. A simple headache diary can show patterns in "
            "your attacks, help you decide what to change and give your doctor a clear picture."
        ),
        "key_points": [
            "A trigger makes an attack more likely, but it rarely works alone.",
            "Some things that seem like triggers, such as craving sweets, can be early signs of an attack.",
            "Keeping a diary for at least two months makes patterns easier to see.",
            "Change one thing at a time so you can tell what helps.",
        ],
        "body": """## What a trigger is, and what it isn't

A trigger is something that makes an attack more likely in a person who already has
migraine. It does not cause migraine itself. It can help to think of a threshold. On a
good day, one trigger may not be enough to start an attack. On a day when you slept badly,
skipped lunch and had a stressful meeting, the same trigger might tip you over.

This is why triggers can be so confusing. Chocolate may seem to cause an attack one week
and be fine the next. Also, some "triggers" are really early signs of an attack. Craving
sweet foods is common in the early warning phase. So the chocolate you ate may have been a
sign that the attack had already started, not the cause of it.

## What to write down

A headache diary helps you see patterns you would otherwise miss. You can use a notebook,
a printed chart or a phone app. Try to keep it for at least two months.

Each day, note:

- whether you had a headache, when it started and how long it lasted
- how bad it was, on a scale of 0 to 10
- other symptoms, such as aura, nausea or sensitivity to light
- any medicine you took, the dose, and whether it helped
- when you went to bed and when you got up
- meals, snacks, fluids, caffeine and alcohol
- stress, travel or big changes in your routine
- if you have periods, the day of your cycle

Write something on headache-free days too. They matter just as much for spotting
patterns.

## Spotting patterns

After a few weeks, look back over your diary. Ask yourself:

- Do attacks often start on certain days, such as weekends or the first day of a vacation?
- Do they follow short nights, or mornings when you slept in?
- Do they cluster at a certain time in your cycle?
- Do they follow long gaps between meals?
- How many days a month do you take medicine for headache?

Be careful not to read too much into a single attack. A link you see three or four times
is more likely to be real than one you see once.

## Making changes

When you think you have found a trigger, change one thing at a time. Then keep writing in
your diary so you can tell whether it helped. Changes that help many people include:

- going to bed and getting up at about the same time every day
- eating regular meals and carrying a snack
- drinking enough water through the day
- keeping caffeine steady, rather than having a lot one day and none the next
- cutting back on alcohol

Try not to cut out lots of foods at once. Strict diets can make life harder and may leave
you short of nutrients without reducing your attacks.

Some triggers, such as hormone changes or the weather, can't be avoided. Knowing when an
attack is more likely still helps. You can plan a lighter day, drink plenty of water and
keep your medicine close.

## Taking your diary to the doctor

Bring your diary to your appointments. It shows your doctor how often attacks happen and
how well your treatment works. It can also show if you are using pain relievers so often
that they may be causing more headaches. Doctors often use the number of headache days in
a month to decide whether a preventive treatment could help you.
""",
        "references": [
            {
                "source": "NHS",
                "title": "Migraine",
                "url": "https://www.nhs.uk/conditions/migraine/",
                "accessed_on": date(2026, 10, 6),
            },
            {
                "source": "Mayo Clinic",
                "title": "Migraine - Symptoms and causes",
                "url": "https://www.mayoclinic.org/diseases-conditions/migraine-headache/symptoms-causes/syc-20360201",
                "accessed_on": date(2026, 10, 7),
            },
            {
                "source": "National Institute of Neurological Disorders and Stroke",
                "title": "Migraine",
                "url": "https://www.ninds.nih.gov/health-information/disorders/migraine",
                "accessed_on": date(2026, 10, 6),
            },
        ],
        "days_ago": 142,
        "ratings": [5, 5, 4, 5, 4, 3, 5, 4],
        "comments": [
            {
                "author_name": "Tasha",
                "body": "The part about cravings being an early sign was eye-opening. I blamed "
                "chocolate for years! My diary shows it's really my sleep that matters.",
                "days_ago": 120,
            },
            {
                "author_name": "Ken",
                "body": "I used an app for three months and took it to my appointment. My doctor "
                "said it was the most useful thing I could have brought.",
                "days_ago": 64,
            },
        ],
    },
    {
        "slug": "preventive-treatment-for-migraine",
        "title": "Preventive treatment for migraine: what your options are",
        "summary": (
            "If attacks are frequent or hard to treat, preventive treatment can make them less "
            "common and less severe. Here is how the main choices compare, from daily tablets "
            "to newer CGRP medicines."
        ),
        "key_points": [
            "Preventive treatment aims to cut the number of migraine days, often by about half.",
            "Older daily tablets can take two to three months at a good dose to show whether they work.",
            "Newer medicines that block CGRP come as monthly or three-monthly injections, or as tablets.",
            "Botulinum toxin injections are an option for chronic migraine.",
        ],
        "body": """## Who might benefit

Preventive treatment aims to make attacks less frequent, shorter and milder. It won't
usually stop them completely. A treatment is often seen as working well if it cuts your
migraine days by about half.

Your doctor may suggest it if:

- you have attacks on four or more days a month, or fewer attacks that are long and severe
- medicine for attacks doesn't work well, or you can't take it
- you need attack medicine on many days a month
- migraine is getting in the way of work, school or family life

## Daily tablets

Several medicines first used for other conditions also help prevent migraine. You take
them every day. Doctors usually start with a low dose and raise it slowly. They include:

- **Beta blockers**, such as propranolol or metoprolol. These blood pressure medicines
  may not suit people with asthma.
- **Candesartan**, another blood pressure medicine.
- **Amitriptyline**, an older antidepressant used at a low dose. It can make you sleepy,
  so it is often taken in the evening.
- **Topiramate**, an anti-seizure medicine. It can harm an unborn baby, so anyone who
  could become pregnant should talk with their doctor about birth control first.

It can take two to three months at a good dose to know if one of these is working. Side
effects are a common reason people stop. If one medicine doesn't suit you, another might.

## Medicines that block CGRP

CGRP is a chemical messenger that plays a key part in migraine attacks. A newer group of
medicines blocks it or the place where it acts. These were designed for migraine.

- **Antibody medicines**, such as erenumab, fremanezumab and galcanezumab, are given as a
  shot under the skin, usually once a month. You can learn to give these shots yourself.
  Eptinezumab is given through a vein every three months.
- **Gepants** are tablets. Atogepant is taken every day. Rimegepant is taken every other
  day to prevent attacks, and it can also treat an attack.

Most people have few side effects with these medicines, though constipation can happen
with some. Cost and insurance rules can affect access, and some plans ask you to try older
medicines first.

## Botulinum toxin

Chronic migraine means headaches on 15 or more days a month for more than three months,
with migraine features on at least 8 of those days. For chronic migraine, botulinum toxin
(Botox) is an option. A doctor gives about 30 small injections in the forehead, head,
neck and shoulders every 12 weeks. It can take two or three rounds to see the full
benefit.

## Devices and other approaches

Some devices stimulate nerves through the skin. Depending on the type, you wear it on
your upper arm, place it on your forehead or hold it against your neck or head. They can
help treat or prevent attacks in some people and have few side effects.

Other approaches with some evidence include:

- regular aerobic exercise
- relaxation training, biofeedback and cognitive behavioral therapy
- riboflavin (vitamin B2) and magnesium supplements
- acupuncture

Check with your doctor or pharmacist before starting a supplement, since it can interact
with other medicines.

## Working with your doctor

Give each new treatment a fair trial, and keep a headache diary so you can both see
whether it's helping. Ask about side effects, and what to do if you plan a pregnancy. Many
people try more than one treatment before they find the right one. If your migraine is
hard to control, ask about seeing a neurologist or headache specialist.
""",
        "references": [
            {
                "source": "Mayo Clinic",
                "title": "Migraine - Diagnosis and treatment",
                "url": "https://www.mayoclinic.org/diseases-conditions/migraine-headache/diagnosis-treatment/drc-20360207",
                "accessed_on": date(2026, 10, 7),
            },
            {
                "source": "National Institute of Neurological Disorders and Stroke",
                "title": "Migraine",
                "url": "https://www.ninds.nih.gov/health-information/disorders/migraine",
                "accessed_on": date(2026, 10, 6),
            },
            {
                "source": "American Migraine Foundation",
                "title": "American Migraine Foundation",
                "url": "https://americanmigrainefoundation.org/",
                "accessed_on": date(2026, 10, 9),
            },
        ],
        "days_ago": 58,
        "ratings": [5, 4, 5, 5, 4],
        "comments": [
            {
                "author_name": "Priya",
                "body": "I went through three daily tablets before starting a monthly injection. "
                "I still get attacks, but about half as many. Worth being patient.",
                "days_ago": 31,
            },
        ],
    },
    {
        "slug": "working-with-migraine",
        "title": "Working with migraine: talking to your employer and planning ahead",
        "summary": (
            "Migraine often strikes during working years. Small changes at work, a plan for "
            "attacks and an open talk with your manager can make a real difference."
        ),
        "key_points": [
            "You choose whether to tell your employer, but sharing can open the door to helpful changes.",
            "Simple changes to lighting, screens and breaks help many people with migraine.",
            "A work migraine kit means you can treat an attack early.",
            "In many places, the law protects workers whose migraine limits daily life.",
        ],
        "body": """## Should you tell your employer?

Migraine is most common between the ages of about 20 and 50, the years when many people
are building their careers. Yet many people keep it to themselves at work. They may worry
about being judged, or that others will think it's "just a headache".

Whether to tell your employer is your choice. Still, sharing can help. A manager who
understands migraine is more likely to be flexible when an attack strikes. It also lets
you ask for changes that can cut the number of attacks you have at work.

If you decide to talk, it can help to:

- explain briefly what an attack is like for you and how long it lasts
- say what helps, such as taking medicine early or resting for a short time
- suggest one or two changes that would make a difference
- bring a note from your doctor, if your workplace asks for one

## Changes that can help at work

Many helpful changes are simple and cost little. Depending on your triggers, you might
ask for:

- a desk away from bright windows, flickering lights or strong smells
- an anti-glare screen filter, or the option to adjust screen brightness
- a quieter space, or permission to wear noise-reducing headphones
- regular short breaks from the screen
- flexible hours, or working from home during or after an attack
- a quiet, dark room where you can rest for a short while
- a scent-free policy in shared spaces

Keeping your own routine steady helps too. Eat lunch, drink water through the day and try
not to skip sleep before a deadline. Long weeks followed by a weekend crash can set off
attacks in some people.

## Planning for an attack at work

Attack medicine works best when you take it early, so don't wait to see if a headache
passes. Keep a small kit at work or in your bag with:

- your attack medicine and any anti-nausea medicine
- a bottle of water and a snack
- sunglasses, earplugs and an eye mask
- a cold pack, if there is a freezer you can use

Think ahead about how you will get home if you can't drive, since some migraine
medicines and some auras make driving unsafe. Agree with your manager who to tell if you
need to leave, and how urgent work will be covered.

## Knowing your rights

In many countries, laws protect workers who have a long-term health condition. In the
US, for example, migraine can count as a disability under the Americans with Disabilities
Act if it greatly limits daily activities. In that case, your employer may need to make
reasonable changes to help you do your job. Other countries have similar laws. A human
resources team, a union, or a free government advice service can tell you more.

## When work is getting too hard

If migraine is causing you to miss a lot of work, talk with your doctor. It may be time
to review your treatment or start preventive medicine. Bring a headache diary that shows
how many days you lose. That record can help your doctor and your employer understand
what you're dealing with.
""",
        "references": [
            {
                "source": "Job Accommodation Network",
                "title": "Migraine Headaches",
                "accessed_on": date(2026, 10, 12),
            },
            {
                "source": "NHS",
                "title": "Migraine",
                "url": "https://www.nhs.uk/conditions/migraine/",
                "accessed_on": date(2026, 10, 6),
            },
            {
                "source": "MedlinePlus",
                "title": "Migraine",
                "url": "https://medlineplus.gov/migraine.html",
                "accessed_on": date(2026, 10, 8),
            },
        ],
        "days_ago": 11,
        "ratings": [4, 5, 4],
        "comments": [],
    },
]

QUESTIONS = [
    {
        "title": "Is it normal to feel wiped out for a day after a migraine?",
        "body": "Even after the pain goes, I feel foggy and exhausted the next day, like a "
        "hangover. I can't think straight at work. Does this happen to other people?",
        "author_name": "Dani",
        "days_ago": 37,
        "answers": [
            {
                "author_name": "Sol",
                "body": "Yes, every time for me. I plan easy tasks for the day after and try to "
                "get outside for a short walk. It helps a little.",
                "votes": 6,
            },
            {
                "author_name": "Bea",
                "body": "Same here. Drinking plenty of water and not rushing back into a full "
                "day makes my recovery shorter.",
                "votes": 3,
            },
        ],
        "expert": "What you describe is very common. It's called the postdrome, the last phase "
        "of an attack, and many people feel tired, foggy or low for up to a day or two. Rest, "
        "fluids, regular meals and gentle activity can help while it passes. If the recovery "
        "phase is long, or you are having attacks often enough that they affect your work, "
        "talk with your doctor about treating attacks earlier or about preventive treatment. "
        "Get help right away if you ever have new confusion, weakness or trouble speaking.",
    },
    {
        "title": "Why do my migraines always hit on Saturdays?",
        "body": "I almost never get one during the working week, but I'm often in bed by "
        "Saturday afternoon. It's ruining my weekends.",
        "author_name": "Marco",
        "days_ago": 15,
        "answers": [
            {
                "author_name": "Jo",
                "body": "For me it was sleeping in and having my coffee much later than usual. "
                "Getting up at my normal time on weekends made a big difference.",
                "votes": 8,
            },
            {
                "author_name": "Ash",
                "body": "Mine was the letdown after a stressful week. Doing something calm on "
                "Friday evening instead of going out helped.",
                "votes": 2,
            },
        ],
        "expert": None,
    },
]
