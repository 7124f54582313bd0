"""Indonesian stemming for KB search (core.stemming)."""

from __future__ import annotations

from hai_desktop.core import stemming


def test_affixed_forms_share_a_stem():
    forms = ["pencairan", "dicairkan", "mencairkan", "cair", "pencairannya"]
    assert {stemming.stem_word(w) for w in forms} == {"cair"}
    assert stemming.stem_word("pembayaran") == stemming.stem_word("dibayarkan") == "bayar"


def test_text_is_folded_and_split_like_the_fts_tokenizer():
    assert stemming.words("Rékening SP2D-nya (2023)!") == ["rekening", "sp2d", "nya", "2023"]
    assert stemming.stem_text("Penerbitan SP2D") == "terbit sp2d"
    assert stemming.stem_text("") == ""


def test_partial_word_variants_for_search_as_you_type():
    assert "cai" in stemming.partial_variants("pencai")
    assert "cair" in stemming.partial_variants("dicairkan")
    assert stemming.partial_variants("sp2d") == ["sp2d"]
    # A root word is not cut further.
    assert stemming.partial_variants("kembali") == ["kembali"]


def test_stems_are_memoised():
    stemming.stem_word("penyetoran")
    assert stemming._cache["penyetoran"] == "setor"
