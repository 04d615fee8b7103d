"""How many CAPTCHA images can an off-the-shelf OCR engine read? Target: under 2%.

Generates CAPTCHA images with django-simple-captcha, first with the package's
default settings and then with Empower's (settings.py), and runs Debian's
tesseract (apt-get install tesseract-ocr), with its default settings, on each
image three ways: as served, the double-size image served to high-DPI
screens, and the image enlarged four times (the first thing a bot would try).

    .venv/bin/python bench/captcha_ocr.py [--count 200] [--save-samples DIR]
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# django-simple-captcha's own defaults, for the "before" figure.
PACKAGE_DEFAULTS = {
    "CAPTCHA_LENGTH": 4,
    "CAPTCHA_CHALLENGE_FUNCT": "captcha.helpers.random_char_challenge",
    "CAPTCHA_NOISE_FUNCTIONS": ("captcha.helpers.noise_arcs", "captcha.helpers.noise_dots"),
    "CAPTCHA_FILTER_FUNCTIONS": ("captcha.helpers.post_smooth",),
    "CAPTCHA_LETTER_ROTATION": (-35, 35),
    "CAPTCHA_FONT_SIZE": 22,
    "CAPTCHA_FOREGROUND_COLOR": "#001100",
    "CAPTCHA_IMAGE_SIZE": None,
}
WAYS = ["as served", "double size", "enlarged 4x"]
SETTING_NAMES = list(PACKAGE_DEFAULTS)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--save-samples", type=Path, help="keep a few images here to look at")
    args = parser.parse_args()
    if not shutil.which("tesseract"):
        sys.exit("tesseract is not installed: apt-get install tesseract-ocr")

    database = Path(tempfile.mkdtemp()) / "ocr-bench.sqlite3"
    os.environ.update(DEBUG="true", DATABASE_URL=f"sqlite:///{database}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "empower.settings")
    import django

    django.setup()
    from captcha.conf import settings as captcha_settings
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    ours = {name: getattr(settings, name, PACKAGE_DEFAULTS[name]) for name in SETTING_NAMES}

    results = {}
    for label, values in [("package defaults", PACKAGE_DEFAULTS), ("Empower's settings", ours)]:
        for name, value in values.items():
            setattr(captcha_settings, name, value)
        samples = args.save_samples / label.split()[0].lower() if args.save_samples else None
        results[label] = reads = measure(args.count, samples)
        figures = ", ".join(f"{way} {reads[way]}" for way in WAYS)
        print(f"{label:<20} tesseract read (of {args.count}): {figures}")
    worst = max(results["Empower's settings"].values())
    print(f"Worst case with Empower's settings: {100 * worst / args.count:.1f}% (target < 2%)")
    return 0 if worst / args.count < 0.02 else 1


def measure(count: int, samples: Path | None) -> dict[str, int]:
    from captcha.models import CaptchaStore
    from captcha.views import captcha_image
    from django.test import RequestFactory
    from PIL import Image

    request = RequestFactory().get("/")
    workdir = Path(tempfile.mkdtemp())
    reads = dict.fromkeys(WAYS, 0)
    for n in range(count):
        key = CaptchaStore.generate_key()
        answer = CaptchaStore.objects.get(hashkey=key).response
        images = {
            "as served": workdir / f"{n}.png",
            "double size": workdir / f"{n}@2.png",
            "enlarged 4x": workdir / f"{n}x4.png",
        }
        images["as served"].write_bytes(captcha_image(request, key).content)
        images["double size"].write_bytes(captcha_image(request, key, scale=2).content)
        with Image.open(images["as served"]) as served:
            served.resize((served.width * 4, served.height * 4), Image.LANCZOS).save(
                images["enlarged 4x"]
            )
        if samples and n < 5:
            samples.mkdir(parents=True, exist_ok=True)
            shutil.copy(images["double size"], samples / f"{n}-{answer}.png")
        for way, image in images.items():
            ocr = subprocess.run(
                ["tesseract", str(image), "stdout"], capture_output=True, text=True, check=False
            ).stdout
            reads[way] += re.sub(r"[^a-z0-9]", "", ocr.lower()) == answer.lower()
    return reads


if __name__ == "__main__":
    sys.exit(main())
