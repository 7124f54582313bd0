"""Demo KB family: error messages seen at the counter (wording written for the demo)."""

from __future__ import annotations

from .entry import APP_NAMES, entry

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
            entry(
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
