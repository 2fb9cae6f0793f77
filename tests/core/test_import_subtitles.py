"""Subtitles import: cues become whole sentences with the time they start, under chapters or time ranges."""
from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.document import Document
from desktop.core.generate.pipeline import generate
from desktop.core.importing import ImportFailed, import_file
from desktop.core.importing.subtitles import read_subtitles

# An English talk as a captioner cuts it: sentences end mid-cue, one runs over three cues, a cue holds
# two sentences; with SRT italics, a font tag, an ASS position tag, a sound cue, lyrics and speakers.
TALK_SRT = """1
00:00:01,000 --> 00:00:03,500
Welcome to the talk. Today we look at

2
00:00:03,600 --> 00:00:05,000
how large language models

3
00:00:05,000 --> 00:00:06,000
<i>are trained.</i>

4
00:00:06,100 --> 00:00:08,000
{\\an8}The model was trained on

5
00:00:08,000 --> 00:00:10,000
<font color="#ffffff">15 trillion tokens.</font> [Applause]

6
00:00:10,200 --> 00:00:11,000
♪ upbeat music ♪

7
00:00:11,000 --> 00:00:13,000
>> DR. LEE: Did the data come from the web?

8
00:00:13,100 --> 00:00:15,000
- Mostly, yes.
- And from books.

9
00:00:15,200 --> 00:00:17,000
[MARIA] (laughs) Thanks for asking.
"""

TALK_SENTENCES = [
    ("Welcome to the talk.", 1.0),
    ("Today we look at how large language models are trained.", 1.0),
    ("The model was trained on 15 trillion tokens.", 6.1),
    ("Did the data come from the web?", 11.0),
    ("Mostly, yes.", 13.1),
    ("And from books.", 13.1),
    ("Thanks for asking.", 15.2),
]

# A Chinese lecture in WebVTT: a <v> voice, a "李沐：" label, sound cues, and one rolling repeat.
LECTURE_VTT = """WEBVTT
Kind: captions
Language: zh

00:00:00.500 --> 00:00:03.000
<v 李沐>大家好，今天我们讲

00:00:03.000 --> 00:00:05.000
<v 李沐>大模型的训练。模型用了

00:00:05.000 --> 00:00:07.000
<v 李沐>15万亿个词元来训练。

00:00:07.000 --> 00:00:08.000
[音乐]

00:00:08.000 --> 00:00:09.000
（掌声）

00:00:09.000 --> 00:00:11.000
观众：数据从哪里来？

00:00:11.000 --> 00:00:13.000
数据从哪里来？
李沐：主要来自网页。
"""

# YouTube auto-captions: each line shows twice (bottom row, then top row), with 10 ms cues between.
ROLLING_VTT = """WEBVTT
Kind: captions
Language: en

00:00:00.000 --> 00:00:02.000 align:start position:0%
<c.colorE5E5E5>so</c><00:00:00.500><c> today</c><00:00:01.000><c> we</c>

00:00:02.000 --> 00:00:02.010 align:start position:0%
so today we

00:00:02.010 --> 00:00:04.000 align:start position:0%
so today we
<00:00:02.500><c>talk</c><00:00:03.000><c> about attention.</c>

00:00:04.000 --> 00:00:04.010 align:start position:0%
talk about attention.

00:00:04.010 --> 00:00:06.000 align:start position:0%
talk about attention.
It is all you need.
"""

