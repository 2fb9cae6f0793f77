"""Import from a web address: fetch the page, find its article, read that as a saved file would be read.

The page is fetched with the standard library (no new dependency); trafilatura (Apache-2.0) finds the
article among the site's menus, sidebars and comments and keeps its headings; our own HTML reader,
cleaning and outline parser then make the document, so a web page and a saved file read alike.
A PDF, EPUB, subtitle or text file at the address goes to the reader of its format.
"""
from __future__ import annotations

import codecs
import logging
import re
import ssl
import urllib.error
import urllib.request
import zlib
from email.message import Message
from http import HTTPStatus
from http.client import HTTPException
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from desktop import __version__
from desktop.core.document import Document
from desktop.core.importing.blocks import Page
from desktop.core.importing.decode import MAX_BOOK_BYTES, MAX_BYTES, ImportFailed, decode

# "Mozilla/5.0 (compatible; …)": some sites refuse a client that does not look like a browser at all
USER_AGENT = f"Mozilla/5.0 (compatible; TalkCards/{__version__}; +https://github.com/talkcards/talkcards)"
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.5"
TIMEOUT = 15.0  # seconds to connect and for each read: a page that takes longer is not coming
_CHUNK = 64 * 1024
_MB = 1024 * 1024
_WEB_SCHEMES = ("http", "https")
# "name:" at the start is a scheme ("javascript:", "file:") unless a port number follows ("localhost:8000")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):(?!\d+(/|$))", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([a-z0-9._:-]+)", re.I)
# WHATWG encoding labels: what browsers decode each declared charset as (the superset it stands for)
_CHARSET_ALIASES = {"gbk": "gb18030", "gb2312": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
                    "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
                    "big5": "big5hkscs", "x-sjis": "shift_jis"}
# formats known by their content type; text/plain and octet-stream say nothing, so the address's name decides
_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "application/pdf": ".pdf",
          "application/x-pdf": ".pdf", "application/epub+zip": ".epub", "text/vtt": ".vtt",
          "application/x-subrip": ".srt", "text/srt": ".srt", "text/markdown": ".md", "text/x-markdown": ".md",
          "text/x-rst": ".rst"}
_BOOK_TYPES = {"application/pdf", "application/x-pdf", "application/epub+zip"}
_LIBRARY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")


def address(url: str) -> str:
    """The web address to request: "https://" added to a bare "example.com/x", spaces and non-ASCII escaped.

    Raises:
        ImportFailed: for an empty text or another scheme (file:, ftp:, javascript:, mailto: …).
    """
    text = url.strip()
    if not text:
        raise ImportFailed("Enter a web address, such as https://example.com/article.")
    if text.startswith("//"):
        text = "https:" + text
    elif not _SCHEME.match(text):
        text = "https://" + text
    try:
        parts = urlsplit(text)
        _ = parts.port  # a port that is not a number raises ValueError
    except ValueError as error:
        raise ImportFailed("%1 is not a web address; enter one that starts with http:// or https://.", text) from error
    host = parts.hostname or ""
    if parts.scheme.lower() not in _WEB_SCHEMES or not host or not host.isprintable() or " " in host:
        raise ImportFailed("%1 is not a web address; enter one that starts with http:// or https://.", text)
    # a browser escapes spaces and non-ASCII in the path; the request line must be ASCII
    path = quote(parts.path, safe="/%:@!$&'()*+,;=~") or "/"
    query = quote(parts.query, safe="/%:@!$&'()*+,;=~?")
    return urlunsplit((parts.scheme.lower(), parts.netloc, path, query, ""))


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES,
          book_bytes: int = MAX_BOOK_BYTES) -> tuple[bytes, str, str]:
    """Download what a web address gives.

    Args:
        url: an http(s) address; a bare "example.com/x" is read as https.
        timeout: seconds to wait for the connection and for each read.
        max_bytes: the largest page or text accepted; `book_bytes` for a PDF or EPUB (they carry pictures).
    Returns:
        The body, the Content-Type header ("" if none) and the final address after redirects.
    Raises:
        ImportFailed: one sentence for a bad address, an HTTP error, a timeout, no connection or a too large body.
    """
    target = address(url)
    request = urllib.request.Request(target, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT})
    opener = urllib.request.build_opener(_WebRedirects)
    try:
        with opener.open(request, timeout=timeout) as response:
            final, headers = response.url, response.headers
            content_type = headers.get("Content-Type", "")
            limit = book_bytes if _mime(content_type) in _BOOK_TYPES else max_bytes
            _check_length(headers.get("Content-Length"), limit, final)
            body = _decoded(_read_body(response, limit, final), headers.get("Content-Encoding", ""), limit, final)
    except urllib.error.HTTPError as error:
        if error.fp:
            error.close()  # it holds the error page's open connection
        raise _http_failure(error, target) from None
    except urllib.error.URLError as error:
        raise _network_failure(error.reason, target, timeout) from None
    except TimeoutError:  # a read timed out; a connect timeout arrives as URLError
        raise ImportFailed("%1 did not answer within %2 seconds; try again later.", target, f"{timeout:g}") from None
    except (HTTPException, OSError, ValueError, zlib.error):
        raise ImportFailed("The connection to %1 broke off; try again.", target) from None
    return body, content_type, final


