"""Turning what a user types into a safe SQLite FTS5 query.

Every term is quoted as an FTS5 string, so operators (``AND``, ``OR``, ``NOT``, ``NEAR``),
parentheses, ``*``, ``^``, ``:`` and quotes typed by the user are plain text, never syntax.
The last term gets a prefix match for search-as-you-type. Shared by inquiry and KB search.
"""

from __future__ import annotations

import re
import unicodedata

MAX_TERMS = 16
MAX_TERM_CHARS = 64
# A one-letter prefix ("p*") matches nearly every row through hundreds of index terms
# (over 100 ms at 500,000 rows); the prefix indexes cover 2 and 3 letters (the inquiry
# index 3 only: see ``short_prefix``).
MIN_PREFIX_CHARS = 2

# What the unicode61 tokenizer keeps as token characters: letters, numbers (and private use).
_TOKEN_CATEGORIES = ("L", "N", "Co")


def _is_token_char(ch: str) -> bool:
    return unicodedata.category(ch).startswith(_TOKEN_CATEGORIES)


def search_terms(user_text: str | None) -> list[str]:
    """The searchable words of ``user_text``: split on anything that is not a letter/number.

    Mirrors how unicode61 tokenizes, so a term never turns into an empty FTS phrase.
    """
    if not user_text:
        return []
    terms: list[str] = []
    current: list[str] = []
    for ch in user_text:
        if _is_token_char(ch):
            current.append(ch)
        elif current:
            terms.append("".join(current))
            current = []
    if current:
        terms.append("".join(current))
    return [t[:MAX_TERM_CHARS] for t in terms[:MAX_TERMS]]


def quote_term(term: str) -> str:
    """One term as an FTS5 string literal."""
    return '"' + term.replace('"', '""') + '"'


# What may follow a 2-letter prefix when an index only has 3-letter prefixes (below).
_THIRD_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"


def fts_query(
    user_text: str | None, prefix_last: bool = True, *, short_prefix: int = 0
) -> str | None:
    """A safe FTS5 MATCH expression for ``user_text``; None when there is nothing to search.

    Terms are ANDed. ``prefix_last`` adds ``*`` to the last term (search as you type) when
    it has at least ``MIN_PREFIX_CHARS`` characters.

    ``short_prefix=3``: the index has a prefix index for 3 characters only (the inquiry
    index, m0010). A last term shorter than that is then the word itself OR each of its
    3-character prefixes ``"pe" OR "pea"* OR … OR "pe9"*`` (letters a-z and digits, as the
    tokenizer folds them): every branch is one stored list read newest first, where a bare
    ``"pe"*`` would merge every word's list in memory (0.3 s at 500,000 rows). A word whose
    third character is another script's letter is found from the third character typed on.
    """
    terms = search_terms(user_text)
    if not terms:
        return None
    parts = [quote_term(t) for t in terms]
    last = terms[-1]
    if prefix_last and len(last) >= MIN_PREFIX_CHARS:
        if len(last) == short_prefix - 1:
            branches = [quote_term(last)] + [quote_term(last + c) + "*" for c in _THIRD_CHARS]
            parts[-1] = "(" + " OR ".join(branches) + ")"
            return " AND ".join(parts)  # FTS5 has no implicit AND before a group
        parts[-1] += "*"
    return " ".join(parts)


_WS = re.compile(r"\s+")


def snippet_text(text: str | None, limit: int = 200) -> str:
    """The first ``limit`` characters of ``text`` on one line (for list views)."""
    if not text:
        return ""
    return _WS.sub(" ", text[: limit * 2]).strip()[:limit]
