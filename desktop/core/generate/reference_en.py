"""English references resolved from context: "She" → the person named before, "It" → the subject of a
sentence before, "These cells" → "The solid-state cells".

English has no tagger here, so a substitution is made only where the sentences before name the
referent in the same form (a person acting, a subject agreeing in number, a phrase ending in the
same noun). Section titles are never a source: "Open problems" above "These problems matter less…"
names a topic, not what "these problems" are. When unsure, the reference stays and the card gets
the section title in front instead.
"""
from __future__ import annotations

import re

from desktop.core.generate.base import Context
from desktop.core.generate.clauses import strip_connectives
from desktop.core.generate.english import STOP, english_subject, is_plural, np_ending_with, verbish
from desktop.core.generate.index import previous
from desktop.core.generate.people import person_before

# Lower-case "that"/"those"/"such" are too often a conjunction or a quantifier ("argues that …") to rewrite.
_DET_NP = re.compile(r"\b(This|These|That|Those|this|these)\s+([a-z][\w-]*)(?:\s+([a-z][\w-]*))?")
_PRONOUN_START = re.compile(r"^(It|They|This|These|That|Its|Their)\b(?=\s+(\w+))")
_EXPLETIVE = re.compile(r"^It\s+(?:is|was|seems|seemed|becomes|became|remains|has been)\b[^,.;]*?\b(?:to|that|whether|how)\b")
# nouns for the document itself: "This article …" is about the text, not a referent
_SELF = {"article", "post", "essay", "chapter", "section", "paper", "talk", "book", "piece", "page", "story"}
_PREPOSITION = re.compile(r"\s(?:of|in|on|at|across|for|from|with|by|to|over|under|between|among)\s", re.I)


def resolve_en(text: str, ctx: Context) -> str:
    """`text` with "he/she/his", an opening "It/They" and "This/These + noun" replaced where the
    sentences before name the referent."""
    text = _resolve_people(text, ctx)
    text = _resolve_pronoun(text, ctx)
    return _resolve_determiners(text, ctx)


def _resolve_people(text: str, ctx: Context) -> str:
    def person(match: re.Match) -> str:
        name = person_before(ctx, text[:match.start()])
        if not name:
            return match.group(0)
        return f"{name}'s" if match.group(0).lower() in ("his", "her") else name

    # "Her" opening a sentence is a possessive; inside one it may be an object, so it stays
    return re.sub(r"\b(?:He|She)\b|(?<=[,;] )(?:he|she)\b|\bhis\b|^Her\b", person, text)


def _resolve_pronoun(text: str, ctx: Context) -> str:
    """"It kept 80% …" → "The cell kept 80% …": a sentence-opening pronoun takes the subject of a
    sentence before that agrees with it in number."""
    body = strip_connectives(text, "en")
    match = _PRONOUN_START.match(body)
    if not match:
        return text
    pronoun, nxt = match.group(1), match.group(2)
    if _EXPLETIVE.match(body):
        return text  # "It is common to…": an "it" that stands for nothing
    if pronoun in ("This", "These") and verbish(nxt, plural_noun_ok=pronoun == "These"):
        return text  # "This is not to say…": a bare demonstrative points at a statement, not a noun
    possessive = pronoun in ("Its", "Their")
    if not possessive and not verbish(nxt, plural_noun_ok=pronoun in ("These", "They")):
        return text  # "This design …" is a determiner, handled with its noun
    plural = pronoun in ("They", "These", "Their")
    referent = next((subject for subject in (english_subject(s.text) for s in previous(ctx, 3))
                     if subject and is_plural(subject) == plural), "")
    if not referent:
        return text
    referent = referent[0].upper() + referent[1:]
    if possessive:
        referent += "'" if referent.endswith("s") else "'s"
    return text[: len(text) - len(body)] + referent + body[match.end(1):]


def _resolve_determiners(text: str, ctx: Context) -> str:
    """"These cells last …" → "The solid-state cells last …" when an earlier phrase ends in the noun."""
    def replace(match: re.Match) -> str:
        det, first, second = match.group(1), match.group(2), match.group(3)
        if first.lower() in STOP or (det.lower() in ("this", "that") and verbish(first)) or first.lower() in _SELF:
            return match.group(0)
        heads = [[first, second]] if second and second.lower() not in STOP and not verbish(second) else []
        sources = [text[:match.start()], *(s.text for s in previous(ctx, 3))]
        for words in [*heads, [first]]:
            phrase = next((p for p in (np_ending_with(source, words[-1]) for source in sources) if _modified(p)), "")
            if phrase:
                return _with_modifiers(match, det, words, phrase)
        opening = match.start() == len(text) - len(text.lstrip())
        owner = _previous_owner(ctx) if det.lower() in ("this", "that") and opening else ""
        if owner:
            # "… uses sodium. This design cuts costs" → "The Harbor cell's design cuts costs"
            tail = match.group(0)[len(det) + 1 + len(first):]
            return f"{owner[0].upper() + owner[1:]}'s {first}{tail}"
        return match.group(0)

    return _DET_NP.sub(replace, text)


def _modified(phrase: str) -> bool:
    """A phrase that says more than its head noun ("solid-state cells", not "cells cells")."""
    words = phrase.split()
    return len(words) > 1 and words[-1].lower() != words[0].lower()


def _with_modifiers(match: re.Match, det: str, words: list[str], phrase: str) -> str:
    """"These cells" + "solid-state cells" → "The solid-state cells", keeping what followed the noun."""
    article = "The" if det[0].isupper() else "the"
    modifiers = phrase.split()[:-1]
    if len(words) > 1 and modifiers[-1].lower() == words[0].lower():
        modifiers = modifiers[:-1]
    tail = match.group(0)[len(det) + 1 + len(" ".join(words)):]
    return f"{article} {' '.join(modifiers)} {' '.join(words)}{tail}".replace("  ", " ")


def _previous_owner(ctx: Context) -> str:
    """The subject of the sentence before, to own a noun that "This" introduces: only a short singular
    noun phrase with no preposition ("the Harbor cell", not "City governments across Europe")."""
    if ctx.previous is None:
        return ""
    owner = english_subject(ctx.previous.text)
    simple = owner and "'" not in owner and len(owner.split()) <= 4 and not _PREPOSITION.search(f" {owner} ")
    return owner if simple and not is_plural(owner) else ""
