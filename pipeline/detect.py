"""Find what must be redacted: Presidio over the call's transcript, fully offline.

The transcript becomes one text, a line per segment in time order (so a customer's answer
follows the agent's question), analysed by Presidio's AnalyzerEngine with the recognizers in
config/recognizers/*.yaml. Each result is mapped back to the words it covers.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from .categories import ALL_CATEGORIES, PAYMENT_CARD_CATEGORIES
from .config import DetectionSettings, Settings
from .data import Detection, Segment, Transcript, UnheardSpeech
from .models import ResolvedModel, resolve_nlp_model
from .spoken import CARD_EXPIRY_YEARS, DIGIT_SOUNDALIKES, DIGIT_WORDS, DIGITISH, HEARD_NUMBER_WORDS, MONTH_NAMES

# A full stop before a letter is no break: Whisper writes letters said one by one that way
# ("I'm striking with the M .A .I Thursday" for "the BMA on Thursday").
_CLAUSE_BREAK = re.compile(r"[?!\n,;]|\.(?!\w)")
_SENTENCE_BREAK = re.compile(r"[.?!\n]")
_SECOND_PERSON = re.compile(r"\b(you|your|you're|you've)\b", re.IGNORECASE)
_SINGULAR_FIRST_PERSON = re.compile(r"\b(i|i'm|i've|i'd|me|my|mine)\b", re.IGNORECASE)
_ASKING = re.compile(
    r"\s*((and|but|or|so)\s+)?(any|anyone|anybody|anything|do you|have you|are you|were you|is there|which|what)\b"
    # "any" heard as "an" before the plural an insurer asks about: "and an inon emotoring
    # criminal convictions" for "and any non-motoring criminal convictions".
    r"|\s*((and|but|or|so)\s+)?an\s+([\w-]+\s+){0,3}(convictions|conditions|offences|claims|allergies|disabilities|illnesses|medications|injuries)\b"
    # ... and before one of them asked about over a period, its plural lost too: "an emotoring
    # conviction in the last IBM" for "any motoring convictions in the last five years".
    r"|\s*((and|but|or|so)\s+)?an\s+([\w-]+\s+){0,3}(conviction|condition|offence|claim|allergy|disability|illness|medication|injury)\s+in\s+the\s+(last|past)\b",
    re.IGNORECASE,
)
# "... convictions in the last five years": how insurers ask, whatever ASR made of "any".
OVER_A_PERIOD = r"in the (last|past) (\w+ )?(years?|months?)"
ASKED_OVER_A_PERIOD = re.compile(rf"\b{OVER_A_PERIOD}\b", re.IGNORECASE)  # also ends an answer (recognizers)
# The speaker's own person named just before the clause, which says something of them: "Can
# my husband, he's diabetic, bring his insulin?", "Is it okay if my son, who has autism, ...?"
_ONES_OWN_BEFORE = re.compile(
    r"\b(my|our)\s+(\w+\s+)?(son|daughter|husband|wife|partner|mum|mother|dad|father|child|baby|boy|girl|brother|"
    r"sister|nan|gran|grandad|grandma|grandmother|grandfather|friend|fianc[eé]e?|boyfriend|girlfriend),\s*$",
    re.IGNORECASE,
)
# A question reported, not answered: "on the form it asks about convictions".
_REPORTED_QUESTION = re.compile(r"\b(asks?|asking|asked|question|questions)\s+(about|for|if|whether)\b", re.IGNORECASE)
# The agent saying what the company does not do: "We don't ask for predictive genetic test
# results", "we never store your voiceprint".
_POLICY = re.compile(
    r"\bwe\s+(don't|do not|never|won't|will not|can't|cannot|wouldn't|aren't allowed to|are not allowed to)\s+"
    r"(ask|asks|require|store|collect|record|share|hold|request)\b", re.IGNORECASE)
# The company's "we" in the agent's question: "Any allergies we should know about?", "any
# conditions we need to be aware of?".
_COMPANY_NEEDS = re.compile(r"\bwe\s+(should|need to|ought to|must|have to)\s+(know|be aware|note|record|consider)\b", re.IGNORECASE)
_PROMPTED = "PromptedAnswerRecognizer"
# Visa, Mastercard and Maestro numbers have 16 to 19 digits, Amex 15, Diners 14.
_FEWEST_CARD_DIGITS = 14
# ... and a number heard with fewer than Amex's 15 is most likely one of 16 with a group
# garbled: words before it that sound like digits are taken in (_card_number_lead_in).
_FEWEST_COMMON_CARD_DIGITS = 15
_CARD_TALK = re.compile(r"\b(card|cards|visa|mastercard|maestro|amex|american express|debit|credit|pay|paying|payment|expiry)\b", re.IGNORECASE)
# The agent confirming a payment: the end of the card's items.
_PAYMENT_DONE = re.compile(
    r"\b(gone through|all done|all booked|payment (has )?(gone|been taken|taken|complete|completed|successful|approved|received)|"
    r"that's (been )?(paid|taken|processed|approved|booked|done|renewed|gone)|thank(s| you) for (your|the) payment|"
    r"(you're|you are|your|that's|it's) (all )?(booked|sorted|confirmed|covered))\b",
    re.IGNORECASE,
)
_JOINING = re.compile(r"\s(?:and|but)\s", re.IGNORECASE)
# "They turned me away last time because my iron was low ...": the reason is the disclosure,
# what came of it another clause.
_BECAUSE = re.compile(
    r"\s(?:because|cos|'cause)\s(?=(?:i|i'm|i've|i'd|my|we|we're|we've|our|he|he's|she|she's|his|her|they|they're|their)\b)",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[\w']+")
_A_SUBJECT = re.compile(r"\b(i|i'm|i've|i'd|we|we're|we've|he|she|he's|she's|they|they're|it|it's|you|you're)\b", re.IGNORECASE)
# A verb straight after "and": the same subject doing something else ("and started chemo",
# "and was kept in"), not a list ("a kirpan and turban") nor a new subject ("and we're striking").
_A_VERB = re.compile(
    r"(\w+ed|was|were|had|has|have|got|get|gets|went|go|goes|came|come|need|needs|take|takes|took|"
    r"can't|couldn't|won't|didn't|don't|am|is|are|been|will|would|could|should|must|might|also|then|now|just|still)\b",
    re.IGNORECASE,
)
_CONJUNCTION = re.compile(r"\b(?:and|but|so|or)\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s*([\w']+)")
_NUMBER_NEXT = re.compile(r"\s*\d")
# ", so everything has to be kosher": a consequence whose cause, the clause before, discloses.
_CONSEQUENCE = re.compile(r"\s*so\b", re.IGNORECASE)
# "... and I'm starting treatment", "... and my permit doesn't cover the car park": the speaker
# begins a new clause without a comma, and so does the agent's next question that the
# recogniser ran in ("I'm an Irish traveller and you and your ..."). The people a disclosure
# goes on about do not begin one: "I'm gay and my partner Tom ...", "my hearing has got worse
# and my GP says ...".
_CLOSE_TO_THEM = r"partner|wife|husband|gp|doctor|consultant|specialist|midwife|nurse|carer|family"
_THEIR_OWN = rf"(my|our|his|her|their)(?!\s+({_CLOSE_TO_THEM})\b)"
# "... every week and the parking is costing a fortune": a thing that is neither a person nor
# the condition itself, and a verb, begins a new clause too ("and the GP says ..." goes on).
_ABOUT_THE_DISCLOSURE = (
    rf"{_CLOSE_TO_THEM}|doctors|hospital|clinic|"
    r"treatment|chemo|chemotherapy|medication|tablets|pain|symptoms|fatigue|condition|illness|baby|scan|results?|tests?|"
    r"operation|surgery|diagnosis|church|mosque|temple|synagogue|union|party|police|court|judge|sentence|conviction|"
    r"trial|hearing|case|charges?|probation|offence|neurologist|psychiatrist|oncologist|cardiologist|surgeon|surgeons|"
    r"physio|therapist|counsellor|paramedics?|ambulance|ward|nurses|ceremony|funeral|wedding|service|priest|imam|vicar|"
    r"rabbi|faith|religion|festival|fast|gene|genes"
)
# ... in up to three words: "and the next box hasn't come", "and the new time title is" (a
# timetable as the recogniser split it).
_A_THING_DOES = (
    rf"(the|a|an)\s+(?!({_ABOUT_THE_DISCLOSURE})\b)[a-z]+(\s+(?!({_ABOUT_THE_DISCLOSURE})\b)[a-z]+){{0,2}}"
    r"(\s+(is|are|was|were|isn't|aren't|wasn't|weren't|has|have|hasn't|haven't|keeps|costs|cost|won't|can't|"
    r"doesn't|don't|didn't|want|wants|wanted|need|needs|needed|said|says|told|asked|think|thinks|thought|reckon|"
    # "and the new shift pattern breaks our agreement"
    r"reckons|breaks|broke|means|meant|changes|changed|clashes|clashed|affects|affected|starts|started|stops|stopped|"
    r"runs|ran|goes|went|gets|got|makes|made|seems|seemed|looks|looked|works|worked|comes|came)\b"
    r"|'s\s+(costing|been|not|going|getting|taking|too)\b)"
)
# Some of a group as a new subject: "I'm the GMB steward at the depot(,) and three of the lads
# were short paid".
_SOME_OF_A_GROUP = (
    r"(one|two|three|four|five|six|seven|eight|nine|ten|some|all|most|none|half|both|several|many|a\s+few|a\s+couple|a\s+lot|lots|loads)"
    r"\s+of\s+(the|my|our|us|them|those|these)"
)
_SOME_OF_A_GROUP_NEXT = re.compile(rf"\s*{_SOME_OF_A_GROUP}\b", re.IGNORECASE)
_OWN_NEW_CLAUSE = re.compile(
    rf"\s+(and|but|so)\s+(i|i'm|i've|i'd|i'll|we|we're|we've|we'd|he|she|they|you|you're|you've|your|nobody|no one|"
    rf"someone|somebody|{_THEIR_OWN}|{_A_THING_DOES}|{_SOME_OF_A_GROUP})\b"
    # What the speaker needs or wants next, its subject left out: "I'm standing for Alba in the
    # by-election and need 2000 leaflets" ("... and need dialysis" goes on: _goes_on_about_it).
    r"|\s+(and|but)\s+(need|needs|want|wants|would\s+like)\b"
    # A consequence with the recogniser's comma lost ("... with a curfew so the engineer has
    # to come before seven"), not "so" as "very" ("my asthma is so bad").
    r"|\s+so\s+(the|a|an|it|it's|that|this|there|you|you'll|you'd|can|could)\b"
    # ... and "but" opening what happened next ("I log in with my face but since the update it
    # won't recognise me"); what the disclosure itself became goes on (_goes_on_about_it).
    r"|\s+but\s+(since|now|recently|lately|then|today|yesterday|this|these|that|it|it's|the|there|there's|nothing)\b"
    # The caller's question with the recogniser's full stop lost: "... for fraud in 2019 can I
    # still get a visa?", "... two years ago does it still count?", "... is there a discount?"
    r"|\s+(can|could|would|will|should|do|does|did|am|is|are|can't|couldn't|won't|wouldn't|shouldn't|don't|doesn't|didn't|"
    r"isn't|aren't)(?!\s+you\s+(know|see|mean)\b)\s+(i|we|you|they|he|she|it|that|this|there)\s+\w+"
    # ... or about a thing ("... on the solstice is the woodland free that day?")
    r"|\s+(is|are)\s+the\s+\w+\s+(free|available|open|booked|taken|ok|okay|possible)\b"
    # The agent saying what they will do, with no punctuation before it: "... I can only walk a
    # few metres i'll send the form your postcode".
    r"|\s+(i'll|we'll)\s+(send|pass|put|check|add|book|call|ring|note|update|arrange|sort|look|get\s+you)\b"
    # ... but what they will not do is another clause: "I came out as bi last year and my
    # family won't speak to me".
    rf"|\s+(and|but)\s+(my|our|his|her|their)\s+(\w+\s+)?({_CLOSE_TO_THEM})\s+"
    r"(won't|wouldn't|don't|doesn't|didn't|can't|couldn't|never|refuses?|refused)\b",
    re.IGNORECASE,
)
# What bears on a condition: "and the damp is making it worse", "it's flared up"; its symptoms
# ("and the night sweats are awful").
_WORSENS = r"(making|makes|made|make) (it|him|her|them|things|my \w+|his \w+|her \w+) (\w+ )?worse|flare[sd]?( up)?|flaring"
_SYMPTOMS = r"(night )?sweats|(hot )?flush(es)?|pains?|aches|cramps|fatigue|shak(e|es|ing)(?! hands)|shaky|tremors?"
# "I'm on bail and I sign on at the police station every Friday": a new clause that goes on
# about the disclosure's own matter (where it is dealt with, how it is treated) still discloses,
# as the dev calls' "{I have epilepsy} and {I take lamotrigine every day}" do.
_STILL_ABOUT_IT = re.compile(
    r"\b(police|court|magistrates|probation|bail|curfew|hospital|clinic|chemo|chemotherapy|dialysis|radiotherapy|"
    # a sentence served outside prison ("and I'm on licence till March", "and I'm tagged")
    r"on (my |his |her )?licen[cs]e|parole|tagged|(an? |my |his |her )(electronic |ankle )?tag|"
    r"medication|tablets|injections?|insulin|sugars|blood sugar|glucose|inhaler|wheelchair|crutches|stoma|catheter|surgery|operation|"
    # a machine the condition needs ("and I use a CPAP machine at night", "CP -machine")
    r"c-?pap|cp\s*-?machine|oxygen|ventilator|nebuli[sz]er|"
    # a licence given up for it ("and I've had to give up my licence")
    r"(give|gave|given|giving) up (my|his|her) (driving )?licen[cs]e|(can't|cannot|couldn't|not allowed to|stopped) driv\w*|"
    # the body data itself, kept ("and I don't want my face on your system")
    r"(my|his|her) (face|fingerprints?|thumbprints?|iris|retina|voice) (on|in|stored|kept|held|saved|used)|"
    # what became of a charge ("but it was dropped")
    r"(was|were|been|got|get|gets|is|are) (dropped|withdrawn|quashed|overturned|acquitted|cleared|spent)|not guilty|"
    r"mosque|church|synagogue|gurdwara|temple|prayers?|priest|vicar|imam|rabbi|chaplain|last rites|faith|beliefs?|religion|religious|"
    # ... a scripture or the oath a faith forbids ("and I'd rather affirm than swear on the Bible")
    r"bible|quran|koran|qur'an|torah|scriptures?|affirm|swear on|"
    # a faith's observance ("and we don't answer the door on Shabbat", "and I'm fasting", "and we
    # fast before Easter")
    r"sabbath|shabbat|shabbos|ramadan|fasting|fast(s|ed)? (before|during|until|till|through|over|on|in)|eid|diwali|kosher|halal|worship|hijab|turban|headscarf|kirpan|(dread)?locks|handfasting|(go|goes|going|went) to mass|"
    # ... or what it keeps its members from ("I'm a Christadelphian and we don't vote")
    r"(don't|do not|can't|cannot|won't|will not|never|mustn't|(aren't|are not|isn't|is not) allowed to) (vote|celebrate|accept|gamble|fight|swear|salute)|"
    r"picket|strike|ballot\w*|branch|steward|represent\w*|leafleting|canvass\w*|(by-)?elections?|"
    # the vote or act disclosed, again ("I voted Green last time and I'll do it again")
    r"(vote|votes|voted|voting|do|doing|did)( \w+){0,3} again|"
    # what a test found ("I did one of those DNA kits and it flagged a gene for ...")
    r"flagged|genes?|carrier|tested positive|"
    # ... or where it came from ("and I've inherited the faulty gene from my dad")
    r"inherit\w*|"
    # a sex life's own terms ("I'm asexual and I'm not looking for anything physical")
    r"(anything|something|nothing) physical|intima\w*|celiba\w*|sex life|"
    r"boyfriend|girlfriend|partner|husband|wife|fianc[eé]e?|changed my name|name changed|(old|birth|previous|former) name|deed poll|(come|came|coming) out|"
    r"transition\w*|told (my|our) (family|parents|mum|dad)|"
    # a condition's effects ("and my speech is slow", "and I struggle on the phone"), a paternity
    # test's finding
    r"speech|memory|eyesight|sight|hearing|balance|mobility|breathing|symptoms|struggl\w*|"
    rf"{_SYMPTOMS}|"
    # ... or what sets it off ("and the damp is making it worse")
    rf"{_WORSENS}|"
    # what the condition is met with ("and I get extra time for the theory test")
    r"extra time|(reasonable )?adjustments?|large print|braille|hearing aids?|guide dog|blue badge|support worker|"
    # ... what it stops the speaker doing ("I have lupus and I can't lift heavy bags")
    # ... but not "I can't see where to put that": seeing how, where or whether is finding out.
    r"(can't|cannot|can not|couldn't|can only) (work|hear|see(?! (where|what|how|why|if|whether|which|any ?(way|option|reason|box|point)))|walk|read|stand|sleep|breathe|cope|get out|lift|carry|bend|kneel|grip|swallow|climb)|"
    r"(isn't|is not|wasn't|was not|not) (my|the|his|her) (son|daughter|child|baby|father|dad))\b",
    re.IGNORECASE,
)
# Who the clause after "and" is about, for it to go on with the disclosure: the speaker, the
# person disclosed about, or their own ("and my speech is slow").
_ABOUT_IT_SUBJECTS = {
    "i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "we'd", "he", "she", "they", "my", "our", "his", "her", "their",
    "he's", "she's", "he'd", "she'd", "they're", "they'd", "it", "it's",
    # the speaker again, unsaid: "and need dialysis three times a week"
    "need", "needs", "want", "wants", "would",
}  # fmt: skip
# The speaker as a subject: a segment opening on one starts a new clause (Detector._clause).
_SPEAKER_SUBJECTS = {"i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "we'd", "we'll"}
# A clause about a thing ("and the ...") goes on only with a condition's symptoms or what worsens
# it: "and the damp is making it worse", not "and the form keeps asking for a wife".
_BEARS_ON_IT = re.compile(rf"\b({_WORSENS}|{_SYMPTOMS})\b", re.IGNORECASE)
_AND_THEN = re.compile(r"\s*(?:and|but)\s+([\w']+)", re.IGNORECASE)


def _goes_on_about_it(text: str, pos: int) -> int | None:
    """Where the clause "and <subject> ..." (or "but ...") at `pos` goes on with the disclosure
    before it, its subject's end; None when it is another matter or no such clause."""
    clause = _AND_THEN.match(text, pos)
    subject = clause.group(1).lower() if clause else ""
    about_it = _BEARS_ON_IT if subject == "the" else _STILL_ABOUT_IT if subject in _ABOUT_IT_SUBJECTS else None
    if not about_it:
        return None
    brk = _CLAUSE_BREAK.search(text, clause.end())
    return clause.end() if about_it.search(text, clause.end(), brk.start() if brk else len(text)) else None


