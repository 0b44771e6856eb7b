"""Turn a real text acta into an image-only PDF degraded like a scan (see SOURCES.md).

Used where no true scan of a body could be found: the acta's text, as published, is set
on letter pages (WeasyPrint), each page is rendered at 200 dpi in grey (``pdftoppm``),
turned by a small angle, blurred a little, sprinkled with noise and specks, and the
images are put back into a PDF that has no text layer. The randomness is seeded by the
file name, so a rebuild gives the same pages. Run from the repository root:

    .venv/bin/python tests/data/actas/rasterise.py SOURCE.txt OUTPUT.pdf
"""

import hashlib
import html
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageFilter

DPI = 200

PAGE_CSS = """
@page { size: letter; margin: 2.5cm 2.3cm; }
body { font-family: "DejaVu Serif", "Liberation Serif", serif; font-size: 11.5pt;
       line-height: 1.45; text-align: justify; }
p { margin: 0 0 0.6em 0; }
"""


def typeset(text: str) -> bytes:
    """The text as a PDF, one HTML paragraph per line of the source."""
    import weasyprint

    paragraphs = "".join(
        f"<p>{html.escape(line.strip())}</p>" for line in text.splitlines() if line.strip()
    )
    document = f"<html><head><style>{PAGE_CSS}</style></head><body>{paragraphs}</body></html>"
    pdf: bytes = weasyprint.HTML(string=document).write_pdf()
    return pdf


def degrade(page: Image.Image, rng: random.Random) -> Image.Image:
    """A clean page as a photocopier would give it back: askew, soft, noisy, specked."""
    angle = rng.uniform(0.4, 1.3) * rng.choice((-1, 1))
    page = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    page = page.filter(ImageFilter.GaussianBlur(radius=0.7))
    width, height = page.size
    noise = Image.effect_noise((width, height), 18).convert("L")
    page = Image.blend(page, noise, 0.12)
    pixels = page.load()
    assert pixels is not None
    for _ in range(width * height // 4000):
        x, y = rng.randrange(width), rng.randrange(height)
        shade = rng.randrange(0, 120)
        for dx in range(rng.randrange(1, 4)):
            for dy in range(rng.randrange(1, 4)):
                if x + dx < width and y + dy < height:
                    pixels[x + dx, y + dy] = shade
    return page.point(lambda value: 255 if value > 235 else value)


def rasterise(source: Path, output: Path) -> None:
    """Write ``output``: ``source``'s text typeset, rendered and degraded, with no text layer."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise SystemExit("pdftoppm (poppler-utils) is needed to render the pages")
    seed = int(hashlib.sha256(source.name.encode()).hexdigest()[:8], 16)
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        clean = Path(folder) / "clean.pdf"
        clean.write_bytes(typeset(source.read_text(encoding="utf-8")))
        subprocess.run(
            [pdftoppm, "-r", str(DPI), "-gray", "-png", str(clean), str(Path(folder) / "page")],
            check=True,
        )
        pages = [
            degrade(Image.open(path).convert("L"), rng)
            for path in sorted(Path(folder).glob("page-*.png"))
        ]
    first, *rest = pages
    first.save(output, "PDF", resolution=DPI, save_all=True, append_images=rest)


if __name__ == "__main__":
    rasterise(Path(sys.argv[1]), Path(sys.argv[2]))
