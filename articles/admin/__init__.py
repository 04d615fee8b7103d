"""The editorial admin: editors write and publish, nurse reviewers sign off.

Every workflow button leads to a confirmation page whose POST calls the
matching model method (Revision.submit, .approve, .send_back, .publish,
Article.start_revision, .unpublish). The rules live in those methods, so a
hand-made POST is refused exactly like a click. One module per idea.
"""

from articles.admin import articles, conditions, dashboard, old_slugs, people, revisions

__all__ = ["articles", "conditions", "dashboard", "old_slugs", "people", "revisions"]
