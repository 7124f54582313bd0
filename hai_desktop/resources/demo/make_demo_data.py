"""Build the demo data files (run by hand; the committed JSON files are what the apps load).

    .venv/bin/python hai_desktop/resources/demo/make_demo_data.py

Writes ``kb_entries.json`` (KbEntry objects, API.md), ``inquiries.json`` (Inquiry objects for
the demo office) and ``demo.json`` (demo office, accounts, broadcasts, a ticket). Everything is
deterministic: ids are UUIDv5 of fixed names, dates are fixed, so rebuilding gives the same
bytes. All text is written for the demo and is not official guidance.
"""

from __future__ import annotations

import hashlib
import json
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parents[2]))  # the checkout, for hai_desktop when not installed

import demo_month  # noqa: E402  (sibling module: the full month for the Laporan screen)
import kb_families  # noqa: E402  (sibling module, found through the path set above)

from hai_contract.reference import reference_path  # noqa: E402  (installed with the desk)

REFERENCE = reference_path()
# Namespace for every demo id: uuid5(NAMESPACE, "<kind>:<stable name>").
NAMESPACE = uuid.UUID("5b0d6f3e-8c1a-4e57-9a55-1d2f0c7e4a10")
KB_DATE_FROM = datetime(2025, 1, 6, tzinfo=UTC)
KB_DATE_TO = datetime(2026, 11, 20, tzinfo=UTC)
DEMO_OFFICE = "KPPN-JAKARTA-II"


