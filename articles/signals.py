from django.dispatch import Signal

# Sent by `manage.py seed_demo` once the articles exist, inside its transaction,
# so other apps can add demo content of their own. Arguments: editor, reviewer,
# and `created`, a list to append descriptions of what was made.
demo_seeded = Signal()

# Sent when a revision goes live (now, or when the scheduler publishes it), so
# other apps can tell readers. Arguments: article, revision, first (True the
# first time this article is published).
article_published = Signal()

# Sent when an article is taken off the site. Argument: article.
article_unpublished = Signal()
