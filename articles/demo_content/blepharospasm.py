"""Demo content: Blepharospasm. Facts from the references listed; the words are Empower's."""

from datetime import date

CONDITION = {
    "name": "Blepharospasm",
    "slug": "blepharospasm",
    "summary": (
        "A nerve condition that makes the muscles around both eyes squeeze, causing extra "
        "blinking or eyes that close on their own. Injections and other treatments can help."
    ),
    "aliases": [
        "benign essential blepharospasm",
        "beb",
        "eyelid spasms",
        "excessive blinking",
        "eyes closing on their own",
        "eye dystonia",
    ],
}

GUIDE = {
    "title": "Blepharospasm",
    "summary": (
        "Blepharospasm causes the muscles around the eyes to squeeze shut without warning. "
        "Learn about the signs, what is known about the causes, and the treatments that help "
        "most people."
    ),
    "key_points": [
        "Blepharospasm is a type of dystonia, a condition in which the brain sends the wrong "
        "signals to muscles, here the muscles around the eyes.",
        "It often starts with more blinking, dry or gritty eyes and sensitivity to light, and "
        "can lead to eyes that close on their own.",
        "The eyes themselves are healthy: any trouble seeing comes from the eyelids closing.",
        "Botulinum toxin injections every few months help most people.",
    ],
    "body": """## Overview

Blepharospasm (say "BLEF-uh-ro-spaz-um") is a condition in which the muscles around the
eyes tighten on their own. This causes extra blinking, squinting or eyes that squeeze
shut. It usually affects both eyes.

It is a type of dystonia. Dystonia is a group of conditions in which the brain sends
muscles the wrong signals, making them tighten when they shouldn't. The most common form
is called benign essential blepharospasm. "Benign" means it is not life-threatening, and
"essential" means the exact cause isn't known.

Blepharospasm is uncommon. It usually starts between the ages of about 50 and 70, and it
affects women about two to three times as often as men.

The eyes themselves are healthy. Any trouble seeing comes from the eyelids closing.

## Symptoms

Symptoms usually build slowly. Early signs include:

- blinking more often than usual
- eyes that feel dry, gritty or irritated
- sensitivity to light
- trouble keeping the eyes open in bright sun, wind or while reading

Over months or years, spasms may become stronger and last longer. Some people find their
eyes clamp shut for seconds or even minutes, which can make it unsafe to drive or hard to
walk in busy places.

Spasms are often worse with bright light, tiredness, stress, screens and reading. They
usually stop during sleep. Many people find that certain actions help for a while, such as
touching the face near the eye, humming, talking or chewing gum. Doctors call these
"sensory tricks."

In some people, spasms spread to other parts of the face, the jaw or the neck. When
spasms of the eyes come with spasms of the jaw and tongue, this is called Meige syndrome.

## Causes

In most people, the cause is not known. Research suggests that the parts of the brain
that control movement, including an area called the basal ganglia, don't work quite as
they should. Blepharospasm sometimes runs in families, so genes may play a part.

Less often, blepharospasm is linked to:

- other eye problems, such as dry eye or inflamed eyelids
- some medicines, including some used for Parkinson's disease or for mental health
  conditions
- other conditions of the brain and nerves, such as Parkinson's disease or, rarely, a
  stroke or injury

If you think a medicine could be a cause, don't stop taking it without talking to your
doctor first.

## Diagnosis

There is no single blood test or scan for blepharospasm. A doctor usually recognizes it
by watching your eyes and asking about your symptoms. You may see a neurologist (a doctor
who treats the brain and nerves) or an eye doctor who specializes in the eyelids or in
nerve problems of the eyes.

The doctor will:

- check your eyes for dryness, irritation or other eye problems
- ask about your medicines and other health conditions
- look for spasms in other parts of your face or body

Sometimes a brain scan is done to rule out other causes. The doctor will also consider
conditions that can look similar, such as hemifacial spasm, which affects one side of the
face, or a harmless eyelid twitch that goes away on its own.

## Treatment

There is no cure yet, but treatment helps most people a great deal.

- **Botulinum toxin injections.** This is the main treatment. Tiny doses are injected into
  the muscles around the eyes to relax them. The effect usually lasts about 3 months, so
  the injections are repeated.
- **Medicines by mouth.** Some medicines that relax muscles or calm nerve signals, such as
  clonazepam, trihexyphenidyl or baclofen, help some people. They often cause side
  effects such as sleepiness, so they are usually tried when injections aren't enough.
- **Eye care.** Treating dry eyes with lubricating eye drops can ease irritation that
  triggers spasms. Tinted glasses may help with light sensitivity.
- **Surgery.** If injections don't help enough, an eyelid surgeon may remove some of the
  muscles that close the eyes. This is called a myectomy.

## Living with it

Blepharospasm can affect work, driving, reading and social life. Many people also feel
embarrassed, anxious or low, especially before they have a diagnosis. These steps may
help:

- Keep a diary of your spasms and injection dates to see how well treatment works.
- Wear sunglasses or tinted lenses outdoors, and a hat with a brim.
- Take regular breaks from screens and reading.
- Learn which sensory tricks work for you.
- Ask your doctor whether it is safe for you to drive.

Patient groups for blepharospasm and dystonia offer information and support groups, and
can help you feel less alone.

## When to see a doctor

See a doctor if:

- you blink much more than usual for more than a few weeks
- an eyelid twitch lasts more than 2 weeks or spreads to other parts of your face
- your eyes close on their own or it is hard to keep them open
- spasms get in the way of driving, reading or work

**Call emergency services straight away** if you have sudden drooping of the face,
weakness in an arm or leg, or trouble speaking. These can be signs of a stroke. Also get
emergency help for sudden loss of vision, or for trouble swallowing or breathing, including
after botulinum toxin injections. Get urgent care straight away for a painful red eye with
blurred vision.
""",
    "references": [
        {
            "source": "National Institute of Neurological Disorders and Stroke",
            "title": "Benign Essential Blepharospasm",
            "url": (
                "https://www.ninds.nih.gov/health-information/disorders/"
                "benign-essential-blepharospasm"
            ),
            "accessed_on": date(2026, 10, 14),
        },
        {
            "source": "MedlinePlus Genetics",
            "title": "Benign essential blepharospasm",
            "url": "https://medlineplus.gov/genetics/condition/benign-essential-blepharospasm/",
            "accessed_on": date(2026, 10, 14),
        },
        {
            "source": "Dystonia Medical Research Foundation",
            "title": "Blepharospasm",
            "url": (
                "https://www.dystonia-foundation.org/what-is-dystonia/forms-of-dystonia/"
                "focal-dystonias/blepharospasm"
            ),
            "accessed_on": date(2026, 10, 15),
        },
        {
            "source": "American Academy of Ophthalmology",
            "title": "What Is Blepharospasm?",
            "accessed_on": date(2026, 10, 15),
        },
    ],
}

