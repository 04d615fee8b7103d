"""Demo content: Trigeminal neuralgia. Facts from the references listed; the words are Empower's."""

from datetime import date

CONDITION = {
    "name": "Trigeminal neuralgia",
    "slug": "trigeminal-neuralgia",
    "summary": (
        "A long-term nerve condition that causes sudden, brief attacks of severe, shock-like "
        "pain in the face, usually on one side. Medicines help most people, and procedures "
        "can help when they don't."
    ),
    "aliases": [
        "tic douloureux",
        "face nerve pain",
        "facial nerve pain",
        "TN",
        "trigeminal nerve pain",
        "electric shock face pain",
    ],
}

GUIDE = {
    "title": "Trigeminal neuralgia",
    "summary": (
        "Trigeminal neuralgia causes sudden jolts of severe pain in the face, often set off by "
        "a light touch, chewing or talking. Learn the signs, the causes and the treatments "
        "that can bring the pain under control."
    ),
    "key_points": [
        "Trigeminal neuralgia causes short, shock-like attacks of severe pain, usually on one side of the face.",
        "Everyday things such as chewing, talking, brushing your teeth or a cool breeze can set off an attack.",
        "In most people, a blood vessel pressing on the trigeminal nerve is the cause.",
        "Anti-seizure medicines such as carbamazepine help most people; ordinary painkillers usually don't.",
        "If medicines stop working or cause too many side effects, procedures and surgery can help.",
    ],
    "body": """## Overview

Trigeminal neuralgia is a long-term pain condition. It affects the trigeminal nerve,
which carries feeling from your face to your brain. You have one on each side of your
face. Each nerve has three branches: one for the forehead and eye, one for the cheek and
upper jaw, and one for the lower jaw.

The condition causes sudden attacks of severe pain, usually on one side of the face.
Many people say it is the worst pain they have ever felt. Between attacks, most people
feel well. You may also hear it called tic douloureux, an older French name.

Trigeminal neuralgia is uncommon. It affects more women than men and usually starts
after the age of 50, though it can begin at any age. It is not life-threatening, and
treatment helps most people.

## Symptoms

The main symptom is pain that:

- feels like an electric shock, a stab or a sharp jolt
- lasts from a split second to about two minutes
- is felt in the cheek, jaw, teeth, gums or lips, and less often around the eye or
  forehead
- is usually on one side of the face only
- can come in a rapid run of attacks, sometimes many in one day

Attacks are often set off by light, everyday actions. Doctors call these triggers.
Common ones include:

- touching your face, washing or shaving
- chewing, talking or smiling
- brushing your teeth
- wind, a fan or cold air on your face

Some people also have a dull, aching or burning pain that lingers between attacks. This
is sometimes called atypical trigeminal neuralgia.

The condition often comes and goes. You may have attacks for weeks or months, then none
for months or even years. This pain-free time is called remission.

## Causes

In most people, a blood vessel touches or presses on the trigeminal nerve close to where
it leaves the brainstem. Over time, this pressure can wear away the nerve's protective
coating, called myelin. The damaged nerve then sends pain signals when it shouldn't,
even after a light touch.

Less often, trigeminal neuralgia is caused by:

- multiple sclerosis (MS), which damages myelin in the brain and spinal cord
- a tumor or cyst pressing on the nerve, which is rare

For some people, no cause is found.

## Diagnosis

There is no single test for trigeminal neuralgia. A doctor, often a neurologist (a
nerve specialist), diagnoses it mainly from how you describe your pain. It helps to note
where the pain is, what it feels like, how long each attack lasts and what sets it off.

Your doctor will check the feeling and movement in your face. You will probably have an
MRI scan of your head. It can show a blood vessel pressing on the nerve and rule out
other causes, such as MS or a tumor.

Because the pain is often felt in the teeth or jaw, many people see a dentist first. A
dentist can check for tooth problems, but dental work does not help trigeminal
neuralgia.

## Treatment

**Medicines.** Most people start with an anti-seizure medicine, which calms the
overactive nerve. Carbamazepine is usually tried first, and oxcarbazepine is a common
alternative. They reduce or stop attacks for many people. Other options include
gabapentin, pregabalin, baclofen and lamotrigine. Everyday painkillers, such as
acetaminophen or ibuprofen, usually don't help this kind of pain.

Your doctor will start with a low dose and raise it slowly. Side effects can include
dizziness, sleepiness, double vision and feeling unsteady. You may need regular blood
tests. Don't stop taking these medicines suddenly. Your doctor can help you lower the
dose safely if your pain goes into remission.

**Procedures and surgery.** If medicines stop working, or the side effects are too hard
to live with, a specialist may suggest:

- **Microvascular decompression.** A surgeon moves the blood vessel away from the nerve.
  It often gives the longest relief, but it is a major operation.
- **Needle procedures.** Heat, a chemical (glycerol) or a small balloon is used to
  damage part of the nerve so it stops sending pain signals. Facial numbness afterward
  is common.
- **Stereotactic radiosurgery.** Focused radiation is aimed at the nerve, with no cut.
  It can take weeks to months to work.

## Living with it

Pain that strikes without warning can take over your life. These steps may help:

- Keep a pain diary of attacks, triggers and medicine doses to share with your doctor.
- Protect your face from wind and cold with a scarf or high collar.
- Keep up with dental checkups, even if brushing is hard. Your dentist can suggest
  gentler ways to clean your teeth.
- Tell your doctor if you feel low or anxious. This is common, and support is part of
  care.
- Connect with others through a patient group, such as the Facial Pain Association.

## When to see a doctor

See a doctor if you have face pain that keeps coming back, or tooth pain that dental
treatment hasn't fixed. Go back to your doctor if your attacks get worse, your medicine
stops working, or you notice new numbness in your face.

Get urgent medical help the same day if:

- you can't eat or drink because of the pain
- you get a rash, blisters, mouth sores, a fever, a sore throat or unusual bruising
  after starting a new medicine

Call emergency services if:

- one side of your face suddenly droops, or an arm or leg becomes weak
- you suddenly have trouble speaking or become confused
- you have thoughts of ending your life or harming yourself
""",
    "references": [
        {
            "source": "National Institute of Neurological Disorders and Stroke",
            "title": "Trigeminal Neuralgia",
            "url": "https://www.ninds.nih.gov/health-information/disorders/trigeminal-neuralgia",
            "accessed_on": date(2026, 10, 6),
        },
        {
            "source": "NHS",
            "title": "Trigeminal neuralgia",
            "url": "https://www.nhs.uk/conditions/trigeminal-neuralgia/",
            "accessed_on": date(2026, 10, 6),
        },
        {
            "source": "Mayo Clinic",
            "title": "Trigeminal neuralgia: Symptoms and causes",
            "url": "https://www.mayoclinic.org/diseases-conditions/trigeminal-neuralgia/symptoms-causes/syc-20353344",
            "accessed_on": date(2026, 10, 7),
        },
        {
            "source": "MedlinePlus",
            "title": "Trigeminal Neuralgia",
            "url": "https://medlineplus.gov/trigeminalneuralgia.html",
            "accessed_on": date(2026, 10, 7),
        },
    ],
}

