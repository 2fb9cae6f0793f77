"""Sentences, words and language of plain text (jieba for Chinese words, loaded lazily)."""
from __future__ import annotations

import logging
import marshal
import re
import sys
import threading
from functools import lru_cache

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
# A Chinese sentence ends at 。！？ (and their half-width forms when followed by non-ASCII or end);
# an English one at .!? followed by white space and a capital, a quote or a CJK character.
_ZH_END = re.compile(r"[。！？!?](?:[”’」』）)]*)|[；;](?=\s*\S)")
_EN_END = re.compile(r"[.!?][\"”’)]*(?=\s+[\"“(A-Z0-9\u4e00-\u9fff]|\s*$)")
# Chinese text quoting an English sentence ("…：Attention is all you need. 这句话…") ends it too
_MIXED_END = re.compile(f"{_ZH_END.pattern}|{_EN_END.pattern}")
# a full stop after these is not the end of a sentence
_ABBREVIATIONS = {"mr", "ms", "mrs", "dr", "prof", "vs", "fig", "no", "st", "jr", "sr", "al", "e.g", "i.e",
                  "etc", "inc", "ltd", "co", "approx", "dept", "u.s", "u.k", "jan", "feb", "mar", "apr",
                  "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}

_jieba_lock = threading.Lock()


def language_of(text: str) -> str:
    """"zh" when Chinese characters make up a fair share of the letters, else "en"."""
    cjk = len(_CJK.findall(text))
    latin_words = len(re.findall(r"[A-Za-z]+", text))
    return "zh" if cjk and cjk >= latin_words else "en"


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def split_sentences(paragraph: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Split a paragraph into sentences.

    Args:
        paragraph: one paragraph of cleaned text.
        offset: where the paragraph starts in the document text.
    Returns:
        (sentence, start, end) triples; start/end index the document text.
    """
    pattern = _MIXED_END if has_cjk(paragraph) else _EN_END
    sentences, start = [], 0
    for match in pattern.finditer(paragraph):
        if _is_abbreviation(paragraph, match.start()):
            continue
        end = match.end()
        _append(sentences, paragraph, start, end, offset)
        start = end
    _append(sentences, paragraph, start, len(paragraph), offset)
    return sentences


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_ABBREVIATION_WINDOW = 16  # longer than any abbreviation; a bounded look-back keeps splitting linear


def _is_abbreviation(paragraph: str, dot: int) -> bool:
    word = _WORD_BEFORE.search(paragraph, max(0, dot - _ABBREVIATION_WINDOW), dot)
    if not word or paragraph[dot] != ".":
        return False
    token = word.group(1).lower()
    return token in _ABBREVIATIONS or len(token) == 1  # "J. Smith", "U."


def _append(out: list, paragraph: str, start: int, end: int, offset: int) -> None:
    piece = paragraph[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    begin = start + lead
    out.append((stripped, offset + begin, offset + begin + len(stripped)))


class _WholeFileMarshal:
    """`marshal` for jieba's own use, reading its dictionary cache whole before unmarshalling it.

    `jieba.initialize()` calls `marshal.load` on the open cache file, which reads it piece by piece:
    0.6 s for the 9 MB file, against 0.2 s for `marshal.loads` of the bytes — the same dictionary.
    jieba (pinned to 0.42.x, unchanged since 2020) keeps its own cache location, checks and writing.
    """

    dump = staticmethod(marshal.dump)

    @staticmethod
    def load(file):
        return marshal.loads(file.read())


def _import_jieba():
    """jieba, imported without pkg_resources.

    When setuptools is installed, jieba opens its data files through pkg_resources, whose import
    scans every installed distribution (0.09 s); without it jieba opens the same files by path.
    """
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    hide = "pkg_resources" not in sys.modules
    if hide:
        sys.modules["pkg_resources"] = None  # makes `import pkg_resources` fail: jieba's own fallback
    try:
        import jieba
    finally:
        if hide:
            del sys.modules["pkg_resources"]
    return jieba


def _jieba():
    """jieba with its dictionary loaded once per process, quietly (it logs to stderr)."""
    with _jieba_lock:
        jieba = _import_jieba()

        if not jieba.dt.initialized:
            jieba.setLogLevel(logging.WARNING)
            jieba.marshal = _WholeFileMarshal
            jieba.initialize()
        import jieba.posseg  # noqa: F401  (registers the POS tokenizer; reads jieba's tag table, 0.3 s)

        return jieba


def warm_up() -> None:
    """Load jieba's dictionary now (call off the GUI thread)."""
    _jieba()


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """Words of a text: jieba for Chinese, a letter/number pattern for English."""
    if not has_cjk(text):
        return tuple(re.findall(r"[A-Za-z0-9][\w'\-.]*[A-Za-z0-9]|\w", text))
    return tuple(w for w in _jieba().lcut(text) if w.strip())


@lru_cache(maxsize=65536)
def tagged_words(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part of speech) pairs from jieba.posseg; English words get "eng"."""
    posseg = _jieba().posseg  # loaded by _jieba(), after the dictionary
    return tuple((pair.word, pair.flag) for pair in posseg.lcut(text) if pair.word.strip())
