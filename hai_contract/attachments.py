"""Attachment rules (decree Lampiran II.6): at most 15 MB, a clean list of types, and the
content must be what its extension says (magic bytes)."""

from __future__ import annotations

MAX_BYTES = 15 * 1024 * 1024  # "15.00 MB" read as 15 x 1024 x 1024 bytes
EXTENSIONS = (
    "doc",
    "docx",
    "gif",
    "jpeg",
    "jpg",
    "pdf",
    "png",
    "ppt",
    "pptx",
    "rar",
    "txt",
    "xls",
    "xlsx",
    "zip",
)

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old Office formats
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # zip, and the new Office formats inside one
# The content must start with one of these; ``txt`` has none (it must just not be binary).
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "gif": (b"GIF87a", b"GIF89a"),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "zip": _ZIP,
    "docx": _ZIP,
    "xlsx": _ZIP,
    "pptx": _ZIP,
    "rar": (b"Rar!\x1a\x07",),
    "doc": (_OLE,),
    "xls": (_OLE,),
    "ppt": (_OLE,),
}
# Never accepted, whatever the name says: Windows/ELF/Mach-O executables and scripts.
EXECUTABLE_SIGNATURES = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "gif": "image/gif",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "zip": "application/zip",
    "rar": "application/vnd.rar",
    "txt": "text/plain",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
# Upload-Offset and Upload-Length (resumable uploads): a count of bytes in ASCII digits.
BYTE_COUNT_PATTERN = r"^[0-9]{1,19}$"
HEAD_BYTES = 8192  # how much of the file the content check looks at


def extension_of(filename: str) -> str:
    """The lower-case extension of ``filename`` without the dot ("" when it has none)."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[1].lower() if "." in name else ""


def content_matches(ext: str, head: bytes) -> bool:
    """Does content starting with ``head`` really look like a file of type ``ext``?"""
    if any(head.startswith(m) for m in EXECUTABLE_SIGNATURES):
        return False
    if ext == "txt":
        return b"\x00" not in head[:HEAD_BYTES]
    signatures = SIGNATURES.get(ext)
    return signatures is None or any(head.startswith(s) for s in signatures)


def as_reference() -> dict[str, object]:
    """``attachment_rules`` as ``GET /reference`` shows it."""
    return {"max_bytes": MAX_BYTES, "allowed_extensions": list(EXTENSIONS)}


MAX_NAME_CHARS = 255


def safe_filename(name: str) -> str:
    """The file's own name as the desk sends it and the hub stores it: no directories, no
    ``..``, no control characters, at most 255 characters (shortened before the extension,
    which is kept)."""
    name = name.replace("\\", "/").split("/")[-1]
    name = name.replace("..", "")
    name = "".join(ch for ch in name if ch.isprintable())
    name = name.strip().strip(".") or "file"
    if len(name) > MAX_NAME_CHARS:
        stem, dot, ext = name.rpartition(".")
        if dot and len(ext) <= 10:
            name = stem[: MAX_NAME_CHARS - len(ext) - 1].rstrip() + "." + ext
        else:
            name = name[:MAX_NAME_CHARS]
    return name
