# Draft Compare: developer entry points. Everything installs into .venv; nothing global but apt in .ci/run.
PY      ?= python3
VENV    := .venv
VPY     := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
TSTAMP  := $(VENV)/.installed-test

.PHONY: run test bench install clean i18n i18n-update package
TS      := $(wildcard resources/i18n/*.ts)
QM      := $(TS:.ts=.qm)

$(VPY):
	$(PY) -m venv $(VENV)

$(STAMP): pyproject.toml | $(VPY)
	$(VPY) -m pip install -q -e .
	touch $@

$(TSTAMP): pyproject.toml $(STAMP)
	$(VPY) -m pip install -q -e '.[test,package]'
	touch $@

install: $(STAMP) i18n

# Translations: the .ts sources are committed, the .qm catalogues are built here (never committed).
i18n: $(QM)
resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# After changing interface strings: collect them into the .ts (the window's sources and the comparison
# options' titles, app/core/options.py), fill in the French, then rebuild the catalogue.
i18n-update: $(STAMP)
	$(VENV)/bin/pyside6-lupdate app/ui/*.py widgets/*.py app/core/options.py -ts $(TS)
	$(VPY) resources/i18n/fill_fr.py
	$(MAKE) i18n

run: $(STAMP) i18n
	$(VPY) -m app

test: $(TSTAMP) i18n
	$(VPY) -m pytest -q

# One-folder bundle in dist/draftcompare, then its smoke test (--selftest and an export, offline).
package: $(TSTAMP) i18n
	$(VPY) packaging/build.py

bench: $(STAMP)
	$(VPY) bench/run_bench.py
	$(VPY) bench/negotiations.py
	$(VPY) bench/trail.py
	$(VPY) bench/scale.py

clean:
	rm -rf $(VENV) build dist *.egg-info resources/i18n/*.qm
