"""Import from a web address, against a local HTTP server: the article without the site, and each failure's sentence."""
from __future__ import annotations

import gzip
import io
import socket
import threading
from pathlib import Path
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from desktop.core.generate.pipeline import generate
from desktop.core.importing.decode import ImportFailed, decode
from desktop.core.importing.web import address, decode_page, fetch, import_html, import_url

_MB = 1024 * 1024

ARTICLE = """<!doctype html><html><head><meta charset="utf-8"><title>How Models Learn - Example Science</title>
<meta property="og:site_name" content="Example Science"></head><body>
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">Latest news</a></li>
<li><a href="/about">About us</a></li></ul></nav></header>
<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies to continue.</p></div>
<main><article><h1>How Models Learn</h1>
<p>Large language models learn from vast amounts of text collected from the web and from books.</p>
<h2>Training data</h2>
<p>The model was trained on 15 trillion tokens in 2024. The data came from public web pages, books and code.</p>
<p>Engineers filtered the data to remove duplicates and low quality pages before the training began.</p>
<h2>Evaluation</h2>
<p>The researchers evaluated the model on many benchmarks covering reasoning, coding and mathematics.</p>
<p>The model answered 87 percent of the questions correctly on the reasoning benchmark.</p>
</article></main>
<aside class="sidebar"><h3>Related articles</h3><ul><li><a href="/a">Why cats purr so loudly at night</a></li>
<li><a href="/b">Ten simple tips for better sleep</a></li></ul></aside>
<section class="comments"><h3>Comments</h3><div class="comment"><p>Great article, thanks for sharing this with all
of us!</p></div></section>
<footer><p>Copyright 2024 Example Science. All rights reserved.</p></footer>
</body></html>"""
FURNITURE = ("Latest news", "About us", "cookies", "Related articles", "cats purr", "better sleep", "Great article",
             "Copyright", "All rights reserved")

# no <h1> in the article: the title comes from the page's metadata, without the site's name
UNTITLED_ARTICLE = """<html><head><title>Why Sleep Matters | Example Science</title>
<meta property="og:title" content="Why Sleep Matters | Example Science">
<meta property="og:site_name" content="Example Science"></head><body>
<nav><a href="/">Home</a> <a href="/health">Health</a></nav><article>
<p>Sleep clears waste products from the brain every night while the body rests in a quiet room.</p>
<p>Adults need between seven and nine hours of sleep each night to stay healthy over the years.</p>
<p>People who sleep less than six hours a night catch colds four times as often as others do.</p>
</article><footer>Example Science 2024</footer></body></html>"""

CHINESE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>大模型的训练</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/news">新闻中心</a> <a href="/about">关于我们</a></div>
<div class="content"><h1>大模型的训练</h1>
<p>大型语言模型的能力主要来自海量文本的预训练，研究者通常会花费数月时间准备训练数据。</p>
<h2>训练数据</h2>
<p>该模型在2024年使用了15万亿个token进行训练。训练数据来自公开网页、书籍和代码仓库，经过了严格的去重和过滤。</p>
<p>工程师删除了重复的网页和质量较低的内容，以保证模型学到的知识准确可靠，这一步骤耗费了大量的计算资源。</p>
<h2>模型评测</h2>
<p>研究人员在推理、编程和数学等多个基准上评测了该模型，结果显示它在推理基准上的准确率达到百分之八十七。</p>
</div><div class="footer"><p>版权所有 2024 示例科技网 保留所有权利</p></div></body></html>"""

# a short article among a site's bylines, counters and links: too little text for trafilatura, which then
# gives the page's whole text as one paragraph
SHORT = (Path(__file__).parent / "data" / "import_noise_zh.html").read_text(encoding="utf-8")

MARKDOWN = """# Field notes on training

## Data

The model was trained on 15 trillion tokens in 2024.

## Hardware

The training ran on 16 thousand graphics cards for about three months.
"""

CAPTIONS = """WEBVTT

