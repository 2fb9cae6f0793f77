"""Subtitles (.srt, .vtt) → Page: the spoken sentences, each with the time where it starts.

A cue is a stretch of screen time, not a sentence: captions cut sentences anywhere. So the cues' texts
are joined into paragraphs, and each paragraph records where every cue's text starts in it
(`Block.places`); a sentence then gets the time of the cue it begins in.

Captions have no headings. Sections come from chapter markers when the file has them (a YouTube-style
"00:00 Intro" list, or VTT NOTE lines before cues), else from the clock: parts of about five minutes,
titled by their time range ("0:00–5:12"), which is all the file honestly says about them.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from desktop.core.document import Place, clock
from desktop.core.importing.blocks import HEADING, PARAGRAPH, Block, Page, glue
from desktop.core.importing.decode import ImportFailed

# Silence this long between two cues is a pause a listener notices (a slide change, a demo, applause):
# speakers breathe between sentences in well under two seconds, and captioners chain cues back to
# back, so shorter gaps say nothing about paragraphs.
_PAUSE = 3.0
# Unbroken speech still gets a paragraph break at a sentence end after this long (about 150 words),
# so a talk without pauses is not one wall of text and can be cut into parts.
_PARAGRAPH = 60.0
# Without chapters, sections are parts of about this long, a sitting's worth of cards; a shorter file
# is one part, and a last part shorter than a third of this joins the one before it.
_PART = 300.0
_MAX_CHAPTER_TITLE = 80

# The times as each library parser accepts them; a "-->" line of another shape would be dropped silently.
_SRT_TIME = r"\d+:\d{1,2}:\d{1,2}[,.]\d+"
_VTT_TIME = r"(?:\d+:)?\d{1,2}:\d{1,2}\.\d{1,3}"
_SRT_TIMINGS = re.compile(rf"\s*({_SRT_TIME})\s*-->\s*({_SRT_TIME})(?:\s|$)")
_VTT_TIMINGS = re.compile(rf"\s*({_VTT_TIME})\s*-->\s*({_VTT_TIME})(?:\s|$)")
# two times with a wrong arrow between them ("->", "—>"): the parser would read the line as caption text
_TIMES_LIKE = re.compile(r"^\s*(?:\d+:)+\d+[,.]\d+\s*\S{1,4}\s*(?:\d+:)+\d+[,.]\d+")
_LINE_END = re.compile(r"\r\n|\r|\n")
_EXAMPLE = {False: "00:01:02,500 --> 00:01:05,000", True: "00:01:02.500 --> 00:01:05.000"}

_VOICE = re.compile(r"^\s*<v(?:\.[^\s>]+)*\s+([^>]+)>")  # WebVTT's <v Speaker>
_ASS_TAG = re.compile(r"\{\\[^}]*\}")  # {\an8}, {\i1}: SubStation tags that SRT files carry over
_MUSIC = re.compile("[♪♫♬]")  # a line of lyrics or a music note is not speech
_BRACKETED = re.compile(r"\[[^\]]*\]|【[^】]*】")  # [Music], [音乐], [John]: captions never speak brackets
# (掌声), (laughs) before the speech; parentheses later in a line may be spoken words
_LEADING_PAREN = re.compile(r"^(?:\s*[(（][^)）]*[)）])+")
_CHANGE = re.compile(r"^(?:>>+|[-–—‐](?=\s))\s*")  # ">>" and a dialogue dash: another person speaks
_TURN = re.compile(r"\s+(?=>>)")  # auto-captions mark a new speaker mid-line too: "right. >> So why"
# "DR. LEE:", "Speaker 2:", "李沐：" opening a line: up to three capitalised words, or a Chinese name
_NAME = re.compile(r"^(?:([A-Z][\w.'’-]*(?:\s+[A-Z0-9][\w.'’-]*){0,2})\s*:(?=\s|$)"
                   r"|([\u3400-\u9fff·]{2,4})[：:])\s*")
_ENDS = re.compile(r"[.!?。！？…][\"”’)）」』]*$")
_PUNCTUATION = re.compile(r"[.!?。！？]")
# A chapter list as YouTube reads one from a description: "00:00 Intro", "(1:02:03) Q&A", from 0:00 on.
_CHAPTER_LINE = re.compile(r"^[(\[]?((?:\d{1,2}:)?\d{1,2}:\d{2})[)\]]?\s*(?:[-–—:|·]\s*)?(\S.*)$")
_MIN_CHAPTERS = 3  # YouTube's own minimum for a chapter list


@dataclass
class _Line:
    label: str | None  # None: no speaker mark; "": another, unnamed speaker (">>", "- "); else the name
    text: str


@dataclass
class _Cue:
    start: float
    end: float
    lines: list[_Line]
    notes: list[str]  # the WebVTT NOTE blocks just before the cue


@dataclass
class _Paragraph:
    start: float
    speaker: str | None = None  # the name a label gave, kept as who-said context of every sentence
    end: float = 0.0
    pieces: list[str] = field(default_factory=list)  # one per cue, in order
    times: list[float] = field(default_factory=list)

    def add(self, text: str, start: float) -> None:
        if self.times and self.times[-1] == start:
            self.pieces[-1] = glue([self.pieces[-1], text])  # the cue's next line
        else:
            self.pieces.append(text)
            self.times.append(start)

    def block(self) -> Block:
        text = glue(self.pieces)
        places, position = [], 0
        for piece, time in zip(self.pieces, self.times):
            position = text.find(piece, position)  # glue puts "" or " " between stripped pieces
            places.append((position, Place(time=time, speaker=self.speaker)))
            position += len(piece)
        return Block(PARAGRAPH, text, places=places)


def read_subtitles(text: str, suffix: str) -> Page:
    """Read SubRip or WebVTT captions.

    Args:
        text: the decoded file.
        suffix: ".srt", ".vtt", or another suffix when the text was recognised by its content; the
            content decides the format either way ("WEBVTT" on the first line, else SubRip).
    Returns:
        A page of paragraphs with cue times as places, under HEADING blocks: the file's chapters or
        time ranges. The title is left empty (the file name names captions).
    Raises:
        ImportFailed: broken cue times, text that is neither format, or no cue with text.
    """
    # numbered as the parser splits them (CR, LF, CRLF), so an error names the line an editor shows
    lines = [line.rstrip() for line in _LINE_END.split(text.lstrip("\ufeff"))]
    webvtt_file = next((line for line in lines if line.strip()), "").lstrip().startswith("WEBVTT")
    _check_timings(lines, webvtt_file)
    cues = _cues(_captions("\n".join(lines).strip() + "\n", webvtt_file))
    chapters = _chapters(cues)
    spoken = _spoken(cues, chapters)
    if not spoken:
        raise ImportFailed("The subtitles have no cue with text to study.")
    punctuated = any(_PUNCTUATION.search(line.text) for cue in spoken for line in cue.lines)
    items = _paragraphs(spoken, chapters, punctuated)
    lead = next((i for i, item in enumerate(items) if isinstance(item, str)), len(items))
    items = _parts(items[:lead]) + items[lead:]  # speech before the first chapter, or all of it
    blocks = [Block(HEADING, item, level=1) if isinstance(item, str) else item.block() for item in items]
    return Page(blocks=blocks, explicit_headings=True)


def _check_timings(lines: list[str], webvtt_file: bool) -> None:
    """Name the first cue time the parser would skip without a word (it drops malformed cues)."""
    from webvtt.errors import MalformedCaptionError
    from webvtt.models import Timestamp

    pattern = _VTT_TIMINGS if webvtt_file else _SRT_TIMINGS
    for number, line in enumerate(lines, 1):
        if "-->" not in line and not _TIMES_LIKE.match(line):
            continue
        match = pattern.match(line)
        try:
            if match and webvtt_file:  # SubRip readers let a field over 59 carry over; WebVTT drops the cue
                for value in match.groups():
                    Timestamp.from_string(value)
        except MalformedCaptionError:
            match = None
        if not match:
            raise ImportFailed("Line %1 has a broken cue time “%2”; cue times look like %3.",
                               number, line.strip()[:60], _EXAMPLE[webvtt_file])


def _captions(text: str, webvtt_file: bool) -> tuple[list, list[str]]:
    """The library's captions, and the NOTE blocks before the first one (it keeps those apart)."""
    import webvtt

    try:
        if webvtt_file:
            captions = webvtt.from_string(text)
            return captions.captions, captions.header_comments
        return webvtt.from_buffer([text], format="srt").captions, []
    except Exception as error:  # the library's own errors, or anything a corrupt file trips in it
        raise ImportFailed("The file reads as neither SubRip nor WebVTT captions: it should start with "
                           "“WEBVTT” or with cue number 1 and its times.") from error


