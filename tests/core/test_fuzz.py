"""Property tests (hypothesis) of import → generate → export on hostile and mutated text.

Strategy families, each tagged with `event()` so `--hypothesis-show-statistics` counts them:

* ``talk``: a small talk built from an invented vocabulary of Chinese, English and mixed sentence
  pieces, section headings in every style the parser knows, and "spice" dropped into its sentences:
  currencies and numbers ($30,000, ¥5亿, €, 30%), emoji, RTL text (Arabic, Hebrew, bidi controls),
  zero-width characters, lone surrogates, control characters and Markdown/HTML/Anki fragments.
* ``noise``: hypothesis's own `text()` (any code point) interleaved with the spice pieces.
* ``mutated``: a realistic talk with characters inserted, deleted and replaced at random places.

Every property runs ≥ 1,000 examples (the real .apkg round trip through Anki 50), derandomized and
without an example database, so a run is repeatable (hypothesis still caches its own tables in
.hypothesis/, which git ignores).
"""
from __future__ import annotations

import codecs
import html
import logging
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import genanki
import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from desktop.core.card import CLOZE, Card
from desktop.core.document import Document
from desktop.core.export.anki import GUID_NAMESPACE
from desktop.core.export.service import export_sources
from desktop.core.export.source import CLOZE_RE, DeckSource, html_field, note_fields
from desktop.core.generate import definition, pipeline
from desktop.core.generate.pipeline import generate
from desktop.core.importing import ImportFailed, import_file, import_text
from desktop.core.importing.decode import decode

SUFFIXES = (".txt", ".md", ".html")
FUZZ = settings(max_examples=1000, derandomize=True, database=None, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                       HealthCheck.data_too_large])

# --- vocabulary: invented sentence pieces (none is taken from a real talk) ---------------------------
ZH_PIECES = (
    "固态电池的能量密度提高了一倍", "研究团队在实验室里测试了新的催化剂", "这座城市的地铁每天运送约三百万名乘客",
    "该项目的总预算为¥5亿", "去年的出口额增长了30%", "工程师认为散热是最大的难题", "深度学习模型需要大量标注数据",
    "主要材料包括铁、锌和钒", "他在会上指出", "据统计", "换句话说", "海水淡化厂每天生产两万吨淡水",
    "这种蜜蜂的寿命只有六周", "所谓热泵，是一种把热量从低温处搬到高温处的装置", "第一，成本太高；第二，寿命太短",
    "李教授认为", "答：", "问：", "参数规模超过500B", "预训练使用了10T到50T的token",
    "王老师把城市交通分为三类：地铁、公交和共享单车", "有两种部署方式：本地，云端", "最常用的工具有哪些？",
    "包括“快充”、“慢充”和“换电”三种模式", "所谓储能，就是把电能存起来", "例如锂、钠等", "分别是A，B，C",
)
EN_PIECES = (
    "The startup raised $30,000 in its first month", "Flow batteries last more than twenty years",
    "the new bridge spans 1.2 km", "prices fell by 30% in 2019", "The committee, however, rejected the plan",
    "Researchers tested three designs: copper, nickel and steel", "A heat pump is a device that moves heat",
    "Dr. Smith argues that", "According to the survey", "In other words", "roughly €12.5 million",
    "Honeybees visit about 2,000 flowers a day", "Q:", "e.g. the U.S. grid", "Chinchilla is compute-optimal",
    "There are four kinds of cells: lithium, sodium, zinc and iron", "A flywheel is defined as a rotating store",
    "three designs: 铜、镍和钢", "such as pumps, valves, and pipes", "It is common to", "Transformers were introduced in 2017",
)
HEADINGS = (
    "1. 固态电池", "1.2 模型规模与训练", "一、背景", "（二）方法", "第三章 结果", "引言", "结语",
    "Introduction", "2.1 Data", "Conclusion", "Chapter 2: Costs", "# 总结", "## 1.2 标题", "### 3 Results",
)
TITLES = ("储能技术报告", "Grid storage report", "大模型 Scaling Laws 讲座", "关于热泵的十个问题", "Notes on bees")
NUMBERS = ("$30,000", "¥5亿", "€12.5", "30%", "1.2万", "3,000", "10T到50T", "2024年", "1e9", "-7", "½", "²",
           "١٢٣", "三分之一", "第3名", "0.5%", "£", "₹100", "USD 3.5bn", "50Wh/kg")
