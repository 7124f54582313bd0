"""Attachments at the desk: the rules (size, type, real content) and the content-addressed
store (``attachments/ab/abcdef…`` by SHA-256 under the profile's folder). No Qt.

A chosen file is checked when chosen (:func:`check_file`: the user hears at once why a file
is refused) and copied into the store when the ticket is saved (:func:`store`). The copy is
hashed while it is written and compared with the hash taken when the file was chosen, so a
file that vanished or changed in between is refused then (nothing is queued), and a file
deleted or changed *after* saving no longer matters: the store holds its own copy.

Refusals carry a code (:data:`REFUSALS` has the Indonesian words) and details.
"""

from __future__ import annotations

import contextlib
import hashlib
import mimetypes
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hai_contract import attachments as rules
from hai_desktop.core import reference
from hai_desktop.core.db.models import Attachment, database_proxy
from hai_desktop.core.errors import HaiError
from hai_desktop.core.timeutil import utc_now

READ_BLOCK = 1024 * 1024

# code -> Indonesian text ({placeholders} from the refusal's details).
REFUSALS: dict[str, str] = {
    "too_large": "Berkas {filename} terlalu besar ({size_mb} MB). Lampiran paling besar {max_mb} MB.",
    "type_not_allowed": ("Jenis berkas .{extension} tidak diizinkan. Yang diizinkan: {allowed}."),
    "no_extension": "Berkas {filename} tidak berekstensi. Yang diizinkan: {allowed}.",
    "content_mismatch": (
        "Isi berkas {filename} bukan {extension_upper} (misalnya program yang diganti "
        "namanya). Berkas ditolak."
    ),
    "missing": "Berkas {filename} tidak ditemukan lagi (dipindah atau dihapus). Pilih ulang.",
    "changed": "Berkas {filename} berubah sejak dipilih. Pilih ulang berkasnya.",
    "unreadable": "Berkas {filename} tidak dapat dibaca.",
    "not_a_file": "{filename} bukan berkas (misalnya sebuah folder).",
}


class AttachmentRefused(HaiError):
    """A file that may not be attached: ``code`` (see :data:`REFUSALS`) and details."""

    def __init__(self, code: str, filename: str, **details: Any) -> None:
        self.code = code
        self.filename = filename
        self.details = {"filename": filename, **details}
        super().__init__(f"{code}: {filename}")

    def message(self) -> str:
        """The refusal in Indonesian."""
        return refusal_message(self.code, self.details)


def refusal_message(code: str, details: dict[str, Any]) -> str:
    """The Indonesian text of a refusal code with its details filled in."""
    template = REFUSALS.get(code, code)
    try:
        return template.format(**details)
    except (KeyError, IndexError):
        return template


@dataclass(frozen=True)
class ChosenFile:
    """A file the user picked, as it was when checked."""

    path: Path
    filename: str
    size: int
    sha256: str
    extension: str
    mtime_ns: int = 0
    content_type: str | None = field(default=None)


def limits() -> tuple[int, tuple[str, ...]]:
    """(max bytes, allowed extensions): the hub's reference data, else the contract's."""
    ref = {}
    with contextlib.suppress(Exception):  # no database bound (a bare check from a script)
        ref = reference.value("attachment_rules") or {}
    max_bytes = int(ref.get("max_bytes") or rules.MAX_BYTES)
    allowed = tuple(e.lower() for e in ref.get("allowed_extensions") or rules.EXTENSIONS)
    return max_bytes, allowed


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.2f}".rstrip("0").rstrip(".").replace(".", ",")


