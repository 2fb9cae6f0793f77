"""Benchmarks of the formats beyond text (`make bench`): each against its library's own parse of the same file."""
from __future__ import annotations

import io

import pytest

from desktop.core.generate.pipeline import generate
from desktop.core.importing import import_file, import_text
from desktop.core.resources import BUNDLED_TALK, resource_path
from desktop.core.text import warm_up
from tests.benchmarks.test_bench import best_of, cold, report

pytestmark = pytest.mark.bench
SENTENCE = "In week {n} the team trained a model on {n} billion tokens and measured its loss on held-out text."


def test_import_a_100_page_pdf(tmp_path):
    from pypdf import PdfReader
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "report.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(100):
        pdf.setFont("Helvetica-Bold", 14)
        pdf.drawString(72, 780, f"{page + 1}. Results of part {page + 1}")
        pdf.setFont("Helvetica", 10)
        for line in range(50):
            pdf.drawString(72, 750 - 13 * line, SENTENCE.format(n=page * 50 + line))
        pdf.drawCentredString(300, 30, str(page + 1))
        pdf.showPage()
    pdf.save()
    baseline = best_of(3, lambda: [page.extract_text() for page in PdfReader(path).pages])
    seconds = best_of(3, lambda: import_file(path))
    report("import a 100-page PDF (5,000 lines)", seconds, baseline, "pypdf extracting its text")


def test_import_an_hour_of_subtitles(tmp_path):
    import webvtt

    def stamp(seconds: float) -> str:
        return f"{int(seconds) // 3600:02d}:{int(seconds) // 60 % 60:02d}:{int(seconds) % 60:02d},{int(seconds * 1000) % 1000:03d}"

    words = " ".join(SENTENCE.format(n=n) for n in range(1200)).split()
    cues = [" ".join(words[i:i + 8]) for i in range(0, len(words), 8)]  # captions cut sentences anywhere
    text = "".join(f"{n}\n{stamp(n * 2.5)} --> {stamp(n * 2.5 + 2.4)}\n{cue}\n\n" for n, cue in enumerate(cues, 1))
    path = tmp_path / "talk.srt"
    path.write_text(text, encoding="utf-8")
    baseline = best_of(3, lambda: webvtt.from_buffer(io.StringIO(text), format="srt").captions)
    seconds = best_of(3, lambda: import_file(path))
    report(f"import an hour of subtitles ({len(cues)} cues)", seconds, baseline, "webvtt-py parsing them")


def test_generate_a_traditional_chinese_talk():
    """The Simplified view's cost: converting the text, then the cards back, beside the generation itself."""
    from desktop.core.chinese_script import traditional as to_traditional

    warm_up()
    simplified = resource_path(BUNDLED_TALK).read_text(encoding="utf-8")
    traditional = import_text(to_traditional(simplified))
    plain = import_text(simplified)
    baseline = best_of(5, cold(lambda: generate(plain)))
    seconds = best_of(5, cold(lambda: generate(traditional)))
    report("generate the bundled talk written in Traditional characters", seconds, baseline,
           "generating it in Simplified")
