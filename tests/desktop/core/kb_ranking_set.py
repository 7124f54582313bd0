"""A small ranking test set over the demo KB (issue 12): what a CSO types into the question,
with what the form already holds (application, department), and the entry that must be
among the first three suggestions."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    question: str
    application: str | None
    department: str | None
    expected_title: str


CASES = [
    Case(
        "operator tidak bisa masuk karena akun terkunci setelah salah memasukkan kata sandi",
        "SAKTI",
        "SITP",
        "Lupa kata sandi SAKTI",
    ),
    Case("akun terkunci lupa kata sandi", "SAKTI", None, "Lupa kata sandi SAKTI"),
    Case("Penelepon lupa kata sandi", "SAKTI", None, "Lupa kata sandi SAKTI"),
    Case("lupa kata sandi", "OM-SPAN", None, "Lupa kata sandi OM-SPAN"),
    Case("akun terkunci", "OM-SPAN", "SITP", "Akun OM-SPAN terkunci"),
    Case(
        "membuat akun operator baru",
        "SAKTI",
        "SITP",
        "Membuat akun pengguna SAKTI untuk operator baru",
    ),
    Case("pesan akun tidak aktif", "OM-SPAN", None, 'Pesan "Akun tidak aktif" di OM-SPAN'),
    Case("salah isi akun billing", "MPN-G3", "PKN", "Salah mengisi akun pada kode billing"),
    Case(
        "reset kata sandi admin", "SAKTI", None, "Persyaratan reset kata sandi administrator SAKTI"
    ),
    Case(
        "penelepon tanya revisi dipa ke kanwil",
        "SAKTI",
        "PA",
        "Revisi DIPA yang diajukan ke Kanwil DJPb",
    ),
    Case(
        "Penelepon menanyakan sertifikat bendahara",
        None,
        "SP",
        "Sertifikat bendahara habis masa berlakunya",
    ),
    Case(
        "pegawai pindah tugas akun masih aktif",
        "OM-SPAN",
        None,
        "Pegawai pindah tugas tetapi akun OM-SPAN masih aktif",
    ),
    Case("persyaratan permohonan akun", "OM-SPAN", None, "Persyaratan permohonan akun OM-SPAN"),
]


@dataclass(frozen=True)
class Score:
    top1: float  # share of cases with the entry first
    top3: float  # share with the entry among the first three
    mrr: float  # mean reciprocal rank over the first five
    missed: tuple[str, ...]  # questions whose entry is not in the top three

    def line(self) -> str:
        return f"top-1 {self.top1:.2f}  top-3 {self.top3:.2f}  MRR@5 {self.mrr:.2f}"


def score(search, use_context: bool = True) -> Score:
    """The set's score for ``search`` (``kb_search.search``), with or without the form's context."""
    first = three = 0
    reciprocal = 0.0
    missed = []
    for case in CASES:
        kwargs = (
            {"prefer_application": case.application, "prefer_department": case.department}
            if use_context
            else {}
        )
        titles = [h.title for h in search(case.question, limit=5, **kwargs)]
        rank = titles.index(case.expected_title) + 1 if case.expected_title in titles else 0
        first += rank == 1
        three += 1 <= rank <= 3
        reciprocal += 1 / rank if rank else 0.0
        if not 1 <= rank <= 3:
            missed.append(case.question)
    n = len(CASES)
    return Score(first / n, three / n, reciprocal / n, tuple(missed))
