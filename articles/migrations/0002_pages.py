"""The pages every footer links to, so no link is ever dead. Editors revise them in the admin."""

from django.db import migrations

from empower.markup import render_markdown

PAGES = [
    {
        "slug": "about",
        "title": "About Empower",
        "summary": "Empower is a health community: articles checked by registered nurses, and a place to ask and answer questions.",
        "body": """Empower helps people live with a health condition and make sense of it.

## What you will find here

- **Condition guides.** Each guide gathers articles about one condition, from first symptoms to treatment.
- **Articles checked by nurses.** A registered nurse reviews every article before it is published and signs it with their name. The date of that review is shown at the top of each article.
- **A community.** Readers comment on articles and ask each other questions. Moderators read every post before it appears.

## Who we are

Empower is written by a small team of health editors and reviewed by registered nurses. We take no money from drug or device makers, and we show no advertising.

## Contact

Write to the editors at editors@empower.example. We read every message, but we cannot give personal medical advice.
""",
    },
    {
        "slug": "editorial-policy",
        "title": "Editorial policy",
        "summary": "How an Empower article is written, reviewed by a registered nurse, published, and kept up to date.",
        "body": """Every article on Empower goes through the same steps before you read it.

## 1. An editor writes it

Editors write in plain language and base each statement on published sources: medical schools, national health institutes, specialist clinics and peer-reviewed research. Each article lists its references at the end, with the date we last consulted them.

## 2. A registered nurse reviews it

A nurse reviewer whose licence we have verified reads the exact text that will be published and checks it against the sources. They either approve it or send it back with notes. Nobody can approve their own writing.

## 3. We publish it with the reviewer's name

The top of each article says who reviewed it and when, and who edited it. If the text changes, it is reviewed again before the change is shown.

## 4. We review it again

Medical knowledge moves on. Every article is due for a new review at least once a year. When a review is overdue, the article says so until a nurse has checked it again.

## Corrections

If you find a mistake, tell us at editors@empower.example. We correct errors promptly and note significant corrections on the article.
""",
    },
    {
        "slug": "medical-disclaimer",
        "title": "Medical disclaimer",
        "summary": "Empower's articles and community posts are for information only. They do not replace advice from a doctor or nurse who knows your health history.",
        "body": """The articles on Empower are reviewed by registered nurses, but they are general information. They cannot take your own health, history and medicines into account.

- Do not use anything on this site to diagnose or treat a health problem without talking to a qualified health professional.
- Do not stop or change a treatment because of something you read here.
- Comments and community answers are written by readers. They describe personal experience, which may not apply to you.

**If you think you may have a medical emergency, call your local emergency number now.**
""",
    },
    {
        "slug": "terms",
        "title": "Terms of service",
        "summary": "The rules for using Empower and for posting comments and questions.",
        "body": """By using Empower you agree to these terms.

## Using the site

You may read, share and link to our articles for personal, non-commercial use. Please do not copy them wholesale to another site.

## Posting comments and questions

- Be kind. People here are often worried or unwell.
- Do not post anything that identifies you or someone else, such as full names, addresses or phone numbers.
- Do not advertise, post links to sell things, or pretend to be a health professional.
- Moderators read every post before it appears and may decline or remove any post.

You keep the rights to what you write, and you allow Empower to show it on the site.

## No medical advice

Nothing on Empower is medical advice. See our medical disclaimer.

## Changes

We may update these terms. The date of the last change is shown at the bottom of this page.
""",
    },
    {
        "slug": "privacy",
        "title": "Privacy policy",
        "summary": "What Empower stores about you, why, and how to have it deleted.",
        "body": """Health is private. We collect as little as we can and share nothing with advertisers or data brokers.

## What we store

- **When you rate an article:** your rating, and a random code that your browser keeps in a cookie so you can change your rating later. We store only a one-way, keyed scramble of that code, never your IP address.
- **When you comment or ask a question:** your display name, your email address (for moderation only; it is never shown) and what you wrote.
- **When you subscribe to email:** your email address, the topics you chose, and a record of when and how you agreed.

## What we do not do

- No advertising, tracking pixels or third-party analytics.
- No fonts, scripts or images loaded from other companies' servers: your visit stays between you and us.
- We do not sell or share your data.

## Your choices

You can ask us to send you, or delete, everything we hold about your email address by writing to privacy@empower.example.
""",
    },
]


def create_pages(apps, schema_editor):
    Page = apps.get_model("articles", "Page")
    for page in PAGES:
        Page.objects.get_or_create(
            slug=page["slug"],
            defaults={**page, "body_html": render_markdown(page["body"])},
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
