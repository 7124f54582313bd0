"""Indonesian stemming for search: the same tokens at index time and at query time.

Sastrawi (Nazief-Adriani / ECS) makes *pencairan*, *dicairkan* and *cair* meet at ``cair``.
It is slow per word (~0.1 ms), so every word is stemmed once per process and memoised:
a KB of tens of thousands of entries has a vocabulary of a few tens of thousands of words.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable

# A word: letters and digits (``SP2D``, ``PMK``, ``2023``); everything else separates.
_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Words too common in questions at the counter to say anything about the topic. Dropped from
# *queries* only (the index keeps them; bm25 gives them little weight anyway).
STOPWORDS = frozenset(
    """
    ada adalah agar akan apa apakah atau bagaimana bagaimanakah bahwa bapak belum berapa
    bisa boleh cara dalam dan dapat dari dengan di dimana hal harus ibu ini itu jika juga
    kalau kami kapan karena ke kenapa ketika kita lagi lain mana masih mau mengapa mohon
    nya oleh pada para perlu saat saja sama saya se secara sebagai sedang sehingga seperti
    siapa sudah supaya telah tentang terhadap tersebut tidak tolong untuk yaitu yang
    penelepon menelepon pengunjung tanya bertanya menanyakan ditanyakan pak bu
    """.split()
)

# Longest first: the prefixes a partial word typed so far may start with (search-as-you-type
# on "pencai" should find "cair" even though Sastrawi cannot stem half a word).
_PARTIAL_PREFIXES = (
    ("meng", ("", "k")),
    ("meny", ("s",)),
    ("peng", ("", "k")),
    ("peny", ("s",)),
    ("mem", ("", "p")),
    ("men", ("", "t")),
    ("pem", ("", "p")),
    ("pen", ("", "t")),
    ("ber", ("",)),
    ("ter", ("",)),
    ("per", ("",)),
    ("me", ("",)),
    ("pe", ("",)),
    ("di", ("",)),
    ("ke", ("",)),
    ("se", ("",)),
)

_lock = threading.Lock()
_stemmer = None
_cache: dict[str, str] = {}
_CACHE_LIMIT = 500_000


def _get_stemmer():
    global _stemmer
    if _stemmer is None:
        with _lock:
            if _stemmer is None:
                from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

                # The factory wraps the stemmer in an unbounded cache of its own; we keep
                # our own dict and call the plain stemmer's per-word entry point.
                _stemmer = StemmerFactory().create_stemmer().delegatedStemmer
    return _stemmer


def _fold(text: str) -> str:
    """Lower case without diacritics (users type *rekening* and *rékening* alike)."""
    text = text.lower()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The folded words of ``text`` (no stemming)."""
    return _WORD.findall(_fold(text or ""))


def stem_word(word: str) -> str:
    """The stem of one folded word, memoised."""
    stem = _cache.get(word)
    if stem is None:
        if len(word) <= 3 or not word.isalpha():
            # Sastrawi needs a dictionary word; codes (SP2D, 2023) and short words stay.
            stem = word
        else:
            stem = _get_stemmer().stem_word(word) or word
        if len(_cache) < _CACHE_LIMIT:
            _cache[word] = stem
    return stem


def stem_words(text: str) -> list[str]:
    """The stems of every word of ``text``, in order."""
    found = _WORD.findall(_fold(text or ""))
    # The memo answers nearly every word: look them all up at C speed (map over dict.get),
    # then stem the few it did not know. Indexing a KB page is mostly this loop.
    out = list(map(_cache.get, found))
    if None in out:
        for i, stem in enumerate(out):
            if stem is None:
                out[i] = stem_word(found[i])
    return out


def stem_text(text: str) -> str:
    """``text`` as a space-separated string of stems: what the FTS index stores."""
    return " ".join(stem_words(text))


def stem_texts(texts: Iterable[str]) -> str:
    """Several texts stemmed into one string (e.g. the tags of an entry)."""
    return " ".join(stem_text(t) for t in texts)


def partial_variants(word: str) -> list[str]:
    """Candidate stem prefixes for a partially typed word (the last word of a query).

    Always includes the word itself and its stem; adds the remainder after a common
    Indonesian prefix (with the nasal substitutions ``meny-``→``s``, ``mem-``→``p``,
    ``men-``→``t``, ``meng-``→``k``) when that leaves at least three letters.
    """
    variants = [word]
    stem = stem_word(word)
    if stem != word:
        variants.append(stem)
    # A word that is not itself a root may be half typed ("pencai" stems to "penca"): also
    # try what is left after a common prefix. The extra prefix terms only widen recall.
    if word.isalpha() and not _get_stemmer().get_dictionary().contains(word):
        for prefix, replacements in _PARTIAL_PREFIXES:
            if word.startswith(prefix):
                rest = word[len(prefix) :]
                for r in replacements:
                    candidate = r + rest
                    if len(candidate) >= 3 and candidate not in variants:
                        variants.append(candidate)
                break
    return variants
