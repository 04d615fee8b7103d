"""Each library image in the sizes and formats the pages need, made once when it is
uploaded (django-imagekit does the resizing and encoding), so a page lists them
without touching the disk."""

import io
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from imagekit import ImageSpec
from imagekit.processors import ResizeToFill, ResizeToFit
from PIL import Image as Pillow

# The widths layouts ask for, from a phone's column to a wide screen's lead image.
WIDTHS = (400, 800, 1200, 1600)
# A modern format each browser picks first, and JPEG for any that can't.
FORMATS = {
    "avif": ("AVIF", {"quality": 60, "speed": 8}),
    "jpeg": ("JPEG", {"quality": 82, "optimize": True, "progressive": True}),
}
# What social sites show for a shared link: a raster image of exactly this size.
SHARE_SIZE = (1200, 630)
EXTENSIONS = {"AVIF": "avif", "JPEG": "jpg"}


class Rendition(ImageSpec):
    def __init__(self, source, processors, format, options):
        super().__init__(source)
        self.processors = processors
        self.format = format
        self.options = options


def widths_for(width: int) -> list[int]:
    """Never wider than the original: an upscaled image is only a bigger file."""
    return sorted({w for w in WIDTHS if w < width} | {min(width, WIDTHS[-1])})


def make_renditions(field_file) -> list[dict]:
    """Make and store every rendition of the image in `field_file`; what was made,
    as the Image row keeps it: kind, format, width, height and stored name."""
    storage = field_file.storage
    folder = PurePosixPath("renditions") / PurePosixPath(field_file.name).stem
    with field_file.open("rb"):
        source = field_file.read()
    jobs = [
        ("size", kind, [ResizeToFit(width=width, upscale=False)], f"{width}w")
        for width in widths_for(Pillow.open(io.BytesIO(source)).width)
        for kind in FORMATS
    ]
    jobs.append(("share", "jpeg", [ResizeToFill(*SHARE_SIZE)], "share"))
    made = []
    for use, kind, processors, label in jobs:
        pillow_format, options = FORMATS[kind]
        spec = Rendition(ContentFile(source), processors, pillow_format, options)
        content = spec.generate().read()
        with Pillow.open(io.BytesIO(content)) as result:
            width, height = result.size
        name = storage.save(
            str(folder / f"{label}.{EXTENSIONS[pillow_format]}"), ContentFile(content)
        )
        made.append({"use": use, "kind": kind, "width": width, "height": height, "name": name})
    return made


def delete_renditions(storage, renditions: list[dict]) -> None:
    for rendition in renditions:
        storage.delete(rendition["name"])
