from django import forms

from images.models import Image
from images.uploads import ACCEPTED, clean_upload

ACCEPT = ",".join(f"image/{kind.lower()}" for kind in ACCEPTED)


class ImageForm(forms.ModelForm):
    """The library's upload form: the file is checked here so an editor sees why
    it was refused (the model cleans it again, however it arrives)."""

    file = forms.FileField(
        label=Image._meta.get_field("file").verbose_name,
        help_text=Image._meta.get_field("file").help_text,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    class Meta:
        model = Image
        fields = ["title", "file", "alt_text", "decorative", "caption", "credit", "licence"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload is None or getattr(upload, "_committed", False):
            return upload  # the file already stored, unchanged
        clean = clean_upload(upload)
        self.instance.width, self.instance.height = clean.width, clean.height
        return clean.file
