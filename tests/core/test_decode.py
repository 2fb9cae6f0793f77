"""Bytes → text: each encoding a user's file may come in, and each kind of bytes that is not text."""
from __future__ import annotations

import codecs
import zlib

import charset_normalizer
import pytest

from desktop.core.importing.decode import MAX_BYTES, ImportFailed, decode

# the package re-exports the function `decode`, which hides the module of the same name

ZH = "大语言模型的现状\n\n1. 算力的发展\n\n李沐在演讲中指出，大语言模型的发展离不开算力的进步。"
EN = "Scaling Laws\n\n1. Compute\n\nCompute is the first limit on how large a model can be."
SHORT_ZH = "标题\n\n一、背景\n\n内容很少。"  # so short that several code pages fit it


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ZH.encode("utf-8"), ZH),
        (codecs.BOM_UTF8 + ZH.encode("utf-8"), ZH),
        (ZH.encode("gb18030"), ZH),
        (ZH.encode("gbk"), ZH),
        (ZH.encode("utf-16"), ZH),  # Python writes a BOM (little-endian here)
        (codecs.BOM_UTF16_BE + ZH.encode("utf-16-be"), ZH),
        (codecs.BOM_UTF16_LE + EN.encode("utf-16-le"), EN),
        (ZH.encode("utf-32"), ZH),
        (EN.encode("ascii"), EN),
        (SHORT_ZH.encode("gb18030"), SHORT_ZH),
        ("一、背景".encode("gb18030"), "一、背景"),
        ("Café crème brûlée is a dessert.".encode("cp1252"), "Café crème brûlée is a dessert."),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-le-bom", "utf16-be-bom", "utf16-english", "utf32",
         "ascii", "short-gb18030", "tiny-gb18030", "cp1252"],
)
def test_decodes_each_encoding_to_the_same_text(data: bytes, expected: str) -> None:
    assert decode(data) == expected


def test_a_bom_is_not_part_of_the_text() -> None:
    assert not decode(codecs.BOM_UTF8 + "引言".encode()).startswith("\ufeff")


def test_windows_and_old_mac_line_ends_become_newlines() -> None:
    assert decode("第一行\r\n第二行\r第三行\n".encode("gb18030")) == "第一行\n第二行\n第三行\n"


def test_encoding_is_detected_by_charset_normalizer(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bytes] = []
    real = charset_normalizer.from_bytes

    def spy(data: bytes):
        calls.append(data)
        return real(data)

    monkeypatch.setattr(charset_normalizer, "from_bytes", spy)
    assert decode(ZH.encode("gb18030")) == ZH
    assert calls == [ZH.encode("gb18030")]


def test_a_bom_decides_without_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: pytest.fail("detection ran despite a BOM"))
    assert decode(ZH.encode("utf-16")) == ZH


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \r\n"], ids=["empty", "white-space"])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(ImportFailed, match=r"^The file is empty\.$"):
        decode(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)),
        zlib.compress(ZH.encode() * 20),
        b"hello\x00world" * 50,
        EN.encode("utf-16-le"),  # UTF-16 without a BOM: every other byte is NUL
        b"\x89PNG\r\n\x1a\n" + bytes(range(1, 9)) * 40,  # control bytes but no NUL
    ],
    ids=["png", "zlib", "nul-bytes", "utf16-no-bom", "control-bytes"],
)
def test_binary_input_is_refused(data: bytes) -> None:
    with pytest.raises(ImportFailed, match=r"^The file (looks binary, not text|'s text encoding could not be recognised)"):
        decode(data)


def test_undecodable_bytes_are_refused_with_advice() -> None:
    broken = "正常文本，然后".encode() + b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xff\xfe\xfd" * 3 + "更多".encode()
    with pytest.raises(ImportFailed, match=r"could not be recognised; save it as UTF-8 and try again\.$"):
        decode(broken)


def test_a_bom_that_lies_is_refused() -> None:
    with pytest.raises(ImportFailed, match=r"^The file starts with a UTF-8 byte-order mark but is not valid UTF-8\.$"):
        decode(codecs.BOM_UTF8 + b"\xff\xfe\xfa abc")


def test_input_over_the_limit_is_refused() -> None:
    with pytest.raises(ImportFailed, match=r"larger than 20 MB"):
        decode(b"a" * (MAX_BYTES + 1))


@pytest.mark.parametrize("encoding", ["iso8859_6", "iso8859_5", "cp1251"])
def test_other_single_byte_encodings_decode_when_detected(encoding: str) -> None:
    # charset-normalizer names these "iso8859_6" etc.; the codec name must survive the trip to bytes.decode
    text = {"iso8859_6": "مرحبا بالعالم، هذه جملة عربية طويلة بما يكفي للكشف عن الترميز.",
            "iso8859_5": "Привет, мир! Это достаточно длинное русское предложение для определения кодировки.",
            "cp1251": "Привет, мир! Это достаточно длинное русское предложение для определения кодировки."}[encoding]
    assert decode(text.encode(encoding)) == text
