"""Traditional Chinese, studied as written but read through a Simplified view.

jieba's dictionary and the generator's word lists are Simplified: on 繁體 text jieba cuts words apart
("過敏|性疾病") and the rules miss their cue words. OpenCC's t2s gives the same text in 简体, character for
character, so every span of the view points at the same place in the original; cards made from the view
are written back in the document's own characters.
"""
from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cache

from desktop.core.card import Card
from desktop.core.document import Document

# A Simplified text has no character OpenCC's t2s changes (the bundled talk: 0 of 3,725); a Traditional
# one has about one in nine (10 % of a Taiwanese textbook chapter). A few Traditional quotes or names in
# a Simplified text stay below this share.
_TRADITIONAL_SHARE = 0.03
_MIN_CHANGED = 3
_HAN = re.compile("[\u4e00-\u9fff]+")
_SAMPLE = 100_000  # characters


@cache
def _converter(config: str):
    import opencc  # loaded with the first Chinese text, not at start-up

    return opencc.OpenCC(config)


def simplified(text: str) -> str:
    """The text in Simplified characters, of the same length (so spans still fit)."""
    converted = _converter("t2s").convert(text)
    if len(converted) == len(text):
        return converted
    # a phrase rule changed the length (rare): convert character by character instead
    return "".join(c if len(s := _converter("t2s").convert(c)) != 1 else s for c in text)


def traditional(text: str) -> str:
    """Simplified text in Traditional characters (OpenCC's s2t: for words no document wrote)."""
    return _converter("s2t").convert(text)


def is_traditional(text: str) -> bool:
    """Is the text written in Traditional characters? (Judged on its first pages: a text keeps its script.)"""
    han = "".join(_HAN.findall(text, 0, _SAMPLE))
    if len(han) < _MIN_CHANGED:
        return False
    changed = sum(a != b for a, b in zip(han, simplified(han)))
    return changed >= _MIN_CHANGED and changed >= _TRADITIONAL_SHARE * len(han)


@dataclass
class SimplifiedView:
    """A Traditional document's Simplified twin, and the way back for what is made from it."""
    original: Document
    document: Document

    def restore(self, cards: list[Card]) -> list[Card]:
        """The cards in the original's characters (ids stay those of the view: deterministic either way)."""
        back = _back_map(self.original.text, self.document.text)
        labels = {s.id: s.label for s in self.original.walk()}
        def written(text: str) -> str:
            # the document's own choice for each character it uses; OpenCC for the rule's own words
            return "".join(back.get(c) or traditional(c) for c in text)

        return [replace(card, front=written(card.front), back=written(card.back),
                        section=labels.get(card.section_id, written(card.section)),
                        source=self.original.text[card.source_start:card.source_end] or written(card.source))
                for card in cards]


def simplified_view(document: Document) -> SimplifiedView | None:
    """The Simplified view of a Traditional Chinese document; None for any other document."""
    if document.language != "zh" or not is_traditional(document.text):
        return None
    view = copy.deepcopy(document)
    view.text, view.title = simplified(document.text), simplified(document.title)
    for section in view.walk():
        section.title = simplified(section.title)
        section.paragraphs = [simplified(p) for p in section.paragraphs]
        for sentence in section.sentences:
            sentence.text = view.text[sentence.start:sentence.end]
    return SimplifiedView(document, view)


def written_as(changed: str, view: str, original: str) -> str:
    """`changed`, an edit of `view` (the Simplified twin of `original`), in the original's characters.

    What the edit kept is taken from the original; what it added (rare: cleaning mostly deletes) is
    converted. The result has the length of `changed`, as the view has the original's.
    """
    if changed == view:
        return original
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, view, changed, autojunk=False).get_opcodes():
        out.append(original[i1:i2] if tag == "equal" else traditional(changed[j1:j2]))
    return "".join(out)


def _back_map(original: str, view: str) -> dict[str, str]:
    """For each Simplified character of the view, the character the original writes most often there."""
    seen: dict[str, Counter[str]] = {}
    for written, plain in zip(original, view):
        seen.setdefault(plain, Counter())[written] += 1  # unchanged ones count too: 后 may be written 后 or 後
    return {plain: counts.most_common(1)[0][0] for plain, counts in seen.items()}
