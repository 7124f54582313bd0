"""Build ``hai_contract/reference/reference.json`` (run by hand; the committed JSON is what apps load).

    .venv/bin/python hai_contract/reference/build_reference.py

The output has exactly the shape of the hub's ``GET /api/v1/reference`` (see
``shared/design/API.md``) plus ``out_of_scope_reasons``, ``outcomes`` and a few ``_``-prefixed
notes keys that say where each part comes from. Keep this script and the JSON in step.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).with_name("reference.json")
# Codes, limits and rules come from the contract package; names and sample data live here.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from hai_contract import attachments, codes, emails, limits  # noqa: E402

SOURCE_NOTE = {
    "departments": (
        "Public: the seven Departemen Layanan of decree KEP-428/PB/2016 (Lampiran I, IV.2). "
        "The short codes are this project's. The portal's 'Permintaan Broadcast' (a request to "
        "send a broadcast) is not a desk department and is deliberately left out."
    ),
    "channels": "Project choice for the KPPN/Kanwil counter (see DOMAIN.md).",
    "applications": (
        "Well-known DJPb applications named in public material; codes are this project's."
    ),
    "offices": (
        "Office NAMES: Kanwil DJPb (34, one per province of the 34-province map; the Papua "
        "provinces formed in 2022 are not listed separately) and KPPN offices compiled from memory "
        "of public DJPb material; the KPPN list may be incomplete or out of date (offices are "
        "merged and renamed from time to time) and must be checked against the official DJPb "
        "office directory before production use. Office CODES are NOT the official numeric "
        "KPPN/Kanwil codes: they are readable sample codes made for this project "
        "(KANWIL-<PROVINCE>, KPPN-<CITY>), consistent and stable, so they can be mapped to the "
        "official codes later. The hub's admins manage the real list."
    ),
    "priorities": "Project choice (ticket priorities of API.md).",
    "sla": (
        "SAMPLE targets. Decree Lampiran III.4 says the centre sets a response-time and a "
        "resolve-time norm per department; the minutes here are placeholders chosen for the "
        "demo, not official norms."
    ),
    "broadcast_kinds": "Decree Lampiran II.4 (kinds of broadcast), split as in API.md.",
    "attachment_rules": "Decree Lampiran II.6: at most 15.00 MB; the clean list of types.",
    "email_domains": "Decree: official (kedinasan) domains kemenkeu, depkeu, customs, pajak.",
    "out_of_scope_reasons": "Decree V.b.1 a-d (wording shortened from the decree).",
    "outcomes": "Project choice (API.md Inquiry.outcome).",
}

DEPARTMENTS = [
    ("PA", "Direktorat Pelaksanaan Anggaran", "Budget Execution"),
    ("PKN", "Direktorat Pengelolaan Kas Negara", "State Cash Management"),
    ("SMI", "Direktorat Sistem Manajemen Investasi", "Investment Management System"),
    (
        "PPKBLU",
        "Direktorat Pembinaan Pengelolaan Keuangan Badan Layanan Umum",
        "Public Service Agency (BLU) Financial Management",
    ),
    ("APK", "Direktorat Akuntansi dan Pelaporan Keuangan", "Accounting and Financial Reporting"),
    ("SP", "Direktorat Sistem Perbendaharaan", "Treasury System"),
    (
        "SITP",
        "Direktorat Sistem Informasi dan Teknologi Perbendaharaan",
        "Treasury Information Systems and Technology",
    ),
]

CHANNELS = [
    ("tatap_muka", "Tatap muka", "Walk-in"),
    ("telepon", "Telepon", "Telephone"),
    ("email", "Email", "E-mail"),
    ("whatsapp", "WhatsApp", "WhatsApp"),
    ("surat", "Surat", "Letter"),
]

APPLICATIONS = [
    ("SPAN", "SPAN", "Sistem Perbendaharaan dan Anggaran Negara"),
    ("SAKTI", "SAKTI", "Sistem Aplikasi Keuangan Tingkat Instansi"),
    ("OM-SPAN", "OM-SPAN", "Online Monitoring SPAN"),
    ("MONSAKTI", "MonSAKTI", "Monitoring SAKTI"),
    ("MPN-G3", "MPN G3", "Modul Penerimaan Negara Generasi 3 (billing, NTPN)"),
    ("E-REKON-LK", "e-Rekon-LK", "Rekonsiliasi dan Laporan Keuangan"),
    ("DIGIPAY", "DIGIPAY", "Pembayaran digital satker melalui marketplace"),
    ("KKP", "KKP", "Kartu Kredit Pemerintah"),
    ("SIKP", "SIKP", "Sistem Informasi Kredit Program"),
    ("BIOS", "BIOS", "BLU Integrated Online System"),
    ("LAINNYA", "Lainnya", "Aplikasi lain / tidak terkait aplikasi"),
]

PRIORITIES = [
    ("low", "Rendah", "Low"),
    ("normal", "Normal", "Normal"),
    ("high", "Tinggi", "High"),
    ("urgent", "Mendesak", "Urgent"),
]

# Sample SLA minutes per priority: (response, resolve). Working-day minutes are not modelled.
SLA_BASE = {
    "low": (480, 7200),
    "normal": (240, 2880),
    "high": (60, 1440),
    "urgent": (30, 480),
}
# System outages (SITP) get a shorter urgent resolve target in this sample.
SLA_OVERRIDES = {("SITP", "urgent"): (15, 240)}

BROADCAST_KINDS = [
    ("info", "Informasi", "Information"),
    ("outage", "Status gangguan", "Outage status"),
    ("data_request", "Permintaan data/laporan", "Request for data/reports"),
    ("service_change", "Perubahan layanan", "Service change"),
    ("other", "Informasi lainnya", "Other information"),
]

OUT_OF_SCOPE_REASONS = [
    (
        "interpretation",
        "Penafsiran/penegasan peraturan",
        "Interpretation or affirmation of regulations",
        "Penafsiran dan/atau penegasan terhadap peraturan perundang-undangan perbendaharaan",
    ),
    (
        "unregulated",
        "Kebijakan yang belum diatur",
        "Policy not yet regulated",
        "Peraturan atau kebijakan perbendaharaan atau hal-hal lain yang belum diatur",
    ),
    (
        "official_authority",
        "Kasus kewenangan pejabat terkait",
        "Case within an official's authority",
        "Pemberian penjelasan tentang penanganan suatu kasus yang menjadi kewenangan pejabat terkait",
    ),
    (
        "ppid",
        "Informasi kewenangan PPID",
        "Information within the PPID's authority",
        "Pemberian informasi yang merupakan wewenang dari Pejabat Pengelola Informasi dan "
        "Dokumentasi (PPID)",
    ),
]

OUTCOMES = [
    ("answered", "Terjawab", "Answered"),
    ("escalated", "Dieskalasi", "Escalated"),
    ("out_of_scope", "Di luar lingkup", "Out of scope"),
]

# Province -> KPPN office names (without the "KPPN " prefix). Compiled from memory of public
# DJPb material: names, not official codes. See SOURCE_NOTE["offices"].
KANWIL_KPPN: list[tuple[str, list[str]]] = [
    (
        "Aceh",
        [
            "Banda Aceh",
            "Lhokseumawe",
            "Langsa",
            "Meulaboh",
            "Sigli",
            "Takengon",
            "Kutacane",
            "Tapaktuan",
        ],
    ),
    (
        "Sumatera Utara",
        [
            "Medan I",
            "Medan II",
            "Tebing Tinggi",
            "Pematangsiantar",
            "Kisaran",
            "Rantau Prapat",
            "Padang Sidempuan",
            "Sibolga",
            "Kabanjahe",
            "Balige",
            "Gunungsitoli",
        ],
    ),
    ("Sumatera Barat", ["Padang", "Bukittinggi", "Solok", "Painan", "Lubuk Sikaping", "Sijunjung"]),
    ("Riau", ["Pekanbaru", "Dumai", "Rengat", "Tembilahan", "Bangkinang", "Bengkalis"]),
    ("Kepulauan Riau", ["Batam", "Tanjung Pinang", "Tanjung Balai Karimun", "Ranai"]),
    ("Jambi", ["Jambi", "Muara Bungo", "Sungai Penuh", "Kuala Tungkal"]),
    (
        "Sumatera Selatan",
        ["Palembang", "Lahat", "Baturaja", "Lubuk Linggau", "Prabumulih", "Sekayu"],
    ),
    ("Kepulauan Bangka Belitung", ["Pangkalpinang", "Tanjung Pandan"]),
    ("Bengkulu", ["Bengkulu", "Manna", "Curup"]),
    ("Lampung", ["Bandar Lampung", "Metro", "Kotabumi", "Liwa"]),
    (
        "DKI Jakarta",
        [
            "Jakarta I",
            "Jakarta II",
            "Jakarta III",
            "Jakarta IV",
            "Jakarta V",
            "Jakarta VI",
            "Jakarta VII",
        ],
    ),
    (
        "Jawa Barat",
        [
            "Bandung I",
            "Bandung II",
            "Bogor",
            "Bekasi",
            "Cirebon",
            "Tasikmalaya",
            "Garut",
            "Sumedang",
            "Sukabumi",
            "Purwakarta",
            "Karawang",
        ],
    ),
    ("Banten", ["Serang", "Tangerang", "Rangkasbitung"]),
    (
        "Jawa Tengah",
        [
            "Semarang I",
            "Semarang II",
            "Surakarta",
            "Purwokerto",
            "Magelang",
            "Pekalongan",
            "Tegal",
            "Kudus",
            "Pati",
            "Blora",
            "Klaten",
            "Cilacap",
        ],
    ),
    ("DI Yogyakarta", ["Yogyakarta", "Wates"]),
    (
        "Jawa Timur",
        [
            "Surabaya I",
            "Surabaya II",
            "Sidoarjo",
            "Malang",
            "Kediri",
            "Madiun",
            "Jember",
            "Banyuwangi",
            "Pamekasan",
            "Bojonegoro",
            "Blitar",
            "Pasuruan",
            "Probolinggo",
            "Mojokerto",
            "Bondowoso",
            "Pacitan",
        ],
    ),
    ("Bali", ["Denpasar", "Singaraja", "Amlapura"]),
    ("Nusa Tenggara Barat", ["Mataram", "Selong", "Sumbawa Besar", "Bima"]),
    (
        "Nusa Tenggara Timur",
        ["Kupang", "Atambua", "Ende", "Ruteng", "Waingapu", "Larantuka", "Kalabahi"],
    ),
    (
        "Kalimantan Barat",
        ["Pontianak", "Singkawang", "Sanggau", "Sintang", "Ketapang", "Putussibau"],
    ),
    (
        "Kalimantan Tengah",
        ["Palangka Raya", "Sampit", "Pangkalan Bun", "Kuala Kapuas", "Buntok", "Muara Teweh"],
    ),
    ("Kalimantan Selatan", ["Banjarmasin", "Kotabaru", "Barabai", "Tanjung"]),
    ("Kalimantan Timur", ["Samarinda", "Balikpapan", "Tanah Grogot", "Tanjung Redeb"]),
    ("Kalimantan Utara", ["Tarakan", "Tanjung Selor", "Nunukan", "Malinau"]),
    ("Sulawesi Utara", ["Manado", "Bitung", "Kotamobagu", "Tahuna"]),
    ("Gorontalo", ["Gorontalo", "Marisa"]),
    ("Sulawesi Tengah", ["Palu", "Poso", "Luwuk", "Tolitoli"]),
    (
        "Sulawesi Selatan",
        [
            "Makassar I",
            "Makassar II",
            "Parepare",
            "Palopo",
            "Watampone",
            "Bulukumba",
            "Benteng",
            "Makale",
            "Watansoppeng",
        ],
    ),
    ("Sulawesi Barat", ["Mamuju", "Majene"]),
    ("Sulawesi Tenggara", ["Kendari", "Baubau", "Kolaka", "Raha"]),
    ("Maluku", ["Ambon", "Tual", "Masohi", "Saumlaki", "Namlea"]),
    ("Maluku Utara", ["Ternate", "Tobelo", "Labuha", "Sanana"]),
    ("Papua", ["Jayapura", "Merauke", "Biak", "Nabire", "Timika", "Wamena", "Serui"]),
    ("Papua Barat", ["Manokwari", "Sorong", "Fakfak", "Kaimana"]),
]


def slug(text: str) -> str:
    """``"Tanjung Balai Karimun"`` -> ``"TANJUNG-BALAI-KARIMUN"`` (ASCII, upper case)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Z0-9]+", "-", ascii_text.upper()).strip("-")


