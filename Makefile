# Draft Compare: developer entry points. Everything installs into .venv; nothing global but apt in .ci/run.
PY      ?= python3
VENV    := .venv
VPY     := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
TSTAMP  := $(VENV)/.installed-test

.PHONY: run test bench install clean i18n package
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

clean:
	rm -rf $(VENV) build dist *.egg-info resources/i18n/*.qm