EMOJI = ("🚀", "👩\u200d💻", "🇨🇳", "❤️", "🔋", "👍🏽", "🧪")
RTL = ("مرحبا بالعالم", "שלום עולם", "\u202e", "\u200f", "\u202b", "عدد 30%", "\u2067x\u2069")
INVISIBLE = ("\u200b", "\u200d", "\ufeff", "\u2060", "\u00ad", "\u200c", "\u3000", "\u00a0")
SURROGATES = ("\ud800", "\udfff", "\udc80", "\ud83d")
CONTROLS = ("\x00", "\x01", "\x07", "\x08", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\r",
            "\t", "\r\n")
MARKUP = ("# ", "## 1.2 标题\n", "**", "<script>alert(1)</script>", "<b>", "</b>", "&amp;", "&lt;", "&#x3c;",
          "{{c1::x}}", "{{c2::答案::提示}}", "|a|b|\n|---|---|\n", "```", "`code`", "[链接](http://example.com)",
          "<!-- 注释 -->", "<br>", "> ", "- ", "1. ", "---", "$$x^2$$", "[^1]", "<img src=x onerror=alert(1)>",
          "<html>", "<!doctype html>", "\\", "{{", "}}", "::", "<", ">", "&", "\"", "'", "<p>", "</p>",
          "<h2>2 方法</h2>", "<li>", "* ", "_", "__init__", ".. note::", "====", "<![CDATA[", "&nbsp;",
          "&#7;", "&#x0b;", "&#12;", "&#xD800;", "&#0;", "&#x1F680;", "&#8203;")
SPICE = NUMBERS + EMOJI + RTL + INVISIBLE + SURROGATES + CONTROLS + MARKUP
ENDINGS = ("。", ".", "！", "?", "；", "…", "", "：", "!?", "。”")
BASE_TALK = (
    "储能技术报告\n\n1. 固态电池\n\n固态电池的能量密度达到500Wh/kg，是液态锂电池的两倍。研究人员指出，"
    "固态电池的主要障碍是界面阻抗。\n\n2. 钠离子电池\n\n钠离子电池的成本比锂电池低30%。钠离子电池主要用于"
    "储能电站、低速电动车和备用电源。\n",
    "Grid storage report\n\n1. Pumped hydro\n\nPumped hydro stores about 90% of the grid's energy. Engineers "
    "argue that new sites are hard to find.\n\n2. Flow batteries\n\nFlow batteries last more than 20 years and "
    "use vanadium, zinc or iron as the active material.\n",
    "# 大模型 Scaling Laws\n\n## 1.2 模型规模与训练\n\n预训练通常使用**10T到50T**的token，参数规模超过500B。"
    "The cost was about $30,000 per run.\n\n- 网页\n- 书籍\n- 代码\n",
)


def _spiced(text: str, where: int, piece: str) -> str:
    """`text` with `piece` inserted at `where` percent of its length."""
    at = where * len(text) // 100
    return text[:at] + piece + text[at:]


# What comes before a sentence: nothing, a space, a new paragraph, a new section with a heading.
_BREAKS = ("", " ", "\n\n", "\n", "heading", "\r\n\r\n")
_token = st.tuples(st.sampled_from(ZH_PIECES + EN_PIECES), st.sampled_from(("",) * 4 + SPICE),
                   st.integers(0, 100), st.sampled_from(ENDINGS), st.sampled_from(_BREAKS),
                   st.sampled_from(HEADINGS))


def _talk(title: str, tokens: list[tuple[str, str, int, str, str, str]]) -> str:
    """Sentences from (piece, spice, where, ending, break, heading) tokens, after a title line.

    One flat list of small tuples keeps generation cheap and shrinks to short, readable talks.
    """
    parts = [title, "\n\n"]
    for piece, spice, where, ending, brk, heading in tokens:
        parts.append(f"\n\n{heading}\n\n" if brk == "heading" else brk)
        parts.append(_spiced(piece, where, spice) + ending)
    return "".join(parts)


