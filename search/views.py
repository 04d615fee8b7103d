from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from articles.models import Condition
from community.similar import similar_questions as similar_to
from empower.headers import noindex
from empower.queries import QueryForm, page_field, slug_field
from empower.ratelimit import allow
from empower.visitors import address_key
from search import query as search_query
from search.models import Entry

RESULTS_PER_PAGE = 10


class SearchForm(QueryForm):
    q = forms.CharField(required=False, strip=False, initial="")
    kind = forms.ChoiceField(required=False, choices=[("", "All"), *Entry.Kind.choices], initial="")
    condition = slug_field()
    page = page_field()

    def clean_q(self):
        return search_query.clean(self.cleaned_data["q"])


@noindex
def results(request):
    """Search published articles, condition guides and community questions.

    Template: search/results.html.
    """
    wanted = SearchForm.read(request)
    text, kind = wanted["q"], wanted["kind"]
    condition = None
    if wanted["condition"]:
        condition = Condition.objects.filter(slug=wanted["condition"]).first()
    context = {
        "q": text,
        "kind": kind,
        "condition": condition,
        "kinds": Entry.Kind.choices,
        "conditions": Condition.objects.listed(),
    }
    status = 200
    if text:
        if not allow(
            "search",
            address_key(request, "search"),
            limit=settings.SEARCHES_PER_MINUTE,
            window_seconds=60,
        ):
            context["limited"] = True
            status = 429
        else:
            page = Paginator(
                search_query.search(text, kind=kind, condition=condition), RESULTS_PER_PAGE
            ).get_page(wanted["page"])
            for entry in page:
                entry.snippet = search_query.snippet(entry, text)
            context["page"] = page
            if not page.paginator.count or page.number == 1:
                context["suggestion"] = search_query.suggestion(text)
    return render(request, "search/results.html", context, status=status)


@noindex
def similar_questions(request):
    """Approved, open questions like the title being typed (?q=), for the ask
    form's script: an HTML fragment, empty when none match.

    Template: community/includes/similar_questions.html. Only public questions,
    but kept in the browser alone (private) for a minute: a shared cache keyed
    by whatever anyone types would be filled with junk, and would let the
    lookups past the rate limit.
    """
    text = search_query.clean(request.GET.get("q", ""))
    key = address_key(request, "similar-questions")
    if not allow("similar-questions", key, limit=settings.SEARCHES_PER_MINUTE, window_seconds=60):
        response = render(request, "community/includes/similar_questions.html", status=429)
        patch_cache_control(response, private=True, no_store=True)
        return response
    context = {"similar": similar_to(text) if text else []}
    response = render(request, "community/includes/similar_questions.html", context)
    patch_cache_control(response, private=True, max_age=60)
    return response
