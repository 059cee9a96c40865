"""Find the findings in one clause and read what the report says about each.

A finding is a word such as "protrusion" or "foraminal narrowing". Its words
run from the separator before it to the separator before the next finding;
zone, side, severity, what it does to a root and the roots it names are read
from those words only, so "left protrusion and right foraminal narrowing"
keeps its two sides apart.
"""

from __future__ import annotations

import re

from radiculog.imaging.levels import VertebraMention
from radiculog.imaging.mention import SEVERITY_ORDER, Mention, Taken, negated_at, severity
from radiculog.imaging.stenosis import stenoses
from radiculog.imaging.vocabulary import load_vocabulary

__all__ = ["SEVERITY_ORDER", "Mention", "negated_at", "severity"]

CONTACT_ORDER = ("none", "contact", "displaced", "compressed")
# A full stop not followed by a capital did not split the sentence ("... narrowing. superimposed
# right paracentral protrusion"), but still ends a finding's words.
_SEPARATOR = re.compile(
    r"[,;:]|\.(?=\s)|"
    r"\b(?:and|with|causing|resulting in|producing|leading to|plus|as well as|also)\b",
    re.IGNORECASE,
)


def mentions(clause: str) -> tuple[list[Mention], bool]:
    """Findings in a clause, in text order, and whether a stenosis of unnamed kind was seen."""
    vocab = load_vocabulary()
    taken = Taken(len(clause))
    out: list[Mention] = []
    for other_id, pattern in vocab.others:
        for m in pattern.finditer(clause):
            if taken.free(m.start(), m.end()):
                out.append(Mention(other_id, m.start(), m.end(), False, other=True))
                taken.add(m.start(), m.end())
    for ftype in vocab.findings:
        for m in ftype.pattern.finditer(clause):
            if taken.free(m.start(), m.end()):
                out.append(Mention(ftype.id, m.start(), m.end(), ftype.compressive))
                taken.add(m.start(), m.end())
    found_stenoses, unqualified = stenoses(clause, taken)
    out.extend(found_stenoses)
    out.sort(key=lambda x: x.start)
    out = _drop_hedged_renaming(clause, out)
    _assign_words(clause, out)
    for i, x in enumerate(out):
        nxt = out[i + 1].start if i + 1 < len(out) else len(clause)
        x.negated = x.negated or negated_at(clause, x.start) or _post_negated(clause[x.end : nxt])
    return out, unqualified


_SIDE_BEFORE_AND = re.compile(r"\b(?:left|right)\s+and\s*$", re.IGNORECASE)
# "a left subarticular extrusion, likely a sequestration": one disc named twice, the second time as
# a guess; the first name stands
_HEDGED_RENAMING = re.compile(
    r"^\s*,?\s*(?:likely|probably|possibly|perhaps|presumably|most likely)\s+(?:an?\s+)?$", re.I
)
_DISC_TYPES = ("sequestration", "extrusion", "protrusion", "herniation")


def _drop_hedged_renaming(clause: str, found: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for x in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.finding in _DISC_TYPES
            and x.finding in _DISC_TYPES
            and _HEDGED_RENAMING.match(clause[prev.end : x.start])
        ):
            continue
        out.append(x)
    return out


def _assign_words(clause: str, found: list[Mention]) -> None:
    # the first finding's words start after the last comma or colon before it:
    # "Mild multilevel changes, worst at L4-5, where there is a disc bulge" -> not a mild bulge
    lead = list(re.finditer(r"[,;:]", clause[: found[0].start])) if found else []
    cut = lead[-1].end() if lead else 0
    for i, x in enumerate(found):
        nxt = found[i + 1].start if i + 1 < len(found) else len(clause)
        between = clause[x.end : nxt]
        seps = list(_SEPARATOR.finditer(between)) if i + 1 < len(found) else []
        end = x.end + seps[-1].start() if seps else nxt
        split = _SIDE_BEFORE_AND.search(clause[:cut])
        if split and i > 0:  # "mild to moderate left and mild right foraminal stenosis"
            cut = split.start()
        x.word_start = cut
        x.words = clause[cut:end]
        cut = x.end + seps[-1].end() if seps else nxt


# "..., as suspected clinically, could be ruled out": an aside between commas does not stop it
_ASIDE = re.compile(r",[^,;:]{1,60},")
# "could not be excluded", "cannot be ruled out": a doubt, so the finding stays (issue 21)
_NOT_BEFORE = re.compile(
    r"\b(?:not|cannot|can't|couldn't|could not|can not)\s+(?:be\s+)?"
    r"(?:(?:entirely|completely|fully|definitely|safely|reliably)\s+)?$",
    re.IGNORECASE,
)


_CANAL = re.compile(r"\bcentral (?:spinal )?canal\b", re.IGNORECASE)


