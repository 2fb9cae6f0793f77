"""The study loop through the main window's real widgets: counts, scopes, one review, triage, documents."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMessageBox, QSplitter, QTextBrowser

from desktop.app import build_main_window
from desktop.core.card import CLOZE, Card
from desktop.core.collection import DROPPED, KEPT
from desktop.core.document import stable_id
from desktop.core.review import load_study, today_counts
from desktop.ui.outline_model import MASTERY_ROLE
from desktop.ui.review import ReviewWindow
from desktop.ui.triage import TriageDialog
from tests.ui.test_main_window import card_ids, section_id

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = ("Tidal power\n\n1. How it works\n\nTidal stream generators use the kinetic energy of moving water. "
           "The Sihwa Lake station in South Korea produces 254 MW of power.\n\n2. Costs\n\n"
           "Building a tidal barrage costs about 3 billion dollars.\n")


def status(window) -> str:
    return window.status_label.text()


def open_reviews(window) -> list[ReviewWindow]:
    return [w for w in window.findChildren(ReviewWindow) if w.isVisible()]


def add_siblings(window, count: int = 3) -> list[str]:
    """Three cloze cards of one sentence of section 1.2 (the generator may make one or none)."""
    section = next(s for s in window.document.walk() if s.number == "1.2")
    sentence = section.sentences[0]
    ids = []
    for n in range(count):
        card = Card(id=stable_id("sibling", str(n)), kind=CLOZE, front=f"{sentence.text[:6]}{{{{c1::第{n}处}}}}",
                    back="", section=section.label, source=sentence.text, rule="manual", section_id=section.id,
                    source_start=sentence.start, source_end=sentence.end, document_id=window.document.id)
        ids.append(window.collection.add_card(card))
    window.reload_documents(window.document.id)
    return ids


# ----- shortcuts --------------------------------------------------------------------------------

def test_no_two_actions_share_a_shortcut(main_window):
    keys = [sequence.toString() for action in main_window.findChildren(QAction) for sequence in action.shortcuts()]
    keys += [shortcut.key().toString() for shortcut in main_window.findChildren(QShortcut)]
    doubled = [key for key, count in Counter(k for k in keys if k).items() if count > 1]
    assert doubled == []
    assert main_window.actions_["quit"].shortcut().toString() == "Ctrl+Q"
    assert main_window.actions_["quiz"].shortcut().toString() == "Ctrl+Shift+Q"


def test_help_lists_the_shortcuts_and_about_names_the_app(main_window, qtbot, monkeypatch):
    from desktop.ui.help_dialogs import ShortcutsDialog

    shown = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: shown.append(self.text.toPlainText()))
    main_window.actions_["shortcuts"].trigger()
    assert "Ctrl+Shift+Q" in shown[0] and "Quiz" in shown[0] and "Bury" in shown[0]
    about = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: about.append(text))
    main_window.actions_["about"].trigger()
    assert "TalkCards" in about[0]


# ----- counts and scopes ------------------------------------------------------------------------

def test_the_count_is_the_rows_shown_in_every_scope(main_window, qtbot, settle):
    window = main_window
    total = window.card_model.rowCount()
    assert status(window) == f"{total} card(s) in {window.document.title}"
    window.select_section(section_id(window, "1.2"))
    in_section = window.card_model.rowCount()
    assert 0 < in_section < total and status(window) == f"{in_section} card(s) in 1.2"
    qtbot.keyClicks(window.search, "10T")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)  # search now, without the pause
    settle()  # it runs off the GUI thread
    shown = window.card_model.rowCount()
    assert 0 < shown < in_section
    assert status(window).startswith(f"{shown} of {in_section} in 1.2 · search 10T")
    window.search.clear()
    window.select_section(None)
    assert status(window) == f"{total} card(s) in {window.document.title}"


def test_a_search_still_running_when_the_section_changes_never_lists_the_old_scope(main_window, settle):
    window = main_window
    window.search.setText("10T")
    window.search_now()  # the whole document, off the GUI thread
    window.select_section(section_id(window, "2.3"))  # no 10T there
    settle()
    assert window.card_model.rowCount() == 0
    assert "more in other places" in status(window)


def test_a_search_that_misses_the_section_offers_the_whole_collection(main_window, qtbot, settle):
    window = main_window
    window.select_section(section_id(window, "2.3"))
    qtbot.keyClicks(window.search, "10T")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)  # search now, without the pause
    settle()  # it runs off the GUI thread
    assert window.card_model.rowCount() == 0
    assert "more in other places" in status(window)
    window.everywhere.click()
    found = window.card_model.rowCount()
    assert found > 0 and status(window).startswith(f"{found} of ") and "whole collection" in status(window)
    window.select_section(section_id(window, "1.2"))  # choosing a section looks there again
    assert not window.everywhere.isChecked()


# ----- reviews ----------------------------------------------------------------------------------

def test_one_review_session_at_a_time(main_window, qtbot):
    main_window.actions_["review"].trigger()
    first = open_reviews(main_window)
    main_window.actions_["review"].trigger()
    main_window.actions_["review_section"].trigger()
    assert open_reviews(main_window) == first and len(first) == 1
    assert "already open" in main_window.statusBar().currentMessage()
    first[0].close()
    main_window.actions_["review"].trigger()
    assert len(open_reviews(main_window)) == 1


def test_siblings_are_not_reviewed_back_to_back(main_window, qtbot):
    siblings = add_siblings(main_window)
    main_window.select_section(section_id(main_window, "1.2"))
    main_window.actions_["review_section"].trigger()
    review = open_reviews(main_window)[0]
    shown = []
    while review.card_id is not None and len(shown) < 30:
        shown.append(review.card_id)
        qtbot.keyClick(review, Qt.Key.Key_Space)
        qtbot.keyClick(review, Qt.Key.Key_4)  # Easy: out of today's queue
    starts = Counter(main_window.collection.row_for_id(card)["source_start"] for card in shown)
    sentence = main_window.collection.row_for_id(siblings[0])["source_start"]
    assert starts[sentence] == 1  # one card of the sentence today, its siblings tomorrow
    assert max(starts.values()) == 1  # and so for every sentence


def test_mastery_drops_at_once_after_an_again_and_says_what_it_means(main_window, qtbot, settle):
    from desktop.ui.mastery import mastery_text

    window = main_window
    window.select_section(section_id(window, "1.2"))
    section_index = window.outline.currentIndex()
    window.actions_["review_section"].trigger()
    review = open_reviews(window)[0]
    qtbot.keyClick(review, Qt.Key.Key_Space)
    qtbot.keyClick(review, Qt.Key.Key_4)  # Easy: learned
    settle()
    learned = section_index.data(MASTERY_ROLE)
    assert learned.learned == 1 and learned.value > 0
    qtbot.keyClick(review, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(review, Qt.Key.Key_Space)
    qtbot.keyClick(review, Qt.Key.Key_1)  # Again
    settle()
    after = section_index.data(MASTERY_ROLE)
    assert after.learned == 0 and after.value == 0.0
    assert "0 of" in mastery_text(after) and "forgotten" in mastery_text(after)


def test_today_at_a_glance_counts_down_as_cards_are_studied(main_window, qtbot, settle):
    window = main_window
    settle()
    counts = window.today.counts_label
    before = today_counts(window.collection, load_study(window.collection))
    assert f"<b>{before.new}</b>" in counts.text()
    window.outline.setFocus()
    qtbot.keyClick(window.outline, Qt.Key.Key_Space)  # Space: study now
    review = open_reviews(window)[0]
    qtbot.keyClick(review, Qt.Key.Key_Space)
    qtbot.keyClick(review, Qt.Key.Key_4)
    settle()
    after = today_counts(window.collection, load_study(window.collection))
    assert after.new < before.new and f"<b>{after.new}</b>" in counts.text()


def test_the_last_review_can_be_undone_from_the_main_window(main_window, qtbot):
    window = main_window
    window.actions_["review"].trigger()
    review = open_reviews(window)[0]
    card = review.card_id
    qtbot.keyClick(review, Qt.Key.Key_Space)
    qtbot.keyClick(review, Qt.Key.Key_3)
    review.close()
    qtbot.waitUntil(lambda: window.review_window is None)
    window.actions_["undo_review"].trigger()
    assert window.collection.reviews_of(card) == [] and window.collection.row_for_id(card)["fsrs"] is None
    window.actions_["undo_review"].trigger()
    assert "no review to undo" in window.statusBar().currentMessage()


# ----- triage -----------------------------------------------------------------------------------

def test_triage_by_keyboard_survives_a_reimport(main_window, qtbot, monkeypatch):
    window = main_window
    dialogs = []
    monkeypatch.setattr(TriageDialog, "exec", lambda self: dialogs.append(self))
    window.select_section(None)
    window.actions_["triage"].trigger()
    dialog = dialogs[0]
    first, second = dialog.ids[:2]
    assert "From:" in dialog.source_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_D)
    qtbot.keyClick(dialog, Qt.Key.Key_K)
    assert dialog.progress_label.text().startswith("Card 3 of")
    qtbot.keyClick(dialog, Qt.Key.Key_Backspace)  # back: the second card is undecided again
    assert window.collection.row_for_id(second)["triage"] is None
    qtbot.keyClick(dialog, Qt.Key.Key_K)
    row = window.card_model.row_of(first)
    assert window.card_model.index(row, 4).data() == "Dropped"
    assert window.card_model.index(row, 0).data(Qt.ItemDataRole.FontRole).strikeOut()

    window.import_file(Path(window.document.source_path))
    qtbot.waitUntil(lambda: not window.busy, timeout=20000)
    assert window.collection.row_for_id(first)["triage"] == DROPPED
    assert window.collection.row_for_id(second)["triage"] == KEPT
    assert first not in {c.id for c in window.collection.cards_for_document(window.document.id)}
    window.actions_["review"].trigger()
    review = open_reviews(window)[0]
    assert first not in review.session._new


def test_keep_or_drop_a_whole_section_from_the_outline(main_window, settle):
    window = main_window
    window.select_section(section_id(window, "1.2"))
    ids = card_ids(window)
    window.triage_section(DROPPED)
    settle()
    assert {window.collection.row_for_id(c)["triage"] for c in ids} == {DROPPED}
    assert window.today.triage_button.isHidden()  # nothing left to check in 1.2
    window.undo()
    assert {window.collection.row_for_id(c)["triage"] for c in ids} == {None}


# ----- the card table and its preview -----------------------------------------------------------

def test_cloze_rows_show_their_answer_and_the_preview_shows_the_card(main_window, qtbot):
    window = main_window
    model = window.card_model
    cloze_rows = [row for row in range(model.rowCount())
                  if window.collection.row_for_id(model.ids[row])["kind"] == CLOZE]
    assert cloze_rows
    for row in cloze_rows:
        assert "[...]" in model.index(row, 0).data() and model.index(row, 1).data()
    window.cards.selectRow(cloze_rows[0])
    preview = window.findChild(QTextBrowser, "cardPreview").toPlainText()
    card = window.collection.row_for_id(model.ids[cloze_rows[0]])
    assert model.index(cloze_rows[0], 1).data().split("、")[0] in preview
    assert card["source"][:10] in preview and "Not reviewed yet." in preview


def test_flags_tags_and_suspension_from_the_table(main_window, qtbot, monkeypatch):
    window = main_window
    window.cards.selectRow(0)
    card = window.selected_card_ids()[0]
    window.actions_["flag_2"].trigger()
    assert window.collection.row_for_id(card)["flag"] == 2
    assert window.card_model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    window.actions_["flag_2"].trigger()
    assert window.collection.row_for_id(card)["flag"] == 0
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("考试 第一章", True))
    window.actions_["card_tags"].trigger()
    assert window.collection.row_for_id(card)["tags"] == "考试 第一章"
    assert "考试 第一章" in window.preview.toPlainText()


# ----- documents --------------------------------------------------------------------------------

def test_rename_tag_delete_and_undo_a_document(main_window, monkeypatch):
    window = main_window
    document_id = window.document.id
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("我的讲座", True))
    window.actions_["rename_document"].trigger()
    assert window.document.title == "我的讲座" and window.windowTitle().endswith("我的讲座")
    window.actions_["delete_document"].trigger()
    assert window.document is None and window.card_model.rowCount() == 0
    assert window.actions_["undo"].text().replace("&", "") == "Undo delete document"
    window.actions_["undo"].trigger()
    assert window.document.id == document_id and window.card_model.rowCount() > 0


# ----- language, theme, layout, fonts ----------------------------------------------------------

def test_language_and_theme_menus_tick_the_current_choice(main_window):
    window = main_window
    window.set_theme("dark")
    assert [s for s, a in window.theme_actions.items() if a.isChecked()] == ["dark"]
    window.set_language("zh_CN")
    assert [c for c, a in window.language_actions.items() if a.isChecked()] == ["zh_CN"]
    toolbar_texts = [a.iconText() for a in window.toolbar.actions()]
    assert not any(re.search(r"\(\w\)|&", text) for text in toolbar_texts), toolbar_texts
    assert window.actions_["import"].text() != window.actions_["import"].iconText()  # the menu keeps it
    window.set_language("en")
    window.set_theme("light")


def test_an_unchecked_box_is_visible_in_dark_mode(qtbot):
    from PySide6.QtWidgets import QApplication, QCheckBox

    from desktop.ui.theme import BOX_OUTLINE, apply_theme

    def outlined(box: QCheckBox) -> bool:
        image = box.grab().toImage()
        return any(image.pixelColor(x, y) == BOX_OUTLINE for y in range(image.height()) for x in range(image.width()))

    apply_theme(QApplication.instance(), "dark")
    try:
        box = QCheckBox("包括已暂停的卡片")
        qtbot.addWidget(box)
        box.show()
        assert outlined(box)
        box.setChecked(True)
        assert outlined(box)
    finally:
        apply_theme(QApplication.instance(), "light")


def test_chinese_ui_translates_import_errors_and_qt_dialogs(main_window, qtbot, tmp_path, monkeypatch):
    window = main_window
    window.set_language("zh_CN")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    window.import_file(empty)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown[0] != "The file is empty." and re.search(r"[\u4e00-\u9fff]", shown[0])
    dialog = QFileDialog(window)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Look in:" not in texts and any("查找范围" in text for text in texts)
    window.set_language("en")


def test_the_outline_can_be_narrowed_after_a_theme_switch_and_sizes_are_remembered(qtbot, tmp_path):
    window = build_main_window(tmp_path)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    window.set_theme("dark")
    window.set_theme("light")
    splitter = window.findChild(QSplitter, "mainSplitter")
    before = splitter.sizes()[0]
    splitter.setSizes([180, 300, 544])
    assert splitter.sizes()[0] == 180 < before
    header = window.cards.horizontalHeader()
    assert all(header.sectionViewportPosition(c) + header.sectionSize(c) <= window.cards.viewport().width() + 1
               for c in range(header.count()))  # every column in view at 1024 px
    sizes = splitter.sizes()
    window.close()
    again = build_main_window(tmp_path)
    qtbot.addWidget(again)
    again.show()
    assert again.findChild(QSplitter, "mainSplitter").sizes()[0] == sizes[0]
    again.close()


def test_english_text_is_drawn_with_a_latin_font_first(main_window, tmp_path, qtbot):
    from desktop.ui.theme import CJK_FAMILIES, LATIN_FAMILIES

    path = tmp_path / "tidal.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    main_window.import_file(path)
    qtbot.waitUntil(lambda: main_window.document.title == "Tidal power", timeout=20000)
    assert main_window.reader.font().families()[0] == LATIN_FAMILIES[0]
    main_window.reload_documents(next(d["id"] for d in main_window.collection.documents() if d["language"] == "zh"))
    assert main_window.reader.font().families()[0] == CJK_FAMILIES[0]


def test_first_run_says_it_is_importing(qtbot, tmp_path, settle):
    window = build_main_window(tmp_path, background=True)
    qtbot.addWidget(window)
    assert "Importing the bundled talk" in window.reader.toPlainText()
    assert window.status_label.text() == "Importing…" and "Import a talk" not in window.reader.toPlainText()
    qtbot.waitUntil(lambda: window.document is not None, timeout=20000)
    settle()
    assert window.status_label.text().endswith(window.document.title) and window.today.isVisibleTo(window)
    window.close()


# ----- command line -----------------------------------------------------------------------------

def test_global_options_are_accepted_after_the_subcommand(tmp_path):
    talk = tmp_path / "tidal.txt"
    talk.write_text(ENGLISH, encoding="utf-8")
    shot = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "desktop", "open", str(talk), "--data-dir", str(tmp_path / "data"),
                           "--screenshot", str(shot)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 0 and (tmp_path / "data" / "collection.db").exists()


@pytest.fixture(autouse=True)
def _english():
    """Each test starts and ends in English, whatever language a test switched to."""
    yield
    from desktop.ui.i18n import install_language

    install_language("en")
