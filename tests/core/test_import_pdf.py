"""PDF import: slides become sections, reports keep their headings, furniture goes, pages are kept per sentence."""
from __future__ import annotations

import logging
import random
from io import BytesIO
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from desktop.core.document import Document, Sentence
from desktop.core.generate.pipeline import generate
from desktop.core.importing import ImportFailed, import_file

SLIDES = [
    ("Scaling Laws", ["Loss falls smoothly as models grow larger.", "Data matters as much as model size."]),
    ("Training Data", ["Pre-training used 15 trillion tokens.", "Most of the text came from the public web."]),
    ("Evaluation", ["Every model was tested on held-out questions.", "Humans graded the open answers."]),
]
FOOTER = "ACME Research — Internal"


def sentences(document: Document) -> list[Sentence]:
    return [sentence for section in document.walk() for sentence in section.sentences]


def texts(document: Document) -> list[str]:
    return [sentence.text for sentence in sentences(document)]


def labels(document: Document) -> list[str]:
    return [section.label for section in document.walk()]


def page_of(document: Document, text: str) -> int | None:
    found = [s for s in sentences(document) if s.text == text]
    assert found, f"{text!r} not among {texts(document)}"
    return found[0].place.page if found[0].place else None


def one_line_pdf(path: Path, sentence: str, encrypt: StandardEncryption | None = None) -> Path:
    pdf = canvas.Canvas(str(path), encrypt=encrypt)
    pdf.drawString(72, 700, sentence)
    pdf.save()
    return path


def failure(path: Path) -> str:
    """The sentence importing `path` fails with."""
    with pytest.raises(ImportFailed) as caught:
        import_file(path)
    return str(caught.value)


def write_deck(path: Path, title: str | None = None, slides: list[tuple[str, list[str]]] = SLIDES) -> Path:
    """Landscape slides (three by default): a big title, bullets, a footer line and a page number on each."""
    pdf = canvas.Canvas(str(path), pagesize=landscape(A4))
    width, height = landscape(A4)
    if title:
        pdf.setTitle(title)
    for number, (heading, bullets) in enumerate(slides, 1):
        pdf.setFont("Helvetica-Bold", 32)
        pdf.drawString(50, height - 80, heading)
        pdf.setFont("Helvetica", 20)
        for row, bullet in enumerate(bullets):
            pdf.drawString(70, height - 160 - 40 * row, f"• {bullet}")
        pdf.setFont("Helvetica", 10)
        pdf.drawString(50, 20, FOOTER)
        pdf.drawRightString(width - 50, 20, str(number))
        pdf.showPage()
    pdf.save()
    return path


# A two-page report; its lines are set by hand so the test knows where each one breaks.
REPORT_PAGES = [
    [("h", "Background"),
     ("p", "Language models predict the next word of a text. They learn this skill from a very"),
     ("p", "large collection of documents, and they get better at it as the collection grows."),
     ("p", "The models improve as they get bigger."),  # a short line: the paragraph ends
     ("p", "Early experiments showed that larger models need far more data than expected, be-"),
     ("p", "cause every added parameter has to be trained on enough examples. Today's state-of-the-"),
     ("p", "art systems are trained on trillions of words, and their makers still want more text."),
     ("indent", "The first models of this kind were small, and they were trained on a few books."),
     ("h", "Training Data"),
     ("p", "The corpus was collected over two years from public web pages, books and the code"),
     ("p", "of open repositories. Pre-training used 15 trillion tokens drawn from the cleaned and"),
     ("p", "deduplicated collection, after the removal of spam pages, machine translated text and")],
    [("p", "near copies of the same document. The remaining pages were kept for evaluation runs."),
     ("p", "Each page was checked by a filter that scores the quality of its language."),
     ("h", "Results"),
     ("p", "The final model answered 85 percent of the held-out questions correctly, and the GPT-"),
     ("p", "4 baseline answered only 61 percent of the same questions correctly, a clear gain."),
     ("gap", ""),  # a wider gap: the paragraph ends
     ("p", "The gap was largest on questions about mathematics.")],
]
REPORT_TITLE = "Annual Report on Model Training"