def demo_id(kind: str, name: str) -> str:
    """A stable UUID for a demo record."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{name}"))


def rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def end_of_day_wib(day: str) -> str:
    """``"2025-12-31"`` -> the last second of that day in WIB (UTC+7), as RFC 3339 UTC."""
    moment = datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=UTC) + timedelta(hours=17)
    return rfc3339(moment - timedelta(seconds=1))


# --- the hand-written source files ---------------------------------------------------------


def _split(value: str, sep: str) -> list[str]:
    return [part.strip() for part in value.split(sep) if part.strip()]


def parse_source(path: Path) -> list[dict]:
    """Parse a ``kb_source_*.txt`` file (format described at the top of each file)."""
    defaults: dict[str, str] = {}
    entries: list[dict] = []
    block: dict[str, str] = {}
    last_key = ""

    def flush() -> None:
        nonlocal block
        if not block:
            return
        merged = {**defaults, **block}
        missing = [k for k in ("T", "Q", "A", "D") if not merged.get(k)]
        if missing:
            raise ValueError(f"{path.name}: block {block.get('T')!r} lacks {missing}")
        entries.append(
            {
                "title": merged["T"],
                "question": merged["Q"],
                "answer": merged["A"],
                "department": merged["D"],
                "application": merged.get("P") or None,
                "regulations": _split(merged.get("R", ""), "|"),
                "tags": _split(merged.get("G", ""), ","),
                "valid_until_day": merged.get("V") or None,
            }
        )
        block = {}

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if line.startswith("#"):
            continue
        if not line:
            flush()
            continue
        if line.startswith("=== "):
            flush()
            defaults = {}
            for part in line[4:].split(";"):
                key, _, value = part.strip().partition("=")
                defaults[key.strip()] = value.strip()
            continue
        if len(line) > 2 and line[1] == ":" and line[0] in "TQARGDPV":
            # Inline overrides such as "V=2025-12-31; D=SP" after the answer.
            last_key = line[0]
            block[last_key] = line[2:].strip()
            continue
        if "=" in line and line.split("=", 1)[0].strip() in {"R", "G", "D", "P", "V"}:
            for part in line.split(";"):
                key, _, value = part.strip().partition("=")
                block[key.strip()] = value.strip()
            continue
        if not last_key:
            raise ValueError(f"{path.name}: stray line {line!r}")
        block[last_key] += " " + line.strip()
    flush()
    return entries


# --- knowledge base --------------------------------------------------------------------------


def _spread(seed: str, start: datetime, end: datetime) -> datetime:
    """A deterministic moment between start and end, during office hours in WIB."""
    digest = int(hashlib.sha256(seed.encode("utf-8")).hexdigest(), 16)
    days = (end - start).days
    day = start + timedelta(days=digest % days)
    # 01:00-09:00 UTC is 08:00-16:00 WIB.
    return day.replace(hour=1 + (digest >> 16) % 8, minute=(digest >> 8) % 60, second=0)


def build_kb(reference: dict) -> list[dict]:
    raw: list[dict] = []
    for source in sorted(HERE.glob("kb_source_*.txt")):
        raw.extend(parse_source(source))
    raw.extend(kb_families.all_families())

    departments = {d["code"] for d in reference["departments"]}
    applications = {a["code"] for a in reference["applications"]}
    seen: set[str] = set()
    entries = []
    for item in raw:
        title = item["title"]
        if title.lower() in seen:
            raise ValueError(f"duplicate KB title {title!r}")
        seen.add(title.lower())
        if item["department"] not in departments:
            raise ValueError(f"{title!r}: unknown department {item['department']!r}")
        if item["application"] is not None and item["application"] not in applications:
            raise ValueError(f"{title!r}: unknown application {item['application']!r}")
        valid_day = item.get("valid_until_day")
        end = KB_DATE_TO
        if valid_day:
            end = min(end, datetime.strptime(valid_day, "%Y-%m-%d").replace(tzinfo=UTC))
            end -= timedelta(days=20)
        updated = _spread(title, KB_DATE_FROM, end)
        tags = []
        for tag in item["tags"]:
            if tag.lower() not in tags:
                tags.append(tag.lower())
        entries.append(
            {
                "id": demo_id("kb", title),
                "title": title,
                "question": item["question"],
                "answer": item["answer"],
                "department": item["department"],
                "application": item["application"],
                "regulations": item["regulations"],
                "tags": tags,
                "source_inquiry_ids": [],
                "valid_until": end_of_day_wib(valid_day) if valid_day else None,
                "updated_at": rfc3339(updated),
                "deleted": False,
            }
        )
    return entries


# --- demo desk logs ----------------------------------------------------------------------------

# Fictional visitors: the surnames say so. Satker codes 9990xx are made up for the demo.
VISITORS = [
    ("Budi Contoh", "999001", "Balai Contoh Pelatihan Kerja", "0812-0000-0101"),
    ("Siti Percobaan", "999002", "Kantor Contoh Urusan Agama", "0813-0000-0102"),
    ("Andi Demo", "999003", "Satker Contoh Pengelola Jalan", "0811-0000-0103"),
    ("Rina Fiktif", "999004", "Rumah Sakit Contoh (BLU)", "0857-0000-0104"),
    ("Joko Sampel", "999005", "Kantor Contoh Pertanahan", "0819-0000-0105"),
    ("Dewi Ilustrasi", "999006", "Balai Contoh Penelitian", "0812-0000-0106"),
    ("Agus Peraga", "999007", "Sekolah Tinggi Contoh", "0878-0000-0107"),
    ("Maya Rekaan", "999008", "Kantor Contoh Statistik", "0815-0000-0108"),
]


def _kb_id_by_title(kb: list[dict], title: str) -> str:
    for entry in kb:
        if entry["title"] == title:
            return entry["id"]
    raise KeyError(title)


# (day in Nov 2026, hh:mm WIB, minutes served, visitor index, channel, department, application,
#  question, answer, outcome, out_of_scope_reason, basis KB titles, regulations)
INQUIRIES = [
    (
        2,
        "08:15",
        9,
        0,
        "tatap_muka",
        "PA",
        "SAKTI",
        "Bendahara baru menanyakan kapan GUP boleh diajukan karena UP tinggal sedikit.",
        "Dijelaskan bahwa SPM-GUP dapat diajukan setelah UP terpakai paling sedikit 50 persen, dengan DRPP dan bukti pengeluaran yang sah.",
        "answered",
        None,
        ["Syarat pengisian kembali UP melalui GUP"],
        ["PMK 62 Tahun 2023"],
    ),
    (
        2,
        "09:40",
        6,
        1,
        "telepon",
        "PKN",
        "SPAN",
        "SP2D honor narasumber diretur bank. Bagaimana agar dana dikirim ulang?",
        "Satker diminta mengirim surat permintaan perbaikan data rekening dengan bukti rekening yang benar dan memperbaiki data supplier di SAKTI.",
        "answered",
        None,
        ["Cara mengajukan perbaikan retur SP2D"],
        [],
    ),
    (
        3,
        "10:05",
        12,
        2,
        "tatap_muka",
        "PA",
        "SAKTI",
        "Kontrak pekerjaan pemeliharaan jalan diadendum, nilainya bertambah. Apa yang harus dilakukan sebelum SPM termin berikutnya?",
        "Adendum direkam di SAKTI modul Komitmen lalu dikirim ke KPPN; pastikan sisa pagu cukup. SPM termin diproses setelah perubahan diterima KPPN.",
        "answered",
        None,
        ["Perubahan nilai kontrak karena adendum"],
        ["PMK 62 Tahun 2023"],
    ),
    (
        4,
        "13:20",
        15,
        3,
        "email",
        "PPKBLU",
        "BIOS",
        "Rumah sakit BLU menanyakan frekuensi pengajuan SP3B BLU dan batasnya di akhir tahun.",
        "SP3B BLU diajukan berkala, dianjurkan setiap bulan; batas akhir tahun mengikuti pengumuman KPPN.",
        "answered",
        None,
        ["Batas waktu pengajuan SP3B BLU"],
        ["PMK 129/PMK.05/2020"],
    ),
    (
        5,
        "08:50",
        7,
        4,
        "whatsapp",
        "SITP",
        "OM-SPAN",
        "Operator lupa kata sandi OM-SPAN dan e-mail lamanya sudah tidak aktif.",
        "Diarahkan mengajukan reset ke KPPN dengan formulir yang diketahui atasan dan mendaftarkan e-mail dinas yang aktif.",
        "answered",
        None,
        ["Lupa kata sandi OM-SPAN"],
        [],
    ),
    (
        6,
        "11:10",
        20,
        5,
        "tatap_muka",
        "APK",
        "E-REKON-LK",
        "BAR bulan Oktober belum terbit karena ada selisih realisasi belanja.",
        "Bersama operator ditelusuri rincian perbandingan; ditemukan satu setoran pengembalian belanja belum dicatat di SAKTI. Setelah dicatat dan diunggah ulang, selisih hilang.",
        "answered",
        None,
        ["Selisih realisasi belanja pada rekonsiliasi"],
        ["PMK 62 Tahun 2023"],
    ),
    (
        9,
        "09:05",
        5,
        6,
        "telepon",
        "PKN",
        "MPN-G3",
        "Kode billing setoran sisa UP sudah kedaluwarsa sebelum dibayar.",
        "Dijelaskan bahwa kode billing kedaluwarsa tidak bisa dibayar; buat kode billing baru lalu setor dalam masa berlakunya.",
        "answered",
        None,
        ["Kode billing kedaluwarsa sebelum dibayar"],
        ["PMK 225/PMK.05/2020"],
    ),
    (
        9,
        "14:30",
        18,
        7,
        "tatap_muka",
        "SITP",
        "SAKTI",
        "PPSPM tidak bisa menandatangani SPM: sertifikat elektronik ditolak sejak pagi, padahal kemarin masih bisa. Beberapa satker lain di wilayah yang sama mengalami hal serupa.",
        "Sertifikat dan passphrase sudah dicek dan benar. Karena terjadi pada beberapa satker sekaligus, masalah diteruskan ke HAI-DJPBN melalui tiket untuk diperiksa tim teknis.",
        "escalated",
        None,
        ["Tanda tangan elektronik PPSPM gagal"],
        [],
    ),
    (
        10,
        "10:45",
        10,
        0,
        "tatap_muka",
        "PA",
        "SAKTI",
        "Apakah sisa UP bisa dipakai untuk membayar tagihan jasa kebersihan bulanan yang nilainya cukup besar?",
        "Dijelaskan bahwa pembayaran kepada satu penerima di atas batas tertentu pada prinsipnya dengan LS; tagihan jasa kebersihan berdasarkan kontrak sebaiknya dibayar LS.",
        "answered",
        None,
        ["Pembayaran dengan UP kepada satu penerima"],
        ["PMK 62 Tahun 2023"],
    ),
    (
        11,
        "08:30",
        8,
        1,
        "email",
        "SP",
        None,
        "Satker ingin membuka rekening bendahara penerimaan baru.",
        "Dijelaskan perlunya persetujuan KPPN: KPA mengajukan permohonan dengan jenis, tujuan rekening, dan bank yang dipilih.",
        "answered",
        None,
        ["Izin pembukaan rekening satker"],
        ["PMK 62 Tahun 2023"],
    ),
    (
        12,
        "13:05",
        14,
        2,
        "tatap_muka",
        "PA",
        "SAKTI",
        "Pengguna meminta CSO memastikan apakah pasal tentang uang muka dalam peraturan berlaku juga untuk kontrak jasa konsultan yang sedang berjalan.",
        "Disampaikan bunyi ketentuan apa adanya; penafsiran penerapannya pada kasus pengguna tidak dapat diberikan di meja layanan. Pengguna diarahkan mengajukan surat permohonan penegasan kepada unit yang berwenang.",
        "out_of_scope",
        "interpretation",
        [],
        ["PMK 62 Tahun 2023"],
    ),
    (
        13,
        "09:55",
        6,
        3,
        "telepon",
        "PPKBLU",
        "BIOS",
        "Petugas BLU bertanya apakah data layanan yang salah bisa dikirim ulang di BIOS.",
        "Diarahkan menggunakan fitur perbaikan data, bukan pengiriman baru untuk periode yang sama.",
        "answered",
        None,
        ['Pesan "Data layanan periode ini sudah dikirim" di BIOS'],
        [],
    ),
    (
        16,
        "10:20",
        11,
        4,
        "tatap_muka",
        "PA",
        "KKP",
        "Ada transaksi di tagihan KKP yang tidak dilakukan pemegang kartu.",
        "Pemegang kartu diminta segera melapor ke bank penerbit untuk keberatan, memberi tahu PPK dan bendahara; transaksi tidak dibayar dari DIPA sampai ada penyelesaian.",
        "answered",
        None,
        ["Transaksi KKP yang tidak diakui"],
        ["PMK 196/PMK.05/2018"],
    ),
    (
        17,
        "15:00",
        9,
        5,
        "whatsapp",
        "PA",
        "SAKTI",
        "Operator bertanya akun untuk pembelian laptop kantor.",
        "Bila memenuhi nilai kapitalisasi, gunakan akun 532111 Belanja Modal Peralatan dan Mesin dan catat di modul Aset Tetap.",
        "answered",
        None,
        ["Akun 532111 Belanja Modal Peralatan dan Mesin"],
        [],
    ),
    (
        18,
        "08:40",
        13,
        6,
        "surat",
        "SMI",
        "SIKP",
        "Surat dari pemerintah kota menanyakan cara mendapatkan akses SIKP untuk petugasnya.",
        "Dijawab dengan surat: pemerintah daerah mengajukan permohonan akses sesuai petunjuk pengelola SIKP dengan surat penunjukan petugas.",
        "answered",
        None,
        ["Akses SIKP untuk pemerintah daerah"],
        [],
    ),
    (
        19,
        "11:30",
        7,
        7,
        "tatap_muka",
        "PA",
        "OM-SPAN",
        "Nilai IKPA deviasi halaman III DIPA satker rendah. Bagaimana memperbaikinya?",
        "Dijelaskan agar rencana penarikan dana dimutakhirkan sesuai jadwal kegiatan dan SPM diajukan sesuai rencana.",
        "answered",
        None,
        ["Nilai IKPA deviasi halaman III rendah"],
        ["PMK 62 Tahun 2023"],
    ),
    (
        20,
        "09:15",
        16,
        0,
        "tatap_muka",
        "SITP",
        None,
        "Pengunjung dari LSM meminta salinan rincian DIPA beberapa satker untuk penelitian.",
        "Permintaan informasi publik menjadi wewenang PPID; pengunjung diarahkan mengajukan permohonan kepada PPID sesuai prosedur.",
        "out_of_scope",
        "ppid",
        ["Permintaan informasi publik melalui PPID"],
        [],
    ),
    (
        23,
        "13:45",
        10,
        1,
        "telepon",
        "PA",
        "SAKTI",
        "Pegawai pindahan belum menerima gaji dua bulan. Apa yang harus disiapkan?",
        "Pastikan SKPP dari satker asal diterima dan data pegawai direkam; ajukan gaji susulan dengan SKPP, SK mutasi, dan surat pernyataan melaksanakan tugas.",
        "answered",
        None,
        ["Pegawai baru belum menerima gaji"],
        ["PMK 62 Tahun 2023"],
    ),
    (
        24,
        "10:00",
        8,
        2,
        "email",
        "PKN",
        "MPN-G3",
        "Setoran PNBP memakai akun yang salah pada kode billing.",
        "Diarahkan mengajukan permohonan koreksi ke KPPN dengan bukti setor ber-NTPN dan penjelasan kesalahan; tidak menyetor ulang.",
        "answered",
        None,
        ["Salah mengisi akun pada kode billing"],
        ["PMK 225/PMK.05/2020"],
    ),
    (
        25,
        "14:10",
        12,
        3,
        "tatap_muka",
        "PPKBLU",
        "BIOS",
        "BLU rumah sakit ingin menempatkan kelebihan kas dalam deposito dan bertanya apakah hasilnya menjadi pendapatan BLU.",
        "Dijelaskan bahwa investasi jangka pendek atas kelebihan kas dapat dilakukan sesuai ketentuan pengelolaan kas BLU dan hasilnya merupakan pendapatan BLU.",
        "answered",
        None,
        ["Investasi jangka pendek BLU"],
        ["PMK 129/PMK.05/2020"],
    ),
]


def build_inquiries(kb: list[dict]) -> tuple[list[dict], dict]:
    items = []
    escalated: dict = {}
    for n, row in enumerate(INQUIRIES, start=1):
        (day, hhmm, minutes, who, channel, dept, app, question, answer, outcome, reason,
         kb_titles, regulations) = row  # fmt: skip
        name, satker, institution, phone = VISITORS[who]
        hour, minute = (int(x) for x in hhmm.split(":"))
        started = datetime(2026, 11, day, hour, minute, tzinfo=UTC) - timedelta(hours=7)
        ended = started + timedelta(minutes=minutes)
        inquiry_id = demo_id("inquiry", f"{DEMO_OFFICE}:{n}")
        email = name.lower().replace(" ", ".") + "@example.com"
        item = {
            "id": inquiry_id,
            "office_code": DEMO_OFFICE,
            "created_at": rfc3339(ended),
            "updated_at": rfc3339(ended),
            "channel": channel,
            "department": dept,
            "application": app,
            "visitor": {
                "name": name,
                "satker_code": satker,
                "institution": institution,
                "phone": phone,
                "email": email,
            },
            "question": question,
            "answer": answer,
            "basis": {
                "regulations": regulations,
                "kb_entry_ids": [_kb_id_by_title(kb, t) for t in kb_titles],
            },
            "outcome": outcome,
            "out_of_scope_reason": reason,
            "ticket_id": None,
            "served_started_at": rfc3339(started),
            "served_ended_at": rfc3339(ended),
            "version": 1,
        }
        if outcome == "escalated":
            item["ticket_id"] = demo_id("ticket", f"{DEMO_OFFICE}:{n}")
            escalated = item
        items.append(item)
    return items, escalated


# --- demo.json ---------------------------------------------------------------------------------


def build_demo(reference: dict, escalated: dict) -> dict:
    offices = {o["code"]: o for o in reference["offices"]}
    office = offices[DEMO_OFFICE]
    contact = {
        "name": "Kepala Seksi Layanan Pengguna (demo)",
        "phone": "0812-0000-9001",
        "email": "layanan.pengguna.demo@kemenkeu.go.id",
    }
    outage_id = demo_id("broadcast", "outage-span-2026-11-26")
    broadcasts = [
        {
            "id": outage_id,
            "kind": "outage",
            "title": "Gangguan SPAN: pengiriman SPM ke KPPN tertunda",
            "body": (
                "Yth. Kepala KPPN dan CSO KPPN,\n\n"
                "Sejak pukul 08.30 WIB hari ini terjadi gangguan pada layanan SPAN yang "
                "menyebabkan SPM dari SAKTI tertahan dan belum diterima KPPN. Tim teknis sedang "
                "menangani. Satker tidak perlu mengirim ulang SPM: SPM yang tertahan akan "
                "diproses otomatis setelah layanan pulih.\n\n"
                "Pemulihan akan diumumkan melalui broadcast berikutnya. Mohon informasi ini "
                "diteruskan kepada satker mitra kerja."
            ),
            "urgency": "urgent",
            "audience": {"roles": [], "office_kinds": ["KPPN", "KANWIL"], "office_codes": []},
            "contact": contact,
            "attachments": [],
        },
        {
            "id": demo_id("broadcast", "info-akhir-tahun-2026"),
            "kind": "info",
            "title": "Jadwal langkah-langkah akhir tahun anggaran 2026",
            "body": (
                "Yth. Kepala Kanwil DJPb dan Kepala KPPN,\n\n"
                "Jadwal batas pengajuan SPM per jenis belanja, penyetoran sisa UP/TUP, dan "
                "layanan tambahan KPPN pada akhir Desember 2026 telah ditetapkan. Mohon jadwal "
                "disosialisasikan kepada seluruh satker mitra kerja dan dipasang di ruang "
                "layanan.\n\n(Isi broadcast ini dibuat untuk demo HAI Desk.)"
            ),
            "urgency": "normal",
            "audience": {"roles": [], "office_kinds": [], "office_codes": []},
            "contact": contact,
            "attachments": [],
        },
        {
            "id": demo_id("broadcast", "service-change-omspan-2026-11"),
            "kind": "service_change",
            "title": "Perubahan layanan: permohonan akun OM-SPAN melalui formulir elektronik",
            "body": (
                "Yth. CSO KPPN,\n\n"
                "Mulai 1 Desember 2026 permohonan akun OM-SPAN dari satker diterima melalui "
                "formulir elektronik yang ditandatangani KPA. Formulir kertas masih diterima "
                "sampai 31 Desember 2026.\n\n(Isi broadcast ini dibuat untuk demo HAI Desk.)"
            ),
            "urgency": "normal",
            "audience": {"roles": ["cso"], "office_kinds": ["KPPN"], "office_codes": []},
            "contact": contact,
            "attachments": [],
        },
    ]
    # The hub refuses an outage that names no application; the status starts the thread.
    broadcasts[0]["affected_applications"] = ["SPAN", "SAKTI"]
    broadcasts[0]["outage_status"] = "identified"
    broadcasts.append(
        {
            "id": demo_id("broadcast", "data-request-lpj-2026-11"),
            "kind": "data_request",
            "title": "Permintaan data: jumlah satker yang belum menyampaikan LPJ Bendahara "
            "November 2026",
            "body": (
                "Yth. Kepala KPPN,\n\nMohon disampaikan jumlah satker mitra kerja yang belum "
                "menyampaikan LPJ Bendahara bulan November 2026, beserta kendala yang paling "
                "sering disampaikan satker, melalui balasan broadcast ini.\n\n"
                "(Isi broadcast ini dibuat untuk demo HAI Desk.)"
            ),
            "urgency": "normal",
            "audience": {"roles": [], "office_kinds": ["KPPN"], "office_codes": []},
            "contact": contact,
            "attachments": [],
            "reply_requested": True,
            # demo.load_demo turns this into a reply_due a week after the demo starts.
            "reply_due_in_days": 7,
        }
    )
    ticket_id = escalated["ticket_id"]
    ticket = {
        "id": ticket_id,
        "inquiry_id": escalated["id"],
        "office_code": DEMO_OFFICE,
        "department": "SITP",
        "subject": "Sertifikat elektronik PPSPM ditolak saat tanda tangan SPM di SAKTI",
        "message": (
            "Sejak pagi PPSPM satker mitra tidak dapat menandatangani SPM; SAKTI menyatakan "
            "sertifikat elektronik ditolak. Masa berlaku sertifikat dan passphrase sudah "
            "diperiksa dan benar. Beberapa satker lain di wilayah KPPN kami mengalami hal "
            "yang sama. Mohon pemeriksaan tim teknis."
        ),
        "priority": "high",
        "requester": {
            "name": escalated["visitor"]["name"],
            "email": escalated["visitor"]["email"],
            "phone": escalated["visitor"]["phone"],
            "satker_code": escalated["visitor"]["satker_code"],
        },
        "attachments": [],
        "created_at": escalated["served_ended_at"],
    }
    reply = {
        "id": demo_id("ticket_message", f"{ticket_id}:agent-1"),
        "body": (
            "Terima kasih atas laporannya. Gangguan disebabkan oleh layanan verifikasi "
            "sertifikat yang tidak dapat dihubungi SAKTI pada pagi hari itu dan sudah "
            "dipulihkan pukul 13.10 WIB. PPSPM dapat mencoba menandatangani kembali; SPM yang "
            "sudah direkam tidak perlu dibuat ulang. Bila masih gagal, mohon kirim tangkapan "
            "layar pesan galatnya."
        ),
        "attachments": [],
    }

    # A second ticket, forwarded from the Tiket screen without an inquiry: the centre asks
    # for a document, so it waits for the user (its SLA clock paused).
    waiting_id = demo_id("ticket", f"{DEMO_OFFICE}:waiting-rekening")
    waiting = {
        "id": waiting_id,
        "inquiry_id": None,
        "office_code": DEMO_OFFICE,
        "department": "PKN",
        "subject": "Retur SP2D berulang untuk rekening penerima yang sama",
        "message": (
            "SP2D gaji satker mitra diretur dua kali berturut-turut untuk rekening penerima "
            "yang sama, padahal bank menyatakan rekening aktif. Mohon bantuan penelusuran."
        ),
        "priority": "normal",
        "requester": {
            "name": "Rudi Rekaan",
            "email": "rudi.rekaan@example.com",
            "phone": "0815-0000-0109",
            "satker_code": "999009",
        },
        "attachments": [],
        "created_at": escalated["served_ended_at"],
    }
    waiting_reply = {
        "id": demo_id("ticket_message", f"{waiting_id}:agent-1"),
        "body": (
            "Mohon kirimkan surat keterangan rekening aktif dari bank dan nomor SP2D yang "
            "diretur, agar dapat kami telusuri bersama bank persepsi."
        ),
        "attachments": [],
        "status": "waiting",
    }

    def user(email: str, name: str, password: str, role: str, office_code: str) -> dict:
        return {
            "email": email,
            "name": name,
            "password": password,
            "role": role,
            "office_code": office_code,
        }

    return {
        "_note": (
            "Demo only: fictional people, demo passwords, content written for the HAI Desk demo "
            "(not official guidance). Shapes follow API.md request bodies. Never load into a "
            "production hub."
        ),
        "office": {
            "code": office["code"],
            "name": office["name"],
            "kind": office["kind"],
            "parent_code": office["parent_code"],
        },
        "bootstrap_admin": {
            "email": "admin.demo@kemenkeu.go.id",
            "password": "DemoAdmin#2026",
            "name": "Admin Demo HAI Hub",
        },
        "cso": user(
            "cso.demo@kemenkeu.go.id", "Rani Contoh (CSO demo)", "DemoCso#2026", "cso", DEMO_OFFICE
        ),
        "agent": user(
            "agen.demo@kemenkeu.go.id", "Bayu Contoh (Agen demo)", "DemoAgen#2026", "agent", "PUSAT"
        ),
        "broadcaster": user(
            "broadcast.demo@kemenkeu.go.id",
            "Sari Contoh (Seksi Layanan Pengguna demo)",
            "DemoBroadcast#2026",
            "broadcaster",
            "PUSAT",
        ),
        "supervisor": user(
            "supervisor.demo@kemenkeu.go.id",
            "Hadi Contoh (Supervisor demo)",
            "DemoSupervisor#2026",
            "supervisor",
            "PUSAT",
        ),
        "broadcasts": broadcasts,
        "tickets": [
            {
                "ticket": ticket,
                "agent_messages": [reply],
                "agent_patch": {"status": "answered", "level": 2, "assigned_department": "SITP"},
            },
            {"ticket": waiting, "agent_messages": [waiting_reply]},
        ],
    }


def build_month(kb: list[dict]) -> list[dict]:
    """The full month of the Laporan screen (see demo_month.py)."""
    return demo_month.build(
        INQUIRIES, VISITORS, lambda t: _kb_id_by_title(kb, t), demo_id, rfc3339, DEMO_OFFICE
    )


def write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    kb = build_kb(reference)
    inquiries, escalated = build_inquiries(kb)
    demo = build_demo(reference, escalated)
    write_json(HERE / "kb_entries.json", kb)
    write_json(HERE / "inquiries.json", inquiries)
    write_json(HERE / "demo.json", demo)
    month = build_month(kb)
    demo_month.write(HERE / "month_inquiries.json", month)
    by_dept: dict[str, int] = {}
    for entry in kb:
        by_dept[entry["department"]] = by_dept.get(entry["department"], 0) + 1
    print(f"kb_entries.json: {len(kb)} entries {by_dept}")
    print(f"inquiries.json: {len(inquiries)} inquiries; demo.json written")
    print(f"month_inquiries.json: {len(month)} inquiries (October and November 2026)")


if __name__ == "__main__":
    main()
