"""Our recognizers, in Presidio's shape: small classes configured from YAML under config/recognizers.

Entries with `type: callredact` name one of these classes in `class_name`; the rest of the
entry is its configuration. Presidio's own `type: predefined` and `type: custom` entries go to
Presidio's loader unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterable

import numpy as np

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from .categories import PAYMENT_CARD_CATEGORIES, entity_name
from .detect import ASKED_OVER_A_PERIOD, OVER_A_PERIOD, PLACEHOLDER
from .spoken import CARD_EXPIRY_YEARS, DIGIT_SOUNDALIKES, DIGIT_WORDS, DIGITISH, HEARD_NUMBER_WORDS, MONTH_NAMES, RUN_ONLY

_WORD = re.compile(r"[A-Za-z0-9']+")
CARD_ENTITIES = frozenset(entity_name(c) for c in PAYMENT_CARD_CATEGORIES)  # a card's items, as Presidio names them


class WholeWordContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's context enhancer, matching a context word to a whole word (lemma) near the
    finding. Presidio's default matches substrings, and calls are full of words that hold a
    short context word: "age" in "package" and "message", "end" in "send" and "weekend",
    "date" in "update". A category placeholder of the verification pass counts by its words:
    "[RACIAL_ETHNIC_ORIGIN]" is context "ethnic" for "Nepali" said again after it."""

    @staticmethod
    def _find_supportive_word_in_context(context_list, recognizer_context_list, matching_mode="whole_word") -> str:
        # Presidio's own whole-word matching, over the words and each placeholder's parts.
        near = [part for word in context_list or [] for part in (word, *word.split("_"))]
        return LemmaContextAwareEnhancer._find_supportive_word_in_context(near, recognizer_context_list, "whole_word")


def _term_regex(term: str, inflections: bool = True) -> str:
    """'diagnos*' -> a stem; spaces match any run of spaces, hyphens or apostrophes. With
    inflections, a term's last word also matches its plural and possessive ("gypsies",
    "Muslims", "the GP's")."""
    words = term.strip().split()
    parts = [re.escape(p) for p in words]
    last = words[-1]
    if inflections and not last.endswith("*") and last[-1].isalpha():
        if last[-1] == "y" and len(last) > 2 and last[-2] not in "aeiou":
            parts[-1] = re.escape(last[:-1]) + "(?:y|ies)"
        else:
            parts[-1] += "(?:e?s)?"
        parts[-1] += "(?:'s|s')?"
    body = r"[\s\-']+".join(parts).replace(r"\*", r"\w*")
    return rf"(?<![\w']){body}(?![\w'])"


# Sound-alike key: consonant classes in order, vowels and doubled sounds dropped ("bipolar
# disorder" and "bowler this order" both give PLRTSRTR). Coarser than Metaphone on purpose:
# ASR substitutes voiced for unvoiced (p/b, t/d, s/z) and drops h, w, y.
_DIGRAPHS = (
    ("tch", "c"), ("ch", "c"), ("sh", "s"), ("th", "t"), ("ph", "f"), ("ck", "k"), ("gh", ""), ("wh", "w"),
    ("qu", "kw"), ("x", "ks"),
)  # fmt: skip
_SOUND_CLASSES = str.maketrans({
    "b": "P", "p": "P", "f": "F", "v": "F", "t": "T", "d": "T", "s": "S", "z": "S", "c": "K", "k": "K",
    "g": "K", "q": "K", "j": "J", "m": "N", "n": "N", "l": "L", "r": "R", "w": None, "h": None, "y": None,
    "a": None, "e": None, "i": None, "o": None, "u": None,
})  # fmt: skip
_SOUND_ALPHABET = {c: i for i, c in enumerate("PFTSKJNLR")}


def _symbol_counts(strings: list[str], alphabet: dict[str, int]) -> np.ndarray:
    """How often each symbol of `alphabet` occurs in each string (others are ignored)."""
    counts = np.zeros((len(strings), max(1, len(alphabet))), np.int32)
    for row, string in enumerate(strings):
        for c in string:
            col = alphabet.get(c)
            if col is not None:
                counts[row, col] += 1
    return counts


def _may_match(term_counts, term_lengths, counts, lengths, threshold: float, max_length_gap: int) -> np.ndarray:
    """(terms, candidates): could the pair reach `threshold`? Difflib's quick_ratio (shared
    symbols) bounds the ratio from above: computed for every pair at once, it leaves few
    pairs for the exact ratio."""
    shared = np.minimum(term_counts[:, None, :], counts[None, :, :]).sum(-1)
    lengths = np.asarray(lengths)[None, :]
    return (2.0 * shared / (term_lengths + lengths) >= threshold) & (np.abs(term_lengths - lengths) <= max_length_gap)


_SENTENCE_END = re.compile(r"[.?!\n]")


# recognition_metadata key of a term list's fuzzy or phonetic match, not the term's own words.
MATCHED_BY_SOUND = "matched_by_sound"
# recognition_metadata key of a prompted answer: where in the text the sentence of the question
# that it answers stops, so that the detect stage can tell who asked.
PROMPTED_AT = "prompted_at"


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does text[start:end] overlap any of `spans`?"""
    return any(s < end and start < e for s, e in spans)


def _breaks(text: str, words: list[re.Match], within_clause: bool = False) -> list[bool]:
    """For each word: does a sentence or a turn end after it ("... to speed.\nFine" is no
    "speeding fine"), or with `within_clause` a clause too (a comma)? The last word's is True."""
    stop = _CLAUSE_STOP if within_clause else _SENTENCE_END
    return [bool(stop.search(text, a.end(), b.start())) for a, b in zip(words, words[1:])] + [True] * bool(words)


def _window_starts(breaks: list[bool], size: int) -> list[int]:
    """Indices where a run of `size` words starts with no break inside it (`breaks` from _breaks)."""
    return [i for i in range(len(breaks) - size + 1) if not any(breaks[i : i + size - 1])]


def _sound_windows(text: str, size: int, within_clause: bool = False) -> tuple[tuple[str, str, int, int], ...]:
    """(words, sound key, start, end) of every run of `size` words in one sentence, not opening
    on a function word; `within_clause`: not across a comma either."""
    words = list(_WORD.finditer(text))
    lowered = [w.group().lower() for w in words]
    return tuple(
        (" ".join(lowered[i : i + size]), sound_key(" ".join(lowered[i : i + size])), words[i].start(), words[i + size - 1].end())
        for i in _window_starts(_breaks(text, words, within_clause), size)
        if lowered[i] not in _LEADING_FUNCTION_WORDS
    )


_CLAUSE_STOP = re.compile(r"[.?!\n,;:]")  # a sentence's end (_SENTENCE_END) or a pause


# ASR does not turn the first syllable of a term into one of these: a window opening on one
# ("the membership" for "party membership") is another phrase.
_LEADING_FUNCTION_WORDS = {
    "a", "an", "the", "my", "our", "your", "his", "her", "their", "and", "of", "to", "in", "on", "for", "is",
    "it's", "i", "i'm", "we", "we're",
}  # fmt: skip
_CONJUNCTIONS = frozenset({"and", "or", "but"})
_TRAILING_FUNCTION_WORDS = _CONJUNCTIONS | {"so", "the", "a", "an"}


def _only_function_words(words: list[str]) -> bool:
    """Is a run of words nothing but function words ("it not", heard in an email address), which
    no condition, faith or union is named by, however near its letters come to one ("fit note")?"""
    return all(word in STOP_WORDS for word in words)


def _may_name_a_term(phrase: str) -> bool:
    """Could a phrase of several words stand for a term heard wrong: not ending on a conjunction
    or an article, nor made only of function words?"""
    return not _ends_on_function_word(phrase) and not _only_function_words(phrase.split())


def _ends_on_function_word(words: str) -> bool:
    """Does a run of words end on a conjunction or an article, as no term does ("elections
    and" is no "election agent", by spelling or by sound)?"""
    return words.rsplit(" ", 1)[-1] in _TRAILING_FUNCTION_WORDS


# Words before a place's name. Not "in" or "of": "I'm in Usdaw", "a member of Unison".
_PLACE_PREPOSITIONS = {"outside", "near", "from", "via", "through", "towards", "toward", "around", "past", "at", "to"}


def _names_a_place(words: list[re.Match], lowered: list[str], i: int) -> bool:
    """Is words[i] capitalised after a preposition of place ("outside Preston")?"""
    return i > 0 and lowered[i - 1] in _PLACE_PREPOSITIONS and words[i].group()[:1].isupper()


@lru_cache(maxsize=65536)  # the same windows are keyed by every term list
def sound_key(phrase: str) -> str:
    letters = re.sub(r"c(?=[eiy])", "s", re.sub(r"[^a-z]", "", phrase.lower()))  # soft c
    for pair, sound in _DIGRAPHS:
        letters = letters.replace(pair, sound)
    return re.sub(r"(.)\1+", r"\1", letters.translate(_SOUND_CLASSES))


def rest_sounds_alike(candidate: str, term: str, threshold: float = 0.75) -> bool:
    """A phrase sharing one whole word with a term must sound like it in the words left over:
    "renew my membership" shares only "membership" with "party membership", "need a replacement"
    only "replacement" with "knee replacement"; "famous ex couple" still sounds like "same sex
    couple" without "couple"."""
    shared = set(candidate.split()) & set(term.split())
    if len(shared) != 1:  # none, or several ("royal college of north in"): the ratio says enough
        return True
    rest_candidate = " ".join(w for w in candidate.split() if w not in shared)
    rest_term = " ".join(w for w in term.split() if w not in shared)
    if not rest_candidate or not rest_term:
        return not rest_candidate and not rest_term
    sounds = SequenceMatcher(None, sound_key(rest_candidate), sound_key(rest_term)).ratio()
    spelling = SequenceMatcher(None, rest_candidate.replace(" ", ""), rest_term.replace(" ", "")).ratio()
    return sounds >= threshold and spelling >= 0.6  # "r &d member" sounds a little like "party member"


_ENGLISH_WORDS: frozenset[str] | None = None


def english_words(nlp_engine) -> frozenset[str]:
    """Every word form the spaCy lemmatizer of Presidio's `nlp_engine` knows (about 90,000),
    read once per process."""
    global _ENGLISH_WORDS
    if _ENGLISH_WORDS is None:
        words: set[str] = set()
        try:
            nlp = nlp_engine.nlp["en"]
            lookups = nlp.get_pipe("lemmatizer").lookups
            for table in ("lemma_index", "lemma_exc"):
                for value in lookups.get_table(table).values():
                    items = value.keys() if isinstance(value, dict) else value
                    words.update(str(w).lower() for w in items)
        except Exception:  # no lemmatizer: fuzzy matching falls back to similarity alone
            pass
        _ENGLISH_WORDS = frozenset(words | _EVERYDAY_WORDS)
    return _ENGLISH_WORDS


# Words callers and agents say every day that the lemmatizer's tables (from before phones had
# apps) lack: unknown, they were taken for garbled terms ("passcode" for "Passover").
_EVERYDAY_WORDS = frozenset({
    "passcode", "login", "logon", "logout", "username", "app", "apps", "smartphone", "smartwatch", "barcode", "hashtag",
    "selfie", "chatbot", "timeslot", "sortcode", "helpline", "hotline", "signup", "webchat", "inbox", "ipad", "iphone",
})  # fmt: skip


def is_english(word: str, known: frozenset[str]) -> bool:
    """Is `word` a form of a word spaCy knows? Inflections and a few suffixes are taken off:
    "inquiries" is no near-miss of "injuries", nor "concessionary" of "concussion"."""
    # ... and a plural's possessive: "students'" is "students", no near-miss of "stents".
    word = word.lower().replace("'s", "").strip("'")
    stems = [word] + [word[: -len(s)] for s in _SUFFIXES if word.endswith(s)]
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    return any(s in known for s in stems) or any(s + "e" in known for s in stems[1:])


_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "ary", "ory", "ness", "ment")


@dataclass(frozen=True)
class _TermIndex:
    """Terms (or their sound keys) of one word count, with what the quick-ratio bound needs of
    them, built once."""

    terms: list[str]
    counts: np.ndarray  # (terms, alphabet) character counts
    lengths: np.ndarray  # (terms, 1)
    first_letters: np.ndarray  # (terms, 1)

    @classmethod
    def of(cls, terms: list[str], counts: np.ndarray) -> "_TermIndex":
        return cls(terms, counts, np.array([len(t) for t in terms])[:, None], np.array([t[0] for t in terms])[:, None])


def _flattened(items: list) -> list[str]:
    """A YAML list with shared lists inside it (`[*other_unions, '...']`), as one list."""
    return [s for item in items for s in (_flattened(item) if isinstance(item, list) else [item])]


