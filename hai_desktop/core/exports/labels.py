"""The words of the report documents (Indonesian, the decree's language): column headers of
the inquiry sheet and CSV, and the titles of the summary tables."""

from __future__ import annotations

APP_NAME = "HAI-DJPBN"
REPORT_TITLE = "Laporan Kinerja Bulanan Layanan HAI-DJPBN"
NOT_BINDING = (
    "Informasi yang diberikan melalui layanan HAI-DJPBN tidak mengikat secara hukum "
    "(KEP-428/PB/2016 Lampiran V.e.5)."
)
SIGNATURE_ROLE = "Kepala Kantor"

# Column key → header. The contact columns appear only when the user includes them.
COLUMNS: list[tuple[str, str]] = [
    ("no", "No"),
    ("time", "Waktu"),
    ("channel", "Kanal"),
    ("department", "Bidang"),
    ("application", "Aplikasi"),
    ("satker_code", "Kode Satker"),
    ("institution", "Instansi"),
    ("question", "Pertanyaan"),
    ("answer", "Jawaban"),
    ("outcome", "Hasil"),
    ("out_of_scope_reason", "Alasan di Luar Lingkup"),
    ("regulations", "Dasar Peraturan"),
    ("minutes", "Lama Layanan (menit)"),
    ("origin", "Asal"),
    ("id", "ID"),
]
CONTACT_COLUMNS: list[tuple[str, str]] = [
    ("visitor_name", "Nama Pengunjung"),
    ("phone", "Telepon"),
    ("email", "E-mail"),
]
CONTACT_AFTER = "application"  # the contact columns follow this one

TITLES = {
    "summary": "Ringkasan",
    "by_department": "Per Bidang",
    "by_channel": "Per Kanal",
    "by_application": "Per Aplikasi",
    "by_outcome": "Per Hasil Layanan",
    "out_of_scope_by_reason": "Di Luar Lingkup per Alasan",
    "by_hour": "Pengunjung per Jam (call per hour)",
    "daily": "Tren Harian",
    "top_questions": "Pertanyaan Terbanyak",
    "by_outage": "Pertanyaan karena Gangguan",
}
FIGURES = {
    "inquiries": "Jumlah layanan",
    "previous_inquiries": "Bulan sebelumnya",
    "change": "Perubahan dari bulan sebelumnya",
    "change_pct": "Perubahan (%)",
    "first_contact_resolved": "Selesai di meja layanan",
    "first_contact_rate": "Tingkat penyelesaian kontak pertama",
    "escalations": "Eskalasi",
    "tickets": "Tiket eskalasi",
    "sla_response_met": "SLA respons terpenuhi",
    "sla_response_missed": "SLA respons terlewati",
    "sla_resolve_met": "SLA penyelesaian terpenuhi",
    "sla_resolve_missed": "SLA penyelesaian terlewati",
    "satisfaction_rate": "Tingkat kepuasan",
    "service_minutes_avg": "Rata-rata lama layanan (menit)",
    "service_minutes_median": "Median lama layanan (menit)",
}
HEADERS = {"name": "Uraian", "count": "Jumlah", "share": "Persen", "hour": "Jam", "day": "Tanggal"}
NO_DATA = "-"
ORIGINS = {"desk": "Desk", "import": "Impor logbook", "hub": "Hub"}