def _post_negated(after: str) -> bool:
    """'Severe foraminal narrowing could be ruled out' (issue 21): a cue after the finding."""
    m = load_vocabulary().negation_post.search(after)
    if m is None or _NOT_BEFORE.search(after[: m.start()]):
        return False
    return not _SEPARATOR.search(_ASIDE.sub(" ", after[: m.start()]))


def zone(text: str) -> tuple[str | None, list[str]]:
    """The first zone the words name (diffuse only if no other), and every zone named."""
    spans: list[tuple[int, int, str]] = []
    # "a bulge not compromising the central canal": the canal named, not where the disc is
    text = _CANAL.sub(lambda m: " " * len(m.group()), text)
    for name, pattern in load_vocabulary().zones:
        spans.extend((m.start(), m.end(), name) for m in pattern.finditer(text))
    kept = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    kept.sort()
    names = list(dict.fromkeys(n for _, _, n in kept))
    specific = [n for n in names if n != "diffuse"]
    return (specific[0] if specific else (names[0] if names else None)), names


def side(text: str) -> str | None:
    vocab = load_vocabulary()
    text = vocab.figure_panels.sub(" ", text)  # "(right lower)" names a picture, not a side
    text = vocab.symptom_sides.sub(" ", text)  # "with right sciatica" is the person's leg
    found = {name for name, pattern in vocab.sides if pattern.search(text)}
    if "bilateral" in found or {"left", "right"} <= found:
        return "bilateral"
    return next(iter(found)) if found else None


def contact(text: str, has_named_root: bool) -> str | None:
    """What the words say the finding does to a root: a Pfirrmann grade, "none", or None."""
    vocab = load_vocabulary()
    grades: list[str] = []
    root_named = has_named_root or bool(vocab.root_words.search(text))
    for grade, pattern in vocab.contact:
        for m in pattern.finditer(text):
            after = text[m.end() : m.end() + 40]
            obj = vocab.not_root_objects.search(after)
            root = vocab.root_words.search(after)
            if obj and (not root or obj.start() < root.start()):
                continue  # "compresses the thecal sac": not a root
            if negated_at(text, m.start()):
                # "no compression of the thecal sac" says nothing about the roots
                if root_named or not vocab.not_root_objects.search(text):
                    grades.append("none")
            elif root_named:
                grades.append(grade)
    if has_named_root and vocab.contact_none.search(text):
        grades.append("none")  # "the exiting L5 root is free"
    positive = [g for g in grades if g != "none"]
    if positive:
        return max(positive, key=CONTACT_ORDER.index)
    return "none" if grades else None


def named_roots(vertebrae: list[VertebraMention], start: int, end: int) -> list[str]:
    """Roots named between `start` and `end` (sentence offsets), in text order."""
    return list(
        dict.fromkeys(v.vertebra for v in vertebrae if v.is_root and start <= v.start < end)
    )


def cauda_equina_phrases(sentence: str) -> list[tuple[int, bool]]:
    """(offset, negated) for each cauda equina compression phrase in a sentence."""
    vocab = load_vocabulary()
    return [
        (m.start(), negated_at(sentence, m.start())) for m in vocab.cauda_equina.finditer(sentence)
    ]


def states_cauda_syndrome(sentence: str) -> bool:
    """'... and a diagnosis of cauda equina syndrome was made': a stated diagnosis, not a question,
    a risk or a denial."""
    vocab = load_vocabulary()
    if vocab.cauda_hypothetical.search(sentence):
        return False
    return any(not negated_at(sentence, m.start()) for m in vocab.cauda_syndrome.finditer(sentence))


def denies_cauda_syndrome(sentence: str) -> bool:
    """'No features to suggest cauda equina syndrome.': read, and no warning."""
    vocab = load_vocabulary()
    found = list(vocab.cauda_syndrome.finditer(sentence))
    return bool(found) and all(negated_at(sentence, m.start()) for m in found)


def large_disc_compresses_sac(sentence: str) -> bool:
    """'a massive herniation of the L4-L5 disk with dural sac compression': the warning too."""
    vocab = load_vocabulary()
    sac = [m for m in vocab.cauda_sac_compression.finditer(sentence)]
    if not any(not negated_at(sentence, m.start()) for m in sac):
        return False
    found, _ = mentions(sentence)
    return any(
        m.compressive and not m.negated and m.finding != "bulge"
        and vocab.cauda_large_disc.search(m.words)
        for m in found
    )  # fmt: skip


def is_normal(clause: str) -> bool:
    return bool(load_vocabulary().normal.search(clause))


def names_unread_term(sentence: str) -> bool:
    """True when the sentence states something the reader does not interpret (surgery, a mass)."""
    pattern = load_vocabulary().unread_terms
    return any(not negated_at(sentence, m.start()) for m in pattern.finditer(sentence))


def is_background(sentence: str) -> bool:
    return bool(load_vocabulary().background.search(sentence))
