"""Demo KB family: what the desk does not answer (decree V.b.1), as KB guidance for CSOs."""

from __future__ import annotations

from .entry import entry

SCOPE = [
    (
        "Permintaan tafsir peraturan",
        "Pengguna meminta CSO menafsirkan apakah suatu pasal peraturan berlaku untuk kasusnya. Apakah boleh dijawab?",
        "CSO tidak memberikan penafsiran atau penegasan peraturan. Sampaikan ketentuan yang tertulis apa adanya beserta rujukannya, lalu catat pertanyaan sebagai di luar lingkup dengan alasan penafsiran/penegasan peraturan. Bila pengguna memerlukan penegasan, arahkan untuk mengajukan surat permohonan kepada unit yang berwenang.",
        ["di luar lingkup", "penafsiran"],
    ),
    (
        "Pertanyaan tentang kebijakan yang belum diatur",
        "Pengguna menanyakan bagaimana perlakuan suatu transaksi yang belum ada aturannya. Apa yang harus dilakukan CSO?",
        "Hal yang belum diatur tidak dijawab dengan pendapat pribadi. Catat pertanyaan sebagai di luar lingkup dengan alasan kebijakan yang belum diatur dan teruskan melalui tiket kepada departemen layanan terkait agar menjadi masukan kebijakan.",
        ["di luar lingkup", "eskalasi"],
    ),
    (
        "Kasus yang menjadi kewenangan pejabat",
        "Satker meminta penjelasan mengapa permohonannya ditolak pejabat di unit lain. Bisakah CSO menjelaskan?",
        "Penjelasan atas penanganan kasus yang menjadi kewenangan pejabat terkait tidak diberikan oleh CSO. Catat sebagai di luar lingkup dengan alasan kewenangan pejabat terkait dan arahkan pengguna kepada pejabat atau unit yang menangani kasusnya.",
        ["di luar lingkup", "kewenangan pejabat"],
    ),
    (
        "Permintaan informasi publik melalui PPID",
        "Masyarakat meminta salinan dokumen anggaran suatu satker di meja layanan. Bagaimana menanganinya?",
        "Permintaan informasi yang menjadi wewenang PPID tidak dilayani melalui meja layanan HAI-DJPBN. Catat sebagai di luar lingkup dengan alasan kewenangan PPID dan arahkan pemohon untuk mengajukan permohonan informasi publik kepada PPID sesuai prosedur.",
        ["di luar lingkup", "ppid"],
    ),
]


def scope() -> list[dict]:
    return [
        entry(
            t,
            q,
            a,
            "SITP",
            None,
            ["KEP-428/PB/2016 tentang Layanan Pengguna Terintegrasi HAI-DJPBN"],
            tags,
        )
        for t, q, a, tags in SCOPE
    ]
