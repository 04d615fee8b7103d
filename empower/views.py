from django.shortcuts import render


def csrf_failure(request, reason=""):
    """A form sent without its security token (an old tab, blocked cookies, or
    another site posting here). Template: 403_csrf.html; the reason stays in
    the server's log, never on the page."""
    return render(request, "403_csrf.html", status=403)