def import_url(url: str, timeout: float | None = None) -> Document:
    """Fetch a web address and read its article (or the PDF, EPUB, subtitles or text it gives).

    Returns:
        The document; its `source_path` is the final address after redirects.
    Raises:
        ImportFailed: with one clear sentence; nothing else escapes.
    """
    body, content_type, final = fetch(url, TIMEOUT if timeout is None else timeout)
    if not body.strip():
        raise ImportFailed("The page %1 is empty.", final)
    suffix = _suffix(content_type, body, final)
    if suffix == ".html":
        return import_html(decode_page(body, content_type), final)
    from desktop.core.importing.reading import import_bytes, import_text

    if suffix in (".pdf", ".epub"):
        return import_bytes(body, suffix, final)
    return import_text(decode_page(body, content_type), suffix, final)


def import_html(html: str, url: str) -> Document:
    """A web page's article as a document; the whole page through our HTML reader if no article is found.

    Args:
        html: the page's decoded text.
        url: its address, kept as the document's `source_path` and named in the error.
    Never goes to the network: trafilatura is given the page's text, not its address.
    """
    from desktop.core.importing.html_page import read_html
    from desktop.core.importing.reading import import_page, import_text

    if extracted := _article(html, url):
        markup, title = extracted
        page = read_html(markup)
        page.title = page.title or title  # the article's own <h1> if trafilatura kept it
        try:
            if not _glued(page, html):
                return import_page(page, url)
        except ImportFailed:
            pass  # what it kept was all noise: read the whole page instead
    try:
        return import_text(html, ".html", url)
    except ImportFailed as error:
        raise ImportFailed("The page %1 has no article text to study.", url) from error


def _glued(article: Page, html: str) -> bool:
    """Did trafilatura give up on the article's structure? On a page with little text it falls back to the
    page's whole text as one paragraph, menus and headings run together, where our reader finds its parts."""
    from desktop.core.importing.html_page import read_html

    return len(article.blocks) <= 1 and len(read_html(html).blocks) > 2


def decode_page(data: bytes, content_type: str = "") -> str:
    """A page's text: valid UTF-8 as such, else the charset its header or <meta> declares, else detected."""
    if data[:4].startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data)  # a byte-order mark outranks any declaration
    try:
        text = data.decode("utf-8")  # non-ASCII that is valid UTF-8 is UTF-8, whatever an old server claims
    except UnicodeDecodeError:
        for charset in (_header_charset(content_type), _meta_charset(data)):  # the header outranks the page
            if (text := _decoded_as(data, charset)) is not None:
                break
        else:
            text = decode(data)
    if "\x00" in text:
        raise ImportFailed("The file looks binary, not text.")
    return text.replace("\r\n", "\n").replace("\r", "\n")


