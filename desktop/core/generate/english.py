"""Rough English grammar without a tagger: word classes, subjects, plurals, verb forms, capitals.

jieba tags Chinese words; for English there is no tagger offline, so the families guess a word's
role from closed word classes (articles, auxiliaries, prepositions) and spelling ("-ed", "-s"). The
guesses live here, once, so that a subject, a plural or a verb's base form is read the same way by
every family.
"""
from __future__ import annotations

import re

from desktop.core.generate.clauses import strip_connectives

ARTICLES = {"the", "a", "an"}
# words that open a noun phrase without being part of what a card should delete
DETERMINERS = ARTICLES | {"this", "that", "these", "those", "its", "their", "his", "her", "our", "your", "my"}
AUXILIARIES = {"is", "are", "was", "were", "can", "could", "will", "would", "should", "must", "may", "might", "has",
               "have", "had", "do", "does", "did"}
# auxiliaries, common verbs and adverbs that end a subject noun phrase ("The cell kept…", "Costs remain…")
PREDICATE_WORDS = AUXILIARIES | {
    "be", "been", "shall", "remains", "remain", "became", "becomes", "uses", "used", "makes", "made", "takes",
    "took", "gives", "gave", "holds", "held", "needs", "needed", "allows", "allowed", "lets", "helps", "costs",
    "cost", "runs", "ran", "came", "comes", "went", "goes", "began", "begins", "won", "wins", "grew", "grows",
    "rose", "fell", "led", "leads", "sold", "built", "found", "brought", "kept", "keeps", "lost", "still", "also",
    "now", "never", "only", "often", "already", "then", "not"}
# function words: never a modifier inside a noun phrase
STOP = PREDICATE_WORDS | {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "with", "by", "from", "and", "or", "but", "as", "that",
    "which", "who", "this", "these", "those", "its", "their", "his", "her", "it", "they", "he", "she", "into",
    "than", "about", "over", "under", "between", "after", "before", "during", "since", "while", "because", "so",
    "not", "no", "more", "most", "less", "very", "such"}
_SUBJECT_OPENERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "that", "those", "new",
                    "old", "first", "last", "many", "most", "some", "all", "each", "every", "such"}
_PRONOUN_SUBJECTS = {"It", "They", "This", "These", "He", "She", "We", "I", "There", "That", "Its", "Their", "His",
                     "Her", "Our", "Those", "You"}
# an opening adverbial ("In 2019, …", "According to X, …") is not the subject
_LEAD_PHRASE = re.compile(r"^(?:(?:In|On|At|By|For|During|After|Before|Since|From|Over|Under|With|Without|"
                          r"Unlike|Like|Today|According to|Despite|Thanks to|As of)\b[^,]{0,60},\s*)")

# common verbs (in any form) that never make a good deletion on their own
VERB_BASES = frozenset("""make take give get put keep let help show turn become seem use need want know think
find tell ask work call try feel leave begin start stop run move live bring happen write provide sit stand
lose pay meet include continue set learn change lead understand watch follow create speak read allow add
spend grow open walk win offer remember love consider appear buy wait serve die send expect build stay fall
cut reach kill remain suggest raise pass sell require report decide pull explain develop carry break receive
agree support hit produce eat cover catch draw choose cause point listen realise realize place close involve
increase reduce protect predict replay strengthen shape offer occur consist last move fail summarise summarize
end matter explain improve depend prevent review exercise sleep study remember forget store reach rise refer
come go see look play hold travel flow
occur mean seem tend affect enable boost lower drop fall rise double halve""".split())
_IRREGULAR_PAST = set("""gave given took taken made went gone came got gotten found told thought brought began
begun kept held left felt became showed shown grew grown ran led wrote written spoke spoken won lost met paid
sent sold built fell fallen rose risen saw seen knew known said stood understood meant put set cut let hit
spent taught caught bought sought fought drew drawn chose chosen broke broken ate eaten fed bred laid hung
struck stuck swept wore worn woke bent bound dug fled hid hidden lent lit rode ridden sank sunk shook shaken
shot slept slid spun stole stolen swore swung threw thrown tore torn wove woven""".split())
_IRREGULAR_BASE = {"does": "do", "has": "have", "goes": "go", "is": "be"}


def _verb_forms() -> frozenset[str]:
    """Every regular form of the common verbs: "-s", "-ed" and "-ing", spelled by the usual rules."""
    forms = set()
    for base in VERB_BASES:
        if re.search(r"[^aeiou]y$", base):
            forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
        elif base.endswith("e"):
            forms |= {base + "s", base + "d", base[:-1] + "ing"}
        else:
            third = base + ("es" if re.search(r"(?:s|sh|ch|x|z|o)$", base) else "s")
            doubled = base + base[-1] if re.search(r"[^aeiou][aeiou][^aeiouwxy]$", base) else base
            forms |= {third, base + "ed", doubled + "ed", base + "ing", doubled + "ing"}
        forms.add(base)
    return frozenset(forms)


