"""Build the one-folder program with PyInstaller: ``python build/build.py``.

Output: ``dist/XunchaDesk/`` with ``XunchaDesk`` (windowed) and ``xunchadesk-cli`` (console). The
work folder is ``build/work`` (ignored by git). Prints the build time and the folder's size.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "work"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def write_version_info(path: Path) -> None:
    """The Windows version resource (file properties show the program's name and version)."""
    sys.path.insert(0, str(ROOT))
    from app import __version__

    nums = [int(p) for p in __version__.split(".")[:3]] + [0]
    vt = tuple(nums[:4])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={vt}, prodvers={vt}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', 'XunchaDesk'),
      StringStruct('FileDescription', '巡察台 XunchaDesk'),
      StringStruct('FileVersion', '{__version__}'),
      StringStruct('ProductName', '巡察台 XunchaDesk'),
      StringStruct('ProductVersion', '{__version__}')])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
""",
        encoding="utf-8",
    )


def main() -> int:
    started = time.monotonic()
    write_version_info(WORK / "version_info.txt")
    shutil.rmtree(DIST / "XunchaDesk", ignore_errors=True)
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level=WARN",
        f"--distpath={DIST}",
        f"--workpath={WORK}",
        str(ROOT / "build" / "xunchadesk.spec"),
    ]
    done = subprocess.run(cmd, cwd=ROOT, check=False)
    if done.returncode != 0:
        print("构建失败（见上方 PyInstaller 输出）。", file=sys.stderr)
        return 1
    out = DIST / "XunchaDesk"
    seconds = time.monotonic() - started
    print(f"built {out} in {seconds:.0f} s, {folder_size(out) / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
