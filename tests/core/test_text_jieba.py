"""jieba as TalkCards loads it: the same dictionary and tags as jieba's own loading, in a fraction of the time."""
from __future__ import annotations

import json
import marshal
import subprocess
import sys

from desktop.core.text import _jieba, tagged_words, words

SENTENCE = "大语言模型的预训练通常使用10T到50T个token，规模定律仍然成立。"


def test_the_dictionary_read_whole_is_the_dictionary_jieba_reads_itself():
    jieba = _jieba()
    ours = jieba.dt
    theirs = jieba.Tokenizer()
    jieba.marshal = marshal  # jieba's own reading of the same cache file
    try:
        theirs.initialize()
    finally:
        jieba.marshal = sys.modules["desktop.core.text"]._WholeFileMarshal
    assert theirs.total == ours.total > 0 and theirs.FREQ == ours.FREQ
    assert [word for word in theirs.lcut(SENTENCE) if word.strip()] == list(words(SENTENCE))


def test_a_fresh_process_tags_without_loading_pkg_resources():
    script = ("import json, sys; from desktop.core.text import tagged_words; "
              f"print(json.dumps([tagged_words({SENTENCE!r}), 'pkg_resources' in sys.modules]))")
    tags, loaded = json.loads(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                             check=True).stdout)
    assert [tuple(pair) for pair in tags] == list(tagged_words(SENTENCE)) and len(tags) > 5  # the same tags
    assert not loaded