ARTICLES = [
    {
        "slug": "trigeminal-neuralgia-medicines-what-to-expect",
        "title": "Medicines for trigeminal neuralgia: what to expect",
        "summary": (
            "Anti-seizure medicines are the main treatment for trigeminal neuralgia. Here is how "
            "they work, which side effects to watch for, and how to take them safely."
        ),
        "key_points": [
            "Carbamazepine is usually the first medicine tried, and oxcarbazepine is a common alternative.",
            "Doses start low and go up slowly, which helps your body get used to the medicine.",
            "Regular blood tests help your doctor spot rare but serious side effects early.",
            "Never stop these medicines suddenly; your doctor can help you lower the dose safely.",
        ],
        "body": """Medicine is the first treatment for almost everyone with trigeminal neuralgia.
The right one, at the right dose, can reduce attacks or stop them completely. Finding
that balance can take some patience.

## Why everyday painkillers don't work

Trigeminal neuralgia pain comes from a nerve that fires when it shouldn't. Painkillers
such as acetaminophen, ibuprofen and even opioids act on other pain pathways, so they
usually do little for these attacks.

Instead, doctors use anti-seizure medicines, also called anticonvulsants. They were
first made for epilepsy. They calm overactive nerve signals, which is why they also
help this kind of nerve pain.

## The main options

- **Carbamazepine** is usually tried first. It has been used for trigeminal neuralgia
  for decades and helps most people, at least at first.
- **Oxcarbazepine** is closely related. Some people find it easier to tolerate.
- **Other medicines** may be added or used instead. These include baclofen (a muscle
  relaxant), lamotrigine, gabapentin and pregabalin.

You may need to try more than one medicine, or a combination, before you find what
works for you.

## Starting slowly

Your doctor will usually start with a low dose and raise it every few days. This gives
your body time to adjust and helps find the lowest dose that controls your pain.

In the first weeks, many people feel:

- dizzy, sleepy or a little "drunk"
- unsteady on their feet
- sick to their stomach
- as if their vision is blurred or doubled

These effects often ease as your body adjusts. Tell your doctor if they don't, or if
they make daily life hard. A change in dose, timing or medicine may help. Until you
know how a new medicine affects you, take care with driving and avoid alcohol, which can
make drowsiness worse.

## Safety checks

Carbamazepine and oxcarbazepine are safe for most people, but they need some
monitoring.

- **Blood tests.** These check your blood cells, liver and salt (sodium) levels, which
  the medicine can sometimes affect.
- **A genetic test.** If you have Asian family roots, your doctor may test your blood
  before you start. Some people with a certain gene have a higher risk of a severe skin
  reaction.
- **Other medicines.** Carbamazepine interacts with many drugs, including some blood
  thinners and antidepressants. Tell your doctor and pharmacist about everything you
  take, including herbal remedies. Grapefruit juice can also raise the level of
  carbamazepine in your blood.
- **Birth control and pregnancy.** Carbamazepine can make hormonal birth control less
  reliable and can harm an unborn baby. If you could become pregnant, talk with your
  doctor about birth control and any plans for pregnancy.

## Warning signs to act on

Contact your doctor the same day, or get urgent care, if you notice:

- a rash, peeling skin, blisters or sores in your mouth
- a fever, sore throat or flu-like feeling that won't go away
- unusual bruising or bleeding
- yellow skin or eyes
- severe confusion, drowsiness or headache

## When things change

Trigeminal neuralgia often goes into remission. If you have been pain-free for a while,
your doctor may help you lower your dose step by step. Don't stop on your own, because
stopping suddenly can bring the pain back or cause other problems.

If a medicine stops working, or the side effects are too much, you have other options.
These include procedures and surgery. Ask your doctor about a referral to a specialist.
""",
        "references": [
            {
                "source": "National Institute of Neurological Disorders and Stroke",
                "title": "Trigeminal Neuralgia",
                "url": "https://www.ninds.nih.gov/health-information/disorders/trigeminal-neuralgia",
                "accessed_on": date(2026, 10, 6),
            },
            {
                "source": "NHS",
                "title": "Trigeminal neuralgia",
                "url": "https://www.nhs.uk/conditions/trigeminal-neuralgia/",
                "accessed_on": date(2026, 10, 6),
            },
            {
                "source": "MedlinePlus",
                "title": "Carbamazepine",
                "accessed_on": date(2026, 10, 8),
            },
        ],
        "days_ago": 124,
        "ratings": [5, 5, 4, 5, 4, 3, 5, 4],
        "comments": [
            {
                "author_name": "Denise",
                "body": (
                    "The 'drunk' feeling in the first two weeks was real for me. It did settle, "
                    "and splitting the dose across the day helped. Glad I stuck with it."
                ),
                "days_ago": 97,
            },
            {
                "author_name": "Raj",
                "body": (
                    "I had no idea about the grapefruit juice. I drink it most mornings, so I'm "
                    "going to ask my pharmacist about it this week."
                ),
                "days_ago": 41,
            },
        ],
    },
    {
        "slug": "tooth-pain-or-trigeminal-neuralgia",
        "title": "Tooth pain or trigeminal neuralgia? Why the difference matters",
        "summary": (
            "Trigeminal neuralgia is often mistaken for a toothache. Knowing the signs can help "
            "you avoid dental work you don't need and get the right care sooner."
        ),
        "key_points": [
            "Trigeminal neuralgia pain is often felt in the teeth, gums or jaw, so many people see a dentist first.",
            "Nerve pain comes in brief, shock-like bursts, while tooth pain is more often a steady ache.",
            "If a dental exam and X-rays look normal, ask about seeing a doctor before any more dental work.",
            "Once you have a diagnosis, regular dental care is still important.",
        ],
        "body": """When sharp pain shoots through your jaw or teeth, a dentist seems like the right
place to start. Often it is. But trigeminal neuralgia can feel a lot like tooth pain, and
it is sometimes treated as a dental problem for months before it is diagnosed.

## Why the two get mixed up

The trigeminal nerve carries feeling from your teeth, gums, lips and jaw. When the nerve
itself is irritated, your brain can read the pain as coming from a tooth. Chewing and
brushing can set off attacks, which makes it seem even more like a dental problem.

Some people have fillings, root canals or even teeth pulled, only to find the pain
comes back. This isn't anyone's fault, but it is worth knowing so you can ask the right
questions.

## Clues that point one way or the other

No list can diagnose you, but these patterns can help you and your dentist or doctor.

**Pain that sounds more like a tooth problem:**

- a steady, throbbing or dull ache that builds over hours or days
- pain in one tooth when you have hot, cold or sweet food and drink
- tenderness when you bite down or tap the tooth
- swelling of the gum or face, a bad taste or a fever

**Pain that sounds more like trigeminal neuralgia:**

- sudden jolts that feel like an electric shock, lasting seconds to about two minutes
- attacks set off by a light touch, talking, a breeze or brushing
- no pain at all between attacks, for many people
- pain that spreads along the cheek, jaw or lip rather than staying in one tooth
- pain that continues after dental treatment

Other conditions can also cause face pain. These include jaw joint problems, sinus
infections and nerve pain after shingles. That is why a proper check matters.

## What to tell your dentist

A clear description helps your dentist decide what is going on. Before your visit, try
to note:

- what the pain feels like, in your own words
- how long each attack lasts
- what sets it off, if anything
- whether you have pain between attacks
- any treatment you have already had for it

If a careful exam and X-rays don't show a problem, it is fine to ask, "Could this be a
nerve problem?" before agreeing to more dental work. Many dentists will suggest you see
your doctor, who may refer you to a neurologist.

## Looking after your teeth once you know

Trigeminal neuralgia can make brushing and dental visits hard. But skipping care can lead
to tooth decay and gum disease, which may cause new pain of their own.

- Tell your dentist you have trigeminal neuralgia, and which side is affected.
- Try to book checkups during a calmer spell, if you can.
- Ask about a soft or small-headed toothbrush, or rinsing with lukewarm water when
  brushing is too painful.
- Let the dental team know if touch on certain spots tends to set off attacks. They can
  work around them and take breaks.

## When to get help quickly

Get urgent dental or medical care if you have swelling in your face or jaw, a fever, or
trouble swallowing or opening your mouth. If your face suddenly droops or you have
trouble speaking, call emergency services.
""",
        "references": [
            {
                "source": "NHS",
                "title": "Trigeminal neuralgia",
                "url": "https://www.nhs.uk/conditions/trigeminal-neuralgia/",
                "accessed_on": date(2026, 9, 22),
            },
            {
                "source": "Mayo Clinic",
                "title": "Trigeminal neuralgia: Symptoms and causes",
                "url": "https://www.mayoclinic.org/diseases-conditions/trigeminal-neuralgia/symptoms-causes/syc-20353344",
                "accessed_on": date(2026, 9, 22),
            },
            {
                "source": "Facial Pain Association",
                "title": "Trigeminal Neuralgia",
                "accessed_on": date(2026, 9, 23),
            },
        ],
        "days_ago": 63,
        "ratings": [5, 4, 5, 5, 4],
        "comments": [
            {
                "author_name": "Glenn",
                "body": (
                    "This was me. Two root canals on the same side before anyone said the word "
                    "nerve. I wish I'd read something like this first."
                ),
                "days_ago": 50,
            },
        ],
    },
    {
        "slug": "trigeminal-neuralgia-flare-up-plan",
        "title": "Making a plan for a trigeminal neuralgia flare-up",
        "summary": (
            "Flare-ups can come without warning. A plan made with your doctor ahead of time can "
            "help you act quickly, keep eating and drinking, and know when to get urgent help."
        ),
        "key_points": [
            "A flare-up is a spell when attacks come back or become more frequent or severe.",
            "Agree ahead of time with your doctor what to do with your medicine if pain returns.",
            "Keeping up with fluids and food during a flare-up matters, even when eating is hard.",
            "If you can't eat or drink because of pain, get urgent medical help.",
        ],
        "body": """Trigeminal neuralgia often comes and goes. After weeks or months of calm, attacks
can return, sometimes all at once. Having a plan ready can make a flare-up feel less
frightening and help you get it under control sooner.

## Talk to your doctor before you need to

The best time to plan is when you feel well. At your next appointment, ask:

- If my pain comes back, can I raise my dose myself? By how much, and how often?
- What is the highest dose I should take before calling you?
- Which side effects mean I should stop raising the dose?
- Who should I call if I can't reach you, such as on a weekend?

Write down the answers, or ask your doctor to put them in writing. Keep a copy at home
and a photo on your phone.

## Keep supplies ready

- Keep enough medicine at home so you don't run low during a flare-up. Ask your
  pharmacy about refills early.
- Store a list of your medicines and doses where a family member can find it.
- Stock a few easy foods and drinks in advance, such as soups, yogurt, smoothies and
  nutrition shakes.

## Getting through the first days

When attacks return, it can be hard to think clearly. Your plan can guide you.

1. **Start your agreed medicine steps.** Follow your written plan, and note each dose in
   a diary with the time.
2. **Track your attacks.** Write down how many you have and how strong they are. This
   helps your doctor judge whether the plan is working.
3. **Drink little and often.** Sip fluids through the day at room temperature. Many
   people find lukewarm drinks easiest.
4. **Eat when the pain is calmer.** Many people have quieter times in the day. Use them
   for a soft meal or a shake.
5. **Rest your face.** Cut back on talking where you can. A notepad or phone app can help
   you communicate.

## Letting others help

A flare-up can affect work, family life and sleep. It helps to tell the people around
you what is going on and what they can do.

- Explain that touching your face, or even a breeze from a fan, can set off pain.
- Ask someone to help with meals, shopping or driving if your medicine makes you
  drowsy.
- If you work, ask whether you can work from home, take short breaks or avoid long
  phone calls for a while.

It is normal to feel anxious or low during a flare-up. Talk with your doctor or nurse
about how you are coping. Support from others who understand, such as a patient group,
can also help.

## When to get urgent help

Most flare-ups can be managed at home with your doctor's help. But get urgent medical
care the same day if:

- you can't eat or drink because of the pain
- you are passing very little urine or feel faint, which may mean you are dehydrated
- higher doses make you very confused, very unsteady or unable to stay awake
- you get a rash, blisters or mouth sores after a dose change

In hospital, doctors can give fluids and medicines through a vein to calm a severe
attack.

Call emergency services if one side of your face suddenly droops, an arm or leg becomes
weak, you have trouble speaking, or you have thoughts of harming yourself.
""",
        "references": [
            {
                "source": "NHS",
                "title": "Trigeminal neuralgia",
                "url": "https://www.nhs.uk/conditions/trigeminal-neuralgia/",
                "accessed_on": date(2026, 11, 3),
            },
            {
                "source": "National Institute of Neurological Disorders and Stroke",
                "title": "Trigeminal Neuralgia",
                "url": "https://www.ninds.nih.gov/health-information/disorders/trigeminal-neuralgia",
                "accessed_on": date(2026, 11, 3),
            },
            {
                "source": "Mayo Clinic",
                "title": "Trigeminal neuralgia: Symptoms and causes",
                "url": "https://www.mayoclinic.org/diseases-conditions/trigeminal-neuralgia/symptoms-causes/syc-20353344",
                "accessed_on": date(2026, 11, 4),
            },
        ],
        "days_ago": 16,
        "ratings": [4, 5, 4],
        "comments": [],
    },
]