class _WebRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http(s) only (urllib's own would also follow one to ftp:)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # urllib's signature
        if urlsplit(newurl).scheme.lower() not in _WEB_SCHEMES:
            return None  # not followed: the redirect becomes an HTTPError, told by `_http_failure`
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _check_length(declared: str | None, limit: int, url: str) -> None:
    """Refuse a body whose announced size is too large before reading any of it."""
    if declared and declared.strip().isdigit() and int(declared) > limit:
        raise _too_large(url, limit)


def _read_body(response, limit: int, url: str) -> bytes:
    """The body in chunks, stopped as soon as it passes `limit` (a Content-Length may be missing or false)."""
    chunks, size = [], 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise _too_large(url, limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _decoded(body: bytes, encoding: str, limit: int, url: str) -> bytes:
    """The body unpacked if a server compressed it unasked (we ask for none), bounded like the download."""
    if encoding.strip().lower() not in ("gzip", "x-gzip", "deflate"):
        return body
    unpacker = zlib.decompressobj(wbits=47)  # 47: gzip or zlib header, found from the data
    data = unpacker.decompress(body, limit + 1)
    if len(data) > limit:
        raise _too_large(url, limit)
    return data


def _too_large(url: str, limit: int) -> ImportFailed:
    return ImportFailed("%1 is larger than %2 MB; TalkCards imports talks and articles.", url, f"{limit / _MB:g}")


def _http_failure(error: urllib.error.HTTPError, url: str) -> ImportFailed:
    code = error.code
    try:
        reason = HTTPStatus(code).phrase
    except ValueError:
        reason = str(error.reason or "")
    location = error.headers.get("Location") if error.headers else None
    if 300 <= code < 400 and location:  # a redirect urllib did not follow: to another scheme, or in a loop
        location = urljoin(url, location)
        if urlsplit(location).scheme.lower() not in _WEB_SCHEMES:
            return ImportFailed("%1 redirects to %2, which is not an http:// or https:// address.", url, location)
        return ImportFailed("%1 redirects too many times; open it in a browser and copy the final address.", url)
    if code in (401, 403, 407, 451):
        return ImportFailed("The site refused to give %1 to TalkCards (%2 %3); save the page from your browser "
                            "and import the file.", url, code, reason)
    if code < 500:
        return ImportFailed("The page %1 answered %2 %3; check the address.", url, code, reason)
    return ImportFailed("The site of %1 answered %2 %3; try again later.", url, code, reason)


def _network_failure(reason: object, url: str, timeout: float) -> ImportFailed:
    host = urlsplit(url).netloc
    if isinstance(reason, TimeoutError):
        return ImportFailed("%1 did not answer within %2 seconds; try again later.", url, f"{timeout:g}")
    if isinstance(reason, ssl.SSLError):
        detail = getattr(reason, "verify_message", "") or getattr(reason, "reason", "") or reason
        return ImportFailed("The secure connection to %1 failed (%2); check the address.", host, detail)
    return ImportFailed("Could not reach %1; check the connection and the address.", host)


def _mime(content_type: str) -> str:
    message = Message()
    message["Content-Type"] = content_type
    return message.get_content_type() if content_type else ""


def _header_charset(content_type: str) -> str | None:
    message = Message()
    message["Content-Type"] = content_type
    return message.get_content_charset() if content_type else None


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])  # browsers look at the first kilobytes only
    return match[1].decode("ascii") if match else None


def _decoded_as(data: bytes, charset: str | None) -> str | None:
    """The data in a declared charset, or None if the charset is unknown or the data does not fit it."""
    if not charset:
        return None
    try:
        return data.decode(_CHARSET_ALIASES.get(charset.strip().lower(), charset.strip()))
    except (LookupError, UnicodeDecodeError):
        return None


def _suffix(content_type: str, body: bytes, url: str) -> str:
    """Which reader the body needs: its first bytes, else its content type, else the address's file name."""
    from desktop.core.importing import SUFFIXES
    from desktop.core.importing.reading import book_suffix

    if book := book_suffix(body):
        return book
    mime = _mime(content_type)
    if mime in _TYPES:
        return _TYPES[mime]
    named = Path(urlsplit(url).path).suffix.lower()
    if named in SUFFIXES:
        return named
    if mime.startswith("text/") or mime in ("", "application/octet-stream"):
        return ".txt"  # the text reader also knows HTML and subtitles by their first line
    raise ImportFailed("The address %1 gives a file of type %2, which TalkCards cannot read; choose a web page, "
                       "text, subtitles, PDF or EPUB.", url, mime)


def _article(html: str, url: str) -> tuple[str, str] | None:
    """trafilatura's article as HTML with its headings, and the page's title without the site's name."""
    import trafilatura

    for name in _LIBRARY_LOGGERS:  # their warnings ("discarding data") are answered by our fallback
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        result = trafilatura.extract_with_metadata(
            html, url=url or None, output_format="html", include_formatting=True, include_links=False,
            include_images=False, include_comments=False, include_tables=False)
    except Exception:  # a library failing on a strange page: our own reader still can read it
        return None
    if result is None or not result.text:
        return None
    return result.text, _without_site(result.title or "", result.sitename or "")


def _without_site(title: str, site: str) -> str:
    """ "Article | Site" → "Article" (also "Site - Article"), when the site's name is known."""
    title, site = title.strip(), site.strip()
    if not site or title.lower() == site.lower():
        return title
    separator = r"\s*[-|–—·:»/•]\s*"
    name = re.escape(site)
    for pattern in (rf"^(.+?){separator}{name}$", rf"^{name}{separator}(.+)$"):
        if match := re.match(pattern, title, re.I):
            return match[1].strip()
    return title
