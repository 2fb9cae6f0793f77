"""Who a "他"/"she" is: the people a document names, found from sentence shape, nearest first.

The resolver needs the person a pronoun stands for ("他建议…" → "李沐建议…") and asks here. A name counts only where it acts (a verb or a reporting verb follows
it), so that terms jieba tags as names (白领) and capitalised terms ("Machine Learning helps…") are
not mistaken for people; a phrase that is one of the document's own headings is its topic, never
a person.
"""
from __future__ import annotations

import re

from desktop.core.document import normalise
from desktop.core.generate.base import Context
from desktop.core.generate.clauses import EN_REPORTING, token_spans
from desktop.core.generate.english import PREDICATE_WORDS, STOP
from desktop.core.generate.index import cached, texts_before
from desktop.core.text import has_cjk

NOUN_TAGS = {"n", "nz", "ns", "nt", "nr", "nrt", "nw", "vn", "eng", "j", "an", "ng"}
_PERSON_NEXT = {"v", "vn", "p", "d", "vd", "ad"}
_EN_TITLES = r"(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Dame)\.?"
_EN_NAME = re.compile(rf"(?:{_EN_TITLES}\s+)?\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+){{1,2}})\b")
# capitalised words that open a sentence without being part of a name
_EN_FUNCTION_START = {"The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "This", "These", "That",
                      "Those", "It", "He", "She", "They", "We", "I", "But", "And", "Yet", "However", "When",
                      "While", "After", "Before", "Since", "During", "Its", "Their", "His", "Her", "Our", "Some",
                      "Many", "Most", "Each", "Every", "Unlike", "Like", "Although", "Though", "If", "As",
                      "According", "Today", "Now", "Then", "Why", "What", "How", "Where", "Who"}
_EN_ROLE_WORD = re.compile(r"(?:ologist|ist|ician|ographer|onomist)$")
_EN_ROLES = {"Mayor", "Governor", "Senator", "President", "Professor", "Director", "Minister", "Chancellor", "Judge",
             "General", "Captain", "Chief", "Coach", "Officer", "Inspector", "Engineer", "Researcher", "Author",
             "Editor", "Manager", "Historian", "Reporter", "Founder", "Chairman", "Chairwoman", "Spokesman",
             "Spokeswoman", "Spokesperson", "Ambassador", "Commissioner", "Sheriff", "Chef", "Architect"}
LOOK_BACK = 40  # sentences and headings; a pronoun further from its name is not resolved


def person_before(ctx: Context, upto: str = "") -> str:
    """The person most recently named before a pronoun: in `upto`, then earlier text, nearest first.

    Args:
        ctx: the sentence's context.
        upto: the part of the current sentence before the pronoun.
    Returns:
        A name, or "" when none was named.
    """
    for text in [upto, *preceding_texts(ctx)]:
        names = [name for name in _people(ctx, text) if not _heading(ctx, name)]
        if names:
            return names[-1]
    return ""


def preceding_texts(ctx: Context, limit: int = LOOK_BACK) -> list[str]:
    """Sentences and headings before the context sentence, nearest first, then the document title.

    Args:
        ctx: the sentence's context.
        limit: how many to return at most.
    Returns:
        The sentence's own section first (from the sentence before back to the heading), then earlier
        sections back to the document title.
    """
    return [*texts_before(ctx, limit), ctx.document.title][:limit]


def _people(ctx: Context, text: str) -> list[str]:
    return cached(ctx, ("people", text), lambda: zh_people(text) if has_cjk(text) else english_people(text))


def _heading(ctx: Context, name: str) -> bool:
    """Whether `name` is one of the document's headings (its topic, not a person)."""
    titles = cached(ctx, "people.headings", lambda: {normalise(s.title) for s in ctx.document.walk()}
                    | {normalise(ctx.document.title)})
    return normalise(name) in titles


def zh_people(text: str) -> list[str]:
    """Person names in Chinese text, in order.

    jieba tags many non-names "nr" (白领, 水冷); a name is kept only when it acts as a subject: it is
    followed by a verb, adverb or preposition and preceded by nothing, punctuation or a noun (a title).
    """
    spans = token_spans(text)
    names = []
    for i, (word, tag, _s, _e) in enumerate(spans):
        if tag not in ("nr", "nrfg", "nrt") or not 2 <= len(word) <= 4:
            continue
        nxt = spans[i + 1][1] if i + 1 < len(spans) else ""
        prev = spans[i - 1][1] if i else "x"
        if nxt in _PERSON_NEXT and (prev in ("x", "c", "p") or prev in NOUN_TAGS):
            names.append(word)
    return names


def english_people(text: str) -> list[str]:
    """Person names in English text: capitalised two- or three-word names that act as speakers or
    carry a title (Dr, Prof), in order; other capitalised runs count only when nothing better is found."""
    strong, weak = [], []
    for match in _EN_NAME.finditer(text):
        name = match.group(1)
        if name.split()[0] in _EN_FUNCTION_START:
            continue
        words = name.split()
        if len(words) == 3 and (_EN_ROLE_WORD.search(words[0]) or words[0] in _EN_ROLES):
            name = " ".join(words[1:])  # "Glaciologist Maria Costa": a role before the name
        if re.search(r"\b(?:of|at|from|for)\s+(?:the\s+)?$", text[:match.start()]):
            continue  # "Hannah Liu of Avery State University": an organisation after "of", not a person
        rest = re.sub(r"^\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,4}", "",
                      text[match.end():])  # "Hannah Liu of Avery State University warned"
        after = rest[:20].lstrip(" ,").lower()
        titled = match.group(0) != name
        if titled or any(after.startswith(v) for v in EN_REPORTING):
            strong.append(name)
            continue
        verb = re.match(r"[a-z]+", after)
        if verb and verb.group(0) not in STOP - PREDICATE_WORDS:
            weak.append(name)  # "Leland Stanford drove …" acts; "the Harbor Cell's energy" does not
    return strong or weak
