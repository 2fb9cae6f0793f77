"""A flashcard as the generator makes it and the collection stores it."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from desktop.core.document import Place, normalise, stable_id

BASIC = "basic"
CLOZE = "cloze"


@dataclass
class Card:
    id: str
    kind: str  # BASIC or CLOZE; a cloze front holds Anki markup {{c1::…}}
    front: str
    back: str
    section: str  # the section's label, "1.2 模型规模与训练"
    source: str  # the sentence the card came from
    rule: str  # the rule family that made it: quantity, enumeration, …
    section_id: str = ""
    source_start: int = 0  # span of `source` in Document.text
    source_end: int = 0
    document_id: str = ""
    modified_at: float = 0.0  # epoch seconds (UTC) of the last edit; Anki's note `mod` comes from it
    suspended: bool = False
    tags: tuple[str, ...] = ()  # the user's tags on the card and its document
    place: Place | None = None  # where `source` is in a recording or a PDF (its time, its page)

    def to_json(self) -> dict:
        """The `generate --json` contract (extra keys are allowed by it)."""
        data = asdict(self)
        return {**{key: data[key] for key in ("id", "kind", "front", "back", "section", "source", "rule")},
                **(self.place.to_json() if self.place else {})}

    @property
    def place_columns(self) -> dict:
        """The place as the cards table stores it (readable columns, empty for a text without places)."""
        place = self.place or Place()
        return {"source_time": place.time, "source_page": place.page, "source_speaker": place.speaker}


def card_id(doc_id: str, rule: str, source: str, answer: str, kind: str) -> str:
    """Stable across edits elsewhere in the document: only this card's own fact counts."""
    return stable_id("card", doc_id, rule, kind, normalise(source), normalise(answer))


def fsrs_card_id(card_id_hex: str) -> int:
    """fsrs wants an int id; derive it from ours so it is stable too (fits in SQLite's int64)."""
    return int(card_id_hex[:15], 16)
