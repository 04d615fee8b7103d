"""Query parameters, read through a Form like any other input.

A page's filters (?condition=, ?page=, ?kind=) come from links, but anyone can
type anything there: NUL bytes that PostgreSQL refuses, numbers too big for
any column, the same parameter twice. A bad value counts as absent, so the
page shows what it would show without it.
"""

from django import forms


class QueryForm(forms.Form):
    @classmethod
    def read(cls, request) -> dict:
        """Every field's clean value, or its initial value when it was missing or bad."""
        form = cls(request.GET)
        form.is_valid()
        return {
            name: form.cleaned_data.get(name, field.initial) for name, field in form.fields.items()
        }


def slug_field(**kwargs) -> forms.SlugField:
    return forms.SlugField(required=False, max_length=100, **kwargs)


def page_field() -> forms.IntegerField:
    return forms.IntegerField(required=False, min_value=1, max_value=10_000, initial=1)
