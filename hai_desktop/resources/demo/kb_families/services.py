"""Demo KB family: KPPN services and what to bring (non-SPM services)."""

from __future__ import annotations

from .entry import PMK62, entry

# (service, department, application, documents, note)
SERVICES = [
    (
        "permohonan akun OM-SPAN",
        "SITP",
        "OM-SPAN",
        "formulir permohonan yang ditandatangani KPA, fotokopi kartu identitas pegawai, dan alamat e-mail dinas",
        "Setiap pegawai memiliki akun sendiri.",
    ),
    (
        "reset kata sandi administrator SAKTI",
        "SITP",
        "SAKTI",
        "surat permohonan dari KPA dan identitas administrator",
        "Reset untuk pengguna biasa cukup dilakukan administrator satker.",
    ),
    (
        "persetujuan pembukaan rekening satker",
        "SP",
        None,
        "surat permohonan KPA yang menyebutkan jenis, tujuan rekening, dan bank yang dipilih",
        "Rekening dibuka atas nama jabatan setelah persetujuan terbit.",
    ),
    (
        "pelaporan penutupan rekening",
        "SP",
        None,
        "surat pemberitahuan penutupan dan bukti penutupan dari bank",
        "Saldo disetor ke kas negara sebelum rekening ditutup.",
    ),
    (
        "persetujuan UP melebihi batas",
        "PA",
        "SAKTI",
        "surat permohonan KPA dan perhitungan kebutuhan UP per bulan",
        "SPM-UP dibuat setelah persetujuan terbit.",
    ),
    (
        "perpanjangan batas waktu TUP",
        "PA",
        "SAKTI",
        "surat permohonan KPA yang menjelaskan alasan dan sisa TUP",
        "Ajukan sebelum batas satu bulan berakhir.",
    ),
    (
        "perbaikan data rekening atas retur SP2D",
        "PKN",
        "SPAN",
        "surat permintaan perbaikan dan bukti rekening yang benar",
        "Perbaiki juga data supplier di SAKTI.",
    ),
    (
        "koreksi data setoran PNBP",
        "PKN",
        "MPN-G3",
        "surat permohonan koreksi, bukti penerimaan negara dengan NTPN, dan penjelasan kesalahan",
        "Setoran pajak dikoreksi melalui KPP.",
    ),
    (
        "konfirmasi setoran penerimaan negara",
        "PKN",
        "MPN-G3",
        "surat permohonan konfirmasi dan salinan bukti penerimaan negara",
        "Satker dengan akses OM-SPAN dapat mengecek sendiri.",
    ),
    (
        "ralat SP2D",
        "PA",
        "SPAN",
        "surat permohonan ralat dari KPA, salinan SP2D, dan dokumen pendukung kesalahan",
        "Ralat tidak dapat mengubah nilai dan penerima SP2D.",
    ),
    (
        "pendaftaran pejabat perbendaharaan baru",
        "PA",
        "SAKTI",
        "SK penetapan pejabat dan spesimen atau data sertifikat elektronik pejabat",
        "Referensi pejabat di SAKTI juga harus dimutakhirkan.",
    ),
    (
        "pengesahan hibah langsung",
        "PA",
        "SAKTI",
        "surat permohonan pengesahan, perjanjian hibah, dan bukti penerimaan hibah",
        "Hibah langsung dicatat melalui register hibah sebelum pengesahan.",
    ),
    (
        "rekonsiliasi ulang setelah BAR terbit",
        "APK",
        "E-REKON-LK",
        "surat permohonan dan penjelasan perubahan data",
        "Lakukan hanya bila ada perubahan data yang berpengaruh.",
    ),
    (
        "pendaftaran satker BLU baru di BIOS",
        "PPKBLU",
        "BIOS",
        "keputusan penetapan BLU dan surat penunjukan petugas",
        "Petugas menerima akun setelah verifikasi.",
    ),
    (
        "akses SIKP untuk pemerintah daerah",
        "SMI",
        "SIKP",
        "surat penunjukan petugas dari kepala daerah atau pejabat yang ditunjuk",
        "Ikuti petunjuk pengelola SIKP yang berlaku.",
    ),
]


def services() -> list[dict]:
    out = []
    for service, dept, app, docs, note in SERVICES:
        out.append(
            entry(
                title=f"Persyaratan {service}",
                question=f"Apa saja yang perlu disiapkan untuk {service}?",
                answer=(
                    f"Untuk {service}, siapkan {docs}. {note} Dokumen dapat disampaikan melalui "
                    "layanan yang ditetapkan KPPN mitra kerja; tanyakan kepada CSO bila ragu "
                    "tentang saluran penyampaiannya."
                ),
                department=dept,
                application=app,
                regulations=[PMK62] if dept in ("PA", "SP") else [],
                tags=["persyaratan", "layanan kppn"],
            )
        )
    return out
