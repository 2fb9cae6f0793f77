"""Bytes → text: encoding detected by charset-normalizer, with clear errors for non-text input."""
from __future__ import annotations

import codecs


MAX_BYTES = 20 * 1024 * 1024  # a 20 MB talk is already ~10 books; larger input is almost surely not a talk
MAX_BOOK_BYTES = 200 * 1024 * 1024  # a PDF or EPUB carries pictures and fonts beside its text

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer names several supersets of GBK; GB18030 decodes all of them.
_SIMPLIFIED = {"gb2312", "gbk", "gb18030"}
# Short texts fit several code pages equally well (chaos ties); our users write Chinese or English,
# so among equally good guesses these win, in this order.
_PREFERRED = ("utf8", "ascii", "gb18030", "cp1252")
# UTF-16/32 are accepted only with a byte-order mark: without one, charset-normalizer sometimes
# "finds" them in short GBK text, and real BOM-less UTF-16 of Latin text is caught as binary (NULs).
_NEEDS_BOM = ("utf16", "utf32")
# C0 controls that no text file uses (tab, line ends, form feed and escape are allowed)
_CONTROL_BYTES = [c for c in range(32) if c not in (9, 10, 11, 12, 13, 27)]
_BOM_NAMES = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}


def _name(encoding: str) -> str:
    name = encoding.lower().replace("_", "").replace("-", "")
    return "gb18030" if name in _SIMPLIFIED else name


class ImportFailed(Exception):
    """Raised with one sentence a user can act on; never a traceback.

    The sentence is a template with %1, %2 … filled from `values`, so the GUI can show it in
    the user's language (`desktop.ui.messages`); str() gives the English one.
    """

    def __init__(self, template: str, *values: object) -> None:
        self.template, self.values = template, tuple(str(value) for value in values)
        super().__init__(fill(template, self.values))


def fill(template: str, values: tuple[str, ...]) -> str:
    """Put values into %1, %2 … (highest number first, so %1 never eats the start of %10)."""
    for number in range(len(values), 0, -1):
        template = template.replace(f"%{number}", values[number - 1])
    return template


def decode(data: bytes) -> str:
    """Decode a file's bytes.

    Args:
        data: the raw file content.
    Returns:
        The text, with Windows and old-Mac line ends turned into "\\n".
    Raises:
        ImportFailed: empty, too large, binary or undecodable input.
    """
    if not data.strip():
        raise ImportFailed("The file is empty.")
    if len(data) > MAX_BYTES:
        raise ImportFailed("The file is larger than %1 MB; TalkCards imports talks and articles, not archives.",
                           MAX_BYTES // (1024 * 1024))
    text = _decode_bom(data)
    if text is None:
        text = _decode_detected(data)
    if "\x00" in text:
        raise ImportFailed("The file looks binary, not text.")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                name = _BOM_NAMES[encoding]
                raise ImportFailed("The file starts with a %1 byte-order mark but is not valid %1.", name) from error
    return None


def _decode_detected(data: bytes) -> str:
    if _looks_binary(data[:8192]):
        raise ImportFailed("The file looks binary, not text.")
    from charset_normalizer import from_bytes  # loaded by the first file that is not UTF-8

    encoding = _choose(from_bytes(data))
    if encoding is None:
        raise ImportFailed("The file's text encoding could not be recognised; save it as UTF-8 and try again.")
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise ImportFailed("The file's text encoding could not be recognised; save it as UTF-8 and try again.") from error


def _looks_binary(sample: bytes) -> bool:
    """NUL bytes, or more control bytes than text ever has (images, archives, PDFs' streams)."""
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([c])) for c in _CONTROL_BYTES)
    return controls > len(sample) // 50


def _choose(matches) -> str | None:
    """charset-normalizer's best guess, preferring our users' encodings among equally good ones.

    Returns:
        A codec name Python knows (charset-normalizer's own spelling; its compact form is only for comparing).
    """
    candidates = [m for m in matches if not _name(m.encoding).startswith(_NEEDS_BOM)]
    if not candidates:
        return None
    best = min(m.chaos for m in candidates)
    tied = {_name(m.encoding): m.encoding for m in candidates if m.chaos <= best + 0.01}
    preferred = next((name for name in _PREFERRED if name in tied), None)
    if preferred == "gb18030":
        return "gb18030"  # not gbk or gb2312: GB18030 also decodes what they lack
    return tied[preferred] if preferred else next(iter(tied.values()))
