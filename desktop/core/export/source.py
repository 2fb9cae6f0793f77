"""What every exporter reads (one document with its cards) and the rules they share.

Deck names, tags and field escaping live here so the .apkg and the TSV file describe
the same notes in exactly the same way.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace

from desktop.core.card import CLOZE, Card
from desktop.core.document import Document, Section

# Anki's cloze markup: {{c1::answer}} or {{c1::answer::hint}}; c0 makes no card in Anki.
CLOZE_RE = re.compile(r"\{\{c([1-9]\d*)::(.+?)(?:::(.*?))?\}\}", re.DOTALL)
RULE_TAG_PREFIX = "talkcards::"


@dataclass
class DeckSource:
    """One document and the cards made from it, as handed to an exporter."""

    document: Document
    cards: list[Card]


def exported_cards(source: DeckSource, include_suspended: bool) -> list[Card]:
    """The cards of `source` that an export writes, in their given order.

    Args:
        source: the document and its cards.
        include_suspended: keep suspended cards too.

    Returns:
        The cards to write. A cloze card without a deletion is left out: Anki would
        make no card from it and its database check would then flag the note.
    """
    return [_located(card, source.document.language) for card in source.cards
            if (include_suspended or not card.suspended)
            and (card.kind != CLOZE or CLOZE_RE.search(card.front))]


def _located(card: Card, language: str) -> Card:
    """The card with its sentence's place after the sentence ("… (12:34)"), to find it in the video or PDF."""
    if card.place is None or not card.place.label(language):
        return card
    return replace(card, source=f"{card.source} ({card.place.label(language)})")


def html_field(text: str) -> str:
    """Plain document text as an Anki HTML field: shown literally, line breaks kept.

    Escaping leaves braces and colons alone, so cloze markup survives.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return html.escape(text, quote=True).replace("\n", "<br>")


def deck_part(name: str) -> str:
    """One component of a deck name; "::" inside it would nest a deck Anki never had."""
    return re.sub(r"\s+", " ", name.replace("::", ":")).strip()


def document_deck(document: Document) -> str:
    """The parent deck of a document: its title."""
    return deck_part(document.title) or document.id


def find_section(document: Document, card: Card) -> Section | None:
    """The card's section: by id, else by its label (cards from older data lack the id)."""
    by_label = None
    for section in document.walk():
        if card.section_id and section.id == card.section_id:
            return section
        if by_label is None and card.section and section.label == card.section:
            by_label = section
    return by_label


def top_level_of(document: Document, card: Card) -> Section | None:
    """The top-level section that holds the card's section (itself if top level)."""
    target = find_section(document, card)
    if target is None:
        return None
    for top in document.sections:
        if any(section is target for section in top.walk()):
            return top
    return None


def card_deck(document: Document, card: Card) -> str:
    """`Title::<top-level section label>`, or just the title when the section is unknown."""
    top = top_level_of(document, card)
    label = deck_part(top.label) if top else ""
    return f"{document_deck(document)}::{label}" if label else document_deck(document)


def card_tags(card: Card) -> list[str]:
    """Tags for a note: the section label and the rule, with white space made `_`.

    Anki splits tags on white space (full-width spaces included), so none may remain.
    """
    tags = []
    section = re.sub(r"\s+", "_", card.section.strip())
    if section:
        tags.append(section)
    rule = re.sub(r"\s+", "_", card.rule.strip())
    if rule:
        tags.append(RULE_TAG_PREFIX + rule)
    return list(dict.fromkeys([*tags, *card.tags]))


def note_fields(card: Card) -> list[str]:
    """The four HTML fields of a note: Front|Text, Back|Back Extra, Source, Section."""
    return [html_field(card.front), html_field(card.back),
            html_field(card.source), html_field(card.section)]
