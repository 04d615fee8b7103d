from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render

from articles.models import Condition
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
