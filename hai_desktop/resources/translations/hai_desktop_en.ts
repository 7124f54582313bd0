<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name />
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
        <translation>Choose why the question is out of the service's scope.</translation>
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
        <source>Pemeriksaan menyeluruh menemukan kerusakan pada basis data HAI Desk. Tutup HAI Desk lalu buka lagi: HAI Desk akan menawarkan pemulihan dari cadangan. Berkas yang rusak tidak dihapus.</source>
        <translation>A thorough check found damage in the HAI Desk database. Close HAI Desk and open it again: HAI Desk will offer to restore a backup. The damaged file is not deleted.</translation>
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
    <name>HistoryView</name>
    <message>
        <source>Riwayat layanan</source>
        <translation>Service history</translation>
    </message>
    <message>
        <source>Cari di pertanyaan, jawaban, instansi (Ctrl+F)</source>
        <translation>Search questions, answers, institutions (Ctrl+F)</translation>
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
        <source>Duplikat: pengunjung sama</source>
        <translation>Duplicate: same visitor</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>%1 entri</source>
        <translation>%1 entries</translation>
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
        <source>Alt+1 … Alt+%1 menyisipkan saran bernomor; jawabannya dicatat beserta dasar hukumnya.</source>
        <translation>Alt+1 … Alt+%1 insert the numbered suggestion; its answer is recorded with its legal basis.</translation>
    </message>
    <message>
        <source>Jawaban dari "%1" disisipkan dan dicatat sebagai dasar.</source>
        <translation>The answer from "%1" was inserted and recorded as the basis.</translation>
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
        <source>Dasar hukum</source>
        <translation>Legal basis</translation>
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
        <translation>The HAI Desk database file is damaged and cannot be opened, and no backup is intact. The file was not changed. Contact your office's IT staff.</translation>
    </message>
    <message>
        <source>Berkas basis data HAI Desk rusak dan tidak dapat dibuka, dan belum ada cadangan. Berkas tidak diubah. Hubungi petugas TI kantor Anda.</source>
        <translation>The HAI Desk database file is damaged and cannot be opened, and there is no backup yet. The file was not changed. Please contact your office's IT staff.</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
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
        <source>Berkas basis data HAI Desk rusak dan tidak dapat dibuka. Anda dapat memulihkan cadangan terbaru. Berkas yang rusak tidak dihapus: disimpan di sampingnya untuk diperiksa petugas TI.</source>
        <translation>The HAI Desk database file is damaged and cannot be opened. You can restore the newest backup. The damaged file is not deleted: it is kept beside it for IT staff to examine.</translation>
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
        <translation>This computer's clock is about {minutes} minutes behind HAI Hub. Correct the computer's date and time.</translation>
    </message>
    <message>
        <source>Jam komputer ini terlalu cepat sekitar {minutes} menit dibanding HAI Hub. Betulkan tanggal dan jam komputer.</source>
        <translation>This computer's clock is about {minutes} minutes ahead of HAI Hub. Correct the computer's date and time.</translation>
    </message>
    <message>
        <source>Ditolak oleh HAI Hub.</source>
        <translation>Refused by HAI Hub.</translation>
    </message>
</context>
</TS>