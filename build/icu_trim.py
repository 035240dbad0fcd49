"""Shrink Qt's ICU data library (Linux): keep root, Chinese and English locale data only.

PySide6's wheels carry ``libicudata.so.73`` (32 MB): the data of every locale of the world. The
program needs Chinese and English (and the locale-independent data: properties, normalisation,
break iterators, converters). This takes the data package out of the library, removes the other
locales' resources with ICU's own ``icupkg`` (Debian: icu-devtools), and assembles a new library
with the same soname and symbol. Without icupkg or a C compiler it says so and the full library is
kept (the build is then about 25 MB larger).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

KEEP_LANGS = {"root", "en", "zh"}
_LOCALE_ITEM = re.compile(r"^(?:(\w+)/)?([a-z]{2,3})(?:_\w*)?\.res$")


def _symbol(lib: Path) -> tuple[str, int, int]:
    """Name, file offset and size of the ``icudtNN_dat`` symbol."""
    out = subprocess.run(["objdump", "-T", str(lib)], capture_output=True, text=True, check=True)
    for line in out.stdout.splitlines():
        parts = line.split()
        if parts and re.fullmatch(r"icudt\d+_dat", parts[-1]):
            addr, size = int(parts[0], 16), int(parts[-2], 16)
            return parts[-1], addr, size
    raise RuntimeError("no icudt*_dat symbol")


def _file_offset(lib: Path, addr: int) -> int:
    out = subprocess.run(["readelf", "-lW", str(lib)], capture_output=True, text=True, check=True)
    for line in out.stdout.splitlines():
        parts = line.split()
        if parts and parts[0] == "LOAD":
            offset, vaddr, filesz = int(parts[1], 16), int(parts[2], 16), int(parts[4], 16)
            if vaddr <= addr < vaddr + filesz:
                return addr - vaddr + offset
    raise RuntimeError("symbol outside the loaded segments")


def trim(lib: Path, work: Path) -> Path | None:
    """A trimmed copy of ``lib`` in ``work``, or None (with a message) when tools are missing."""
    tools = [shutil.which(t) for t in ("icupkg", "objdump", "readelf", "cc")]
    if not all(tools):
        print(
            "提示：未找到 icupkg/objdump/readelf/cc"
            "（apt-get install icu-devtools binutils gcc），保留完整 ICU 数据。"
        )
        return None
    work.mkdir(parents=True, exist_ok=True)
    name, addr, size = _symbol(lib)
    raw = lib.read_bytes()
    start = _file_offset(lib, addr)
    full = work / f"{name[:-4]}l.dat"
    full.write_bytes(raw[start : start + size])
    listing = subprocess.run(
        ["icupkg", "-l", str(full)], capture_output=True, text=True, check=True
    ).stdout.split()
    drop = [
        item for item in listing if (m := _LOCALE_ITEM.match(item)) and m.group(2) not in KEEP_LANGS
    ] + [item for item in listing if item.startswith(("translit/", "rbnf/"))]
    drop_list = work / "drop.txt"
    drop_list.write_text("\n".join(drop) + "\n")
    small = work / f"{name[:-4]}l-small.dat"
    subprocess.run(
        ["icupkg", "-r", str(drop_list), str(full), str(small)], check=True, capture_output=True
    )
    asm = work / "icudata.S"
    asm.write_text(
        "\t.section .rodata\n"
        f"\t.globl {name}\n\t.type {name}, @object\n\t.balign 16\n"
        f'{name}:\n\t.incbin "{small}"\n\t.size {name}, .-{name}\n'
        '\t.section .note.GNU-stack,"",@progbits\n'
    )
    out = work / lib.name
    subprocess.run(
        ["cc", "-shared", "-nostdlib", "-o", str(out), f"-Wl,-soname,{lib.name}", str(asm)],
        check=True,
    )
    small_mb = small.stat().st_size / 1e6
    print(f"ICU data: {size / 1e6:.1f} MB -> {small_mb:.1f} MB ({len(drop)} items removed)")
    return out
