"""reStructuredText → Markdown, so that the Markdown reader handles it: the prose kept, the markup gone.

Directives (`.. doctest::`, `.. code-block::`…) and their indented bodies go, except admonitions
whose body is prose (note, warning…); labels (`.. _name:`), comments and docinfo fields
(`:Author: …`) go; underlined titles become headings; roles and hyperlinks keep their words;
a literal block after "::" stays indented, so it is read as the code it is.
"""
from __future__ import annotations

import re

_UNDERLINE = re.compile(r"^([=\-~^*+#\"'`:.])\1{2,}\s*$")
_DIRECTIVE = re.compile(r"^(\s*)\.\.\s+([\w:-]+)::(.*)$")
_EXPLICIT = re.compile(r"^(\s*)\.\.(?:\s|$)")  # labels, comments, footnote and link targets
_FIELD = re.compile(r"^:[\w -]+:(?:\s|$)")
_PROSE_DIRECTIVES = {"note", "warning", "tip", "important", "hint", "caution", "attention", "danger", "error",
                     "admonition", "seealso", "versionadded", "versionchanged", "deprecated", "topic", "sidebar"}
_ROLE = re.compile(r":[\w:+-]+:`([^`<]*?)\s*(?:<[^`>]*>)?`")  # :func:`sorted`, :ref:`text <target>`
_LINK = re.compile(r"`([^`<]+?)\s*<[^`>]*>`__?")  # `stable <https://…>`_
_NAMED = re.compile(r"(?<![`:\w])`([^`]+)`__?")  # `text`_ (not a role's or literal's backquote)
_LITERAL = re.compile(r"``([^`]+)``")
# what tells reST from plain text: a directive or label line, or a ":Field:" line
_SIGN = re.compile(r"^\.\.\s+(?:[\w:-]+::|_[\w -]+:)|^:[A-Za-z][\w -]*:\s", re.M)


def looks_like_rest(text: str) -> bool:
    """Does a plain-text file use reStructuredText markup (at least two directives, labels or fields)?"""
    return len(_SIGN.findall(text, 0, 200_000)) >= 2


def to_markdown(text: str) -> str:
    """The reST text as Markdown with only its prose (and indented literal blocks) left.

    Args:
        text: a reStructuredText document.
    Returns:
        Markdown for `read_markdown`.
    """
    lines = _LINK.sub(r"\1", text).split("\n")  # a link may wrap: `stable\n<https://…>`_
    out: list[str] = []
    levels: list[str] = []  # underline characters in the order the document first uses them
    index = 0
    while index < len(lines):
        line = lines[index]
        if directive := _DIRECTIVE.match(line):
            index = _skip_body(lines, index + 1, len(directive.group(1)),
                               keep=directive.group(2).lower() in _PROSE_DIRECTIVES, out=out)
            continue
        if _EXPLICIT.match(line):
            index = _skip_body(lines, index + 1, len(_EXPLICIT.match(line).group(1)), keep=False, out=out)
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _UNDERLINE.match(line) and following.strip() and index + 2 < len(lines) and _UNDERLINE.match(lines[index + 2]):
            index += 1  # an overline: the title and its underline follow
            continue
        if line.strip() and not _UNDERLINE.match(line) and _UNDERLINE.match(following) \
                and len(following.strip()) >= len(line.strip()):
            char = following.strip()[0]
            if char not in levels:
                levels.append(char)
            out.extend(["", "#" * min(levels.index(char) + 1, 6) + " " + _inline(line.strip()), ""])
            index += 2
            continue
        out.append("" if _FIELD.match(line) else _literal_intro(_inline(line)))
        index += 1
    return "\n".join(out)


def _skip_body(lines: list[str], index: int, indent: int, keep: bool, out: list[str]) -> int:
    """Past a directive's body: its lines indented deeper than the directive (blank lines inside it)."""
    body: list[str] = []
    while index < len(lines) and (not lines[index].strip() or _indent(lines[index]) > indent):
        body.append(lines[index])
        index += 1
    if keep:
        out.append("")
        out.extend(_inline(line.strip()) for line in body if not _FIELD.match(line.strip()))
    out.append("")
    return index


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _literal_intro(line: str) -> str:
    """"… as follows::" ends a sentence with ":"; a lone "::" line says nothing."""
    if line.rstrip().endswith("::"):
        stripped = line.rstrip()[:-2].rstrip()
        return stripped + ":" if stripped and stripped[-1] != " " else stripped
    return line


def _role_text(match: re.Match[str]) -> str:
    """":meth:`~object.__lt__`" shows "__lt__" (the "~" asks for the last name); a code span keeps its underscores."""
    words = match.group(1).lstrip("!")
    if words.startswith("~"):
        words = words[1:].rsplit(".", 1)[-1]
    return f"`{words}`" if words else ""


def _inline(line: str) -> str:
    line = _NAMED.sub(r"\1", _LINK.sub(r"\1", line))
    line = _ROLE.sub(_role_text, line)
    return _LITERAL.sub(r"`\1`", line)