ARTICLES = [
    {
        "slug": "injections-for-blepharospasm",
        "title": "Botulinum toxin injections for blepharospasm: a guide to your first visits",
        "summary": (
            "Injections are the main treatment for blepharospasm. Here is what happens at an "
            "appointment, when to expect results, which side effects are common and how to "
            "get the most from each round."
        ),
        "key_points": [
            "Botulinum toxin relaxes the muscles around the eyes and helps most people with "
            "blepharospasm.",
            "Results usually start within a few days and last about 3 months.",
            "Common side effects, like a droopy eyelid or dry eye, are usually mild and fade "
            "within a few weeks.",
            "A diary of your spasms helps your doctor adjust the dose and the spots injected.",
        ],
        "body": """For most people with blepharospasm, injections of botulinum toxin (Botox) are the
main treatment. They don't cure the condition, but they can make a big difference to
everyday life. Knowing what to expect can make the first visits less worrying.

## How the injections work

Botulinum toxin is a purified protein made by bacteria. In tiny, carefully measured
doses, it is a well-studied medicine. It blocks the signal that tells a muscle to
tighten. When it is injected into the muscles that close the
eyes, they relax, and the spasms become weaker and less frequent.

The medicine mostly stays close to where it is injected. Over a few months, the nerve
endings grow new connections and the effect slowly wears off. This is why the injections
are repeated.

## What happens at the appointment

Injections are usually given by a neurologist or an eye doctor in a clinic. A visit is
often short:

- The doctor looks at your spasms and asks how you have been.
- They clean the skin around your eyes.
- Using a very thin needle, they inject small amounts into several spots, usually in the
  upper and lower eyelids and near the outer corners of the eyes. Some people also have
  spots on the brow.
- The injections sting briefly. Most people find them easier than they expected.

You can usually go home straight away. If your vision is blurry or your eyes feel sore,
it is best to have someone else drive.

## When it starts to work

Most people notice the spasms easing within a few days. The full effect often takes
about 1 to 2 weeks. The benefit usually lasts about 3 months, though this varies from
person to person.

Your first dose is often on the low side. If the result is not quite right, your doctor
can change the dose or the spots at your next visit. It can take a few rounds to find the
best plan for you.

## Side effects

Side effects are usually mild and fade as the medicine wears off, often within a few
weeks. They can include:

- a drooping upper eyelid
- dry eyes, or eyes that water more
- blurred vision, or, less often, double vision
- trouble closing the eye fully
- small bruises where the needle went in

Lubricating eye drops can help with dryness. If your eye doesn't close fully, ask your
doctor whether to use a gel or ointment at night.

Rarely, the medicine spreads beyond the area injected. **Get emergency help straight
away** if you have trouble swallowing, speaking or breathing after an injection.

## Getting the most from each round

- **Keep a simple diary.** Note the injection date, when you noticed a change, any side
  effects and when the spasms came back. This helps your doctor fine-tune the next round.
- **Book ahead.** Many people like to book their next visit before they leave, so there
  is no long gap.
- **Tell your doctor about other treatments**, including any recent eyelid procedures and
  any medicines that thin the blood, which can make bruising more likely.
- **Speak up if it stops working as well.** Changing the dose or the places injected often
  helps. If injections don't help enough, there are other options to talk about.
""",
        "references": [
            {
                "source": "National Institute of Neurological Disorders and Stroke",
                "title": "Benign Essential Blepharospasm",
                "url": (
                    "https://www.ninds.nih.gov/health-information/disorders/"
                    "benign-essential-blepharospasm"
                ),
                "accessed_on": date(2026, 10, 14),
            },
            {
                "source": "American Academy of Neurology",
                "title": (
                    "Practice guideline update summary: Botulinum neurotoxin for the treatment "
                    "of blepharospasm, cervical dystonia, adult spasticity, and headache"
                ),
                "accessed_on": date(2026, 10, 16),
            },
            {
                "source": "Benign Essential Blepharospasm Research Foundation",
                "title": "Treatments",
                "accessed_on": date(2026, 10, 16),
            },
        ],
        "days_ago": 178,
        "ratings": [5, 5, 4, 5, 4, 5, 4, 3, 5],
        "comments": [
            {
                "author_name": "Gwen",
                "body": "My first round barely helped and I nearly gave up. My doctor raised "
                "the dose a little and added spots near my brow, and the second round was a "
                "completely different story.",
                "days_ago": 140,
            },
            {
                "author_name": "Ray",
                "body": "The diary idea works. I realized my injections wear off at about "
                "ten weeks, so now we book them a bit closer together.",
                "days_ago": 66,
            },
        ],
    },
    {
        "slug": "blepharospasm-light-and-dry-eyes",
        "title": "Bright light and dry eyes with blepharospasm: practical ways to cope",
        "summary": (
            "Most people with blepharospasm find light uncomfortable, and many also have dry, "
            "gritty eyes. Both can set off spasms. These simple steps may help."
        ),
        "key_points": [
            "Sensitivity to light is one of the most common complaints in blepharospasm.",
            "Sunglasses, a brimmed hat and some tinted lenses can make light easier to bear.",
            "Dry eyes are common and can trigger spasms, so treating them may help.",
            "See a doctor quickly if you have a painful red eye or sudden changes in vision.",
        ],
        "body": """Spasms are the best-known sign of blepharospasm, but for many people, light and
dry eyes are just as hard to live with. Bright light can trigger spasms, and dry, gritty
eyes can make you blink and squeeze more. Looking after both can make the spasms easier to
manage.

## Why light feels so uncomfortable

Many people with blepharospasm find even ordinary light too bright. Sunshine, car
headlights, fluorescent lights and screens are common problems. Doctors call this
photophobia. Researchers think it comes from changes in how the brain handles signals
from the eyes, not from damage to the eyes.

Light sensitivity often carries on even when injections have calmed the spasms, so it
is worth treating on its own.

## Ways to tame the light

Try a few of these to see what helps you:

- **Sunglasses outdoors.** Wraparound styles block light from the sides as well.
- **A hat with a brim** to shade your eyes from overhead light.
- **Tinted lenses indoors.** A rose-colored tint called FL-41 has been studied in
  blepharospasm. In small studies, it eased light sensitivity and reduced blinking for
  many people. Ask your eye doctor whether it might suit you.
- **Softer lighting at home.** Use lamps instead of harsh overhead lights, and dimmer
  switches where you can.
- **Screen settings.** Lower the brightness, use a warmer color setting and make text
  bigger.

It can be tempting to wear very dark glasses all the time, even indoors. Some eye
experts think this can make the eyes more sensitive over time, so ask your doctor what
balance is right for you.

## Dry and gritty eyes

Dry eye is very common in blepharospasm. It can be an early sign, and the irritation can
set off more spasms. Some people notice dryness after injections too.

Things that can help:

- **Lubricating eye drops** ("artificial tears") during the day. If you use them often,
  preservative-free drops are usually gentler.
- **A gel or ointment at night** if your eyes feel dry when you wake up.
- **Warm compresses** and gentle cleaning of the eyelid edges if your lids are red or
  crusty. Your eye doctor can show you how.
- **Less drying air.** Avoid fans or car vents blowing at your face, and try a humidifier
  in dry rooms.
- **Rest breaks.** When we read or look at screens, we blink less. Look away every 20
  minutes or so and blink a few times.

If drops don't help enough, an eye doctor can check for other problems and suggest other
treatments.

## When to get help

See your eye doctor or regular doctor if:

- your eyes stay red, sore or sticky
- light sensitivity suddenly gets worse
- dryness or blurry vision doesn't get better after an injection

Get urgent care straight away for a painful red eye, especially with blurred vision,
headache or feeling sick to your stomach. Call emergency services for sudden loss of vision.
""",
        "references": [
            {
                "source": "Dystonia Medical Research Foundation",
                "title": "Blepharospasm",
                "url": (
                    "https://www.dystonia-foundation.org/what-is-dystonia/forms-of-dystonia/"
                    "focal-dystonias/blepharospasm"
                ),
                "accessed_on": date(2026, 10, 15),
            },
            {
                "source": "MedlinePlus Genetics",
                "title": "Benign essential blepharospasm",
                "url": "https://medlineplus.gov/genetics/condition/benign-essential-blepharospasm/",
                "accessed_on": date(2026, 10, 14),
            },
            {
                "source": "National Eye Institute",
                "title": "Dry Eye",
                "accessed_on": date(2026, 10, 17),
            },
        ],
        "days_ago": 63,
        "ratings": [4, 5, 4, 4],
        "comments": [
            {
                "author_name": "Nell",
                "body": "The rose-tinted lenses have helped me more than I expected, "
                "especially under the lights at the supermarket.",
                "days_ago": 40,
            },
        ],
    },
    {
        "slug": "blepharospasm-reading-screens-and-driving",
        "title": "Reading, screens and driving with blepharospasm",
        "summary": (
            "Reading, computer work and driving are among the hardest tasks for many people "
            "with blepharospasm. Ideas to make them easier, and how to think about safety on "
            "the road."
        ),
        "key_points": [
            "Focused tasks like reading and screen work often bring on spasms.",
            "Sensory tricks, such as touching the brow or humming, help many people for a "
            "short time.",
            "Audiobooks, larger text and regular breaks can keep reading enjoyable.",
            "If your eyes ever close while driving, stop driving and talk to your doctor.",
        ],
        "body": """Many people with blepharospasm say the spasms are worst when they most need their
eyes. Reading, looking at a screen and driving all call for steady, open eyes. The good
news is that small changes, along with treatment, can make a real difference.

## Sensory tricks

Many people with dystonia find that a light touch or a small action calms their spasms
for a while. Doctors call this a sensory trick. No one is quite sure why it works.
Common examples include:

- touching the brow, temple or the skin beside the eye
- gently pulling on the upper eyelid
- humming, singing or talking
- chewing gum or sucking on a hard candy
- looking down, or resting the chin on a hand

Tricks don't work for everyone, and they may work less well over time. But they are free
and safe to try. Some people find a trick that lets them finish a page or get through a
meeting.

## Reading

Reading makes many people blink less at first, then squeeze more. These ideas may help:

- **Read in short bursts** with breaks, rather than for a long stretch.
- **Make text bigger** on an e-reader or tablet, so you can see it even when your eyes are
  half closed.
- **Look for good, soft light**, not glare from a window or bright lamp.
- **Try audiobooks and podcasts** on bad days. Many libraries lend them for free.
- **Hold the book lower.** Some people find looking down helps keep their eyes open.

## Screens and work

Screen work can be tiring, but most people with blepharospasm can keep working with a few
changes:

- Lower screen brightness and use a warmer color setting.
- Zoom in on documents and use a bigger mouse pointer.
- Use the screen reader or "read aloud" tool that comes with most computers and phones.
- Try dictation to write emails and messages.
- Take a short break every 20 minutes or so to rest your eyes.

If spasms make your job hard, talk with your manager or workplace health team about
changes that might help. Many people feel better once they are open about it.

## Driving safely

This is the hardest topic for many people, because driving can mean independence. But if
your eyes close, even for a second or two, you lose sight of the road.

- **If your eyes have ever closed while you were driving, stop driving** until you have
  talked with your doctor.
- Ask your doctor whether your treatment makes driving safe for you, and whether there
  are times to avoid it, such as when the injections wear off.
- Check your local driving rules. Some places ask drivers to report conditions that
  affect vision or control.
- If you do drive, short daytime trips on familiar roads are often easier. Glare from
  sun and headlights can trigger spasms, so sunglasses may help by day.

Giving up driving, even for a while, can be hard. Family, friends, public transit and
community ride services can help you stay active and in touch.

## When to talk to your doctor

Let your doctor know if spasms are making everyday tasks harder, or if your injections
seem to wear off early. Treatment can often be adjusted.
""",
        "references": [
            {
                "source": "National Institute of Neurological Disorders and Stroke",
                "title": "Benign Essential Blepharospasm",
                "url": (
                    "https://www.ninds.nih.gov/health-information/disorders/"
                    "benign-essential-blepharospasm"
                ),
                "accessed_on": date(2026, 10, 14),
            },
            {
                "source": "Dystonia Medical Research Foundation",
                "title": "Blepharospasm",
                "url": (
                    "https://www.dystonia-foundation.org/what-is-dystonia/forms-of-dystonia/"
                    "focal-dystonias/blepharospasm"
                ),
                "accessed_on": date(2026, 10, 15),
            },
            {
                "source": "Benign Essential Blepharospasm Research Foundation",
                "title": "Patient support",
                "accessed_on": date(2026, 10, 16),
            },
        ],
        "days_ago": 12,
        "ratings": [5, 4, 5],
        "comments": [],
    },
]