VERB_FORMS = _verb_forms() | _IRREGULAR_PAST


def verbish(word: str, plural_noun_ok: bool = False) -> bool:
    """A rough guess that an English word is a verb."""
    low = word.lower()
    if low in PREDICATE_WORDS:
        return True
    if low.endswith("ed") and len(low) > 4:
        return True
    return low.endswith("s") and not low.endswith("ss") and not plural_noun_ok and len(low) > 3


def is_plural(phrase: str) -> bool:
    """Whether a noun phrase's last word looks plural ("cells" yes; "glass", "status", "Okafor's" no)."""
    words = phrase.split()
    head = words[-1].lower() if words else ""
    return head.endswith("s") and not head.endswith(("ss", "us", "is", "'s"))


def name_like(phrase: str) -> bool:
    """A name or acronym ("REM sleep", "Maria Alvarez", "Harbor Lab") whose capitals must stay."""
    words = phrase.split()
    if not words:
        return False
    if re.match(r"^[A-Z]{2,}|^[A-Z][a-z]+[A-Z]", words[0]):
        return True
    return len(words) > 1 and all(w[:1].isupper() for w in words)


def lower_first(phrase: str) -> str:
    """A phrase moved inside a question: "The line" → "the line", "Cramming" → "cramming"; names, acronyms
    and brands ("Maria Okafor's team", "GPT models") keep their capitals."""
    words = phrase.split()
    if not words:
        return phrase
    if words[0].lower() not in DETERMINERS:
        if name_like(phrase) or len(words) > 1 and words[1][:1].isupper():
            return phrase
    return phrase[0].lower() + phrase[1:]


def english_subject(sentence: str) -> str:
    """The subject noun phrase of an English sentence ("The new cell stores …" → "the new cell").

    Args:
        sentence: one English sentence or clause.
    Returns:
        The phrase before the main verb (at most six words), lower-cased unless it is a name; "".
    """
    body = _LEAD_PHRASE.sub("", strip_connectives(sentence, "en"))
    if re.search(r"\s[—–]\s|\s-\s", body.split(",")[0]):
        return ""  # "Cinder cones — small hills…": a glossary line has no subject and verb
    appositive = re.match(r"^([A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,3}),\s+(?:an?|the)\s+[^,]{3,60},\s+[a-z]", body)
    if appositive:
        return appositive.group(1)  # "Mauna Loa, the largest active volcano, rises…"
    text = body.split(",")[0]
    words = text.split()
    subject: list[str] = []
    for i, word in enumerate(words):
        clean = word.strip(".;:!?\"'()")
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        prev = words[i - 1].lower() if i else ""
        after_noun = prev not in _SUBJECT_OPENERS and not prev.endswith("s") and i >= 2
        if i and (clean.lower() in PREDICATE_WORDS or (clean.lower().endswith(("ed", "ly")) and len(clean) > 4)
                  or (verbish(clean) and (nxt in STOP or nxt[:1].isdigit() or nxt[:1] in "$€£"
                                          or after_noun))):
            break
        subject.append(clean)
    if not subject or len(subject) == len(words) or len(subject) > 6 or subject[0] in _PRONOUN_SUBJECTS:
        return ""
    if subject[-1].lower() in STOP - PREDICATE_WORDS:
        return ""  # "Critics point to …": a noun phrase never ends in a function word; the verb was missed
    if subject[0] in ("The", "A", "An"):
        subject[0] = subject[0].lower()
    return " ".join(subject)


def np_ending_with(text: str, head: str) -> str:
    """The last noun phrase of `text` whose head is `head` (singular or plural), with up to three modifiers."""
    stem = head.lower().rstrip("s")
    words = re.findall(r"[\w'-]+", text)
    for j in range(len(words) - 1, -1, -1):
        if words[j].lower().rstrip("s") != stem:
            continue
        k = j
        while k > 0 and j - k < 3 and words[k - 1].lower() not in STOP and not verbish(words[k - 1]) \
                and not words[k - 1][0].isdigit():
            k -= 1
        return " ".join(words[k:j + 1])
    return ""

_PAST_BASE = {"built": "build", "cost": "cost", "made": "make", "took": "take", "gave": "give", "sold": "sell",
              "bought": "buy", "won": "win", "paid": "pay", "spent": "spend", "began": "begin", "found": "find",
              "grew": "grow", "rose": "rise", "fell": "fall", "led": "lead", "wrote": "write", "ran": "run",
              "lost": "lose", "held": "hold", "brought": "bring", "kept": "keep", "sent": "send", "left": "leave",
              "met": "meet", "chose": "choose", "drew": "draw", "saw": "see", "became": "become", "came": "come",
              "went": "go", "got": "get", "told": "tell", "taught": "teach", "caught": "catch", "set": "set",
              "put": "put", "hit": "hit", "cut": "cut", "raised": "raise", "earned": "earn", "bred": "breed",
              "shut": "shut", "struck": "strike", "threw": "throw", "broke": "break", "knew": "know", "sank": "sink"}


