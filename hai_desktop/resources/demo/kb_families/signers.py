"""Demo KB family: who signs what."""

from __future__ import annotations

from .entry import PMK62, entry

# (document, signer, note, department)
SIGNERS = [
    ("SPP", "PPK", "Tanda tangan diberikan setelah PPK menguji kebenaran tagihan.", "PA"),
    (
        "SPM",
        "PPSPM",
        "Tanda tangan dilakukan secara elektronik di SAKTI setelah PPSPM menguji SPP.",
        "PA",
    ),
    (
        "SPBy",
        "PPK atas nama KPA",
        "SPBy menjadi perintah kepada bendahara untuk membayar dari UP.",
        "PA",
    ),
    (
        "kuitansi pembayaran UP",
        "penerima pembayaran, disetujui PPK, dan dibayar oleh bendahara",
        "Kuitansi dilengkapi bukti pendukung.",
        "PA",
    ),
    (
        "DRPP",
        "PPK",
        "Daftar ini dilampirkan pada SPP/SPM-GUP sebagai rincian tagihan yang dibayar dari UP.",
        "PA",
    ),
    ("BAST", "PPK dan penyedia", "BAST menyatakan hasil pekerjaan telah diterima.", "PA"),
    ("LPJ bendahara", "bendahara dan diketahui KPA", "LPJ disampaikan setiap bulan.", "PA"),
    (
        "surat perintah kerja lembur",
        "atasan langsung atau pejabat yang berwenang",
        "Surat diterbitkan sebelum lembur dilaksanakan.",
        "PA",
    ),
    (
        "Berita Acara Rekonsiliasi",
        "petugas satker dan KPPN melalui e-Rekon-LK",
        "BAR terbit otomatis bila data sesuai.",
        "APK",
    ),
    (
        "pernyataan tanggung jawab laporan keuangan",
        "kepala satker selaku KPA",
        "Dilampirkan pada laporan keuangan satker.",
        "APK",
    ),
    (
        "SP3B BLU",
        "pemimpin BLU atau pejabat yang ditunjuk",
        "SP3B diajukan ke KPPN untuk disahkan.",
        "PPKBLU",
    ),
    ("surat permohonan TUP", "KPA", "Permohonan memuat rincian rencana penggunaan TUP.", "PA"),
]


def signers() -> list[dict]:
    out = []
    for doc, who, note, dept in SIGNERS:
        out.append(
            entry(
                title=f"Penandatangan {doc}",
                question=f"Siapa yang menandatangani {doc}?",
                answer=f"{doc[0].upper() + doc[1:]} ditandatangani oleh {who}. {note}",
                department=dept,
                application="SAKTI" if dept != "PPKBLU" else None,
                regulations=[PMK62],
                tags=["penandatangan", "pejabat perbendaharaan"],
            )
        )
    return out
