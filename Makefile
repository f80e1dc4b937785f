# Draft Compare: developer entry points. Everything installs into .venv; nothing global but apt in .ci/run.
PY      ?= python3
VENV    := .venv
VPY     := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
TSTAMP  := $(VENV)/.installed-test

.PHONY: run test bench install clean

$(VPY):
	$(PY) -m venv $(VENV)

$(STAMP): pyproject.toml | $(VPY)
	$(VPY) -m pip install -q -e .
	touch $@

$(TSTAMP): pyproject.toml $(STAMP)
	$(VPY) -m pip install -q -e '.[test]'
	touch $@

install: $(STAMP)

run: $(STAMP)
	$(VPY) -m app

test: $(TSTAMP)
	$(VPY) -m pytest -q

bench: $(STAMP)
	$(VPY) bench/run_bench.py

clean:
	rm -rf $(VENV) build *.egg-info
