"""The bundled talk, as published: `talkcards outline … --json` gives its outline and none of the page's noise."""
from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from desktop.app import main
from desktop.core.importing import import_file

SEED = Path(__file__).resolve().parents[2] / "resources" / "talks" / "000_dce75566e3c95038.txt"
TITLE = "李沐在上海交通大学的演讲回顾:大语言模型的现状与未来"
# (number, title, [children]) as the outline view shows them
OUTLINE = [
    ("", "引言", []),
    ("1", "大语言模型的现状", [
        ("1.1", "算力的发展与挑战", [("1.1.1", "带宽与内存瓶颈", []), ("1.1.2", "供电与成本问题", [])]),
        ("1.2", "模型规模与训练", [("1.2.1", "模型规模的极限", []), ("1.2.2", "多模态模型的发展", [])]),
    ]),
    ("2", "AI的应用前景", [("2.1", "文科白领", []), ("2.2", "工科白领", []), ("2.3", "蓝领阶级", [])]),
    ("3", "创业心得与自我提升", [("3.1", "垂直模型的困境", []), ("3.2", "自我提升与复盘", [])]),
    ("", "结语", []),
]
# every piece of the page that is not the talk: site sign-offs, the URL, the image placeholder, related articles
NOISE = ("本文主要是介绍", "希望对大家解决编程问题", "参考价值", "小编", "开发者们", "介绍到这儿", "推荐的文章",
         "编程师", "有所帮助", "在这里插入图片描述", "插入图片", "http", "chinasem", "1133442", "相关文章",
         "Go语言", "Go 语言", "泄漏缓冲区", "图片的相似度", "Recover", "Python", "文本统计模型", "SpringBoot",
         "Sa-Token", "RBAC", "JWT", "Struct Tag", "slices", "Base62", "Java", "异常", "感兴趣")


def outline_json(path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    assert main(["outline", str(path), "--json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return json.loads(captured.out)


def shape(sections: list[dict], depth: int = 1) -> list:
    for section in sections:
        assert section["level"] == depth, section["number"]
    return [(s["number"], s["title"], shape(s["children"], depth + 1)) for s in sections]


def texts(sections: list[dict]) -> dict[str, str]:
    found = {}
    for section in sections:
        found[section["number"] or section["title"]] = section["text"]
        found.update(texts(section["children"]))
    return found


def test_outline_json_has_title_and_nested_sections(capsys: pytest.CaptureFixture[str]) -> None:
    result = outline_json(SEED, capsys)
    assert result["title"] == TITLE
    assert result["language"] == "zh"
    assert shape(result["sections"]) == OUTLINE


def test_outline_json_has_each_sections_text(capsys: pytest.CaptureFixture[str]) -> None:
    by_section = texts(outline_json(SEED, capsys)["sections"])
    assert by_section["引言"].startswith("近日,知名人工智能专家李沐回到了母校上海交通大学")
    assert by_section["引言"].endswith("并分享他对AI未来发展的独到见解。")
    assert by_section["1"] == ""  # its heading is followed straight away by 1.1
    assert by_section["1.2"].startswith("大语言模型的预训练通常使用10T到50T的token,模型大小则在100B到500B之间。")
    assert by_section["2.3"] == ("对于蓝领阶级的工作,AI的机会最大。然而,数据的缺乏使得AI在这些领域连简单任务都还无法完成。"
                                 "李沐预计,这类应用至少需要五年的时间才能成熟。")
    assert by_section["结语"].startswith("李沐在上海交通大学的演讲,既是对大语言模型发展现状的深刻剖析")
    assert by_section["结语"].endswith("才能在未来的竞争中占据一席之地。")
    assert all(text for key, text in by_section.items() if key != "1")


def test_not_one_word_of_noise_in_any_output(capsys: pytest.CaptureFixture[str]) -> None:
    as_json = json.dumps(outline_json(SEED, capsys), ensure_ascii=False)
    assert main(["outline", str(SEED)]) == 0
    as_text = capsys.readouterr().out
    document_text = import_file(SEED).text
    for noise in NOISE:
        for output in (as_json, as_text, document_text):
            assert noise not in output, noise


def test_outline_text_indents_by_level(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(SEED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:5] == [TITLE, "  引言", "  1 大语言模型的现状", "    1.1 算力的发展与挑战", "      1.1.1 带宽与内存瓶颈"]
    assert lines[-1] == "  结语"


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("gb18030", b""), ("gbk", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
     ("utf-16-be", codecs.BOM_UTF16_BE)],
)
def test_same_talk_in_another_encoding_gives_the_identical_outline(
        encoding: str, bom: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = SEED.read_text(encoding="utf-8")
    if encoding == "gbk":
        text = text.replace("\xa0", " ")  # GBK has no no-break space; the noise holding it is dropped anyway
    saved = tmp_path / f"talk-{encoding}.txt"
    saved.write_bytes(bom + text.replace("\n", "\r\n").encode(encoding))
    assert outline_json(saved, capsys) == outline_json(SEED, capsys)


def test_every_sentence_knows_its_span_in_the_cleaned_text() -> None:
    document = import_file(SEED)
    sentences = [s for section in document.walk() for s in section.sentences]
    assert len(sentences) == 40  # one per 。 in the talk
    for sentence in sentences:
        assert document.text[sentence.start:sentence.end] == sentence.text
    by_number = {s.number: s for s in document.walk()}
    assert [s.text for s in by_number["1.2.1"].sentences] == [
        "李沐指出,超过500B的稠密模型在实际应用中很难部署,尤其是像Google和OpenAI这样的顶级公司也没有超过这一规模的模型在线。",
        "MOE(Mixture of Experts)模型虽然能在一定程度上突破这个限制,但每次激活的部分也不会超过500B。",
    ]
    assert document.text.startswith(TITLE)


def test_section_spans_cover_heading_and_body() -> None:
    document = import_file(SEED)
    section = next(s for s in document.walk() if s.number == "1.1")
    body = document.text[section.start:section.end]
    assert body.startswith("1.1 算力的发展与挑战")
    assert body.endswith("未来的突破需要在供电和带宽上取得更大进展。")  # its subsections are inside it