# A chapter list in a NOTE, as a tool copies one from a video's description.
CHAPTERS_VTT = """WEBVTT

NOTE
Chapters:
00:00 Intro
00:20 Training data
01:00 Results

00:00:01.000 --> 00:00:05.000
Hi everyone, I am glad to be here.

00:00:21.000 --> 00:00:25.000
We collected the data from the web.

00:00:30.000 --> 00:00:35.000
Then we filtered out the spam.

00:01:02.000 --> 00:01:05.000
The results were better than expected.
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def sentences(document: Document) -> list[tuple[str, float | None]]:
    return [(s.text, s.place.time if s.place else None) for section in document.walk() for s in section.sentences]


def labels(document: Document) -> list[str]:
    return [section.label for section in document.walk()]


def srt(cues: list[tuple[float, float, str]]) -> str:
    """SubRip text of (start, end, text) cues."""
    def stamp(seconds: float) -> str:
        millis = round(seconds * 1000)
        return f"{millis // 3_600_000:02d}:{millis // 60_000 % 60:02d}:{millis // 1000 % 60:02d},{millis % 1000:03d}"
    return "".join(f"{n}\n{stamp(a)} --> {stamp(b)}\n{text}\n\n" for n, (a, b, text) in enumerate(cues, 1))


def test_cues_become_whole_sentences_without_markup_or_speakers(tmp_path: Path) -> None:
    document = import_file(write(tmp_path, "Scaling talk.srt", TALK_SRT))
    assert document.title == "Scaling talk"
    assert labels(document) == ["0:01–0:17"]  # a short talk is one part, named by its time range
    assert sentences(document) == TALK_SENTENCES
    text = document.text
    for markup in ("<i>", "font", "\\an8", "Applause", "music", ">>", "DR. LEE", "- ", "MARIA", "laughs"):
        assert markup not in text


def test_a_speaker_change_starts_a_paragraph(tmp_path: Path) -> None:
    section = next(import_file(write(tmp_path, "talk.srt", TALK_SRT)).walk())
    assert section.paragraphs == [
        "Welcome to the talk. Today we look at how large language models are trained. "
        "The model was trained on 15 trillion tokens.",
        "Did the data come from the web?", "Mostly, yes.", "And from books. Thanks for asking.",
    ]


def test_a_card_points_to_the_cue_where_its_sentence_starts(tmp_path: Path) -> None:
    cards = generate(import_file(write(tmp_path, "talk.srt", TALK_SRT)))
    tokens = [card for card in cards if card.source == "The model was trained on 15 trillion tokens."]
    assert tokens and all(card.place.time == 6.1 for card in tokens)
    assert tokens[0].section == "0:01–0:17"


def test_chinese_captions_join_without_spaces_and_lose_labels_and_sound_cues(tmp_path: Path) -> None:
    document = import_file(write(tmp_path, "讲座.vtt", LECTURE_VTT))
    assert labels(document) == ["0:00–0:13"]
    assert sentences(document) == [
        ("大家好，今天我们讲大模型的训练。", 0.5),
        ("模型用了15万亿个词元来训练。", 3.0),
        ("数据从哪里来？", 9.0),  # the rolling repeat at 0:11 is dropped
        ("主要来自网页。", 11.0),
    ]
    assert not any(mark in document.text for mark in ("李沐", "观众", "音乐", "掌声", "<v"))
    # who said it stays beside each sentence, as context
    assert [s.place.speaker for section in document.walk() for s in section.sentences] == ["李沐", "李沐", "观众", "李沐"]
    cards = [card for card in generate(document) if card.source == "模型用了15万亿个词元来训练。"]
    assert cards and cards[0].place.time == 3.0


def test_rolling_auto_captions_keep_each_sentence_once(tmp_path: Path) -> None:
    document = import_file(write(tmp_path, "auto.vtt", ROLLING_VTT))
    assert sentences(document) == [
        ("so today we talk about attention.", 0.0),
        ("It is all you need.", 4.01),
    ]


def test_a_chapter_list_makes_the_sections(tmp_path: Path) -> None:
    document = import_file(write(tmp_path, "chapters.vtt", CHAPTERS_VTT))
    assert labels(document) == ["Intro", "Training data", "Results"]
    assert [[s.text for s in section.sentences] for section in document.walk()] == [
        ["Hi everyone, I am glad to be here."],
        ["We collected the data from the web.", "Then we filtered out the spam."],
        ["The results were better than expected."],
    ]
    assert [s.place.time for section in document.walk() for s in section.sentences] == [1.0, 21.0, 30.0, 62.0]


def test_a_chapter_list_spoken_in_a_cue_is_not_a_sentence(tmp_path: Path) -> None:
    text = srt([(0.5, 4, "Chapters:\n0:00 Welcome\n1:00 Method\n2:00 Outlook"), (5, 9, "Hello and welcome."),
                (61, 65, "Our method is simple."), (121, 125, "What comes next is open.\n1:00 is too late for us.")])
    document = import_file(write(tmp_path, "talk.srt", text))
    assert labels(document) == ["Welcome", "Method", "Outlook"]
    assert sentences(document) == [("Hello and welcome.", 5.0), ("Our method is simple.", 61.0),
                                   ("What comes next is open.", 121.0), ("1:00 is too late for us.", 121.0)]


def test_note_blocks_before_cues_are_chapters() -> None:
    page = read_subtitles("WEBVTT\n\nNOTE Opening\n\n00:00:01.000 --> 00:00:04.000\nHi all.\n\n"
                          "NOTE Method\n\n00:00:21.000 --> 00:00:25.000\nWe counted words.\n", ".vtt")
    assert [(b.kind, b.text) for b in page.blocks] == [
        ("heading", "Opening"), ("paragraph", "Hi all."), ("heading", "Method"), ("paragraph", "We counted words.")]
    assert page.explicit_headings and page.title == ""


def test_long_files_are_cut_into_time_ranges_and_pauses_start_paragraphs(tmp_path: Path) -> None:
    cues, start = [], 0.0
    for number in range(80):  # 80 sentences of 10 s each, over two cues, with a 6 s pause after the 3rd
        cues += [(start, start + 6, f"Fact {number} is that the value"), (start + 6, start + 10, f"was {number}.")]
        start += 16 if number == 2 else 10
    document = import_file(write(tmp_path, "lecture.srt", srt(cues)))
    assert labels(document) == ["0:00–5:36", "5:36–10:36", "10:36–13:26"]
    first = next(document.walk())
    assert first.paragraphs[0] == "Fact 0 is that the value was 0. Fact 1 is that the value was 1. " \
                                  "Fact 2 is that the value was 2."
    assert first.paragraphs[1].startswith("Fact 3 is that the value was 3.")
    assert ("Fact 40 is that the value was 40.", 406.0) in sentences(document)
    assert len(sentences(document)) == 80


def test_a_pause_inside_a_sentence_does_not_cut_it(tmp_path: Path) -> None:
    document = import_file(write(tmp_path, "pause.srt", srt([(1, 3, "The answer,"), (9, 11, "after a pause, is 42."),
                                                              (11, 13, "Thank you all.")])))
    assert sentences(document) == [("The answer, after a pause, is 42.", 1.0), ("Thank you all.", 11.0)]


SRT_TIMES = "cue times look like 00:01:02,500 --> 00:01:05,000."
VTT_TIMES = "cue times look like 00:01:02.500 --> 00:01:05.000."


@pytest.mark.parametrize(("text", "message"), [
    ("1\n00:00:xx,000 --> 00:00:02,000\nHello there.\n",
     "Line 2 has a broken cue time “00:00:xx,000 --> 00:00:02,000”; " + SRT_TIMES),
    ("1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\n00:00:03,000 -> 00:00:04,000\nAgain.\n",
     "Line 6 has a broken cue time “00:00:03,000 -> 00:00:04,000”; " + SRT_TIMES),
    ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi.\n\n00:61:00.000 --> 00:61:02.000\nLate.\n",
     "Line 6 has a broken cue time “00:61:00.000 --> 00:61:02.000”; " + VTT_TIMES),
    ("WEBVTT\n\nNOTE nothing yet\n", "The subtitles have no cue with text to study."),
    ("1\n00:00:01,000 --> 00:00:04,000\n[Music]\n\n2\n00:00:04,000 --> 00:00:06,000\n♪ la la ♪\n",
     "The subtitles have no cue with text to study."),
    ("Hello there.\nThis is not a caption file.\n",
     "The file reads as neither SubRip nor WebVTT captions: it should start with “WEBVTT” or with cue number 1 "
     "and its times."),
    ("", "The file is empty."),
])
def test_broken_or_empty_captions_fail_with_one_clear_sentence(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ImportFailed) as failure:
        import_file(write(tmp_path, "broken.srt", text))
    assert str(failure.value) == message


def test_crlf_line_ends_and_a_byte_order_mark_change_nothing(tmp_path: Path) -> None:
    for name, text in (("talk.srt", TALK_SRT), ("讲座.vtt", LECTURE_VTT)):
        plain = import_file(write(tmp_path, name, text))
        windows = tmp_path / f"windows {name}"
        windows.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
        document = import_file(windows)
        assert sentences(document) == sentences(plain) and labels(document) == labels(plain)
    assert read_subtitles("\ufeff" + TALK_SRT.replace("\n", "\r\n"), ".srt").blocks == \
        read_subtitles(TALK_SRT, ".srt").blocks
    with pytest.raises(ImportFailed, match="^Line 5 has a broken cue time"):  # counted as an editor counts
        read_subtitles("\ufeff1\r\n00:00:01,000 --> 00:00:02,000\r\nHi.\r\n\r\n"
                       "00:00:0x,000 --> 00:00:04,000\r\n", ".srt")


def test_the_content_decides_the_format_whatever_the_suffix() -> None:
    as_vtt = read_subtitles(LECTURE_VTT, ".srt")
    assert as_vtt.blocks == read_subtitles(LECTURE_VTT, ".vtt").blocks
    assert read_subtitles(TALK_SRT, ".txt").blocks == read_subtitles(TALK_SRT, ".srt").blocks


def test_captions_saved_as_text_are_named_by_their_file(tmp_path: Path) -> None:
    document = import_file(write(tmp_path, "Scaling talk.txt", TALK_SRT))
    assert document.title == "Scaling talk"  # not the first part's time range
    assert document.outline_json() == import_file(write(tmp_path, "Scaling talk.srt", TALK_SRT)).outline_json()
