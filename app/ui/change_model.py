"""Item model of the change list: one row per change (kind, label, short summary)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from app.core.model import Comparison, Op, PairKind, ParaPair
from widgets.change_list import PAIR_ROLE
from widgets.palette import DEFAULT, DiffPalette
from widgets.rows import effective_kind

COLUMNS = (QT_TRANSLATE_NOOP("ChangeModel", "Kind"), QT_TRANSLATE_NOOP("ChangeModel", "Label"),
           QT_TRANSLATE_NOOP("ChangeModel", "Change"))
KIND_TITLES = {
    PairKind.EQUAL: QT_TRANSLATE_NOOP("ChangeModel", "equal"),
    PairKind.CHANGED: QT_TRANSLATE_NOOP("ChangeModel", "changed"),
    PairKind.INSERTED: QT_TRANSLATE_NOOP("ChangeModel", "inserted"),
    PairKind.DELETED: QT_TRANSLATE_NOOP("ChangeModel", "deleted"),
    PairKind.MOVED: QT_TRANSLATE_NOOP("ChangeModel", "moved"),
    PairKind.SPLIT: QT_TRANSLATE_NOOP("ChangeModel", "split"),
    PairKind.MERGED: QT_TRANSLATE_NOOP("ChangeModel", "merged"),
}


def kind_title(kind: PairKind) -> str:
    return QCoreApplication.translate("ChangeModel", KIND_TITLES[kind])
SNIPPET = 32


def _clip(text: str, n: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def pair_label(comparison: Comparison, pair: ParaPair) -> str:
    a = comparison.draft.paragraphs[pair.draft[0]].display_label if pair.draft else ""
    b = comparison.adopted.paragraphs[pair.adopted[0]].display_label if pair.adopted else ""
    if a and b and a != b:
        return f"{a} → {b}"
    return a or b


def word_edits(pair: ParaPair) -> list[str]:
    """Edits as a reader says them: "old" → "new", +"added", −"removed"."""
    out: list[str] = []
    ops = pair.ops
    i = 0
    while i < len(ops):
        op = ops[i]
        if op.op is Op.DELETE and i + 1 < len(ops) and ops[i + 1].op is Op.INSERT:
            out.append(f"“{_clip(op.a, 20)}” → “{_clip(ops[i + 1].b, 20)}”")
            i += 2
            continue
        if op.op is Op.DELETE and op.a.strip():
            out.append(f"−“{_clip(op.a, 24)}”")
        elif op.op is Op.INSERT and op.b.strip():
            out.append(f"+“{_clip(op.b, 24)}”")
        i += 1
    return out


def summary(comparison: Comparison, pair: ParaPair) -> str:
    draft = "\n".join(comparison.draft.paragraphs[i].body for i in pair.draft)
    adopted = "\n".join(comparison.adopted.paragraphs[i].body for i in pair.adopted)
    kind = pair.kind
    if kind is PairKind.INSERTED:
        text = f"+ {_clip(adopted, 60)}"
    elif kind is PairKind.DELETED:
        text = f"− {_clip(draft, 60)}"
    else:
        edits = word_edits(pair)
        lead = ""
        if kind is PairKind.MOVED:
            origin = comparison.draft.paragraphs[pair.draft[0]].display_label if pair.draft else ""
            lead = (QCoreApplication.translate("ChangeModel", "moved from {label}").format(label=origin) if origin
                    else QCoreApplication.translate("ChangeModel", "moved"))
        elif kind is PairKind.SPLIT:
            lead = QCoreApplication.translate("ChangeModel", "split into {n}").format(n=len(pair.adopted))
        elif kind is PairKind.MERGED:
            lead = QCoreApplication.translate("ChangeModel", "{n} merged").format(n=len(pair.draft))
        parts = [lead] if lead else []
        if edits:
            more = (" " + QCoreApplication.translate("ChangeModel", "(+{n} more)").format(n=len(edits) - 2)
                    if len(edits) > 2 else "")
            parts.append(", ".join(edits[:2]) + more)
        elif pair.label_changed and not pair.findings:
            parts.append(QCoreApplication.translate("ChangeModel", "label changed"))
        if pair.formatting_changed:
            parts.append(QCoreApplication.translate("ChangeModel", "formatting changed"))
        text = "; ".join(parts)
    if pair.findings:
        found = "; ".join(f.message for f in pair.findings[:2])
        text = f"{text}; {found}" if text else found
    return text


class ChangeModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.pairs: list[int] = []
        self.palette_colors: DiffPalette = DEFAULT
        self._cache: dict[int, tuple[str, str, str]] = {}

    def set_comparison(self, comparison: Comparison | None, palette: DiffPalette = DEFAULT) -> None:
        self.beginResetModel()
        self.comparison = comparison
        self.palette_colors = palette
        self._cache.clear()
        self.pairs = [] if comparison is None else [
            i for i, p in enumerate(comparison.pairs) if effective_kind(comparison, p) is not PairKind.EQUAL]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.pairs)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def _texts(self, pair_index: int) -> tuple[str, str, str]:
        texts = self._cache.get(pair_index)
        if texts is None:
            c = self.comparison
            pair = c.pairs[pair_index]
            texts = (kind_title(effective_kind(c, pair)), pair_label(c, pair), summary(c, pair))
            self._cache[pair_index] = texts
        return texts

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.comparison is None:
            return None
        pair_index = self.pairs[index.row()]
        if role == PAIR_ROLE:
            return pair_index
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._texts(pair_index)[index.column()]
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            kind = effective_kind(self.comparison, self.comparison.pairs[pair_index])
            return QColor(self.palette_colors.link_color(kind))
        return None
