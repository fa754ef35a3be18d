"""What an .xlsx file must be before its parts are unpacked: a zip archive holding an Excel
workbook, of parts that unpack to a size a real export has.

An .xlsx is a zip of deflated XML parts. Deflate packs a run of the same bytes about
1,000:1, so a file of a few megabytes can unpack to gigabytes (a "zip bomb"): python-calamine
then reads a sheet of a gigabyte into memory (minutes, then the process is killed or aborts).
The archive's central directory says what each part unpacks to; both readers of the parts
stop where it says (zipfile: then checks the checksum; calamine's zip reader: "File is
larger than its declared uncompressed size"), so bounding the declared sizes before
anything is unpacked bounds what is read.

The bounds are generous for real exports: a KoboToolbox export of 10,000 submissions of the
self-identification form (bench/import_answers.py) is a 5.5 MB file whose sheet unpacks to
71 MB, 12.8 times its packed size.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from commkit.errors import ContentError, Diagnostic

__all__ = [
    "MAX_PARTS",
    "MAX_RATIO",
    "MAX_UNPACKED_BYTES",
    "RATIO_FROM_BYTES",
    "refuse_unsafe",
    "what_it_is",
]

MAX_UNPACKED_BYTES = 512 << 20
"""What all parts of a workbook may unpack to: about 75,000 submissions of the checklist's
form (a real export of 10,000 unpacks to 71 MB); an export larger than this is read as CSV,
which streams."""
MAX_RATIO = 100
"""How many times its packed size a large part may unpack to: real sheets 5-13 times, a
sheet of one repeated cell about 340 times, a run of one byte about 1,000 times."""
RATIO_FROM_BYTES = 1 << 20
"""Parts smaller than this unpack to what they may: tiny parts pack at any ratio."""
MAX_PARTS = 10_000
"""Parts in one archive: a workbook has a dozen, a few hundred with pictures."""

MB = 1 << 20
_TOO_LARGE = (
    "the workbook unpacks to {size} MB, over the {limit} MB an .xlsx may unpack to: "
    "export the answers as CSV, or in parts"
)
_PACKED_TOO_TIGHT = (
    "part {part} unpacks to {n} times its packed size (real exports: {limit} times at most): "
    "the file is damaged or made to fill the memory (a zip bomb); export the answers again"
)
_TOO_MANY_PARTS = (
    "the archive holds {n} parts, over the {limit} a workbook may hold: "
    "the file is damaged or not an export; export the answers again"
)
_NO_WORKBOOK = (
    "a zip archive with no Excel workbook in it (no xl/workbook.xml): "
    "give the .xlsx file of the export"
)
_ODS = (
    "an OpenDocument spreadsheet (.ods) named .xlsx: save it as an Excel workbook (.xlsx) or as CSV"
)
_XLS = (
    "an Excel 97-2003 workbook (.xls) named .xlsx: save it as an Excel workbook (.xlsx) or as CSV"
)
_TEXT = "a text file named .xlsx: if it is a CSV export, name it .csv"


def refuse_unsafe(archive: zipfile.ZipFile, path: Path) -> None:
    """A :class:`ContentError` unless every part of ``archive`` unpacks within the bounds
    and it holds a workbook; reads the central directory only (no part is unpacked)."""
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        _refuse(path, _TOO_MANY_PARTS.format(n=f"{len(parts):,}", limit=f"{MAX_PARTS:,}"))
    total = 0
    for part in parts:
        total += part.file_size
        if part.file_size >= RATIO_FROM_BYTES and part.file_size > MAX_RATIO * part.compress_size:
            ratio = part.file_size // max(part.compress_size, 1)
            _refuse(
                path,
                _PACKED_TOO_TIGHT.format(part=part.filename, n=f"{ratio:,}", limit=MAX_RATIO),
            )
    if total > MAX_UNPACKED_BYTES:
        size, limit = total // MB, MAX_UNPACKED_BYTES // MB
        _refuse(path, _TOO_LARGE.format(size=f"{size:,}", limit=f"{limit:,}"))
    names = {part.filename for part in parts}
    if "xl/workbook.xml" not in names:
        ods = "mimetype" in names and b"opendocument" in archive.read("mimetype")[:200]
        _refuse(path, _ODS if ods else _NO_WORKBOOK)


def what_it_is(path: Path) -> str | None:
    """What a file that is not a zip archive seems to be, by its first bytes (``None``:
    damaged, or unknown)."""
    try:
        with path.open("rb") as stream:
            head = stream.read(4096)
    except OSError:
        return None
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # the OLE2 compound file of .xls
        return _XLS
    if head and b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:  # not a character cut at the end of the sample
                return None
        return _TEXT
    return None


def _refuse(path: Path, message: str) -> None:
    raise ContentError("", [Diagnostic(message, file=path)])
