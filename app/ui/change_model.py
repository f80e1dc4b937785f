"""Item model of the change list: one row per change (kind, position, short summary), the changes of
the front and back matter (header block, title, meeting lines, footer) gathered under one group row
first, and the reviewer's marks (note, checked) beside the position."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from app.core.messages import NNBSP, describe
from app.core.marks import is_matter, pair_position, paragraph_label
from app.core.model import Comparison, Op, PairKind, ParaPair
from app.ui.i18n import interface_language
from widgets.change_list import PAIR_ROLE
from widgets.palette import DEFAULT, DiffPalette, marks_icon
from widgets.rows import effective_kind

MARKS_ROLE = Qt.ItemDataRole.UserRole + 3      # (note, checked) of the pair of a row
GROUP = -1                                     # the place of the group row among the top-level entries
_TOP, _MEMBER = 0, 1                           # internal ids: a top-level row, a row inside the group

COLUMNS = (QT_TRANSLATE_NOOP("ChangeModel", "Kind"), QT_TRANSLATE_NOOP("ChangeModel", "Position"),
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
    """Where a change is: its labels ("PP15bis → PP16" when they differ), else "¶n", the paragraph's
    number in the adopted text (in the draft when it is not in the adopted text)."""
    a = paragraph_label(comparison.draft, pair.draft[0]) if pair.draft else ""
    b = paragraph_label(comparison.adopted, pair.adopted[0]) if pair.adopted else ""
    if a and b and a != b:
        return f"{a} → {b}"
    return a or b or pair_position(comparison, pair)


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


def _separator(language: str) -> str:
    """Between the parts of a summary: "; " in English, a narrow no-break space before it in French."""
    return f"{NNBSP}; " if language == "fr" else "; "


def summary(comparison: Comparison, pair: ParaPair, language: str | None = None) -> str:
    """What changed in a pair, in a line: its kind's lead, the first word edits, then its first findings
    (worded in ``language``, by default the interface's)."""
    language = language or interface_language()
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
        text = _separator(language).join(parts)
    if pair.findings:
        found = _separator(language).join(describe(f, language) for f in pair.findings[:2])
        text = f"{text}{_separator(language)}{found}" if text else found
    return text


def group_title(n: int) -> str:
    """The group row's words: "Header and footer: 14 changes"."""
    return (QCoreApplication.translate("ChangeModel", "Header and footer: %n change", "", n) if n == 1
            else QCoreApplication.translate("ChangeModel", "Header and footer: %n changes", "", n))


class ChangeModel(QAbstractItemModel):
    """Top-level rows: the group of front and back matter changes (when there are some), then the body's
    changes in reading order (``pairs``); the group's rows are ``matter``."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.pairs: list[int] = []      # the body's changes: the top-level rows after the group
        self.matter: list[int] = []     # the header and footer changes: the group's rows
        self._top: list[int] = []       # top-level entries: a pair index, or GROUP
        self._row_of_pair: dict[int, int] = {}      # pair -> its top-level row
        self._member_of_pair: dict[int, int] = {}   # pair -> its row in the group
        self.notes: set[int] = set()
        self.checked: set[int] = set()
        self.palette_colors: DiffPalette = DEFAULT
        self._cache: dict[int, tuple[str, str, str]] = {}

    def set_comparison(self, comparison: Comparison | None, palette: DiffPalette = DEFAULT) -> None:
        self.beginResetModel()
        self.comparison = comparison
        self.palette_colors = palette
        self._cache.clear()
        changes = [] if comparison is None else [
            i for i, p in enumerate(comparison.pairs) if effective_kind(comparison, p) is not PairKind.EQUAL]
        self.matter = [i for i in changes if is_matter(comparison, comparison.pairs[i])]
        matter = set(self.matter)
        self.pairs = [i for i in changes if i not in matter]
        self._top = ([GROUP] if self.matter else []) + self.pairs
        self._row_of_pair = {pair: n for n, pair in enumerate(self._top) if pair != GROUP}
        self._member_of_pair = {pair: n for n, pair in enumerate(self.matter)}
        self.endResetModel()

    def change_count(self) -> int:
        """Every change listed, the group's included."""
        return len(self.pairs) + len(self.matter)

    def index_of_pair(self, pair: int) -> QModelIndex:
        """The entry of ``pair`` (column 0), at the top level or in the group; invalid without one."""
        row = self._row_of_pair.get(pair)
        if row is not None:
            return self.index(row, 0)
        member = self._member_of_pair.get(pair)
        return self.index(member, 0, self.index(0, 0)) if member is not None else QModelIndex()

    def group_rows(self) -> list[int]:
        """The top-level rows that have children (widgets.change_list asks): the group's, if any."""
        return [0] if self.matter else []

    def set_marks(self, notes: set[int], checked: set[int]) -> None:
        """Pairs with a reviewer's note and pairs marked checked, shown beside their position."""
        if (set(notes), set(checked)) == (self.notes, self.checked):
            return
        self.notes, self.checked = set(notes), set(checked)
        if self._top:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self._top) - 1, 1), [Qt.ItemDataRole.DecorationRole])
        if self.matter:
            group = self.index(0, 0)
            self.dataChanged.emit(self.index(0, 1, group), self.index(len(self.matter) - 1, 1, group),
                                  [Qt.ItemDataRole.DecorationRole])

    # -- tree structure -----------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if not 0 <= column < len(COLUMNS):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP) if 0 <= row < len(self._top) else QModelIndex()
        if self._is_group(parent) and 0 <= row < len(self.matter):
            return self.createIndex(row, column, _MEMBER)
        return QModelIndex()

    def parent(self, index: QModelIndex | None = None):  # noqa: D401 - Qt's two parent() overloads
        if index is None:
            return super().parent()          # QObject.parent()
        if index.isValid() and index.internalId() == _MEMBER:
            return self.createIndex(0, 0, _TOP)
        return QModelIndex()

    def _is_group(self, index: QModelIndex) -> bool:
        return index.isValid() and index.internalId() == _TOP and self._top[index.row()] == GROUP

    def pair_at(self, index: QModelIndex) -> int | None:
        """The pair a row stands for; None for the group row."""
        if not index.isValid():
            return None
        if index.internalId() == _MEMBER:
            return self.matter[index.row()]
        pair = self._top[index.row()]
        return None if pair == GROUP else pair

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._top)
        return len(self.matter) if parent.column() == 0 and self._is_group(parent) else 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ChangeModel", COLUMNS[section])
        return None

    # -- contents ------------------------------------------------------------------------------------

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
        pair_index = self.pair_at(index)
        if pair_index is None:
            return self._group_data(index, role)
        if role == PAIR_ROLE:
            return pair_index
        if role == MARKS_ROLE:
            return pair_index in self.notes, pair_index in self.checked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._texts(pair_index)[index.column()]
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            kind = effective_kind(self.comparison, self.comparison.pairs[pair_index])
            return QColor(self.palette_colors.link_color(kind))
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 1:
            icon = marks_icon(pair_index in self.notes, pair_index in self.checked)
            return None if icon.isNull() else icon
        return None

    def _group_data(self, index: QModelIndex, role):
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return group_title(len(self.matter))
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "ChangeModel", "Changes in the header block, title, meeting lines and footer; F8 passes them by "
                               "unless View > Include header and footer changes is on")
        if role == MARKS_ROLE:
            return any(p in self.notes for p in self.matter), any(p in self.checked for p in self.matter)
        return None
