"""schema.org QAPage data for a community question."""

from django.conf import settings

from empower.formats import machine


def answer_data(answer, question_url: str) -> dict:
    return {
        "@type": "Answer",
        "text": answer.body,
        "dateCreated": machine(answer.created_at),
        "upvoteCount": answer.helpful,
        "url": f"{question_url}#answer-{answer.pk}",
        "author": {
            "@type": "Person",
            "name": answer.author_name,
            **({"honorificSuffix": answer.credentials} if answer.credentials else {}),
        },
    }


def qa_page(question, answers) -> dict:
    url = settings.SITE_URL + question.get_absolute_url()
    accepted = [a for a in answers if a.pk == question.accepted_answer_id]
    others = [a for a in answers if a.pk != question.accepted_answer_id]
    main = {
        "@type": "Question",
        "name": question.title,
        "text": question.body,
        "answerCount": len(answers),
        "dateCreated": machine(question.created_at),
        "author": {"@type": "Person", "name": question.author_name},
    }
    if accepted:
        main["acceptedAnswer"] = answer_data(accepted[0], url)
    if others:
        main["suggestedAnswer"] = [answer_data(answer, url) for answer in others]
    return {"@context": "https://schema.org", "@type": "QAPage", "mainEntity": main}
