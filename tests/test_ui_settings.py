"""Typed settings: declared types survive the INI round trip, bad values fall back to defaults."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray

from app.core.model import CompareOptions
from app.ui import settings as settings_mod
from app.ui.settings import MAX_RECENT, Config
from test_ui_support import temp_settings


def test_defaults_and_types(tmp_path):
    config = Config(temp_settings(tmp_path))
    assert config["ignore_labels"] is True
    assert config["zoom"] == 0
    assert config["recent_pairs"] == []
    assert isinstance(config["geometry"], QByteArray)
    assert config.compare_options() == CompareOptions()


def test_values_come_back_typed_from_a_fresh_qsettings(tmp_path):
    config = Config(temp_settings(tmp_path))
    config["ignore_case"] = True
    config["zoom"] = 3
    config["recent_pairs"] = ["only one"]  # QSettings returns a lone list item as a str
    config.sync()
    again = Config(temp_settings(tmp_path))
    assert again["ignore_case"] is True
    assert again["zoom"] == 3
    assert again["recent_pairs"] == ["only one"]


def test_unreadable_value_falls_back_to_default(tmp_path):
    qs = temp_settings(tmp_path)
    qs.setValue("view/zoom", "large")
    assert Config(qs)["zoom"] == 0


def test_unknown_option_is_an_error(tmp_path):
    with pytest.raises(KeyError):
        Config(temp_settings(tmp_path))["no_such_option"]


def test_compare_options_round_trip(tmp_path):
    config = Config(temp_settings(tmp_path))
    options = CompareOptions(ignore_case=True, ignore_punctuation=True, ignore_labels=False,
                             conflate_spaces=False, conflate_quotes=False, cross_language="never")
    config.set_compare_options(options)
    config.sync()
    assert Config(temp_settings(tmp_path)).compare_options() == options


def test_recent_pairs_newest_first_without_duplicates(tmp_path):
    config = Config(temp_settings(tmp_path))
    for n in range(MAX_RECENT + 3):
        config.add_recent_pair(f"/d{n}.docx", f"/a{n}.docx")
    config.add_recent_pair("/d2.docx", "/a2.docx")
    pairs = config.recent_pairs()
    assert len(pairs) == MAX_RECENT
    assert pairs[0] == ("/d2.docx", "/a2.docx")
    assert pairs.count(("/d2.docx", "/a2.docx")) == 1


def test_author_setting_else_user_name(tmp_path, monkeypatch):
    config = Config(temp_settings(tmp_path))
    monkeypatch.setattr(settings_mod.getpass, "getuser", lambda: "jdoe")
    assert config.author() == "jdoe"
    config["author"] = "  Drafting Officer "
    assert config.author() == "Drafting Officer"
