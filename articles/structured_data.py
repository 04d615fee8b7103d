"""schema.org data for article pages: who reviewed it, when, and what it cites."""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from empower.formats import machine

# What the abbreviations reviewers sign with stand for; others are named as written.
CREDENTIAL_NAMES = {
    "RN": "Registered Nurse",
    "NP": "Nurse Practitioner",
    "APRN": "Advanced Practice Registered Nurse",
    "LPN": "Licensed Practical Nurse",
    "MD": "Doctor of Medicine",
    "DO": "Doctor of Osteopathic Medicine",
}


def person(name: str, user=None, **extra) -> dict:
    """A schema.org Person, with the address of their profile page when they have one."""
    data = {"@type": "Person", "name": name, **extra}
    try:
        profile = user.profile if user is not None else None
    except ObjectDoesNotExist:
        profile = None
    if profile is not None and profile.is_public:
        data["url"] = settings.SITE_URL + profile.get_absolute_url()
    return data


def licence(credentials: str) -> dict:
    """The licence a reviewer signs with ("RN"), as a schema.org credential."""
    name = CREDENTIAL_NAMES.get(credentials)
    return {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": "license",
        "name": f"{name} ({credentials})" if name else credentials,
    }


def medical_web_page(article, revision, review, references, rating=None) -> dict:
    url = settings.SITE_URL + article.get_absolute_url()
    modified = article.last_modified(review.reviewed_at if review else None)
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": revision.title,
        "headline": revision.title,
        "description": revision.summary,
        "inLanguage": "en",
        "datePublished": machine(article.published_at) if article.published_at else None,
        "about": {
            "@type": "MedicalCondition",
            "name": article.condition.name,
            "url": settings.SITE_URL + article.condition.get_absolute_url(),
        },
        "dateModified": machine(modified) if modified else None,
        "author": person(
            article.author.get_full_name() or article.author.get_username(), article.author
        ),
        "editor": person(
            article.editor.get_full_name() or article.editor.get_username(), article.editor
        ),
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "url": settings.SITE_URL,
        },
        "citation": [
            {
                "@type": "CreativeWork",
                "name": reference.title,
                "publisher": {"@type": "Organization", "name": reference.source},
                **({"url": reference.url} if reference.url else {}),
            }
            for reference in references
        ],
    }
    if article.lead_image is not None:
        data["image"] = article.lead_image.share_url()
    if review:
        data["lastReviewed"] = machine(timezone.localdate(review.reviewed_at))
        data["reviewedBy"] = person(
            review.reviewer_name,
            review.reviewer,
            honorificSuffix=review.credentials,
            hasCredential=licence(review.credentials),
        )
    if rating is not None and rating.count:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": rating.average,
            "ratingCount": rating.count,
            "bestRating": 5,
            "worstRating": 1,
        }
    return {key: value for key, value in data.items() if value is not None}