def write_pages(path: Path, pages: list[list[tuple[str, str]]], title: str, header: str, footer: str,
                regular: str = "Helvetica", bold: str = "Helvetica-Bold", meta_title: str | None = None) -> Path:
    """A paged document: the title on page 1, ("h"|"p"|"indent"|"gap", text) lines, a running header and a
    footer ("{n}" and "{total}" filled) on every page."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    if meta_title:
        pdf.setTitle(meta_title)
    width, height = A4
    for number, lines in enumerate(pages, 1):
        pdf.setFont(regular, 9)
        pdf.drawString(72, height - 40, header)
        pdf.drawCentredString(width / 2, 30, footer.format(n=number, total=len(pages)))
        y = height - 90
        if number == 1:
            pdf.setFont(bold, 20)
            pdf.drawString(72, y, title)
            y -= 40
        for kind, text in lines:
            if kind == "h":
                y -= 10
                pdf.setFont(bold, 14)
                pdf.drawString(72, y, text)
                y -= 22
            elif kind == "gap":
                y -= 8
            else:
                pdf.setFont(regular, 11)
                pdf.drawString(92 if kind == "indent" else 72, y, text)
                y -= 14
        pdf.showPage()
    pdf.save()
    return path


def write_report(path: Path) -> Path:
    # "Microsoft Word - …": what Word writes as the title when the author set none
    return write_pages(path, REPORT_PAGES, REPORT_TITLE, "Acme Labs · Annual Report 2024", "Page {n} of {total}",
                       meta_title="Microsoft Word - Annual report")


def test_each_slide_is_a_section_titled_by_its_title(tmp_path: Path) -> None:
    document = import_file(write_deck(tmp_path / "deck.pdf"))
    assert labels(document) == ["Scaling Laws", "Training Data", "Evaluation"]
    # ReportLab writes "untitled" as the title: the first slide's title names the deck instead
    assert document.title == "Scaling Laws"
    assert texts(document) == [bullet for _, bullets in SLIDES for bullet in bullets]
    assert all(sentence.item for sentence in sentences(document))  # the bullets are list items


def test_a_decks_metadata_title_names_it(tmp_path: Path) -> None:
    document = import_file(write_deck(tmp_path / "deck.pdf", title="How Language Models Learn"))
    assert document.title == "How Language Models Learn"
    assert labels(document) == ["Scaling Laws", "Training Data", "Evaluation"]


def test_a_slide_continuing_the_one_before_adds_to_its_section(tmp_path: Path) -> None:
    slides = [SLIDES[0], (SLIDES[0][0], ["Bigger models also learn faster per example."]), SLIDES[1]]
    document = import_file(write_deck(tmp_path / "deck.pdf", slides=slides))
    assert labels(document) == ["Scaling Laws", "Training Data"]
    assert page_of(document, "Bigger models also learn faster per example.") == 2
    assert page_of(document, "Pre-training used 15 trillion tokens.") == 3


def test_a_slide_title_may_wrap_and_a_big_number_under_it_is_no_title(tmp_path: Path) -> None:
    path = tmp_path / "stats.pdf"
    pdf = canvas.Canvas(str(path), pagesize=landscape(A4))
    height = landscape(A4)[1]
    for title, number, line in ((["How Large the", "Models Grew"], "405B", "The largest model has 405 billion weights."),
                                (["Context"], "128K", "A prompt may hold 128 thousand tokens.")):
        pdf.setFont("Helvetica-Bold", 32)
        for row, part in enumerate(title):  # a title may wrap
            pdf.drawString(50, height - 80 - 38 * row, part)
        pdf.setFont("Helvetica-Bold", 72)
        pdf.drawString(50, height - 250, number)
        pdf.setFont("Helvetica", 20)
        pdf.drawString(50, height - 320, line)
        pdf.showPage()
    pdf.save()
    document = import_file(path)
    assert labels(document) == ["How Large the Models Grew", "Context"]
    assert "The largest model has 405 billion weights." in texts(document)


def test_slide_sentences_and_cards_know_their_slide(tmp_path: Path) -> None:
    document = import_file(write_deck(tmp_path / "deck.pdf"))
    assert [page_of(document, bullet) for _, bullets in SLIDES for bullet in bullets] == [1, 1, 2, 2, 3, 3]
    body = " ".join(texts(document))
    assert "ACME" not in body and not any(text.strip().isdigit() for text in texts(document))
    cards = [card for card in generate(document) if "15 trillion" in card.front + card.back]
    assert cards, "the number fact gives a card"
    assert cards[0].section == "Training Data" and cards[0].place.page == 2


def test_a_report_keeps_its_headings_and_reflows_its_lines(tmp_path: Path) -> None:
    document = import_file(write_report(tmp_path / "report.pdf"))
    assert document.title == REPORT_TITLE  # "Microsoft Word - Annual report" names the file, not the report
    assert labels(document) == ["Background", "Training Data", "Results"]
    # lines join with spaces; the hyphen a line break put into "because" goes, those of "state-of-the-art" stay
    background = next(section for section in document.walk() if section.title == "Background")
    assert background.paragraphs == [
        "Language models predict the next word of a text. They learn this skill from a very large collection of "
        "documents, and they get better at it as the collection grows. The models improve as they get bigger.",
        "Early experiments showed that larger models need far more data than expected, because every added parameter "
        "has to be trained on enough examples. Today's state-of-the-art systems are trained on trillions of words, "
        "and their makers still want more text.",
        "The first models of this kind were small, and they were trained on a few books.",  # an indent starts it
    ]
    results = next(section for section in document.walk() if section.title == "Results")
    assert results.paragraphs == [
        "The final model answered 85 percent of the held-out questions correctly, and the GPT-4 baseline answered "
        "only 61 percent of the same questions correctly, a clear gain.",
        "The gap was largest on questions about mathematics.",
    ]


def test_report_furniture_is_dropped(tmp_path: Path) -> None:
    document = import_file(write_report(tmp_path / "report.pdf"))
    body = " ".join(texts(document) + labels(document))
    assert "Acme Labs" not in body and "Annual Report 2024" not in body
    assert "Page 1" not in body and "Page 2" not in body and "of 2" not in body


def test_a_paragraph_across_the_page_break_keeps_both_pages(tmp_path: Path) -> None:
    document = import_file(write_report(tmp_path / "report.pdf"))
    crossing = ("Pre-training used 15 trillion tokens drawn from the cleaned and deduplicated collection, after the "
                "removal of spam pages, machine translated text and near copies of the same document.")
    assert page_of(document, "Language models predict the next word of a text.") == 1
    assert page_of(document, crossing) == 1  # a sentence is where it starts
    assert page_of(document, "The remaining pages were kept for evaluation runs.") == 2
    assert page_of(document, "The gap was largest on questions about mathematics.") == 2
    by_source = {s.text: s.place.page for s in sentences(document)}
    cards = generate(document)
    assert cards and {card.place.page for card in cards} >= {2}
    assert all(card.place.page == by_source[card.source] for card in cards if card.source in by_source)


def test_a_paper_without_a_title_line_keeps_its_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle("Field Notes")
    for heading, line in (("Morning", "The birds sang before dawn."), ("Evening", "The bats came out at dusk.")):
        pdf.setFont("Helvetica-Bold", 14)
        pdf.drawString(72, 760, heading)
        pdf.setFont("Helvetica", 11)
        pdf.drawString(72, 730, line)
        pdf.showPage()
    pdf.save()
    document = import_file(path)
    assert document.title == "Field Notes"
    assert labels(document) == ["Morning", "Evening"]
    assert page_of(document, "The bats came out at dusk.") == 2


def test_a_paragraph_flows_on_into_the_next_column(tmp_path: Path) -> None:
    path = tmp_path / "columns.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 20)
    pdf.drawString(72, 760, "Rivers")
    pdf.setFont("Helvetica", 11)
    columns = [["Rivers carry water from the hills to the sea,", "and along the way they shape the land. A river",
                "that floods each spring leaves fertile silt on"],
               ["the fields beside it, which farmers have used", "for thousands of years to grow all their crops.",
                "", "Deltas form where a river meets the sea."]]
    for x, lines in zip((72, 320), columns):
        for row, line in enumerate(lines):
            pdf.drawString(x, 720 - 14 * row - (8 if row > 2 else 0), line)
    pdf.save()
    document = import_file(path)
    assert [p for section in document.walk() for p in section.paragraphs] == [
        "Rivers carry water from the hills to the sea, and along the way they shape the land. A river that floods "
        "each spring leaves fertile silt on the fields beside it, which farmers have used for thousands of years to "
        "grow all their crops.",
        "Deltas form where a river meets the sea.",
    ]


ZH_PAGES = [
    [("h", "一、训练数据"),
     ("p", "大语言模型在网页、书籍和代码上进行预训练。最大的模型使用了十五万亿个"),
     ("p", "词元进行训练，词表包含十二万八千个条目。"),
     ("h", "二、模型规模")],
    [("p", "研究者发现损失随参数量增长按幂律下降，这一规律在七个数量级的计算量上"),
     ("p", "都成立。")],
]


def write_chinese(path: Path) -> Path:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))  # ReportLab's built-in Chinese font
    # one font in two sizes: the headings stand out by size alone, as in many Chinese reports
    return write_pages(path, ZH_PAGES, "大语言模型综述", "大模型技术报告", "第 {n} 页", "STSong-Light", "STSong-Light")


def test_chinese_lines_join_without_spaces(tmp_path: Path) -> None:
    document = import_file(write_chinese(tmp_path / "zh.pdf"))
    assert document.title == "大语言模型综述"
    assert labels(document) == ["一 训练数据", "二 模型规模"]
    assert texts(document) == ["大语言模型在网页、书籍和代码上进行预训练。",
                               "最大的模型使用了十五万亿个词元进行训练，词表包含十二万八千个条目。",
                               "研究者发现损失随参数量增长按幂律下降，这一规律在七个数量级的计算量上都成立。"]
    assert [s.place.page for s in sentences(document)] == [1, 1, 2]
    assert "第" not in document.text and "技术报告" not in document.text  # "第 2 页" and the running header


BOOK = [("Chapter 1: Soil", ["Clay holds water for weeks.", "Sand drains within hours."]),
        ("Chapter 2: Seeds", ["Beans sprout after a week.", "Carrots need three weeks to show."]),
        ("Chapter 3: Light", ["Tomatoes want eight hours of sun.", "Lettuce grows in half shade.",
                              "Mint spreads in any corner."])]


def test_a_chapters_running_header_is_dropped(tmp_path: Path) -> None:
    """Each chapter's name heads its own pages (two or three of seven): fewer than half, but always in one place."""
    path = tmp_path / "garden.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    height = A4[1]
    pages = [(header, line) for header, lines in BOOK for line in lines]
    for number, (header, line) in enumerate(pages, 1):
        pdf.setFont("Helvetica", 9)
        pdf.drawString(72, height - 40, f"{header}    {number}")
        pdf.setFont("Helvetica", 11)
        if number == 1:
            pdf.setFont("Helvetica-Bold", 20)
            pdf.drawString(72, height - 90, "Garden Notes")
            pdf.setFont("Helvetica", 11)
            for row, (chapter, start) in enumerate((("Soil", 1), ("Seeds", 3), ("Light", 5))):  # a contents list
                pdf.drawString(72, height - 120 - 14 * row, f"{chapter} {'. ' * 30} {start}")
        pdf.drawString(72, height - 200, line)
        pdf.showPage()
    pdf.save()
    document = import_file(path)
    assert document.title == "Garden Notes"
    assert texts(document) == [line for _, line in pages]
    assert "Chapter" not in document.text and ". . ." not in document.text
    assert [s.place.page for s in sentences(document)] == list(range(1, 8))


