"""Source-level clean-up of Markdown before it is parsed: what no Markdown parser knows about.

Metadata headers (YAML/TOML front matter, Pelican "Key: value" lines), site-generator template tags
(Hugo shortcodes, Liquid, Go templates), Quarto/Pandoc ":::" fences, headings written without a space
after their hashes, and footnote lists keyed by runs of asterisks.
"""
from __future__ import annotations

import re

# YAML ("---") or TOML ("+++") front matter of static-site generators, before the first line
_FRONT_MATTER = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\n(.*?\n)(?:\1|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_TITLE = re.compile(r"^title[ \t]*[:=][ \t]*([\"']?)(.+?)\1[ \t]*$", re.M)
# Pelican / MultiMarkdown metadata: "Title: …", "Date: …" lines, then a blank line
_META_LINE = re.compile(r"^([A-Za-z][\w-]{0,20})[ \t]*:[ \t]*(.*)$")
_META_KEYS = {"title", "date", "author", "authors", "slug", "tags", "category", "summary", "modified", "status"}
# template tags: {{< figure … >}} / {{% note %}} (Hugo), {% include … %} (Liquid/Jekyll), {{ … }} (Go, Liquid)
_TAG_OPEN = re.compile(r"\{\{[<%]|\{%|\{\{\s*\w+\s*`")
_TAG_CLOSE = {"{{<": ">}}", "{{%": "%}}", "{%": "%}"}
_OUTPUT_TAG = re.compile(r"\{\{[^{}\n]{0,500}\}\}")
_FENCE_DIV = re.compile(r"^[ \t]{0,3}:{3,}.*$", re.M)  # Quarto/Pandoc callouts and divs: the fence lines go
_SETEXT = re.compile(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$")
_NUMBERED_LINE = re.compile(r"^[ \t]{0,3}(\d{1,9})[.)][ \t]+\S")
_CODE_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
# "##先聊聊 Scale": hashes glued to a heading; one "#" only before CJK, so "#hashtag" prose stays prose
_GLUED_HEADING = re.compile(r"^(#{2,6})(?=[^\s#])|^(#)(?=[\u3400-\u9fff\uf900-\ufaff][^#]*$)")
# "** Kunda, Z. …", "\*\*\* = Myside bias": a footnote keyed by asterisks (a lone "* " is a bullet)
_ASTERISK_NOTE = re.compile(r"^[ \t]{0,3}(?:\*{2,}[ \t]+(?:=[ \t]*)?\S|(?:\\\*)+[ \t]*(?:=[ \t]*)?\S|\*[ \t]*=[ \t]+\S).*$",
                            re.M)


def front_matter(text: str) -> tuple[str, str]:
    """The text without its metadata header, and the title the header names ("" if none)."""
    match = _FRONT_MATTER.match(text)
    if match:
        title = _FRONT_TITLE.search(match.group(2))
        return text[match.end():], _unquote(title.group(2)) if title else ""
    return _pelican_header(text)


def _unquote(value: str) -> str:
    return value.strip().strip("\"'").strip()


def _pelican_header(text: str) -> tuple[str, str]:
    """A first block of "Key: value" lines is metadata when it names a title or a date among them."""
    lines = text.lstrip("\ufeff").split("\n")
    fields: dict[str, str] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            break
        match = _META_LINE.match(line)
        if not match:
            return text, ""
        fields[match.group(1).lower()] = match.group(2)
    else:
        return text, ""
    if len(fields) < 2 or not ({"title", "date"} & fields.keys()) or not fields.keys() <= _META_KEYS:
        return text, ""
    return "\n".join(lines[index:]), _unquote(fields.get("title", ""))


def prepare(text: str) -> str:
    """Markdown source without template tags, div fences and asterisk footnotes; glued headings fixed.

    Args:
        text: Markdown after its front matter is removed.
    Returns:
        Markdown that a CommonMark parser reads as the author meant.
    """
    text = _OUTPUT_TAG.sub("", _without_template_tags(text))
    text = _FENCE_DIV.sub("", text)
    return "\n".join(_fix_lines(text.split("\n")))


def _without_template_tags(text: str) -> str:
    """Drop each template tag; Go's {{raw `…`}} wraps code, so its body stays (and is read as code).

    One pass with str.find: a tag that never closes ends the search instead of being re-scanned.
    """
    out: list[str] = []
    position = 0
    while match := _TAG_OPEN.search(text, position):
        opener = match.group()
        closer = _TAG_CLOSE.get(opener[:3]) or _TAG_CLOSE.get(opener[:2]) or "`}}"
        end = text.find(closer, match.end())
        if end < 0:
            break
        out.append(text[position:match.start()])
        if closer == "`}}":
            out.append(f"\n\n{text[match.end():end]}\n\n")
        position = end + len(closer)
    out.append(text[position:])
    return "".join(out)


def _fix_lines(lines: list[str]) -> list[str]:
    """Outside code fences: glued headings get their space, asterisk footnote lines go, and a numbered
    line above a setext underline ("1. Compute" over "-----") is a heading, not a list item."""
    fence = ""
    out = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not fence and _SETEXT.match(following) and (number := _NUMBERED_LINE.match(line)):
            line = f"{number.group(1)}\\{line[number.end(1):]}"
        opened = _CODE_FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            out.append(line)
            continue
        if opened:
            fence = opened.group(1)
            out.append(line)
        elif _ASTERISK_NOTE.match(line):
            out.append("")
        else:
            out.append(_GLUED_HEADING.sub(lambda m: (m.group(1) or m.group(2)) + " ", line))
    return out