class TermListRecognizer(PatternRecognizer):
    """Terms of one category (conditions, faiths, unions, ...), matched whole-word, plus fuzzy
    matching of longer terms for ASR errors ("lamotrogine"), minus exclusions ("European
    Union", "Church Street"). Cue patterns ("I was diagnosed with") count on their own."""

    def __init__(
        self,
        supported_entity: str,
        terms: list[str],
        name: str | None = None,
        cues: list[str] | None = None,
        exclusions: list[str | list[str]] | None = None,
        context: list[str] | None = None,
        score: float = 0.6,
        cue_score: float = 0.5,
        inflections: bool = True,
        fuzzy: bool = True,
        fuzzy_min_length: int = 6,
        fuzzy_ratio: float = 0.75,
        fuzzy_phrase_ratio: float = 0.85,
        phonetic: bool = True,
        phonetic_ratio: float = 0.85,
        phonetic_min_key: int = 6,
        supported_language: str = "en",
    ):
        patterns = [Pattern(f"term {i}", _term_regex(t, inflections), score) for i, t in enumerate(terms)]
        # Presidio counts the matched word itself as context: a term that is also a context
        # word ("union") would lift itself over min_score in "the Union package".
        lowered_terms = {t.lower() for t in terms}
        context = [c for c in (context or []) if c.lower() not in lowered_terms]
        patterns += [Pattern(f"cue {i}", c, cue_score) for i, c in enumerate(cues or [])]
        self.exclusions = [re.compile(e, re.IGNORECASE) for e in _flattened(exclusions or [])]
        self.fuzzy_terms = [t.lower() for t in terms if fuzzy and "*" not in t and len(t) >= fuzzy_min_length]
        self.fuzzy_by_length: dict[int, list[str]] = {}
        for term in self.fuzzy_terms:
            self.fuzzy_by_length.setdefault(term.count(" ") + 1, []).append(term)
        # SequenceMatcher indexes its second sequence: index each term once, not per candidate.
        self.fuzzy_matchers = {term: SequenceMatcher(None, "", term) for term in self.fuzzy_terms}
        self.fuzzy_alphabet = {c: i for i, c in enumerate(sorted({c for t in self.fuzzy_terms for c in t}))}
        self.fuzzy_term_index = {n: _TermIndex.of(terms, _symbol_counts(terms, self.fuzzy_alphabet)) for n, terms in self.fuzzy_by_length.items()}
        self.fuzzy_ratio = fuzzy_ratio
        self.fuzzy_phrase_ratio = fuzzy_phrase_ratio
        self.fuzzy_score = score * 0.85
        # Phrases only: a single word that merely sounds like a term is too often another word.
        self.phonetic_terms = {
            t: sound_key(t) for t in self.fuzzy_terms if phonetic and " " in t and len(sound_key(t)) >= phonetic_min_key
        }
        self.phonetic_ratio = phonetic_ratio
        keys = list(self.phonetic_terms.values())
        self.phonetic_index = _TermIndex.of(keys, _symbol_counts(keys, _SOUND_ALPHABET))
        self.phonetic_words = np.array([t.count(" ") + 1 for t in self.phonetic_terms])[:, None]
        # A term's own word count, or one more: ASR splits words more often than it joins them.
        self.phonetic_window_sizes = sorted({size for n in self.phonetic_words[:, 0] for size in (int(n), int(n) + 1)})
        super().__init__(
            supported_entity=supported_entity,
            name=name or f"{supported_entity.title()}TermList",
            patterns=patterns,
            context=context,
            supported_language=supported_language,
        )

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None, regex_flags=None):
        results = list(super().analyze(text, entities, nlp_artifacts, regex_flags) or [])
        known = english_words(nlp_artifacts.nlp_engine if nlp_artifacts else None)
        results += self._fuzzy(text, [(r.start, r.end) for r in results], known)
        excluded = self.exclusion_spans(text)
        return [r for r in results if not overlaps(excluded, r.start, r.end)]

    def exclusion_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the exclusions match in `text`: a finding overlapping one is dropped."""
        return [(m.start(), m.end()) for rx in self.exclusions for m in rx.finditer(text)]

    def excludes(self, text: str, start: int, end: int) -> bool:
        """Does an exclusion match `text` over text[start:end]?"""
        return overlaps(self.exclusion_spans(text), start, end)

    def _fuzzy(self, text: str, covered: list[tuple[int, int]], known: frozenset[str]) -> list[RecognizerResult]:
        """Near-misses of a term: a single word only when it is no English word itself (so
        'conditions' never stands in for 'convictions'), a phrase only when very close, and a
        word the recogniser split in two ("short lifting") only when very close too."""
        if not self.fuzzy_terms:
            return []
        words = list(_WORD.finditer(text))
        lowered = [w.group().lower() for w in words]
        results: list[RecognizerResult] = []
        # A term is said in one breath: "it, not" is no "fit note".
        breaks = _breaks(text, words, within_clause=True)
        for n, index in self.fuzzy_term_index.items():
            starts = _window_starts(breaks, n)
            candidates = [" ".join(lowered[i : i + n]) for i in starts]
            spans = [(words[i].start(), words[i + n - 1].end()) for i in starts]
            if n == 1:  # a single word must keep its first letter, and be no English word
                # ... nor a place named after a preposition ("stuck outside Preston" is no prison).
                kept = [k for k, i in enumerate(starts) if not _names_a_place(words, lowered, i)]
                self._near_misses(index, [candidates[k] for k in kept], [spans[k] for k in kept], self.fuzzy_ratio, True, known, covered, results)
                # ... nor a word and a function word ("station is" is no "statins").
                pairs = [
                    i for i in _window_starts(breaks, 2)
                    if not {lowered[i], lowered[i + 1]} & _LEADING_FUNCTION_WORDS and not _only_function_words(lowered[i : i + 2])
                ]  # fmt: skip
                split = ["".join(lowered[i : i + 2]) for i in pairs]
                split_spans = [(words[i].start(), words[i + 1].end()) for i in pairs]
                self._near_misses(index, split, split_spans, self.fuzzy_phrase_ratio, True, None, covered, results)
            else:  # a phrase may lose its first letter ("evil partner" for "civil partner")
                # ... but ends on no conjunction or article, and is not function words alone.
                kept = [k for k, candidate in enumerate(candidates) if _may_name_a_term(candidate)]
                self._near_misses(index, [candidates[k] for k in kept], [spans[k] for k in kept], self.fuzzy_phrase_ratio, False, None, covered, results)
        self._sounds_alike(text, covered, results)
        return results

    def _sounds_alike(self, text: str, covered, results) -> None:
        """Phrases heard as other words that sound the same ("bowler this order" for "bipolar
        disorder", "famous ex couple" for "same sex couple"): the sound keys must be close, the
        spellings not far apart, and the candidate may not open on a function word."""
        if not self.phonetic_terms:
            return
        # A term is said in one breath: a comma inside the run is a pause between two phrases
        # ("with twins, can" is no "vein scan"). A question may be garbled across one ("post, God").
        # Nor does one end on a conjunction or an article.
        flat = [
            window for size in self.phonetic_window_sizes for window in _sound_windows(text, size, within_clause=True)
            if _may_name_a_term(window[0])
        ]  # fmt: skip
        if not flat:
            return
        keys = [w[1] for w in flat]
        window_words = np.array([w[0].count(" ") + 1 for w in flat])[None, :]
        possible = _may_match(
            self.phonetic_index.counts, self.phonetic_index.lengths, _symbol_counts(keys, _SOUND_ALPHABET), [len(k) for k in keys],
            self.phonetic_ratio, 2,
        ) & ((window_words == self.phonetic_words) | (window_words == self.phonetic_words + 1))  # fmt: skip
        terms = list(self.phonetic_terms.items())
        for t, i in zip(*np.nonzero(possible)):
            (term, term_key), (candidate, key, start, end) = terms[t], flat[i]
            if any(s < end and start < e for s, e in covered):
                continue
            # A conjunction is a word of its own, said as such: "elections and I" is no
            # "election agent" (but "tag and curfew" may be heard as "tagging curfew").
            if _CONJUNCTIONS.intersection(candidate.split()) - set(term.split()):
                continue
            matcher = SequenceMatcher(None, key, term_key)
            if matcher.ratio() >= self.phonetic_ratio and rest_sounds_alike(candidate, term):
                spelling = SequenceMatcher(None, candidate.replace(" ", ""), term.replace(" ", ""))
                if spelling.ratio() >= 0.7:
                    results.append(self._result(start, end, self.fuzzy_score, f"sounds like a {self.name} term"))
                    covered.append((start, end))

    def _near_misses(self, index: "_TermIndex", candidates, spans, threshold, same_first_letter, known, covered, results) -> None:
        if not candidates:
            return
        counts = _symbol_counts(candidates, self.fuzzy_alphabet)
        possible = _may_match(index.counts, index.lengths, counts, [len(c) for c in candidates], threshold, 3)
        if same_first_letter:
            possible &= index.first_letters == np.array([c[0] for c in candidates])[None, :]
        for t, i in zip(*np.nonzero(possible)):  # term by term, as `covered` grows
            term, candidate = index.terms[t], candidates[i]
            start, end = spans[i]  # an exact match of the term itself is already covered
            if any(s < end and start < e for s, e in covered):
                continue
            if known is not None and is_english(candidate, known):
                continue
            matcher = self.fuzzy_matchers[term]
            matcher.set_seq1(candidate)
            # A short word with a letter changed is often another word ASR made up: "partle"
            # (parcel) for "parole". Short single words may lose or gain letters ("asma").
            substituted = known is not None and len(term) < 8 and len(candidate) == len(term)
            needed = max(threshold, 0.85) if substituted else threshold
            if matcher.ratio() >= needed and rest_sounds_alike(candidate, term):
                results.append(self._result(start, end, self.fuzzy_score, f"fuzzy match of a {self.name} term"))
                covered.append((start, end))

    def _result(self, start: int, end: int, score: float, why: str) -> RecognizerResult:
        """A near-miss of a term (the exact terms are PatternRecognizer's results)."""
        return RecognizerResult(
            self.supported_entities[0], start, end, score,
            analysis_explanation=self.build_explanation(score, why),  # type: ignore[attr-defined]
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                MATCHED_BY_SOUND: True,
            },
        )  # fmt: skip

    def build_explanation(self, score: float, why: str):
        from presidio_analyzer import AnalysisExplanation

        return AnalysisExplanation(recognizer=self.name, original_score=score, textual_explanation=why)


class ConfiguredRecognizer(EntityRecognizer):
    """Base of our recognizers that are no PatternRecognizer: all their configuration is in
    their YAML entry, so there is nothing to load, and a finding is named as Presidio names its
    own."""

    score: float = 0.5

    def load(self) -> None:
        pass

    def _result(self, entity: str, start: int, end: int, score: float | None = None, **metadata) -> RecognizerResult:
        return RecognizerResult(
            entity, start, end, self.score if score is None else score,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                **metadata,
            },
        )  # fmt: skip


