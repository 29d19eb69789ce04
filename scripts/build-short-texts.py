#!/usr/bin/env python3
"""Builds src/test/resources/language-detection/short-texts.tsv from the compiled gettext catalogues of a Debian
system (/usr/share/locale/<locale>/LC_MESSAGES/*.mo): short interface messages of free software, translated by
the software's volunteer translators, text nobody tuned detection for and much shorter than the UDHR sentences.

    scripts/build-short-texts.py [/usr/share/locale] > src/test/resources/language-detection/short-texts.tsv

For every language, the translated messages (msgstr) of 2–8 words (for zh, ja, th, km, my: 4–24 characters)
without placeholders or markup, distinct, and not a copy of the English message; English items are the messages
(msgid) themselves. Of those, at most PER_CATALOGUE per catalogue and PER_LANGUAGE in all are kept, chosen by a hash
of the text so that a rebuild on the same catalogues gives the same file. Each line: tag, text, catalogue.
"""

import gettext
import hashlib
import re
import sys
import unicodedata
from pathlib import Path

PER_LANGUAGE = 50
PER_CATALOGUE = 6
MIN_WORDS, MAX_WORDS = 2, 8

# language tag -> locale directories, first preferred
LOCALES = {
    "fr": ["fr"], "es": ["es"], "pt": ["pt", "pt_BR"], "ar": ["ar"], "zh": ["zh_CN"], "ru": ["ru"],
    "de": ["de"], "it": ["it"], "nl": ["nl"], "pl": ["pl"], "ro": ["ro"], "tr": ["tr"], "uk": ["uk"],
    "el": ["el"], "he": ["he"], "fa": ["fa"], "hi": ["hi"], "ur": ["ur", "ur_PK"], "bn": ["bn", "bn_IN", "bn_BD"],
    "ta": ["ta"], "id": ["id"], "ms": ["ms"], "tl": ["tl", "fil"], "vi": ["vi"], "sw": ["sw"], "so": ["so"],
    "yo": ["yo"], "th": ["th"], "ja": ["ja"], "ko": ["ko"], "km": ["km"], "my": ["my"], "si": ["si"],
}
CHARACTER_COUNTED = {"zh", "ja", "th", "km", "my"}
MIN_CHARS, MAX_CHARS = 4, 24
# names of languages, countries, scripts, currencies, keyboard layouts and file formats: names, not messages
SKIPPED_CATALOGUES = re.compile(r"^iso_|^iso-|^xkeyboard-config|^shared-mime-info")
# placeholders, markup, paths, options, keyboard accelerators: not something a person writes in a dialogue
NOT_PROSE = re.compile(r"[%{}<>$\\|=_@/#&*\[\]`~^\t\n\"]|--|\.\.\.|…|https?:|\w\.\w|\d")


def catalogues(root, locale):
    folder = root / locale / "LC_MESSAGES"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.mo") if not SKIPPED_CATALOGUES.search(p.name))


def messages(path):
    try:
        with open(path, "rb") as f:
            catalogue = gettext.GNUTranslations(f)._catalog
    except Exception:  # a catalogue this parser cannot read is simply not used
        return []
    pairs = []
    for key, value in catalogue.items():
        if isinstance(key, tuple):  # plural forms
            continue
        if not key or not value or "\x04" in key:  # the header, and messages with a context
            continue
        pairs.append((key, value))
    return pairs


def length_fits(text, tag):
    if tag in CHARACTER_COUNTED:
        letters = sum(1 for c in text if c.isalpha())
        return MIN_CHARS <= letters <= MAX_CHARS and " " not in text.strip()[:2]
    words = text.split()
    return MIN_WORDS <= len(words) <= MAX_WORDS and sum(1 for c in text if c.isalpha()) >= 6


def clean(text):
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    return text.strip()


def mostly_translated(text, english):
    """False when a third or more of the words are kept from the English message (names, technical terms)."""
    if english is None:
        return True
    kept = {w.casefold() for w in re.findall(r"\w+", english)}
    words = re.findall(r"\w+", text)
    return sum(1 for w in words if w.casefold() in kept) * 3 < len(words)


def usable(text, tag, english):
    return (text and not NOT_PROSE.search(text) and text != english and length_fits(text, tag)
            and mostly_translated(text, english))


def order(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pick(candidates):
    """candidates: list of (text, catalogue); at most PER_CATALOGUE per catalogue, PER_LANGUAGE in all."""
    seen, per_catalogue, kept = set(), {}, []
    for text, catalogue in sorted(candidates, key=lambda c: order(c[0])):
        key = text.casefold()
        if key in seen or per_catalogue.get(catalogue, 0) >= PER_CATALOGUE:
            continue
        seen.add(key)
        per_catalogue[catalogue] = per_catalogue.get(catalogue, 0) + 1
        kept.append((text, catalogue))
        if len(kept) == PER_LANGUAGE:
            break
    return kept


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/locale")
    english = []
    out = ["# language tag <TAB> short text <TAB> gettext catalogue it comes from (scripts/build-short-texts.py)"]
    for tag, locales in LOCALES.items():
        candidates = []
        for locale in locales:
            for path in catalogues(root, locale):
                for msgid, msgstr in messages(path):
                    text = clean(msgstr)
                    source = clean(msgid)
                    if usable(text, tag, source):
                        candidates.append((text, path.stem))
                    if usable(source, "en", None):
                        english.append((source, path.stem))
        for text, catalogue in pick(candidates):
            out.append(f"{tag}\t{text}\t{catalogue}")
    for text, catalogue in pick(english):
        out.append(f"en\t{text}\t{catalogue}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
