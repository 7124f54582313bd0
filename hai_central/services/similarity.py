"""Text similarity for grouping tickets and suggesting KB entries: token sets compared by
Jaccard, the sets held as bit masks over a vocabulary (``int.bit_count``) so that tens of
thousands of comparisons stay within a page's time."""

from __future__ import annotations

import re

_WORD = re.compile(r"[0-9a-zA-Z\u00c0-\u024f]{3,}")
STOPWORDS = frozenset(
    "yang dan untuk dari dengan pada ini itu tidak atau bagaimana apakah kami kita saya "
    "ada akan sudah belum bisa dapat mohon tolong terima kasih bapak ibu agar karena dalam "
    "oleh sebagai juga lagi masih hanya sehingga sejak kemarin tersebut the and for".split()
)


def tokens(text: str) -> frozenset[str]:
    """The words of ``text`` that carry meaning (lower case, 3+ letters, no stopwords)."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in STOPWORDS)


class Vocabulary:
    """Token → bit; a text becomes a mask (plus how many of its words were unknown)."""

    def __init__(self) -> None:
        self.bits: dict[str, int] = {}

    def mask(self, words: frozenset[str], grow: bool = True) -> tuple[int, int]:
        mask = unknown = 0
        for w in words:
            bit = self.bits.get(w)
            if bit is None:
                if not grow:
                    unknown += 1
                    continue
                bit = self.bits[w] = len(self.bits)
            mask |= 1 << bit
        return mask, unknown


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Jaccard of two masks from :meth:`Vocabulary.mask` (unknown words count as their own)."""
    union = (a[0] | b[0]).bit_count() + a[1] + b[1]
    return (a[0] & b[0]).bit_count() / union if union else 0.0


def words_of(mask: int, vocabulary: Vocabulary) -> list[str]:
    names = {bit: w for w, bit in vocabulary.bits.items()}
    return [names[i] for i in range(mask.bit_length()) if mask >> i & 1]