def check_file(path: Path | str) -> ChosenFile:
    """Check a chosen file against the attachment rules; raise :class:`AttachmentRefused`."""
    path = Path(path)
    filename = rules.safe_filename(path.name)
    max_bytes, allowed = limits()
    try:
        st = path.stat()
    except FileNotFoundError:
        raise AttachmentRefused("missing", filename) from None
    except OSError:
        raise AttachmentRefused("unreadable", filename) from None
    if not path.is_file():
        raise AttachmentRefused("not_a_file", filename)
    ext = rules.extension_of(filename)
    allowed_text = ", ".join(allowed)
    if not ext:
        raise AttachmentRefused("no_extension", filename, allowed=allowed_text)
    if ext not in allowed:
        raise AttachmentRefused("type_not_allowed", filename, extension=ext, allowed=allowed_text)
    if st.st_size > max_bytes:
        raise AttachmentRefused(
            "too_large",
            filename,
            size=st.st_size,
            max_bytes=max_bytes,
            size_mb=_mb(st.st_size),
            max_mb=_mb(max_bytes),
        )
    digest = hashlib.sha256()
    head = b""
    try:
        with open(path, "rb") as f:
            while block := f.read(READ_BLOCK):
                if not head:
                    head = block[: rules.HEAD_BYTES]
                digest.update(block)
    except FileNotFoundError:
        raise AttachmentRefused("missing", filename) from None
    except OSError:
        raise AttachmentRefused("unreadable", filename) from None
    if not rules.content_matches(ext, head):
        raise AttachmentRefused(
            "content_mismatch", filename, extension=ext, extension_upper=ext.upper()
        )
    return ChosenFile(
        path=path,
        filename=filename,
        size=st.st_size,
        sha256=digest.hexdigest(),
        extension=ext,
        mtime_ns=st.st_mtime_ns,
        content_type=rules.CONTENT_TYPES.get(ext) or mimetypes.guess_type(filename)[0],
    )


def store_root() -> Path:
    """The bound profile's attachment store (beside its database)."""
    return Path(database_proxy.obj.database).parent / "attachments"


def path_for(sha256: str, root: Path | None = None) -> Path:
    """Where a file's bytes sit in the store."""
    return (root or store_root()) / sha256[:2] / sha256


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_bytes_to_store(sha256: str, source: Any, root: Path | None = None) -> None:
    """Copy a stream into the store under ``sha256``, checking the hash as it is written
    (temp file, fsync, rename, fsync the folder). Raises ``ValueError`` on a mismatch."""
    target = path_for(sha256, root)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{sha256[:12]}.", suffix=".tmp")
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as out:
            while block := source.read(READ_BLOCK):
                digest.update(block)
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != sha256:
            raise ValueError("hash mismatch")
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(target.parent)


def store(chosen: ChosenFile, root: Path | None = None) -> str:
    """Copy a chosen file into the store (before the save's transaction); returns its hash.

    Raises :class:`AttachmentRefused` (``missing`` / ``changed``) when the file is gone or
    is no longer the file that was checked.
    """
    target = path_for(chosen.sha256, root)
    if target.is_file() and target.stat().st_size == chosen.size:
        return chosen.sha256  # the same content is already held (content-addressed)
    try:
        with open(chosen.path, "rb") as f:
            write_bytes_to_store(chosen.sha256, f, root)
    except FileNotFoundError:
        raise AttachmentRefused("missing", chosen.filename) from None
    except ValueError:
        raise AttachmentRefused("changed", chosen.filename) from None
    except OSError:
        raise AttachmentRefused("unreadable", chosen.filename) from None
    return chosen.sha256


def record(chosen: ChosenFile) -> Attachment:
    """The file's row (call inside the save's transaction)."""
    Attachment.insert(
        sha256=chosen.sha256,
        filename=chosen.filename,
        size=chosen.size,
        content_type=chosen.content_type,
        stored=True,
        uploaded=False,
        upload_offset=0,
        created_at=utc_now(),
    ).on_conflict(conflict_target=[Attachment.sha256], update={Attachment.stored: True}).execute()
    return Attachment.get_by_id(chosen.sha256)


def note_remote(sha256: str, filename: str, size: int | None = None) -> None:
    """A file the centre named (a reply's attachment): known, not yet on this desk."""
    Attachment.insert(
        sha256=sha256,
        filename=rules.safe_filename(filename),
        size=int(size or 0),
        stored=False,
        uploaded=False,
        created_at=utc_now(),
    ).on_conflict_ignore().execute()


def needs_upload(sha256: str) -> bool:
    """Has this office not yet uploaded the file (the hub lets an office name only its own
    uploads, so a reply's file attached again is uploaded again)?"""
    row = Attachment.get_or_none(Attachment.sha256 == sha256)
    return row is None or not row.uploaded


def get(sha256: str) -> Attachment | None:
    return Attachment.get_or_none(Attachment.sha256 == sha256)


def is_stored(sha256: str) -> bool:
    """Are the file's bytes on this desk (checked on disk, not only in the index)?"""
    return path_for(sha256).is_file()
