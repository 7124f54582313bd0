"""Demo KB family: account codes of the chart of accounts (a demo selection)."""

from __future__ import annotations

from .entry import entry

# (code, account name, typical use, note)
ACCOUNTS = [
    (
        "511111",
        "Belanja Gaji Pokok PNS",
        "gaji pokok pegawai negeri sipil",
        "Dibayar melalui SPM gaji.",
    ),
    (
        "511119",
        "Belanja Pembulatan Gaji PNS",
        "pembulatan gaji PNS",
        "Terbentuk otomatis dari aplikasi gaji.",
    ),
    (
        "511121",
        "Belanja Tunjangan Suami/Istri PNS",
        "tunjangan suami atau istri PNS",
        "Sesuai data keluarga pegawai.",
    ),
    ("511122", "Belanja Tunjangan Anak PNS", "tunjangan anak PNS", "Sesuai data anak yang berhak."),
    (
        "511123",
        "Belanja Tunjangan Struktural PNS",
        "tunjangan jabatan struktural",
        "Berdasarkan SK jabatan.",
    ),
    (
        "511124",
        "Belanja Tunjangan Fungsional PNS",
        "tunjangan jabatan fungsional",
        "Berdasarkan SK jabatan fungsional.",
    ),
    ("511126", "Belanja Tunjangan Beras PNS", "tunjangan beras PNS", "Dibayar bersama gaji."),
    ("511129", "Belanja Uang Makan PNS", "uang makan harian PNS", "Dibayar berdasarkan kehadiran."),
    (
        "512211",
        "Belanja Uang Lembur",
        "uang lembur pegawai",
        "Didukung surat perintah kerja lembur.",
    ),
    (
        "521111",
        "Belanja Operasional Perkantoran",
        "kebutuhan sehari-hari perkantoran",
        "Misalnya alat tulis kantor untuk operasional.",
    ),
    (
        "521211",
        "Belanja Bahan",
        "bahan kegiatan seperti penggandaan dan konsumsi rapat",
        "Dipakai untuk kegiatan non-operasional.",
    ),
    (
        "521213",
        "Belanja Honor Output Kegiatan",
        "honor tim pelaksana kegiatan",
        "Besaran mengikuti standar biaya.",
    ),
    (
        "521219",
        "Belanja Barang Non Operasional Lainnya",
        "belanja barang non operasional yang tidak tertampung pada akun lain",
        "Gunakan hanya bila tidak ada akun yang lebih tepat.",
    ),
    (
        "522111",
        "Belanja Langganan Listrik",
        "tagihan listrik kantor",
        "Dapat dibayar LS kepada penyedia.",
    ),
    (
        "522112",
        "Belanja Langganan Telepon",
        "tagihan telepon kantor",
        "Dapat dibayar LS kepada penyedia.",
    ),
    ("522113", "Belanja Langganan Air", "tagihan air kantor", "Dapat dibayar LS kepada penyedia."),
    (
        "522131",
        "Belanja Jasa Konsultan",
        "jasa konsultan badan usaha atau perorangan",
        "Umumnya berdasarkan kontrak.",
    ),
    (
        "522141",
        "Belanja Sewa",
        "sewa gedung, kendaraan, atau peralatan",
        "Untuk sewa yang dibayar sekaligus dan melewati tahun anggaran, bagian tahun berikutnya dicatat sebagai beban dibayar di muka.",
    ),
    (
        "523111",
        "Belanja Pemeliharaan Gedung dan Bangunan",
        "pemeliharaan gedung kantor",
        "Bukan untuk penambahan nilai aset.",
    ),
    (
        "523121",
        "Belanja Pemeliharaan Peralatan dan Mesin",
        "pemeliharaan kendaraan dan peralatan",
        "Termasuk servis kendaraan dinas.",
    ),
    (
        "524111",
        "Belanja Perjalanan Dinas Biasa",
        "perjalanan dinas ke luar kota",
        "Sesuai standar biaya perjalanan dinas.",
    ),
    (
        "524113",
        "Belanja Perjalanan Dinas Dalam Kota",
        "perjalanan dinas dalam kota",
        "Untuk perjalanan dalam batas kota.",
    ),
    (
        "524114",
        "Belanja Perjalanan Dinas Paket Meeting Dalam Kota",
        "rapat paket di dalam kota",
        "Termasuk paket fullboard atau halfday.",
    ),
    (
        "524119",
        "Belanja Perjalanan Dinas Paket Meeting Luar Kota",
        "rapat paket di luar kota",
        "Termasuk transport peserta.",
    ),
    (
        "526111",
        "Belanja Barang untuk Diserahkan kepada Masyarakat",
        "barang yang dibeli untuk diserahkan kepada masyarakat",
        "Catat penyerahannya dengan berita acara.",
    ),
    (
        "532111",
        "Belanja Modal Peralatan dan Mesin",
        "pembelian peralatan yang memenuhi nilai kapitalisasi",
        "Catat di modul Aset Tetap setelah diterima.",
    ),
    (
        "533111",
        "Belanja Modal Gedung dan Bangunan",
        "pembangunan atau penambahan gedung",
        "Biaya perencanaan dan pengawasan dapat dikapitalisasi.",
    ),
    (
        "534111",
        "Belanja Modal Jalan dan Jembatan",
        "pembangunan jalan dan jembatan",
        "Untuk satker yang memiliki kewenangan infrastruktur.",
    ),
    (
        "536111",
        "Belanja Modal Lainnya",
        "aset tetap lainnya seperti aplikasi atau buku",
        "Pastikan memenuhi kriteria aset tetap.",
    ),
    (
        "525111",
        "Belanja Gaji dan Tunjangan BLU",
        "gaji dan tunjangan pegawai BLU dari PNBP BLU",
        "Disahkan melalui SP3B BLU.",
    ),
]


def accounts() -> list[dict]:
    out = []
    for code, name, use, note in ACCOUNTS:
        dept = "PPKBLU" if code.startswith("525") else "APK"
        out.append(
            entry(
                title=f"Akun {code} {name}",
                question=f"Akun apa yang digunakan untuk {use}?",
                answer=(
                    f"Gunakan akun {code} ({name}). {note} Pastikan akun tersebut tersedia di "
                    "DIPA/POK satker; jika belum, lakukan revisi POK atau revisi DIPA sesuai "
                    "kewenangannya sebelum membuat SPM. Bila ragu, cek keterangan akun pada "
                    "Bagan Akun Standar yang berlaku."
                ),
                department=dept,
                application="SAKTI",
                regulations=["Bagan Akun Standar (Keputusan Menteri Keuangan tentang BAS)"],
                tags=["akun", "bagan akun standar", code],
            )
        )
    return out