def test_a_truncated_pdf_is_reported_as_damaged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = write_deck(tmp_path / "deck.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 2])
    with caplog.at_level(logging.WARNING), pytest.raises(ImportFailed) as failure:
        import_file(cut)
    assert str(failure.value) == ("The PDF is damaged or incomplete (perhaps its download stopped early); "
                                  "download or export it again.")
    assert not [record for record in caplog.records if record.name.startswith("pypdf")]


def test_a_broken_text_stream_is_damage_not_a_scan(tmp_path: Path) -> None:
    buffer = BytesIO()
    pdf = canvas.Canvas(buffer, pageCompression=1)
    pdf.drawString(72, 700, "A sentence that is lost when its stream breaks.")
    pdf.save()
    data = buffer.getvalue()
    at = data.index(b"stream", data.index(b"/FlateDecode")) + 12
    path = tmp_path / "broken.pdf"
    path.write_bytes(data[:at] + bytes(12) + data[at + 12:])
    with pytest.raises(ImportFailed, match="damaged or incomplete"):
        import_file(path)


def test_corrupted_pdfs_give_text_or_one_sentence(tmp_path: Path) -> None:
    data = write_report(tmp_path / "report.pdf").read_bytes()
    rng = random.Random(7)
    for trial in range(40):
        corrupted = bytearray(data)
        for _ in range(rng.randint(1, 12)):
            corrupted[rng.randrange(len(corrupted))] = rng.randrange(256)
        if trial % 3 == 0:
            cut = rng.randrange(len(corrupted))
            del corrupted[cut:cut + rng.randint(1, 400)]
        path = tmp_path / f"corrupted{trial}.pdf"
        path.write_bytes(bytes(corrupted))
        try:
            import_file(path)
        except ImportFailed as failure:
            assert str(failure).endswith(".")  # one sentence, never a library's exception


def test_garbage_after_a_pdf_header_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "noise.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    with pytest.raises(ImportFailed, match="damaged or incomplete"):
        import_file(path)


def test_a_file_named_pdf_that_is_not_one(tmp_path: Path) -> None:
    path = tmp_path / "page.pdf"
    path.write_text("<html><body><p>Not a PDF at all.</p></body></html>")
    assert failure(path) == "The file's name ends in .pdf but it does not hold a PDF."


def test_a_password_protected_pdf_says_so(tmp_path: Path) -> None:
    locked = one_line_pdf(tmp_path / "locked.pdf", "Nobody reads this sentence without the password.",
                          StandardEncryption("secret", ownerPassword="owner"))
    assert failure(locked) == ("The PDF is password-protected; save a copy without the password "
                               "(for example with Print to PDF) and import that.")


def test_a_pdf_encrypted_without_a_user_password_is_read(tmp_path: Path) -> None:
    path = tmp_path / "restricted.pdf"
    pdf = canvas.Canvas(str(path), encrypt=StandardEncryption("", ownerPassword="owner", canPrint=0))
    pdf.setFont("Helvetica-Bold", 20)
    pdf.drawString(72, 760, "Restricted Notes")
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 720, "Anyone may read this sentence, though printing is not allowed.")
    pdf.save()
    document = import_file(path)
    assert document.title == "Restricted Notes"
    assert texts(document) == ["Anyone may read this sentence, though printing is not allowed."]


