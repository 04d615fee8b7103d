from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "images"
    verbose_name = "Media library"

    def ready(self):
        from empower.pagecache import bump_on_change
        from images.models import Image

        # An image shows in lists and on pages, with its alt text and credit.
        bump_on_change(Image, lambda image, created: [] if created else ["site"])
