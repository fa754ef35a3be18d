""".xlsx files that decompress to far more than they weigh ("zip bombs"), built in
milliseconds without ever holding what they decompress to.

A workbook's parts are deflated XML. One deflate block of a repeated chunk, ended with a full
flush, owes nothing to what came before it, so the block written N times is a valid stream
of the chunk N times: a sheet of a gigabyte weighs a megabyte and is built as fast. The zip
is written by hand so that its sizes and checksums can say what a hostile file says.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    b'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
    b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>'
)
SHEET_TAIL = b"</sheetData></worksheet>"
STRINGS_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
STRINGS_TAIL = b"</sst>"
MB = 1 << 20


@dataclass
class Part:
    """One member: its deflated bytes, its real size and checksum, and what it declares."""

    name: str
    deflated: bytes
    size: int
    crc: int
    declared_size: int | None = None
    declared_crc: int | None = None


def part(name: str, data: bytes) -> Part:
    """A small member, deflated as it is."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return Part(name, packer.compress(data) + packer.flush(), len(data), zlib.crc32(data))


def repeated(name: str, head: bytes, chunk: bytes, times: int, tail: bytes) -> Part:
    """``head + chunk * times + tail`` deflated, from one block of ``chunk`` repeated."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    last = packer.compress(tail) + packer.flush()
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(chunk) * times + len(tail)
    return Part(name, first + block * times + last, size, crc)


def write_zip(path: Path, parts: list[Part]) -> Path:
    """A zip of ``parts`` (deflated), each with the size and checksum it declares."""
    body, directory = bytearray(), bytearray()
    for p in parts:
        size = p.size if p.declared_size is None else p.declared_size
        crc = p.crc if p.declared_crc is None else p.declared_crc
        name = p.name.encode()
        fields = struct.pack("<HHHHHIIIHH", 20, 0, 8, 0, 0x21, crc, len(p.deflated), size,
                             len(name), 0)  # fmt: skip
        offset = len(body)
        body += b"PK\x03\x04" + fields + name + p.deflated
        directory += (
            b"PK\x01\x02"
            + struct.pack("<H", 20)
            + fields
            + struct.pack("<HHHII", 0, 0, 0, 0, offset)
            + name
        )
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(parts), len(parts),
                      len(directory), len(body), 0)  # fmt: skip
    path.write_bytes(bytes(body + directory + end))
    return path


def frame(sheet: Part, strings: Part | None = None) -> list[Part]:
    """The parts of a one-sheet workbook around ``sheet`` (and ``strings``)."""
    strings = strings or part("xl/sharedStrings.xml", STRINGS_HEAD + STRINGS_TAIL)
    return [
        part("[Content_Types].xml", CONTENT_TYPES),
        part("_rels/.rels", ROOT_RELS),
        part("xl/workbook.xml", WORKBOOK),
        part("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        strings,
        sheet,
    ]


def zero_cells(mb: int) -> Part:
    """A sheet of ``mb`` MB of cells holding 0 (about 1,000:1 deflated)."""
    cells = b'<row><c t="n"><v>0</v></c><c t="n"><v>0</v></c></row>'
    chunk = cells * (MB // len(cells))
    return repeated("xl/worksheets/sheet1.xml", SHEET_HEAD, chunk, mb, SHEET_TAIL)


def zeros_bomb(path: Path, mb: int = 1024) -> Path:
    """A sheet that declares and holds ``mb`` MB of cells."""
    return write_zip(path, frame(zero_cells(mb)))


def large_bomb(path: Path, mb: int, packed_mb: int) -> Path:
    """A sheet that declares ``mb`` MB packed in ``packed_mb`` MB (a ratio a real export may
    have, a size none has); what it holds is never unpacked, so it need not be that."""
    sheet = part("xl/worksheets/sheet1.xml", SHEET_HEAD + SHEET_TAIL)
    sheet.deflated += bytes(packed_mb * MB - len(sheet.deflated))
    sheet.declared_size = mb * MB
    return write_zip(path, frame(sheet))


def lying_bomb(path: Path, mb: int = 1024) -> Path:
    """A sheet that holds ``mb`` MB but declares 4 KB, and the checksum of its first 4 KB:
    a reader that trusts the declared size stops there and finds the checksum right."""
    sheet = zero_cells(mb)
    whole = SHEET_HEAD + b'<row><c t="n"><v>0</v></c><c t="n"><v>0</v></c></row>' * 100
    sheet.declared_size = 4096
    sheet.declared_crc = zlib.crc32(whole[:4096])
    return write_zip(path, frame(sheet))


def many_members_bomb(path: Path, count: int = 60_000) -> Path:
    """A small workbook with ``count`` empty extra members."""
    empty = part("", b"")
    extra = [Part(f"xl/media/m{i}.xml", empty.deflated, 0, empty.crc) for i in range(count)]
    return write_zip(path, frame(part("xl/worksheets/sheet1.xml", SHEET_HEAD + SHEET_TAIL)) + extra)


def strings_bomb(path: Path, mb: int = 1024) -> Path:
    """A sheet of one cell whose shared strings are ``mb`` MB of short texts."""
    item = b"<si><t>aaaaaaaaaaaaaaaa</t></si>"
    strings = repeated(
        "xl/sharedStrings.xml", STRINGS_HEAD, item * (MB // len(item)), mb, STRINGS_TAIL
    )
    sheet = part("xl/worksheets/sheet1.xml", SHEET_HEAD + SHEET_TAIL)
    return write_zip(path, frame(sheet, strings))
