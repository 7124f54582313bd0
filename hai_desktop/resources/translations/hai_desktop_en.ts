<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name></name>
    <message>
        <source>Isian berikutnya / sebelumnya (per kolom, atas ke bawah)</source>
        <translation>Next / previous field (column by column, top to bottom)</translation>
    </message>
    <message>
        <source>Dasar peraturan: tambahkan yang diketik</source>
        <translation>Regulation basis: add what was typed</translation>
    </message>
    <message>
        <source>Daftar dasar: hapus butir yang dipilih</source>
        <translation>Basis list: remove the selected item</translation>
    </message>
    <message>
        <source>Sisipkan saran basis pengetahuan bernomor</source>
        <translation>Insert the numbered knowledge-base suggestion</translation>
    </message>
    <message>
        <source>Sisipkan saran yang dipilih</source>
        <translation>Insert the selected suggestion</translation>
    </message>
    <message>
        <source>Jawaban: batalkan sisipan terakhir</source>
        <translation>Answer: undo the last insert</translation>
    </message>
    <message>
        <source>InquiryForm</source>
        <comment>Simpan (Ctrl+S)</comment>
        <translation>InquiryForm</translation>
    </message>
    <message>
        <source>InquiryForm</source>
        <comment>Simpan</comment>
        <translation>InquiryForm</translation>
    </message>
    <message>
        <source>InquiryForm</source>
        <comment>Pengunjung baru (Ctrl+N)</comment>
        <translation>InquiryForm</translation>
    </message>
    <message>
        <source>InquiryForm</source>
        <comment>Pengunjung baru</comment>
        <translation>InquiryForm</translation>
    </message>
    <message>
        <source>InquiryForm</source>
        <comment>Pertanyaan lain (Ctrl+Shift+N)</comment>
        <translation>InquiryForm</translation>
    </message>
    <message>
        <source>InquiryForm</source>
        <comment>Pertanyaan lain</comment>
        <translation>InquiryForm</translation>
    </message>
</context>
<context>
    <name>AboutPage</name>
    <message>
        <source>Tentang</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Aplikasi</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Versi</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>HAI Hub</source>
        <translation>HAI Hub</translation>
    </message>
    <message>
        <source>belum diatur</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>Versi HAI Hub</source>
        <translation>HAI Hub version</translation>
    </message>
    <message>
        <source>belum diketahui (belum tersinkron)</source>
        <translation>unknown (not synced yet)</translation>
    </message>
    <message>
        <source>Folder data</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Lisensi</source>
        <translation>Licence</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>Akun</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Ubah profil…</source>
        <translation>Change profile…</translation>
    </message>
    <message>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>HAI Hub</source>
        <translation>HAI Hub</translation>
    </message>
    <message>
        <source>Masuk / pindah hub…</source>
        <translation>Sign in / switch hub…</translation>
    </message>
    <message>
        <source>Keluar dari hub</source>
        <translation>Sign out of the hub</translation>
    </message>
    <message>
        <source>Catatan tetap tersimpan di komputer ini. Yang belum terkirim dikirim setelah Anda masuk lagi.</source>
        <translation>Records stay saved on this computer. Those not yet sent are sent after you sign in again.</translation>
    </message>
    <message>
        <source>Belum ada profil.</source>
        <translation>No profile yet.</translation>
    </message>
    <message>
        <source>Masuk sebagai %1 (%2) di %3</source>
        <translation>Signed in as %1 (%2) at %3</translation>
    </message>
    <message>
        <source>Belum masuk ke HAI Hub.</source>
        <translation>Not signed in to HAI Hub.</translation>
    </message>
    <message>
        <source>Profil disimpan.</source>
        <translation>Profile saved.</translation>
    </message>
    <message>
        <source>Keluar dari HAI Hub di desk ini?</source>
        <translation>Sign out of HAI Hub on this desk?</translation>
    </message>
    <message numerus="yes">
        <source>%n catatan belum terkirim; tetap tersimpan dan dikirim setelah masuk lagi.</source>
        <translation>
            <numerusform>%n record not sent yet; it stays saved and is sent after you sign in again.</numerusform>
            <numerusform>%n records not sent yet; they stay saved and are sent after you sign in again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keluar dari HAI Hub.</source>
        <translation>Signed out of HAI Hub.</translation>
    </message>
    <message>
        <source>Tidak dapat keluar dari HAI Hub.</source>
        <translation>Could not sign out of HAI Hub.</translation>
    </message>
</context>
<context>
    <name>AttachmentPicker</name>
    <message>
        <source>Seret berkas ke sini, atau pilih dengan Tambah lampiran.</source>
        <translation>Drag files here, or choose them with Add attachment.</translation>
    </message>
    <message>
        <source>Tambah lampiran…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>atau seret berkas ke sini</source>
        <translation>or drag files here</translation>
    </message>
    <message>
        <source>Pilih lampiran</source>
        <translation>Choose attachments</translation>
    </message>
    <message>
        <source>Lampiran yang diizinkan (%1)</source>
        <translation>Allowed attachments (%1)</translation>
    </message>
    <message>
        <source>Berkas tidak dapat diperiksa.</source>
        <translation>The file could not be checked.</translation>
    </message>
</context>
<context>
    <name>BroadcastAlerts</name>
    <message>
        <source>%1 siaran belum dibaca</source>
        <translation>%1 unread broadcasts</translation>
    </message>
    <message>
        <source>Siaran segera dari pusat</source>
        <translation>Urgent broadcast from the centre</translation>
    </message>
</context>
<context>
    <name>BroadcastDetail</name>
    <message>
        <source>Pilih siaran di daftar untuk membacanya.</source>
        <translation>Choose a broadcast in the list to read it.</translation>
    </message>
    <message>
        <source>Konfirmasi: sudah saya baca dan pahami</source>
        <translation>Confirm: I have read and understood it</translation>
    </message>
    <message>
        <source>Lampiran</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Riwayat gangguan</source>
        <translation>Outage history</translation>
    </message>
    <message>
        <source>Tanda tangan pusat cocok dengan kunci hub yang disimpan saat masuk.</source>
        <translation>The centre&apos;s signature matches the hub key stored at sign-in.</translation>
    </message>
    <message>
        <source>Diterbitkan: %1</source>
        <translation>Published: %1</translation>
    </message>
    <message>
        <source>Berlaku sampai: %1</source>
        <translation>Valid until: %1</translation>
    </message>
    <message>
        <source>Aplikasi terdampak: %1 · Status: %2</source>
        <translation>Affected applications: %1 · Status: %2</translation>
    </message>
    <message>
        <source>Jawaban diminta paling lambat: %1</source>
        <translation>Reply requested by: %1</translation>
    </message>
    <message>
        <source>Narahubung: %1</source>
        <translation>Contact: %1</translation>
    </message>
    <message>
        <source>Dikonfirmasi %1</source>
        <translation>Confirmed %1</translation>
    </message>
    <message>
        <source>Siaran segera: konfirmasi bahwa Anda sudah membacanya.</source>
        <translation>Urgent broadcast: confirm that you have read it.</translation>
    </message>
    <message>
        <source>Tidak dapat dikonfirmasi: siaran ini tidak terverifikasi.</source>
        <translation>Cannot be confirmed: this broadcast is not verified.</translation>
    </message>
</context>
<context>
    <name>BroadcastModel</name>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Urgensi</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Diterbitkan</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Berlaku s.d.</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Verifikasi</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>Dikonfirmasi</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Dibaca, belum dikonfirmasi</source>
        <translation>Read, not confirmed</translation>
    </message>
    <message>
        <source>Dibaca</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Baru — perlu konfirmasi</source>
        <translation>New — needs confirmation</translation>
    </message>
    <message>
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Daftar siaran tidak dapat dibaca.</source>
        <translation>The broadcast list cannot be read.</translation>
    </message>
