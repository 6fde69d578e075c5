"""Digits as they are said, shared by the stages that read speech: transcription (is a loop
of words a number being read?), detection (digit runs, spelled values) and evaluation."""

from __future__ import annotations

import re

NUMBER_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "nought": "0", "nil": "0",
    "one": "1", "two": "2", "three": "3", "four": "4", "for": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
    "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
    "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
    "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
    "seventy": "70", "eighty": "80", "ninety": "90", "hundred": "00",
    "double": "", "triple": "",
    # "three" as the recogniser hears it from many UK and Irish speakers; only ever inside a
    # run of digits (see DigitRunRecognizer.runs), never starting one.
    "free": "3", "tree": "3",
}  # fmt: skip
# ... and, for detection only, "seven" and "nine" as a telephone line garbles them ("Oh, heaven,
# heaven, one, one, ...", "2, 2, 2, 4, time, 2, ..."), likewise inside a run only ("time" is
# "five" too: a run's length is what it keeps right). The evaluation reads a transcript's
# "every time" as words (NUMBER_WORDS).
HEARD_NUMBER_WORDS = {**NUMBER_WORDS, "heaven": "7", "time": "9"}
# Number words that are everyday words too: they continue a run of digits, never start one.
RUN_ONLY = {"o", "for", "free", "tree", "heaven", "time"}
# Everyday words a digit is heard as on a telephone line: "for already" for "four R T",
# "I'm free" for "five three".
DIGIT_SOUNDALIKES = ("for", "to", "too", "won", "ate", "free", "tree")

DIGIT_WORDS = ("zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# A word that is a digit or reads as digits: "4", "four", "oh", "double".
DIGITISH = re.compile(r"\d|\b(" + "|".join(DIGIT_WORDS + ("double", "triple")) + r")\b", re.I)
# A card's expiry as it is said: a month's name (regex alternation), and the two-digit years a
# card in use expires in.
MONTH_NAMES = r"(jan|january|feb|february|march|april|may|june|july|aug|august|sept?|september|oct|october|nov|november|dec|december)"
CARD_EXPIRY_YEARS = range(24, 40)
