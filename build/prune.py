"""What the frozen build leaves out: Qt modules, plugins and translations the program never uses.

Kept: QtCore, QtGui, QtWidgets, QtPdf, QtPdfWidgets, QtPrintSupport, QtSvg (icons), QtNetwork
(QtPdf links the library; the window uses QLocalServer/QLocalSocket, local only, so that one
workspace has one window); the platform
plugins (offscreen for tests and --smoke, xcb/wayland on Linux, windows on Windows, cocoa on macOS),
image formats the program reads (jpeg, png via QtGui, svg, ico), print support; translations only
for zh_CN. Everything else of PySide6-Essentials/-Addons (Qml, Quick, WebSockets, 3D …)
goes.
"""

from __future__ import annotations

import re
import sys

EXCLUDED_MODULES = [
    "tkinter",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDBus",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtMultimedia",
    "PySide6.QtWebEngineCore",
    "pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "IPython",
    "numpy",
    "PIL._avif",
    "ssl",
    "_ssl",
    "_hashlib",
    "PIL.ImageQt",
    "PIL.ImageTk",
    # jieba: only its tokenizer and dictionary are used (app/services/reading.py), never the
    # paddle model, keyword extraction or part-of-speech tagging
    "jieba.lac_small",
    "jieba.analyse",
    "jieba.posseg",
    "paddle",
]
_DROP_DATA = re.compile(r"^jieba[/\\](lac_small|analyse|posseg)[/\\]")

_DROP_QT_LIBS = re.compile(
    r"Qt6?(Qml|Quick|OpenGL|Sql|Test|Xml|Designer|Help|UiTools|Multimedia|WebEngine|"
    r"VirtualKeyboard|ShaderTools|3D|Charts|DataVisualization|Graphs|Location|Positioning|"
    r"RemoteObjects|Scxml|Sensors|SerialPort|SpatialAudio|StateMachine|TextToSpeech|WebChannel|"
    r"WebSockets|HttpServer|Bluetooth|Nfc|Concurrent|Labs)",
    re.IGNORECASE,
)
_DROP_PLUGIN_DIRS = re.compile(
    r"plugins[/\\](qmltooling|networkinformation|tls|sqldrivers|generic|position|sensors|"
    r"canbus|multimedia|webview|designer|scenegraph|sceneparsers|texttospeech|assetimporters|"
    r"renderers|geometryloaders|qmllint|platformthemes|egldeviceintegrations|"
    r"xcbglintegrations|wayland-graphics-integration-client)"
    r"|plugins[/\\]platforms[/\\][^/\\]*(eglfs|linuxfb|minimal|vkkhrdisplay|vnc)"
    r"|plugins[/\\]imageformats[/\\][^/\\]*(icns|tga|tiff|wbmp|webp|gif|pdf)"
)
_DROP_LIBS = re.compile(r"^(libavif|libQt6EglFS|libQt6EglFsKms|libgtk|libgdk-3|libatk)")
# Libraries of the Linux desktop itself: every system that can show a window has them, and a copy
# from the build machine can only disagree with the running session (dbus, systemd, X, glib).
_LINUX_SYSTEM_LIBS = re.compile(
    r"^lib(X11|X11-xcb|Xau|Xdmcp|xcb[-\w]*|glib-2\.0|gio-2\.0|gobject-2\.0|gthread-2\.0|gmodule-2\.0|"
    r"systemd|gcrypt|gpg-error|krb5|krb5support|k5crypto|gssapi_krb5|com_err|keyutils|cairo|"
    r"cairo-gobject|pango-1\.0|pangocairo-1\.0|pangoft2-1\.0|gdk_pixbuf-2\.0|dbus-1|fontconfig|"
    r"freetype|expat|pixman-1|blkid|mount|selinux|pcre2-8|ffi|wayland-[\w]+|xkbcommon[-\w]*|"
    r"EGL|GL|GLX|GLdispatch|OpenGL|bsd|md|cap|lz4|uuid|harfbuzz|graphite2|fribidi|thai|datrie|"
    r"png16|brotli\w*|cups|gnutls|p11-kit|unistring|nettle|hogweed|gmp|tasn1|idn2|avahi-\w+|"
    r"gssapi|sasl2|ldap\w*|lber\w*)\.so"
)
_TRANSLATION = re.compile(r"translations[/\\](\w+?)_([a-z]{2}(_[A-Z]{2})?)\.qm$")


def keep_binary(dest: str) -> bool:
    name = dest.replace("\\", "/").rsplit("/", 1)[-1]
    if _DROP_PLUGIN_DIRS.search(dest) or _DROP_LIBS.search(name):
        return False
    if sys.platform.startswith("linux") and "/" not in dest.replace("\\", "/").strip("/"):
        if _LINUX_SYSTEM_LIBS.search(name):
            return False
    return not _DROP_QT_LIBS.search(name)


def keep_data(dest: str) -> bool:
    m = _TRANSLATION.search(dest)
    if m and "PySide6" in dest:
        return m.group(1) == "qtbase" and m.group(2) == "zh_CN"
    if _DROP_PLUGIN_DIRS.search(dest) or _DROP_DATA.search(dest):
        return False
    return not (dest.replace("\\", "/").startswith("PySide6/Qt/qml") or "/typesystems/" in dest)
