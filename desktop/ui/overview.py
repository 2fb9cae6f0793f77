"""Today at a glance (after Anki's deck overview): what is due in the collection and in the selected scope."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout

from desktop.core.schedule import QueueCounts
from desktop.ui.i18n import tr
from desktop.ui.review import DUE_COLOUR, LEARNING_COLOUR, NEW_COLOUR


def counts_table(rows: list[tuple[str, QueueCounts]]) -> str:
    """A small table: one row per scope, columns due / learning / new (narrow panes keep it readable)."""
    head = "".join(f"<th align='right' style='color: {colour}'>&nbsp;{html.escape(name)}</th>" for name, colour in
                   ((tr("Due"), DUE_COLOUR), (tr("Learning"), LEARNING_COLOUR), (tr("New"), NEW_COLOUR)))
    body = "".join(f"<tr><td>{html.escape(name)}</td><td align='right'><b>{c.due}</b></td>"
                   f"<td align='right'><b>{c.learning}</b></td><td align='right'><b>{c.new}</b></td></tr>"
                   for name, c in rows)
    today = html.escape(tr("Today"))
    return f"<table cellspacing='2'><tr><th align='left'>{today}</th>{head}</tr>{body}</table>"


class TodayPanel(QFrame):
    """Counts for the collection and the selected document or section, and one button to study them."""

    study_requested = Signal()
    triage_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("todayPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("todayCounts")
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        self.counts_label.setWordWrap(True)
        self.study_button = QPushButton()
        self.study_button.setObjectName("studyNow")
        self.study_button.clicked.connect(self.study_requested)
        self.triage_button = QPushButton()
        self.triage_button.setObjectName("checkSuggestions")
        self.triage_button.clicked.connect(self.triage_requested)
        for widget in (self.counts_label, self.study_button, self.triage_button):
            widget.setMinimumWidth(80)  # a narrow pane clips them instead of refusing to narrow
        layout = QVBoxLayout(self)  # stacked: side by side they would set the pane's minimum width
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.study_button)
        layout.addWidget(self.triage_button)
        self.show_counts(None, None, "", 0)

    def show_counts(self, collection: QueueCounts | None, scope: QueueCounts | None, scope_name: str,
                    pending: int) -> None:
        """Redraw; `scope` is None when the whole collection is the scope, `pending` counts unchecked suggestions."""
        rows = [(tr("Collection"), collection)] if collection is not None else []
        if scope is not None:
            rows.append((_short(scope_name), scope))
        self.counts_label.setText(counts_table(rows))
        self.counts_label.setToolTip(scope_name)
        shown = scope if scope is not None else collection
        has_work = shown is not None and (shown.due + shown.learning + shown.new) > 0
        self.study_button.setEnabled(has_work)
        self.study_button.setText(tr("Study now (Space)") if has_work else tr("Nothing to study now"))
        self.triage_button.setVisible(pending > 0)
        self.triage_button.setText(tr("Check %n suggested card(s)…", "", pending))


def _short(name: str, limit: int = 18) -> str:
    return name if len(name) <= limit else name[:limit - 1] + "…"