class PromptedAnswerRecognizer(ConfiguredRecognizer):
    """The answer to an agent's question is the thing asked for, however it was transcribed.

    `prompts` maps an entity to regexes of the question ("card number", "date of birth").
    The answer is what follows the question's sentence, up to the next question or
    `max_answer_words`; leading fillers ("yes, it's") and a bare "no" are not part of it. An
    entity in `answer_patterns` is answered only by words its regex finds something in."""

    FILLERS = {
        "yes", "yeah", "yep", "yup", "sure", "ok", "okay", "right", "so", "um", "uh", "erm", "er",
        "it's", "its", "it", "is", "that's", "thats", "that", "my", "the", "certainly", "of", "course", "please",
    }  # fmt: skip
    # Said before a card's item and no part of it: its brand ("American Express. 3742 ..."),
    # "the number is", "the end of" before an expiry.
    _CARD_LEAD_IN = FILLERS | {
        "visa", "mastercard", "master", "amex", "american", "express", "maestro", "debit", "credit", "card", "end", "valid",
        "until", "till", "expires", "expiry", "date", "number", "long",
    }  # fmt: skip
    # "..., 943 -88 -1506, and a postcode": the words that join the agent's next request on.
    _JOINING = {"and", "a", "an", "the", "your", "his", "her", "their"}
    NEGATIVE = {"no", "nope", "none", "nothing", "not"}
    # An answer that declines to answer: "I'd rather not say", "prefer not to say".
    _DECLINED = re.compile(r"(i'd |i would |i )?(rather not|prefer not|don't want to say|won't say)\b", re.IGNORECASE)

    def __init__(
        self,
        prompts: dict[str, list[str]],
        max_answer_words: dict[str, int] | None = None,
        default_max_words: int = 12,
        score: float = 0.7,
        skip_negative: list[str] | None = None,
        value_stop_words: list[str] | None = None,
        prompt_sounds: dict[str, list[str]] | None = None,
        prompt_sound_ratio: float = 0.85,
        prompt_spelling_ratio: float = 0.7,
        answer_patterns: dict[str, str] | None = None,
        name: str = "PromptedAnswerRecognizer",
        supported_language: str = "en",
    ):
        self.prompts = {e: [re.compile(p, re.IGNORECASE) for p in ps] for e, ps in prompts.items()}
        # Key words of a question matched by sound when telephone audio garbled them ("What's
        # your post, God?"): only in a sentence that ends with "?", a weaker sign than a pattern.
        self.prompt_sounds = {
            e: [(w.lower(), sound_key(w), w.count(" ") + 1) for w in words] for e, words in (prompt_sounds or {}).items()
        }
        self.prompt_sound_ratio = prompt_sound_ratio
        self.prompt_spelling_ratio = prompt_spelling_ratio
        self.max_answer_words = max_answer_words or {}
        self.answer_patterns = {e: re.compile(p, re.IGNORECASE) for e, p in (answer_patterns or {}).items()}
        self.default_max_words = default_max_words
        self.score = score
        self.skip_negative = set(skip_negative or [])
        stops = "|".join(re.escape(w) for w in (value_stop_words or []))
        self.value_stop = re.compile(rf"\b({stops})\b", re.IGNORECASE) if stops else None
        super().__init__(
            supported_entities=list(prompts), name=name, supported_language=supported_language
        )

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None):
        results = []
        placeholders = [(m.start(), m.end()) for m in self._REDACTED.finditer(text)]
        windows: dict[int, tuple] = {}  # word count -> sound windows, built once per text
        # verification pass: "[ADDRESS]" is no question about an address
        asked = {
            entity: [m for rx in regexes for m in rx.finditer(text) if not any(a <= m.start() < b for a, b in placeholders)]
            for entity, regexes in self.prompts.items()
        }
        for entity in self.prompts:
            if entities and entity not in entities:
                continue
            for m in self._last_of_each_question(text, asked[entity]):
                results += self._answer_results(text, m.end(), entity)
            # Words that ask for another item by name are not this one's by sound: "Ethnic
            # origin?" is not "religion?".
            named = placeholders + [(m.start(), m.end()) for other, found in asked.items() if other != entity for m in found]
            for end in self._sounded_prompts(text, entity, named, windows):
                results += self._answer_results(text, end, entity)
        return results

    def _last_of_each_question(self, text: str, found: list[re.Match]) -> list[re.Match]:
        """Of an item's prompts found one after another in a question ("Last 3 digits on the
        signature strip", "the 4 digit code on the front"), the last: its answer follows that
        one, and the words between are the question's, not the answer's."""
        return [
            m for m in found
            if not any(
                other.end() > m.end() and not self._STOP.search(text, m.end(), max(m.end(), other.start()))
                and not DIGITISH.search(text, m.end(), max(m.end(), other.start()))
                for other in found
            )
        ]

    def _answer_results(self, text: str, pos: int, entity: str) -> list[RecognizerResult]:
        """The answers to a prompt that ends at `pos`, each marked with where the prompt's
        sentence stops (PROMPTED_AT)."""
        spans = self._answers(text, pos, entity)
        if not spans:
            return []
        stop = self._STOP.search(text, pos)  # found: _answers gives none without it
        # A card's brand prompts the digits in its own sentence ("American Express, 3 -7 ..."):
        # the prompt stopped where its answer began.
        return [self._result(entity, *span, **{PROMPTED_AT: min(stop.start(), span[0])}) for span in spans]

    def asked_at(self, text: str, entity: str) -> list[int]:
        """Where the questions or requests for `entity` that its regexes find end (not those
        known by sound alone): "What's the long number on the card?", "Ready when you are
        with the sixteen digits." Not the speaker's own ("I'll read you my card number")."""
        ends = []
        for rx in self.prompts.get(entity, []):
            for m in rx.finditer(text):
                sentence = self._prompt_sentence(text, m.end())
                if not sentence:
                    continue
                start, stop = sentence
                prompt = text[start : stop.end()]
                words = [w.lower() for w in _WORD.findall(prompt)]
                if (self._SPEAKER_OWN | self._NARRATING) & set(words):
                    continue
                if self._asks(prompt) or self._terse(words):
                    ends.append(stop.end())
        return sorted(set(ends))

    def _prompt_sentence(self, text: str, pos: int) -> tuple[int, re.Match] | None:
        """The sentence a prompt that ends at `pos` is in: where it starts, and its stop."""
        stop = self._STOP.search(text, pos)
        if not stop:
            return None
        return max((m.end() for m in self._STOP.finditer(text, 0, pos)), default=0), stop

    def _asks(self, prompt: str) -> bool:
        """Is the prompt's sentence a question or a request?"""
        return prompt.rstrip().endswith("?") or bool(self._REQUEST.search(prompt) or self._AND_A.match(prompt))

    def _sounded_prompts(self, text: str, entity: str, placeholders: list[tuple[int, int]], windows: dict) -> list[int]:
        """Where a question's key words sound like the item's name: the end of each match.
        Windows that begin inside `placeholders` (redacted words, another item asked by name)
        are skipped."""
        ends = []
        for phrase, key, n_words in self.prompt_sounds.get(entity, []):
            for size in (n_words, n_words + 1):  # ASR splits words more often than it joins them
                if size not in windows:
                    windows[size] = _sound_windows(text, size)
                for words, sounds, start, end in windows[size]:
                    if not self._question_ends(text, end):
                        continue
                    if any(a <= start < b for a, b in placeholders) or DIGITISH.search(words):
                        continue
                    if self._proper_noun(text, start, end):
                        continue  # "Do you deliver to Chapel Reign?" is a place, not "religion"
                    if f" {phrase} " in f" {words} ":
                        continue  # heard as said: the prompt's patterns decide ("open to religion?")
                    spelling = SequenceMatcher(None, words.replace(" ", ""), phrase.replace(" ", "")).ratio()
                    if spelling >= self.prompt_spelling_ratio and SequenceMatcher(None, sounds, key).ratio() >= self.prompt_sound_ratio:
                        ends.append(end)
        return ends

    @staticmethod
    def _proper_noun(text: str, start: int, end: int) -> bool:
        """Are the words of text[start:end] all capitalised, with a word before them in their
        sentence? Then they name something: a place, a person."""
        before = text[:start].rstrip()
        mid_sentence = bool(before) and before[-1] not in ".?!\n"
        return mid_sentence and all(w[:1].isupper() for w in text[start:end].split())

    @staticmethod
    def _question_ends(text: str, pos: int) -> bool:
        """Does the sentence around `pos` end with a question mark?"""
        end = _SENTENCE_END.search(text, pos)
        return bool(end and end.group() == "?")

    # A full stop joined to the next word is a spoken "dot" or a decimal point, no sentence end:
    # "K .allsite email .com", "4 .9291234 .5678".
    _SENTENCE = re.compile(r"(?:[^?.!\n]|\.(?=\w))+(?:[?!\n]|\.(?!\w))*")
    _SPEAKER_OWN = {"my", "i", "i'm", "our", "we"}  # a prompt with these is the caller speaking
    # Words a bare request opens with: "Your full name.", "First line of the address.", "Last
    # three digits on the back."
    _DETERMINERS = {"a", "an", "the", "your", "first", "last"}
    _VERBS = {"is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should",
              "do", "does", "did", "it's", "that's", "there's", "goes", "went", "came", "sent", "says", "said"}  # fmt: skip
    _NARRATING = {"i'll", "i've", "i'd", "we'll", "we're", "we've", "we'd"}
    # The speaker saying something of themselves before a special category's word: their own
    # disclosure, not the agent's question ("I have to ask, any convictions?" still asks).
    _OWN_STATEMENT = re.compile(r"\b(i'm|i am|i've(?! got to)|i have(?! to)|i had|i was|my|we're|we've|we had|we were)\b", re.I)
    _REDACTED = PLACEHOLDER  # left by redaction in the verification pass
    # A prompt is a question or a request, not a customer saying "sort code 40-12-06". "I have
    # your ..." is "Can I have your ...?" with its first word lost.
    _REQUEST = re.compile(
        r"\b(can|could|may (?=(i|we|you)\b)|what|what's|whats|need|please|confirm|tell|give|take|and the|and your|i have your|"
        rf"just the|any|anything|have you|want|wants|would like|who|who's|whom|{OVER_A_PERIOD}|"
        # "Ready for the card number when you are.", "Go ahead with the long number."
        r"ready (for|when)|when you're ready|when you are ready|go ahead)\b", re.I)
    # No one's own in a sentence that asks about a period ("in the last two years").
    _OWN_PERSON = re.compile(r"\b(i|i'm|i've|i'd|me|my|we|we've|we're|our|he|she|his|her|they|their)\b", re.I)
    # A request that opens on "and a": "And an email for the confirmation.", "And a contact number."
    _AND_A = re.compile(r"\s*and an?\s", re.I)
    # The agent handing the call on: "..., 9 Mill Lane, putting you through."
    _PUTTING_THROUGH = r"(i'll |let me )?(put|putting|transfer|transferring|connect|connecting) you (through|now|to)"
    # Sentences that open like this are the agent moving on, not more of the answer.
    _MOVING_ON = re.compile(
        r"^\W*(thank|thanks|lovely|great|good|fine|excellent|perfect|brilliant|okay|ok|alright|right|noted|got it|that's|i'll|"
        rf"we'll|we can|you can|that will|that'll|anything else|and (the|your|what|when|how|any|can|could|is)|{_PUTTING_THROUGH}|"
        # The agent's next question with its "?" lost: "Any hospital stays in the last two years."
        r"any(?!\s+(time|way|how|more|longer)\b))\b", re.I)

    # A sentence that puts the answer off: the caller finding it, the agent waiting.
    _HOLDING = re.compile(
        r"^\W*((yep|yeah|yes|ok|okay|sure|right|of course|certainly|no problem|go on|go ahead|one (moment|second|sec)|"
        r"just a (moment|second|sec|minute)|hang on|hold on|bear with me|take your time|no rush|no hurry|"
        r"(whenever|when) you're ready|let me (just )?(find|get|grab|check|look for|dig out)( it| that| my \w+| the \w+)?|"
        # "Yeah, hang on, my glasses.", "just getting my purse".
        r"(just )?(getting|finding|grabbing) (it|my \w+|the \w+)( out)?|(where are |where's )?my (glasses|reading glasses|purse|wallet|handbag|bag)|"
        r"uh|um|erm|mm)\W*){1,4}$", re.I)
    _MAX_HOLDS = 3
    # The agent saying why they ask, after the question: "What's your name? So I can note the
    # query." The answer is still to come.
    _REASON = re.compile(
        r"^\W*(just\s+)?(so\s+(that\s+)?(i|we)\s+can|for\s+(the|our)\s+records?|to\s+(check|confirm|verify|find|look\s+up)|"
        r"for\s+(security|the\s+booking|the\s+form|the\s+file))\b[^?!\n]*$", re.I)
    _ACKNOWLEDGEMENT = re.compile(r"^\W*((yep|yeah|yes|ok|okay|uh-huh|uh|huh|m+|m+h+m+|go on|right|sure|got that)\W*){1,3}$", re.I)
    # A sentence that opens like this is the agent asking something else, not an answer.
    _ASKS_ON = re.compile(
        r"^\W*(and\b|can|could|would|what|what's|which|where|when|how|who|do|does|did|have|has|are|is|"
        r"was|were|will|shall|may|sorry|pardon|thank|thanks|okay|ok|right|lovely|great|perfect)\b", re.I)
    _STOP = re.compile(r"[?!\n]|\.(?!\w)")
    # "so" opening a clause is a consequence; "so bad", "so much" are not.
    _CONSEQUENCE = re.compile(r"^\W*so\b(?!\s+(bad|badly|much|many|far|long|often|severe|ill|sick|tired|weak|worried|poorly)\b)", re.I)
    _CLAUSE_MARK = re.compile(r"[,;]")
    _CLAUSE = re.compile(r"(?:[^,;?.!\n]|\.(?=\w))+(?:[,;?!\n]|\.(?!\w))*")
    # Where the next sentence begins straight after an expiry's or a code's digits: at a
    # capitalised word, or at the agent's confirmation, capitalised or not ("903 that's on
    # through", base, mono).
    _NEXT_SENTENCE_OPENING = r"[A-Z][a-z]+\b|(?i:that's|thanks|thank you|lovely|perfect|brilliant|cheers|the|your)\b"
    _NEXT_SENTENCE_AFTER_DIGITS = re.compile(rf"(?<=\d)\s+(?={_NEXT_SENTENCE_OPENING})")
    # ... or after them and a comma, with no digits of its own ("the security number 305, your
    # first issue goes out on Friday", base, mono, 8 kHz).
    _NEXT_CLAUSE_AFTER_DIGITS = re.compile(rf"^\s*(?={_NEXT_SENTENCE_OPENING})(?!.*\d)")
    _ENDS_ON_A_DIGIT = re.compile(r"\d[\s,;]*\Z")
    _SHORT_CARD_ITEMS = frozenset({"CARD_EXPIRY", "CARD_SECURITY_CODE"})
    # A name given, then the caller's own sentence after a comma: "Helen, my last three emails
    # went unanswered" (not "Smith, John", nor a misheard name after "and": "81772, and there
    # they are" for "... and Adebayo").
    # Not "it's", "that's" or "I'm": the name spelled or said again may follow ("Sarah Jones,
    # that's J O N E S", "Priya, I'm Mrs Shah").
    _OWN_CLAUSE_OPENERS = r"(my|i(?!')|i've|i'd|i'll|we|we're|we've|our|because|please|can|could)\b"
    _AFTER_THE_NAME = re.compile(rf",\s*{_OWN_CLAUSE_OPENERS}", re.IGNORECASE)  # within a sentence
    _OWN_CLAUSE_NEXT = re.compile(rf"\s*{_OWN_CLAUSE_OPENERS}", re.IGNORECASE)  # a clause after the name's
    _NAME_SPELLED = re.compile(r"^\W*(that's|that is|it's|it is|spelt|spelled)\s+([A-Za-z](\W+|$)){2,}", re.IGNORECASE)
    # A sentence of four words or more that opens like the agent's next remark, with no digit in
    # it, is no short card item however garbled ("And the tickets are on their way.").
    _AGENT_MOVES_ON = re.compile(r"^\W*(and the|thank you|thanks|lovely|great|perfect|brilliant)\b(\W+[\w']+){3,}", re.I)
    # A capitalised word straight after another word: where Whisper (base) starts a sentence
    # without a full stop before it.
    _UNPUNCTUATED_SENTENCE = re.compile(r"(?<=[\w'])\s+(?=(And|Thanks|Thank|Lastly|Lovely|Perfect|Great|Okay|Right|Now|That's|Sorry|Cheers|Noted|Done|Booked|Sorted|Added)\b)")
    # A sentence of letters or short groups only: "S.", "M .L .I." (a value spelled out).
    _SPELLED = re.compile(r"^\W*(\w{1,2}\W+)*\w{1,2}\W*$")
    # The rest of an email address cut off at its dots: ".com .uk".
    _DOMAIN_PART = re.compile(r"^\W*(com|co|uk|org|net|gov|ac|nhs|edu|io|ie)\b", re.I)
    # A digit as heard in a short sentence of its own: "For already." for "four R T".
    _DIGIT_SOUNDING = re.compile(rf"^\W*({'|'.join(DIGIT_SOUNDALIKES)})\b(\W+\w+){{0,2}}\W*$", re.I)
    # ... or "five" heard as "I'm" before digits: "I'm six three." for "five six D".
    _DIGIT_AS_IM = re.compile(rf"^\W*i'm\s+({DIGITISH.pattern})(\W+\w+){{0,3}}\W*$", re.I)
    # The agent's acknowledgement run into the answer by the recogniser, after a comma. Not
    # "okay" or "right": callers say those between the groups of a card number.
    _MOVING_ON_MID_SENTENCE = re.compile(
        r"^\W*(thank|thanks|lovely|great|excellent|perfect|brilliant|wonderful|noted|got it|updated|"
        r"booked|sorted|cheers|all done|that's done|saved|received|"
        rf"anything else|and (when|what|can|could|how|where|do you|have you)|{_PUTTING_THROUGH})\b", re.I)

    # After a value, the agent saying what comes next: "..., 345981, I'll text it to you".
    _AGENT_NEXT = re.compile(r"^\W*(i'll|i will|we'll|we will|you'll|you're|that's)\b", re.I)
    # The endings an email address closes on, and an address's last part written (".com") or
    # said ("dot uk").
    _TOP_LEVEL_DOMAINS = "com|uk|org|net|io|ie|info|biz|eu|scot|wales|cymru|edu"
    _TOP_LEVEL_DOMAIN = re.compile(rf"(\.|\bdot\s+)({_TOP_LEVEL_DOMAINS})$", re.I)
    # An email address as Whisper writes it: "Malikatiahu .co .uk", "j dot smith at ...", ".a
    # .ploton .me": its endings, and the parts before them ("co", "ac", "gov", "me").
    _EMAIL_PART = re.compile(rf"\.(co|me|ac|gov|{_TOP_LEVEL_DOMAINS})\b|\bdot\b|@", re.I)
    _SPOKEN_EMAIL = re.compile(_EMAIL_PART.pattern + r"|\bat\b", re.I)  # and the spoken "at"
    # An answer to "your email?" on a telephone line, its "dot"s heard as "not" ("They're not
    # private students. Not Cardiff, not ID"), its provider named, or its ".com" heard run into
    # the word before ("out of Northcom") or as "not com".
    _EMAIL_HEARD = re.compile(
        r"\b(gmail|googlemail|hotmail|outlook|yahoo|icloud|btinternet|aol|protonmail|proton|virginmedia|talktalk)\b|\bnot\b[^?!\n]*\bnot\b[^?!\n]*\bnot\b|"
        r"\b(?!(sit|inter|tele)com\b)\w{3,}com\b|\b(not|got)\s+com\b", re.I)
    # An address's "dot co", "dot uk", "dot com" as a telephone line gives them: "not go", "not you".
    _DOMAIN_HEARD = re.compile(r"\b(dot|not|got)\s+(co|go|uk|you|com|calm|come|org|net)\b", re.I)
    _DOMAIN_END_HEARD = re.compile(r"\b(dot|not|got)\s+(co|uk|com)\b", re.I)  # the last of them
    _EMAIL_PART_MAX_WORDS = 8  # the rest of an address, not a sentence that mentions a website
    _AND = re.compile(r"\band\b", re.I)

    def _other_questions(self, text: str, start: int, end: int, entity: str) -> list[re.Match]:
        """The questions for every item but `entity` asked in text[start:end], one match per
        question pattern that finds one."""
        return [m for other, regexes in self.prompts.items() if other != entity for rx in regexes if (m := rx.search(text, start, end))]

    def _answers(self, text: str, pos: int, entity: str) -> list[tuple[int, int]]:
        sentence = self._prompt_sentence(text, pos)
        if not sentence:
            return []
        prompt_start, prompt_end = sentence
        if entity in self.skip_negative and self._OWN_STATEMENT.search(text, prompt_start, pos):
            return []  # "I'm out on parole after a robbery conviction, can I ...?": the caller's own, asked of no one
        prompt = text[prompt_start : prompt_end.end()]
        said_with_value = entity not in self.skip_negative and self._value_like(text, pos, prompt_end.start(), entity)
        # A bare "Expiry date." is a question whose "?" the recogniser dropped; so is one in its
        # own clause after an acknowledgement ("Of course, a name for the booking.").
        clause_start = max((m.end() for m in self._CLAUSE_MARK.finditer(text, prompt_start, pos)), default=prompt_start)
        clause_words = [w.lower() for w in _WORD.findall(text[clause_start : prompt_end.end()])]
        terse = self._terse([w.lower() for w in _WORD.findall(prompt)]) or (clause_start > prompt_start and self._terse(clause_words))
        # ... and so is one cut off by the caller's answer ("noted, once the postcode," for
        # "What's the postcode?"): the other side spoke before the sentence ended. Not the
        # agent saying what they will do ("I'll update the postcode, ...").
        # Who speaks is read in the prompt's own clause: "I'll add you to the list, what's your
        # current address," is the agent asking.
        own_words = set(clause_words)
        cut_off = not (self._SPEAKER_OWN | self._NARRATING) & own_words and prompt.rstrip().endswith(",")
        # ... and so is one answered at once by a short sentence with digits in it ("Freebie gets
        # on the back." then "free one payment." for "Three digits on the back?" then "three one
        # seven"), unless the prompt is the speaker's own ("I'll read you my card number.").
        following = self._SENTENCE.search(text, prompt_end.end())
        reply = following.group().lstrip() if following else ""
        answered = (
            entity not in self.skip_negative and not (self._SPEAKER_OWN | self._NARRATING) & own_words
            and bool(DIGITISH.search(reply))
            and len(_WORD.findall(reply)) <= self.max_answer_words.get(entity, self.default_max_words)
        )
        asked = self._asks(prompt)
        if not (said_with_value or terse or cut_off or answered or asked):
            return []
        if self._REDACTED.search(text, pos, prompt_end.start()):
            return []  # verification pass: answered in its own sentence and already redacted
        spans = []
        if said_with_value:
            in_sentence = self._value_in_sentence(text, pos, prompt_end.start(), entity)
            spans += [in_sentence] if in_sentence else []
            # The digits in the prompt's sentence may be the agent's own ("last 3 digits ... 42
            # pounds 50"); the caller's value can still follow, on the other channel.
            if not DIGITISH.match(reply):
                return spans
        answer = self._answer_after(text, prompt_end.end(), entity)
        if answer and entity in self.answer_patterns and not self.answer_patterns[entity].search(text, *answer):
            answer = None  # no value of the kind asked for: the words answer something else
        if answer and entity == "EMAIL_ADDRESS" and not (asked or cut_off) and not self._sounds_like_email(text, *answer):
            # A question known only by its shape ("An email card." for "Any railcard?") needs
            # an answer that sounds like an address.
            return spans
        return spans + ([answer] if answer else [])

    def _to_the_domain_end(self, chosen: list[re.Match]) -> list[re.Match]:
        """An email address ends at its last top-level domain: the words after it, with no dot,
        "at" or domain heard in them, are the agent's ("calum .fraserat gmail .com noted")."""
        ends = [i for i, w in enumerate(chosen) if self._TOP_LEVEL_DOMAIN.search(w.string, max(0, w.start() - 4), w.end())]
        if not ends or ends[-1] == len(chosen) - 1:
            return chosen
        text, after = chosen[0].string, chosen[ends[-1] + 1 :]
        if self._sounds_like_email(text, after[0].start(), after[-1].end()) or self._DOMAIN_HEARD.search(text, after[0].start(), after[-1].end()):
            return chosen
        return chosen[: ends[-1] + 1]

    # Items read as digits alone: after the last digit, "and the ..." is the agent asking on.
    _NUMBERS = CARD_ENTITIES | {"PHONE_NUMBER", "NHS_NUMBER", "SORT_CODE", "BANK_ACCOUNT", "PASSPORT_NUMBER"}

    def _to_the_last_digit_before_and(self, chosen: list[re.Match]) -> list[re.Match]:
        """A number ends at its last digit where "and the", "and your" ... follows it with no
        digit after: the agent's next question run on in mono, its item garbled ("533 -812
        -409 and the SOT card for the refund" for "And the sort code for the refund?")."""
        digits = [i for i, w in enumerate(chosen) if DIGITISH.search(w.group())]
        if not digits:
            return chosen
        after = chosen[digits[-1] + 1 :]
        if len(after) >= 2 and after[0].group().lower() == "and" and after[1].group().lower() in self._JOINING - {"and"}:
            return chosen[: digits[-1] + 1]
        return chosen

    def _terse(self, words: list[str]) -> bool:
        """Is a sentence without "?" that names an item still a question? A bare item ("Expiry
        date."), one after "and" ("And his date of birth.") or a noun phrase with no verb ("A
        phone number for the proof.", "Your full name.", "First line of the address."); not the
        speaker's own ("My postcode.")."""
        return bool(words) and not self._SPEAKER_OWN & set(words) and (
            len(words) <= 3 or (len(words) <= 8 and (words[0] == "and" or (words[0] in self._DETERMINERS and not self._VERBS & set(words))))
        )

    def _answer_after(self, text: str, pos: int, entity: str) -> tuple[int, int] | None:
        """The sentences after the prompt's sentence that answer it."""
        limit = self.max_answer_words.get(entity, self.default_max_words)
        values_only = entity not in self.skip_negative  # identifiers, numbers, names
        chosen: list[re.Match] = []
        held = 0  # sentences before the answer that put it off
        for i, sentence in enumerate(self._SENTENCE.finditer(text, pos)):
            body = sentence.group()
            n = i - held  # sentences of the answer before this one
            if n == 0 and values_only and held < self._MAX_HOLDS and (self._HOLDING.match(body) or self._REASON.match(body)):
                # "Take your time." or "Hang on, let me find it." before the value: the answer
                # is still to come. Not for a disclosure, where "Yes." is the answer.
                held += 1
                continue
            if n == 0 and held and self._MOVING_ON.match(body) and not DIGITISH.search(body):
                return None  # held, then the agent moved on: no answer was given ("Okay, it's 4929 ..." is one)
            if n == 0 and entity in self._SHORT_CARD_ITEMS and self._AGENT_MOVES_ON.match(body) and not DIGITISH.search(body):
                return None  # the code or expiry went unheard: "And the tickets are on their way." is the agent's
            if n == 0 and self._REDACTED.search(body):
                return None  # verification pass: the answer was found and redacted already
            if n == 0 and body.rstrip().endswith("?") and not self._SPEAKER_OWN & {w.lower() for w in _WORD.findall(body)} and any(
                rx.search(body) for rx in self.prompts.get(entity, [])
            ):
                return None  # "Could you email me?" answered by "Of course, what's the email?": asked again, answered after that
            if n == 0 and values_only and not DIGITISH.search(body) and self._other_questions(text, sentence.start(), sentence.end(), entity):
                # Mono: "I need your bank details." then "Sort code for it.": the agent asked for
                # another item; that question's own answer follows it.
                return None
            asks = body.rstrip().endswith("?")
            # What follows the question straight away is the answer even when the recogniser
            # heard a rising tone ("M20 4FR?", "I'm bisexual?"), unless it is the agent asking on.
            read_back = values_only and DIGITISH.search(body)
            if asks and not (n == 0 and (read_back or not self._ASKS_ON.match(body))):
                break
            if n and values_only and self._ACKNOWLEDGEMENT.match(body):
                continue  # the agent's "yep" between the groups of a number
            if n and not values_only and ASKED_OVER_A_PERIOD.search(body) and not self._OWN_PERSON.search(body):
                break  # the agent's next question, its "any" and "?" lost: "And it's hospital's pain in the last two years."
            if n and self._MOVING_ON.match(body):
                break
            if n and values_only and not self._continues_value(body, entity):
                break  # a number read in groups, or letters spelled ("M. O. R."), goes on; anything else ends it
            for clause in self._CLAUSE.finditer(text, sentence.start(), sentence.end()):
                asks = self._other_questions(text, clause.start(), clause.end(), entity)
                if not chosen and values_only and asks and not DIGITISH.search(clause.group()):
                    continue  # "Sort code for it, 40 ...": the agent asking on, then the answer
                # ... but not an address's ending that opens like the agent's "I'll" ("If you're
                # not ready, I'll not go, not you, okay?" for "... yahoo dot co dot uk").
                domain_heard = entity == "EMAIL_ADDRESS" and self._DOMAIN_HEARD.search(clause.group())
                # ... but not a name spelled after it ("Sarah Jones, that's J O N E S").
                spelled = entity == "PERSON_NAME" and self._NAME_SPELLED.match(clause.group())
                if chosen and not domain_heard and not spelled and self._ends_answer(text, clause, asks, values_only, entity):
                    return self._trim(chosen, entity)  # "..., 7534, great, and when does it expire"
                if chosen and entity == "PERSON_NAME" and self._OWN_CLAUSE_NEXT.match(clause.group()):
                    return self._trim(chosen, entity)  # "Helen, my last three emails ..."
                if chosen and not values_only and self._CONSEQUENCE.match(clause.group()):
                    # "I'm partially deaf in one ear, so please text": the disclosure ends where
                    # what follows from it begins, as a term's clause does (detect._clause).
                    return self._trim(chosen, entity)
                # The agent's next question run in with no comma: "I'm an Irish traveller and
                # you and your national insurance number".
                asks_on = self._and_before(text, clause.start(), asks)
                if asks_on is None and values_only:
                    # ... or with no "and" at all where base wrote no punctuation: "519 -0442
                    # -6771 -2085 valid until March 29 free digit code 261".
                    asks_on = self._after_value(text, clause.start(), asks)
                if asks_on is not None:
                    chosen += list(_WORD.finditer(text, clause.start(), asks_on))
                    return self._trim(chosen[:limit], entity)
                # "0428 And the security code?": the recogniser began a sentence with a capital
                # but wrote no full stop.
                next_sentence = self._UNPUNCTUATED_SENTENCE.search(text, clause.start(), clause.end())
                if not next_sentence and entity in self._SHORT_CARD_ITEMS:
                    # An expiry or a code is a few digits: the agent's next sentence may begin
                    # straight after them ("1129 Free digit code?", "558 Booked, ...").
                    next_sentence = self._NEXT_SENTENCE_AFTER_DIGITS.search(text, clause.start(), clause.end())
                after = text[next_sentence.end() : clause.end()] if next_sentence else ""
                # ... and a value ends there unless the new sentence goes on with it ("And 5 5 ...").
                moving_on = next_sentence and (self._MOVING_ON.match(after) or (values_only and not self._continues_value(after, entity)))
                cut = next_sentence.start() if moving_on else clause.end()
                for w in _WORD.finditer(text, clause.start(), cut):
                    chosen.append(w)
                    if self._counted(chosen, values_only) >= limit:
                        return self._trim(chosen, entity)
                if cut < clause.end():
                    return self._trim(chosen, entity)
        return self._trim(chosen, entity)

    # A letter spelled out on its own: "W", "K.", "-O".
    _LETTER = re.compile(r"^\W*[A-Za-z]\W*$")

    def _counted(self, chosen: list[re.Match], values_only: bool) -> int:
        """The answer's length against its word limit. A value's spelled letters are free: a
        surname said, then spelled ("Wojcik. W O J C I K."), is all name."""
        if not values_only:
            return len(chosen)
        return sum(1 for w in chosen if not self._LETTER.match(w.group()))

    def _ends_answer(self, text: str, clause: re.Match, asks: list[re.Match], values_only: bool, entity: str) -> bool:
        """Does a clause of `text` after some of the answer end it? The agent's acknowledgement
        or next question run in by the recogniser ("..., 7534, great, and when does it expire"),
        the agent asking for another item ("..., 9 -0 -1 -8, and the expiry, ..."), or, after a
        value, the agent saying what comes next ("..., 345981, I'll text it to you"), or
        straight after an expiry's or a code's digits and a comma opening their next sentence
        (_NEXT_CLAUSE_AFTER_DIGITS). `asks`: the clause's questions for other items
        (_other_questions)."""
        words = clause.group()
        if self._MOVING_ON_MID_SENTENCE.match(words) or asks:
            return True
        if (
            entity in self._SHORT_CARD_ITEMS and self._NEXT_CLAUSE_AFTER_DIGITS.match(words)
            and self._ENDS_ON_A_DIGIT.search(text, max(0, clause.start() - 8), clause.start())
        ):
            return True
        return values_only and bool(self._AGENT_NEXT.match(words)) and not DIGITISH.search(words)

    def _value_like(self, text: str, start: int, end: int, entity: str) -> bool:
        """Is there a value in text[start:end]: digits, or for an email, its dots or @?"""
        if entity == "EMAIL_ADDRESS" and (self._EMAIL_PART.search(text, start, end) or self._EMAIL_HEARD.search(text, start, end)):
            return True
        return bool(DIGITISH.search(text, start, end))

    def _and_before(self, text: str, start: int, asks: list[re.Match]) -> int | None:
        """Where a clause from `start` goes on to ask for another item (`asks`) after "and",
        the question within four words of the "and": the position of that "and", else None."""
        for m in asks:
            ands = [a for a in self._AND.finditer(text, start, m.start()) if len(_WORD.findall(text[a.end() : m.start()])) <= 4]
            if ands and _WORD.search(text, start, ands[0].start()):
                return ands[0].start()
        return None

    def _after_value(self, text: str, start: int, asks: list[re.Match]) -> int | None:
        """Where a clause from `start` that reads out a value goes straight on to ask for
        another item (`asks`): the start of the first such question, else None."""
        for m in sorted(asks, key=lambda m: m.start()):
            if DIGITISH.search(text, start, m.start()):
                return m.start()
        return None

    # A number that counts things opens no part of a value: "Two seats in the circle, all done."
    _COUNTED = re.compile(
        r"^\W*\w+\s+(tickets|seats|nights|people|adults|children|kids|rooms|bags|items|pounds|quid|weeks|days|months|years|"
        r"hours|minutes|pieces|boxes|parcels|places)\b", re.I)

    def _continues_value(self, sentence: str, entity: str) -> bool:
        """Does a sentence after the first go on with the value being read out?"""
        return bool(
            (DIGITISH.match(sentence.lstrip()) and not self._COUNTED.match(sentence))
            or self._SPELLED.match(sentence)
            or self._DOMAIN_PART.match(sentence)
            # ... but not the agent's next question ("Free digit code?" for "Three digit code?").
            or ((self._DIGIT_SOUNDING.match(sentence) or self._DIGIT_AS_IM.match(sentence)) and not sentence.rstrip().endswith("?"))
            # An email cut into sentences at a spoken "dot": "K." then "not ramen .hottmail .co .uk".
            # ... or its ending only, heard so: "I do not go not UK." for "yahoo dot co dot uk".
            or (
                entity == "EMAIL_ADDRESS" and (self._sounds_like_email(sentence) or self._DOMAIN_END_HEARD.search(sentence))
                and len(_WORD.findall(sentence)) <= self._EMAIL_PART_MAX_WORDS
            )
        )

    def _sounds_like_email(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Its dots or @ as written, "at" and "dot" as said, or as a telephone line garbles them."""
        end = len(text) if end is None else end
        return bool(self._SPOKEN_EMAIL.search(text, start, end) or self._EMAIL_HEARD.search(text, start, end))

    def _value_in_sentence(self, text: str, start: int, end: int, entity: str) -> tuple[int, int] | None:
        """'sort code forty twelve oh six, account ...': the value runs from the keyword to the
        next keyword of any item, or the end of the sentence."""
        stop = self.value_stop.search(text, start, end) if self.value_stop else None
        # A keyword before the value's first digit that asks for no other item is the question's
        # own ("And the postcode on the account, M20 for a T."; not "sort code and account
        # number"): the value starts in the clause of that digit.
        first_digit = DIGITISH.search(text, start, end)
        question_own = stop and first_digit and stop.start() < first_digit.start()
        if question_own and not self._other_questions(text, stop.start(), first_digit.start(), entity):
            while stop and stop.start() < first_digit.start():
                stop = self.value_stop.search(text, stop.end(), end)
            start = max((m.end() for m in self._CLAUSE_MARK.finditer(text, start, first_digit.start())), default=start)
        next_keyword = stop.start() if stop else end
        # ... or the agent asking for the next item in the same sentence (mono: "... and on
        # November 27th, last three on the back, 441").
        for clause in list(self._CLAUSE.finditer(text, start, next_keyword))[1:]:
            asks = self._other_questions(text, clause.start(), clause.end(), entity)
            if self._ends_answer(text, clause, asks, True, entity):
                next_keyword = clause.start()
                break
        # ... or straight after the value, where base wrote no punctuation ("valid until March
        # 29 free digit code 261 Ticket service the post").
        asks_on = self._after_value(text, start, self._other_questions(text, start, next_keyword, entity))
        next_keyword = next_keyword if asks_on is None else asks_on
        next_sentence = self._NEXT_SENTENCE_AFTER_DIGITS.search(text, start, next_keyword) if entity in self._SHORT_CARD_ITEMS else None
        if next_sentence and not self._continues_value(text[next_sentence.end() : next_keyword], entity):
            next_keyword = next_sentence.start()
        if entity == "EMAIL_ADDRESS":
            # The address starts in the first clause with a dot or an @ in it, not at the
            # prompt's last word ("and your email for the prize draw, aisha .malik .co .uk").
            first = next((c for c in self._CLAUSE.finditer(text, start, next_keyword) if self._EMAIL_PART.search(c.group())), None)
            start = first.start() if first else start
        if entity == "PERSON_NAME":
            after = self._AFTER_THE_NAME.search(text, start, next_keyword)
            next_keyword = after.start() if after else next_keyword
        limit = self.max_answer_words.get(entity, self.default_max_words)
        chosen = list(_WORD.finditer(text, start, next_keyword))[:limit]
        if not chosen or not self._value_like(text, chosen[0].start(), chosen[-1].end(), entity):
            return None
        return self._trim(chosen, entity)

    def _trim(self, chosen: list, entity: str) -> tuple[int, int] | None:
        lead_in = self._CARD_LEAD_IN if entity in CARD_ENTITIES else self.FILLERS
        while chosen and chosen[0].group().lower() in lead_in:
            chosen = chosen[1:]
        kept = len(chosen)
        while kept > 1 and chosen[kept - 1].group() in self._JOINING:  # lower case: not a spelled "A"
            kept -= 1
        if kept < len(chosen) and chosen[kept].group() == "and":
            chosen = chosen[:kept]
        if entity == "EMAIL_ADDRESS":
            chosen = self._to_the_domain_end(chosen)
        if entity in self._NUMBERS:
            chosen = self._to_the_last_digit_before_and(chosen)
        if not chosen:
            return None
        if entity in self.skip_negative and chosen[0].group().lower() in self.NEGATIVE:
            return None
        if entity in self.skip_negative and self._DECLINED.match(" ".join(m.group() for m in chosen[:6])):
            return None
        return chosen[0].start(), chosen[-1].end()



def luhn_valid(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


# Words that open an answer as themselves, not as digits misheard: "Yes, 917.", "It's 0630."
_ANSWER_OPENERS = frozenset(
    "yes yeah yep yup sure okay ok right so it's its it is that's that um uh er erm and the my "
    "no sorry thanks certainly course got here there until till please".split()
)


class DigitRunRecognizer(ConfiguredRecognizer):
    """Runs of digits however they were written ("4658 2210", "1, 2, 2, 4", "oh seven eight"):
    long runs are card, phone or account numbers even without context; the category is chosen
    by length and checksum. Money and times ("42 pounds", "20 minutes") are left alone."""

    _TOKEN = re.compile(r"[A-Za-z]+|\d+")
    # Separators between the digits of one number, and the spoken "slash" of an expiry ("oh
    # nine slash twenty eight" as "4, 9, slash 28").
    _SEP = re.compile(r"^[\s,.\-/]*((?i:slash)[\s,.\-/]*)?$")
    # A comma or a full stop between two digits, on one line or across lines: where an "I'm"
    # after it may be a digit lost (runs).
    _AFTER_A_PAUSE = re.compile(r"\s*[,.]\s*")
    # Words inside a hyphen chain of digits that are no digit lost: "2-in-1", "3 x 4".
    _CHAIN_WORDS = {"in", "on", "by", "x", "and", "or", "of", "to"}

    def __init__(
        self,
        min_digits: int = 6,
        supported_entities: list[str] | None = None,
        unit_words: list[str] | None = None,
        card_follow_up_words: int = 40,
        card_context_words: list[str] | None = None,
        name: str = "DigitRunRecognizer",
        supported_language: str = "en",
    ):
        self.min_digits = min_digits
        self.unit_words = {u.lower() for u in (unit_words or [])}
        self.card_follow_up_words = card_follow_up_words
        # Words after which short groups of digits are counted towards a card number: the card
        # itself, or the question of how the caller will pay ("By card. 4485" can come out as
        # "I can't 485").
        words = card_context_words or self._CARD_WORDS
        self._card_context = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
        super().__init__(
            supported_entities=supported_entities
            or ["CARD_NUMBER", "PHONE_NUMBER", "NHS_NUMBER", "BANK_ACCOUNT", "SORT_CODE", "CARD_EXPIRY", "CARD_SECURITY_CODE"],
            name=name,
            supported_language=supported_language,
        )

    def runs(self, text: str) -> Iterable[tuple[int, int, str]]:
        """(start, end, digits) of every run of number tokens joined by separators."""
        run_start = run_end = None
        digits = ""
        prev_end = 0
        repeat = 1
        tens_open = False  # the run ends on 20..90: a unit after it joins it ("twenty nine" is 29)
        tokens = list(self._TOKEN.finditer(text))
        singles = 0  # digits of the run read one at a time
        lost_im = -1  # the "m" of an "I'm" taken for a digit
        for i, m in enumerate(tokens):
            tok = m.group().lower()
            if i == lost_im:
                run_end = prev_end = m.end()
                continue
            value = tok if tok.isdigit() else HEARD_NUMBER_WORDS.get(tok)
            joined = run_end is not None and self._joins(text, prev_end, m.start())
            if m.group() == "and" and joined and singles >= 3 and self._last_single_digit(text, tokens, i + 1):
                prev_end = m.end()
                continue  # "2, 8, 8, 8 and 4": the list's last digit
            # "1, I'm 2, 8" and "... seven six. I'm nine one nine.": a "five" or "nine" heard as
            # "I'm", after a comma or a full stop (a sentence of its own, on a line of its own).
            if (
                tok == "i" and run_end is not None and singles == len(digits) and self._AFTER_A_PAUSE.fullmatch(text, prev_end, m.start())
                and self._im_before_digit(text, tokens, i)
            ):  # fmt: skip
                value, lost_im, joined = "0", i + 1, True
            if tok == "no" and joined and self._digits_follow(text, tokens, i):
                value = "00"  # "oh oh" heard as "no" inside a number: "three nine one, no, four one"
            if tok == "slash" and joined and self._digits_follow(text, tokens, i):
                continue  # "4, 9, slash 28": the run goes on past it (_SEP)
            if value is None and run_end is not None and joined and self._garbled_in_chain(text, tokens, i, prev_end):
                value = "0"  # one digit the recogniser wrote as letters: "3 -Bm -1 -Bm -8" (its length counts)
            # "1129 Free digit code?": a capital begins the next sentence, not a "three". But an
            # expiry may start with one: "Free slash 29".
            expiry_head = tok in RUN_ONLY and run_end is None and self._slash_follows(text, tokens, i)
            starts_sentence = tok in RUN_ONLY and m.group()[0].isupper() and not self._digits_follow(text, tokens, i)
            if value is None or (tok in RUN_ONLY and not expiry_head and (run_end is None or starts_sentence)):
                if run_end is not None and digits:
                    yield run_start, run_end, digits
                run_start = run_end = None
                digits, repeat, tens_open, singles = "", 1, False, 0
                prev_end = m.end()
                continue
            if run_end is not None and not joined:
                if digits:
                    yield run_start, run_end, digits
                run_start, digits, tens_open, singles = None, "", False, 0
            if len(value) == 1:
                singles += 1
            if run_start is None:
                run_start = m.start()  # "double four" starts at "double"
            if tok in ("double", "triple"):
                repeat = 2 if tok == "double" else 3
            else:
                if tok in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"):
                    value = value[0] + "0"
                if tens_open and repeat == 1 and len(value) == 1 and value != "0":
                    digits, tens_open = digits[:-1] + value, False
                else:
                    digits += value * repeat
                    tens_open = repeat == 1 and len(value) == 2 and value[0] in "23456789" and value[1] == "0"
                repeat = 1
            run_end = m.end()
            prev_end = m.end()
        if run_end is not None and digits:  # a lone "double" at the end is no number
            yield run_start, run_end, digits

    @classmethod
    def _joins(cls, text: str, end: int, start: int) -> bool:
        """Do separators alone, on one line, lie between `end` and `start`?"""
        gap = text[end:start]
        return bool(cls._SEP.match(gap)) and "\n" not in gap

    def _garbled_in_chain(self, text: str, tokens: list[re.Match], i: int, prev_end: int) -> bool:
        """Is token i a short run of letters inside a hyphen-chained run of digits, a chain on
        both sides ("3 -Bm -1")? The recogniser writes digits read one by one that way, and a
        digit it lost is left as letters; prose has no such chains."""
        tok = tokens[i].group()
        if not (tok.isalpha() and len(tok) <= 3) or tok.lower() in self._CHAIN_WORDS or not self._digits_follow(text, tokens, i):
            return False
        return "-" in text[prev_end : tokens[i].start()] and "-" in text[tokens[i].end() : tokens[i + 1].start()]

    def _last_single_digit(self, text: str, tokens: list[re.Match], i: int) -> bool:
        """Is token i a lone digit joined to the token before it that ends a run ("... 8 and 4.")?"""
        if i >= len(tokens) or not self._digits_follow(text, tokens, i - 1):
            return False
        word = tokens[i].group().lower()
        return len(word if word.isdigit() else HEARD_NUMBER_WORDS[word]) == 1 and not self._digits_follow(text, tokens, i)

    def _im_before_digit(self, text: str, tokens: list[re.Match], i: int) -> bool:
        """Is token i the "I" of an "I'm" with a digit right after it that the list goes on
        past ("1, I'm 2, 8", "I'm nine one nine"; not "Room 1, I'm 2 minutes away")?"""
        return (
            i + 2 < len(tokens) and tokens[i + 1].group().lower() == "m"
            and text[tokens[i].end() : tokens[i + 1].start()] in ("'", "\u2019") and self._digits_follow(text, tokens, i + 1)
            and (text[tokens[i + 2].end() : tokens[i + 2].end() + 1] == "," or self._digits_follow(text, tokens, i + 2))
        )  # fmt: skip

    def _slash_follows(self, text: str, tokens: list[re.Match], i: int) -> bool:
        """Is token i joined to a "slash" that is joined to a number token ("free slash 29")?"""
        return (
            i + 1 < len(tokens) and tokens[i + 1].group().lower() == "slash"
            and self._joins(text, tokens[i].end(), tokens[i + 1].start()) and self._digits_follow(text, tokens, i + 1)
        )  # fmt: skip

    def _digits_follow(self, text: str, tokens: list[re.Match], i: int) -> bool:
        """Is token i joined to a number token after it (_joins)?"""
        if i + 1 >= len(tokens):
            return False
        word = tokens[i + 1].group().lower()
        return self._joins(text, tokens[i].end(), tokens[i + 1].start()) and (word.isdigit() or word in HEARD_NUMBER_WORDS)

    def classify(self, digits: str) -> tuple[str, float]:
        n = len(digits)
        if 13 <= n <= 19 and luhn_valid(digits):
            return "CARD_NUMBER", 0.95
        if n in (10, 11) and digits.startswith("0"):
            return "PHONE_NUMBER", 0.8
        if n == 10:
            return "NHS_NUMBER", 0.6
        if n >= 12:
            # A misheard card number is still a card number; a prompted answer over the same
            # words (0.7) is the stronger evidence and names the detector.
            return "CARD_NUMBER", 0.65
        if n == 8:
            return "BANK_ACCOUNT", 0.6
        if n == 6:
            return "SORT_CODE", 0.5
        return "BANK_ACCOUNT", 0.5

    _MONTHS = MONTH_NAMES
    _MONTH = re.compile(rf"\b{_MONTHS}\b\W*$", re.I)

    # A month opening its sentence, right before the run: "September 28.", not "on the 4th of September 28 people".
    _MONTH_ALONE = re.compile(rf"(^|[.?!\n]\s*){_MONTHS}\W*$", re.I)
    _EXPIRY_YEARS = CARD_EXPIRY_YEARS
    _END_OF = re.compile(r"\b(the\s+)?end\s+of\s+$", re.I)  # "the end of August 27"
    _CARD_WORDS = ("card", "amex", "visa", "mastercard", "maestro")
    _CARD = re.compile(r"\b(" + "|".join(_CARD_WORDS) + r")\b", re.I)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None):
        known = english_words(nlp_artifacts.nlp_engine if nlp_artifacts else None)
        found: list[tuple[str, int, int, float]] = []
        # A count of the card's digits is no number read out (_counts_digits).
        runs = [r for r in self.runs(text) if not self._is_amount(text, r[0], r[1]) and not self._counts_digits(text, r)]
        card_window_end = -1
        follow_ups: list[tuple[int, int]] = []  # (card number's end, its window's end) for each card number
        # Digits read in the turns after "card" ("4539" ... "1488" ... "0343 6467"): once they
        # add up to a card number, what follows is its expiry and security code.
        mentions = [(m.start(), self._words_on(text, m.end(), 60)) for m in self._card_context.finditer(text)]
        card_digits, context_end, card_read = 0, -1, False
        card_groups: list[tuple[int, int]] = []  # short groups read after "card", not yet enough for one
        leads: list[tuple[int, int, str]] = []  # the last short groups, each a few words apart, no finding yet
        half: tuple[int, str] | None = None  # (index in found, digits) of the last long run, no card
        for start, end, digits in runs:
            opened = max((reach for said, reach in mentions if said < start), default=-1)
            if opened != context_end:  # a new mention of a card starts the count again
                card_digits, context_end, card_groups, card_read = 0, opened, [], False
            # Up to 16 digits after "card" are the card's, read in groups however garbled the
            # words between them ("Seven, I'm free-four." ... "One, two, three, four."), unless
            # the card was read in one run already or a month names the group an expiry, or a
            # card number was just read: after it come its expiry and code ("valid until paid?").
            card_group = (
                start < context_end and card_digits < 16 and not card_read and start >= card_window_end
                and not self._MONTH.search(text, max(0, start - 20), start)
            )  # fmt: skip
            if len(digits) >= self.min_digits:
                entity, score = self.classify(digits)
                leading = self._leading_groups(text, leads, start, digits) if entity != "PHONE_NUMBER" else []
                if leading:
                    entity, score = self.classify("".join(g[2] for g in leading) + digits)
                    found += [(entity, a, b, score) for a, b, _ in leading]
                elif half and self._second_half(text, found[half[0]][2], start, half[1] + digits):
                    # A card read in two halves, a turn each ("4659 2210" ... "3391 0041"): the
                    # first half alone looked like an account number.
                    entity, score = "CARD_NUMBER", 0.9
                    found[half[0]] = (entity, *found[half[0]][1:3], score)
                elif card_group and card_groups and entity not in ("CARD_NUMBER", "PHONE_NUMBER") and card_digits + len(digits) >= 12:
                    entity, score = "CARD_NUMBER", 0.6  # the rest of a card read in groups after "card"
                if not self._answers_another_number(text, start, entity):
                    # A card number's garbled first digits are detect's to find (its lead-in).
                    opened = start if leading or entity == "CARD_NUMBER" else self._short_answer_start(text, start, end, known)
                    found.append((entity, opened, end, score))
                # A long number said just after "card" was the card, however it came out.
                if entity == "CARD_NUMBER" or (len(digits) >= 10 and self._CARD.search(text, max(0, start - 200), start)):
                    card_window_end = self._words_on(text, end, self.card_follow_up_words)
                    follow_ups.append((end, card_window_end))
                    card_read = start < context_end
            elif card_group:
                card_groups.append((start, end))
            elif start < card_window_end and 2 <= len(digits) <= 4:
                found.append(self._card_follow_up(text, start, end, digits, known))
            elif start < card_window_end and self._MONTH.search(text, max(0, start - 20), start):
                found += self._expiry_and_code(text, start, end, known)  # too long for one item, too short for a number
            elif start < context_end and len(digits) == 2 and int(digits) in self._EXPIRY_YEARS and self._MONTH_ALONE.search(text, max(0, start - 20), start):
                # "September 28." said alone in the words after a payment was spoken of: a card's
                # expiry, even with its question lost ("I'm the next hiring aid.") and the number
                # heard short of a card's.
                found.append(self._card_follow_up(text, start, end, digits, known))
            elif start < card_window_end and 4 < len(digits) < self.min_digits:
                # An expiry with a digit its lost question left ("DXI -RI -8, 12, 28"), or the
                # expiry and the code read together: a card item either way.
                entity = "CARD_EXPIRY" if 1 <= int(digits[-4:-2]) <= 12 else "CARD_SECURITY_CODE"
                found.append((entity, start, end, 0.5))
            leads = self._chained(text, leads, (start, end, digits)) if 2 <= len(digits) <= 4 and not (found and found[-1][2] == end) else []
            if self._four_groups_of_four(leads):
                # "4658." "Uh-huh." "2210." "Yep." "3391." "0624.": a card read a group a turn,
                # with no "card" heard before it.
                found += [("CARD_NUMBER", a, b, 0.6) for a, b, _ in leads[-4:]]
                card_window_end = max(card_window_end, self._words_on(text, end, self.card_follow_up_words))
                follow_ups.append((end, card_window_end))
                leads = []
            long_run = len(digits) >= self.min_digits and found and found[-1][2] == end
            half = (len(found) - 1, digits) if long_run and found[-1][0] not in CARD_ENTITIES else None
            if start < context_end:
                card_digits += len(digits)
                if card_digits >= 12:
                    found += [("CARD_NUMBER", a, b, 0.6) for a, b in card_groups]
                    card_groups = []
                    if card_window_end < end:
                        card_window_end = self._words_on(text, end, self.card_follow_up_words)
                        follow_ups.append((end, card_window_end))
        found += self._expiries_in_words(text, follow_ups, found)
        found = self._join_card_groups(text, found)
        return [self._result(entity, start, end, score) for entity, start, end, score in found if not entities or entity in entities]

    # An expiry said without digits, the month maybe misheard: "the end of next March" as "the
    # end of next match", "March next year".
    _WORDED_EXPIRY = re.compile(
        r"\b(the\s+)?end\s+of\s+(next|this)\s+(?!(week|weekend|fortnight|month|time|term|shift|season|call)\b)[a-z]+\b|"
        r"\b(the\s+)?end\s+of\s+(the\s+)?year\b|"
        rf"\b{_MONTHS}\s+(next|this)\s+year\b",
        re.I,
    )

    def _expiries_in_words(
        self, text: str, follow_ups: list[tuple[int, int]], found: list[tuple[str, int, int, float]]
    ) -> list[tuple[str, int, int, float]]:
        """Expiries said in words within the words after a card number (its follow-up window),
        where nothing else was found."""
        expiries = []
        for m in self._WORDED_EXPIRY.finditer(text):
            inside = any(after <= m.start() < until for after, until in follow_ups)
            if inside and not any(a < m.end() and m.start() < b for _, a, b, _ in found):
                expiries.append(("CARD_EXPIRY", m.start(), m.end(), 0.6))
        return expiries

    _LEAD_GAP_WORDS = 4  # "Mm hmm.", "Yep, go on." between the groups of one number
    _BACK_CHANNEL = frozenset({"uh", "huh", "uh-huh", "mm", "mhm", "hmm", "yep", "yeah", "yes", "ok", "okay", "go", "on", "right", "sure", "and", "then"})

    @classmethod
    def _chained(cls, text: str, leads: list[tuple[int, int, str]], group: tuple[int, int, str]) -> list[tuple[int, int, str]]:
        """The short groups read one after another up to and with `group`: each in a turn of
        its own or with only a back-channel between ("4658", "uh-huh", "2210"); a group after
        other words starts the chain again ("1234 and the order was 5678")."""
        if not leads:
            return [group]
        gap = text[leads[-1][1] : group[0]]
        words = [w.lower() for w in _WORD.findall(gap)]
        if len(words) <= cls._LEAD_GAP_WORDS and ("\n" in gap or all(w.strip("-") in cls._BACK_CHANNEL for w in words)):
            return leads + [group]
        return [group]

    @staticmethod
    def _groups_of_four(groups: list[tuple[int, int, str]]) -> bool:
        """Are the groups all four digits, and not all years ("2019, 2020, 2021 and 2022")?"""
        return all(len(g[2]) == 4 for g in groups) and not DigitRunRecognizer._all_years(groups)

    @staticmethod
    def _all_years(groups: list[tuple[int, int, str]]) -> bool:
        """Are the groups all years read out ("2019, 2020, 2021 and 2022")?"""
        return all(g[2][:2] in ("19", "20") for g in groups)

    @classmethod
    def _four_groups_of_four(cls, leads: list[tuple[int, int, str]]) -> bool:
        """Four groups read a turn each, of four digits but one that lost a digit ("I'm 497"
        for "five four nine seven"): a card's 16 digits, not a phone number's three groups."""
        last = leads[-4:]
        return (
            len(last) == 4
            and all(3 <= len(g[2]) <= 4 for g in last)
            and sum(len(g[2]) == 4 for g in last) >= 3
            and not cls._all_years(last)
        )

    _COUNT_WORDS = r"digits?|numbers|figures|characters"
    _A_COUNT = re.compile(rf"[\s-]*({_COUNT_WORDS})\b", re.I)
    # ... and "digits" as a telephone line gives it ("16 tickets" for "sixteen digits").
    _DIGIT_COUNT = re.compile(rf"[\s-]*({_COUNT_WORDS}|tickets)\b", re.I)

    @classmethod
    def _counts_digits(cls, text: str, run: tuple[int, int, str]) -> bool:
        """Is the run a count of digits said as one word ("the 16 digits", "16 tickets"), not
        a group of them ("Every 30, free digits" for "February, thirty")?"""
        start, end, digits = run
        return len(digits) <= 2 and len(cls._TOKEN.findall(text, start, end)) == 1 and bool(cls._DIGIT_COUNT.match(text, end))

    # A number of another kind asked for or named just before a run ("Your applicant number?
    # 2 3 7 8 8 1"): that run is the number named, not bank details that only its length
    # suggested. Words of a bank's number nearby keep it one ("customer account number").
    _ANOTHER_NUMBER = re.compile(
        r"\b(applicant|application|order|booking|reservation|membership|member|policy|customer|staff|employee|payroll|"
        r"student|loyalty|tracking|invoice|ticket|claim|case|job|serial|confirmation|meter|parcel|voucher|"
        r"registration|library|rail|club)\s+(card\s+)?(number|no|id|reference|ref|code)\b|\breference\b",
        re.I,
    )
    _BANK_WORDS = re.compile(r"\b(sort|account|bank|banking|bacs|direct debit|standing order)\b", re.I)
    _ANOTHER_NUMBER_REACH = 80  # characters before the run

    @classmethod
    def _answers_another_number(cls, text: str, start: int, entity: str) -> bool:
        """Is a run taken for bank details by its length alone another number named before it?"""
        if entity not in ("SORT_CODE", "BANK_ACCOUNT"):
            return False
        before = max(0, start - cls._ANOTHER_NUMBER_REACH)
        return bool(cls._ANOTHER_NUMBER.search(text, before, start)) and not cls._BANK_WORDS.search(text, before, start)

    @classmethod
    def _leading_groups(cls, text: str, leads: list[tuple[int, int, str]], start: int, digits: str) -> list[tuple[int, int, str]]:
        """The short groups that begin the long run at `start`, read in turns of their own
        ("Four six five nine." "Mm hmm." "Oh two, eight eight, ..."): the last group alone when
        the two make a card number's length (14 to 19 digits, or 13 that pass Luhn), or several
        groups of four that make 16 with it ("4658" "uh huh" "2210" "yep" "3391 0624"), Luhn
        or not: a misheard digit fails the checksum, and a card read so is still a card."""
        if not leads or len(_WORD.findall(text[leads[-1][1] : start])) > cls._LEAD_GAP_WORDS:
            return []
        if cls._A_COUNT.match(text, leads[-1][1]):
            return []  # "Can you read me the sixteen digits?" counts them, it reads none
        for k in range(len(leads), 1, -1):
            groups = leads[-k:]
            if cls._groups_of_four(groups) and 4 * k + len(digits) == 16:
                return groups
        joined = leads[-1][2] + digits
        if 14 <= len(joined) <= 19 or (len(joined) == 13 and luhn_valid(joined)):
            return leads[-1:]
        return []

    @staticmethod
    def _second_half(text: str, first_end: int, start: int, digits: str) -> bool:
        """Do two long runs, a few words apart, make one card number? Only when together they
        pass Luhn: an account number and a sort code read one after the other do not."""
        return 13 <= len(digits) <= 19 and luhn_valid(digits) and len(_WORD.findall(text[first_end:start])) <= 4

    @classmethod
    def _join_card_groups(cls, text: str, found: list[tuple[str, int, int, float]]) -> list[tuple[str, int, int, float]]:
        """Groups of one card item on one line with one or two words between them are one: the
        words between are digits misheard ("Seven, I'm free-four", "5 will no 5, will no 5")."""
        found = sorted(found, key=lambda f: f[1])
        joined: list[tuple[str, int, int, float]] = []
        for entity, start, end, score in found:
            if joined and entity in CARD_ENTITIES:
                last_entity, last_start, last_end, last_score = joined[-1]
                gap = text[last_end:start]
                if last_entity == entity and start >= last_end and "\n" not in gap and len(_WORD.findall(gap)) <= 2:
                    joined[-1] = (entity, last_start, end, max(score, last_score))
                    continue
            joined.append((entity, start, end, score))
        return joined

    def _card_follow_up(self, text: str, start: int, end: int, digits: str, known: frozenset[str]) -> tuple[str, int, int, float]:
        """The short numbers said just after a card number are its expiry and security code,
        even when the agent's questions were lost ("..., the end of August 27th, 2, 8, 1.")."""
        month = self._MONTH.search(text, max(0, start - 20), start)
        if month:
            end_of = self._END_OF.search(text, max(0, month.start() - 12), month.start())
            return "CARD_EXPIRY", end_of.start() if end_of else month.start(), end, 0.6
        # `digits` may be a number word: _expiry_and_code passes a run's first token ("Five").
        if "/" in text[start:end] or "slash" in text[start:end].lower() or (len(digits) == 4 and digits.isdigit() and 1 <= int(digits[:2]) <= 12):
            return "CARD_EXPIRY", self._short_answer_start(text, start, end, known), end, 0.5
        return "CARD_SECURITY_CODE", self._short_answer_start(text, start, end, known), end, 0.5

    # The next sentence after an answer's digits, where Whisper wrote no full stop: "32 Free
    # digit code" (a capital other than "I").
    _NEXT_SENTENCE = re.compile(r"[.?!\n]|\s+(?!I\b)[A-Z]")

    @classmethod
    def _short_answer_start(cls, text: str, start: int, end: int, known: frozenset[str]) -> int:
        """A number's answer takes in the one or two words before its digits when they open the
        answer (after a sentence's end or a comma), the digits end it and the words are no
        English ones, or sound like digits: they are its first digits garbled ("Neuropex, 32"
        for "Zero six, thirty"; "..., Freemines 1, I'm 2, ..." for "Three nine one, five ...").
        Not "Yes, 917.", "American Express 3746 ...", nor the question "Marlin' until 11, 30."."""
        closed = cls._NEXT_SENTENCE.search(text, end)
        if _WORD.search(text, end, closed.start() if closed else len(text)):
            return start
        window = max(0, start - 80)
        before = list(_WORD.finditer(text, window, start))[-3:]
        for k in (2, 1):
            if len(before) < k or _SENTENCE_END.search(text, before[-k].start(), start):
                continue
            gap = text[before[-k - 1].end() : before[-k].start()] if len(before) > k else text[window : before[-k].start()]
            if not _CLAUSE_STOP.search(gap) and not (len(before) == k and window == 0):
                continue
            words = [w.group().lower() for w in before[-k:]]
            if any(w in _ANSWER_OPENERS for w in words):
                continue
            if all(w in HEARD_NUMBER_WORDS or w in DIGIT_SOUNDALIKES or not is_english(w, known) for w in words):
                return before[-k].start()
        return start

    def _expiry_and_code(self, text: str, start: int, end: int, known: frozenset[str]) -> list[tuple[str, int, int, float]]:
        """A month, then one run of digits: the expiry's year and the security code said in one
        breath ("January 28 eight five five"). The year is the run's first number."""
        first = self._TOKEN.search(text, start, end)
        expiry = self._card_follow_up(text, start, first.end(), first.group(), known)
        rest = self._TOKEN.search(text, first.end(), end)
        if not rest or not first.group().isdigit() or len(first.group()) not in (2, 4):
            return [(expiry[0], expiry[1], end, expiry[3])]  # no year to split at: all of it
        return [expiry, ("CARD_SECURITY_CODE", rest.start(), end, 0.5)]

    # Pounds and pence as Whisper writes a sum with its unit lost: "442 .50", "£42.50".
    _MONEY = re.compile(r"£?\s*\d{1,4}\s*\.\d{2}\W*")

    def _is_amount(self, text: str, start: int, end: int) -> bool:
        """'42 pounds', '20 minutes', the pence in '42 pounds 50', and '442 .50'."""
        if self._MONEY.fullmatch(text, start, end):
            return True
        following = _WORD.search(text, end)
        preceding = list(_WORD.finditer(text, max(0, start - 12), start))[-1:]
        return any(m.group().lower() in self.unit_words for m in [following, *preceding] if m)

    @staticmethod
    def _words_on(text: str, pos: int, n: int) -> int:
        """The character position n words after pos."""
        last = pos
        for i, w in enumerate(_WORD.finditer(text, pos)):
            if i >= n:
                break
            last = w.end()
        return last


class InitialsRecognizer(ConfiguredRecognizer):
    """An organisation's initials heard with at most one letter wrong, then a word saying who
    belongs to it: "I'm a DMB member" for GMB. Telephone audio loses most of what tells G from
    D, B from P, M from N. The letters must be capitals, as Whisper writes letters it heard one
    by one ("D.M.B.", "D &B"), as many as the initials have, no English word ("a NEW member"),
    and not other initials common on calls (`exclusions`: "the BMW rep" is no BMA rep)."""

    # The utterances split after "R.C.M.", so the role may be on the next line.
    _LETTERS = re.compile(r"(?<![A-Za-z])([A-Z](?:[ .&-]{0,2}[A-Z]){1,5})(?:\.?[ ,]+|\.\n)(\w+)\b")

    def __init__(
        self,
        supported_entity: str,
        initials: list[str],
        roles: list[str],
        name: str | None = None,
        exclusions: list[str] | None = None,
        score: float = 0.5,
        supported_language: str = "en",
    ):
        self.initials = [i.upper() for i in initials]
        self.roles = {r.lower() for r in roles}
        self.excluded = {e.upper() for e in exclusions or []}
        self.score = score
        super().__init__(supported_entities=[supported_entity], name=name, supported_language=supported_language)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        known = english_words(nlp_artifacts.nlp_engine if nlp_artifacts else None)
        results = []
        for m in self._LETTERS.finditer(text):
            letters = re.sub(r"[ .&-]", "", m.group(1))
            if m.group(2).lower() not in self.roles or letters in self.excluded or letters.lower() in known:
                continue  # "a NEW member" is a word in capitals
            if any(len(i) == len(letters) and sum(a != b for a, b in zip(i, letters)) <= 1 for i in self.initials):
                results.append(self._result(self.supported_entities[0], m.start(), m.end(2)))
        return results


class SpelledIdentifierRecognizer(ConfiguredRecognizer):
    """An identifier read out character by character, however its question came out ("what's
    your life on summer?" for "licence number"): a run of letters spelled in capitals and digits
    in one utterance ("M -O -R -E -A, M -1 -1 -2 -0 -9, G -I -N -I -L -K."; "X, 3, 3, 1, A, 2,
    3, 1, A."). With at least `min_letters` letters and `min_digits` digits, `min_characters`
    in all, it is a driving licence number from `licence_characters` on (16 in full), else a
    National Insurance number (9). Shorter runs are the references and staff numbers a call is
    full of ("X, Y, 4, 4, 2", "SD418"), and a postcode has too few digits. Two of the letters at
    least are spelled on their own, not only run into digits: "4M and 1Px, 3305" is a card
    number's groups garbled."""

    # A spelled character, a group of them, or letters and digits run together ("610M", "e1cd"),
    # but no ordinal ("the 6th, 7th").
    _SPELLED = re.compile(r"^(?!\d+(st|nd|rd|th)$)([A-Z]{1,6}|\d+|[A-Za-z]*\d[A-Za-z\d]*)$")
    # Said between the characters without ending the run.
    _BETWEEN = {"and", "then", "just", "dash", "space"}
    _TOKEN = re.compile(r"\S+")
    _EDGES = re.compile(r"^[^A-Za-z0-9]+|[^A-Za-z0-9]+$")

    def __init__(
        self,
        name: str | None = None,
        min_letters: int = 3,
        min_digits: int = 3,
        min_characters: int = 8,
        licence_characters: int = 12,
        score: float = 0.5,
        supported_language: str = "en",
    ):
        self.min_letters, self.min_digits, self.min_characters = min_letters, min_digits, min_characters
        self.licence_characters = licence_characters
        self.score = score
        super().__init__(
            supported_entities=["DRIVING_LICENCE_NUMBER", "NATIONAL_INSURANCE_NUMBER"], name=name, supported_language=supported_language
        )

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for line in re.finditer(r"[^\n]+", text):
            for run in self._runs(line.group()):
                characters = "".join("0" if w.lower() in DIGIT_WORDS else w for _, _, w in run)
                letters, digits = sum(c.isalpha() for c in characters), sum(c.isdigit() for c in characters)
                spelled_letters = sum(len(w) for _, _, w in run if w.isalpha() and w.lower() not in DIGIT_WORDS)
                if letters < self.min_letters or digits < self.min_digits or letters + digits < self.min_characters or spelled_letters < 2:
                    continue
                entity = "DRIVING_LICENCE_NUMBER" if letters + digits >= self.licence_characters else "NATIONAL_INSURANCE_NUMBER"
                if not entities or entity in entities:
                    results.append(self._result(entity, line.start() + run[0][0], line.start() + run[-1][1]))
        return results

    def _runs(self, line: str) -> Iterable[list[tuple[int, int, str]]]:
        """Each run of spelled characters in `line`, as (start, end, characters) per word."""
        run: list[tuple[int, int, str]] = []
        between = False  # a word said between characters since the run's last one
        for m in self._TOKEN.finditer(line):
            word = self._EDGES.sub("", m.group())
            if word and (self._SPELLED.match(word) or word.lower() in DIGIT_WORDS):
                run.append((m.start(), m.end(), word))
                between = False
            elif run and not between and word.lower() in self._BETWEEN:
                between = True
            elif run:
                yield run
                run, between = [], False
        if run:
            yield run


_NOT_NAME_ENTITIES = frozenset({"NORP", "DATE", "TIME", "LANGUAGE", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT"})


class ReadBackNameRecognizer(ConfiguredRecognizer):
    """A first name the agent says back to the caller: "Thanks, Helen.", "Done, Chloe.", "And
    your date of birth, Graham?". A capitalised word after one of `openers`, or closing a
    question after a comma, with only a pause after it, that spaCy tags as a proper noun and
    not as a nationality or date, and no term of address ("..., Sir?"). "Thanks. Bye." is two
    sentences, not a name."""

    _NAME = r"(?-i:[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)?)"
    _NOT_NAMES = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "christmas", "easter", "bye", "goodbye", "sir", "madam", "mam", "ma", "mum", "dad", "mate", "love", "dear",
        "pal", "everyone", "god",
    }  # fmt: skip

    def __init__(
        self,
        supported_entity: str,
        openers: list[str],
        name: str | None = None,
        score: float = 0.5,
        supported_language: str = "en",
    ):
        alternatives = "|".join(re.escape(o) for o in sorted(openers, key=len, reverse=True))
        self.after_opener = re.compile(rf"\b(?:{alternatives}),?[ ]+({self._NAME})(?=[,.!?]|[ ]*$)", re.IGNORECASE | re.MULTILINE)
        self.closing_question = re.compile(rf",[ ]+({self._NAME})\?", re.IGNORECASE)
        self.not_names = self._NOT_NAMES | {o.lower() for o in openers}  # "Thank you, Thanks."
        self.score = score
        super().__init__(supported_entities=[supported_entity], name=name, supported_language=supported_language)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        # spaCy's entity type tells a name from a nationality or a date; not from a place, as
        # the small model takes "Helen" for one.
        proper_nouns = (
            {t.idx for t in nlp_artifacts.tokens if t.pos_ == "PROPN" and t.ent_type_ not in _NOT_NAME_ENTITIES} if nlp_artifacts else set()
        )
        results = []
        for rx in (self.after_opener, self.closing_question):
            for m in rx.finditer(text):
                if m.start(1) in proper_nouns and m.group(1).lower() not in self.not_names:
                    results.append(self._result(self.supported_entities[0], m.start(1), m.end(1)))
        return results


class TermAfterCueRecognizer(ConfiguredRecognizer):
    """A term heard a little wrong where a cue says one comes next: "My mother is Korgish"
    for "Kurdish", "my grandparents are Kashmiric". The word after the `cue` must be no
    English word and spell like one of `terms` (SequenceMatcher ratio >= `ratio`), both of
    `min_length` letters or more; an exact term there is left to the term lists. Spelling
    alone is too loose anywhere else, and for short terms ("Baha'i": "We are Mahai") the term
    lists' fuzzy matching is off."""

    def __init__(
        self,
        supported_entity: str,
        cue: str,
        terms: list[str],
        name: str | None = None,
        ratio: float = 0.7,
        min_length: int = 5,
        score: float = 0.5,
        supported_language: str = "en",
    ):
        self.after_cue = re.compile(rf"{cue}(?P<word>[a-z][a-z'-]+)\b", re.IGNORECASE)
        self.terms = {t.lower().replace("'", "") for t in terms if " " not in t and len(t.replace("'", "")) >= min_length}
        self.matchers = [SequenceMatcher(None, "", t) for t in sorted(self.terms)]
        self.ratio = ratio
        self.min_length = min_length  # of the word heard too: "We're Sri Lankan" is no "sehri"
        self.score = score
        super().__init__(supported_entities=[supported_entity], name=name, supported_language=supported_language)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        known = english_words(nlp_artifacts.nlp_engine if nlp_artifacts else None)
        results = []
        for m in self.after_cue.finditer(text):
            word = m.group("word").lower().replace("'", "")
            if len(word) < self.min_length or word in self.terms or is_english(word, known):
                continue
            for matcher in self.matchers:
                matcher.set_seq1(word)
                if matcher.ratio() >= self.ratio:
                    results.append(self._result(self.supported_entities[0], m.start(), m.end("word")))
                    break
        return results


RECOGNIZER_CLASSES = {
    cls.__name__: cls
    for cls in (
        TermListRecognizer, PromptedAnswerRecognizer, DigitRunRecognizer, InitialsRecognizer, ReadBackNameRecognizer,
        SpelledIdentifierRecognizer, TermAfterCueRecognizer,
    )  # fmt: skip
}


def build_recognizer(entry: dict) -> EntityRecognizer:
    """One of our recognizers from its YAML entry (`type: callredact`, `class_name: ...`)."""
    fields = {k: v for k, v in entry.items() if k not in ("type", "class_name", "enabled")}
    class_name = entry.get("class_name")
    cls = RECOGNIZER_CLASSES.get(class_name or "")
    if cls is None:
        raise ValueError(f"recognizer {entry.get('name')!r}: unknown class_name {class_name!r}")
    try:
        return cls(**fields)
    except (TypeError, ValueError, re.error) as exc:  # a bad key or regex in the YAML
        raise ValueError(f"recognizer {entry.get('name')!r}: {exc}") from None