def talks() -> st.SearchStrategy[str]:
    """A small talk: a title and up to a dozen sentences, with headings and spice between them."""
    return st.builds(_talk, st.sampled_from(TITLES + HEADINGS), st.lists(_token, min_size=1, max_size=12))


def noise() -> st.SearchStrategy[str]:
    """Hypothesis's arbitrary text interleaved with the spice pieces and lone surrogates."""
    chunk = st.one_of(st.text(max_size=12), st.sampled_from(SPICE),
                      st.text(st.characters(categories=["Cs", "Cc", "Cf", "Zs", "Zl", "Zp"]), max_size=4))
    return st.lists(chunk, min_size=1, max_size=16).map("".join)


_EDIT = st.tuples(st.integers(0, 1000), st.sampled_from(("insert", "delete", "replace")), st.integers(0, 4),
                  st.one_of(st.sampled_from(SPICE), st.characters()))


def _mutate(text: str, edits: list[tuple[int, str, int, str]]) -> str:
    """Apply (where in per mille, operation, width, new text) edits one after another."""
    for where, op, width, new in edits:
        at = where * len(text) // 1000
        text = text[:at] + ("" if op == "delete" else new) + text[at + (0 if op == "insert" else width):]
    return text


def mutated() -> st.SearchStrategy[str]:
    """A realistic talk with characters inserted, deleted or replaced at random places."""
    return st.builds(_mutate, st.one_of(st.sampled_from(BASE_TALK), talks()), st.lists(_EDIT, min_size=1, max_size=6))


def tagged() -> st.SearchStrategy[str]:
    """Any input family; the family is recorded as a hypothesis event for the statistics."""
    families = {"talk": talks(), "noise": noise(), "mutated": mutated()}
    return st.one_of([strategy.map(lambda text, name=name: (name, text)) for name, strategy in families.items()]) \
        .map(_record)


def _record(pair: tuple[str, str]) -> str:
    event(f"family: {pair[0]}")
    return pair[1]


# --- helpers ------------------------------------------------------------------------------------------
def import_or_none(text: str, suffix: str) -> Document | None:
    """The document, or None when the importer refused with ImportFailed (any other error escapes)."""
    try:
        return import_text(text, suffix)
    except ImportFailed as error:
        assert str(error).strip(), "ImportFailed without a sentence for the user"
        return None


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def no_rule_failures() -> Iterator[None]:
    """The pipeline logs and skips a sentence whose rules raise; in the fuzz tests that is a crash too."""
    logger = logging.getLogger(pipeline.__name__)
    handler = _Records()
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    assert not handler.records, [record.getMessage() for record in handler.records]


def generate_strictly(document: Document) -> list[Card]:
    """`generate`, failing on a rule's exception that the pipeline would only log."""
    with no_rule_failures():
        return generate(document)