# ", and my subscription hasn't come off my pay": with the comma too, the speaker's own
# belongings begin a new clause. Pronouns after a comma are left to _NEW_SUBJECT: "The
# paternity DNA test came back, and he's not my son" is one disclosure.
_OWN_THINGS_NEXT = re.compile(rf"\s+(and|but)\s+({_THEIR_OWN}|{_A_THING_DOES})\b", re.IGNORECASE)
# ", when will the power be back?", ", should my wife be tested too?": the caller's question
# after the disclosure.
_ASKS_NEXT = re.compile(
    r"\s+(when|where|what|how)\s+(will|can|do|does|did|is|are|would|should|could|shall)\b"
    r"|\s+(should|can|could|would|will|do|does|did|is|are|am|shall|must|may|might)\s+"
    r"(i|we|you|they|he|she|it|that|this|there|my|our|his|her|their)\b",
    re.IGNORECASE,
)
# The agent's next question for an item, run in after a comma in mono: "Black British,
# Caribbean, thanks, and a phone number."
_ITEM_ASKED_NEXT = re.compile(
    r"\s+(and\s+)?(a|an|your|the|his|her|their)\s+(\w+\s+){0,2}(number|name|postcode|post code|address|email|date of birth)\b",
    re.IGNORECASE,
)
# The agent's acknowledgement run in after a comma in mono: "... will lead the service, of
# course, and a contact number".
_ACKNOWLEDGED_NEXT = re.compile(
    r"\s+(of\s+course|no\s+problem|not\s+a\s+problem|lovely|perfect|brilliant|cheers|noted|understood|certainly)\b",
    re.IGNORECASE,
)
# What begins a new clause just after a comma.
_NEW_CLAUSE_AFTER_COMMA = (_OWN_THINGS_NEXT, _ASKS_NEXT, _ITEM_ASKED_NEXT, _ACKNOWLEDGED_NEXT)
_CLAUSE_OPENERS = {
    "so", "but", "and", "or", "because", "then", "which", "while", "although", "though", "thanks", "thank",
    "i", "i'm", "i've", "i'd", "we", "we're", "we've", "he", "she", "they", "it's", "that's", "yes", "no",
    "i'll", "we'll", "you'll", "they'll", "he'll", "she'll", "it'll", "that'll",
    "please", "sorry", "okay", "ok", "right", "anyway",
    # The caller turning to ask something: "..., can you pick me up on Monday?"
    "can", "could", "would", "will", "is", "are", "do", "does", "did", "what", "how", "where", "who", "why",
}  # fmt: skip
# ", and go for dialysis", ", and the GP says ...": the recogniser's comma before "and" with
# no new speaker or question after it goes on with the same disclosure.
_CONTINUING_CONJUNCTIONS = {"and", "or"}
_NEW_SUBJECT = _CLAUSE_OPENERS | {
    "you", "you're", "you've", "your", "when", "have", "has", "there", "there's", "it", "that", "this", "if", "i'll", "we'd", "we'll",
}  # fmt: skip
# A partner and the speaker as one subject, then what they want: "My wife and I want a joint
# membership" discloses in its subject; what they want says no more.
_AND_I = re.compile(r"\band\s+(i|me|myself)$", re.IGNORECASE)
_WANTS_NEXT = re.compile(r"(?:'d|\s+(?:want|wants|wanted|would|need|needs|needed|will|can|could))\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(i|i'm|i've|i'd|me|my|we|we're|we've|our|us)\b", re.IGNORECASE)
_CARD_CATEGORIES = frozenset(PAYMENT_CARD_CATEGORIES)
_AFTER_THE_NUMBER = _CARD_CATEGORIES - {"card_number"}  # the items asked for after a card's number
# Identifiers read out letter by letter.
_SPELLED_IDENTIFIERS = frozenset({"email_address", "postcode", "national_insurance_number", "driving_licence_number"})
# What a speaker says they are comes after these: "we're six" may be "we're Sikhs".
_COPULA = re.compile(r"i'm|we're|they're|he's|she's|am|are|is|was|were")
# Words a caller says before an answer, that the second decode can put a vocabulary word on.
_FILLER_WORDS = frozenset({"yeah", "yes", "yep", "um", "uh", "erm", "er", "okay", "ok", "so", "well", "right"})
# A letter spelled out on its own ("K", ".L,"): not "a" or "I", which are words.
_SPELLED_LETTER = re.compile(r"[.\-]*[b-hj-z][.\-,?!]*", re.IGNORECASE)