def _cues(parsed: tuple[list, list[str]]) -> list[_Cue]:
    captions, header_notes = parsed
    cues = []
    for index, caption in enumerate(captions):
        notes = (header_notes if index == 0 else []) + list(caption.comments)
        spoken = [_line(raw if turn == 0 else "", part)
                  for raw, shown in zip(caption.lines, caption.text.split("\n"))
                  for turn, part in enumerate(_TURN.split(shown))]
        cues.append(_Cue(caption.start_time.in_milliseconds() / 1000, caption.end_time.in_milliseconds() / 1000,
                         [line for line in spoken if line.text or line.label], notes))
    return [cue for cue in cues if cue.lines or cue.notes]


def _line(raw: str, shown: str) -> _Line:
    """One caption line without markup, sound cues and its speaker label (which it returns apart).

    Args:
        raw: the line with its cue tags (for <v Speaker>).
        shown: the line as the library strips its tags.
    """
    voice = _VOICE.match(raw)
    text = " ".join(html.unescape(_ASS_TAG.sub("", shown)).split())
    if _MUSIC.search(text):
        return _Line(None, "")
    label = voice.group(1).strip() if voice else None
    if change := _CHANGE.match(text):
        text, label = text[change.end():], ""
    text = _LEADING_PAREN.sub("", _BRACKETED.sub("", text)).strip()
    if name := _NAME.match(text):
        text, label = text[name.end():], name.group(1) or name.group(2)
    return _Line(label, " ".join(text.split()))


