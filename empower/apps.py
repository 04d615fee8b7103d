from django.contrib.admin.apps import AdminConfig


class EmpowerAdminConfig(AdminConfig):
    default_site = "empower.admin.EmpowerAdminSite"
