"""desktop.core.generate.guards and select: the checks every card passes, sibling notes, the budget."""
from __future__ import annotations

import pytest

from desktop.core.card import BASIC, CLOZE
from desktop.core.generate import guards, listnote, select
from desktop.core.generate.base import Candidate
from desktop.core.generate.pipeline import contexts, generate
from desktop.core.importing import import_text
from tests.core.generate_support import context_of


def _cloze(front: str) -> Candidate:
    return Candidate(CLOZE, front, "", "", "salient")


@pytest.mark.parametrize("front, reason", [
    ("储能电站的建设{{c1::需要}}大量资金投入和长期规划。", "blank-on-filler"),
    ("固态电池的主要障碍是界{{c1::面阻}}抗问题，研究人员正在攻关。", "blank-splits-a-word"),
    ("The {{c1::alternative}} to a heat pump is a gas boiler in most homes.", "blank-on-filler"),
    ("抗体检测常用 {{c1::Anti}}-CCP 指标来辅助诊断类风湿。", "blank-splits-a-word"),
    ("Culture decides how things get (or {{c1::don}}’t get) finished in a large team.", "blank-splits-a-word"),
    ("机器翻译模型会把法语的 Je suis é{{c1::tudiant}} 翻译为英文的 I am a student。", "blank-splits-a-word"),
    ("这种电池的能量密度达到{{c1::500Wh/kg}}以上。", "not-standalone"),
    ("较{{c1::好扩展性}}，支持多种协议的接入和转换工作。", "no-subject"),
    ("调用 {{c1::foo()}} 就能得到电池的全部参数和状态信息。", "markup"),
    ("本文介绍了{{c1::钠离子电池}}的发展历史和主要应用场景。", "meta-text"),
    ("{{c1::调度器}}。", "no-context"),
    ("目前这类电池的{{c1::循环寿命}}更长，成本也更低。", "unresolved-reference"),
    ("Another name for this {{c1::method}} is the sliding window technique.", "unresolved-reference"),
    ("平台在多个城市建设了数据中心，提供{{c1::存储}}服务并承担城市级的调度与监控工作。", "tiny-blank"),
    ("{{c1::70%}}的受访者把电动车与高价格联系起来（如特斯拉", "cut-bracket"),
    ("边缘网关的核心组件 {{c1::EK (EdgeKit}}) 负责设备接入。", "cut-bracket"),
    ("储能电站的建设有{{c1::两个}}主要目标：", "cut-off"),
    ("二是{{c1::电解液}}在低温下会变稠，导致电池内阻上升。", "not-standalone"),
    ("We could have stored the {{c1::charge level}} in a separate table of the battery database.", "counterfactual"),
    ("The gateway keeps its {{c1::control plane}} {{c2::data plane}} apart on separate servers.", "adjacent-blanks"),
    ("储能需求不断增长，随着{{c1::电池成本}}的下降", "cut-off"),
    ("【诊断方法 Diagnostic Methods】{{c1::实验室检查}}", "no-context"),
    ("对于经常跑长途的车主来说，这种方案的{{c1::续航焦虑}}最小。", "unresolved-reference"),
    ("{{c1::锂电池}}的回收率低于铅酸电池，因为锂电池的拆解更复杂。", "answer-shown"),
    ("新电池的容量突破了{{c1::500Wh}}的限制，但单体电芯的容量仍不超过{{c2::500Wh}}。", "answer-shown"),
])
def test_a_cloze_no_reader_would_keep_is_rejected(front, reason):
    assert guards.problem(_cloze(front), "zh" if "电" in front or "抗" in front or "调" in front or "较" in front
                          or "本文" in front else "en") == reason


def test_a_verdict_is_no_definition():
    question = Candidate.basic("What is the greenhouse effect?", "the foundation of climate change", "definition")
    assert guards.problem(question, "en") == "not-a-definition"
    assert guards.problem(Candidate.basic("什么是Raft？", "一个一致性协议", "definition"), "zh") is None


@pytest.mark.parametrize("question", ["多少 年的时候？", "预计年底之前发布 多少 版本？", "几种结构的不同点在于？",
                                      "什么是一个很重要的模块？", "什么是虽然灰度发布？"])
def test_a_garbled_or_subjectless_question_is_rejected(question):
    assert guards.problem(Candidate.basic(question, "两种", "quantity"), "zh") is not None


def test_good_cards_pass():
    # a pronoun after the first clause points back into the sentence itself
    assert guards.problem(_cloze("Raft 是一种{{c1::一致性协议}}，它比 Paxos 更容易理解。"), "zh") is None
    assert guards.problem(_cloze("The {{c1::Timsort}} algorithm is fast because it reuses runs."),
                          "en") is None
    # a demonstrative whose noun the sentence named before it is resolved in the sentence
    assert guards.problem(_cloze("换电方案需要大量换电站，这种方案的{{c1::初期投资}}很高。"), "zh") is None
    # a number is a fact however short its blank
    assert guards.problem(_cloze("专家预计,固态电池至少需要{{c1::五年}}才能大规模量产。"), "zh") is None
    assert guards.problem(_cloze("大语言模型的预训练通常使用{{c1::10T到50T}}的token。"), "zh") is None
    assert guards.problem(Candidate.basic("钠离子电池的成本比锂电池低多少？", "30%", "quantity"), "zh") is None
    assert guards.problem(Candidate.basic("什么使得当前技术接近瓶颈？", "内存需求的增长", "cause"), "zh") is None


