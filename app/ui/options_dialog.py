"""Options: how to compare (CompareOptions), which palette, who signs the tracked changes."""
from __future__ import annotations

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFontComboBox, QFormLayout, QGroupBox, QLineEdit, QSpinBox,
    QVBoxLayout, QWidget,
)

from app.core.model import CompareOptions
from app.core.options import COMPARE_OPTIONS, options_from
from app.ui.settings import Config
from widgets.palette import PALETTES

class OptionsDialog(QDialog):
    def __init__(self, config: Config, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Options"))
        self.config = config
        options = config.compare_options()

        compare = QGroupBox(self.tr("Comparison"))
        form = QFormLayout(compare)
        self.checks: dict[str, QCheckBox] = {}
        self.choices: dict[str, QComboBox] = {}
        for spec in COMPARE_OPTIONS:             # one declaration of the options (app.core.options)
            if spec.choices:
                combo = QComboBox()
                combo.setObjectName(spec.name)
                for value, title in spec.choices:
                    combo.addItem(self.tr(title), value)
                combo.setCurrentIndex(max(0, combo.findData(getattr(options, spec.name))))
                self.choices[spec.name] = combo
                form.addRow(self.tr(spec.title), combo)
            else:
                box = QCheckBox(self.tr(spec.title))
                box.setChecked(getattr(options, spec.name))
                box.setObjectName(spec.name)
                self.checks[spec.name] = box
                form.addRow(box)
        self.cross = self.choices["cross_language"]

        view = QGroupBox(self.tr("Display and export"))
        vform = QFormLayout(view)
        self.palette_box = QComboBox()
        for palette in PALETTES.values():
            self.palette_box.addItem(palette.display_title, palette.name)
        self.palette_box.setCurrentIndex(max(0, self.palette_box.findData(config["palette"])))
        vform.addRow(self.tr("Colour &palette:"), self.palette_box)
        self.author = QLineEdit(config["author"])
        self.author.setPlaceholderText(config.author())
        vform.addRow(self.tr("&Author of tracked changes:"), self.author)
        self.colour_edits: dict[str, QLineEdit] = {}
        for key, title in (("deleted", self.tr("&Deleted words colour:")), ("inserted", self.tr("&Inserted words colour:"))):
            edit = QLineEdit(config[f"{key}_colour"])
            edit.setPlaceholderText(self.tr("palette colour, or #rrggbb"))
            self.colour_edits[key] = edit
            vform.addRow(title, edit)
        self.font_box = QFontComboBox()
        if config["font_family"]:
            self.font_box.setCurrentFont(QFont(config["font_family"]))
        vform.addRow(self.tr("Text &font:"), self.font_box)
        self.size_box = QSpinBox()
        self.size_box.setRange(0, 48)
        self.size_box.setSpecialValueText(self.tr("System size"))
        self.size_box.setSuffix(" pt")
        self.size_box.setValue(config["font_size"])
        vform.addRow(self.tr("Text si&ze:"), self.size_box)
        self.language_box = QComboBox()
        for value, title in (("system", self.tr("System language")), ("en", "English"), ("fr", "Français")):
            self.language_box.addItem(title, value)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(config["language"])))
        vform.addRow(self.tr("Interface &language (after restart):"), self.language_box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(compare)
        layout.addWidget(view)
        layout.addWidget(buttons)

    def compare_options(self) -> CompareOptions:
        values: dict = {name: box.isChecked() for name, box in self.checks.items()}
        values.update({name: combo.currentData() for name, combo in self.choices.items()})
        return options_from(values)

    def accept(self) -> None:
        self.config.set_compare_options(self.compare_options())
        self.config["palette"] = self.palette_box.currentData()
        self.config["author"] = self.author.text().strip()
        for key, edit in self.colour_edits.items():
            text = edit.text().strip()
            self.config[f"{key}_colour"] = text if QColor.isValidColorName(text) else ""
        self.config["font_family"] = self.font_box.currentFont().family()
        self.config["font_size"] = self.size_box.value()
        self.config["language"] = self.language_box.currentData()
        super().accept()