# the control characters Anki drops from a field (all of C0 but tab and line feed, and DEL): no
# document may keep one, or its cards would differ from the notes Anki stores
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def encodable(text: str) -> bool:
    """Storable in SQLite and a UTF-8 file: no lone surrogates."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def assert_document_is_sound(document: Document) -> None:
    """Every span points at its own text, and nothing unstorable reached the document."""
    assert document.title.strip() and encodable(document.text) and encodable(document.title)
    assert not _CONTROL.search(document.text), repr(_CONTROL.search(document.text))
    for section in document.walk():
        assert encodable(section.title)
        for sentence in section.sentences:
            assert sentence.text and sentence.text == sentence.text.strip()
            assert document.text[sentence.start:sentence.end] == sentence.text


def assert_cards_are_sound(document: Document, cards: list[Card]) -> None:
    """A card quotes its sentence (or the part after a speaker label) at the span it records."""
    spans = {(s.start, s.end): (section.id, s) for section in document.walk() for s in section.sentences}
    by_end = {end: value for (_start, end), value in spans.items()}
    for card in cards:
        assert card.front.strip(), card
        assert document.text[card.source_start:card.source_end] == card.source
        section_id, sentence = by_end[card.source_end]  # the sentence it came from ends where the card's source does
        assert sentence.start <= card.source_start and sentence.text.endswith(card.source)
        assert card.section_id == section_id
        if card.kind == CLOZE:
            assert "{{c" in card.front


# --- 1. import never fails but with ImportFailed ----------------------------------------------------
@FUZZ
@given(text=tagged())
@example(text="标题\n\n固态电池的能量密度达到500Wh/kg\ud800，是液态锂电池的两倍。")
@example(text="\ud83d\n\nThe startup raised $30,000 in its first month.")
@example(text="Title\x00\n\nThe price rose to $30,000\x07 in 2021.\rIt fell by 30%.")
def test_import_text_gives_a_document_or_import_failed(text: str) -> None:
    for suffix in SUFFIXES:
        document = import_or_none(text, suffix)
        if document is not None:
            assert_document_is_sound(document)


# --- 2. generate never raises; every card quotes a sentence of the document -------------------------
@FUZZ
@given(text=tagged(), suffix=st.sampled_from(SUFFIXES))
@example(text="标题\n\n该项目的总预算为¥5亿\udc80，去年的出口额增长了30%。", suffix=".txt")
@example(text="储能技术报告\n\n固态电池的能量密度提高了一倍。\n\nResearchers tested three designs: copper, nickel and steel。",
         suffix=".txt")
def test_generate_never_raises_and_cards_quote_their_sentence(text: str, suffix: str) -> None:
    document = import_or_none(text, suffix)
    if document is None:
        return
    assert_cards_are_sound(document, generate_strictly(document))


# --- 3. export: every field is escaped HTML, cloze markup survives ----------------------------------
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|#x27);")


def assert_field_escapes(field: str, text: str) -> None:
    """No raw markup in a field: only `<br>` tags and the entities html.escape writes."""
    assert "<" not in field.replace("<br>", "") and ">" not in field.replace("<br>", "")
    assert "&" not in _ENTITY.sub("", field)
    plain = text.replace("\r\n", "\n").replace("\r", "\n")
    assert html.unescape(field.replace("<br>", "\n")) == plain


def assert_note_fields(card: Card) -> None:
    fields = note_fields(card)
    for field, text in zip(fields, (card.front, card.back, card.source, card.section)):
        assert_field_escapes(field, text)
    if card.kind == CLOZE:
        # the deletions Anki will see are the card's own, escaped like the rest of the text
        expected = [(m.group(1), html_field(m.group(2))) for m in CLOZE_RE.finditer(card.front)]
        assert [(m.group(1), m.group(2)) for m in CLOZE_RE.finditer(fields[0])] == expected


@FUZZ
@given(text=tagged(), suffix=st.sampled_from(SUFFIXES))
@example(text="<script>alert(1)</script>{{c1::a<b&c}}", suffix=".txt")
def test_note_fields_escape_document_text_and_keep_cloze_markup(text: str, suffix: str) -> None:
    document = import_or_none(text, suffix)
    raw = Card("raw", CLOZE, text, text, text, text, "fuzz")  # the hostile text itself, as every field
    if encodable(text):
        assert_note_fields(raw)
    if document is not None:
        for card in generate_strictly(document):
            assert_note_fields(card)


def import_like_a_user(col: Collection, path: Path) -> None:
    """As tests/core/test_export_anki.py does: update notes when the package is newer."""
    newer = ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER
    options = ImportAnkiPackageOptions(update_notes=newer, update_notetypes=newer,
                                       with_scheduling=False, merge_notetypes=False)
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path), options=options))


_TAG = re.compile(r"<(?!br>)[A-Za-z!/?]")


@settings(FUZZ, max_examples=50)
@given(text=st.one_of(talks(), mutated()), suffix=st.sampled_from(SUFFIXES))
@example(text="0\x00¥5亿储能技术报告\n\n1. 固态电池\n\n固态电池的能量密度达到500Wh/kg，是液态锂电池的两倍。", suffix=".html")
def test_apkg_opened_by_anki_has_no_tag_from_the_input(text: str, suffix: str) -> None:
    document = import_or_none(text, suffix)
    if document is None:
        return
    cards = generate_strictly(document)
    with tempfile.TemporaryDirectory(prefix="talkcards-fuzz-") as folder:
        package = Path(folder) / "fuzz.apkg"
        written = export_sources([DeckSource(document, cards)], package, "apkg")
        col = Collection(str(Path(folder) / "fuzz.anki2"))
        try:
            import_like_a_user(col, package)
            notes = [col.get_note(nid) for nid in col.find_notes("")]
        finally:
            col.close()
    assert len(notes) == written
    by_guid = {genanki.guid_for(GUID_NAMESPACE, card.id): card for card in cards}
    for note in notes:
        for field in note.fields:
            assert not _TAG.search(field), field
        # what Anki stored is what the exporter wrote (Anki folds text to NFC on the way in)
        expected = [unicodedata.normalize("NFC", field) for field in note_fields(by_guid[note.guid])]
        assert [unicodedata.normalize("NFC", field) for field in note.fields] == expected


# --- 4. ids are stable ------------------------------------------------------------------------------
@FUZZ
@given(text=tagged(), suffix=st.sampled_from(SUFFIXES))
def test_card_ids_are_stable_across_runs_and_imports(text: str, suffix: str) -> None:
    document = import_or_none(text, suffix)
    if document is None:
        return
    first = [card.id for card in generate_strictly(document)]
    assert [card.id for card in generate_strictly(document)] == first
    assert [card.id for card in generate_strictly(import_text(text, suffix))] == first


# --- 5. decoding bytes ------------------------------------------------------------------------------
def decode_or_none(data: bytes) -> str | None:
    try:
        text = decode(data)
    except ImportFailed as error:
        assert str(error).strip()
        return None
    assert isinstance(text, str) and "\x00" not in text and "\r" not in text and encodable(text)
    return text


@FUZZ
@given(data=st.binary(max_size=300))
def test_decode_random_bytes_gives_text_or_import_failed(data: bytes) -> None:
    decode_or_none(data)


ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16")  # utf-8-sig and utf-16 write a byte-order mark


@FUZZ
@given(text=tagged(), encoding=st.sampled_from(ENCODINGS))
def test_decode_encoded_text_round_trips_with_a_bom(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding, errors="surrogatepass")
    except UnicodeEncodeError:  # GB18030 has no bytes for a lone surrogate
        data = text.encode(encoding, errors="replace")
    decoded = decode_or_none(data)
    utf32_lookalike = data.startswith(codecs.BOM_UTF32_LE)  # UTF-16's mark and a NUL read as UTF-32's mark
    if encoding in ("utf-8-sig", "utf-16") and data.strip() and not utf32_lookalike:
        # the mark names the codec, so Python's own decoding is the oracle
        try:
            expected: str | None = data.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:  # a lone surrogate written with surrogatepass
            expected = None
        assert decoded == (None if expected is None or "\x00" in expected else expected)


@FUZZ
@given(text=tagged(), encoding=st.sampled_from(ENCODINGS), suffix=st.sampled_from(SUFFIXES))
def test_import_file_of_any_bytes_gives_a_document_or_import_failed(text: str, encoding: str,
                                                                    suffix: str) -> None:
    try:
        data = text.encode(encoding, errors="surrogatepass")
    except UnicodeEncodeError:
        data = text.encode(encoding, errors="replace")
    with tempfile.TemporaryDirectory(prefix="talkcards-fuzz-") as folder:
        path = Path(folder) / f"talk{suffix}"
        path.write_bytes(data)
        try:
            document = import_file(path)
        except ImportFailed as error:
            assert str(error).strip()
            return
    assert not _invalid_with_its_mark(data, encoding), "a file its own byte-order mark calls invalid was imported"
    assert_document_is_sound(document)


def _invalid_with_its_mark(data: bytes, encoding: str) -> bool:
    """Bytes after a byte-order mark that are not valid in the codec it names (a lone surrogate)."""
    if encoding not in ("utf-8-sig", "utf-16") or data.startswith(codecs.BOM_UTF32_LE):
        return False
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return True
    return False


# --- a failing rule costs one sentence, not the document --------------------------------------------
FAILING_TALK = """储能技术报告