</context>
<context>
    <name>BroadcastTexts</name>
    <message>
        <source>Informasi</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Gangguan</source>
        <translation>Outage</translation>
    </message>
    <message>
        <source>Permintaan data</source>
        <translation>Data request</translation>
    </message>
    <message>
        <source>Perubahan layanan</source>
        <translation>Service change</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Segera</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Biasa</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Sedang diselidiki</source>
        <translation>Investigating</translation>
    </message>
    <message>
        <source>Penyebab diketahui</source>
        <translation>Cause identified</translation>
    </message>
    <message>
        <source>Dipantau (sudah diperbaiki)</source>
        <translation>Monitoring (fixed)</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Belum dibaca</source>
        <translation>Unread</translation>
    </message>
    <message>
        <source>Belum dikonfirmasi</source>
        <translation>Not confirmed</translation>
    </message>
    <message>
        <source>Gangguan aktif</source>
        <translation>Active outage</translation>
    </message>
    <message>
        <source>Perlu dijawab</source>
        <translation>Needs a reply</translation>
    </message>
    <message>
        <source>Disisihkan (tidak dapat diverifikasi)</source>
        <translation>Set apart (cannot be verified)</translation>
    </message>
    <message>
        <source>Semua waktu</source>
        <translation>All time</translation>
    </message>
    <message>
        <source>7 hari terakhir</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>30 hari terakhir</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>90 hari terakhir</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <source>1 tahun terakhir</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>Terverifikasi</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Tidak dapat diverifikasi</source>
        <translation>Cannot be verified</translation>
    </message>
    <message>
        <source>Siaran ini ditujukan untuk kantor atau peran lain dan tiba di sini karena keliru. Disisihkan; tidak berlaku untuk kantor ini.</source>
        <translation>This broadcast is meant for another office or role and arrived here by mistake. Set apart; it does not apply to this office.</translation>
    </message>
    <message>
        <source>Kunci tanda tangan hub belum tersimpan di desk ini (masuk ke hub sekali). Isinya belum terbukti berasal dari pusat.</source>
        <translation>The hub&apos;s signing key is not stored on this desk yet (sign in to the hub once). Its content is not yet proven to come from the centre.</translation>
    </message>
    <message>
        <source>Tanda tangan memakai versi yang tidak dikenal desk ini. Perbarui HAI Desk.</source>
        <translation>The signature uses a version this desk does not know. Update HAI Desk.</translation>
    </message>
    <message>
        <source>Tanda tangan tidak cocok: isi siaran ini tidak terbukti berasal dari pusat atau telah diubah. Jangan dijadikan dasar jawaban; hubungi pusat untuk memastikan.</source>
        <translation>The signature does not match: this broadcast is not proven to come from the centre, or it was altered. Do not use it as the basis of an answer; contact the centre to make sure.</translation>
    </message>
    <message>
        <source>Hub memakai kunci tanda tangan yang berbeda dari yang disimpan saat masuk. Desk tidak menggantinya sendiri: siaran baru ditampilkan sebagai tidak dapat diverifikasi sampai petugas TI memastikan kunci baru.</source>
        <translation>The hub uses a signing key different from the one stored at sign-in. The desk does not replace it by itself: new broadcasts show as unverifiable until IT staff confirm the new key.</translation>
    </message>
    <message>
        <source>Tulis isi jawaban.</source>
        <translation>Write the reply.</translation>
    </message>
    <message>
        <source>Jawaban terlalu panjang (paling banyak 50.000 karakter).</source>
        <translation>The reply is too long (at most 50,000 characters).</translation>
    </message>
    <message>
        <source>Terlalu banyak lampiran (paling banyak 20).</source>
        <translation>Too many attachments (at most 20).</translation>
    </message>
    <message>
        <source>Siaran ini tidak meminta jawaban.</source>
        <translation>This broadcast does not ask for a reply.</translation>
    </message>
    <message>
        <source>Jawaban tidak dapat disimpan.</source>
        <translation>The reply cannot be saved.</translation>
    </message>
    <message>
        <source>tersimpan</source>
        <translation>saved</translation>
    </message>
    <message>
        <source>tidak ada di hub</source>
        <translation>not on the hub</translation>
    </message>
    <message>
        <source>gagal diunduh, dicoba lagi</source>
        <translation>download failed, retrying</translation>
    </message>
    <message>
        <source>belum diunduh</source>
        <translation>not downloaded yet</translation>
    </message>
</context>
<context>
    <name>BroadcastView</name>
    <message>
        <source>Broadcast dari pusat</source>
        <translation>Broadcasts from the centre</translation>
    </message>
    <message>
        <source>Terima kunci baru…</source>
        <translation>Accept the new key…</translation>
    </message>
    <message>
        <source>Cari judul atau isi siaran</source>
        <translation>Search broadcast titles or text</translation>
    </message>
    <message>
        <source>Semua jenis</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Semua urgensi</source>
        <translation>All urgencies</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>Siaran sebelumnya / berikutnya</source>
        <translation>Previous / next broadcast</translation>
    </message>
    <message>
        <source>%1 siaran</source>
        <translation>%1 broadcasts</translation>
    </message>
</context>
<context>
    <name>ChartWidget</name>
    <message>
        <source>Tidak ada data</source>
        <translation>No data</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Konflik: dua desk mengubah catatan yang sama</source>
        <translation>Conflict: two desks changed the same record</translation>
    </message>
    <message>
        <source>Catatan ini diubah di desk ini dan juga di desk lain kantor Anda. Kedua versi disimpan. Pilih versi yang dipakai, atau pilih per isian lalu Gabungkan.</source>
        <translation>This record was changed on this desk and on another desk of your office. Both versions are kept. Choose the version to use, or pick per field and then Merge.</translation>
    </message>
    <message>
        <source>Pakai versi saya</source>
        <translation>Use my version</translation>
    </message>
    <message>
        <source>Pakai versi desk lain (HAI Hub)</source>
        <translation>Use the other desk&apos;s version (HAI Hub)</translation>
    </message>
    <message>
        <source>Gabungkan pilihan</source>
        <translation>Merge the picks</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Tidak ada konflik lagi.</source>
        <translation>No conflicts left.</translation>
    </message>
    <message>
        <source>Isian</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Versi saya</source>
        <translation>My version</translation>
    </message>
    <message>
        <source>Versi desk lain (HAI Hub)</source>
        <translation>Other desk&apos;s version (HAI Hub)</translation>
    </message>
    <message>
        <source>Gabungan belum lengkap</source>
        <translation>The merge is not complete</translation>
    </message>
    <message>
        <source>Gabungan ini melanggar aturan formulir ({fields}). Ubah pilihan.</source>
        <translation>This merge breaks the form&apos;s rules ({fields}). Change the picks.</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <source>Wajib diisi.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>Terlalu panjang.</source>
        <translation>Too long.</translation>
    </message>
    <message>
        <source>Kode satker harus 6 angka.</source>
        <translation>The satker code must be 6 digits.</translation>
    </message>
    <message>
        <source>Nomor telepon tidak valid (gunakan angka, boleh diawali +).</source>
        <translation>Not a valid phone number (use digits, optionally starting with +).</translation>
    </message>
    <message>
        <source>Alamat e-mail tidak valid.</source>
        <translation>Not a valid e-mail address.</translation>
    </message>
    <message>
        <source>Gunakan e-mail kedinasan (misalnya @kemenkeu.go.id).</source>
        <translation>Use an official e-mail (e.g. @kemenkeu.go.id).</translation>
    </message>
    <message>
        <source>Pilihan tidak dikenal. Pilih dari daftar.</source>
        <translation>Unknown choice. Pick one from the list.</translation>
    </message>
    <message>
        <source>Kantor tidak ditemukan dalam daftar kantor.</source>
        <translation>Office not found in the office list.</translation>
    </message>
    <message>
        <source>Tulis jawaban yang diberikan, atau pilih hasil lain.</source>
        <translation>Write the answer given, or choose another outcome.</translation>
    </message>
    <message>
        <source>Pilih alasan mengapa pertanyaan di luar lingkup layanan.</source>
        <translation>Choose why the question is out of the service&apos;s scope.</translation>
    </message>
    <message>
        <source>Waktu tidak valid.</source>
        <translation>Not a valid time.</translation>
    </message>
    <message>
        <source>Waktu selesai tidak boleh sebelum waktu mulai.</source>
        <translation>The end time cannot be before the start time.</translation>
    </message>
    <message>
        <source>Data tidak ditemukan.</source>
        <translation>Record not found.</translation>
    </message>
    <message>
        <source>Isian tidak valid.</source>
        <translation>Invalid input.</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Terjadi kesalahan</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Terjadi kesalahan yang tidak terduga. Data yang sudah disimpan aman, dan isian yang sedang diketik tersimpan sebagai draf.</source>
        <translation>An unexpected error occurred. Saved data is safe, and what you were typing is kept as a draft.</translation>
    </message>
    <message>
        <source>Catatan teknis ada di:</source>
        <translation>Technical details are in:</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <source>Basis data rusak</source>
        <translation>Database damaged</translation>
    </message>
    <message>
        <source>Pemeriksaan menyeluruh menemukan kerusakan pada basis data HAI Desk. Penyimpanan dan sinkronisasi dihentikan agar berkas tidak diubah lagi. Salin isian yang belum tersimpan, lalu tutup HAI Desk dan buka lagi: HAI Desk akan menawarkan pemulihan dari cadangan. Berkas yang rusak tidak dihapus.</source>
        <translation>The full check found damage in the HAI Desk database. Saving and syncing have stopped so that the file is not changed further. Copy any unsaved input, then close HAI Desk and open it again: HAI Desk will offer to restore from a backup. The damaged file is not deleted.</translation>
    </message>
    <message>
        <source>Terjadi kesalahan saat memproses data. Coba lagi.</source>
        <translation>Something went wrong while processing data. Please try again.</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>Umum</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Bahasa tampilan</source>
        <translation>Display language</translation>
    </message>
    <message>
        <source>Perubahan bahasa berlaku setelah aplikasi dibuka ulang.</source>
        <translation>A language change takes effect after the app is reopened.</translation>
    </message>
