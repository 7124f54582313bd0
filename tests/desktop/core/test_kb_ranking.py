"""KB suggestions boosted by the form's application and department (issue 12): the ranking
test set's score, and the conversation words ("Penelepon") that are not the topic."""

from __future__ import annotations

import pytest

from hai_desktop.core import kb, kb_search, resources, stemming
from hai_desktop.core.db.database import open_database
from tests.desktop.core.kb_ranking_set import CASES, score


@pytest.fixture(scope="module")
def demo_kb(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("kbrank") / "desk.sqlite3")
    kb.apply_kb_changes(resources.load_json("demo", "kb_entries.json"))
    yield
    database.close()


# The words the query dropped before issue 12 (the conversation words came after).
OLD_STOPWORDS = frozenset(
    w
    for w in stemming.STOPWORDS
    if w
    not in {
        "penelepon",
        "menelepon",
        "pengunjung",
        "tanya",
        "bertanya",
        "menanyakan",
        "ditanyakan",
        "pak",
        "bu",
    }
)


def test_the_ranking_set_scores_better_with_the_forms_context(demo_kb, monkeypatch):
    after = score(kb_search.search, use_context=True)
    with monkeypatch.context() as patch:
        patch.setattr(stemming, "STOPWORDS", OLD_STOPWORDS)
        before = score(kb_search.search, use_context=False)
    print(f"\nranking set before: {before.line()}\nranking set after:  {after.line()}")
    assert after.top3 == 1.0, after.missed
    assert after.top1 >= 0.9
    assert after.top1 > before.top1 and after.mrr > before.mrr


def test_chosen_application_ranks_its_entry_first(demo_kb):
    hits = kb_search.search("akun terkunci lupa kata sandi", limit=5, prefer_application="SAKTI")
    assert hits[0].title == "Lupa kata sandi SAKTI"
    assert "Lupa kata sandi SAKTI" not in [
        h.title for h in kb_search.search("akun terkunci lupa kata sandi", limit=5)[:1]
    ]


def test_penelepon_is_not_a_topic_word(demo_kb):
    titles = [h.title for h in kb_search.search("Penelepon tanya revisi DIPA", limit=5)]
    assert not any("Telepon" in t for t in titles), titles


def test_the_set_is_small_and_named(demo_kb):
    assert 10 <= len(CASES) <= 20