_TRAILING_PUNCTUATION = re.compile(r"[.,?!;:]+$")


def _is_stereo(transcript: Transcript) -> bool:
    """Does the call have the agent and the caller on channels of their own?"""
    return len({seg.channel for seg in transcript.segments}) > 1


def _spoken(text: str) -> str:
    """A word as said, as _bare, and without the "-" Whisper puts before a digit ("-4")."""
    return text.lower().strip(".,?!-")


def _bare(text: str) -> str:
    """A word as said: lower case, without the punctuation Whisper put after it."""
    return _TRAILING_PUNCTUATION.sub("", text).lower()


def _kin_word(text: str) -> str:
    """A word as said, without a possessive "'s" ("husband's")."""
    return _bare(text).removesuffix("'s")


_NO_ONE_IN_PARTICULAR = {
    "anything", "anyone", "anybody", "everything", "everyone", "everybody", "nothing", "nobody", "something",
    "someone", "somebody", "whatever", "whoever",
}  # fmt: skip
# A word that can be a name: capitalised, letters only ("Nadia", "O'Neill", "Smith-Jones").
_NAME_WORD = re.compile(r"^[A-Z][a-z]+(['-][A-Z]?[a-z]+)*$")
# Words of a name that are not capitalised: "Marie von Nguyen", "Omar bin Said".
_NAME_PARTICLES = {"van", "von", "de", "da", "del", "della", "der", "den", "du", "la", "le", "bin", "bint", "al", "el", "ibn", "ap"}
# What spaCy takes for a name in a call and is none: digits ("SD418"), a card's brand as heard
# ("MasterCAD", "Mastercard"; not the surnames "Masters", "Masterson") or a way to pay said as
# the answer to "How would you like to pay?" ("Card. 5156, ..."), or the agent's confirmation
# heard as a surname ("Lovely, Max Booked." for "Lovely, that's booked.").
_NOT_A_NAME = re.compile(
    r"\d|^(?i:master(?!s$|son$|ton$)\w*|visa|amex|maestro|card|cash|cheque|debit|credit|booked|sorted|paid|noted|cancelled|confirmed)$"
)
# Names that are things: the flag ("Union Jack bunting"), whichever of its words spaCy tags.
_NAMED_THING = re.compile(r"\bunion\s+jacks?\b", re.IGNORECASE)
# How many words a decode given a vocabulary puts in for noise at most: "HIV", "Deaf, gay".
_INSERTED_WORDS = 2
# A digit or a spelled letter as a word: "7,", "-4", "four", letters as Whisper writes them
# spelled out, in capitals ("QT", "C.", "L.S."), but not "I" or "a", and capitals run into
# digits ("M10425", "4FR").
_DIGIT_OR_LETTER = re.compile(
    r"^\W*(\d[\d\W]*|[A-HJ-Z]|[A-Z]{2}|[A-Z]\.([A-Z]\.?)*|[A-Z\d]*([A-Z]\d|\d[A-Z])[A-Z\d]*|(?i:"
    + "|".join(DIGIT_WORDS) + r"))\W*$")
PLACEHOLDER = re.compile(r"\[[A-Z_]+\]")  # what placeholder() writes
_SENTENCE_END = (".", "?", "!")


def placeholder(category: str, word: str) -> str:
    """[CATEGORY] in place of a word, keeping the word's trailing punctuation: the sentence
    it ended must still end there."""
    trailing = _TRAILING_PUNCTUATION.search(word)
    return f"[{category.upper()}]" + (trailing.group() if trailing else "")


def make_tldextract_offline() -> None:
    """Presidio's email recognizer asks tldextract, which fetches the public suffix list from
    the internet by default; use the snapshot bundled with tldextract instead."""
    import tldextract.tldextract as tx

    tx.TLD_EXTRACTOR = tx.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


@dataclass(frozen=True)
class WordSpan:
    segment: int
    word: int
    start: int  # character offsets in the analysed text
    end: int


@dataclass
class TranscriptText:
    text: str
    words: list[WordSpan]
    # The channel of each segment, by segment index.
    channels: tuple[int, ...] = ()

    def words_in(self, start: int, end: int) -> tuple[tuple[int, int], ...]:
        return tuple((w.segment, w.word) for w in self.words if w.start < end and start < w.end)

    def word_bounds(self, start: int, end: int) -> tuple[int, int] | None:
        covered = [w for w in self.words if w.start < end and start < w.end]
        if not covered:
            return None
        return covered[0].start, covered[-1].end


def utterances(transcript: Transcript) -> list[list[tuple[int, int]]]:
    """Sentences of every segment as (segment, word) runs, in time order across channels.

    Whisper's segments on one channel can span another channel's turn (a customer's 12 s
    segment holds the answer to a question the agent asked in the middle of it); sentences
    interleave the two sides close to how the dialogue went, and a sentence Whisper split
    across segments is joined again."""
    runs: list[tuple[float, int, list[tuple[int, int]]]] = []
    for si, segment in enumerate(transcript.segments):
        current: list[tuple[int, int]] = []
        for wi, word in enumerate(segment.words):
            current.append((si, wi))
            if word.text.endswith(_SENTENCE_END):
                runs.append((segment.words[current[0][1]].start, segment.channel, current))
                current = []
        if current:
            runs.append((segment.words[current[0][1]].start, segment.channel, current))
    runs = _split_at_other_turns(transcript, runs)
    runs.sort(key=lambda r: (r[0], r[1]))
    merged: list[tuple[int, list[tuple[int, int]]]] = []
    for _, channel, run in runs:
        same_side = merged and merged[-1][0] == channel
        if same_side and not _ends_sentence(transcript, merged[-1][1][-1]) and not _opens_segment_sentence(transcript, run[0], merged[-1][1][-1]):
            # Whisper ended a segment mid-sentence ("I got a speeding" | "conviction in 2023"):
            # the sentence goes on unless the other side spoke in between.
            merged[-1][1].extend(run)
        else:
            merged.append((channel, list(run)))
    return [run for _, run in merged]


def _split_at_other_turns(transcript: Transcript, runs: list) -> list:
    """A sentence on one channel that runs on while the other side starts a turn is split
    there: "[card number], the end of August 27th, 2, 8, 1." said across the agent's "And when
    does it expire?" and "And the security code?" becomes three answers to three questions."""
    if len({channel for _, channel, _ in runs}) < 2:
        return runs
    word = lambda key: transcript.segments[key[0]].words[key[1]]  # noqa: E731
    pieces = []
    for start, channel, run in runs:
        end = word(run[-1]).end
        turns = sorted(t for t, other, _ in runs if other != channel and start < t < end)
        piece: list[tuple[int, int]] = []
        for key in run:
            if piece and turns and word(key).start >= turns[0]:
                pieces.append((word(piece[0]).start, channel, piece))
                piece = []
                while turns and turns[0] <= word(key).start:
                    turns.pop(0)
            piece.append(key)
        pieces.append((word(piece[0]).start, channel, piece))
    return pieces


def _ends_sentence(transcript: Transcript, key: tuple[int, int]) -> bool:
    return transcript.segments[key[0]].words[key[1]].text.endswith(_SENTENCE_END)


def _opens_segment_sentence(transcript: Transcript, key: tuple[int, int], before: tuple[int, int]) -> bool:
    """Does a segment open on a capitalised word that only opens sentences ("My", "Can")? Whisper
    writes a sentence it carries on in a new segment in lower case ("in conviction, ..."), so
    one like this is a new sentence even where the segment before it has no full stop: in a
    mono call, often the other side's ("Employment tribunal enquiries" | "My GMB rep ...").
    "I" and "A" are capitalised wherever they fall, so they open one only where the word
    `before` them does not carry the sentence on ("Car insurance quotes" | "An emotoring
    conviction in the last five years" | "I got a speeding conviction", where base wrote no
    punctuation at all; not "... and" | "I ..."). So does any other capitalised word, as the
    answer to a question whose "?" was lost ("Equality monitoring, your ethnic group" | "Irish
    Traveller"), unless the segment before ends on a comma or on a value's digit or letter
    ("7 -1 -0 -6 -1 -5" | "Aranoyin X -Y"), or the word is a value spelled in capitals ("FWDI,"
    | "FW9HQR, ...")."""
    if key[1] != 0:
        return False
    text = transcript.segments[key[0]].words[0].text.strip(",")
    if not text[:1].isupper():
        return False
    if text.lower() in _SENTENCE_OPENERS:
        return True
    previous = transcript.segments[before[0]].words[before[1]].text
    if text.lower() not in _CAPITALISED_ANYWHERE and (
        previous.endswith(",") or _DIGIT_OR_LETTER.match(previous) or not _CAPITALISED_WORD.match(text)
    ):
        return False
    return previous.lower().strip(",-") not in _CARRIES_ON


_CAPITALISED_WORD = re.compile(r"^[A-Z][a-z]")


_CAPITALISED_ANYWHERE = {"i", "i'm", "i've", "i'd", "i'll", "a", "an", "any"}
# A segment ending on one of these goes on in the next: "... and" | "I ...", "... with" | "a ...".
_CARRIES_ON = {
    "and", "but", "or", "so", "because", "that", "which", "who", "when", "if", "than", "as", "the", "a", "an", "my",
    "your", "his", "her", "our", "their", "of", "to", "for", "with", "in", "on", "at", "by", "from", "about", "is",
    "was", "are", "were", "be", "been", "have", "has", "had", "got", "get", "think", "said", "says", "know", "then",
}  # fmt: skip
_SENTENCE_OPENERS = {
    "my", "our", "your", "the", "we", "we're", "we've", "it", "it's", "that", "that's", "this", "there", "there's",
    "he", "he's", "she", "she's", "they", "they're", "yes", "yeah", "no", "okay", "ok", "so", "and", "but", "can",
    "could", "would", "will", "what", "what's", "how", "when", "where", "who", "which", "is", "are", "do", "does", "did",
    "have", "has", "thanks", "thank", "sorry", "lovely", "right", "sure", "great", "perfect", "please", "just", "oh",
    "well", "also", "hi", "hello", "good", "let", "let's",
    "you", "you're", "you'll", "you've", "you'd", "if", "now", "actually", "unfortunately", "certainly", "absolutely",
    # The agent telling the caller what to do: "Use the mixed other box and write it in".
    "use", "tick", "write", "send", "put", "try", "pop", "fill", "press", "click", "select", "choose", "enter", "bring",
    "hold", "bear", "give", "leave", "ring", "check", "don't",
}  # fmt: skip


