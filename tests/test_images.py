"""The media library: images are untrusted input, described for readers who can't
see them, and served in modern formats at the sizes pages need."""

import io

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection
from django.template import Context, Template
from django.template.defaultfilters import filesizeformat
from django.test import Client
from django.test.utils import CaptureQueriesContext
from PIL import Image as Pillow

from images.models import Image
from images.renditions import SHARE_SIZE
from tests.conftest import jpeg_bytes, sign_in

pytestmark = pytest.mark.django_db

GPS = 0x8825
ORIENTATION = 0x0112


def phone_photo(width=800, height=600, orientation=1) -> bytes:
    """A JPEG as a phone takes it: where it was taken, the camera, which way up."""
    exif = Pillow.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[ORIENTATION] = orientation
    exif[GPS] = {1: "N", 2: (51.0, 30.0, 26.0), 3: "W", 4: (0.0, 7.0, 39.0)}
    return jpeg_bytes(width, height, exif=exif.tobytes())


def upload(client, data: bytes, name="photo.jpg", **fields):
    form = {
        "title": "Clinic",
        "alt_text": "A nurse talking with a patient",
        "caption": "",
        "credit": "",
        "licence": "",
        "file": SimpleUploadedFile(name, data, content_type="image/jpeg"),
        **fields,
    }
    return client.post("/admin/images/image/add/", form)


@pytest.fixture
def editor_client(editor):
    return sign_in(Client(), editor)


def served(url: str) -> Pillow.Image:
    response = Client().get(url)
    assert response.status_code == 200, url
    content = b"".join(response.streaming_content)  # read to the end, so it is closed
    return Pillow.open(io.BytesIO(content))


def test_a_phone_photo_is_published_without_where_it_was_taken(editor_client):
    response = upload(editor_client, phone_photo())
    assert response.status_code == 302, response.context and response.context["errors"]
    image = Image.objects.get()
    original = served(image.file.url)
    assert GPS not in original.getexif()
    assert not original.getexif()  # no camera, no date, nothing
    for rendition in image.renditions:
        assert not served(image.file.storage.url(rendition["name"])).getexif()


def test_a_photo_taken_sideways_is_stored_the_right_way_up():
    image = Image.objects.create(
        title="Sideways",
        alt_text="A hand",
        file=SimpleUploadedFile("s.jpg", phone_photo(800, 600, orientation=6)),
    )
    assert (image.width, image.height) == (600, 800)


def test_a_php_file_named_jpg_is_refused_with_a_message(editor_client):
    response = upload(editor_client, b"<?php system($_GET['c']); ?>", name="shell.jpg")
    assert response.status_code == 200
    assert "This file is not a JPEG, PNG, WebP or AVIF image." in response.text
    assert not Image.objects.exists()


def test_a_decompression_bomb_is_refused_with_a_message(editor_client, settings):
    settings.IMAGE_MAX_PIXELS = 1_000_000
    # A few kilobytes of PNG that would unpack to 16 million pixels.
    buffer = io.BytesIO()
    Pillow.new("1", (4000, 4000)).save(buffer, "PNG")
    assert len(buffer.getvalue()) < 10_000
    response = upload(editor_client, buffer.getvalue(), name="small.png")
    assert response.status_code == 200
    assert "This image is 4000 × 4000 pixels, more than we accept (1 megapixels at most)" in (
        response.text
    )
    assert not Image.objects.exists()


def test_an_image_too_big_for_pillow_itself_is_refused_before_decoding(settings):
    settings.IMAGE_MAX_PIXELS = 10**12  # only Pillow's own bomb check is left
    buffer = io.BytesIO()
    Pillow.new("1", (20000, 10000)).save(buffer, "PNG")
    with pytest.raises(ValidationError, match="far more pixels than we accept"):
        Image.objects.create(
            title="Bomb", alt_text="x", file=SimpleUploadedFile("b.png", buffer.getvalue())
        )


def test_a_file_over_the_size_limit_is_refused_with_its_size(editor_client, settings):
    settings.IMAGE_MAX_BYTES = 2048
    response = upload(editor_client, jpeg_bytes(800, 600, colour=(10, 200, 30)) + b"\0" * 4096)
    assert "the largest image we accept is 2.0\xa0KB" in response.text
    assert not Image.objects.exists()


def test_a_truncated_image_is_refused_as_damaged():
    with pytest.raises(ValidationError, match="damaged or incomplete"):
        Image.objects.create(
            title="Cut", alt_text="x", file=SimpleUploadedFile("c.jpg", phone_photo()[:2000])
        )


