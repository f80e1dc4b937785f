"""The comparison options, declared once (issue #16).

Each option of ``CompareOptions`` is one ``OptionSpec``: its field, its title in the Options dialog,
its command-line flag and help, and the value the flag gives. The window's settings
(app/ui/settings.py), the Options dialog, the command line (app/cli.py) and the JSON ``options`` object
(app/io/json_export.py) are all made from ``COMPARE_OPTIONS``; the defaults are ``CompareOptions``'s.

Titles are English; the window translates them (context "OptionsDialog"): ``QT_TRANSLATE_NOOP`` below
only marks them for pyside6-lupdate, which reads this file with the window's sources.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Mapping

from app.core.model import CompareOptions


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:   # noqa: N802 (the name lupdate looks for)
    """Mark ``text`` for translation in ``context`` without importing Qt (the engine never does)."""
    return text


@dataclass(frozen=True)
class OptionSpec:
    """One comparison option. ``cli_value``: what its flag sets the field to (a flag that turns a
    default off, such as ``--strict-spaces``, sets False); ``choices``: the values of a choice option
    and their titles (the flag then takes one of the values)."""

    name: str
    title: str
    flag: str
    help: str
    cli_value: bool = True
    choices: tuple[tuple[str, str], ...] = ()

    @property
    def default(self) -> Any:
        return getattr(CompareOptions(), self.name)

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(value for value, _ in self.choices)


COMPARE_OPTIONS: tuple[OptionSpec, ...] = (
    OptionSpec("ignore_case", QT_TRANSLATE_NOOP("OptionsDialog", "Ignore &case"),
               "--ignore-case", "treat upper and lower case as equal"),
    OptionSpec("ignore_punctuation", QT_TRANSLATE_NOOP("OptionsDialog", "Ignore &punctuation"),
               "--ignore-punctuation", "ignore punctuation marks"),
    OptionSpec("ignore_labels", QT_TRANSLATE_NOOP("OptionsDialog", "Ignore paragraph &labels and numbering"),
               "--with-labels", "compare labels (PP1, OP3) as text too", cli_value=False),
    OptionSpec("conflate_spaces",
               QT_TRANSLATE_NOOP("OptionsDialog", "Treat all &spaces alike (tabs, no-break spaces)"),
               "--strict-spaces", "report changes in spacing", cli_value=False),
    OptionSpec("conflate_quotes", QT_TRANSLATE_NOOP("OptionsDialog", "Treat all &quote styles alike (’ ' “ ” « »)"),
               "--strict-quotes", "report ’ vs ' and « » vs “ ”", cli_value=False),
    OptionSpec("ignore_formatting", QT_TRANSLATE_NOOP("OptionsDialog", "Ignore &formatting (bold, italic, underline)"),
               "--ignore-formatting", "do not report bold, italic, underline or superscript changes on equal words"),
    OptionSpec("cross_language", QT_TRANSLATE_NOOP("OptionsDialog", "Cross-language &mode:"),
               "--cross-language", "cross-language mode: auto (when languages differ), always or never",
               choices=(("auto", QT_TRANSLATE_NOOP("OptionsDialog", "Automatic (when languages differ)")),
                        ("always", QT_TRANSLATE_NOOP("OptionsDialog", "Always")),
                        ("never", QT_TRANSLATE_NOOP("OptionsDialog", "Never")))),
)
_BY_NAME = {spec.name: spec for spec in COMPARE_OPTIONS}
assert set(_BY_NAME) == {f.name for f in fields(CompareOptions)}, "every CompareOptions field is declared once"


def spec(name: str) -> OptionSpec:
    """The declaration of one option; KeyError for a name that is not one."""
    return _BY_NAME[name]


def options_from(values: Mapping[str, Any]) -> CompareOptions:
    """CompareOptions from ``{name: value}`` (a saved setting, a form): a missing name, or a value of the
    wrong type or outside an option's choices, takes the default."""
    out = {}
    for s in COMPARE_OPTIONS:
        value = values.get(s.name, s.default)
        if s.choices:
            value = value if value in s.values else s.default
        elif not isinstance(value, bool):
            value = s.default
        out[s.name] = value
    return CompareOptions(**out)


def options_to_dict(options: CompareOptions) -> dict[str, Any]:
    """``{name: value}`` for every declared option, in declaration order (the JSON ``options`` object)."""
    return {s.name: getattr(options, s.name) for s in COMPARE_OPTIONS}


def options_from_flags(given: Mapping[str, Any]) -> CompareOptions:
    """CompareOptions from parsed command-line flags, ``{name: flag value}`` (True when a switch was
    given, the chosen value for a choice option)."""
    values = {}
    for s in COMPARE_OPTIONS:
        flag = given.get(s.name)
        if s.choices:
            values[s.name] = flag if flag is not None else s.default
        else:
            values[s.name] = s.cli_value if flag else s.default
    return options_from(values)
