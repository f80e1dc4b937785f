"""The Findings panel: what the cross-check found (figures, dates, symbols, openings, structure).

One row per Finding of ``Comparison.all_findings()``: severity, label of its pair, the finding worded in
the interface language (app.core.messages). Choosing a
row jumps to its pair (document-level findings have none); the list follows the current change like
the change list does, because it is the same view class over another model.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from app.core.messages import describe
from app.core.model import Comparison, Finding, Severity
from app.ui.change_model import pair_label
from app.ui.i18n import interface_language
from widgets.change_list import PAIR_ROLE, ChangeList

FINDING_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = (QT_TRANSLATE_NOOP("FindingsModel", "Severity"), QT_TRANSLATE_NOOP("FindingsModel", "Label"),
           QT_TRANSLATE_NOOP("FindingsModel", "Finding"))
SEVERITY_TITLES = {
    Severity.HIGH: QT_TRANSLATE_NOOP("FindingsModel", "high"),
    Severity.MEDIUM: QT_TRANSLATE_NOOP("FindingsModel", "medium"),
    Severity.LOW: QT_TRANSLATE_NOOP("FindingsModel", "low"),
    Severity.INFO: QT_TRANSLATE_NOOP("FindingsModel", "info"),
}
# Dark enough for a swatch on white and told apart by the word beside it, not by colour alone.
SEVERITY_COLOURS = {Severity.HIGH: "#c62828", Severity.MEDIUM: "#e08a00", Severity.LOW: "#1e6fd0",
                    Severity.INFO: "#7a7a7a"}
_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2, Severity.INFO: 3}


def severity_title(severity: Severity) -> str:
    return QCoreApplication.translate("FindingsModel", SEVERITY_TITLES[severity])


def ordered_findings(comparison: Comparison | None) -> list[Finding]:
    """Document-level findings first, then in reading order of their pairs, the gravest first."""
    if comparison is None:
        return []
    found = list(comparison.all_findings())
    return sorted(found, key=lambda f: (-1 if f.pair_index is None else f.pair_index, _ORDER[f.severity]))


class FindingsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.findings: list[Finding] = []

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self.comparison = comparison
        self.findings = ordered_findings(comparison)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("FindingsModel", COLUMNS[section])
        return None

    def label(self, finding: Finding) -> str:
        c = self.comparison
        if finding.pair_index is None or c is None or not 0 <= finding.pair_index < len(c.pairs):
            return self.tr("document")
        return pair_label(c, c.pairs[finding.pair_index]) or f"#{finding.pair_index + 1}"

    def text(self, finding: Finding) -> str:
        """The finding as a sentence in the interface language."""
        return describe(finding, interface_language())

    def tooltip(self, finding: Finding) -> str:
        """The sentence, then the draft and adopted values."""
        lines = [self.text(finding)]
        if finding.draft_value or finding.adopted_value:
            lines.append(self.tr("Draft: {draft}").format(draft=finding.draft_value or "—"))
            lines.append(self.tr("Adopted: {adopted}").format(adopted=finding.adopted_value or "—"))
        return "\n".join(lines)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.findings):
            return None
        finding = self.findings[index.row()]
        if role == PAIR_ROLE:
            return finding.pair_index  # None: nothing to jump to
        if role == FINDING_ROLE:
            return finding
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (severity_title(finding.severity), self.label(finding), self.text(finding))[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(finding)
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return QColor(SEVERITY_COLOURS[finding.severity])
        return None


class FindingsList(ChangeList):
    """The findings view: a ChangeList over a FindingsModel (jump on choice, follow the current pair)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsList")
        # the widest severity in the interface language ("information" in French), the widest usual label
        self.column_samples = (max((severity_title(s) for s in Severity), key=len), "PP15bis → 16")

    def current_finding(self) -> Finding | None:
        index = self.currentIndex()
        value = index.data(FINDING_ROLE) if index.isValid() else None
        return value if isinstance(value, Finding) else None

    def set_current_pair(self, pair: int) -> None:
        """Follow the current change, but keep the user's choice among several findings of one pair."""
        if pair >= 0 and self.current_pair() == pair:
            return
        super().set_current_pair(pair)


def next_finding_row(model: FindingsModel, view: FindingsList, current_pair: int,
                     forward: bool) -> tuple[int | None, str]:
    """The row of the next (previous) finding that belongs to a pair, from the list's choice or else from
    the change on show (``current_pair``); None and what to say when there is none."""
    rows = [r for r, f in enumerate(model.findings) if f.pair_index is not None]
    if not rows:
        return None, QCoreApplication.translate("MainWindow", "No findings")
    current = view.currentIndex().row() if view.currentIndex().isValid() else None
    if current is None:
        later = [r for r in rows if (model.findings[r].pair_index > current_pair if forward
                                     else model.findings[r].pair_index < current_pair)]
    else:
        later = [r for r in rows if (r > current if forward else r < current)]
    if not later:
        return None, (QCoreApplication.translate("MainWindow", "No further finding") if forward
                      else QCoreApplication.translate("MainWindow", "No earlier finding"))
    return (later[0] if forward else later[-1]), ""