def _chapters(cues: list[_Cue]) -> list[tuple[float, str]]:
    """(start time, title) of the file's chapters: a chapter list, else one-line NOTEs before two cues or more."""
    listed = _chapter_list([line for cue in cues for note in cue.notes for line in note.split("\n")]
                           + [line.text for cue in cues for line in cue.lines])
    if listed:
        return listed
    noted = [(cue.start, cue.notes[-1]) for cue in cues
             if cue.notes and "\n" not in cue.notes[-1] and 0 < len(cue.notes[-1]) <= _MAX_CHAPTER_TITLE]
    return noted if len(noted) >= 2 else []


def _chapter_list(lines: list[str]) -> list[tuple[float, str]]:
    """The first run of consecutive "0:00 Title" lines that YouTube would take as a chapter list."""
    run: list[tuple[float, str]] = []
    for line in lines + [""]:
        entry = _chapter_entry(line)
        if entry:
            run.append(entry)
            continue
        starts = [start for start, _ in run]
        if len(run) >= _MIN_CHAPTERS and starts[0] == 0 and starts == sorted(set(starts)):
            return run
        run = []
    return []


def _chapter_entry(line: str) -> tuple[float, str] | None:
    match = _CHAPTER_LINE.match(line.strip())
    fields = [int(part) for part in match.group(1).split(":")] if match else []
    if not match or any(part > 59 for part in fields[1:]) or len(match.group(2)) > _MAX_CHAPTER_TITLE:
        return None
    return float(sum(part * 60 ** power for power, part in enumerate(reversed(fields)))), match.group(2).strip()


