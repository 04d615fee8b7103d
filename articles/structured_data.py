"""schema.org data for article pages: who reviewed it, when, and what it cites."""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist


def person(name: str, user=None, **extra) -> dict:
    """A schema.org Person, with the address of their profile page when they have one."""
    data = {"@type": "Person", "name": name, **extra}
    try:
        profile = user.profile if user is not None else None
    except ObjectDoesNotExist:
        profile = None
    if profile is not None:
        data["url"] = settings.SITE_URL + profile.get_absolute_url()
    return data


def medical_web_page(article, revision, review, references, rating=None) -> dict:
    url = settings.SITE_URL + article.get_absolute_url()
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": revision.title,
        "headline": revision.title,
        "description": revision.summary,
        "inLanguage": "en",
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "about": {
            "@type": "MedicalCondition",
            "name": article.condition.name,
            "url": settings.SITE_URL + article.condition.get_absolute_url(),
        },
        "dateModified": article.revised_at.isoformat() if article.revised_at else None,
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
        data["lastReviewed"] = review.reviewed_at.date().isoformat()
        data["reviewedBy"] = person(
            review.reviewer_name,
            review.reviewer,
            honorificSuffix=review.credentials,
            hasCredential={
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": review.credentials,
            },
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
