"""User-interface language: our own catalogue plus Qt's, chosen from a setting or the system locale.

The catalogues are compiled at build time (``make i18n``: pyside6-lrelease turns resources/i18n/*.ts
into .qm beside them); the .ts files are the committed source. Qt's own dialogs (file dialog buttons,
print preview, message boxes) are translated by Qt's ``qtbase_<lang>.qm`` shipped with PySide6.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

SUPPORTED = ("en", "fr")
CATALOGUE = "draftcompare"


def i18n_dir() -> Path:
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent.parent))
    return base / "resources" / "i18n"


def resolve_language(setting: str = "system") -> str:
    """"system" follows the desktop locale; anything unsupported falls back to English."""
    lang = QLocale.system().name().split("_")[0] if setting in ("", "system") else setting
    return lang if lang in SUPPORTED else "en"


def interface_language() -> str:
    """The language the interface is shown in ("en", "fr"): the one of our installed catalogue, which
    says it itself (its "Language" entry translates "en" into its own code, as Qt's catalogues say their
    layout direction), so it is right whoever installed the translators. The window writes its
    deliverables (sheet, annotated file) and words its findings in this language."""
    lang = QCoreApplication.translate("Language", "en", "code of the interface language: fr for French")
    return lang if lang in SUPPORTED else "en"


_installed: list[QTranslator] = []


class QtGaps(QTranslator):
    """The few strings of Qt's own dialogs that Qt 6's ``qtbase_<lang>.qm`` lacks (Qt 6 added access
    keys to them, so the old translations no longer match): without it the file dialog says "Look in:"
    beside "Nom de fichier :". Asked after Qt's catalogue and before ours; None (a null string, not an
    empty one) passes the question on."""

    STRINGS = {"fr": {("QFileDialog", "&Look in:"): "&Voir dans\u00a0:",
                      ("QFileDialog", "Files of &type:"): "Fichiers de &type\u00a0:",
                      ("QPrintPreviewDialog", "Close"): "Fermer"}}

    def __init__(self, language: str, parent=None) -> None:
        super().__init__(parent)
        self._strings = self.STRINGS.get(language, {})

    def translate(self, context, source_text, disambiguation=None, n=-1):   # noqa: D401 (Qt's signature)
        return self._strings.get((context, source_text))

    def isEmpty(self) -> bool:
        return not self._strings


def install_translators(app: QCoreApplication, setting: str = "system") -> str:
    """Install (or replace) the translators for the chosen language; returns the language in use."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    lang = resolve_language(setting)
    if lang == "en":
        return lang
    ours = QTranslator(app)
    if ours.load(f"{CATALOGUE}_{lang}", str(i18n_dir())):
        app.installTranslator(ours)
        _installed.append(ours)
    gaps = QtGaps(lang, app)
    if not gaps.isEmpty():
        app.installTranslator(gaps)
        _installed.append(gaps)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase", "qt"):
        qt = QTranslator(app)
        if qt.load(f"{name}_{lang}", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
            break
    QLocale.setDefault(QLocale(lang))
    return lang
