"""Structured families of demo KB entries (hand-written rows, one entry per row).

Written for the HAI Desk demo; not official guidance. Each family returns plain dicts with the
keys ``title``, ``question``, ``answer``, ``department``, ``application``, ``regulations``,
``tags``; ``make_demo_data.py`` adds ids and dates.
"""

from __future__ import annotations

PMK62 = "PMK 62 Tahun 2023"
APP_NAMES = {"MPN-G3": "MPN G3", "E-REKON-LK": "e-Rekon-LK", "MONSAKTI": "MonSAKTI"}


def _entry(title, question, answer, department, application, regulations, tags):
    return {
        "title": title,
        "question": question,
        "answer": answer,
        "department": department,
        "application": application,
        "regulations": list(regulations),
        "tags": list(tags),
    }


# --- glossary: "Apa yang dimaksud dengan ...?" -------------------------------------------------
# (term, short form or "", department, application, definition, extra tags)
GLOSSARY = [
    (
        "Surat Perintah Pencairan Dana",
        "SP2D",
        "PKN",
        "SPAN",
        "surat perintah yang diterbitkan KPPN selaku kuasa BUN untuk mencairkan dana dari rekening kas negara ke rekening penerima berdasarkan SPM yang telah diuji.",
        ["sp2d"],
    ),
    (
        "Surat Perintah Membayar",
        "SPM",
        "PA",
        "SAKTI",
        "dokumen yang diterbitkan PPSPM untuk mencairkan dana yang bersumber dari DIPA, dibuat berdasarkan SPP yang telah diuji, lalu disampaikan ke KPPN.",
        ["spm"],
    ),
    (
        "Surat Permintaan Pembayaran",
        "SPP",
        "PA",
        "SAKTI",
        "dokumen yang dibuat PPK berisi permintaan pembayaran tagihan kepada negara, yang menjadi dasar PPSPM menerbitkan SPM.",
        ["spp"],
    ),
    (
        "Daftar Isian Pelaksanaan Anggaran",
        "DIPA",
        "PA",
        "SAKTI",
        "dokumen pelaksanaan anggaran yang memuat pagu, rincian penggunaan, dan rencana penarikan dana satker, yang berfungsi sebagai dasar pelaksanaan kegiatan dan pencairan dana.",
        ["dipa"],
    ),
    (
        "Petunjuk Operasional Kegiatan",
        "POK",
        "PA",
        "SAKTI",
        "rincian kegiatan, komponen, dan akun di bawah DIPA yang disusun KPA sebagai pedoman pelaksanaan kegiatan di satker.",
        ["pok"],
    ),
    (
        "Uang Persediaan",
        "UP",
        "PA",
        "SAKTI",
        "uang muka kerja dengan jumlah tertentu yang diberikan kepada bendahara pengeluaran untuk membiayai kegiatan operasional sehari-hari yang tidak dapat dibayar langsung, dan dapat diisi kembali (revolving).",
        ["up"],
    ),
    (
        "Tambahan Uang Persediaan",
        "TUP",
        "PA",
        "SAKTI",
        "uang muka tambahan yang diberikan bila kebutuhan dalam satu bulan melebihi sisa UP; harus digunakan dalam satu bulan dan dipertanggungjawabkan melalui SPM-PTUP.",
        ["tup"],
    ),
    (
        "Ganti Uang Persediaan",
        "GUP",
        "PA",
        "SAKTI",
        "pengisian kembali UP berdasarkan bukti pengeluaran yang sah atas penggunaan UP sebelumnya.",
        ["gup"],
    ),
    (
        "Pembayaran Langsung",
        "LS",
        "PA",
        "SAKTI",
        "mekanisme pembayaran dari kas negara langsung kepada penerima hak (penyedia, pegawai, atau bendahara untuk diteruskan) berdasarkan SPM LS.",
        ["ls"],
    ),
    (
        "Pejabat Pembuat Komitmen",
        "PPK",
        "PA",
        "",
        "pejabat yang diberi kewenangan KPA untuk mengambil keputusan dan/atau tindakan yang dapat mengakibatkan pengeluaran atas beban APBN, termasuk menguji tagihan dan menerbitkan SPP.",
        ["ppk", "pejabat perbendaharaan"],
    ),
    (
        "Pejabat Penandatangan SPM",
        "PPSPM",
        "PA",
        "",
        "pejabat yang diberi kewenangan KPA untuk menguji SPP dan menerbitkan serta menandatangani SPM.",
        ["ppspm", "pejabat perbendaharaan"],
    ),
    (
        "Kuasa Pengguna Anggaran",
        "KPA",
        "PA",
        "",
        "pejabat yang memperoleh kuasa dari Pengguna Anggaran untuk melaksanakan sebagian kewenangan dan tanggung jawab penggunaan anggaran pada satker.",
        ["kpa", "pejabat perbendaharaan"],
    ),
    (
        "Bendahara Pengeluaran",
        "",
        "PA",
        "SAKTI",
        "pejabat fungsional yang ditunjuk untuk menerima, menyimpan, membayarkan, menatausahakan, dan mempertanggungjawabkan uang untuk keperluan belanja negara dalam pelaksanaan APBN pada satker.",
        ["bendahara"],
    ),
    (
        "Bendahara Penerimaan",
        "",
        "PKN",
        "SAKTI",
        "pejabat fungsional yang ditunjuk untuk menerima, menyimpan, menyetorkan, menatausahakan, dan mempertanggungjawabkan uang pendapatan negara dalam pelaksanaan APBN pada satker.",
        ["bendahara", "pnbp"],
    ),
    (
        "Nomor Transaksi Penerimaan Negara",
        "NTPN",
        "PKN",
        "MPN-G3",
        "nomor tanda bukti pembayaran atau penyetoran ke kas negara yang diterbitkan melalui sistem penerimaan negara; NTPN menjadi bukti bahwa setoran sah tercatat.",
        ["ntpn", "mpn"],
    ),
    (
        "Nomor Transaksi Bank",
        "NTB",
        "PKN",
        "MPN-G3",
        "nomor bukti transaksi yang diterbitkan bank/pos persepsi atas setoran; berbeda dengan NTPN yang diterbitkan oleh sistem penerimaan negara.",
        ["ntb", "mpn"],
    ),
    (
        "Bank/Pos Persepsi",
        "",
        "PKN",
        "MPN-G3",
        "bank atau kantor pos yang ditunjuk untuk menerima setoran penerimaan negara dan meneruskannya ke rekening kas negara.",
        ["bank persepsi", "mpn"],
    ),
    (
        "Daftar Rincian Permintaan Pembayaran",
        "DRPP",
        "PA",
        "SAKTI",
        "daftar rincian tagihan yang dibayarkan bendahara dan menjadi lampiran SPP/SPM-GUP atau PTUP.",
        ["drpp", "gup"],
    ),
    (
        "Surat Perintah Bayar",
        "SPBy",
        "PA",
        "SAKTI",
        "perintah dari PPK (atas nama KPA) kepada bendahara pengeluaran untuk membayar tagihan dari UP.",
        ["spby", "bendahara"],
    ),
    (
        "Surat Pernyataan Tanggung Jawab Mutlak",
        "SPTJM",
        "PA",
        "",
        "surat pernyataan yang ditandatangani pejabat berwenang bahwa ia bertanggung jawab penuh atas kebenaran perhitungan dan dokumen yang menjadi dasar pembayaran.",
        ["sptjm"],
    ),
    (
        "Berita Acara Serah Terima",
        "BAST",
        "PA",
        "SAKTI",
        "berita acara penyerahan hasil pekerjaan dari penyedia kepada PPK yang menjadi dasar penagihan dan pengakuan aset atau beban.",
        ["bast", "kontrak"],
    ),
    (
        "Arsip Data Komputer",
        "ADK",
        "SITP",
        "SAKTI",
        "berkas data elektronik hasil keluaran aplikasi yang dipertukarkan antar-aplikasi, misalnya data SPM, data kontrak, atau data rekonsiliasi.",
        ["adk"],
    ),
    (
        "Berita Acara Rekonsiliasi",
        "BAR",
        "APK",
        "E-REKON-LK",
        "dokumen yang menyatakan data transaksi satker telah sesuai dengan data KPPN/BUN untuk periode tertentu, diterbitkan melalui e-Rekon-LK.",
        ["bar", "rekonsiliasi"],
    ),
    (
        "Rencana Penarikan Dana",
        "RPD",
        "PA",
        "SAKTI",
        "rencana bulanan kebutuhan dana satker yang tercantum pada halaman III DIPA dan menjadi salah satu dasar perencanaan kas negara.",
        ["rencana penarikan dana", "dipa"],
    ),
    (
        "Rencana Penarikan Dana Harian",
        "",
        "PKN",
        "SAKTI",
        "rencana kebutuhan dana dalam jumlah besar pada hari tertentu yang disampaikan satker sebelumnya agar kas negara dapat disiapkan.",
        ["perencanaan kas"],
    ),
    (
        "Surat Keterangan Penghentian Pembayaran",
        "SKPP",
        "PA",
        "SAKTI",
        "surat keterangan dari satker lama tentang sampai kapan gaji dan tunjangan pegawai dibayarkan, dipakai ketika pegawai pindah atau pensiun.",
        ["skpp", "gaji"],
    ),
    (
        "Rekening Kas Umum Negara",
        "RKUN",
        "PKN",
        "SPAN",
        "rekening tempat penyimpanan uang negara yang ditentukan Menteri Keuangan selaku BUN untuk menampung seluruh penerimaan negara dan membayar seluruh pengeluaran negara.",
        ["rkun", "kas negara"],
    ),
    (
        "Kuasa Bendahara Umum Negara",
        "Kuasa BUN",
        "PKN",
        "SPAN",
        "pejabat yang diberi kuasa Menteri Keuangan selaku BUN untuk melaksanakan tugas kebendaharaan di wilayah kerjanya; di daerah, fungsi ini dijalankan KPPN.",
        ["bun", "kppn"],
    ),
    (
        "Kode Satker",
        "",
        "SP",
        "",
        "kode enam digit yang mengidentifikasi satuan kerja dalam sistem perbendaharaan dan penganggaran; kode ini dipakai di DIPA, SPM, dan seluruh aplikasi terkait.",
        ["kode satker", "satker"],
    ),
    (
        "Retur SP2D",
        "",
        "PKN",
        "SPAN",
        "pengembalian dana SP2D oleh bank penerima ke kas negara karena dana tidak dapat dikreditkan ke rekening tujuan, misalnya rekening tidak valid.",
        ["retur sp2d"],
    ),
    (
        "Surat Perintah Pengesahan Pendapatan dan Belanja BLU",
        "SP3B BLU",
        "PPKBLU",
        "SAKTI",
        "surat yang diajukan BLU kepada KPPN untuk mengesahkan pendapatan dan belanja yang bersumber dari PNBP BLU.",
        ["sp3b", "blu"],
    ),
    (
        "Rencana Bisnis dan Anggaran",
        "RBA",
        "PPKBLU",
        "BIOS",
        "dokumen perencanaan bisnis dan penganggaran tahunan BLU yang memuat program, kegiatan, target kinerja, dan anggaran.",
        ["rba", "blu"],
    ),
    (
        "Badan Layanan Umum",
        "BLU",
        "PPKBLU",
        "BIOS",
        "instansi pemerintah yang memberikan layanan kepada masyarakat tanpa mengutamakan keuntungan dan diberi fleksibilitas dalam pola pengelolaan keuangan.",
        ["blu"],
    ),
    (
        "Kartu Kredit Pemerintah",
        "KKP",
        "PA",
        "KKP",
        "alat pembayaran dengan kartu yang dapat digunakan untuk membayar belanja atas beban APBN, dengan kewajiban pembayaran dilunasi oleh bendahara kepada bank penerbit.",
        ["kkp"],
    ),
    (
        "Kredit Usaha Rakyat",
        "KUR",
        "SMI",
        "SIKP",
        "kredit atau pembiayaan modal kerja dan investasi kepada usaha mikro, kecil, dan menengah yang produktif dan layak, dengan dukungan subsidi bunga dari pemerintah.",
        ["kur", "kredit program"],
    ),
    (
        "Pagu Minus",
        "",
        "PA",
        "OM-SPAN",
        "kondisi ketika realisasi belanja pada suatu akun lebih besar daripada pagu yang tersedia, biasanya akibat revisi atau kesalahan pembebanan.",
        ["pagu minus"],
    ),
    (
        "Catatan atas Laporan Keuangan",
        "CaLK",
        "APK",
        "SAKTI",
        "bagian laporan keuangan yang menjelaskan pos-pos laporan, kebijakan akuntansi, dan informasi tambahan yang diperlukan untuk memahami laporan.",
        ["calk", "laporan keuangan"],
    ),
    (
        "Laporan Pertanggungjawaban Bendahara",
        "LPJ",
        "PA",
        "SAKTI",
        "laporan bulanan bendahara tentang posisi kas dan mutasi uang yang dikelolanya, disampaikan kepada KPPN.",
        ["lpj bendahara", "bendahara"],
    ),
    (
        "Sertifikat Elektronik",
        "",
        "SITP",
        "SAKTI",
        "sertifikat berisi tanda tangan elektronik dan identitas pemiliknya yang digunakan pejabat perbendaharaan untuk menandatangani dokumen di aplikasi.",
        ["sertifikat elektronik", "tte"],
    ),
    (
        "Indikator Kinerja Pelaksanaan Anggaran",
        "IKPA",
        "PA",
        "OM-SPAN",
        "indikator untuk mengukur kualitas pelaksanaan anggaran satker dari sisi perencanaan, pelaksanaan, dan hasil.",
        ["ikpa"],
    ),
    (
        "Penerimaan Negara Bukan Pajak",
        "PNBP",
        "PKN",
        "MPN-G3",
        "pungutan yang dibayar orang pribadi atau badan atas manfaat yang diperoleh dari layanan atau pemanfaatan sumber daya negara, di luar penerimaan perpajakan.",
        ["pnbp"],
    ),
]


