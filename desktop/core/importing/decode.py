"""Bytes → text: encoding detected by charset-normalizer, with clear errors for non-text input."""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

MAX_BYTES = 20 * 1024 * 1024  # a 20 MB talk is already ~10 books; larger input is almost surely not a talk

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer names several supersets of GBK; GB18030 decodes all of them.
_SIMPLIFIED = {"gb2312", "gbk", "gb18030"}
_TRADITIONAL = {"big5", "big5hkscs", "cp950"}


def _name(encoding: str) -> str:
    name = encoding.lower().replace("_", "")
    return "gb18030" if name in _SIMPLIFIED else name


class ImportFailed(Exception):
    """Raised with one sentence a user can act on; never a traceback."""


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
        raise ImportFailed(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB; TalkCards imports talks and articles, not archives.")
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
                raise ImportFailed(f"The file starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()}.") from error
    return None


def _decode_detected(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise ImportFailed("The file looks binary, not text.")
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ImportFailed("The file's text encoding could not be recognised; save it as UTF-8 and try again.")
    names = [_name(match.encoding) for match in matches]
    encoding = _name(best.encoding)
    # Short Chinese text often fits Big5 and GB18030 alike; our users write Simplified Chinese.
    if encoding in _TRADITIONAL and "gb18030" in names:
        encoding = "gb18030"
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise ImportFailed("The file's text encoding could not be recognised; save it as UTF-8 and try again.") from error
