"""Reading word ops back: each side's text and where each op sits in it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from app.core.model import DiffOp, Op


def side_text(ops: Iterable[DiffOp], side: str) -> str:
    """The text of one side ("a" = draft, "b" = adopted) rebuilt from the ops."""
    if side == "a":
        return "".join(op.a for op in ops if op.op is not Op.INSERT)
    if side == "b":
        return "".join(op.b for op in ops if op.op is not Op.DELETE)
    raise ValueError(f"side must be 'a' or 'b', not {side!r}")


@dataclass(frozen=True)
class OpSpan:
    """An op with its character range on each side (an empty range on the side it does not touch)."""

    op: Op
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def op_spans(ops: Iterable[DiffOp]) -> list[OpSpan]:
    out: list[OpSpan] = []
    ia = ib = 0
    for op in ops:
        la = len(op.a) if op.op is not Op.INSERT else 0
        lb = len(op.b) if op.op is not Op.DELETE else 0
        out.append(OpSpan(op.op, ia, ia + la, ib, ib + lb))
        ia += la
        ib += lb
    return out
