"""Uploaded images are untrusted input: what a file really is, how big it is, and
where it was taken are checked or removed here, before anything is stored."""

import io
import uuid
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps, UnidentifiedImageError

# What Pillow calls the formats we accept, and the extension each is stored under.
ACCEPTED = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "AVIF": "avif"}


@dataclass
class CleanImage:
    file: ContentFile
    width: int
    height: int


def clean_upload(upload) -> CleanImage:
    """The upload re-encoded from its pixels alone, under a new random name: no
    EXIF (so no GPS position), no XMP or comments, its orientation applied. Raises
    ValidationError with a message an editor can act on."""
    if upload.size > settings.IMAGE_MAX_BYTES:
        raise ValidationError(
            "This file is %(size)s; the largest image we accept is %(limit)s.",
            code="too_big",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(settings.IMAGE_MAX_BYTES),
            },
        )
    upload.seek(0)
    data = upload.read()
    picture = _open(data)
    with picture:
        kind = str(picture.format)
        options = _encoder_options(picture)
        try:
            picture.load()
            upright = ImageOps.exif_transpose(picture)
        except (OSError, ValueError, SyntaxError) as error:
            raise ValidationError(
                "This image is damaged or incomplete, so it can't be used.", code="damaged"
            ) from error
    # Only the pixels (and the colour profile, which says how to show them) go on.
    upright.info = {}
    buffer = io.BytesIO()
    upright.save(buffer, kind, **options)
    return CleanImage(
        ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.{ACCEPTED[kind]}"),
        upright.width,
        upright.height,
    )


def _open(data: bytes) -> Image.Image:
    """The image in `data`, its type sniffed from its bytes (never its name), its
    size checked before a single pixel is decoded."""
    not_an_image = ValidationError(
        "This file is not a JPEG, PNG, WebP or AVIF image.", code="not_an_image"
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            picture = Image.open(io.BytesIO(data), formats=list(ACCEPTED))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels() from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise not_an_image from error
    if picture.format not in ACCEPTED:
        raise not_an_image
    width, height = picture.size
    if width * height > settings.IMAGE_MAX_PIXELS:
        raise _too_many_pixels(width, height)
    return picture


def _too_many_pixels(width: int | None = None, height: int | None = None) -> ValidationError:
    limit = settings.IMAGE_MAX_PIXELS / 1_000_000
    if width is None:
        return ValidationError(
            "This image has far more pixels than we accept (%(limit)g megapixels at most). "
            "Please resize it before uploading.",
            code="too_many_pixels",
            params={"limit": limit},
        )
    return ValidationError(
        "This image is %(width)s × %(height)s pixels, more than we accept "
        "(%(limit)g megapixels at most). Please resize it before uploading.",
        code="too_many_pixels",
        params={"width": width, "height": height, "limit": limit},
    )


def _encoder_options(picture: Image.Image) -> dict:
    options: dict = {}
    if icc := picture.info.get("icc_profile"):
        options["icc_profile"] = icc
    if picture.format in ("JPEG", "WEBP", "AVIF"):
        options["quality"] = 90
    return options
