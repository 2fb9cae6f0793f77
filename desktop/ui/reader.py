"""The reader: a section's text, with the sentences that produced cards highlighted and clickable."""
from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QApplication, QTextBrowser

from desktop.core.document import Document, Section
from desktop.ui.i18n import current_language, tr
from desktop.ui.theme import is_dark

CARD_TINT = ("#fff1b8", "#5b4a12")  # (light, dark): sentences that have cards
MARK_TINT = ("#ffc46b", "#9a5b00")  # the sentence of the selected card


class ReaderView(QTextBrowser):
    sentence_clicked = Signal(int)  # the sentence's start offset in the document text
    new_card_requested = Signal(str, str, int)  # kind ("cloze"/"basic"), selected text, sentence start

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("readerView")
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._clicked)
        self.document_, self.section = None, None
        self.with_cards: set[int] = set()
        self.marked: int | None = None
        self.waiting: str | None = None  # shown instead of the invitation to import, while one runs

    def show_section(self, document: Document | None, section: Section | None, with_cards: set[int]) -> None:
        """Show a section and its subsections (section None: the whole document).

        `with_cards` holds the starts of the sentences (and headings) that have cards.
        """
        self.document_, self.section, self.with_cards, self.marked = document, section, with_cards, None
        self._render()

    def mark(self, sentence_start: int | None) -> None:
        """Mark one sentence (the selected card's source) and scroll to it."""
        self.marked = sentence_start
        self._render()
        if sentence_start is not None:
            self.scrollToAnchor(f"s{sentence_start}")

    def set_waiting(self, message: str | None) -> None:
        self.waiting = message
        self._render()

    def refresh(self) -> None:
        """Render again, e.g. after the palette changed (the highlight colours depend on it)."""
        self._render()

    def shows(self, offset: int) -> bool:
        if self.document_ is None:
            return False
        return self.section is None or self.section.start <= offset < self.section.end

    def _sections(self) -> list[Section]:
        if self.section is not None:
            return list(self.section.walk())
        return list(self.document_.walk())

    def _render(self) -> None:
        if self.document_ is None:
            hint = self.waiting or tr("Import a talk or article to begin (File ▸ Import…).")
            self.setHtml(f"<p>{html.escape(hint)}</p>")
            return
        dark = 1 if is_dark(QApplication.palette()) else 0  # the app palette: widgets learn of a change later
        title = f"<h2>{html.escape(self.document_.title)}</h2>" if self.section is None else ""
        self.setHtml(title + "".join(self._section_html(s, dark) for s in self._sections()))

    def _section_html(self, section: Section, dark: int) -> str:
        level = 3 if section.level == 1 else 4  # h2 is the document title; smaller ones read as body text
        heading = self._sentence_html(section.label, section.start, dark).strip()  # outline cards point here
        out = [f"<h{level}>{heading}</h{level}>"]
        text = self.document_.text
        cursor, shown = section.start, ""
        for paragraph in section.paragraphs:
            start = text.find(paragraph, cursor)
            end = start + len(paragraph)
            cursor = end
            sentences = [s for s in section.sentences if start <= s.start < end]
            pieces = [self._sentence_html(s.text, s.start, dark) for s in sentences]
            where = sentences[0].place.label(current_language()) if sentences and sentences[0].place else ""
            # a moment of the video or a new page, where the paragraph starts (a page is named once)
            margin = f"<span style='color:gray'>{html.escape(where)}</span>&nbsp; " if where and where != shown else ""
            shown = where or shown
            out.append(f"<p style='line-height:150%'>{margin}{''.join(pieces) or html.escape(paragraph)}</p>")
        return "".join(out)

    def _sentence_html(self, sentence: str, start: int, dark: int) -> str:
        escaped = html.escape(sentence)
        if start == self.marked:
            tint = MARK_TINT[dark]
        elif start in self.with_cards:
            tint = CARD_TINT[dark]
        else:
            return f"<a name='s{start}'></a>{escaped}{self._gap}"
        color = QApplication.palette().color(QPalette.ColorRole.Text).name()
        return (f"<a name='s{start}' href='sentence:{start}' style='color:{color}; text-decoration:none; "
                f"background-color:{tint}'>{escaped}</a>{self._gap}")

    @property
    def _gap(self) -> str:
        """Between sentences: nothing in Chinese, a space in English."""
        return "" if self.document_ is not None and self.document_.language == "zh" else " "

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == "sentence":
            self.sentence_clicked.emit(int(url.path()))

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt's name
        menu = self.createStandardContextMenu(event.pos())
        selected = self.textCursor().selectedText().strip()
        if selected and self.document_ is not None:
            menu.addSeparator()
            for kind, label in (("cloze", tr("New cloze card from selection")),
                                ("basic", tr("New question with selection as answer"))):
                action = QAction(label, menu)
                action.triggered.connect(lambda _=False, k=kind: self.request_card(k))
                menu.addAction(action)
        menu.exec(event.globalPos())

    def request_card(self, kind: str) -> None:
        """Ask for a new card from the current selection (also bound to menu actions)."""
        selected = self.textCursor().selectedText().strip()
        if selected:
            self.new_card_requested.emit(kind, selected, self._sentence_at_cursor())

    def _sentence_at_cursor(self) -> int:
        """The start of the sentence holding the selection, found by its text."""
        selected = self.textCursor().selectedText().strip()
        sections = self._sections()
        for section in sections:
            for sentence in section.sentences:
                if selected in sentence.text:
                    return sentence.start
        return sections[0].sentences[0].start if sections and sections[0].sentences else 0
