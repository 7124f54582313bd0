"""The Windows version resource of hai-desktop.exe (Explorer's Properties > Details), built
from the pyproject version as a PyInstaller version file (the text form PyInstaller reads on
Windows; its classes cannot be imported elsewhere, so the text is written here and the
tests check it on Linux)."""

from __future__ import annotations

from pathlib import Path

COMPANY = "Direktorat Jenderal Perbendaharaan"
DESCRIPTION = "HAI Desk - meja layanan CSO HAI-DJPBN"


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """ "1.2.3" -> (1, 2, 3, 0); a suffix such as "rc1" or "+local" is dropped."""
    numbers = []
    for part in version.split("+")[0].split(".")[:4]:
        digits = ""
        for ch in part:
            if not ch.isdigit():
                break
            digits += ch
        numbers.append(int(digits) if digits else 0)
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def version_file_text(version: str, exe_name: str = "hai-desktop.exe") -> str:
    numbers = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": exe_name.removesuffix(".exe"),
        "LegalCopyright": COMPANY,
        "OriginalFilename": exe_name,
        "ProductName": "HAI Desk",
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
{table}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200])])
  ]
)
"""


def write_version_file(version: str, folder: Path, exe_name: str = "hai-desktop.exe") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{exe_name}.version.txt"
    path.write_text(version_file_text(version, exe_name), encoding="utf-8")
    return path
