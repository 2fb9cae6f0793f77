"""A list of cards by id that loads each card when first read, a page at a time."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, overload

from desktop.core.card import Card

if TYPE_CHECKING:
    from desktop.core.collection import Collection

PAGE = 100  # cards read per query: a round moves forward through its list


class CardList(Sequence[Card]):
    """Cards of `ids`, read from `collection` when first asked for.

    A quiz round over 20,000 cards opens without making 20,000 cards: building them took ~0.5 s on
    the GUI thread. The ids must be of cards that exist while the list is used (a modal quiz's).
    """

    def __init__(self, collection: Collection, ids: Iterable[str]) -> None:
        self.collection = collection
        self.ids = list(ids)
        self._read: dict[str, Card] = {}

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Card: ...

    @overload
    def __getitem__(self, index: slice) -> list[Card]: ...

    def __getitem__(self, index: int | slice) -> Card | list[Card]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self.ids)))]
        card_id = self.ids[index]  # IndexError past the end, as a list gives
        if card_id not in self._read:
            start = index % len(self.ids)
            self._read.update((card.id, card) for card in self.collection.cards(self.ids[start:start + PAGE]))
        return self._read[card_id]

    def with_ids(self, ids: Iterable[str]) -> CardList:
        """Another list over the same collection that reuses the cards read so far (a shuffle, a retry)."""
        other = CardList(self.collection, ids)
        other._read = self._read
        return other
