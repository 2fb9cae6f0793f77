"""The preview pane under the card table: the selected card as it is studied, its source and its history."""
from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtWidgets import QTextBrowser

from desktop.core.collection import Collection, place_from_row, split_tags
from desktop.core.review import answer_html, question_html
from desktop.ui.i18n import tr
from desktop.ui.messages import with_place



def local_date(value: str | None) -> str:
    return datetime.fromisoformat(value).astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


class CardPreview(QTextBrowser):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("cardPreview")
        self.setOpenLinks(False)
        self.card_id: str | None = None
        self.show_card(None, None)

    def show_card(self, collection: Collection | None, card_id: str | None) -> None:
        """Show one card (None: a hint to select one). All card text is escaped."""
        self.card_id = card_id
        if collection is None or card_id is None:
            self.setHtml("<p style='color: gray'>%s</p>" % html.escape(tr("Select a card to preview it.")))
            return
        row = collection.row_for_id(card_id)
        parts = [f"<p style='font-size: large'>{question_html(row['kind'], row['front'])}</p>", "<hr>",
                 f"<p>{answer_html(row['kind'], row['front'])}</p>"]
        if row["back"]:
            parts.append(f"<p>{html.escape(row['back']).replace(chr(10), '<br>')}</p>")
        parts.append(self._details(row))
        parts.append(self._history(collection.reviews_of(card_id)))
        self.setHtml("".join(parts))

    @staticmethod
    def _details(row: dict) -> str:
        items = [(tr("Source"), row["source"] or ""),
                 (tr("Section"), with_place(row["section"] or "", place_from_row(row)))]
        if split_tags(row["tags"]):
            items.append((tr("Tags"), " ".join(split_tags(row["tags"]))))
        return "".join(f"<p><span style='color: gray'>{html.escape(name)}:</span> {html.escape(value)}</p>"
                       for name, value in items)

    @staticmethod
    def _history(reviews: list[dict]) -> str:
        if not reviews:
            return "<p style='color: gray'>%s</p>" % html.escape(tr("Not reviewed yet."))
        names = {1: tr("Again"), 2: tr("Hard"), 3: tr("Good"), 4: tr("Easy")}
        rows = "".join(f"<tr><td>{html.escape(local_date(r['reviewed_at']))}</td>"
                       f"<td>{html.escape(names.get(r['rating'], '?'))}</td>"
                       f"<td>{html.escape(local_date(r['due_after']))}</td></tr>" for r in reviews)
        head = "".join(f"<th align='left'>{html.escape(text)}</th>" for text in (tr("Reviewed"), tr("Answer"), tr("Next due")))
        title = html.escape(tr("History"))
        return f"<p><b>{title}</b></p><table cellspacing='6'><tr>{head}</tr>{rows}</table>"
