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
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# What Pillow calls the formats we accept, and the extension each is stored under.
SRGB = ImageCms.createProfile("sRGB")
ACCEPTED = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "AVIF": "avif", "MPO": "jpg"}
# A JPEG with extra pictures (a phone's gain map, a camera's preview) is kept as a
# plain JPEG of its first picture.
SAVED_AS = {"MPO": "JPEG"}
DECODERS = ["JPEG", "PNG", "WEBP", "AVIF"]  # Pillow opens MPO with its JPEG decoder
# Wider or taller than this and no layout can show it, and crops would blow it up.
MAX_ASPECT_RATIO = 10


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
    kind = str(picture.format)
    saved_as = SAVED_AS.get(kind, kind)
    options = _encoder_options(picture, saved_as)
    buffer = io.BytesIO()
    try:
        with picture:
            picture.load()
            upright = web_colours(ImageOps.exif_transpose(picture))
        # Only the pixels go on: no metadata, and no profile (they are sRGB now).
        upright.info = {}
        upright.save(buffer, saved_as, **options)
    except Exception as error:  # any decoder's failure on a bad file: refuse it, never a 500
        raise ValidationError(
            "This image is damaged or incomplete, so it can't be used.", code="damaged"
        ) from error
    file = ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.{ACCEPTED[kind]}")
    file.cleaned = True  # type: ignore[attr-defined]
    return CleanImage(file, upright.width, upright.height)


def _open(data: bytes) -> Image.Image:
    """The image in `data`, its type sniffed from its bytes (never its name), its
    size checked before a single pixel is decoded."""
    not_an_image = ValidationError(
        "This file is not a JPEG, PNG, WebP or AVIF image.", code="not_an_image"
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            picture = Image.open(io.BytesIO(data), formats=DECODERS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels() from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise not_an_image from error
    if picture.format not in ACCEPTED:
        raise not_an_image
    width, height = picture.size
    if width * height > settings.IMAGE_MAX_PIXELS:
        raise _too_many_pixels(width, height)
    if max(width, height) > MAX_ASPECT_RATIO * max(1, min(width, height)):
        raise ValidationError(
            "This image is %(width)s × %(height)s pixels: too long and thin to show. "
            "Crop it to a shape no more than %(ratio)s times longer than it is wide.",
            code="aspect_ratio",
            params={"width": width, "height": height, "ratio": MAX_ASPECT_RATIO},
        )
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


def web_colours(picture: Image.Image) -> Image.Image:
    """The picture in 8-bit sRGB, what every browser shows alike, so renditions (which
    carry no colour profile) look as the original did.

    16-bit grey is scaled to 8 bits (a plain conversion clips everything above 255
    to white); any transparency becomes an alpha channel, whatever the mode it came
    in; a colour profile is applied to the pixels and then dropped.
    """
    if picture.mode.startswith("I"):  # "I;16", "I;16B", "I": grey, up to 16 bits
        picture = picture.convert("I").point(lambda value: value / 256).convert("L")
    has_alpha = "A" in picture.mode or "transparency" in picture.info
    icc = picture.info.get("icc_profile")
    if icc and picture.mode in ("RGB", "RGBA", "CMYK", "L"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            mode = "RGBA" if picture.mode == "RGBA" else "RGB"
            converted = ImageCms.profileToProfile(picture, source, SRGB, outputMode=mode)
            if converted is not None:  # None only when asked to convert in place
                return converted
        except ImageCms.PyCMSError:
            pass  # a broken profile: the pixels as they are
    if has_alpha:
        return picture.convert("RGBA")
    return picture if picture.mode in ("RGB", "L") else picture.convert("RGB")


def _encoder_options(picture: Image.Image, saved_as: str) -> dict:
    options: dict = {}
    if saved_as in ("JPEG", "WEBP", "AVIF"):
        options["quality"] = 90
    if saved_as == "AVIF":
        options["speed"] = 8  # the default takes seconds for a large photo, for no visible gain
    return options