</context>
<context>
    <name>HardCaseDialog</name>
    <message>
        <source>Laporan kasus sulit</source>
        <translation>Hard-case report</translation>
    </message>
    <message>
        <source>Kesimpulan dan/atau rekomendasi</source>
        <translation>Conclusion and/or recommendation</translation>
    </message>
    <message>
        <source>Misalnya: perlu penegasan dari direktorat teknis; usulan entri KB baru.</source>
        <translation>For example: needs confirmation from the technical directorate; propose a new KB entry.</translation>
    </message>
    <message>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Simpan laporan kasus sulit</source>
        <translation>Save the hard-case report</translation>
    </message>
    <message>
        <source>Tersimpan: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Laporan tidak dapat disimpan ke %1.</source>
        <translation>The report could not be saved to %1.</translation>
    </message>
    <message>
        <source>Catatan ini tidak ada lagi di desk.</source>
        <translation>This record is no longer on the desk.</translation>
    </message>
    <message>
        <source>Laporan kasus sulit tidak dapat dibuat.</source>
        <translation>The hard-case report could not be made.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Riwayat layanan</source>
        <translation>Service history</translation>
    </message>
    <message>
        <source>Cari nama, kode satker, telepon, e-mail, instansi, pertanyaan, jawaban (Ctrl+F)</source>
        <translation>Search name, satker code, phone, e-mail, agency, question, answer (Ctrl+F)</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Semua departemen</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>Semua saluran</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>Semua hasil</source>
        <translation>All outcomes</translation>
    </message>
    <message>
        <source>Hapus filter</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Buka (Enter)</source>
        <translation>Open (Enter)</translation>
    </message>
    <message>
        <source>Pertanyaan lain</source>
        <translation>Another question</translation>
    </message>
    <message>
        <source>Teruskan ke HAI-DJPBN</source>
        <translation>Forward to HAI-DJPBN</translation>
    </message>
    <message>
        <source>Laporan kasus sulit…</source>
        <translation>Hard-case report…</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Konflik: {count} catatan</source>
        <translation>Conflicts: {count} records</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entri</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
    <message>
        <source>Belum ada catatan. Catatan yang disimpan muncul di sini.</source>
        <translation>No records yet. Saved records appear here.</translation>
    </message>
    <message>
        <source>Tidak ada catatan yang cocok. Coba kata lain atau sebagian nama, nomor satker atau telepon; atau tekan Hapus filter untuk mencari di semua catatan.</source>
        <translation>No matching records. Try other words or part of a name, satker number or phone; or press Clear filter to search all records.</translation>
    </message>
</context>
<context>
    <name>HubSettingsPage</name>
    <message>
        <source>HAI Hub</source>
        <translation>HAI Hub</translation>
    </message>
    <message>
        <source>Alamat HAI Hub</source>
        <translation>HAI Hub address</translation>
    </message>
    <message>
        <source>kosong = sertifikat sistem</source>
        <translation>empty = system certificates</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Berkas CA (PEM)</source>
        <translation>CA file (PEM)</translation>
    </message>
    <message>
        <source>kosong = proxy sistem</source>
        <translation>empty = system proxy</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source> detik</source>
        <translation> seconds</translation>
    </message>
    <message>
        <source>Sinkron otomatis setiap</source>
        <translation>Sync automatically every</translation>
    </message>
    <message>
        <source>Catatan selalu tersimpan di komputer ini lebih dulu; sinkronisasi mengirimnya ke HAI Hub saat jaringan tersedia.</source>
        <translation>Entries are always saved on this computer first; sync sends them to HAI Hub when the network is available.</translation>
    </message>
    <message>
        <source>Pilih berkas CA</source>
        <translation>Choose a CA file</translation>
    </message>
    <message>
        <source>Sertifikat (*.pem *.crt);;Semua (*)</source>
        <translation>Certificates (*.pem *.crt);;All (*)</translation>
    </message>