def transcript_text(transcript: Transcript) -> TranscriptText:
    """The transcript as one text, an utterance per line, with each word's character span."""
    parts: list[str] = []
    words: list[WordSpan] = []
    pos = 0
    for run in utterances(transcript):
        for i, (si, wi) in enumerate(run):
            text = transcript.segments[si].words[wi].text
            if len(text) > 1 and text[0] == "-" and text[1].isalnum():
                # Word timing splits a hyphenated run at its hyphens: "Flat-3-22-Mill-Road" comes
                # as "Flat", "-3", "-22", "-Mill", "-Road". Read each piece as the word it is.
                text = text[1:]
            if i:
                parts.append(" ")
                pos += 1
            words.append(WordSpan(si, wi, pos, pos + len(text)))
            parts.append(text)
            pos += len(text)
        parts.append("\n")
        pos += 1
    words.sort(key=lambda w: w.start)
    return TranscriptText("".join(parts), words, tuple(seg.channel for seg in transcript.segments))


def load_recognizer_files(directory: Path) -> tuple[list[dict], list[dict]]:
    """(Presidio entries, callredact entries) from every YAML file in the folder, in name order."""
    presidio_entries, own_entries = [], []
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise FileNotFoundError(f"no recognizer files (*.yaml) in {directory}")
    for path in files:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in doc.get("recognizers", []):
            if entry.get("enabled", True) is False:
                continue
            (own_entries if entry.get("type") == "callredact" else presidio_entries).append(entry)
    return presidio_entries, own_entries


def name_ordered(registry):
    """The registry, handing out its recognizers in name order. Presidio's own returns them
    from a set (in an order that changes from run to run), and its de-duplication keeps the
    first of two equal results (same item, words and score): which detector a report names
    for such a tie would change between runs, and between the local and Ray executors."""
    from presidio_analyzer import RecognizerRegistry

    class NameOrderedRegistry(RecognizerRegistry):
        def get_recognizers(self, *args, **kwargs):
            return sorted(super().get_recognizers(*args, **kwargs), key=lambda r: r.name)

    return NameOrderedRegistry(registry.recognizers, registry.global_regex_flags, registry.supported_languages)


