"""The demo office's ``demo.json``: the office, its accounts, broadcasts and tickets."""

from __future__ import annotations

from demo_ids import DEMO_OFFICE, demo_id


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