1. 固态电池

固态电池的能量密度达到500Wh/kg，是液态锂电池的两倍。研究人员认为，固态电池的主要障碍是界面阻抗。

2. 钠离子电池

钠离子电池的成本比锂电池低30%。钠离子电池主要用于储能电站、低速电动车和备用电源。
"""


def test_a_rule_that_raises_on_one_sentence_skips_only_that_sentence(monkeypatch: pytest.MonkeyPatch,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    document = import_text(FAILING_TALK)
    before = generate(document)
    victim = before[0].source  # a sentence that makes a card
    others = {card.id for card in before if card.source != victim}
    assert others, "the talk must give cards from more than one sentence"
    real = definition.candidates

    def candidates(ctx):  # type: ignore[no-untyped-def]
        if ctx.text == victim:
            raise RuntimeError("boom")
        return real(ctx)

    monkeypatch.setattr(definition, "candidates", candidates)
    with caplog.at_level(logging.WARNING, logger=pipeline.__name__):
        after = generate(document)
    assert not any(card.source == victim for card in after)
    assert others <= {card.id for card in after}
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and r.name == pipeline.__name__]
    assert len(warnings) == 1
    message = warnings[0].getMessage()
    assert "RuntimeError" in message and "sentence 1" in message and "1 固态电池" in message


# --- regressions found by the properties above -----------------------------------------------------
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_lone_surrogate_in_pasted_text_is_replaced_not_a_crash(suffix: str) -> None:
    document = import_text("标题\n\n固态电池的能量密度达到500Wh/kg\ud800，是液态锂电池的两倍。", suffix)
    assert "\ufffd" in document.text and encodable(document.text)
    assert_cards_are_sound(document, generate(document))


def test_an_english_count_in_a_chinese_talk_makes_its_cards() -> None:
    # found: enumeration read "three" with the Chinese count rules (the talk is Chinese) and raised
    document = import_text("储能技术报告\n\n固态电池的能量密度提高了一倍。\n\n"
                           "Researchers tested three designs: copper, nickel and steel。")
    fronts = [card.front for card in generate_strictly(document)]
    assert any("{{c1::copper}}" in front for front in fronts), fronts


def test_control_characters_and_carriage_returns_leave_pasted_text() -> None:
    # found: a NUL survived import_text, so the card's fields differed from the note Anki stored
    document = import_text("Title\x00\n\nThe price rose to $30,000\x07 in 2021.\rIt fell by 30%.\x1b")
    assert document.title == "Title"
    assert "$30,000 in 2021." in document.text and not _CONTROL.search(document.text)


def test_a_file_name_in_no_encoding_titles_an_untitled_text(tmp_path: Path) -> None:
    # found: the title came from a file name holding lone surrogates (bytes \xff\xfe), and its id failed
    name = os.path.join(os.fsencode(tmp_path), b"talk-\xff\xfe.txt")
    with open(name, "wb") as handle:
        handle.write("固态电池的能量密度达到500Wh/kg，是液态锂电池的两倍。研究人员指出，主要障碍是界面阻抗。".encode())
    document = import_file(os.fsdecode(name))
    assert document.title == "talk-\ufffd\ufffd"
    assert_document_is_sound(document)
    assert_cards_are_sound(document, generate_strictly(document))


def test_a_file_name_in_no_encoding_can_be_stored(tmp_path: Path) -> None:
    from desktop.core.collection import Collection as TalkCollection
    from desktop.core.library import import_path

    path = Path(os.fsdecode(bytes(tmp_path) + b"/talk-\xff\xfe.txt"))
    path.write_text("Tea\n\nGreen tea is steamed soon after picking in Zhejiang province.\n", encoding="utf-8")
    collection = TalkCollection.in_folder(tmp_path / "data")
    document, _ = import_path(collection, path)
    assert collection.documents()[0]["source_path"].endswith("talk-\ufffd\ufffd.txt")
    collection.close()