</context>
<context>
    <name>InquiryForm</name>
    <message>
        <source>Ada isian yang belum disimpan dari sesi sebelumnya.</source>
        <translation>There is unsaved input from a previous session.</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Buang</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Pengguna layanan</source>
        <translation>Service user</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>6 angka, boleh kosong</source>
        <translation>6 digits, optional</translation>
    </message>
    <message>
        <source>Satker / instansi</source>
        <translation>Work unit / institution</translation>
    </message>
    <message>
        <source>Contoh: 0812 3456 7890</source>
        <translation>Example: 0812 3456 7890</translation>
    </message>
    <message>
        <source>nama@instansi.go.id</source>
        <translation>name@institution.go.id</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kode satker</source>
        <translation>Satker code</translation>
    </message>
    <message>
        <source>Instansi</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>— pilih departemen —</source>
        <translation>— choose a department —</translation>
    </message>
    <message>
        <source>— tidak ada —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <source>Saluran</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Departemen layanan</source>
        <translation>Service department</translation>
    </message>
    <message>
        <source>Aplikasi</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Contoh: PMK 62/2023</source>
        <translation>Example: PMK 62/2023</translation>
    </message>
    <message>
        <source>Ketik dasar peraturan lalu tekan Enter untuk menambahkannya</source>
        <translation>Type a regulation reference, then press Enter to add it</translation>
    </message>
    <message>
        <source>Tambah (Enter)</source>
        <translation>Add (Enter)</translation>
    </message>
    <message>
        <source>Tombol Delete menghapus butir yang dipilih</source>
        <translation>The Delete key removes the selected item</translation>
    </message>
    <message>
        <source>Hapus butir yang dipilih (Delete)</source>
        <translation>Remove the selected item (Delete)</translation>
    </message>
    <message>
        <source>Entri basis pengetahuan yang menjadi dasar jawaban (tombol Delete menghapus butir yang dipilih)</source>
        <translation>Knowledge base entries the answer rests on (the Delete key removes the selected item)</translation>
    </message>
    <message>
        <source>otomatis saat disimpan</source>
        <translation>set automatically on save</translation>
    </message>
    <message>
        <source>Teruskan ke HAI-DJPBN</source>
        <translation>Forward to HAI-DJPBN</translation>
    </message>
    <message>
        <source>Pertanyaan lain (Ctrl+Shift+N)</source>
        <translation>Another question (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Catatan baru untuk pengunjung yang sama: isian saat ini disimpan dulu, atau pengunjung yang baru saja disimpan</source>
        <translation>A new entry for the same visitor: the current entry is saved first, or the visitor just saved is used</translation>
    </message>
    <message>
        <source>Tersimpan (versi %1).</source>
        <translation>Saved (version %1).</translation>
    </message>
    <message>
        <source>Perubahan tersimpan sebagai versi %1.</source>
        <translation>Changes saved as version %1.</translation>
    </message>
    <message>
        <source>Tersimpan.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Tersimpan. Pertanyaan berikutnya untuk pengunjung yang sama.</source>
        <translation>Saved. Next question for the same visitor.</translation>
    </message>
    <message>
        <source>Pertanyaan dan jawaban</source>
        <translation>Question and answer</translation>
    </message>
    <message>
        <source>Apa yang ditanyakan?</source>
        <translation>What was asked?</translation>
    </message>
    <message>
        <source>Jawaban yang diberikan</source>
        <translation>The answer given</translation>
    </message>
    <message>
        <source>Pertanyaan</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Jawaban</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Dasar peraturan</source>
        <translation>Regulation basis</translation>
    </message>
    <message>
        <source>Dasar dari basis pengetahuan</source>
        <translation>Knowledge base basis</translation>
    </message>
    <message>
        <source>Hasil layanan</source>
        <translation>Service outcome</translation>
    </message>
    <message>
        <source>— pilih alasan —</source>
        <translation>— choose a reason —</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Alasan di luar lingkup</source>
        <translation>Out-of-scope reason</translation>
    </message>
    <message>
        <source>Mulai dilayani</source>
        <translation>Service started</translation>
    </message>
    <message>
        <source>Selesai dilayani</source>
        <translation>Service ended</translation>
    </message>
    <message>
        <source>Simpan (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Pengunjung baru (Ctrl+N)</source>
        <translation>New visitor (Ctrl+N)</translation>
    </message>
    <message>
        <source>Periksa isian yang ditandai.</source>
        <translation>Please check the marked fields.</translation>
    </message>
    <message>
        <source>Tersimpan. Siap untuk pengunjung berikutnya.</source>
        <translation>Saved. Ready for the next visitor.</translation>
    </message>
    <message>
        <source>Gagal menyimpan. Isian tetap ada; coba simpan lagi.</source>
        <translation>Could not save. Your input is kept; please try saving again.</translation>
    </message>
    <message>
        <source>Isian belum disimpan</source>
        <translation>Unsaved input</translation>
    </message>
    <message>
        <source>Simpan isian ini dulu, lalu catat pertanyaan lain dari pengunjung yang sama?</source>
        <translation>Save this entry first, then log another question from the same visitor?</translation>
    </message>
    <message>
        <source>Simpan dan lanjutkan</source>
        <translation>Save and continue</translation>
    </message>
    <message>
        <source>Buang isian</source>
        <translation>Discard entry</translation>
    </message>
    <message>
        <source>Isian di formulir belum disimpan. Apa yang dilakukan sebelum keluar?</source>
        <translation>The form has unsaved input. What should happen before closing?</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Simpan sebagai draf</source>
        <translation>Keep as draft</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Isian saat ini belum disimpan. Buang isian ini?</source>
        <translation>The current input is not saved. Discard it?</translation>
    </message>
    <message>
        <source>Pengunjung baru</source>
        <translation>New visitor</translation>
    </message>
    <message>
        <source>Mengubah catatan (versi %1)</source>
        <translation>Editing entry (version %1)</translation>
    </message>
</context>
<context>
    <name>InquiryTableModel</name>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Pengguna layanan</source>
        <translation>Service user</translation>
    </message>
    <message>
        <source>Satker</source>
        <translation>Satker</translation>
    </message>
    <message>
        <source>Saluran</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Departemen</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Pertanyaan</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Sinkron</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Riwayat tidak dapat dimuat.</source>
        <translation>The history could not be loaded.</translation>
    </message>
    <message>
        <source>menunggu</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>terkirim</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>ditolak</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>konflik</source>
        <translation>conflict</translation>
    </message>
</context>
<context>
    <name>KbSuggestionsPanel</name>
    <message>
        <source>Saran dari Basis Pengetahuan</source>
        <translation>Knowledge Base suggestions</translation>
    </message>
    <message>
        <source>Ketik pertanyaan; jawaban yang cocok muncul di sini.</source>
        <translation>Type the question; matching answers appear here.</translation>
    </message>
    <message>
        <source>Alt+1 … Alt+%1 menyisipkan saran bernomor; jawabannya dicatat beserta dasar peraturannya.</source>
        <translation>Alt+1 … Alt+%1 insert the numbered suggestion; its answer is recorded with its legal basis.</translation>
    </message>
    <message>
        <source>Jawaban dari &quot;%1&quot; disisipkan dan dicatat sebagai dasar.</source>
        <translation>The answer from &quot;%1&quot; was inserted and recorded as the basis.</translation>
    </message>
    <message>
        <source>Sisipkan jawaban (Ctrl+Enter)</source>
        <translation>Insert answer (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Mungkin sudah tidak berlaku.</source>
        <translation>May no longer be valid.</translation>
    </message>
    <message>
        <source>Dasar: %1</source>
        <translation>Basis: %1</translation>
    </message>
    <message>
        <source>%1 jawaban yang mungkin cocok:</source>
        <translation>%1 possibly matching answers:</translation>
    </message>
    <message>
        <source>Belum ada jawaban yang cocok di basis pengetahuan.</source>
        <translation>No matching answer in the knowledge base yet.</translation>
    </message>
</context>
<context>
    <name>KbView</name>
    <message>
        <source>Cari di basis pengetahuan, misalnya: pencairan dana SP2D</source>
        <translation>Search the knowledge base, e.g.: pencairan dana SP2D</translation>
    </message>
    <message>
        <source>Semua departemen</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>Semua aplikasi</source>
        <translation>All applications</translation>
    </message>
    <message>
        <source>⚠ Mungkin sudah tidak berlaku: masa berlaku entri ini telah lewat. Periksa peraturan terbaru sebelum memakai jawaban ini.</source>
        <translation>⚠ May no longer be valid: this entry has expired. Check the latest regulations before using this answer.</translation>
    </message>
    <message>
        <source>Pakai jawaban ini di catatan</source>
        <translation>Use this answer in the entry</translation>
    </message>
    <message>
        <source>Membantu</source>
        <translation>Helpful</translation>
    </message>
    <message>
        <source>Tidak membantu</source>
        <translation>Not helpful</translation>
    </message>
    <message>
        <source>Catatan umpan balik (opsional): tulis dulu di sini, lalu pilih Membantu / Tidak membantu</source>
        <translation>Feedback note (optional): write it here first, then choose Helpful / Not helpful</translation>
    </message>
    <message>
        <source>Catatan dikirim bersama pilihan Membantu atau Tidak membantu. Tulis catatan dahulu, lalu pilih salah satu.</source>
        <translation>The note is sent with your choice of Helpful or Not helpful. Write the note first, then choose one.</translation>
    </message>
    <message>
        <source>Basis Pengetahuan</source>
        <translation>Knowledge Base</translation>
    </message>
    <message>
        <source>Terima kasih, umpan balik dan catatan tercatat; akan dikirim ke HAI-DJPBN.</source>
        <translation>Thank you: feedback and note recorded; they will be sent to HAI-DJPBN.</translation>
    </message>
    <message>
        <source>Terima kasih, umpan balik tercatat; akan dikirim ke HAI-DJPBN.</source>
        <translation>Thank you: feedback recorded; it will be sent to HAI-DJPBN.</translation>
    </message>
    <message>
        <source>Dasar peraturan</source>
        <translation>Regulatory basis</translation>
    </message>
    <message>
        <source>Apakah jawaban ini membantu?</source>
        <translation>Was this answer helpful?</translation>
    </message>
    <message>
        <source>Umpan balik gagal disimpan: %1</source>
        <translation>Feedback could not be saved: %1</translation>
    </message>
    <message>
        <source>Pilih Membantu atau Tidak membantu untuk mengirim catatan ini.</source>
        <translation>Choose Helpful or Not helpful to send this note.</translation>
    </message>
    <message>
        <source>%1 entri ditemukan</source>
        <translation>%1 entries found</translation>
    </message>
    <message>
        <source>%1 entri terbaru; ketik untuk mencari</source>
        <translation>%1 newest entries; type to search</translation>
    </message>
    <message>
        <source>Tidak ada entri yang cocok</source>
        <translation>No matching entries</translation>
    </message>
    <message>
        <source>Pilih entri di daftar untuk melihat jawabannya.</source>
        <translation>Choose an entry in the list to see its answer.</translation>
    </message>
    <message>
        <source>berlaku s.d. %1</source>
        <translation>valid until %1</translation>
    </message>
    <message>
        <source>Pertanyaan</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Jawaban</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Tidak disebutkan</source>
        <translation>Not stated</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Informasi ini bersifat referensi praktis dan tidak mengikat secara hukum.</source>
        <translation>This information is a practical reference and is not legally binding.</translation>
    </message>
</context>
<context>
    <name>KeyChangeDialog</name>
    <message>
        <source>Kunci tanda tangan hub berubah</source>
        <translation>The hub&apos;s signing key changed</translation>
    </message>
    <message>
        <source>Hub menandatangani siaran dengan kunci baru. Terima hanya bila petugas TI sudah memastikan sidik jari kunci baru langsung dengan pusat (telepon atau surat resmi). Ketik sidik jari dari pusat di bawah ini.</source>
        <translation>The hub signs broadcasts with a new key. Accept it only when IT staff have confirmed the new key&apos;s fingerprint directly with the centre (by phone or official letter). Type the centre&apos;s fingerprint below.</translation>
    </message>
    <message>
        <source>Kunci tersimpan</source>
        <translation>Stored key</translation>
    </message>
    <message>
        <source>Kunci baru dari hub</source>
        <translation>New key from the hub</translation>
    </message>
    <message>
        <source>Sidik jari dari pusat, mis. AB12 CD34 …</source>
        <translation>Fingerprint from the centre, e.g. AB12 CD34 …</translation>
    </message>
    <message>
        <source>Sidik jari dari pusat</source>
        <translation>Fingerprint from the centre</translation>
    </message>
    <message>
        <source>Terima kunci baru</source>
        <translation>Accept the new key</translation>
    </message>
    <message>
        <source>Sidik jari tidak cocok dengan kunci baru hub.</source>
        <translation>The fingerprint does not match the hub&apos;s new key.</translation>
    </message>
    <message>
        <source>Kunci tidak diganti: sidik jari tidak cocok.</source>
        <translation>The key was not replaced: the fingerprint does not match.</translation>
    </message>
</context>
<context>
    <name>LogbookDialog</name>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Jam</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kode satker</source>
        <translation>Satker code</translation>
    </message>
    <message>
        <source>Instansi</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Pertanyaan</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Jawaban</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Bidang</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Aplikasi</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Alasan di luar lingkup</source>
        <translation>Out-of-scope reason</translation>
    </message>
    <message>
        <source>Berkas tidak ditemukan.</source>
        <translation>File not found.</translation>
    </message>
    <message>
        <source>Format .xls (Excel 97-2003) tidak didukung: simpan ulang sebagai .xlsx.</source>
        <translation>The .xls format (Excel 97-2003) is not supported: save it again as .xlsx.</translation>
    </message>
    <message>
        <source>Berkas dilindungi kata sandi: hapus kata sandinya di Excel dulu.</source>
        <translation>The file is password-protected: remove the password in Excel first.</translation>
    </message>
    <message>
        <source>Berkas rusak atau bukan berkas Excel (.xlsx) / CSV.</source>
        <translation>The file is damaged or not an Excel (.xlsx) / CSV file.</translation>
    </message>
    <message>
        <source>Lembar kerja pertama kosong.</source>
        <translation>The first worksheet is empty.</translation>
    </message>
    <message>
        <source>Baris judul kolom (Tanggal, Nama, Pertanyaan, …) tidak ditemukan.</source>
        <translation>The column header row (Tanggal, Nama, Pertanyaan, …) was not found.</translation>
    </message>
    <message>
        <source>tanggal kosong</source>
        <translation>date is empty</translation>
    </message>
    <message>
        <source>tanggal tidak terbaca</source>
        <translation>date cannot be read</translation>
    </message>
    <message>
        <source>tanggal di masa depan</source>
        <translation>date is in the future</translation>
    </message>
    <message>
        <source>bidang tidak dikenal</source>
        <translation>unknown department</translation>
    </message>
    <message>
        <source>kanal tidak dikenal</source>
        <translation>unknown channel</translation>
    </message>
    <message>
        <source>wajib diisi</source>
        <translation>required</translation>
    </message>
    <message>
        <source>hasil &apos;terjawab&apos; memerlukan jawaban</source>
        <translation>outcome &apos;answered&apos; needs an answer</translation>
    </message>
    <message>
        <source>terlalu panjang</source>
        <translation>too long</translation>
    </message>
    <message>
        <source>kode satker harus 6 angka</source>
        <translation>satker code must be 6 digits</translation>
    </message>
    <message>
        <source>nomor telepon tidak valid</source>
        <translation>invalid phone number</translation>
    </message>
    <message>
        <source>alamat email tidak valid</source>
        <translation>invalid e-mail address</translation>
    </message>
    <message>
        <source>Baris %1: %2: %3</source>
        <translation>Row %1: %2: %3</translation>
    </message>
    <message>
        <source>Impor logbook Excel</source>
        <translation>Import an Excel logbook</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Pilih logbook</source>
        <translation>Choose a logbook</translation>
    </message>
    <message>
        <source>Excel atau CSV (*.xlsx *.xlsm *.csv)</source>
        <translation>Excel or CSV (*.xlsx *.xlsm *.csv)</translation>
    </message>
    <message>
        <source>Membaca berkas…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>(tidak ada)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Kolom %1</source>
        <translation>Column %1</translation>
    </message>
    <message>
        <source>Akan diimpor %1, sudah ada %2, tidak terbaca %3.</source>
        <translation>To import %1, already there %2, unreadable %3.</translation>
    </message>
    <message>
        <source>Diimpor %1, sudah ada %2, tidak terbaca %3.</source>
        <translation>Imported %1, already there %2, unreadable %3.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>HAI Desk — Layanan Pengguna DJPb</source>
        <translation>HAI Desk — DJPb User Service</translation>
    </message>
    <message>
        <source>Catat Layanan</source>
        <translation>Log a Service</translation>
    </message>
    <message>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Basis Pengetahuan</source>
        <translation>Knowledge Base</translation>
    </message>
    <message>
        <source>Tiket</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Broadcasts</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Menu samping</source>
        <translation>Side menu</translation>
    </message>
    <message>
        <source>Layar</source>
        <translation>Screens</translation>
    </message>
    <message>
        <source>Di mana saja</source>
        <translation>Anywhere</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>OutageBanner</name>
    <message>
        <source>Gangguan %1: %2</source>
        <translation>Outage %1: %2</translation>
    </message>
    <message>
        <source>pembaruan terakhir %1</source>
        <translation>last update %1</translation>
    </message>
    <message>
        <source>berlaku s.d. %1</source>
        <translation>valid until %1</translation>
    </message>
    <message>
        <source>Lihat</source>
        <translation>View</translation>
    </message>
    <message>
        <source>… dan %1 gangguan lain</source>
        <translation>… and %1 more outages</translation>
    </message>
</context>
<context>
    <name>OutageOffer</name>
    <message>
        <source>Tautkan dan pakai teks pengumuman</source>
        <translation>Link and use the notice&apos;s text</translation>
    </message>
    <message>
        <source>Lepas tautan</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <source>Pertanyaan ini ditautkan ke pengumuman gangguan %1.</source>
        <translation>This question is linked to the outage notice %1.</translation>
    </message>
    <message>
        <source>Tautkan pertanyaan ini ke pengumuman %1 dan pakai teksnya sebagai jawaban?</source>
        <translation>Link this question to the notice %1 and use its text as the answer?</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Profil petugas layanan</source>
        <translation>Service officer profile</translation>
    </message>
    <message>
        <source>Selamat datang di HAI Desk</source>
        <translation>Welcome to HAI Desk</translation>
    </message>
    <message>
        <source>Sebelum mulai mencatat layanan, isi profil Anda. Profil ini dipakai untuk setiap catatan layanan yang dikirim ke HAI-DJPBN.</source>
        <translation>Before you start logging services, fill in your profile. It is used for every service record sent to HAI-DJPBN.</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>nama@kemenkeu.go.id</source>
        <translation>name@kemenkeu.go.id</translation>
    </message>
    <message>
        <source>Ketik untuk mencari kantor…</source>
        <translation>Type to search for an office…</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail kedinasan</source>
        <translation>Official e-mail</translation>
    </message>
    <message>
        <source>Kantor</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Simpan profil</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ubah profil petugas layanan</source>
        <translation>Change the service officer&apos;s profile</translation>
    </message>
</context>
<context>
    <name>ReplyForm</name>
    <message>
        <source>Jawaban atas permintaan data</source>
        <translation>Reply to the data request</translation>
    </message>
    <message>
        <source>Tulis jawaban atau data yang diminta</source>
        <translation>Write the reply or the requested data</translation>
    </message>
    <message>
        <source>Lampirkan berkas…</source>
        <translation>Attach files…</translation>
    </message>
    <message>
        <source>Hapus lampiran</source>
        <translation>Remove attachment</translation>
    </message>
    <message>
        <source>Kirim jawaban</source>
        <translation>Send reply</translation>
    </message>
    <message>
        <source>Siaran ini tidak terverifikasi: jawaban tidak dapat dikirim.</source>
        <translation>This broadcast is not verified: a reply cannot be sent.</translation>
    </message>
    <message>
        <source>Jawaban disimpan; dikirim ke pusat pada sinkronisasi berikutnya.</source>
        <translation>Reply saved; it goes to the centre at the next sync.</translation>
    </message>
    <message>
        <source>Berkas lampiran tidak dapat dibaca: %1</source>
        <translation>The attachment cannot be read: %1</translation>
    </message>
    <message>
        <source>Pusat meminta jawaban dari kantor ini.</source>
        <translation>The centre asks this office for a reply.</translation>
    </message>
    <message>
        <source>Tenggat jawaban: %1</source>
        <translation>Reply due: %1</translation>
    </message>
    <message>
        <source>sudah lewat; jawaban tetap dapat dikirim (tercatat terlambat)</source>
        <translation>past due; a reply can still be sent (recorded as late)</translation>
    </message>
    <message>
        <source>diterima pusat %1</source>
        <translation>received by the centre %1</translation>
    </message>
    <message>
        <source>(terlambat)</source>
        <translation>(late)</translation>
    </message>
    <message>
        <source>menunggu dikirim (antrean)</source>
        <translation>waiting to be sent (queued)</translation>
    </message>
    <message>
        <source>, %1 lampiran</source>
        <translation>, %1 attachments</translation>
    </message>
    <message>
        <source>Jawaban dari desk ini:</source>
        <translation>Replies from this desk:</translation>
    </message>
    <message>
        <source>Lampirkan berkas</source>
        <translation>Attach files</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Bulan laporan</source>
        <translation>Report month</translation>
    </message>
    <message>
        <source>Sertakan data kontak pengunjung</source>
        <translation>Include visitors&apos; contact data</translation>
    </message>
    <message>
        <source>Nama, telepon dan email pengunjung adalah data pribadi (UU 27/2022).</source>
        <translation>Visitors&apos; names, phones and e-mails are personal data (Law 27/2022).</translation>
    </message>
    <message>
        <source>Laporan bulanan</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <source>Kantor laporan</source>
        <translation>Office of the report</translation>
    </message>
    <message>
        <source>Data desk ini</source>
        <translation>This desk&apos;s data</translation>
    </message>
    <message>
        <source>%1 beserta KPPN-nya</source>
        <translation>%1 with its KPPNs</translation>
    </message>
    <message>
        <source>Impor logbook…</source>
        <translation>Import logbook…</translation>
    </message>
    <message>
        <source>Ekspor XLSX</source>
        <translation>Export XLSX</translation>
    </message>
    <message>
        <source>Ekspor PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>Ekspor CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>Pertanyaan terbanyak</source>
        <translation>Most asked questions</translation>
    </message>
    <message>
        <source>Meminta laporan dari hub…</source>
        <translation>Asking the hub for the report…</translation>
    </message>
    <message>
        <source>Menghitung laporan…</source>
        <translation>Computing the report…</translation>
    </message>
    <message>
        <source>Bulan itu belum tiba.</source>
        <translation>That month has not come yet.</translation>
    </message>
    <message>
        <source>Hub tidak dapat dihubungi; laporan kantor lain memerlukan hub.</source>
        <translation>The hub cannot be reached; other offices&apos; reports need the hub.</translation>
    </message>
    <message>
        <source>Laporan tidak dapat dibuat.</source>
        <translation>The report cannot be made.</translation>
    </message>
    <message>
        <source>Tidak ada data</source>
        <translation>No data</translation>
    </message>
    <message numerus="yes">
        <source>%n layanan tercatat pada bulan ini.</source>
        <translation>
            <numerusform>%n service recorded this month.</numerusform>
            <numerusform>%n services recorded this month.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tidak ada layanan tercatat pada bulan ini.</source>
        <translation>No services recorded this month.</translation>
    </message>
    <message>
        <source>Simpan laporan</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>Menyimpan %1…</source>
        <translation>Saving %1…</translation>
    </message>
    <message>
        <source>Tersimpan: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Laporan tersimpan: %1</source>
        <translation>Report saved: %1</translation>
    </message>
    <message>
        <source>Laporan tidak dapat disimpan.</source>
        <translation>The report cannot be saved.</translation>
    </message>
    <message>
        <source>Laporan tidak dapat disimpan ke %1.</source>
        <translation>The report cannot be saved to %1.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pengaturan disimpan.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>Bahasa tampilan</source>
        <translation>Display language</translation>
    </message>
    <message>
        <source>Bahasa baru dipakai setelah HAI Desk dibuka ulang. Buka ulang sekarang?</source>
        <translation>The new language is used once HAI Desk is reopened. Reopen now?</translation>
    </message>
</context>
<context>
    <name>ShortcutHelpDialog</name>
    <message>
        <source>Pintasan</source>
        <translation>Shortcuts</translation>
    </message>
    <message>
        <source>Bagian</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Tombol</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Fungsi</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Pengunjung baru</source>
        <translation>New visitor</translation>
    </message>
    <message>
        <source>Pertanyaan lain dari pengunjung yang sama</source>
        <translation>Another question from the same visitor</translation>
    </message>
    <message>
        <source>Simpan catatan</source>
        <translation>Save the entry</translation>
    </message>
    <message>
        <source>Cari di Riwayat</source>
        <translation>Search History</translation>
    </message>
    <message>
        <source>Cari di Basis Pengetahuan</source>
        <translation>Search the Knowledge Base</translation>
    </message>
    <message>
        <source>Sinkronkan sekarang</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Pindah ke menu samping</source>
        <translation>Go to the side menu</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Daftar pintasan ini</source>
        <translation>This list of shortcuts</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Masuk ke HAI Hub</source>
        <translation>Sign in to HAI Hub</translation>
    </message>
    <message>
        <source>Masuk dengan e-mail kedinasan untuk mengirim catatan ke HAI Hub. Kata sandi tidak disimpan di komputer ini.</source>
        <translation>Sign in with your official e-mail to send entries to HAI Hub. The password is not stored on this computer.</translation>
    </message>
    <message>
        <source>Alamat HAI Hub</source>
        <translation>HAI Hub address</translation>
    </message>
    <message>
        <source>E-mail kedinasan</source>
        <translation>Official e-mail</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Nanti saja</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Alamat HAI Hub harus diawali https://</source>
        <translation>The HAI Hub address must start with https://</translation>
    </message>
    <message>
        <source>Isi e-mail kedinasan.</source>
        <translation>Enter your official e-mail.</translation>
    </message>
    <message>
        <source>Isi kata sandi.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <source>E-mail atau kata sandi salah, atau e-mail bukan e-mail kedinasan.</source>
        <translation>Wrong e-mail or password, or the e-mail is not an official one.</translation>
    </message>
    <message>
        <source>Gagal masuk: %1</source>
        <translation>Sign-in failed: %1</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Basis data rusak</source>
        <translation>Database damaged</translation>
    </message>
    <message>
        <source>Berkas basis data HAI Desk rusak dan tidak dapat dibuka, dan tidak ada cadangan yang utuh. Berkas tidak diubah. Hubungi petugas TI kantor Anda.</source>
        <translation>The HAI Desk database file is damaged and cannot be opened, and no backup is intact. The file was not changed. Contact your office&apos;s IT staff.</translation>
    </message>
    <message>
        <source>Berkas basis data HAI Desk tidak ditemukan, dan tidak ada cadangan yang utuh. HAI Desk tidak membuat basis data kosong yang baru. Hubungi petugas TI kantor Anda.</source>
        <translation>The HAI Desk database file was not found, and there is no intact backup. HAI Desk does not create a new empty database. Contact your office's IT staff.</translation>
    </message>
    <message>
        <source>Berkas basis data HAI Desk rusak dan tidak dapat dibuka, dan belum ada cadangan. Berkas tidak diubah. Hubungi petugas TI kantor Anda.</source>
        <translation>The HAI Desk database file is damaged and cannot be opened, and there is no backup yet. The file was not changed. Please contact your office&apos;s IT staff.</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Coba lagi</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Perbarui HAI Desk</source>
        <translation>Update HAI Desk</translation>
    </message>
    <message>
        <source>Basis data ini dibuat oleh versi HAI Desk yang lebih baru. Perbarui HAI Desk ke versi terbaru, lalu buka lagi. Berkas tidak diubah dan datanya aman.</source>
        <translation>This database was created by a newer version of HAI Desk. Update HAI Desk to the latest version, then open it again. The file was not changed and its data is safe.</translation>
    </message>
    <message>
        <source>Cadangan dipulihkan. {salvaged} catatan yang belum terkirim diselamatkan dari berkas yang rusak dan akan dikirim ke HAI Hub.</source>
        <translation>The backup was restored. {salvaged} unsent records were salvaged from the damaged file and will be sent to HAI Hub.</translation>
    </message>
    <message>
        <source>{lost} catatan tidak dapat dibaca dari berkas yang rusak; berkas itu disimpan untuk diperiksa petugas TI.</source>
        <translation>{lost} records could not be read from the damaged file; that file is kept for IT staff to examine.</translation>
    </message>
    <message>
        <source>Cadangan dipulihkan</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <source>Berkas basis data HAI Desk tidak ditemukan, padahal ada cadangan. HAI Desk tidak membuat basis data kosong yang baru agar data tidak hilang. Anda dapat memulihkan cadangan terbaru.</source>
        <translation>The HAI Desk database file was not found, although there are backups. HAI Desk does not create a new empty database, so that no data is lost. You can restore the newest backup.</translation>
    </message>
    <message>
        <source>Berkas basis data HAI Desk rusak dan tidak dapat dibuka. Anda dapat memulihkan cadangan terbaru. Berkas yang rusak tidak dihapus: disimpan di sampingnya untuk diperiksa petugas TI.</source>
        <translation>The HAI Desk database file is damaged and cannot be opened. You can restore the newest backup. The damaged file is not deleted: it is kept beside it for IT staff to examine.</translation>
    </message>
    <message>
        <source>Basis data tidak ditemukan</source>
        <translation>Database not found</translation>
    </message>
    <message>
        <source>Cadangan terbaru:</source>
        <translation>Newest backup:</translation>
    </message>
    <message>
        <source>Cadangan {name} juga rusak. Anda dapat memulihkan cadangan sebelumnya.</source>
        <translation>Backup {name} is damaged too. You can restore the previous backup.</translation>
    </message>
    <message>
        <source>Cadangan sebelumnya:</source>
        <translation>Previous backup:</translation>
    </message>
    <message>
        <source>Pulihkan cadangan</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Sinkronisasi selesai.</source>
        <translation>Sync complete.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Status sinkronisasi</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <source>Sinkronkan</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Sinkronkan sekarang (Ctrl+R)</source>
        <translation>Sync now (Ctrl+R)</translation>
    </message>
    <message>
        <source>mengirim %1/%2</source>
        <translation>sending %1/%2</translation>
    </message>
    <message>
        <source>menerima %1</source>
        <translation>receiving %1</translation>
    </message>
    <message>
        <source>Menyinkronkan…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Tersambung</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Perlu masuk ulang</source>
        <translation>Sign-in needed</translation>
    </message>
    <message>
        <source>Belum masuk</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>Perlu perhatian</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Tidak tersambung</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>%1 menunggu</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <source>%1 ditolak</source>
        <translation>%1 rejected</translation>
    </message>
    <message>
        <source>terakhir %1</source>
        <translation>last %1</translation>
    </message>
    <message>
        <source>⚠ Jam komputer salah</source>
        <translation>⚠ Computer clock is wrong</translation>
    </message>
    <message>
        <source>Sinkron terakhir yang berhasil: %1</source>
        <translation>Last successful sync: %1</translation>
    </message>
    <message>
        <source>Belum pernah berhasil sinkron.</source>
        <translation>No successful sync yet.</translation>
    </message>
    <message>
        <source>Catatan menunggu dikirim: %1</source>
        <translation>Entries waiting to be sent: %1</translation>
    </message>
    <message>
        <source>Catatan ditolak (lihat tanda di Riwayat): %1</source>
        <translation>Entries rejected (see the marks in History): %1</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <source>Komputer ini tidak tersambung ke jaringan. Data tetap tersimpan di komputer ini dan akan dikirim otomatis saat jaringan kembali.</source>
        <translation>This computer is not connected to a network. Your data stays saved on this computer and is sent automatically when the network is back.</translation>
    </message>
    <message>
        <source>HAI Hub tidak menjawab (jaringan tersambung, hub mati atau sedang dimulai ulang). Data tetap tersimpan dan akan dikirim otomatis.</source>
        <translation>HAI Hub is not answering (the network is up; the hub is down or restarting). Your data stays saved and will be sent automatically.</translation>
    </message>
    <message>
        <source>Sambungan ke HAI Hub terputus. Data tetap tersimpan di komputer ini dan akan dikirim otomatis.</source>
        <translation>The connection to HAI Hub was lost. Your data stays saved on this computer and will be sent automatically.</translation>
    </message>
    <message>
        <source>HAI Hub tidak menjawab tepat waktu. Data tetap tersimpan di komputer ini dan akan dikirim otomatis.</source>
        <translation>HAI Hub did not answer in time. Your data stays saved on this computer and will be sent automatically.</translation>
    </message>
    <message>
        <source>Sambungan aman ke HAI Hub gagal (sertifikat tidak dikenali). Periksa alamat hub dan berkas CA di Pengaturan.</source>
        <translation>The secure connection to HAI Hub failed (certificate not recognised). Check the hub address and the CA file in Settings.</translation>
    </message>
    <message>
        <source>Jawaban yang diterima bukan dari HAI Hub (mungkin halaman login Wi-Fi atau proxy kantor). Akan dicoba lagi otomatis.</source>
        <translation>The answer did not come from HAI Hub (perhaps a Wi-Fi login page or the office proxy). It will be retried automatically.</translation>
    </message>
    <message>
        <source>HAI Hub sedang mengalami gangguan (kode {status}). Akan dicoba lagi otomatis.</source>
        <translation>HAI Hub is having a problem (code {status}). It will be retried automatically.</translation>
    </message>
    <message>
        <source>Belum masuk ke HAI Hub. Klik status sinkronisasi untuk masuk; catatan tetap tersimpan di komputer ini.</source>
        <translation>Not signed in to HAI Hub. Click the sync status to sign in; entries stay saved on this computer.</translation>
    </message>
    <message>
        <source>Sesi masuk ke HAI Hub sudah berakhir. Silakan masuk lagi; data yang belum terkirim tetap dalam antrean.</source>
        <translation>Your HAI Hub session has ended. Please sign in again; unsent data stays queued.</translation>
    </message>
    <message>
        <source>HAI Hub sedang sibuk. Dicoba lagi dalam {seconds} detik.</source>
        <translation>HAI Hub is busy. Retrying in {seconds} seconds.</translation>
    </message>
    <message>
        <source>Alamat HAI Hub belum diatur. Klik status sinkronisasi untuk masuk ke hub.</source>
        <translation>The HAI Hub address is not set. Click the sync status to sign in to the hub.</translation>
    </message>
    <message>
        <source>Alamat HAI Hub tidak sah. Periksa alamat hub di Pengaturan.</source>
        <translation>The HAI Hub address is not valid. Check the hub address in Settings.</translation>
    </message>
    <message>
        <source>HAI Hub menolak data: {hub_message}</source>
        <translation>HAI Hub refused the data: {hub_message}</translation>
    </message>
    <message>
        <source>HAI Hub menolak permintaan (kode {status}).</source>
        <translation>HAI Hub refused the request (code {status}).</translation>
    </message>
    <message>
        <source>Belum pernah tersinkron dengan HAI Hub.</source>
        <translation>Never synced with HAI Hub yet.</translation>
    </message>
    <message>
        <source>Sinkronisasi sedang berjalan.</source>
        <translation>Sync in progress.</translation>
    </message>
    <message>
        <source>Sudah masuk. Menunggu sinkronisasi.</source>
        <translation>Signed in. Waiting for the sync.</translation>
    </message>
    <message>
        <source>Semua catatan sudah terkirim.</source>
        <translation>All entries have been sent.</translation>
    </message>
    <message>
        <source>{count} catatan menunggu dikirim.</source>
        <translation>{count} entries waiting to be sent.</translation>
    </message>
    <message>
        <source>{count} catatan ditolak HAI Hub. Buka Riwayat untuk melihat alasannya dan memperbaikinya.</source>
        <translation>{count} entries were refused by HAI Hub. Open History to see why and fix them.</translation>
    </message>
    <message>
        <source>{count} catatan diubah juga oleh desk lain di kantor ini. Buka Riwayat untuk memilih versi yang dipakai.</source>
        <translation>{count} entries were also changed by another desk of this office. Open History to choose the version to keep.</translation>
    </message>
    <message>
        <source>Sinkronisasi gagal karena kesalahan di komputer ini. Coba lagi.</source>
        <translation>The sync failed because of a problem on this computer. Try again.</translation>
    </message>
    <message>
        <source>Jam komputer ini terlambat sekitar {minutes} menit dibanding HAI Hub. Betulkan tanggal dan jam komputer.</source>
        <translation>This computer&apos;s clock is about {minutes} minutes behind HAI Hub. Correct the computer&apos;s date and time.</translation>
    </message>
    <message>
        <source>Jam komputer ini terlalu cepat sekitar {minutes} menit dibanding HAI Hub. Betulkan tanggal dan jam komputer.</source>
        <translation>This computer&apos;s clock is about {minutes} minutes ahead of HAI Hub. Correct the computer&apos;s date and time.</translation>
    </message>
    <message>
        <source>Ditolak oleh HAI Hub.</source>
        <translation>Refused by HAI Hub.</translation>
    </message>
    <message>
        <source>Konflik: desk lain di kantor ini juga mengubahnya. Pilih versinya.</source>
        <translation>Conflict: another desk of this office changed it too. Choose the version.</translation>
    </message>
    <message>
        <source>Sinkronisasi berhenti: disk penuh. Kosongkan ruang di disk folder data, lalu coba lagi.</source>
        <translation>Sync stopped: the disk is full. Free space on the data folder&apos;s disk, then try again.</translation>
    </message>
    <message>
        <source>Sinkronisasi berhenti: basis data sedang dikunci program lain. Coba lagi.</source>
        <translation>Sync stopped: the database is locked by another program. Try again.</translation>
    </message>
    <message>
        <source>Sinkronisasi berhenti: folder data tidak boleh ditulis (hanya-baca atau tanpa izin).</source>
        <translation>Sync stopped: the data folder cannot be written (read-only or no permission).</translation>
    </message>
    <message>
        <source>Sinkronisasi berhenti: disk atau folder jaringan tempat data bermasalah. Coba lagi.</source>
        <translation>Sync stopped: the disk or network folder holding the data has a problem. Try again.</translation>
    </message>
    <message>
        <source>Sinkronisasi berhenti: basis data rusak. Jalankan pemeriksaan data.</source>
        <translation>Sync stopped: the database is damaged. Run the data check.</translation>
    </message>
</context>
<context>
    <name>TicketAlerts</name>
    <message>
        <source>Teruskan pertanyaan ini ke HAI-DJPBN sebagai tiket (isian disimpan dulu)</source>
        <translation>Forward this question to HAI-DJPBN as a ticket (the form is saved first)</translation>
    </message>
    <message>
        <source>%1 balasan belum dibaca</source>
        <translation>%1 unread replies</translation>
    </message>
    <message>
        <source>Balasan baru dari HAI-DJPBN</source>
        <translation>New reply from HAI-DJPBN</translation>
    </message>
</context>
<context>
    <name>TicketDetail</name>
    <message>
        <source>Pilih tiket di daftar untuk melihat percakapannya.</source>
        <translation>Choose a ticket in the list to see its conversation.</translation>
    </message>
    <message>
        <source>Salin jawaban ke catatan</source>
        <translation>Copy the answer to the record</translation>
    </message>
    <message>
        <source>Jawaban HAI-DJPBN menjadi jawaban catatan layanan asal (hasil: terjawab, dasar: tiket ini) dan diajukan ke basis pengetahuan.</source>
        <translation>HAI-DJPBN&apos;s answer becomes the answer of the original service record (outcome: answered, basis: this ticket) and is proposed for the knowledge base.</translation>
    </message>
    <message>
        <source>Tutup tiket…</source>
        <translation>Close the ticket…</translation>
    </message>
    <message>
        <source>Tindak lanjut ke HAI-DJPBN</source>
        <translation>Follow-up to HAI-DJPBN</translation>
    </message>
    <message>
        <source>Tulis tambahan keterangan atau pertanyaan</source>
        <translation>Write further details or a question</translation>
    </message>
    <message>
        <source>Kirim tindak lanjut</source>
        <translation>Send follow-up</translation>
    </message>
    <message>
        <source>Jawaban sudah sampai ke pengguna? Bagaimana penilaiannya?</source>
        <translation>Has the answer reached the visitor? How did they rate it?</translation>
    </message>
    <message>
        <source>Puas</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>Tidak puas</source>
        <translation>Not satisfied</translation>
    </message>
    <message>
        <source>Tidak menilai</source>
        <translation>No rating</translation>
    </message>
    <message>
        <source>Catatan (boleh kosong)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>Tutup tiket</source>
        <translation>Close ticket</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pemohon: %1</source>
        <translation>Requester: %1</translation>
    </message>
    <message>
        <source>Dibuat: %1</source>
        <translation>Created: %1</translation>
    </message>
    <message>
        <source>Diteruskan dari catatan layanan kantor ini.</source>
        <translation>Forwarded from a service record of this office.</translation>
    </message>
    <message>
        <source>Ditolak hub: %1</source>
        <translation>Refused by the hub: %1</translation>
    </message>
    <message>
        <source>Menunggu kirim: nomor tiket diberikan hub setelah sinkronisasi.</source>
        <translation>Waiting to be sent: the hub gives the ticket number after a sync.</translation>
    </message>
    <message>
        <source>Ditutup %1 · penilaian pengguna: %2</source>
        <translation>Closed %1 · visitor&apos;s rating: %2</translation>
    </message>
    <message>
        <source>menunggu kirim</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Simpan…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>Diunduh dari hub saat dibuka</source>
        <translation>Downloaded from the hub when opened</translation>
    </message>
</context>
<context>
    <name>TicketForm</name>
    <message>
        <source>Teruskan ke HAI-DJPBN</source>
        <translation>Forward to HAI-DJPBN</translation>
    </message>
    <message>
        <source>Dari catatan layanan; isian diambil dari catatan itu.</source>
        <translation>From a service record; the fields are taken from it.</translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Departemen layanan</source>
        <translation>Service department</translation>
    </message>
    <message>
        <source>Prioritas</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Perihal</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Uraian</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Pemohon (pengguna layanan)</source>
        <translation>Requester (the visitor)</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Kode satker</source>
        <translation>Satker code</translation>
    </message>
    <message>
        <source>Lampiran</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Simpan dan kirim</source>
        <translation>Save and send</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Paling besar %1 per berkas; jenis: %2.</source>
        <translation>At most %1 per file; types: %2.</translation>
    </message>
    <message>
        <source>Jawaban pusat mungkin sudah ada: %1 entri basis pengetahuan cocok dengan perihal ini. Periksa dulu sebelum membuat tiket.</source>
        <translation>The centre&apos;s answer may already exist: %1 knowledge-base entries match this subject. Check them before making a ticket.</translation>
    </message>
    <message>
        <source>Tiket disimpan dan akan dikirim ke HAI-DJPBN saat sinkronisasi.</source>
        <translation>The ticket is saved and will be sent to HAI-DJPBN at the next sync.</translation>
    </message>
    <message>
        <source>Tiket gagal disimpan. Isian tetap ada; coba lagi.</source>
        <translation>The ticket could not be saved. The form is kept; try again.</translation>
    </message>
    <message>
        <source>Catatan ini sudah pernah diteruskan (tiket %1). Tiket baru tetap dapat dibuat bila memang perlu.</source>
        <translation>This record was forwarded before (ticket %1). A new ticket can still be made if really needed.</translation>
    </message>
</context>
<context>
    <name>TicketModel</name>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Perihal</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Departemen</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Batas SLA</source>
        <translation>SLA due</translation>
    </message>
    <message>
        <source>Balasan terakhir</source>
        <translation>Last reply</translation>
    </message>
    <message>
        <source>Daftar tiket tidak dapat dibaca.</source>
        <translation>The ticket list could not be read.</translation>
    </message>
    <message>
        <source>%1 balasan belum dibaca</source>
        <translation>%1 unread replies</translation>
    </message>
    <message>
        <source>lewat batas SLA</source>
        <translation>past the SLA due time</translation>
    </message>
</context>
<context>
    <name>TicketOffer</name>
    <message>
        <source>Catatan dieskalasi tersimpan. Teruskan ke HAI-DJPBN sebagai tiket?</source>
        <translation>Escalated record saved. Forward it to HAI-DJPBN as a ticket?</translation>
    </message>
    <message>
        <source>Teruskan ke HAI-DJPBN</source>
        <translation>Forward to HAI-DJPBN</translation>
    </message>
    <message>
        <source>Nanti</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>TicketTexts</name>
    <message>
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Diproses</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Menunggu pengguna</source>
        <translation>Waiting for the visitor</translation>
    </message>
    <message>
        <source>Dieskalasi</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>Dijawab</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Ditutup</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Masih terbuka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Sudah ditutup</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Rendah</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Biasa</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Tinggi</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Mendesak</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>Level %1</translation>
    </message>
    <message>
        <source>Kantor ini (CSO)</source>
        <translation>This office (CSO)</translation>
    </message>
    <message>
        <source>Agen HAI-DJPBN</source>
        <translation>HAI-DJPBN agent</translation>
    </message>
    <message>
        <source>HAI-DJPBN</source>
        <translation>HAI-DJPBN</translation>
    </message>
    <message>
        <source>ditolak hub</source>
        <translation>refused by the hub</translation>
    </message>
    <message>
        <source>menunggu kirim</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <source>‖ jeda</source>
        <translation>‖ paused</translation>
    </message>
    <message>
        <source>⚠ lewat %1</source>
        <translation>⚠ overdue %1</translation>
    </message>
    <message>
        <source>segera %1</source>
        <translation>due soon %1</translation>
    </message>
    <message>
        <source>✓ terpenuhi</source>
        <translation>✓ met</translation>
    </message>
    <message>
        <source>terlewati</source>
        <translation>missed</translation>
    </message>
    <message>
        <source>Batas waktu layanan (SLA) %1 sudah terlewati.</source>
        <translation>The service due time (SLA) %1 has passed.</translation>
    </message>
    <message>
        <source>Batas waktu layanan (SLA) %1 segera tiba.</source>
        <translation>The service due time (SLA) %1 is near.</translation>
    </message>
    <message>
        <source>Tiket menunggu jawaban pengguna: jam SLA berhenti sampai pengguna menanggapi.</source>
        <translation>The ticket waits for the visitor&apos;s answer: the SLA clock stops until they respond.</translation>
    </message>
    <message>
        <source>Batas waktu layanan (SLA): %1.</source>
        <translation>Service due time (SLA): %1.</translation>
    </message>
    <message>
        <source>Dijawab dalam batas waktu layanan (SLA).</source>
        <translation>Answered within the service due time (SLA).</translation>
    </message>
    <message>
        <source>Dijawab melewati batas waktu layanan (SLA).</source>
        <translation>Answered after the service due time (SLA).</translation>
    </message>
    <message>
        <source>puas</source>
        <translation>satisfied</translation>
    </message>
    <message>
        <source>tidak puas</source>
        <translation>not satisfied</translation>
    </message>
    <message>
        <source>tidak dinilai</source>
        <translation>not rated</translation>
    </message>
    <message>
        <source>Paling banyak %1 lampiran per tiket.</source>
        <translation>At most %1 attachments per ticket.</translation>
    </message>
    <message>
        <source>Tiket sudah ditutup. Teruskan pertanyaan baru bila perlu.</source>
        <translation>The ticket is closed. Forward a new question if needed.</translation>
    </message>
    <message>
        <source>Tiket ini tidak berasal dari catatan layanan.</source>
        <translation>This ticket did not come from a service record.</translation>
    </message>
    <message>
        <source>Belum ada jawaban dari HAI-DJPBN.</source>
        <translation>No answer from HAI-DJPBN yet.</translation>
    </message>
    <message>
        <source>terkirim</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>mengunggah %1 %</source>
        <translation>uploading %1 %</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <source>Tiket ke HAI-DJPBN</source>
        <translation>Tickets to HAI-DJPBN</translation>
    </message>
    <message>
        <source>Tiket baru…</source>
        <translation>New ticket…</translation>
    </message>
    <message>
        <source>Teruskan pertanyaan ke HAI-DJPBN tanpa catatan layanan</source>
        <translation>Forward a question to HAI-DJPBN without a service record</translation>
    </message>
    <message>
        <source>Cari nomor, perihal atau uraian tiket</source>
        <translation>Search ticket number, subject or details</translation>
    </message>
    <message>
        <source>Terbuka dan ditutup</source>
        <translation>Open and closed</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Tindak lanjut disimpan dan akan dikirim saat sinkronisasi.</source>
        <translation>The follow-up is saved and will be sent at the next sync.</translation>
    </message>
    <message>
        <source>Tiket ditutup; penilaian pengguna dikirim ke HAI-DJPBN.</source>
        <translation>Ticket closed; the visitor&apos;s rating goes to HAI-DJPBN.</translation>
    </message>
    <message>
        <source>Jawaban HAI-DJPBN disalin ke catatan layanan asal dan diajukan ke basis pengetahuan.</source>
        <translation>HAI-DJPBN&apos;s answer was copied to the original service record and proposed for the knowledge base.</translation>
    </message>
    <message>
        <source>Simpan lampiran</source>
        <translation>Save attachment</translation>
    </message>
    <message>
        <source>Lampiran disimpan: %1</source>
        <translation>Attachment saved: %1</translation>
    </message>
    <message>
        <source>Lampiran tidak dapat dibuka. Bila lampiran dari HAI-DJPBN, desk perlu terhubung ke hub untuk mengunduhnya.</source>
        <translation>The attachment could not be opened. An attachment from HAI-DJPBN needs a connection to the hub to download it.</translation>
    </message>
    <message>
        <source>Tiket sebelumnya / berikutnya</source>
        <translation>Previous / next ticket</translation>
    </message>
    <message>
        <source>Tidak dapat disimpan. Coba lagi.</source>
        <translation>Could not be saved. Try again.</translation>
    </message>
    <message>
        <source>%1 tiket</source>
        <translation>%1 tickets</translation>
    </message>
</context>
<context>
    <name>UrgentDialog</name>
    <message>
        <source>SIARAN SEGERA dari pusat</source>
        <translation>URGENT BROADCAST from the centre</translation>
    </message>
    <message>
        <source>Buka di Broadcast</source>
        <translation>Open in Broadcasts</translation>
    </message>
    <message>
        <source>Ingatkan nanti</source>
        <translation>Remind me later</translation>
    </message>
    <message>
        <source>Konfirmasi: sudah saya baca dan pahami</source>
        <translation>Confirm: I have read and understood it</translation>
    </message>
    <message>
        <source>SIARAN SEGERA — wajib dikonfirmasi</source>
        <translation>URGENT BROADCAST — must be confirmed</translation>
    </message>
    <message>
        <source>(1 dari %1)</source>
        <translation>(1 of %1)</translation>
    </message>
    <message>
        <source>diterbitkan %1</source>
        <translation>published %1</translation>
    </message>
    <message>
        <source>Narahubung: %1</source>
        <translation>Contact: %1</translation>
    </message>
</context>
<context>
    <name>ctx</name>
    <message>
        <source>Versi HAI Desk yang lebih baru tersedia: {version}.</source>
        <translation>A newer HAI Desk version is available: {version}.</translation>
    </message>
    <message>
        <source>Unduh dari {url} atau minta bantuan petugas TI.</source>
        <translation>Download it from {url} or ask IT staff for help.</translation>
    </message>
    <message>
        <source>Minta petugas TI memasangnya.</source>
        <translation>Ask IT staff to install it.</translation>
    </message>
    <message>
        <source>Saluran</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Departemen</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Aplikasi</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Nama pengunjung</source>
        <translation>Visitor&apos;s name</translation>
    </message>
    <message>
        <source>Kode satker</source>
        <translation>Satker code</translation>
    </message>
    <message>
        <source>Instansi</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Pertanyaan</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Jawaban</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Dasar peraturan</source>
        <translation>Regulation basis</translation>
    </message>
    <message>
        <source>Entri basis pengetahuan</source>
        <translation>Knowledge-base entry</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Alasan di luar lingkup</source>
        <translation>Out-of-scope reason</translation>
    </message>
    <message>
        <source>Mulai dilayani</source>
        <translation>Service started</translation>
    </message>
    <message>
        <source>Selesai dilayani</source>
        <translation>Service ended</translation>
    </message>
</context>
</TS>
