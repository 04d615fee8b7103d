from django.contrib import admin
from django.utils.html import format_html

from images.forms import ImageForm
from images.models import Image


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageForm
    list_display = ["preview", "title", "alt_text", "size", "credit", "created_at"]
    list_display_links = ["preview", "title"]
    search_fields = ["title", "alt_text", "caption", "credit"]
    list_filter = ["decorative"]
    readonly_fields = ["preview", "size", "uploaded_by", "created_at"]
    fieldsets = [
        (None, {"fields": ["title", "file", "preview", "size"]}),
        ("For readers", {"fields": ["alt_text", "decorative", "caption"]}),
        ("Where it comes from", {"fields": ["credit", "licence", "uploaded_by", "created_at"]}),
    ]

    @admin.display(description="Preview")
    def preview(self, image):
        if not image.pk:
            return "—"
        small = image.sources["jpeg"][:1]
        url = image.file.storage.url(small[0]["name"]) if small else image.file.url
        return format_html(
            '<img src="{}" alt="{}" width="120" height="{}" class="library-preview">',
            url,
            image.alt,
            round(120 * image.height / image.width) if image.width else 80,
        )

    @admin.display(description="Size in pixels")
    def size(self, image):
        return f"{image.width} × {image.height}" if image.pk else "—"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
