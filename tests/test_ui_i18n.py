"""French interface: our catalogue (compiled from resources/i18n/*.ts at build time) and Qt's own."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.ui.i18n import install_translators, resolve_language
from test_ui_main_window import make_window




def test_menus_are_translated(qtbot, tmp_path, french):
    window = make_window(qtbot, tmp_path)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Fichier", "É&dition", "&Affichage", "&Aide"]
    assert window.act_next.text() == "Modification &suivante" and window.act_next.shortcut().toString() == "F8"
    assert window.side_tabs.tabText(2) == "Notes"
    from widgets.compare_view import _header
    assert _header(window.view.draft_header.text(), "/x/L.12.docx") == "Projet\u202f: L.12.docx"   # French colon
    window.close()


def test_qt_own_dialogs_are_translated(french):
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"


def test_english_is_the_fallback(qtbot, tmp_path, qapp):
    assert resolve_language("de") == "en"
    install_translators(qapp, "en")
    window = make_window(qtbot, tmp_path)
    assert [a.text() for a in window.menuBar().actions()][0] == "&File"
    window.close()


def test_every_string_of_the_french_catalogue_is_translated():
    from lxml import etree
    from conftest import ROOT
    tree = etree.parse(str(ROOT / "resources" / "i18n" / "draftcompare_fr.ts"))
    missing = [m.findtext("source") for m in tree.iter("message")
               if m.find("translation").get("type") == "unfinished"]
    assert missing == [], "add these to resources/i18n/fill_fr.py"


def test_qt_file_dialog_is_wholly_french(french):
    """Issue #16: Qt 6's own catalogue lacks "&Look in:" and "Files of &type:" (app.ui.i18n.QtGaps)."""
    from PySide6.QtWidgets import QFileDialog, QLabel
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert labels and not any(word in text for text in labels for word in ("Look", "Files", "name"))
    assert QCoreApplication.translate("OptionsDialog", "Ignore &case") != "Ignore &case"   # ours still answer
