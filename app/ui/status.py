"""What the status bar says about a comparison: counts, languages and the mode (``status_texts``), and
putting it in the window's labels (``show_status``)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale

from app.core.marks import counts
from app.core.model import Comparison


@dataclass(frozen=True)
class StatusTexts:
    counts: str
    counts_tip: str
    languages: str
    languages_tip: str
    mode: str
    mode_tip: str
    mode_style: str
    warnings: str = ""
    warnings_tip: str = ""


def language_name(code: str) -> str:
    if not code or code == "und":
        return QCoreApplication.translate("Status", "unknown")
    locale = QLocale(code)
    if locale.language() == QLocale.Language.C:
        return code
    return QLocale.languageToString(locale.language())


def status_texts(c: Comparison) -> StatusTexts:
    k = counts(c)      # the sheet prints the same counts (app.io.sheet_rows.summary)
    # Plain local names as counts: pyside6-lupdate skips a translate() whose n is an attribute or a sum.
    changed, inserted, deleted, moved, split_merged = k.changed, k.inserted, k.deleted, k.moved, k.split_merged
    if k.cross_language:  # every pair is a translation: what counts is what the checks found
        flagged = k.with_findings
        parts = [QCoreApplication.translate("Status", "%n with findings", "", flagged)]
    else:
        parts = [QCoreApplication.translate("Status", "%n changed", "", changed)]
    parts += [QCoreApplication.translate("Status", "%n inserted", "", inserted),
              QCoreApplication.translate("Status", "%n deleted", "", deleted),
              QCoreApplication.translate("Status", "%n moved", "", moved)]
    if split_merged:
        parts.append(QCoreApplication.translate("Status", "%n split/merged", "", split_merged))
    if not k.cross_language:
        words = k.words
        parts.append(QCoreApplication.translate("Status", "%n word changed", "", words) if words == 1
                     else QCoreApplication.translate("Status", "%n words changed", "", words))
    findings = k.findings
    if findings:
        parts.append(QCoreApplication.translate("Status", "%n finding", "", findings) if findings == 1
                     else QCoreApplication.translate("Status", "%n findings", "", findings))
    counts_text = " · ".join(parts)
    languages = QCoreApplication.translate("Status", "Languages: {draft} → {adopted}").format(
        draft=c.draft.language, adopted=c.adopted.language)
    languages_tip = QCoreApplication.translate(
        "Status", "Draft in {draft} ({draft_sure} sure), adopted text in {adopted} ({adopted_sure} sure)").format(
        draft=language_name(c.draft.language), adopted=language_name(c.adopted.language),
        draft_sure=f"{c.draft.language_confidence:.0%}", adopted_sure=f"{c.adopted.language_confidence:.0%}")
    if c.cross_language:
        mode = QCoreApplication.translate("Status", "Cross-language")
        mode_tip = QCoreApplication.translate(
            "Status", "The texts are in different languages: paragraphs are aligned and their figures, dates and symbols checked; no word changes are shown")  # noqa: E501
        style = "QLabel { background: #1f5fa8; color: white; font-weight: bold; border-radius: 3px; }"
    else:
        mode = QCoreApplication.translate("Status", "Same-language")
        mode_tip = QCoreApplication.translate(
            "Status", "Both texts are in the same language: word changes are shown")
        style = "QLabel { background: #2e7d32; color: white; font-weight: bold; border-radius: 3px; }"
    counts_tip = QCoreApplication.translate(
        "Status", "Paragraphs changed, inserted, deleted and moved; words changed; findings of the checks")
    lines = [f"{doc.name}: {w}" for doc in (c.draft, c.adopted) for w in doc.warnings]
    noted = len(lines)      # a plain name: lupdate reads no expression as n
    warnings = QCoreApplication.translate("Status", "⚠ %n reading note(s)", "", noted) if noted else ""
    warnings_tip = "\n".join([QCoreApplication.translate(
        "Status", "What was read only in part, or read in a particular way:")] + lines) if lines else ""
    return StatusTexts(counts_text, counts_tip, languages, languages_tip, mode, mode_tip, style, warnings, warnings_tip)


def show_status(window, c: Comparison | None) -> None:
    """Fill the window's status labels (counts, languages, mode, reading notes) for ``c``; clear them for None."""
    labels = (window.counts_label, window.language_label, window.mode_label, window.warnings_label)
    if c is None:
        for label in labels:
            label.clear()
            label.setToolTip("")
        window.mode_label.setStyleSheet("")
        return
    texts = status_texts(c)
    for label, text, tip in zip(labels, (texts.counts, texts.languages, texts.mode, texts.warnings),
                                (texts.counts_tip, texts.languages_tip, texts.mode_tip, texts.warnings_tip)):
        label.setText(text)
        label.setToolTip(tip)
    window.mode_label.setStyleSheet(texts.mode_style)
