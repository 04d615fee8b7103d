from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = "Ask the community"

    def ready(self):
        from comments.notifications import register_moderated
        from community import demo, privacy
        from community.models import Answer, Question
        from empower import privacy as personal_data

        register_moderated(Question)
        register_moderated(Answer)
        personal_data.register("community", export=privacy.export, delete=privacy.delete)
        demo.connect()