def coded(rows, extra_keys=()) -> list[dict]:
    items = []
    for order, row in enumerate(rows, start=1):
        item = {"code": row[0], "name": row[1]}
        for key, value in zip(extra_keys, row[2:], strict=True):
            item[key] = value
        item["sort_order"] = order
        items.append(item)
    return items


def build_offices() -> list[dict]:
    offices = [
        {
            "code": "PUSAT",
            "name": "Kantor Pusat Direktorat Jenderal Perbendaharaan",
            "kind": "PUSAT",
            "parent_code": None,
            "province": None,
        }
    ]
    for province, kppns in KANWIL_KPPN:
        kanwil_code = f"KANWIL-{slug(province)}"
        offices.append(
            {
                "code": kanwil_code,
                "name": f"Kanwil DJPb Provinsi {province}",
                "kind": "KANWIL",
                "parent_code": "PUSAT",
                "province": province,
            }
        )
        for city in kppns:
            offices.append(
                {
                    "code": f"KPPN-{slug(city)}",
                    "name": f"KPPN {city}",
                    "kind": "KPPN",
                    "parent_code": kanwil_code,
                    "province": province,
                }
            )
    return offices


def build() -> dict:
    departments = coded(DEPARTMENTS, ("name_en",))
    sla = []
    for dept, _name, _en in DEPARTMENTS:
        for prio, _pname, _pen in PRIORITIES:
            response, resolve = SLA_OVERRIDES.get((dept, prio), SLA_BASE[prio])
            sla.append(
                {
                    "department": dept,
                    "priority": prio,
                    "response_minutes": response,
                    "resolve_minutes": resolve,
                }
            )
    offices = build_offices()
    return {
        "_source": SOURCE_NOTE,
        "_note": (
            "Bundled seed for the desk and the hub. Office codes and SLA minutes are SAMPLE "
            "values made for this project; see _source and hai_contract/reference/README.md."
        ),
        "version": 1,
        "desk_version": "0.1.0",
        "departments": departments,
        "channels": coded(CHANNELS, ("name_en",)),
        "applications": coded(APPLICATIONS, ("description",)),
        "offices": offices,
        "priorities": coded(PRIORITIES, ("name_en",)),
        "sla": sla,
        "broadcast_kinds": coded(BROADCAST_KINDS, ("name_en",)),
        "attachment_rules": attachments.as_reference(),
        "email_domains": list(emails.OFFICIAL_DOMAINS),
        "limits": limits.as_reference(),
        "out_of_scope_reasons": coded(OUT_OF_SCOPE_REASONS, ("name_en", "decree_text")),
        "outcomes": coded(OUTCOMES, ("name_en",)),
    }


def check_codes(data: dict) -> None:
    """The named lists carry exactly the contract's codes, in its order."""
    for key in (
        "departments",
        "channels",
        "priorities",
        "broadcast_kinds",
        "outcomes",
        "out_of_scope_reasons",
    ):
        found = tuple(item["code"] for item in data[key])
        assert found == codes.ALL[key], f"{key}: {found} is not the contract's {codes.ALL[key]}"


def main() -> None:
    data = build()
    check_codes(data)
    codes = [o["code"] for o in data["offices"]]
    assert len(codes) == len(set(codes)), "duplicate office code"
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    kinds = {k: sum(o["kind"] == k for o in data["offices"]) for k in ("PUSAT", "KANWIL", "KPPN")}
    print(f"wrote {OUT} ({kinds})")


if __name__ == "__main__":
    main()
