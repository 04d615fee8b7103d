"""Illustrations for the demo site, drawn here with Pillow: no downloads, no
photographs of anyone. Simple shapes in the site's palette, each with alt text
that says what it shows."""

import io
import random

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFilter, ImageFont

PLUM, PLUM_DARK, CREAM = (107, 44, 95), (79, 31, 70), (250, 246, 242)
BACKGROUNDS = [(232, 221, 211), (221, 231, 226), (229, 222, 236), (244, 226, 214), (220, 229, 238)]
ACCENTS = [(201, 160, 184), (155, 181, 160), (47, 111, 115), (214, 170, 120), (130, 150, 190)]
SIZE = (1600, 900)  # drawn at this size, stored at STORED: wide enough for a lead image
STORED = (1200, 675)
PORTRAIT = (800, 800)  # drawn at this size, stored at PORTRAIT: 10rem at 2x, and more

# What each condition's pictures show, for the motif and for its alt text.
MOTIFS = {
    "hemifacial-spasm": ("face", "a face in profile, with soft ripples around the eye and cheek"),
    "blepharospasm": ("eye", "a closed eye with ripples along the eyelid"),
    "trigeminal-neuralgia": ("jaw", "a face in profile, with a jagged line along the jaw"),
    "cluster-headache": ("head", "a head in profile, with a bright spot behind one eye"),
    "bells-palsy": ("droop", "a face in profile, the corner of the mouth drooping"),
    "cervical-dystonia": ("neck", "a head and shoulders, the head tilted to one side"),
    "migraine": ("head", "a head in profile, with waves of light around it"),
    "essential-tremor": ("hand", "an open hand, with small motion lines around the fingers"),
}


def illustration(slug: str, variant: int = 0) -> tuple[ContentFile, str]:
    """A 1200 × 675 JPEG for a condition's guide or article, and its alt text."""
    motif, shows = MOTIFS.get(slug, ("face", "a face in profile"))
    chance = random.Random(f"{slug}-{variant}")  # noqa: S311 - a drawing, not a secret
    background = BACKGROUNDS[(variant + len(slug)) % len(BACKGROUNDS)]
    accent = ACCENTS[(variant * 2 + len(slug)) % len(ACCENTS)]
    # Soft shapes behind the subject, blurred small and scaled up (cheap, and just as soft).
    backdrop = Image.new("RGB", (SIZE[0] // 8, SIZE[1] // 8), background)
    draw = ImageDraw.Draw(backdrop)
    for _ in range(6):
        x, y, r = chance.randint(0, 200), chance.randint(0, 112), chance.randint(15, 52)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_mix(background, accent, 0.35))
    picture = backdrop.filter(ImageFilter.GaussianBlur(2)).resize(SIZE, Image.Resampling.BILINEAR)
    DRAWERS[motif](ImageDraw.Draw(picture), accent, chance)
    picture = picture.resize(STORED, Image.Resampling.BILINEAR, reducing_gap=2.0)
    return _jpeg(picture, f"{slug}-{variant}.jpg"), f"Illustration: {shows}."


def portrait(name: str, variant: int) -> tuple[ContentFile, str]:
    """A square illustrated portrait: a figure and the person's initials."""
    background = ACCENTS[variant % len(ACCENTS)]
    picture = Image.new("RGB", (800, 800), _mix(background, CREAM, 0.55))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((250, 140, 550, 440), fill=_mix(background, PLUM_DARK, 0.35))
    draw.ellipse((130, 470, 670, 1010), fill=_mix(background, PLUM, 0.45))
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    font = ImageFont.load_default(size=120)
    draw.text((400, 290), initials, font=font, fill=CREAM, anchor="mm")
    picture = picture.resize(PORTRAIT, Image.Resampling.BILINEAR)
    return _jpeg(picture, f"portrait-{variant}.jpg"), f"Illustrated portrait of {name}."


def _face(draw, accent, chance):
    _face_shape(draw)
    draw.ellipse((880, 330, 930, 370), fill=CREAM)  # eye
    for ring in range(3):
        box = (830 - ring * 60, 280 - ring * 60, 980 + ring * 60, 420 + ring * 60)
        draw.arc(box, 200, 340, fill=accent, width=10)


def _jaw(draw, accent, chance):
    _face_shape(draw)
    points = [(760, 560), (820, 600), (860, 560), (920, 610), (960, 570), (1010, 620)]
    draw.line(points, fill=(255, 214, 102), width=14, joint="curve")


def _droop(draw, accent, chance):
    _face_shape(draw)
    draw.arc((930, 520, 1030, 600), 110, 200, fill=CREAM, width=10)  # the mouth, turned down
    draw.ellipse((880, 335, 930, 365), fill=CREAM)


def _face_shape(draw):
    draw.ellipse((560, 170, 1040, 730), fill=PLUM)
    draw.ellipse((980, 380, 1080, 470), fill=PLUM)
    draw.rectangle((700, 640, 900, 900), fill=PLUM)


def _eye(draw, accent, chance):
    draw.ellipse((420, 300, 1180, 600), fill=CREAM, outline=PLUM, width=18)
    draw.line((430, 450, 1170, 450), fill=PLUM, width=22)
    for ring in range(4):
        box = (400 - ring * 40, 250 - ring * 40, 1200 + ring * 40, 650)
        draw.arc(box, 200, 340, fill=accent, width=8)


def _head(draw, accent, chance):
    draw.ellipse((600, 160, 1060, 700), fill=PLUM)
    draw.rectangle((740, 620, 920, 900), fill=PLUM)
    draw.ellipse((900, 330, 960, 390), fill=(255, 214, 102))
    for ring in range(5):
        r = 300 + ring * 70
        draw.arc((830 - r, 430 - r, 830 + r, 430 + r), 280, 80, fill=accent, width=9)


def _neck(draw, accent, chance):
    draw.ellipse((470, 560, 1130, 1100), fill=PLUM)  # shoulders
    draw.polygon([(720, 600), (880, 600), (930, 420), (770, 420)], fill=PLUM)  # neck
    draw.ellipse((760, 160, 1160, 520), fill=PLUM)  # head, tilted
    for ring in range(3):
        box = (700 - ring * 50, 380 - ring * 50, 1000 + ring * 50, 680 + ring * 50)
        draw.arc(box, 300, 20, fill=accent, width=9)


def _hand(draw, accent, chance):
    draw.rounded_rectangle((640, 420, 960, 820), radius=120, fill=PLUM)  # palm
    for x, top in [(650, 210), (730, 150), (810, 140), (890, 190)]:
        draw.rounded_rectangle((x, top, x + 62, 520), radius=31, fill=PLUM)
        for wave in range(2):
            offset = 30 + wave * 30
            box = (x - offset, top - offset, x + 62 + offset, top + 80)
            draw.arc(box, 200, 340, fill=accent, width=6)
    draw.rounded_rectangle((930, 520, 1120, 600), radius=40, fill=PLUM)  # thumb


DRAWERS = {
    "face": _face,
    "jaw": _jaw,
    "droop": _droop,
    "eye": _eye,
    "head": _head,
    "neck": _neck,
    "hand": _hand,
}


def _mix(a, b, amount):
    return tuple(round(x + (y - x) * amount) for x, y in zip(a, b, strict=True))


def _jpeg(picture, name) -> ContentFile:
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=88)
    return ContentFile(buffer.getvalue(), name=name)
