"""Demo KB family: the documents of an SPM LS, per payment type."""

from __future__ import annotations

from .entry import PMK62, entry

# (payment type, who receives, documents, note)
SPM_LS = [
    (
        "gaji induk",
        "pegawai",
        "daftar gaji, rekapitulasi daftar gaji, halaman luar daftar gaji, dan daftar perubahan data pegawai bila ada",
        "Perubahan data (kenaikan gaji berkala, mutasi, anak) direkam sebelum SPM dibuat.",
    ),
    (
        "gaji susulan",
        "pegawai",
        "daftar gaji susulan, SKPP dari satker asal, SK pengangkatan atau mutasi, dan surat pernyataan melaksanakan tugas",
        "Gaji susulan diajukan terpisah dari gaji induk.",
    ),
    (
        "kekurangan gaji",
        "pegawai",
        "daftar perhitungan kekurangan gaji, SK yang menjadi dasar (misalnya kenaikan pangkat), dan rekapitulasinya",
        "Hitung kekurangan sejak TMT yang tercantum pada SK.",
    ),
    (
        "uang makan PNS",
        "pegawai",
        "daftar perhitungan uang makan berdasarkan rekap kehadiran dan rekapitulasinya",
        "Diajukan setelah bulan berjalan berakhir.",
    ),
    (
        "uang lembur",
        "pegawai atau bendahara",
        "surat perintah kerja lembur, daftar hadir lembur, dan daftar perhitungan uang lembur",
        "Tarif mengikuti standar biaya yang berlaku.",
    ),
    (
        "tunjangan kinerja",
        "pegawai",
        "daftar nominatif tunjangan kinerja yang telah memperhitungkan kehadiran dan capaian kinerja, serta rekapitulasinya",
        "Pastikan kelas jabatan pegawai sesuai keputusan yang berlaku.",
    ),
    (
        "honorarium",
        "penerima honor atau bendahara",
        "SK penetapan penerima honor, daftar nominatif penerima, dan bukti pelaksanaan kegiatan",
        "Besaran honor tidak boleh melebihi standar biaya.",
    ),
    (
        "perjalanan dinas",
        "bendahara atau pelaksana",
        "surat tugas, daftar nominatif pelaksana perjalanan dinas, dan rincian biaya",
        "Setelah perjalanan selesai, lakukan perhitungan rampung.",
    ),
    (
        "termin kontrak",
        "penyedia",
        "kontrak dan adendumnya, BAST atau berita acara kemajuan pekerjaan, berita acara pembayaran, faktur pajak, dan kuitansi",
        "Data kontrak harus sudah terdaftar di KPPN.",
    ),
    (
        "uang muka kontrak",
        "penyedia",
        "kontrak, jaminan uang muka yang sudah dikonfirmasi, berita acara pembayaran, dan kuitansi",
        "Nilai jaminan paling sedikit sama dengan uang muka.",
    ),
    (
        "langganan daya dan jasa",
        "penyedia layanan (listrik, telepon, air, internet)",
        "tagihan dari penyedia layanan dan bukti penggunaan",
        "Tagihan langganan dapat dibayar LS walaupun tanpa kontrak.",
    ),
    (
        "belanja modal tanah",
        "pemilik tanah",
        "dokumen pengadaan tanah, bukti kepemilikan, berita acara pelepasan hak, dan dokumen penilaian",
        "Nilai pembayaran mengikuti hasil penilaian yang sah.",
    ),
    (
        "bantuan pemerintah",
        "penerima bantuan atau bank penyalur",
        "keputusan penetapan penerima, perjanjian kerja sama, dan rekapitulasi penerima",
        "Ikuti pedoman umum dan petunjuk teknis bantuan pemerintah dari K/L.",
    ),
    (
        "uang duka wafat",
        "ahli waris",
        "surat keterangan kematian, surat keterangan ahli waris, dan daftar perhitungan",
        "Rekening tujuan atas nama ahli waris yang sah.",
    ),
    (
        "pengembalian penerimaan",
        "wajib setor",
        "surat keputusan pengembalian, bukti setor asal dengan NTPN, dan data rekening penerima",
        "Pengembalian dicatat mengurangi penerimaan atau sesuai ketentuan jenis penerimaannya.",
    ),
    (
        "bendahara untuk honor kegiatan",
        "bendahara pengeluaran",
        "SK kegiatan, daftar nominatif, dan surat pernyataan bendahara untuk meneruskan pembayaran",
        "Bendahara wajib menyalurkan dana dan menyampaikan bukti penyaluran.",
    ),
]


def spm_ls() -> list[dict]:
    out = []
    for kind, receiver, docs, note in SPM_LS:
        out.append(
            entry(
                title=f"Dokumen SPM LS {kind}",
                question=f"Dokumen apa saja yang disiapkan untuk SPM LS {kind}?",
                answer=(
                    f"SPM LS {kind} dibayarkan langsung kepada {receiver}. Dokumen pendukung yang "
                    f"disiapkan di satker: {docs}. {note} Dokumen disimpan di satker sebagai "
                    "arsip; yang dikirim ke KPPN adalah SPM beserta data elektroniknya dari SAKTI."
                ),
                department="PA",
                application="SAKTI",
                regulations=[PMK62],
                tags=["spm", "ls", "dokumen", kind.lower()],
            )
        )
    return out