QUESTIONS = [
    {
        "title": "My eyes shut for a second while I was driving. Should I stop driving?",
        "body": (
            "I was diagnosed with blepharospasm last year. Yesterday my eyes squeezed shut at "
            "a traffic light, and it really frightened me. My next injection isn't for "
            "another month."
        ),
        "author_name": "Lynn",
        "days_ago": 16,
        "answers": [
            {
                "author_name": "Frank",
                "body": "The same thing happened to me. I stopped driving until my doctor "
                "changed my injection plan, and now I only drive short trips in daylight.",
                "votes": 3,
            },
        ],
        "expert": (
            "That sounds frightening, and it's good that you're asking. If your eyes have "
            "closed while driving, it's safest not to drive until you've spoken to the doctor "
            "who gives your injections. Please call their office now rather than waiting for "
            "your next visit, as they may be able to see you sooner or change your treatment. "
            "It also helps to check your local driving rules, since some places ask drivers "
            "to report conditions that affect vision."
        ),
    },
    {
        "title": "Does anyone else find humming or touching their eyebrow helps?",
        "body": (
            "I've noticed that if I hum or press lightly on my eyebrow, my eyes stay open for "
            "longer. My family thinks it's odd. Is this a known thing?"
        ),
        "author_name": "Pip",
        "days_ago": 5,
        "answers": [
            {
                "author_name": "Carla",
                "body": "Yes! Mine is chewing gum. My neurologist called it a sensory trick "
                "and said lots of people have one.",
                "votes": 5,
            },
            {
                "author_name": "Ade",
                "body": "I rest my finger on my temple when I read. It doesn't always work, "
                "but it helps me get to the end of a chapter.",
                "votes": 2,
            },
        ],
        "expert": None,
    },
]
