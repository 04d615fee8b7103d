from django.contrib.admin.apps import AdminConfig


class EmpowerAdminConfig(AdminConfig):
    default_site = "empower.admin.EmpowerAdminSite"

    def ready(self):
        super().ready()
        from empower import checks  # noqa: F401  (registers the deployment checks)