class Detector:
    """Builds the analyzer once; `detect` is then called once per call."""

    def __init__(self, settings: Settings):
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider
        from presidio_analyzer.recognizer_registry import RecognizerRegistryProvider

        from .recognizers import TermListRecognizer, WholeWordContextEnhancer, build_recognizer

        make_tldextract_offline()
        self.settings: DetectionSettings = settings.detection
        speakers = settings.channels.stereo_speakers
        self.stereo_agent_channel = speakers.index("agent") if "agent" in speakers else None
        self.nlp_model: ResolvedModel = resolve_nlp_model(self.settings.spacy_model)
        # A path (not a package name) so Presidio never tries to download a spaCy model.
        nlp_engine = NlpEngineProvider(
            nlp_configuration={
                "nlp_engine_name": "spacy",
                "models": [{"lang_code": "en", "model_name": str(self.nlp_model.path)}],
                "ner_model_configuration": {
                    "model_to_presidio_entity_mapping": {"PERSON": "PERSON", "PER": "PERSON"},
                    "labels_to_ignore": [
                        "ORG", "NORP", "FAC", "GPE", "LOC", "DATE", "TIME", "CARDINAL", "EVENT", "LANGUAGE",
                        "LAW", "MONEY", "ORDINAL", "PERCENT", "PRODUCT", "QUANTITY", "WORK_OF_ART",
                    ],
                },
            }
        ).create_engine()  # fmt: skip
        # No recognizer reads the dependency parse; it is a third of spaCy's time.
        nlp_engine.nlp["en"].select_pipes(disable=["parser"])
        presidio_entries, own_entries = load_recognizer_files(settings.resolve(self.settings.recognizers_dir))
        registry = RecognizerRegistryProvider(
            registry_configuration={"supported_languages": ["en"], "global_regex_flags": 26, "recognizers": presidio_entries},
            nlp_engine=nlp_engine,
        ).create_recognizer_registry()
        for entry in own_entries:
            registry.add_recognizer(build_recognizer(entry))
        self.analyzer = AnalyzerEngine(
            registry=name_ordered(registry),
            nlp_engine=nlp_engine,
            supported_languages=["en"],
            # Speech runs on: look further back than Presidio's default 5 words for context.
            context_aware_enhancer=WholeWordContextEnhancer(context_prefix_count=10, context_suffix_count=2),
        )
        # The term lists by name: a finding of the second decode is checked against their
        # exclusions in the first pass's words too (_from_hinted).
        self.term_lists = {r.name: r for r in registry.recognizers if isinstance(r, TermListRecognizer)}
        # Its questions for a card's items mark where the caller's answer was (unheard).
        self.prompted = next((r for r in registry.recognizers if r.name == _PROMPTED), None)
        self.entities = [e for e in self.analyzer.get_supported_entities("en") if self.category_of(e)]
        self.hotword_entities = [e for e in self.entities if self.category_of(e) in self.settings.hotword_categories]

    @property
    def description(self) -> dict:
        return {"name": self.settings.spacy_model, "version": self._spacy_version(), "path": str(self.nlp_model.path)}

    def _spacy_version(self) -> str:
        import json

        meta = json.loads((self.nlp_model.path / "meta.json").read_text())
        return str(meta.get("version"))

    def category_of(self, entity: str) -> str | None:
        if entity in self.settings.entity_categories:
            return self.settings.entity_categories[entity]
        lowered = entity.lower()
        return lowered if lowered in ALL_CATEGORIES else None

    def detect(self, transcript: Transcript) -> list[Detection]:
        tt = transcript_text(transcript)
        if not tt.words:
            return []
        detections = [d for d, _found in self._detect(transcript, tt, self.entities)]
        first_pass = list(detections)
        for decode in (transcript.hinted, transcript.slowed):
            if decode:
                detections += self._from_hinted(transcript, tt, first_pass, decode)
        detections += self._names_said_again(transcript, tt, detections)
        detections += self._card_not_heard(transcript, detections)
        detections += self._between_card_items(transcript, detections)
        detections += self._code_after_the_expiry(transcript, detections)
        detections += self._digits_in_a_card_call(transcript, tt, detections)
        detections += self._card_number_lead_in(transcript, detections)
        loops = {si for si, seg in enumerate(transcript.segments) if seg.repeats_itself}
        return merge_detections([self._whole_loops(transcript, loops, d) for d in detections])

    def _names_said_again(self, transcript: Transcript, tt: TranscriptText, detections: list[Detection]) -> list[Detection]:
        """A name found once is a name wherever the call says it again: "Hi Nadia" after
        "you're speaking to Nadia", the agent's "Done, Chloe." after "Chloe Adams". A name
        that is also an English word ("Will", "Mark") counts only inside a sentence, not as
        its first word ("Will you ...")."""
        names: dict[str, float] = {}
        found: set[tuple[int, int]] = set()
        for d in detections:
            if d.category == "person_name":
                found.update(d.words)
                for si, wi in d.words:
                    word = _TRAILING_PUNCTUATION.sub("", transcript.segments[si].words[wi].text)
                    if _NAME_WORD.match(word):
                        names[word] = max(d.score, names.get(word, 0.0))
        if not names:
            return []
        from .recognizers import english_words, is_english  # recognizers imports this module

        known = english_words(self.analyzer.nlp_engine)
        again = []
        for w in tt.words:
            word = _TRAILING_PUNCTUATION.sub("", tt.text[w.start : w.end])
            if word not in names or (w.segment, w.word) in found:
                continue
            if _opens_sentence(tt.text, w.start) and is_english(word, known):
                continue
            again.append(Detection("person_name", names[word], "NameSaidAgain", ((w.segment, w.word),)))
        return again

    def _card_not_heard(self, transcript: Transcript, detections: list[Detection]) -> list[Detection]:
        """A card number read in answer to the agent's question but heard with fewer digits
        than any card has ("All one is chairman." for "four one eight seven" on a telephone
        line): the rest of what the caller read was lost to the recogniser, and with it maybe
        the expiry and the code. Fail closed: the caller's words from the number on, until the
        agent confirms the payment ("that's gone through", "all done") or unheard_card_seconds
        pass, or the card's next item is found. In mono, where the caller's words are not
        told apart, all words then."""
        seconds = self.settings.unheard_card_seconds
        answered = [d for d in detections if d.category == "card_number" and d.detector == _PROMPTED]
        if not seconds or not answered:
            return []
        numbers = {k for d in detections if d.category == "card_number" for k in d.words}
        if _digits_in(transcript, numbers) >= _FEWEST_CARD_DIGITS:
            return []
        first = min(k for d in answered for k in d.words)
        caller = transcript.segments[first[0]].channel
        start = transcript.segments[first[0]].words[first[1]].start
        # A payment was spoken of: "What's your employing number?" is no card's question.
        if not any(_CARD_TALK.search(seg.text) for seg in transcript.segments if seg.start < start):
            return []
        stereo = _is_stereo(transcript)
        # The agent asked for the card's next items and they were found: the number ended at
        # the first. With one of them still unheard, what was said after goes on masked.
        later = [d for d in detections if d.category in _AFTER_THE_NUMBER]
        next_items = []
        if {d.category for d in later} == _AFTER_THE_NUMBER:
            begins = (min(transcript.segments[si].words[wi].start for si, wi in d.words) for d in later)
            next_items = [b for b in begins if start < b < start + seconds]
        end = min(next_items, default=start + seconds)
        for seg in transcript.segments:
            if seg.start > start and (not stereo or seg.channel != caller) and _PAYMENT_DONE.search(seg.text):
                end = min(end, seg.start)
                break
        covered = {k for d in detections for k in d.words}
        # In mono the one channel is the caller's: all words, but the question for the item
        # found next ("And it runs out when?") is the agent's.
        said = _words_on(transcript, caller, start, end)
        if not stereo and end in next_items:
            said = said[: len(said) - len(_question_at_the_end(transcript, said))]
        words = tuple(sorted(k for k in said if k not in covered))
        return [Detection("card_number", 0.5, "CardNotHeard", words)] if words else []

    def _between_card_items(self, transcript: Transcript, detections: list[Detection]) -> list[Detection]:
        """Stereo: the caller's words between two of a card's items found on their channel
        ("[number]. [code] sashed -wanted iron. [code]": the expiry "oh two slash twenty nine"
        garbled between them) are card data too, unless the agent confirmed the payment in
        between or more than unheard_card_seconds pass. In mono the agent's questions lie
        between the items, so this is left to the stereo channels."""
        seconds = self.settings.unheard_card_seconds
        if not seconds or not _is_stereo(transcript):
            return []
        covered = {k for d in detections for k in d.words}
        # Each channel's card items in time order: an agent reading one back does not part two
        # of the caller's.
        items = sorted(
            (transcript.segments[d.words[0][0]].channel, _time_span(transcript, d.words), d.category)
            for d in detections if d.category in _CARD_CATEGORIES
        )  # fmt: skip
        done = [seg.start for seg in transcript.segments if _PAYMENT_DONE.search(seg.text)]
        found = []
        for (channel, (_, after), _), (later_channel, (before, _), category) in zip(items, items[1:]):
            if channel != later_channel or not 0 < before - after <= seconds or any(after < t < before for t in done):
                continue
            words = tuple(sorted(k for k in _words_on(transcript, channel, after, before) if k not in covered))
            if words:
                found.append(Detection(category, 0.5, "BetweenCardItems", words))
        return found

    # The most words a security code heard as words takes: "-Toto Seeks 1" for "two two six one".
    _CODE_WORDS = 8

    def _code_after_the_expiry(self, transcript: Transcript, detections: list[Detection]) -> list[Detection]:
        """A card's number and expiry were found and no security code. The agent's question for
        it was lost ("And before we get to know the number?" for "And the four digit number on
        the front?"), not the code. Stereo: the caller's words after the expiry, up to the last
        one with a digit in it, are the code. Mono: the whole of the first sentence after the
        expiry with a digit in it that does not ask for the code is ("I know three." for "Nine
        oh three."), after nothing but questions and acknowledgements (_code_sentence). Neither
        if the agent confirmed the payment first, unheard_card_seconds passed, or the code runs
        past _CODE_WORDS words."""
        seconds = self.settings.unheard_card_seconds
        categories = {d.category for d in detections}
        if not seconds or "card_security_code" in categories or "card_number" not in categories:
            return []
        expiries = [d for d in detections if d.category == "card_expiry"]
        if not expiries:
            return []
        last = max(expiries, key=lambda d: _time_span(transcript, d.words)[1])
        after = _time_span(transcript, last.words)[1]
        channel = transcript.segments[last.words[0][0]].channel
        until = min([after + seconds] + [seg.start for seg in transcript.segments if seg.start > after and _PAYMENT_DONE.search(seg.text)])
        covered = {k for d in detections for k in d.words}
        following = [k for k in _words_on(transcript, channel, after, until) if k not in covered]
        if not _is_stereo(transcript):
            # The sentence is the caller's answer, its digits after the first heard as words
            # ("Eight times higher." for "Eight five five.").
            sentence = self._code_sentence(transcript, following)
            if not sentence or len(sentence) > self._CODE_WORDS:
                return []
            return [Detection("card_security_code", 0.5, "CodeAfterExpiry", tuple(sentence))]
        with_digit = [i for i, (si, wi) in enumerate(following) if DIGITISH.search(transcript.segments[si].words[wi].text)]
        if not with_digit or with_digit[-1] + 1 > self._CODE_WORDS:
            return []
        return [Detection("card_security_code", 0.5, "CodeAfterExpiry", tuple(following[: with_digit[-1] + 1]))]

    # What asks for the code, however garbled the rest ("And look at you already number.", "The
    # call on the mark?" for "The code on the back?", "Under CVT." for "And the CVC?").
    _ASKS_FOR_CODE = re.compile(r"\b(numbers?|digits?|codes?|back|mac|map|mark|front|security|cv\w|csc)\b", re.IGNORECASE)
    # An acknowledgement between the expiry and the question: "Okay.", "Lovely, thanks."
    _ACK_WORDS = 2

    def _code_sentence(self, transcript: Transcript, keys: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Mono: of the words at `keys`, those of the first sentence with a digit in it that
        does not ask for the code, when only questions and acknowledgements come before it."""
        sentence: list[tuple[int, int]] = []
        for i, key in enumerate(keys):
            sentence.append(key)
            if i + 1 < len(keys) and not _ends_sentence(transcript, key) and keys[i + 1][0] == key[0]:
                continue
            said = " ".join(transcript.segments[si].words[wi].text.strip() for si, wi in sentence)
            if not self._ASKS_FOR_CODE.search(said):
                if DIGITISH.search(said):
                    return sentence
                if len(sentence) > self._ACK_WORDS:
                    return []
            sentence = []
        return []

    # Words before a card number that a digit was heard as ("I'm free, I'm I'm" for "five three
    # five five"), and how many of them, at most, are taken.
    _SOUNDS_LIKE_A_DIGIT = frozenset(DIGIT_SOUNDALIKES) | {"fife", "sex", "nein"}
    _LEAD_IN_WORDS = 4

    def _card_number_lead_in(self, transcript: Transcript, detections: list[Detection]) -> list[Detection]:
        """The words before a card number's first digit in the same sentence (4 at most, not
        counting digits) are its first digits garbled when the number was heard with fewer
        digits than a common card has (Diners' 14 are rare) and one of them sounds like a digit
        ("I'm free, I'm I'm 1 -8 -7 -4, ..." for "five three five five, one eight seven four,
        ..."). However many digits it has (the expiry and the code read on in the same breath
        count among them), the digits and their sound-alikes just before it are its own: "free
        9, 0," of "Viva, or I'm free 9, 0, I'm double 2, 7, ..."."""
        numbers = [d for d in detections if d.category == "card_number"]
        if not numbers:
            return []
        short = _digits_in(transcript, {k for d in numbers for k in d.words}) < _FEWEST_COMMON_CARD_DIGITS
        si, wi = min((k for d in numbers for k in d.words), key=lambda k: transcript.segments[k[0]].words[k[1]].start)
        words = transcript.segments[si].words
        before, heard = [], []
        # Digits do not count towards the 4: all the number's digits heard before it go with it.
        i, other_words = wi, 0
        while i > 0 and other_words < self._LEAD_IN_WORDS:
            i -= 1
            word = _spoken(words[i].text)
            # The question's own words end it: "Ready for the card when you are ...". Not a
            # payment word after a digit's sound-alike: "I'm free, free payment," for "five
            # three three seven".
            previous = _spoken(words[i - 1].text) if i else ""
            said = _CARD_TALK.fullmatch(word) or _CARD_TALK.fullmatch(f"{previous} {word}")  # "American Express"
            card_talk = said and previous not in self._SOUNDS_LIKE_A_DIGIT
            if words[i].text.endswith(_SENTENCE_END) or card_talk:
                break
            before.append((si, i))
            heard.append(word)
            other_words += not DIGITISH.search(word)
        if short and self._SOUNDS_LIKE_A_DIGIT.intersection(heard):
            return [Detection("card_number", 0.5, "CardNumberLeadIn", tuple(sorted(before)))]
        # Otherwise only the digits and their sound-alikes just before it: not "the number is".
        run = []
        for key, word in zip(before, heard):
            if not (DIGITISH.search(word) or word in self._SOUNDS_LIKE_A_DIGIT):
                break
            run.append((key, word))
        if not any(DIGITISH.search(word) for _, word in run):
            return []
        return [Detection("card_number", 0.5, "CardNumberLeadIn", tuple(sorted(key for key, _ in run)))]

    # Questions for a card's items, by the prompted recognizer's entity names.
    _CARD_PROMPTS = ("CARD_NUMBER", "CARD_EXPIRY", "CARD_SECURITY_CODE")

    def unheard(self, transcript: Transcript) -> list[UnheardSpeech]:
        """In a call where the agent asks for a card's items, the caller's speech that the
        recogniser wrote no words for: the whole call on the caller's channel (in mono, the
        one channel), for the audio stage to mask what no transcribed word accounts for.
        A telephone line can leave the recogniser writing one sentence for a call and timing
        it wrong ("What's the long number on the card?" and then nothing for 15 s of digits):
        neither the answer's words nor its times are there to go on, so fail closed."""
        tt = transcript_text(transcript)
        if not self.settings.mask_unheard_in_card_calls or self.prompted is None or not tt.words:
            return []
        return [UnheardSpeech("card_number", 0.0, math.inf, channel, "CardNotHeard") for channel in sorted(self._card_callers(transcript, tt))]

    def _card_callers(self, transcript: Transcript, tt: TranscriptText) -> set[int]:
        """The channels that answer an agent's question for a card's items (in mono, the one
        channel); none where no such question was asked."""
        channels = {seg.channel for seg in transcript.segments}
        callers: set[int] = set()
        for entity in self._CARD_PROMPTS:
            for end in self.prompted.asked_at(tt.text, entity):
                last = next((w for w in reversed(tt.words) if w.start < end), None)
                if last is not None:
                    asker = transcript.segments[last.segment].channel
                    callers |= (channels - {asker}) or {asker}
        return callers

    # Digits in a run of the caller's words that make it card data in a card call: a code has 3.
    _CARD_CALL_DIGITS = 3
    # Words that may sit between the digits of one run: "4M and 1Px, 3305".
    _RUN_JOINERS = frozenset({"and", "then", "um", "uh", "erm", "er"})

    # Mono: a run this many words or fewer from a number already found is another of its groups.
    _MONO_GROUP_GAP = 3
    # ... and a month with a year's two digits this many words or fewer from a card's item found
    # is its expiry, its question garbled ("Six, oh, nine, an estimate in the August 28.").
    _MONO_EXPIRY_GAP = 8
    _MONTH_WORD = re.compile(rf"^{MONTH_NAMES}\W*$", re.I)
    _TWO_DIGITS = re.compile(r"^(\d\d)\W*$")

    def _digits_in_a_card_call(self, transcript: Transcript, tt: TranscriptText, detections: list[Detection]) -> list[Detection]:
        """In a call where the agent asks for a card's items: the caller's runs of words with
        digits in them (3 digits or more a run) that no finding covers are card data, until the
        agent confirms the payment. The question for the number can be lost ("long humble on
        the car," for "Long number on the card?") while its digits were heard, garbled ("4M and
        1Px, 3305", "1Px, 2Px, 2Px"): fail closed. In mono, where the agent's own numbers (a
        price, a booking reference) are on the same channel, only a run beside a number already
        found: another group of a card read in turns ("... oh eight oh four." "Yes." "Three
        five seven seven three.")."""
        if not self.settings.mask_unheard_in_card_calls or self.prompted is None or not tt.words:
            return []
        callers = self._card_callers(transcript, tt)
        if not callers:
            return []
        stereo = _is_stereo(transcript)
        done = min(
            (seg.start for seg in transcript.segments if (seg.channel not in callers or not stereo) and _PAYMENT_DONE.search(seg.text)),
            default=math.inf,
        )  # fmt: skip
        covered = {k for d in detections for k in d.words}
        card_items = {k for d in detections if d.category in PAYMENT_CARD_CATEGORIES for k in d.words}
        found = []
        for channel in sorted(callers):
            keys = _words_on(transcript, channel, -math.inf, done)
            position = {k: i for i, k in enumerate(keys)}
            numbers_found = [i for i, k in enumerate(keys) if k in covered and _digits_in(transcript, [k])]
            items_found = [i for i, k in enumerate(keys) if k in card_items]
            for run in _digit_runs(transcript, keys, self._RUN_JOINERS):
                uncovered = tuple(k for k in run if k not in covered)
                if not uncovered:
                    continue
                ends = (position[run[0]], position[run[-1]])
                if _digits_in(transcript, run) >= self._CARD_CALL_DIGITS:
                    if stereo or _within(ends, numbers_found, self._MONO_GROUP_GAP):
                        found.append(Detection("card_number", 0.5, "CardCallDigits", uncovered))
                elif self._an_expiry(transcript, keys, ends[0], run) and (stereo or _within(ends, items_found, self._MONO_EXPIRY_GAP)):
                    found.append(Detection("card_expiry", 0.5, "CardCallDigits", (keys[ends[0] - 1], *uncovered)))
        return found

    def _an_expiry(self, transcript: Transcript, keys: list[tuple[int, int]], first: int, run: list[tuple[int, int]]) -> bool:
        """Is the run a year's two digits with a month said just before it ("August 28")?"""
        if len(run) != 1 or first == 0:
            return False
        month, year = (transcript.segments[si].words[wi].text for si, wi in (keys[first - 1], run[0]))
        digits = self._TWO_DIGITS.match(year)
        return bool(self._MONTH_WORD.match(month) and digits and int(digits.group(1)) in CARD_EXPIRY_YEARS)

    @staticmethod
    def _whole_loops(transcript: Transcript, loops: set[int], detection: Detection) -> Detection:
        """A finding in a segment where the recogniser looped (`loops`) covers the whole
        segment: where its words fell in the speech is unknown (fail closed)."""
        looped = {si for si, _ in detection.words} & loops
        if not looped:
            return detection
        words = set(detection.words) | {(si, wi) for si in looped for wi in range(len(transcript.segments[si].words))}
        return replace(detection, words=tuple(sorted(words)))

    def _from_hinted(
        self, transcript: Transcript, tt: TranscriptText, first_pass: list[Detection], decode: list[Segment]
    ) -> list[Detection]:
        """Findings in a decode given the special-category vocabulary (`transcript.hinted` or
        `.slowed`; hotword_categories only), as the words of the transcript said at the same
        time on the same channel. A disclosure is widened to its clause in the transcript, not
        in that decode: its punctuation differs, and the transcript's is what the redacted text
        shows."""
        if not self.hotword_entities:
            return []
        # The channels not decoded again (the agent's) keep their first-pass segments: their
        # turns split the caller's and their questions give the answers context, as in `detect`.
        again = {seg.channel for seg in decode}
        segments = [seg for seg in transcript.segments if seg.channel not in again] + decode
        hinted = Transcript(sorted(segments, key=lambda s: (s.start, s.channel)), transcript.language, transcript.asr)
        found = []
        # An identifier's words the first pass found already keep the first pass's category
        # (a card number is no phone number because the other decode's Presidio said so), but
        # the card's items may be told apart there (its expiry within a run taken for the number).
        covered = {key: d.category for d in first_pass if d.category not in self.settings.phrase_categories for key in d.words}
        for d, as_found in self._detect(hinted, transcript_text(hinted), self.hotword_entities):
            if d.detector in self.settings.hotword_skip_recognizers:
                continue
            phrase = d.category in self.settings.phrase_categories
            heard = as_found or d.words  # the words that decode found, before any widening
            # Only a vocabulary word can be made up in noise; digits among digits are the point.
            if phrase and self._heard_into_noise(hinted, heard):
                continue
            channel = hinted.segments[d.words[0][0]].channel
            keys = self._said_at(transcript, hinted, heard, channel)
            if not keys:
                continue
            # Said over what the first pass found to be spelled out: the vocabulary put a word
            # on a letter ("Gay not pride at outlook.com" for "j dot price ..."). Not over
            # digits: a first pass that looped on digits can hide a disclosure this decode heard.
            if phrase and all(covered.get(k) in _SPELLED_IDENTIFIERS for k in keys):
                continue
            # ... nor a lone vocabulary word on a street address the first pass heard as the
            # answer to its question ("41 Kelvin, pregnant, heat well" for "Forty one Kelvin
            # Crescent"): a street's name is no disclosure, however it sounds.
            if phrase and len(heard) == 1 and all(covered.get(k) == "address" for k in keys):
                continue
            # ... or on a filler, a spelled letter or a lone digit ("Gay" over "Yeah," before a
            # spelled email, or over the "K" of a booking reference "K .L nine nine four two",
            # "AIDS" over the "8," of "a curfew from 8", "Sikhs" over the "six" of "a party of
            # six"): a sound-alike. Only the words it stands in for count, not a neighbour it
            # overlaps at the edge. A digit among digits is still a loop that can hide a
            # disclosure, and so is one said as what the speaker is ("we're six").
            replaced = self._replaced(transcript, hinted, heard, keys)
            if phrase and all(_filler_letter_or_lone_digit(transcript, k) for k in replaced):
                continue
            # ... or on a relative the caller speaks of ("Muslim was banned" over "My husband was
            # banned", "my son"), unless that decode heard the relative too ("My partner's a
            # woman"). Not after "I'm": that is what the speaker is.
            if phrase and _a_relative(transcript, sorted(replaced)) and not self._heard_a_relative(hinted, heard):
                continue
            # What the first pass heard there is one of the term list's exclusions: "the
            # Catholic Cathedral tour" in the transcript, "Cathedral too" in that decode.
            if phrase and self._excluded_in(tt, keys, d.detector):
                continue
            # A decode looping on digits ("$5 ,000 ,000 ...") spreads them over all that was said
            # after: of the words the transcript has there, only its own findings and its words
            # that are or sound like digits are the number's, not the agent's next question.
            if not phrase and any(hinted.segments[si].repeats_itself for si, _ in heard):
                keys = {k for k in keys if k in covered or _sounds_like_a_digit(transcript, k)}
            if not phrase:
                within_card = {covered[k] for k in keys if k in covered} | {d.category} <= _CARD_CATEGORIES
                keys = keys if within_card else {k for k in keys if k not in covered}
                if not keys:
                    continue
            words = tuple(sorted(keys))
            if as_found:
                # The clause as the transcript has it, within the clause as that decode has it.
                spans = [w for w in tt.words if (w.segment, w.word) in keys]
                clause = self._said_at(transcript, hinted, d.words, channel)
                widened = tt.words_in(*self._clause(tt, min(w.start for w in spans), max(w.end for w in spans)))
                words = tuple(k for k in widened if k in clause or k in keys)
            found.append(Detection(d.category, d.score, f"{d.detector} (hotwords)", words))
        return found

    @staticmethod
    def _heard_a_relative(hinted: Transcript, words) -> bool:
        """Does the second decode's finding itself name a relative ("My partner's a woman")?"""
        return any(_kin_word(hinted.segments[si].words[wi].text) in _RELATIVES for si, wi in words)

    def _excluded_in(self, tt: TranscriptText, keys: set[tuple[int, int]], detector: str) -> bool:
        """Does one of `detector`'s exclusions match the transcript over the words `keys`?"""
        term_list = self.term_lists.get(detector)
        spans = [w for w in tt.words if (w.segment, w.word) in keys]
        if term_list is None or not spans:
            return False
        return term_list.excludes(tt.text, min(w.start for w in spans), max(w.end for w in spans))

    @staticmethod
    def _heard_into_noise(transcript: Transcript, words) -> bool:
        """A vocabulary word the recogniser put where it heard no words: among digits and
        spelled letters ("41, Consulate, recent, HIV, 7, 4, QT" for a postcode; "C -8, 7, 6,
        4, C." then "Deaf."), or next to a word said twice over ("Deaf, gay, gay, gay"; "Gay,
        gay." in the silence after the call's last words)."""
        channel = transcript.segments[words[0][0]].channel
        keys = [(si, wi) for si, seg in enumerate(transcript.segments) if seg.channel == channel for wi in range(len(seg.words))]
        position = {key: i for i, key in enumerate(keys)}
        # An answer can take in the other side's words too: the finding's own side decides.
        own = [position[k] for k in words if k in position]
        first, last = min(own), max(own)
        text = [transcript.segments[si].words[wi].text for si, wi in keys]
        around = text[max(0, first - 2) : first] + text[last + 1 : last + 3]
        # A phrase the vocabulary cannot make up on its own ("I tested positive for the gene")
        # stands even when the digits the caller read next follow it ("..., gene 2. 0 -2 -0").
        if last - first < _INSERTED_WORDS and sum(1 for w in around if _DIGIT_OR_LETTER.match(w)) >= 2:
            return True
        near = [_bare(w) for w in text[max(0, first - 3) : last + 6]]
        if any(a == b for a, b in zip(near, near[1:])):
            return True
        # ... or its own word said again a word later ("Muslim, or Muslim," over "don't put Mr.
        # or Mrs."): a vocabulary word, not "I'm" ("I'm Muslim, I'm ...").
        own_words = {_bare(text[i]) for i in range(first, last + 1)} - _FILLER_WORDS - _SENTENCE_OPENERS - {"i'm", "i", "a", "an", "or"}
        return any(a == b and a in own_words for a, b in zip(near, near[2:]))

    @staticmethod
    def _replaced(transcript: Transcript, other: Transcript, words, keys: set[tuple[int, int]]) -> set[tuple[int, int]]:
        """Of `keys` (the words of `transcript` said while `other`'s `words` were), those said
        mostly within them, or else the one most within them: the words `other` heard
        differently, not a neighbour whose edge the word timings let overlap."""
        start, end = _time_span(other, words)

        def share_inside(key: tuple[int, int]) -> float:
            w = transcript.segments[key[0]].words[key[1]]
            return (min(end, w.end) - max(start, w.start)) / max(w.end - w.start, 1e-3)

        return {k for k in keys if share_inside(k) >= 0.75} or {max(keys, key=share_inside)}

    @staticmethod
    def _said_at(transcript: Transcript, other: Transcript, words, channel: int) -> set[tuple[int, int]]:
        """The words of `transcript` on `channel` said while `other`'s `words` were, but not a
        sentence's last word that only its start overlaps ("this." of "Register of this."
        under the start of "I'm lesbian") nor a sentence's first word that only its end does:
        the two decodes' timings differ by a few hundred milliseconds, their sentences do not."""
        start, end = _time_span(other, words)
        said = set()
        for si, seg in enumerate(transcript.segments):
            if seg.channel != channel:
                continue
            for wi, w in enumerate(seg.words):
                if not (w.start < end and start < w.end):
                    continue
                middle = (w.start + w.end) / 2
                if middle < start and _ends_sentence(transcript, (si, wi)):
                    continue
                if middle > end and (wi == 0 or _ends_sentence(transcript, (si, wi - 1))):
                    continue
                said.add((si, wi))
        return said

    def _detect(self, transcript: Transcript, tt: TranscriptText, entities: list[str]) -> list[tuple[Detection, tuple | None]]:
        """Each finding in `tt` (the transcript's text), and for a disclosure widened to its
        clause, the words found before widening (None for the others)."""
        from .recognizers import MATCHED_BY_SOUND, PROMPTED_AT  # Presidio loads with the recognizers: only here

        if not tt.words:
            return []
        channels = {seg.channel for seg in transcript.segments}
        agent_channel = self.stereo_agent_channel if len(channels) > 1 else None
        # Who speaks first: the agent's greeting, unless the agent's channel was not heard then
        # (in mono, the first speaker is taken to be the agent).
        agent_opens = agent_channel is None or transcript.segments[tt.words[0].segment].channel == agent_channel
        results = self.analyzer.analyze(
            text=tt.text, language="en", entities=entities, score_threshold=self.settings.min_score
        )
        # In the verification pass, "[SEX_LIFE_SEXUAL_ORIENTATION]" is no mention of a sex life.
        placeholders = [(m.start(), m.end()) for m in PLACEHOLDER.finditer(tt.text)]
        # The caller's answer when asked their name or address: a word there that only sounds
        # like a term is a name misheard ("Real mistried." for "Priya Mistry", near "miscarried";
        # "41 kelvin christant" for "Forty one Kelvin Crescent", near "Christian").
        name_or_address_answers = [
            (r.start, r.end)
            for r in results
            if self.category_of(r.entity_type) in ("person_name", "address")
            and (r.recognition_metadata or {}).get("recognizer_name") == _PROMPTED
        ]
        detections = []
        for r in results:
            category = self.category_of(r.entity_type)
            if category is None or any(a <= r.start < b for a, b in placeholders):
                continue
            span = (r.start, r.end)
            metadata = r.recognition_metadata or {}
            detector = metadata.get("recognizer_name", "presidio")
            answer = detector == _PROMPTED  # the reply to an agent's question
            prompted_at = metadata.get(PROMPTED_AT)
            by_sound = metadata.get(MATCHED_BY_SOUND)
            if agent_channel is not None and category in self.settings.phrase_categories and prompted_at is not None:
                if self._callers_own_question(transcript, tt, r.start, prompted_at, agent_channel):
                    continue  # "Do you have a union flag?" asked by the caller is answered by no one
            if detector == "SpacyRecognizer" and agent_opens and _opens_the_call(tt.text, r.start, r.end):
                continue
            if category in self.settings.phrase_categories and agent_opens and _names_the_service(tt.text, r.start):
                continue  # "Payroll queries." heard as "Payroll queer is,"
            if detector == "SpacyRecognizer" and _bare(tt.text[r.start : r.end]) in _NO_ONE_IN_PARTICULAR:
                continue  # "Anything else?" opening a sentence, taken by spaCy for a name
            if detector == "SpacyRecognizer" and "\n" in tt.text[r.start : r.end]:
                span = (r.start, tt.text.index("\n", r.start))  # a name does not cross turns
            if detector == "SpacyRecognizer":
                span = self._name_in(tt.text, *span)
                if span is None:
                    continue
            if by_sound and agent_channel is not None and all(
                transcript.segments[si].channel == agent_channel for si, _ in tt.words_in(r.start, r.end)
            ):
                continue  # the agent's own words only sound like a term ("My appear placement", hip replacement)
            if by_sound and any(a <= r.start and r.end <= b for a, b in name_or_address_answers):
                continue
            required_sex = self.settings.speaker_sex_entities.get(r.entity_type)
            sex = self.speaker_sex(transcript, tt.words_in(*span)) if required_sex else None
            if required_sex and sex not in (required_sex, None):
                continue  # "my husband" said by a woman
            # "My husband and I married last year" said by a man discloses in the whole clause;
            # where the voice does not tell, the finding stands but is not widened.
            if category in self.settings.phrase_categories and (not required_sex or sex == required_sex):
                # An answer to the agent's question is a disclosure by construction, even when
                # ASR ran the agent's next words ("thank you, and your date of birth") into it.
                # A caller's "you" is the agent or the company ("I'm pregnant, can you ..."); an
                # agent's is the caller ("you don't need to declare genetic test results").
                found = tt.words_in(r.start, r.end)
                customer_side = bool(found) and agent_channel is not None and all(
                    transcript.segments[si].channel != agent_channel for si, _ in found
                )
                if not answer and self._not_a_disclosure(tt.text, r.start, r.end, customer_side):
                    continue  # "do you have any medical conditions?" discloses nothing
                if not (required_sex and _AND_I.search(tt.text, r.start, r.end) and _WANTS_NEXT.match(tt.text, r.end)):
                    span = self._clause(tt, r.start, r.end)
            else:
                found = None
            words = tt.words_in(*span)
            if answer and agent_channel is not None:
                # In a stereo call the answer to the agent's question is on the customer's side,
                # and said after it was asked: words the caller finished before the question's
                # last word began ("... can I book in?" over the agent's "Yes, please, your date
                # of birth?") answer something else.
                question_end = tt.words_in(max(prompted_at - 1, 0), prompted_at) if prompted_at is not None else ()
                asked_at = _time_span(transcript, question_end)[0] if question_end else None
                words = tuple(
                    k for k in words
                    if transcript.segments[k[0]].channel != agent_channel
                    and (asked_at is None or transcript.segments[k[0]].words[k[1]].end > asked_at)
                )
            if words:
                detections.append((Detection(category, round(float(r.score), 3), detector, words), found))
        return detections

    def _name_in(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """The name in what spaCy took for one, or None where it is none. A name's words are
        capitalised: the lower-case words either side are the sentence's ("Passport number",
        "Frozen for"), not the name's; what is left is no name if it has digits ("M4419"),
        names a card or a way to pay ("MasterCAD", "Card."), or is one English word that opened
        a sentence and that spaCy ran on into lower-case words ("Frozen for"), and none within a
        thing's name ("Union Jack")."""
        from .recognizers import english_words, is_english  # recognizers imports this module

        if any(m.start() < end and start < m.end() for m in _NAMED_THING.finditer(text)):
            return None
        words = list(_WORD_RE.finditer(text, start, end))
        while words and not words[0].group()[0].isupper():
            words.pop(0)
        said = len(words)
        while words and not words[-1].group()[0].isupper() and words[-1].group().lower() not in _NAME_PARTICLES:
            words.pop()
        if not words or any(_NOT_A_NAME.search(w.group()) for w in words):
            return None
        # ... but "Peter, no act." is a name: many names are English words too ("Peter", "Mark").
        if len(words) == 1 < said and _opens_sentence(text, words[0].start()):
            if is_english(words[0].group(), english_words(self.analyzer.nlp_engine)):
                return None
        return words[0].start(), words[-1].end()

    @staticmethod
    def _callers_own_question(
        transcript: Transcript, tt: TranscriptText, answer_start: int, prompted_at: int, agent_channel: int
    ) -> bool:
        """In a stereo call, was the question whose sentence stops at `prompted_at` the
        caller's own, and the answer after it? Then the caller's next words answer no agent's
        question about a special category."""
        asker = tt.words_in(max(prompted_at - 1, 0), prompted_at)
        if not asker or any(transcript.segments[si].channel == agent_channel for si, _ in asker):
            return False
        return answer_start > prompted_at

    def speaker_sex(self, transcript: Transcript, words: tuple[tuple[int, int], ...]) -> str | None:
        """"male" or "female" by the median pitch of the words; None when unvoiced or between
        the configured bounds."""
        pitches = [p for si, wi in words if (p := transcript.segments[si].words[wi].pitch_hz) is not None]
        if not pitches:
            return None
        pitch = statistics.median(pitches)
        if pitch < self.settings.male_below_hz:
            return "male"
        return "female" if pitch > self.settings.female_above_hz else None

    def residue(self, transcript: Transcript, detections: list[Detection]) -> list[Detection]:
        """Verification: scan the transcript as redacted (detected words replaced by their
        category) and return what is still found in words not yet redacted."""
        covered: dict[tuple[int, int], str] = {}
        for d in detections:
            for key in d.words:
                covered[key] = d.category
        redacted = Transcript(
            [
                replace(seg, words=[
                    replace(w, text=placeholder(covered[(si, wi)], w.text)) if (si, wi) in covered else w
                    for wi, w in enumerate(seg.words)
                ])
                for si, seg in enumerate(transcript.segments)
            ],
            transcript.language,
            transcript.asr,
        )  # fmt: skip
        remaining = []
        for d in self.detect(redacted):
            words = tuple(k for k in d.words if k not in covered)
            if words:
                remaining.append(Detection(d.category, d.score, f"verification:{d.detector}", words))
        return remaining

    @staticmethod
    def _not_a_disclosure(text: str, start: int, end: int, customer_side: bool = False) -> bool:
        """An agent asking or explaining ("do you have any medical conditions?", "you don't need
        to declare genetic test results") is not a disclosure: a clause that asks, or that
        speaks to "you", without the speaker's own "I"/"my"/"me". On the customer's side of a
        stereo call only asking counts: there "you" is the agent ("pregnant, you may ...")."""
        left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
        # The finding's own clause: an answer the recogniser ran into the agent's next question
        # ("a speeding conviction, an SP30, and any other convictions?") is still an answer.
        right = Detector._clause_end(text, end)
        clause = text[left:right]
        is_question = text[right : right + 1] == "?"
        asks = is_question or _ASKING.match(clause) or ASKED_OVER_A_PERIOD.search(clause) or _REPORTED_QUESTION.search(clause)
        if asks and not _FIRST_PERSON.search(clause) and not _ONES_OWN_BEFORE.search(text, 0, left):
            return True
        if customer_side:
            return False
        if _POLICY.search(clause) or (asks and _COMPANY_NEEDS.search(clause) and not _SINGULAR_FIRST_PERSON.search(clause)):
            return True
        # "you" counts up to the next "and"/"but" after the finding: in "Mixed, White and Black
        # African and you and your..." ASR ran the agent's reply into the answer.
        tail = _CONJUNCTION.split(text[end:right], maxsplit=1)[0]
        own = text[left:end] + tail
        return bool(_SECOND_PERSON.search(own)) and not _SINGULAR_FIRST_PERSON.search(clause)

    def _clause(self, tt: TranscriptText, start: int, end: int) -> tuple[int, int]:
        """The clause around a finding: from the last break before it to the next break after
        it, at most max_phrase_words words each side."""
        text = tt.text
        breaks = list(_CLAUSE_BREAK.finditer(text, 0, start))
        left = breaks[-1].end() if breaks else 0
        if breaks and breaks[-1].group() == "," and _CONSEQUENCE.match(text, left):
            left = breaks[-2].end() if len(breaks) > 1 else 0
        # "I need to freeze my membership and started chemotherapy": the speaker's other
        # action, said before "and"/"but" with the same subject, is another clause. A subject
        # of a few words is not ("My husband and I are both men").
        joined = list(_JOINING.finditer(text, left, start))
        if (
            joined
            and len(_WORD_RE.findall(text, left, joined[-1].start())) >= 3
            and _A_SUBJECT.search(text, left, joined[-1].start())
            and _A_VERB.match(text, joined[-1].end())
        ):
            left = joined[-1].end()
        reason = list(_BECAUSE.finditer(text, left, start))
        if reason and len(_WORD_RE.findall(text, left, reason[-1].start())) >= 3 and _A_SUBJECT.search(text, left, reason[-1].start()):
            left = reason[-1].end()
        right = self._clause_end(text, end)
        limit = self.settings.max_phrase_words
        before = [w for w in tt.words if left <= w.start and w.end <= start]
        after = [w for w in tt.words if w.start >= end and w.start < right]
        # Whisper wrote no punctuation (a telephone line, often): the clause runs into the next
        # segments, which hold other sentences ("I'm fasting for Ramadan" | "so till now I have
        # a morning appointment" | "of course" | "your turn"). It goes on into the next segment
        # only, as a sentence split across two does.
        own = [w for w in tt.words if w.start < end]
        if own:
            last = own[-1].segment
            channel = tt.channels[last] if tt.channels else None
            following = next((si for si in range(last + 1, len(tt.channels)) if tt.channels[si] == channel), last)
            # ... unless it opens on the speaker as a new subject and is about something else
            # ("after a sentence for murder in" | "I've got nowhere to live").
            if following != last and self._opens_own_clause(tt, following):
                following = last
            after = [w for w in after if w.segment <= following]
        new_start = before[-limit].start if len(before) >= limit else (before[0].start if before else start)
        new_end = after[limit - 1].end if len(after) >= limit else (after[-1].end if after else end)
        return min(new_start, start), max(new_end, end)

    @staticmethod
    def _opens_own_clause(tt: TranscriptText, segment: int) -> bool:
        """Does the segment open on the speaker as subject ("I've got ...", "We need ...") with
        a first clause that does not go on about a disclosure (_STILL_ABOUT_IT)?"""
        first = next((w for w in tt.words if w.segment == segment), None)
        if first is None or _bare(tt.text[first.start : first.end]) not in _SPEAKER_SUBJECTS:
            return False
        brk = _CLAUSE_BREAK.search(tt.text, first.start)
        return not _STILL_ABOUT_IT.search(tt.text, first.start, brk.start() if brk else len(tt.text))

    @staticmethod
    def _clause_end(text: str, end: int) -> int:
        """The clause goes on past a comma ("a speeding conviction, an SP30, in 2023") until
        the sentence ends or a new clause begins ("..., so no beef please"; "... breast cancer
        and I'm starting treatment next week")."""
        pos = end
        continued_at = -1  # where a clause that goes on about it had its subject ("and I'll")
        while True:
            brk = _CLAUSE_BREAK.search(text, pos)
            # Just past a subject that goes on about it, its own verb ("and I'll | do it again")
            # is no new clause, nor the caller's question.
            own = _OWN_NEW_CLAUSE.search(text, pos + (pos == continued_at), brk.start() if brk else len(text))
            if own:
                about = _goes_on_about_it(text, own.start())
                if about is None:
                    return own.start()
                pos = continued_at = about
                continue
            if not brk:
                return len(text)
            if brk.group() not in ",;":
                return brk.start()
            following = _NEXT_WORD.match(text, brk.end())
            if not following:
                return brk.start()
            word = following.group(1).lower()
            about = _goes_on_about_it(text, brk.end())  # ", and I sign on at the police station"
            if about is not None:
                pos = continued_at = about
                continue
            if any(rx.match(text, brk.end()) for rx in _NEW_CLAUSE_AFTER_COMMA):
                return brk.start()
            if word in _CONTINUING_CONJUNCTIONS:
                if _SOME_OF_A_GROUP_NEXT.match(text, following.end()):
                    return brk.start()
                subject = _NEXT_WORD.match(text, following.end())
                if subject and subject.group(1).lower() not in _NEW_SUBJECT:
                    pos = following.end()
                    continue
            # ", and 2023" (ASR's "in twenty twenty three") goes on
            if word in _CLAUSE_OPENERS and not _NUMBER_NEXT.match(text, following.end()):
                return brk.start()
            pos = brk.end()


_NAME_INTRODUCED = re.compile(r"[\s,.]*(speaking|here)\b", re.I)
_PHRASE_BREAK = re.compile(r"[,.;:?!\n]")


def _time_span(transcript: Transcript, keys) -> tuple[float, float]:
    """From the first to the last of the words at `keys`, in seconds."""
    said = [transcript.segments[si].words[wi] for si, wi in keys]
    return min(w.start for w in said), max(w.end for w in said)


def _words_on(transcript: Transcript, channel: int, start: float, end: float) -> list[tuple[int, int]]:
    """The words said on `channel` that start in [start, end), in time order."""
    said = [
        (si, wi)
        for si, seg in enumerate(transcript.segments) if seg.channel == channel
        for wi, w in enumerate(seg.words) if start <= w.start < end
    ]  # fmt: skip
    return sorted(said, key=lambda k: transcript.segments[k[0]].words[k[1]].start)


def _within(ends: tuple[int, int], positions: list[int], gap: int) -> bool:
    """Is either end of a run (word positions) `gap` words or fewer from one of `positions`?"""
    return any(abs(end - i) <= gap for end in ends for i in positions)


def _digit_runs(transcript: Transcript, keys: list[tuple[int, int]], joiners: frozenset[str]) -> list[list[tuple[int, int]]]:
    """The runs of words at `keys` (in the order given) with digits in them, `joiners` allowed
    between two of them ("4M and 1Px")."""
    runs: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    for key in keys:
        text = transcript.segments[key[0]].words[key[1]].text
        if DIGITISH.search(text) or (run and _spoken(text) in joiners):
            run.append(key)
            continue
        runs.append(run)
        run = []
    runs.append(run)
    for run in runs:  # a joiner after the last digit is not in the run
        while run and not DIGITISH.search(transcript.segments[run[-1][0]].words[run[-1][1]].text):
            run.pop()
    return [run for run in runs if run]


def _question_at_the_end(transcript: Transcript, keys: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The words of the question `keys` (in time order) end with: the last sentence, if it
    ends with "?" and says no digit (a number read back with a rising voice is no question)."""
    if not keys or not transcript.segments[keys[-1][0]].words[keys[-1][1]].text.endswith("?"):
        return []
    first = len(keys) - 1
    while first and not _ends_sentence(transcript, keys[first - 1]):
        first -= 1
    question = keys[first:]
    return [] if _digits_in(transcript, question) else question


def _digits_in(transcript: Transcript, keys) -> int:
    """How many digits the words at `keys` say: "4658", "four", "double" as written."""
    count = 0
    for si, wi in keys:
        for token in re.findall(r"\d|[a-z]+", transcript.segments[si].words[wi].text.lower()):
            count += 1 if token.isdigit() else len(HEARD_NUMBER_WORDS.get(token, ""))
    return count


_POSSESSIVES = frozenset({"my", "his", "her", "our", "their"})
_RELATIVES = frozenset({
    "son", "sons", "daughter", "daughters", "husband", "wife", "partner", "mum", "mother", "dad", "father", "brother",
    "sister", "nan", "gran", "grandson", "granddaughter", "child", "children", "kids", "boy", "girl",
})  # fmt: skip


def _a_relative(transcript: Transcript, keys: list[tuple[int, int]]) -> bool:
    """Are the words at `keys` (in order, one segment's) a relative with the possessive before
    it ("My husband", "my son's"; the possessive may be the word before `keys`, and the
    relative the word after a possessive that ends them: "Muslim" timed over "My" of "My
    husband"), not said after a copula ("I'm my son" is no relative)?"""
    si, wi = keys[0]
    if any(s != si for s, _ in keys):
        return False
    words = transcript.segments[si].words
    first = wi - 1 if wi and _bare(words[wi - 1].text) in _POSSESSIVES else wi
    last = keys[-1][1]
    if _bare(words[last].text) in _POSSESSIVES and last + 1 < len(words):
        last += 1
    said = [_kin_word(w.text) for w in words[first : last + 1]]
    if len(said) < 2 or said[0] not in _POSSESSIVES or not set(said[1:]) <= _RELATIVES:
        return False
    return not (first and _COPULA.fullmatch(_bare(words[first - 1].text)))


def _sounds_like_a_digit(transcript: Transcript, key: tuple[int, int]) -> bool:
    """Is the word at `key` a digit, a number word or a word a digit is heard as ("free")?"""
    text = transcript.segments[key[0]].words[key[1]].text
    return bool(DIGITISH.search(text)) or _spoken(text) in HEARD_NUMBER_WORDS or _spoken(text) in DIGIT_SOUNDALIKES


def _filler_letter_or_lone_digit(transcript: Transcript, key: tuple[int, int]) -> bool:
    """Is the word at `key` a filler ("Yeah,"), a spelled letter ("K" of "K .L nine nine") or
    a digit with no digit beside it?"""
    words = transcript.segments[key[0]].words
    text = words[key[1]].text
    if _spoken(text) in _FILLER_WORDS:
        return True
    beside = [words[i].text for i in (key[1] - 1, key[1] + 1) if 0 <= i < len(words)]
    # Said as what the speaker is: "I'm B." may be "I'm bi", "we're six" may be "we're Sikhs".
    if key[1] and _COPULA.fullmatch(_bare(words[key[1] - 1].text)):
        return False
    if _SPELLED_LETTER.fullmatch(text):
        return True
    return bool(DIGITISH.search(text)) and not any(DIGITISH.search(t) for t in beside)


def _opens_sentence(text: str, start: int) -> bool:
    """Is the word at `start` the first of its sentence or line?"""
    i = start
    while i and text[i - 1] == " ":
        i -= 1
    return i == 0 or bool(_SENTENCE_BREAK.match(text, i - 1))


def _first_end(text: str, breaks: re.Pattern = _PHRASE_BREAK) -> int:
    """Where the call's first phrase ends (at its first comma, full stop or turn), or with
    `breaks` = _SENTENCE_BREAK its first sentence."""
    first_break = breaks.search(text)
    return first_break.start() if first_break else len(text)


def _opens_the_call(text: str, start: int, end: int) -> bool:
    """Is a name found in the call's first words, where the agent names the organisation or
    department ("Library, how can I help?", "Coach Hire, good morning")? spaCy takes such a
    capitalised word for a person. A person named there is introduced: "Olivia speaking"."""
    return start <= _first_end(text) and not _NAME_INTRODUCED.match(text, end)


_SERVICE_NAME_WORDS = 4


def _names_the_service(text: str, start: int) -> bool:
    """Is a finding in the agent's greeting, a few words that name the service ("Payroll
    queries.", "Fertility clinic, how can I help?", "GP surgery, reception." heard as "Deepie,
    surgery, reception.")? Those describe the organisation, not the caller; ASR errors there
    ("Payroll queer is") are no disclosure. A speaker who says "I" or "my" is speaking of
    themselves, greeting or not."""
    for end in (_first_end(text, _SENTENCE_BREAK), _first_end(text)):
        phrase = text[:end]
        if start < end and len(phrase.split()) <= _SERVICE_NAME_WORDS and not _FIRST_PERSON.search(phrase):
            return True
    return False


def merge_detections(detections: list[Detection]) -> list[Detection]:
    """One detection per run of overlapping words of the same category (highest score kept)."""
    by_category: dict[str, list[Detection]] = {}
    for d in detections:
        by_category.setdefault(d.category, []).append(d)
    merged: list[Detection] = []
    for category, items in by_category.items():
        # Presidio returns results in no fixed order: equal scores must not decide by arrival.
        items.sort(key=lambda d: (d.words[0], -d.score, d.detector))
        current = items[0]
        for d in items[1:]:
            if set(d.words) & set(current.words) or d.words[0] <= current.words[-1]:
                words = tuple(sorted(set(current.words) | set(d.words)))
                best = current if current.score >= d.score else d
                current = Detection(category, best.score, best.detector, words)
            else:
                merged.append(current)
                current = d
        merged.append(current)
    merged.sort(key=lambda d: d.words[0])
    return merged