def test_an_image_needs_alt_text_unless_it_is_decorative(editor_client, make_image):
    response = upload(editor_client, jpeg_bytes(), alt_text="")
    assert "Describe the image for readers who can" in response.text
    assert not Image.objects.exists()
    assert upload(editor_client, jpeg_bytes(), alt_text="", decorative="on").status_code == 302
    assert Image.objects.get().alt == ""
    with pytest.raises(IntegrityError):
        make_image(alt_text="")


def test_renditions_are_modern_and_fallback_formats_never_wider_than_the_original(make_image):
    image = make_image(width=1000, height=500)
    sizes = {(r["kind"], r["width"], r["height"]) for r in image.renditions if r["use"] == "size"}
    assert sizes == {
        (kind, width, width // 2) for kind in ("avif", "jpeg") for width in (400, 800, 1000)
    }
    for rendition in image.renditions:
        with image.file.storage.open(rendition["name"]) as file:
            stored = Pillow.open(io.BytesIO(file.read()))
        assert stored.format == {"avif": "AVIF", "jpeg": "JPEG"}[rendition["kind"]]
        assert stored.size == (rendition["width"], rendition["height"])
    share = image.share_url()
    assert share.startswith(f"{settings.SITE_URL}/media/renditions/")
    assert served(share.removeprefix(settings.SITE_URL)).size == SHARE_SIZE


def test_the_picture_tag_offers_every_width_and_reserves_the_space(make_image):
    image = make_image(width=1000, height=500)
    html = Template('{% load images %}{% picture image sizes="50vw" %}').render(
        Context({"image": image})
    )
    assert '<source type="image/avif" srcset="/media/renditions/' in html
    assert html.count(" 400w,") == 2
    assert html.count(" 1000w") == 2
    assert 'sizes="50vw"' in html
    assert 'width="1000" height="500"' in html
    assert 'alt="A nurse talking with a patient"' in html
    assert 'loading="lazy"' in html
    lead = Template("{% load images %}{% picture image priority=True %}").render(
        Context({"image": image})
    )
    assert 'loading="eager"' in lead
    assert 'fetchpriority="high"' in lead


def test_alt_text_is_escaped_in_the_picture(make_image):
    image = make_image(alt_text='"><script>alert(1)</script>')
    html = Template("{% load images %}{% picture image %}").render(Context({"image": image}))
    assert "<script>" not in html
    assert "&quot;&gt;&lt;script&gt;" in html


def test_media_files_may_be_kept_for_a_year_because_they_never_change(make_image):
    image = make_image()
    response = Client().get(image.file.url)
    assert b"".join(response.streaming_content)  # read to the end, so it is closed
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["Content-Type"] == "image/jpeg"
    assert Client().get("/media/../manage.py").status_code in (400, 404)
    assert Client().post(image.file.url).status_code == 405


def test_replacing_an_images_file_removes_the_old_one_and_its_renditions(
    make_image, django_capture_on_commit_callbacks
):
    image = make_image()
    storage = image.file.storage
    old_names = [image.file.name, *(r["name"] for r in image.renditions)]
    with django_capture_on_commit_callbacks(execute=True):
        image.file = SimpleUploadedFile("new.jpg", jpeg_bytes(500, 500))
        image.save()
    assert not any(storage.exists(name) for name in old_names)
    assert storage.exists(image.file.name)
    assert image.width == 500


def test_an_editor_may_upload_but_not_delete_and_a_reviewer_may_only_look(editor, reviewer):
    assert editor.has_perms(["images.add_image", "images.change_image"])
    assert not editor.has_perm("images.delete_image")
    assert reviewer.has_perm("images.view_image")
    assert not reviewer.has_perm("images.add_image")


def test_an_article_with_a_lead_image_shows_it_and_shares_it(article, make_image):
    article.lead_image = make_image(
        width=1600, height=900, caption="At the clinic", credit="Illustration: Empower"
    )
    article.save()
    page = Client().get(article.get_absolute_url()).text
    assert '<figure class="lead-figure">' in page
    assert 'fetchpriority="high"' in page
    assert "At the clinic" in page
    assert "Illustration: Empower" in page
    share = article.lead_image.share_url()
    assert f'<meta property="og:image" content="{share}">' in page
    assert f'"image": "{share}"' in page  # JSON-LD


def test_a_page_without_an_image_shares_the_sites_raster_image(article):
    page = Client().get(article.get_absolute_url()).text
    assert 'og:image" content="http://localhost:8000/static/img/share' in page
    assert '<figure class="lead-figure">' not in page


def body_with(images, sections=("Symptoms",)) -> str:
    parts = ["Spasms on one side of the face."]
    for title in sections:
        parts.append(f"## {title}\n\nWhat to know about {title.lower()}.")
    parts += [f"![](image:{image.pk})" for image in images]
    return "\n\n".join(parts)


def test_library_images_placed_in_the_text_show_with_their_current_alt_text(
    make_article, make_image
):
    chart = make_image(alt_text="A chart of symptoms", caption="Where spasms start")
    article = make_article(body=body_with([chart]))
    chart.alt_text = "A chart of where spasms start on the face"
    chart.save()
    page = Client().get(article.get_absolute_url()).text
    assert '<figure class="body-figure">' in page
    assert 'alt="A chart of where spasms start on the face"' in page
    assert "Where spasms start" in page
    assert "[[image:" not in page


def test_an_image_removed_from_the_library_leaves_no_trace_in_the_text(make_article, make_image):
    gone = make_image()
    article = make_article(body=body_with([gone]))
    gone.delete()
    page = Client().get(article.get_absolute_url()).text
    assert "[[image:" not in page
    assert "body-figure" not in page


def test_the_article_page_costs_the_same_queries_with_one_image_or_ten(
    make_article, make_image, settings
):
    settings.PAGE_CACHE = False
    images = [make_image() for _ in range(10)]

    def queries(slug, placed) -> int:
        article = make_article(slug, body=body_with(placed))
        with CaptureQueriesContext(connection) as captured:
            assert Client().get(article.get_absolute_url()).status_code == 200
        return len(captured)

    none, one, ten = queries("none", []), queries("one", images[:1]), queries("ten", images)
    assert ten == one
    assert one <= none + 1


def test_an_article_with_more_than_three_sections_has_a_table_of_contents(make_article):
    short = make_article("short", body=body_with([], ["Symptoms", "Causes", "Treatment"]))
    assert "On this page" not in Client().get(short.get_absolute_url()).text
    sections = ["Symptoms", "Causes", "Diagnosis", "Treatment"]
    long = make_article("long", body=body_with([], sections))
    page = Client().get(long.get_absolute_url()).text
    assert "On this page" in page
    for title in sections:
        anchor = title.lower()
        assert f'<li><a href="#{anchor}">{title}</a></li>' in page
        assert f'<h2 id="{anchor}">{title}</h2>' in page


def png_bytes(width, height) -> bytes:
    buffer = io.BytesIO()
    Pillow.new("L", (width, height), 128).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_long_thin_image_is_refused_before_any_rendition_is_made(editor_client):
    response = upload(editor_client, png_bytes(1, 2000), name="strip.png")
    assert "This image is 1 × 2000 pixels: too long and thin to show." in response.text
    assert not Image.objects.exists()


def test_a_damaged_avif_is_refused_as_damaged_not_a_server_error(editor_client):
    buffer = io.BytesIO()
    Pillow.new("RGB", (300, 200), (90, 40, 80)).save(buffer, "AVIF")
    data = bytearray(buffer.getvalue())
    start = len(data) * 9 // 10  # scramble the coded picture at the end, keep the header
    for at in range(start, min(start + 16, len(data))):
        data[at] ^= 0xFF
    response = upload(editor_client, bytes(data), name="broken.avif")
    assert response.status_code == 200
    assert "This image is damaged or incomplete" in response.text
    assert not Image.objects.exists()


def test_a_phone_jpeg_with_extra_pictures_is_kept_as_a_plain_jpeg(editor_client):
    buffer = io.BytesIO()
    first, preview = Pillow.new("RGB", (640, 480), "navy"), Pillow.new("RGB", (160, 120), "red")
    first.save(buffer, "MPO", save_all=True, append_images=[preview])
    assert upload(editor_client, buffer.getvalue()).status_code == 302
    stored = served(Image.objects.get().file.url)
    assert stored.format == "JPEG"
    assert stored.size == (640, 480)


def test_the_upload_is_cleaned_once_whichever_way_it_arrives(editor_client, monkeypatch):
    from images import forms, models

    calls = []
    real = models.clean_upload

    def counting(upload):
        calls.append(upload.name)
        return real(upload)

    monkeypatch.setattr(models, "clean_upload", counting)
    monkeypatch.setattr(forms, "clean_upload", counting)
    assert upload(editor_client, jpeg_bytes()).status_code == 302
    assert len(calls) == 1


def test_a_decorative_image_is_skipped_by_screen_readers_whatever_its_alt_text(make_image):
    image = make_image(alt_text="A soft pattern of circles", decorative=True)
    html = Template("{% load images %}{% picture image %}").render(Context({"image": image}))
    assert 'alt=""' in html
    assert "soft pattern" not in html


def stored(data: bytes, name: str) -> Pillow.Image:
    image = Image.objects.create(
        title="Test", alt_text="A test picture", file=SimpleUploadedFile(name, data)
    )
    return served(image.file.url)


def encoded(picture: Pillow.Image, format: str, **options) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, format, **options)
    return buffer.getvalue()


