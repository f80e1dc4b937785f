"""Issue #16: the comparison options are declared once (app.core.options); the command line, the
window's settings and Options dialog, and the JSON all come from that declaration."""
from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from xml.etree import ElementTree

from app.cli import build_parser, _options
from app.core.model import CompareOptions
from app.core.options import COMPARE_OPTIONS, options_from, options_from_flags, options_to_dict

TS = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "draftcompare_fr.ts"


def test_every_field_is_declared_once_with_its_default():
    assert sorted(s.name for s in COMPARE_OPTIONS) == sorted(f.name for f in fields(CompareOptions))
    assert len({s.flag for s in COMPARE_OPTIONS}) == len(COMPARE_OPTIONS)
    assert options_from({}) == CompareOptions()
    assert options_from({"cross_language": "sometimes", "ignore_case": "yes"}) == CompareOptions()


def test_each_flag_sets_its_option_and_nothing_else():
    parser = build_parser()
    assert _options(parser.parse_args(["compare", "a", "b"])) == CompareOptions()
    for spec in COMPARE_OPTIONS:
        value = spec.values[-1] if spec.choices else None
        args = ["compare", "a", "b", spec.flag] + ([value] if value else [])
        got = _options(parser.parse_args(args))
        expected = value if spec.choices else spec.cli_value
        assert getattr(got, spec.name) == expected != spec.default, spec.flag
        assert {k: v for k, v in options_to_dict(got).items() if k != spec.name} == \
            {k: v for k, v in options_to_dict(CompareOptions()).items() if k != spec.name}
    assert options_from_flags({"conflate_spaces": True}).conflate_spaces is False     # --strict-spaces


def test_settings_dialog_and_json_follow_the_declaration(qtbot, tmp_path):
    from PySide6.QtCore import QSettings
    from app.io.json_export import options_dict
    from app.ui.options_dialog import OptionsDialog
    from app.ui.settings import Config
    config = Config(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    changed = options_from({s.name: (s.values[-1] if s.choices else not s.default) for s in COMPARE_OPTIONS})
    config.set_compare_options(changed)
    assert config.compare_options() == changed
    dialog = OptionsDialog(config)
    qtbot.addWidget(dialog)
    assert set(dialog.checks) | set(dialog.choices) == {s.name for s in COMPARE_OPTIONS}
    assert dialog.compare_options() == changed
    assert list(options_dict(changed)) == [s.name for s in COMPARE_OPTIONS]


def test_every_title_is_translated_in_the_french_catalogue():
    messages = {m.findtext("source"): m.find("translation")
                for c in ElementTree.parse(TS).getroot().iter("context") if c.findtext("name") == "OptionsDialog"
                for m in c.iter("message")}
    for spec in COMPARE_OPTIONS:
        for title in (spec.title, *(t for _, t in spec.choices)):
            tr = messages.get(title)
            assert tr is not None and tr.text and tr.get("type") not in ("unfinished", "vanished", "obsolete"), title