def test_an_aes_encrypted_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    """Publishers' "no printing" PDFs are AES-encrypted with an empty user password: pypdf reads them."""
    from pypdf import PdfReader, PdfWriter

    sentence = "Anyone may read this sentence, though printing is not allowed."
    writer = PdfWriter(clone_from=PdfReader(one_line_pdf(tmp_path / "plain.pdf", sentence)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    with open(tmp_path / "aes.pdf", "wb") as out:
        writer.write(out)
    assert texts(import_file(tmp_path / "aes.pdf")) == [sentence]


def test_a_cipher_pypdf_cannot_decrypt_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A security handler pypdf lacks (or AES without the cryptography package): the user hears what to do."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    def cannot(reader: PdfReader, password: str) -> None:
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", cannot)
    encrypted = one_line_pdf(tmp_path / "aes.pdf", "Readable with the right library.",
                             StandardEncryption("", ownerPassword="owner"))
    assert failure(encrypted) == ("The PDF is encrypted in a way TalkCards cannot read; save an unencrypted copy "
                                  "(for example with Print to PDF) and import that.")


def test_a_pdf_without_a_text_layer_is_probably_scanned(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    for _ in range(2):
        pdf.rect(72, 200, 400, 500, fill=1)  # a page's picture, and no text
        pdf.showPage()
    pdf.save()
    assert failure(path) == ("The PDF has no text layer (it is probably scanned); TalkCards needs the text, "
                                  "so run it through OCR first or import a text version.")


def test_an_empty_pdf_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(ImportFailed, match="The file is empty."):
        import_file(path)
