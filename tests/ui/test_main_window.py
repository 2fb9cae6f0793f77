"""The main window as a user meets it: outline, reader and cards, linked both ways."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QTableView, QTextBrowser, QTreeView

from desktop.app import build_main_window
from desktop.ui.card_model import CARD_ID_ROLE
from desktop.ui.outline_model import SECTION_ID_ROLE


def outline_labels(view: QTreeView) -> list[str]:
    model, labels = view.model(), []

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            labels.append(index.data())
            walk(index)

    walk(view.rootIndex())
    return labels


def section_id(window, number: str) -> str:
    return next(s.id for s in window.document.walk() if s.number == number)


def card_ids(window) -> list[str]:
    view = window.findChild(QTableView, "cardView")
    return [view.model().index(row, 0).data(CARD_ID_ROLE) for row in range(view.model().rowCount())]


def test_first_run_shows_the_bundled_talk(main_window):
    labels = outline_labels(main_window.findChild(QTreeView, "outlineView"))
    assert labels[0] == "李沐在上海交通大学的演讲回顾:大语言模型的现状与未来"
    assert labels[1] == "引言" and labels[-1] == "结语"
    for label in ("1 大语言模型的现状", "1.1.1 带宽与内存瓶颈", "1.2 模型规模与训练", "2.3 蓝领阶级", "3.2 自我提升与复盘"):
        assert label in labels
    assert len(card_ids(main_window)) == main_window.collection.card_count() > 0


def test_selecting_a_section_filters_cards_and_shows_its_text(main_window):
    main_window.select_section(section_id(main_window, "1.2"))
    reader = main_window.findChild(QTextBrowser, "readerView")
    assert "10T" in reader.toPlainText()
    subtree = set(main_window.collection.subtree_ids(section_id(main_window, "1.2")))
    shown = card_ids(main_window)
    assert shown and all(main_window.collection.row_for_id(c)["section_id"] in subtree for c in shown)
    assert len(shown) < main_window.collection.card_count()


def test_selecting_a_card_marks_its_source_sentence(main_window):
    main_window.select_section(section_id(main_window, "1.2"))
    view = main_window.findChild(QTableView, "cardView")
    view.selectRow(0)
    row = main_window.collection.row_for_id(card_ids(main_window)[0])
    reader = main_window.findChild(QTextBrowser, "readerView")
    assert reader.marked == row["source_start"]
    assert "#ffc46b" in reader.toHtml().lower() or "#9a5b00" in reader.toHtml().lower()


def test_clicking_a_sentence_selects_its_cards(main_window):
    main_window.select_section(section_id(main_window, "1.2"))
    first = main_window.collection.row_for_id(card_ids(main_window)[0])
    main_window.reader.sentence_clicked.emit(first["source_start"])
    selected = main_window.selected_card_ids()
    assert first["id"] in selected
    assert all(main_window.collection.row_for_id(c)["source_start"] == first["source_start"] for c in selected)


def test_search_narrows_the_cards(main_window, qtbot):
    before = len(card_ids(main_window))
    box = main_window.findChild(QLineEdit, "searchBox")
    qtbot.keyClicks(box, "token")
    assert len(card_ids(main_window)) == before  # typing: no search on every key
    qtbot.waitUntil(lambda: main_window.card_model.query == "token")  # a pause runs it
    after = card_ids(main_window)
    assert 0 < len(after) < before
    for card_id in after:
        row = main_window.collection.row_for_id(card_id)
        assert "token" in (row["front"] + row["back"] + row["source"]).lower()


def test_a_search_lists_the_cards_about_the_word_first_until_a_column_is_sorted(main_window, qtbot, settle):
    main_window.search.setText("模型")
    main_window.search_now()
    settle()

    def on_card(card_id: str) -> bool:
        row = main_window.collection.row_for_id(card_id)
        return "模型" in row["front"] + row["back"]

    about = [on_card(card_id) for card_id in card_ids(main_window)]
    assert True in about and False in about  # some cards only quote the word in their source
    assert about == sorted(about, reverse=True)
    header = main_window.cards.horizontalHeader()

    def click_front_header() -> None:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionViewportPosition(0) + 5, header.height() // 2))

    click_front_header()
    fronts = [main_window.collection.row_for_id(c)["front"] for c in card_ids(main_window)]
    assert fronts == sorted(fronts)  # sorted by the Front column now
    click_front_header()  # descending
    click_front_header()  # and no column sorted again
    assert [on_card(card_id) for card_id in card_ids(main_window)] == about


def test_ctrl_f_focuses_the_search_box(main_window, qtbot):
    main_window.actions_["find"].trigger()
    assert main_window.search.hasFocus() or main_window.focusWidget() is main_window.search


def test_an_edit_survives_a_restart(main_window, tmp_path, qtbot):
    view = main_window.findChild(QTableView, "cardView")
    index = view.model().index(0, 0)
    card_id = index.data(CARD_ID_ROLE)
    assert view.model().setData(index, "我自己的问题？", Qt.ItemDataRole.EditRole)
    main_window.close()
    again = build_main_window(tmp_path)
    qtbot.addWidget(again)
    assert again.collection.row_for_id(card_id)["front"] == "我自己的问题？"
    assert again.card_model.index(again.card_model.row_of(card_id), 0).data() == "我自己的问题？"
    again.close()


def test_delete_and_undo(main_window, qtbot):
    main_window.cards.selectRow(0)
    card_id = main_window.selected_card_ids()[0]
    count = len(card_ids(main_window))
    main_window.delete_cards()
    assert card_id not in card_ids(main_window) and len(card_ids(main_window)) == count - 1  # gone at once
    qtbot.waitUntil(lambda: main_window.busy == 0)
    assert main_window.collection.row_for_id(card_id)["deleted_at"] is not None
    assert card_id not in card_ids(main_window) and "Deleted 1 card" in main_window.statusBar().currentMessage()
    main_window.undo_delete()
    qtbot.waitUntil(lambda: card_id in card_ids(main_window))
    assert main_window.collection.row_for_id(card_id)["deleted_at"] is None and len(card_ids(main_window)) == count


def test_suspend_greys_out_the_card(main_window):
    main_window.cards.selectRow(0)
    card_id = main_window.selected_card_ids()[0]
    main_window.toggle_suspend()
    assert main_window.collection.row_for_id(card_id)["suspended"] == 1
    assert main_window.card_model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_new_card_from_reader_selection(main_window, monkeypatch):
    main_window.select_section(section_id(main_window, "1.2"))
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    sentence = next(s for s in main_window.document.walk() if s.number == "1.2").sentences[0]
    before = main_window.collection.card_count()
    main_window.reader.new_card_requested.emit("cloze", "10T", sentence.start)
    assert main_window.collection.card_count() == before + 1
    new = [main_window.collection.row_for_id(c) for c in card_ids(main_window)]
    assert any(r["front"].count("{{c1::10T}}") == 1 and r["rule"] == "manual" for r in new)


def test_importing_a_file_adds_a_document(main_window, qtbot, tmp_path):
    text = tmp_path / "talk.md"
    text.write_text("# 电池技术的未来\n\n## 1. 现状\n\n固态电池的能量密度达到500Wh/kg。\n\n## 2. 挑战\n\n成本仍然是主要障碍。\n",
                    encoding="utf-8")
    main_window.import_file(Path(text))
    qtbot.waitUntil(lambda: main_window.library.count() == 2, timeout=10000)
    assert main_window.document.title == "电池技术的未来"
    assert main_window.library.isVisible()
    assert "1 现状" in outline_labels(main_window.outline)


def test_importing_a_bad_file_shows_one_message(main_window, qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("desktop.ui.main_window.QMessageBox.warning", lambda *args: shown.append(args[2]))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    main_window.import_file(empty)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown == ["The file is empty."]
    assert main_window.library.count() == 1


def test_chinese_translation_is_loaded(main_window):
    main_window.set_language("zh_CN")
    assert main_window.menus["file"].title() == "文件(&F)"
    assert main_window.search.placeholderText().startswith("搜索")
    main_window.set_language("en")
    assert main_window.menus["file"].title() == "&File"


def test_reopens_the_last_section(main_window, tmp_path, qtbot):
    target = section_id(main_window, "2.1")
    main_window.select_section(target)
    main_window.close()
    again = build_main_window(tmp_path)
    qtbot.addWidget(again)
    assert again.outline.currentIndex().data(SECTION_ID_ROLE) == target
    again.close()


def test_dark_theme_applies_and_is_remembered(main_window, tmp_path, qtbot):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    main_window.select_section(section_id(main_window, "1.2"))
    main_window.set_theme("dark")
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness() < 128
    assert "#5b4a12" in main_window.reader.toHtml().lower()  # the dark tint of sentences with cards
    main_window.close()
    again = build_main_window(tmp_path)
    qtbot.addWidget(again)
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness() < 128
    again.set_theme("light")
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness() > 128
    again.close()


def test_dropping_a_file_imports_it(main_window, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    note = tmp_path / "notes.txt"
    note.write_text("Tidal power\n\n1. Basics\n\nThe Sihwa station produces 254 MW at peak.\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(note))])
    enter = QDragEnterEvent(main_window.rect().center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    main_window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(main_window.rect().center()), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    main_window.dropEvent(drop)
    qtbot.waitUntil(lambda: main_window.library.count() == 2, timeout=10000)
    assert main_window.document.title == "Tidal power"


def test_study_scopes_whole_collection_document_and_section(main_window):
    from desktop.ui.review import ReviewWindow

    def opened() -> ReviewWindow:
        windows = main_window.findChildren(ReviewWindow)
        window = windows[-1]
        window.close()
        return window

    main_window.select_section(section_id(main_window, "2.3"))
    main_window.actions_["review"].trigger()
    assert opened().document_id is None
    main_window.actions_["review_document"].trigger()
    assert opened().document_id == main_window.document.id
    main_window.actions_["review_section"].trigger()
    window = opened()
    assert window.section_id == section_id(main_window, "2.3")
    subtree = set(main_window.collection.subtree_ids(window.section_id))
    shown = window.session.current()
    assert main_window.collection.row_for_id(shown)["section_id"] in subtree


def test_first_run_import_can_run_off_the_gui_thread(qtbot, tmp_path):
    window = build_main_window(tmp_path, background=True)
    qtbot.addWidget(window)
    assert window.progress.isVisibleTo(window)  # busy while jieba loads and cards are generated
    qtbot.waitUntil(lambda: window.document is not None, timeout=20000)
    assert window.document.title.startswith("李沐") and len(card_ids(window)) > 0
    assert not window.progress.isVisibleTo(window)
    window.close()


def test_a_review_updates_the_due_column(main_window, qtbot):
    from PySide6.QtCore import Qt as QtKeys

    from desktop.ui.review import ReviewWindow

    main_window.select_section(section_id(main_window, "1.2"))
    main_window.actions_["review_section"].trigger()
    window = main_window.findChildren(ReviewWindow)[-1]
    card_id = window.session.current()
    row = main_window.card_model.row_of(card_id)
    due_column = 4
    assert main_window.card_model.index(row, due_column).data() == "New"
    keys = window.findChild(object, "reviewView") or window
    qtbot.keyClick(keys, QtKeys.Key.Key_Space)
    qtbot.keyClick(keys, QtKeys.Key.Key_3)
    assert main_window.card_model.index(row, due_column).data() != "New"
    window.close()