00:00:01.000 --> 00:00:04.000
The model was trained on 15 trillion tokens in 2024.

00:01:05.000 --> 00:01:09.000
The training ran on sixteen thousand graphics cards.
"""


def _send(handler: BaseHTTPRequestHandler, body: bytes, content_type: str = "text/html; charset=utf-8",
          status: int = 200, headers: dict[str, str] | None = None, length: bool = True) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    if length and "Content-Length" not in (headers or {}):
        handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def _stream(handler: BaseHTTPRequestHandler, size: int) -> None:
    """`size` bytes of text with no Content-Length: only counting them while reading can stop them."""
    _send(handler, b"", "text/plain", length=False)
    chunk = b"The model was trained on many tokens.\n" * 1000
    for _ in range(size // len(chunk) + 1):
        handler.wfile.write(chunk)


def _slow(handler: BaseHTTPRequestHandler) -> None:
    handler.server.stop.wait(2.0)  # set when the fixture ends: the server shuts down at once
    _send(handler, ARTICLE.encode())


def _pdf() -> bytes:
    canvas_module = pytest.importorskip("reportlab.pdfgen.canvas")
    buffer = io.BytesIO()
    canvas = canvas_module.Canvas(buffer)
    canvas.drawString(72, 720, "The model was trained on 15 trillion tokens in 2024.")
    canvas.drawString(72, 700, "The training ran on sixteen thousand graphics cards for three months.")
    canvas.save()
    return buffer.getvalue()


ROUTES = {
    "/article": lambda h: _send(h, ARTICLE.encode()),
    "/untitled": lambda h: _send(h, UNTITLED_ARTICLE.encode()),
    "/moved": lambda h: _send(h, b"", status=301, headers={"Location": "/article"}),
    "/loop": lambda h: _send(h, b"", status=302, headers={"Location": "/loop"}),
    "/to-file": lambda h: _send(h, b"", status=302, headers={"Location": "file:///etc/passwd"}),
    "/gbk-header": lambda h: _send(h, CHINESE.replace("charset=gbk", "").encode("gbk"), "text/html; charset=gbk"),
    "/gbk-meta": lambda h: _send(h, CHINESE.encode("gbk"), "text/html"),
    "/gzip": lambda h: _send(h, gzip.compress(ARTICLE.encode()), headers={"Content-Encoding": "gzip"}),
    "/private": lambda h: _send(h, b"<p>Sign in</p>", status=403),
    "/broken": lambda h: _send(h, b"<p>Oops</p>", status=500),
    "/huge-header": lambda h: _send(h, b"x" * 1024, "text/plain", headers={"Content-Length": str(50 * _MB)}),
    "/huge-stream": lambda h: _stream(h, 2 * _MB),
    "/slow": _slow,
    "/empty": lambda h: _send(h, b""),
    "/no-article": lambda h: _send(h, b"<html><body><nav><a href='/'>Home</a> <a href='/a'>About us</a></nav>"
                                      b"<footer>Copyright 2024</footer></body></html>"),
    "/notes.md": lambda h: _send(h, MARKDOWN.encode(), "text/plain; charset=utf-8"),
    "/notes": lambda h: _send(h, b"Notes on training\n\nThe model was trained on 15 trillion tokens in 2024.\n",
                              "text/plain"),
    "/captions": lambda h: _send(h, CAPTIONS.encode(), "text/vtt"),
    "/picture": lambda h: _send(h, b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png"),
    "/download": lambda h: _send(h, _pdf(), "application/octet-stream"),
    "/short": lambda h: _send(h, SHORT.encode()),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 -- http.server's name
        route = self.server.routes.get(self.path)
        try:
            route(self) if route else self.send_error(404)
        except ConnectionError:
            pass  # the client stopped reading (too large, timed out): what the test wants

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def site(monkeypatch):
    """The base address of a local server answering ROUTES; stopped promptly, even mid-request."""
    monkeypatch.setenv("no_proxy", "*")  # a proxy from the environment would not reach 127.0.0.1
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.routes, server.stop = ROUTES, threading.Event()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.stop.set()
    server.shutdown()
    server.server_close()
    thread.join(5)


def _sentences(document) -> list[str]:
    return [s.text for top in document.sections for section in top.walk() for s in section.sentences]


def _labels(document) -> list[str]:
    return [section.label for top in document.sections for section in top.walk()]


def _message(call, *args, **kwargs) -> str:
    with pytest.raises(ImportFailed) as caught:
        call(*args, **kwargs)
    return str(caught.value)


def test_article_without_site_furniture(site):
    document = import_url(f"{site}/article")
    assert document.title == "How Models Learn"
    assert document.source_path == f"{site}/article"
    assert "Training data" in _labels(document) and "Evaluation" in _labels(document)
    sentences = _sentences(document)
    assert "The model was trained on 15 trillion tokens in 2024." in sentences
    assert "The model answered 87 percent of the questions correctly on the reasoning benchmark." in sentences
    assert not [s for s in sentences if any(noise in s for noise in FURNITURE)]
    assert not any(noise in document.text for noise in FURNITURE)


def test_a_short_article_keeps_its_sections_when_trafilatura_gives_up_on_them(site):
    document = import_url(f"{site}/short")
    assert _labels(document) == ["一 热泉的发现", "二 化能合成"]
    assert _sentences(document)[0] == "热泉喷出的海水温度可达400摄氏度,所以被称为“黑烟囱”。"
    assert not any(noise in document.text for noise in ("当前位置", "阅读(3826)", "上一篇", "©"))


def test_cards_come_from_the_article(site):
    cards = generate(import_url(f"{site}/article"))
    assert any("15 trillion" in card.source and card.section == "Training data" for card in cards)
    assert not [card for card in cards if any(noise in card.source for noise in FURNITURE)]


def test_title_from_metadata_without_site_name(site):
    document = import_url(f"{site}/untitled")
    assert document.title == "Why Sleep Matters"
    assert "Adults need between seven and nine hours of sleep each night to stay healthy over the years." in (
        _sentences(document))
    assert "Health" not in document.text and "Example Science" not in document.text


def test_redirect_gives_final_address(site):
    document = import_url(f"{site}/moved")
    assert document.source_path == f"{site}/article"
    assert document.title == "How Models Learn"


def test_redirect_to_a_file_is_refused(site):
    assert _message(import_url, f"{site}/to-file") == (
        f"{site}/to-file redirects to file:///etc/passwd, which is not an http:// or https:// address.")


def test_redirect_loop(site):
    assert _message(import_url, f"{site}/loop") == (
        f"{site}/loop redirects too many times; open it in a browser and copy the final address.")


@pytest.mark.parametrize("path", ["/gbk-header", "/gbk-meta"])
def test_gbk_page(site, path):
    document = import_url(site + path)
    assert document.title == "大模型的训练"
    assert document.language == "zh"
    assert "训练数据" in _labels(document) and "模型评测" in _labels(document)
    assert "该模型在2024年使用了15万亿个token进行训练。" in _sentences(document)
    assert not any(noise in document.text for noise in ("新闻中心", "关于我们", "版权所有"))


def test_compressed_page(site):
    assert "Training data" in _labels(import_url(f"{site}/gzip"))


def test_declared_charset_wins_over_detection():
    text = "Привет, мир. Модель обучена на текстах."
    data = text.encode("koi8-r")
    assert decode(data) != text  # detection alone gets this wrong, so the declaration must be what is used
    assert decode_page(data, "text/plain; charset=koi8-r") == text
    assert decode_page(b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">' + data).endswith(text)


def test_html_is_read_without_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("went to the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    document = import_html(ARTICLE, "https://example.com/article")
    assert "Evaluation" in _labels(document) and document.source_path == "https://example.com/article"


def test_http_errors(site):
    assert _message(import_url, f"{site}/missing") == f"The page {site}/missing answered 404 Not Found; check the address."
    assert _message(import_url, f"{site}/broken") == (
        f"The site of {site}/broken answered 500 Internal Server Error; try again later.")
    assert _message(import_url, f"{site}/private") == (
        f"The site refused to give {site}/private to TalkCards (403 Forbidden); save the page from your browser "
        "and import the file.")


def test_too_large_by_header(site):
    assert _message(fetch, f"{site}/huge-header", max_bytes=_MB) == (
        f"{site}/huge-header is larger than 1 MB; TalkCards imports talks and articles.")
    assert "is larger than 20 MB" in _message(import_url, f"{site}/huge-header")


def test_too_large_while_streaming(site):
    assert _message(fetch, f"{site}/huge-stream", max_bytes=_MB) == (
        f"{site}/huge-stream is larger than 1 MB; TalkCards imports talks and articles.")


def test_timeout(site):
    assert _message(import_url, f"{site}/slow", timeout=0.5) == (
        f"{site}/slow did not answer within 0.5 seconds; try again later.")


def test_unreachable():
    with socket.socket() as probe:  # a port that was just free: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert _message(import_url, f"http://127.0.0.1:{port}/article", timeout=2) == (
        f"Could not reach 127.0.0.1:{port}; check the connection and the address.")


def test_empty_and_textless_pages(site):
    assert _message(import_url, f"{site}/empty") == f"The page {site}/empty is empty."
    assert _message(import_url, f"{site}/no-article") == f"The page {site}/no-article has no article text to study."


def test_plain_text_and_markdown(site):
    notes = import_url(f"{site}/notes")
    assert notes.title == "Notes on training" and notes.source_path == f"{site}/notes"
    assert _sentences(notes) == ["The model was trained on 15 trillion tokens in 2024."]
    markdown = import_url(f"{site}/notes.md")  # served as text/plain: the address's name says Markdown
    assert markdown.title == "Field notes on training"
    assert _labels(markdown) == ["Data", "Hardware"]


def test_subtitles_keep_their_times(site):
    document = import_url(f"{site}/captions")  # known by its content type: the address has no file name
    sentences = [s for top in document.sections for section in top.walk() for s in section.sentences]
    assert [(s.text, s.place.time) for s in sentences] == [
        ("The model was trained on 15 trillion tokens in 2024.", 1.0),
        ("The training ran on sixteen thousand graphics cards.", 65.0)]


def test_unreadable_type(site):
    assert _message(import_url, f"{site}/picture") == (
        f"The address {site}/picture gives a file of type image/png, which TalkCards cannot read; "
        "choose a web page, text, subtitles, PDF or EPUB.")


def test_pdf_known_by_its_bytes(site):
    pytest.importorskip("desktop.core.importing.pdf")  # the PDF reader lands separately
    document = import_url(f"{site}/download")
    assert document.source_path == f"{site}/download"
    assert "The model was trained on 15 trillion tokens in 2024." in _sentences(document)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/talk.txt", "javascript:alert(1)",
                                 "mailto:someone@example.com", "https:///nohost"])
def test_only_web_addresses(url):
    assert _message(fetch, url) == f"{url} is not a web address; enter one that starts with http:// or https://."


def test_address_forms():
    assert _message(address, "  ") == "Enter a web address, such as https://example.com/article."
    assert address("example.com/x") == "https://example.com/x"
    assert address("localhost:8000/a b") == "https://localhost:8000/a%20b"
    assert address("//example.com/x#part") == "https://example.com/x"
    assert address("https://zh.wikipedia.org/wiki/大模型?q=a b") == (
        "https://zh.wikipedia.org/wiki/%E5%A4%A7%E6%A8%A1%E5%9E%8B?q=a%20b")
