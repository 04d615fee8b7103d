from django.contrib.admin.apps import AdminConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def create_cache_table(using, **kwargs):
    """`migrate` also makes the table the database cache needs (production
    without Redis), so there is no step to forget."""
    call_command("createcachetable", database=using, verbosity=0)


class EmpowerAdminConfig(AdminConfig):
    default_site = "empower.admin.EmpowerAdminSite"

    def ready(self):
        super().ready()
        from empower import checks  # noqa: F401  (registers the deployment checks)

        post_migrate.connect(create_cache_table, sender=self)