QUESTIONS = [
    {
        "title": "Is it normal to feel dizzy and foggy after starting carbamazepine?",
        "body": (
            "I started carbamazepine for trigeminal neuralgia ten days ago. The attacks are "
            "much better, but I feel dizzy and foggy, especially in the afternoon. Does this "
            "get better?"
        ),
        "author_name": "Maggie",
        "days_ago": 22,
        "answers": [
            {
                "author_name": "Tom",
                "body": (
                    "Mine eased after about three weeks. My doctor also moved a bigger part of "
                    "my dose to bedtime, which helped a lot with the daytime fog."
                ),
                "votes": 6,
            },
            {
                "author_name": "Lou",
                "body": (
                    "Same here at the start. Keeping a note of the times I felt worst made it "
                    "easier to talk it through with my doctor."
                ),
                "votes": 2,
            },
        ],
        "expert": (
            "Dizziness and feeling foggy are common in the first weeks of carbamazepine, and "
            "for many people they ease as the body adjusts. Please don't stop the medicine "
            "suddenly, but do call your doctor: a change in dose or timing often helps. Take "
            "care with driving and stairs until you feel steadier. Get urgent care the same day "
            "if you notice a rash, mouth sores, a fever, a sore throat, unusual bruising, or "
            "if you become very confused or unsteady."
        ),
    },
    {
        "title": "How long did your remission from trigeminal neuralgia last?",
        "body": (
            "My pain stopped about four months ago and I'm slowly coming off my medicine with "
            "my doctor's help. I keep waiting for it to come back. How long did your pain-free "
            "spells last?"
        ),
        "author_name": "Bea",
        "days_ago": 9,
        "answers": [
            {
                "author_name": "Arun",
                "body": (
                    "My first remission lasted almost two years. The next one was shorter, but "
                    "I knew what to do the second time, which made it less scary."
                ),
                "votes": 4,
            },
            {
                "author_name": "Kit",
                "body": (
                    "It's different for everyone. I keep a small supply of medicine and a "
                    "written plan from my doctor, just in case. It helps me relax and enjoy "
                    "the good months."
                ),
                "votes": 3,
            },
        ],
        "expert": None,
    },
]