def test_a_colour_profile_is_applied_to_the_pixels_so_every_rendition_looks_as_taken():
    from PIL import ImageCms

    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    original = Pillow.new("RGB", (300, 200), (200, 30, 60))
    kept = stored(encoded(original, "PNG", icc_profile=srgb), "red.png")
    assert "icc_profile" not in kept.info  # sRGB now: renditions, which carry none, agree
    assert kept.mode == "RGB"
    assert kept.getpixel((10, 10)) == pytest.approx((200, 30, 60), abs=2)


def test_16_bit_grey_is_scaled_to_8_bits_not_clipped_to_white():
    grey = Pillow.new("I;16", (300, 200), 32768)  # half way up a 16-bit scale
    kept = stored(encoded(grey, "PNG"), "grey.png")
    assert kept.mode == "L"
    assert kept.getpixel((10, 10)) == 128


def test_transparency_is_kept_as_an_alpha_channel_whatever_mode_it_came_in():
    grey_with_alpha = Pillow.new("LA", (300, 200), (90, 0))
    kept = stored(encoded(grey_with_alpha, "PNG"), "clear.png")
    assert kept.mode == "RGBA"
    assert kept.getpixel((10, 10)) == (90, 90, 90, 0)
    palette = Pillow.new("P", (300, 200), 0)
    kept = stored(encoded(palette, "PNG", transparency=0), "palette.png")
    assert kept.mode == "RGBA"
    assert kept.getpixel((10, 10))[3] == 0