def glossary() -> list[dict]:
    out = []
    for term, short, dept, app, definition, tags in GLOSSARY:
        label = f"{term} ({short})" if short else term
        ask = short or term
        out.append(
            _entry(
                title=f"Pengertian {label}",
                question=f"Apa yang dimaksud dengan {ask}?",
                answer=f"{label} adalah {definition}",
                department=dept,
                application=app or None,
                regulations=[PMK62] if dept in ("PA", "APK") else [],
                tags=["istilah", *tags],
            )
        )
    return out


# --- SPM LS: documents per payment type ---------------------------------------------------------
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
            _entry(
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


# --- chart of accounts (demo selection) --------------------------------------------------------
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
            _entry(
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


# --- error messages seen at the counter (wording written for the demo) -----------------------
# (app, department, message, cause, fix)
ERRORS = [
    (
        "SAKTI",
        "PA",
        "Pagu tidak mencukupi",
        "nilai SPM melebihi sisa pagu akun pada DIPA atau POK",
        "cek sisa pagu akun di SAKTI dan OM-SPAN; bila memang kurang, lakukan revisi POK/DIPA sebelum mengajukan ulang",
    ),
    (
        "SAKTI",
        "PA",
        "Data supplier belum valid",
        "data supplier baru atau perubahan rekening belum divalidasi KPPN",
        "pastikan data supplier sudah dikirim dan tunggu status valid; bila ditolak, perbaiki sesuai alasan penolakan",
    ),
    (
        "SAKTI",
        "PA",
        "Nomor register kontrak tidak ditemukan",
        "data kontrak belum terdaftar di KPPN atau nomor yang dipilih salah",
        "kirim data kontrak dari modul Komitmen dan gunakan nomor register yang diberikan KPPN",
    ),
    (
        "SAKTI",
        "PA",
        "Sisa UP tidak mencukupi",
        "nilai pengeluaran melebihi saldo UP bendahara",
        "ajukan SPM-GUP atas pengeluaran sebelumnya atau ajukan TUP bila kebutuhannya mendesak",
    ),
    (
        "SAKTI",
        "SITP",
        "Sertifikat elektronik tidak valid",
        "sertifikat kedaluwarsa, dicabut, atau tidak sesuai dengan pejabat yang terdaftar",
        "periksa masa berlaku sertifikat dan kesesuaian NIP pejabat pada referensi; ajukan penerbitan ulang bila perlu",
    ),
    (
        "SAKTI",
        "SITP",
        "Passphrase salah",
        "frasa sandi sertifikat elektronik yang dimasukkan tidak cocok",
        "ketik ulang dengan memperhatikan huruf besar/kecil; setelah beberapa kali gagal, sertifikat dapat terkunci sehingga perlu menghubungi penerbit sertifikat",
    ),
    (
        "SAKTI",
        "SITP",
        "Sesi telah berakhir",
        "pengguna tidak aktif terlalu lama sehingga sesi ditutup demi keamanan",
        "masuk kembali; simpan pekerjaan secara berkala agar data tidak hilang",
    ),
    (
        "SAKTI",
        "PA",
        "Tanggal dokumen di luar periode",
        "tanggal transaksi berada pada periode yang sudah ditutup atau belum dibuka",
        "gunakan tanggal pada periode terbuka atau minta pembukaan periode sesuai ketentuan",
    ),
    (
        "SAKTI",
        "PA",
        "Akun tidak sesuai dengan jenis SPM",
        "akun yang dipilih tidak dapat dibayar dengan jenis SPM tersebut, misalnya akun modal pada SPM yang tidak sesuai",
        "pilih jenis SPM yang tepat atau perbaiki akun pembebanan",
    ),
    (
        "SAKTI",
        "PA",
        "Referensi pejabat belum lengkap",
        "salah satu pejabat perbendaharaan (KPA, PPK, PPSPM, bendahara) belum direkam atau sudah tidak aktif",
        "lengkapi referensi pejabat di modul Admin berdasarkan SK yang berlaku",
    ),
    (
        "SAKTI",
        "APK",
        "Terdapat transaksi belum diposting",
        "masih ada transaksi yang belum diproses ke buku besar sehingga laporan belum lengkap",
        "posting seluruh transaksi yang tertunda sebelum tutup buku atau mencetak laporan",
    ),
    (
        "SAKTI",
        "APK",
        "Saldo persediaan negatif",
        "pengeluaran persediaan direkam sebelum penerimaannya, atau kuantitas salah",
        "periksa urutan dan kuantitas transaksi persediaan lalu koreksi yang keliru",
    ),
    (
        "SAKTI",
        "APK",
        "Aset belum memiliki kode barang",
        "perolehan aset direkam tanpa kode barang yang valid",
        "lengkapi kode barang sesuai kodefikasi yang berlaku sebelum proses penyusutan",
    ),
    (
        "SPAN",
        "PKN",
        "Rekening tujuan tidak valid",
        "nomor rekening atau kode bank pada SPM tidak dapat diverifikasi",
        "periksa data supplier dan bukti rekening, lalu ajukan ulang dengan data yang benar",
    ),
    (
        "SPAN",
        "PKN",
        "Nama penerima tidak sesuai rekening",
        "nama penerima berbeda dengan nama pemilik rekening di bank",
        "sesuaikan nama pada data supplier dengan nama di rekening lalu validasi ulang",
    ),
    (
        "SPAN",
        "PA",
        "SPM melewati batas waktu pengajuan",
        "SPM diajukan setelah batas waktu yang ditetapkan, misalnya pada akhir tahun anggaran",
        "hubungi KPPN untuk mengetahui mekanisme yang masih tersedia",
    ),
    (
        "SPAN",
        "PA",
        "Kode satker tidak sesuai DIPA",
        "kode satker, kode KPPN, atau kode kewenangan pada SPM tidak cocok dengan DIPA",
        "periksa kode pada DIPA dan referensi satker di SAKTI, lalu buat ulang SPM",
    ),
    (
        "OM-SPAN",
        "SITP",
        "Pengguna tidak terdaftar",
        "akun belum dibuat atau e-mail yang dipakai berbeda dengan yang didaftarkan",
        "pastikan permohonan akses sudah disetujui KPPN dan gunakan alamat e-mail yang didaftarkan",
    ),
    (
        "OM-SPAN",
        "SITP",
        "Akun tidak aktif",
        "akun dinonaktifkan setelah lama tidak dipakai atau atas permintaan satker",
        "ajukan aktivasi kembali ke KPPN mitra kerja",
    ),
    (
        "OM-SPAN",
        "SITP",
        "Kode verifikasi salah",
        "kode verifikasi yang dimasukkan tidak cocok atau sudah kedaluwarsa",
        "minta kode baru dan masukkan sebelum kedaluwarsa",
    ),
    (
        "MPN-G3",
        "PKN",
        "Kode billing tidak ditemukan",
        "kode billing salah ketik, sudah dibayar, atau sudah kedaluwarsa",
        "periksa kembali kode billing; bila kedaluwarsa, buat kode billing baru",
    ),
    (
        "MPN-G3",
        "PKN",
        "Kode billing sudah dibayar",
        "kode billing yang sama sudah pernah dibayar dan memperoleh NTPN",
        "jangan membayar ulang; cari bukti penerimaan negara atas pembayaran sebelumnya",
    ),
    (
        "MPN-G3",
        "PKN",
        "Transaksi ditolak bank persepsi",
        "gangguan di bank, saldo tidak cukup, atau layanan bank sedang ditutup",
        "coba kembali di kanal lain atau hubungi bank; pastikan tidak terjadi pendebetan ganda",
    ),
    (
        "E-REKON-LK",
        "APK",
        "Format ADK tidak dikenali",
        "berkas yang diunggah bukan ADK hasil SAKTI untuk periode tersebut atau rusak",
        "buat ulang ADK dari SAKTI untuk periode yang benar dan unggah tanpa mengubah nama atau isi berkas",
    ),
    (
        "E-REKON-LK",
        "APK",
        "Periode sudah direkonsiliasi",
        "BAR untuk periode tersebut sudah terbit",
        "bila ada perubahan data setelah BAR terbit, ikuti mekanisme rekonsiliasi ulang sesuai ketentuan",
    ),
    (
        "E-REKON-LK",
        "APK",
        "Data satker belum lengkap",
        "masih ada komponen data yang belum diunggah atau belum diproses",
        "lengkapi unggahan seluruh komponen lalu proses ulang perbandingan",
    ),
    (
        "DIGIPAY",
        "PA",
        "Saldo rekening bendahara tidak mencukupi",
        "saldo UP di rekening bendahara lebih kecil dari nilai pesanan",
        "ajukan GUP terlebih dahulu atau kurangi nilai pesanan",
    ),
    (
        "KKP",
        "PA",
        "Transaksi KKP ditolak karena melebihi limit",
        "nilai transaksi melebihi batas kartu atau batas per transaksi",
        "gunakan mekanisme pembayaran lain atau ajukan penyesuaian batas kepada bank penerbit sesuai ketentuan",
    ),
    (
        "BIOS",
        "PPKBLU",
        "Data layanan periode ini sudah dikirim",
        "data untuk periode yang sama sudah pernah dikirim",
        "gunakan fitur perbaikan data bila ada kesalahan, bukan pengiriman baru",
    ),
    (
        "SIKP",
        "SMI",
        "NIK calon debitur tidak valid",
        "NIK tidak sesuai data kependudukan atau salah ketik",
        "periksa NIK pada KTP calon debitur dan unggah ulang data yang benar",
    ),
]


def errors() -> list[dict]:
    out = []
    for app, dept, message, cause, fix in ERRORS:
        out.append(
            _entry(
                title=f'Pesan "{message}" di {APP_NAMES.get(app, app)}',
                question=(
                    f'Muncul pesan "{message}" ketika kami menggunakan {APP_NAMES.get(app, app)}. '
                    "Apa artinya dan bagaimana mengatasinya?"
                ),
                answer=(
                    f"Pesan ini biasanya muncul karena {cause}. Langkah penyelesaian: {fix}. "
                    "Jika pesan tetap muncul setelah langkah tersebut, laporkan ke KPPN atau "
                    "HAI-DJPBN dengan tangkapan layar dan waktu kejadian."
                ),
                department=dept,
                application=app,
                regulations=[],
                tags=["pesan galat", app.lower()],
            )
        )
    return out


# --- KPPN services: what to bring (non-SPM services) --------------------------------------------
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
            _entry(
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


# --- who signs what ------------------------------------------------------------------------------
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
            _entry(
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


# --- what the desk does not answer (decree V.b.1), as KB guidance for CSOs ----------------------
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
        _entry(
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


def all_families() -> list[dict]:
    """Every family entry, in a stable order."""
    return glossary() + spm_ls() + accounts() + errors() + services() + signers() + scope()
