"""公文红: the red of the 发文机关标志 and the red rule, as printers and screens should show it.

GB/T 9704 red is read as Y80 M80 in print (CMYK 0, 0.8, 0.8, 0). Written as plain DeviceCMYK, a
viewer turns that into a light orange red on screen (#F04338 in poppler), nothing like the 公文红
people expect (#E60012). So the red is written as a DeviceN colour of the two process inks
Magenta and Yellow at 80 % each: a press or a CMYK printer puts exactly M80 Y80 on the paper, and a
viewer (or a desktop printer driven in RGB) uses the colour's alternate, an RGB tint transform
that gives #E60012 at 80 %.

Only :func:`set_fill` / :func:`set_stroke` know how to write it; elsewhere :data:`RED` behaves as
the plain CMYK colour it stands for.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import CMYKColor, Color
from reportlab.pdfbase.pdfdoc import PDFArrayCompact, PDFDictionary, PDFName, PDFStream

__all__ = ["RED", "SCREEN_RED", "ProcessRed", "set_fill", "set_stroke"]

SCREEN_RED = (0xE6, 0x00, 0x12)
"""How the red shows on screen (#E60012)."""
_TINT = 0.8
_NAME = "XDGongwenRed"


class ProcessRed(CMYKColor):  # type: ignore[misc]
    """M80 Y80 (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__(0, _TINT, _TINT, 0)


RED: Color = ProcessRed()


def _tint_transform() -> str:
    """PostScript calculator function: (m, y) → (r, g, b), #E60012 at m = y = 0.8.

    Linear in each tint from white; values below 0 are clipped by the function's Range.
    """
    r, g, b = (1 - c / 255 for c in SCREEN_RED)
    kr, kg, kb = r / _TINT, g / _TINT, b / _TINT
    return (
        f"{{ {kb:.4f} mul 1 exch sub "  # m  B
        f"exch dup {kr:.4f} mul 1 exch sub "  # B  m  R
        f"exch {kg:.4f} mul 1 exch sub "  # B  R  G
        "3 -1 roll }"  # R  G  B
    )


def _colour_space(canv: Any) -> str:
    """Register the DeviceN space with the document and the page (once); return its name."""
    doc = canv._doc
    if _NAME not in doc.idToObject:
        space = PDFArrayCompact(
            (
                PDFName("DeviceN"),
                PDFArrayCompact((PDFName("Magenta"), PDFName("Yellow"))),
                PDFName("DeviceRGB"),
                PDFStream(
                    dictionary=PDFDictionary(
                        {
                            "FunctionType": 4,
                            "Domain": PDFArrayCompact((0, 1, 0, 1)),
                            "Range": PDFArrayCompact((0, 1, 0, 1, 0, 1)),
                        }
                    ),
                    content=_tint_transform(),
                    filters=None,
                ),
            )
        )
        doc.Reference(space, _NAME)
    canv._colorsUsed[_NAME] = _NAME
    return _NAME


def set_fill(canv: Any, color: Color) -> None:
    """``canv.setFillColor(color)``, writing :data:`RED` as M80 Y80."""
    if isinstance(color, ProcessRed):
        canv._code.append(f"/{_colour_space(canv)} cs {_TINT} {_TINT} scn")
        canv._fillColorObj = color
    else:
        canv.setFillColor(color)


def set_stroke(canv: Any, color: Color) -> None:
    """``canv.setStrokeColor(color)``, writing :data:`RED` as M80 Y80."""
    if isinstance(color, ProcessRed):
        canv._code.append(f"/{_colour_space(canv)} CS {_TINT} {_TINT} SCN")
        canv._strokeColorObj = color
    else:
        canv.setStrokeColor(color)