def _spoken(cues: list[_Cue], chapters: list[tuple[float, str]]) -> list[_Cue]:
    """The cues without the chapter list's lines and without what rolling captions repeat.

    Auto-captions show each line twice, first at the bottom and then one row up with the next line
    below it ("a b" then "b c"), and may grow a line word by word: only the new words are kept.
    """
    listed = set(chapters)
    previous: list[str] = []
    kept = []
    for cue in cues:
        lines = _unlisted(cue.lines, listed)
        texts = [line.text for line in lines if line.text]
        if not texts:
            continue
        fresh = _new_lines(previous, lines)
        previous = texts
        if fresh:
            kept.append(_Cue(cue.start, cue.end, fresh, cue.notes))
    return kept


def _unlisted(lines: list[_Line], listed: set[tuple[float, str]]) -> list[_Line]:
    """The lines but the chapter list's entries and the line that introduces them ("Chapters:")."""
    marks = [bool(listed) and _chapter_entry(line.text) in listed for line in lines]
    return [line for index, (line, mark) in enumerate(zip(lines, marks)) if not mark
            and not (line.text.endswith((":", "：")) and index + 1 < len(lines) and marks[index + 1])]


def _new_lines(previous: list[str], lines: list[_Line]) -> list[_Line]:
    texts = [line.text for line in lines]
    for overlap in range(min(len(previous), len(texts)), 0, -1):
        if previous[-overlap:] == texts[:overlap]:
            return lines[overlap:]
    last = previous[-1] if previous else ""
    first = texts[0] if texts else ""
    grown = len(first) > len(last) and first.startswith(last)
    if last and grown and (first[len(last)] == " " or not last[-1].isascii()):
        return [_Line(lines[0].label, first[len(last):].strip())] + lines[1:]
    return lines


def _paragraphs(cues: list[_Cue], chapters: list[tuple[float, str]], punctuated: bool) -> list[_Paragraph | str]:
    """Paragraphs, with chapter titles (str) before the first cue at or after each chapter's start.

    A paragraph ends where another person speaks, at a long pause after a sentence (after any long
    pause when the captions have no punctuation at all), and at a sentence end once it is long.
    """
    items: list[_Paragraph | str] = []
    current: _Paragraph | None = None
    speaker: str | None = None
    waiting = list(chapters)
    for cue in cues:
        while waiting and cue.start >= waiting[0][0]:
            items.append(waiting.pop(0)[1])
            current = None
        label = None  # a label alone on a line names the speaker of the lines after it
        for line in cue.lines:
            label = line.label if line.label is not None else label
            if not line.text:
                continue
            changed = label is not None and (label == "" or label != speaker)
            speaker = label if label is not None else speaker
            label = None
            if current is None or changed or _breaks(current, cue.start, punctuated):
                current = _Paragraph(cue.start, speaker or None)
                items.append(current)
            current.add(line.text, cue.start)
            current.end = max(current.end, cue.end)
    return items


def _breaks(paragraph: _Paragraph, start: float, punctuated: bool) -> bool:
    ends = bool(_ENDS.search(paragraph.pieces[-1]))
    paused = start - paragraph.end >= _PAUSE
    return (paused and (ends or not punctuated)) or (ends and start - paragraph.start >= _PARAGRAPH)


def _parts(paragraphs: list[_Paragraph]) -> list[_Paragraph | str]:
    """Paragraphs in parts of about `_PART` seconds, each under a heading that gives its time range."""
    groups: list[list[_Paragraph]] = []
    for paragraph in paragraphs:
        if groups and paragraph.start - groups[-1][0].start < _PART:
            groups[-1].append(paragraph)
        else:
            groups.append([paragraph])
    if len(groups) > 1 and groups[-1][-1].end - groups[-1][0].start < _PART / 3:
        groups[-2].extend(groups.pop())
    items: list[_Paragraph | str] = []
    for group in groups:
        items.append(f"{clock(group[0].start)}–{clock(group[-1].end)}")
        items.extend(group)
    return items