def test_a_long_cloze_is_cut_to_its_clauses_and_keeps_the_subject_clause():
    front = ("钠离子电池在储能领域的应用越来越广泛，研究人员开发了许多新的正极材料和负极材料，"
             "其中层状氧化物的能量密度最高可以达到{{c1::160Wh/kg}}，循环寿命也在不断提高，成本持续下降，产业链逐步完善。")
    cut = guards.trim_cloze(front, "zh")
    assert cut.startswith("钠离子电池在储能领域的应用越来越广泛") and "{{c1::160Wh/kg}}" in cut
    assert guards.size(guards.CLOZE_MARK.sub(lambda m: m.group(2), cut)) <= guards.MAX_FRONT["zh"]


def test_a_lead_in_after_the_deletions_is_cut_and_a_condition_is_never_dropped():
    front = "电池的寿命取决于{{c1::循环次数}}和{{c2::温度}}，简单来说，可以这样理解："
    assert guards.without_lead_in(front) == "电池的寿命取决于{{c1::循环次数}}和{{c2::温度}}。"
    conditional = ("不要在冬季给电池快充，除非电池管理系统已经把电芯加热到合适的温度，否则会损伤{{c1::负极}}，"
                   "这是多家车企在用户手册中反复强调过的注意事项。")
    assert "除非" in guards.trim_cloze(conditional, "zh")


def test_a_connective_opening_a_front_is_dropped():
    assert guards.without_connective("但是钠离子电池的成本更低。", "zh") == "钠离子电池的成本更低。"


LIST_DOC = """储能平台

## 平台能力

储能管理平台主要提供以下三大类能力：

- 电站监控：实时采集电站数据。
- 功率调度：按电网需求分配功率。
- 故障预警：提前发现设备隐患。

储能管理平台还支持以下能力：

- 远程升级
- 能耗报表
"""


def test_a_lead_and_its_list_lines_become_one_note_of_sibling_deletions():
    document = import_text(LIST_DOC, ".md")
    (card,) = listnote.candidates(context_of(document, "三大类能力"))
    assert card.front == "储能管理平台主要提供以下三大类能力：{{c1::电站监控}}、{{c2::功率调度}}、{{c3::故障预警}}"
    (second,) = listnote.candidates(context_of(document, "还支持"))
    assert second.answer == "远程升级、能耗报表"


def test_a_list_shorter_than_its_lead_announces_gives_no_note():
    document = import_text(LIST_DOC.replace("三大类", "四大类"), ".md")
    assert listnote.candidates(context_of(document, "四大类能力")) == []


def test_sibling_clozes_of_one_list_merge_but_a_later_list_stays_apart():
    document = import_text("报告\n\n1. 甲\n\n平台提供监控、调度、预警等能力，用以降低成本、提高效率。\n")
    ctx = contexts(document)[0]
    text = ctx.text
    found = [(ctx, Candidate(CLOZE, text.replace(word, f"{{{{c1::{word}}}}}", 1), "", word, "enumeration"))
             for word in ("监控", "调度", "预警", "降低成本", "提高效率")]
    merged = select.merge_siblings(found)
    fronts = [cand.front for _ctx, cand in merged]
    assert "平台提供{{c1::监控}}、{{c2::调度}}、{{c3::预警}}等能力，用以降低成本、提高效率。" in fronts
    assert len(merged) == 3  # the note, and the second list's two clozes


def test_the_items_of_a_list_merge_across_commas_and_markers():
    document = import_text("报告\n\n1. 甲\n\n掩码的作用有两个，一个是屏蔽填充，一个是屏蔽未来信息。\n")
    ctx = contexts(document)[0]
    found = [(ctx, Candidate(CLOZE, ctx.text.replace(word, f"{{{{c1::{word}}}}}", 1), "", word, "enumeration"))
             for word in ("屏蔽填充", "屏蔽未来信息")]
    ((_ctx, note),) = select.merge_siblings(found)
    assert note.front == "掩码的作用有两个，一个是{{c1::屏蔽填充}}，一个是{{c2::屏蔽未来信息}}。"


def test_a_cut_cloze_keeps_the_clause_its_list_belongs_to_but_not_a_reporting_frame():
    front = "这套系统的核心无非两点，一个是{{c1::分片策略}}，一个是{{c2::元信息存储}}，如何在扩容的过程中保持业务透明是系统设计的关键所在。"
    assert guards.trim_cloze(front, "zh").startswith("这套系统的核心无非两点，一个是{{c1::分片策略}}")
    reported = "专家预计,在今后很长一段时间里,固态电池至少还需要{{c1::五年}}才能大规模量产和降低成本。"
    assert guards.trim_cloze(reported, "zh").startswith("固态电池")


def test_the_budget_follows_the_length_and_every_section_gets_a_card():
    sentences = "".join(f"第{i}号储能电站的装机容量达到{i + 10}万千瓦，年发电量约{i + 3}亿千瓦时。" for i in range(40))
    text = f"储能电站\n\n1. 概况\n\n{sentences}\n\n2. 安全\n\n储能电站的主要安全风险是电池热失控。\n"
    document = import_text(text)
    cards = generate(document)
    assert len(cards) <= select.budget(contexts(document))
    assert {card.section for card in cards} == {"1 概况", "2 安全"}
    assert all(card.kind in (BASIC, CLOZE) for card in cards)