def test_a_cmyk_photo_becomes_rgb():
    kept = stored(encoded(Pillow.new("CMYK", (300, 200), (0, 255, 255, 0)), "JPEG"), "c.jpg")
    assert kept.mode == "RGB"
    red, green, blue = kept.getpixel((10, 10))
    assert red > 200 > 60 > max(green, blue)


def test_pillows_own_bomb_limit_gets_the_same_kind_of_message(settings):
    settings.IMAGE_MAX_PIXELS = 10**12
    buffer = io.BytesIO()
    Pillow.new("1", (20000, 10000)).save(buffer, "PNG")
    with pytest.raises(ValidationError) as refused:
        Image.objects.create(
            title="Bomb", alt_text="x", file=SimpleUploadedFile("b.png", buffer.getvalue())
        )
    assert refused.value.messages == [
        "This image has far more pixels than we accept (1e+06 megapixels at most). "
        "Please resize it before uploading."
    ]


def refusal(data: bytes, name="upload.jpg"):
    """The message and code an upload is refused with, or None when it is accepted."""
    from images.uploads import clean_upload

    try:
        clean_upload(SimpleUploadedFile(name, data))
    except ValidationError as error:
        [only] = error.error_list
        return only.message % (only.params or {}), only.code
    return None


def test_each_refusal_says_exactly_why(settings):
    settings.IMAGE_MAX_BYTES = 4096
    big = jpeg_bytes(64, 64) + b"\0" * 5000
    assert refusal(big) == (
        f"This file is {filesizeformat(len(big))}; the largest image we accept is 4.0\xa0KB.",
        "too_big",
    )
    assert refusal(b"GIF89a not really") == (
        "This file is not a JPEG, PNG, WebP or AVIF image.",
        "not_an_image",
    )
    assert refusal(png_bytes(10, 101), "thin.png") == (
        "This image is 10 × 101 pixels: too long and thin to show. "
        "Crop it to a shape no more than 10 times longer than it is wide.",
        "aspect_ratio",
    )
    settings.IMAGE_MAX_PIXELS = 999
    assert refusal(png_bytes(10, 100), "many.png")[1] == "too_many_pixels"


def test_the_limits_themselves_are_allowed(settings):
    data = jpeg_bytes(10, 100)
    settings.IMAGE_MAX_BYTES = len(data)
    settings.IMAGE_MAX_PIXELS = 1000
    assert refusal(data) is None  # exactly the size, the pixels and the shape allowed
    assert refusal(png_bytes(1, 10), "thin.png") is None
