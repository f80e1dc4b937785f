"""Typed settings over QSettings, after Picard: every option is declared once with its type and default.

    from app.ui.settings import Config
    config = Config()                     # the user's settings (organisation/application names)
    config["ignore_case"] = True
    config["recent_pairs"]                # -> list[str], the default when unset or unreadable

QSettings hands back strings for everything in INI files ("true", "3"); the declared type converts
them back, so callers never see a str where they expect a bool.
"""
from __future__ import annotations

import logging
import getpass
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QByteArray, QSettings

from app.core.model import CompareOptions
from app.core.options import COMPARE_OPTIONS, options_from, options_to_dict

log = logging.getLogger(__name__)

_REGISTRY: dict[str, "Option"] = {}


def _to_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def _to_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]  # QSettings returns a lone item as a plain string


def _to_bytes(value: Any) -> QByteArray:
    return value if isinstance(value, QByteArray) else QByteArray(value or b"")


@dataclass(frozen=True)
class Option:
    """A declared setting: ``key`` in QSettings, Python-side ``name``, default and converter."""

    key: str
    name: str
    default: Any
    convert: Callable[[Any], Any]

    def __post_init__(self) -> None:
        if self.name in _REGISTRY:
            raise ValueError(f"option {self.name!r} declared twice")
        _REGISTRY[self.name] = self


def BoolOption(section: str, name: str, default: bool) -> Option:
    return Option(f"{section}/{name}", name, default, _to_bool)


def IntOption(section: str, name: str, default: int) -> Option:
    return Option(f"{section}/{name}", name, default, int)


def TextOption(section: str, name: str, default: str) -> Option:
    return Option(f"{section}/{name}", name, default, str)


def ListOption(section: str, name: str, default: list[str]) -> Option:
    return Option(f"{section}/{name}", name, default, _to_list)


def BytesOption(section: str, name: str) -> Option:
    return Option(f"{section}/{name}", name, QByteArray(), _to_bytes)


# Compare options: from their one declaration (app.core.options), saved under "compare/<name>".
for _spec in COMPARE_OPTIONS:
    (TextOption if _spec.choices else BoolOption)("compare", _spec.name, _spec.default)
# View.
TextOption("view", "palette", "default")
TextOption("view", "language", "system")       # "system", "en" or "fr"
TextOption("view", "deleted_colour", "")        # "" = the palette's; else "#rrggbb"
TextOption("view", "inserted_colour", "")
TextOption("view", "font_family", "")           # "" = the system font
IntOption("view", "font_size", 0)               # points; 0 = the system size
IntOption("view", "zoom", 0)
BoolOption("view", "changed_only", False)
BoolOption("view", "include_matter", False)  # F8 also stops on header and footer changes
# Files and export.
ListOption("files", "recent_pairs", [])
TextOption("files", "last_dir", "")
TextOption("export", "author", "")
# Window state.
BytesOption("window", "geometry")
BytesOption("window", "state")
BytesOption("window", "splitter")

MAX_RECENT = 8
PAIR_SEPARATOR = "\n"


class Config:
    """Typed access to declared options; ``settings`` defaults to the application's QSettings."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings if settings is not None else QSettings()

    def __getitem__(self, name: str) -> Any:
        opt = _REGISTRY[name]
        raw = self.qsettings.value(opt.key)
        if raw is None:
            return opt.default.copy() if isinstance(opt.default, list) else opt.default
        try:
            return opt.convert(raw)
        except (TypeError, ValueError):
            log.info("setting %s: %r is not valid; the default is used", name, raw)
            return opt.default  # a hand-edited or foreign value must not break start-up

    def __setitem__(self, name: str, value: Any) -> None:
        opt = _REGISTRY[name]
        self.qsettings.setValue(opt.key, opt.convert(value))

    def reset(self, name: str) -> None:
        self.qsettings.remove(_REGISTRY[name].key)

    def sync(self) -> None:
        self.qsettings.sync()

    # Typed views over groups of options.

    def compare_options(self) -> CompareOptions:
        """The saved comparison options (a value that is not valid takes the option's default)."""
        return options_from({spec.name: self[spec.name] for spec in COMPARE_OPTIONS})

    def set_compare_options(self, options: CompareOptions) -> None:
        for name, value in options_to_dict(options).items():
            self[name] = value

    def author(self) -> str:
        """Author for tracked changes and comments: the setting, else the OS user name."""
        name = self["author"].strip()
        if name:
            return name
        try:
            return getpass.getuser()
        except Exception:  # no user name in this environment (some containers)
            log.info("no user name for the reviewer", exc_info=True)
            return "Draft Compare"

    def recent_pairs(self) -> list[tuple[str, str]]:
        out = []
        for item in self["recent_pairs"]:
            parts = item.split(PAIR_SEPARATOR)
            if len(parts) == 2 and all(parts):
                out.append((parts[0], parts[1]))
        return out

    def add_recent_pair(self, draft: str, adopted: str) -> None:
        item = f"{draft}{PAIR_SEPARATOR}{adopted}"
        items = [i for i in self["recent_pairs"] if i != item]
        self["recent_pairs"] = [item] + items[: MAX_RECENT - 1]


def declared_options() -> dict[str, Option]:
    return dict(_REGISTRY)
