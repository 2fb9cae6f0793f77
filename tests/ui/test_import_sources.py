"""Paste, drop and web addresses reach the same import as a file; places show where a sentence is."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtWidgets import QApplication, QTextBrowser

from desktop.core.document import Place
from desktop.core.importing import ImportFailed, import_page
from desktop.core.importing.blocks import HEADING, PARAGRAPH, Block, Page
from desktop.core.library import store
from tests.loopback import serving

ARTICLE = ("<html><head><title>Tidal power</title></head><body><nav>Home | News | Login</nav><article>"
           "<h1>Tidal power</h1><h2>Stations</h2><p>The Sihwa Lake station in South Korea produces 254 MW at peak. "
           "It opened in 2011 after seven years of building.</p><h2>Costs</h2><p>Tidal barrages cost about "
           "three times as much per megawatt as wind farms.</p></article><footer>© 2024 Example</footer></body></html>")


@pytest.fixture
def site():
    """A web server on 127.0.0.1 serving the article at /tidal."""
    with serving({"/tidal": (200, "text/html; charset=utf-8", ARTICLE.encode())}) as address:
        yield address


def outline(window) -> list[str]:
    return [s.label for s in window.document.walk()]


def test_paste_as_new_document_keeps_the_clipboards_headings(main_window, qtbot):
    mime = QMimeData()
    mime.setHtml(ARTICLE)
    mime.setText("Tidal power Stations The Sihwa Lake station …")
    QApplication.clipboard().setMimeData(mime)
    main_window.actions_["paste_document"].trigger()
    qtbot.waitUntil(lambda: main_window.library.count() == 2, timeout=10000)
    assert main_window.document.title == "Tidal power"
    assert outline(main_window) == ["Stations", "Costs"]
    assert main_window.actions_["paste_document"].shortcut().toString() == "Ctrl+Shift+V"
    assert main_window.collection.find_card_ids(document_id=main_window.document.id)


def test_pasting_plain_text_imports_it(main_window, qtbot):
    QApplication.clipboard().setText("Wind farms\n\nOffshore turbines reach 15 MW each.\n")
    main_window.paste_document()
    qtbot.waitUntil(lambda: main_window.library.count() == 2, timeout=10000)
    assert main_window.document.title == "Wind farms"


def test_an_empty_clipboard_says_so_and_imports_nothing(main_window):
    QApplication.clipboard().clear()
    main_window.paste_document()
    assert main_window.statusBar().currentMessage() == "The clipboard holds no text to study."
    assert main_window.library.count() == 1


def test_import_from_web_page_fetches_the_article(main_window, qtbot, site, monkeypatch):
    asked = []

    def answer(parent, title, label, text=""):
        asked.append(text)
        return f"{site}/tidal", True

    QApplication.clipboard().setText(f"{site}/tidal")
    monkeypatch.setattr("desktop.ui.main_window.QInputDialog.getText", answer)
    main_window.actions_["import_web"].trigger()
    qtbot.waitUntil(lambda: main_window.library.count() == 2, timeout=15000)
    assert asked == [f"{site}/tidal"]  # the copied address is offered
    assert main_window.document.title == "Tidal power"
    assert main_window.document.source_path == f"{site}/tidal"
    assert "Stations" in outline(main_window)
    reader = main_window.findChild(QTextBrowser, "readerView")
    assert "254 MW" in reader.toPlainText() and "Login" not in reader.toPlainText()


def test_dropping_a_link_imports_the_page_and_a_404_says_so(main_window, qtbot, site, monkeypatch):
    shown = []
    monkeypatch.setattr("desktop.ui.main_window.QMessageBox.warning", lambda *args: shown.append(args[2]))
    missing = QMimeData()
    missing.setUrls([QUrl(f"{site}/gone")])
    assert main_window.import_mime(missing)
    qtbot.waitUntil(lambda: bool(shown), timeout=15000)
    assert "404" in shown[0] and main_window.library.count() == 1
    link = QMimeData()
    link.setUrls([QUrl(f"{site}/tidal")])
    main_window.import_mime(link)
    qtbot.waitUntil(lambda: main_window.library.count() == 2, timeout=15000)
    assert main_window.document.title == "Tidal power"


def timed_document():
    """A recording's transcript: each paragraph knows the time of its cues."""
    first = "The Sihwa Lake station produces 254 MW at peak. It opened in 2011."
    second = "Tidal barrages cost three times as much as wind farms."
    blocks = [Block(HEADING, "0:00–2:10", 1),
              Block(PARAGRAPH, first, places=[(0, Place(time=5.0)), (first.index("It"), Place(time=754.5))]),
              Block(PARAGRAPH, second, places=[(0, Place(time=130.0))])]
    return import_page(Page("Tidal power talk", blocks, explicit_headings=True))


def test_the_reader_and_the_preview_say_when_a_sentence_was_said(main_window, qtbot):
    document, _ = store(main_window.collection, timed_document())
    main_window.reload_documents(document.id)
    reader = main_window.findChild(QTextBrowser, "readerView")
    text = reader.toPlainText()
    assert "0:05" in text and "2:10" in text  # each paragraph's start, in the margin
    collection = main_window.collection
    card = next(c for c in collection.cards(collection.find_card_ids(document_id=document.id)) if "2011" in c.source)
    assert card.place == Place(time=754.5)
    main_window.show_card(card.id)
    preview = main_window.findChild(QTextBrowser, "cardPreview")
    assert "0:00–2:10 · 12:34" in preview.toPlainText()


def test_text_dragged_from_a_browser_becomes_a_document(main_window, qtbot):
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    mime = QMimeData()
    mime.setText("Wave power\n\nThe Mutriku plant in Spain has 16 turbines and produces 296 kW.\n")
    enter = QDragEnterEvent(main_window.rect().center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    main_window.dragEnterEvent(enter)
    assert enter.isAccepted()
    main_window.dropEvent(QDropEvent(QPointF(main_window.rect().center()), Qt.DropAction.CopyAction, mime,
                                     Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: main_window.library.count() == 2, timeout=10000)
    assert main_window.document.title == "Wave power"


def test_an_address_typed_without_its_scheme_is_fetched_as_one(main_window, qtbot, monkeypatch):
    fetched = []

    def import_url(url):
        fetched.append(url)
        raise ImportFailed("Could not reach %1; check the connection and the address.", url)

    monkeypatch.setattr("desktop.core.importing.web.import_url", import_url)
    monkeypatch.setattr("desktop.ui.main_window.QInputDialog.getText",
                        lambda *args, **kwargs: ("example.com/tides", True))
    shown = []
    monkeypatch.setattr("desktop.ui.main_window.QMessageBox.warning", lambda *args: shown.append(args[2]))
    main_window.choose_web_import()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert fetched == ["example.com/tides"]  # to the web reader, not looked up as a file
    assert shown == ["Could not reach example.com/tides; check the connection and the address."]
