# NomadCM — `make run` opens the app, `make test` runs the whole suite headless.
# Both build .venv on first use (and again when pyproject.toml changes) and install the system packages
# Qt needs when they are missing (as root on Debian/Ubuntu; otherwise they print the apt-get line).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-pg lint format bench screenshots translations bundle clean

$(BIN)/python:
	@PYTHON=$(PYTHON) sh tools/system-deps.sh venv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-app: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed-app

run: $(VENV)/.installed-app
	@sh tools/system-deps.sh gui
	$(BIN)/nomadcm-gui

$(VENV)/.installed-bundle: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bundle]'
	@touch $@ $(VENV)/.installed-app $(VENV)/.installed-test

test: $(VENV)/.installed-test
	@sh tools/system-deps.sh test
	$(BIN)/ruff check nomadcm tests bench tools
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The suite again on PostgreSQL (tests/conftest.py: NOMADCM_TEST_DB_URL): the distribution's server, installed
# when missing (as root), started as a throwaway cluster under a temporary folder on 127.0.0.1, stopped by its
# pid when the run ends (tools/test-postgres.sh). Tests about the SQLite file itself are skipped there.
# By default the tests that reach the database through storage (the GUI's pages read the same services; only
# the team-database dialog of the GUI is run), to keep .ci/run within its time: `make test-pg PG_TESTS=tests`
# runs everything.
PG_TESTS ?= tests/services tests/cli tests/exchange tests/storage tests/models tests/robustness \
	tests/test_one_truth.py tests/test_one_truth_cases.py tests/ui/test_team_database_dialog.py \
	tests/ui/workplaces/test_place_dialog_team.py tests/ui/wellbeing/test_wellbeing_private_file.py
test-pg: $(VENV)/.installed-test
	@sh tools/system-deps.sh test
	@sh tools/system-deps.sh postgres
	QT_QPA_PLATFORM=offscreen sh tools/test-postgres.sh $(BIN)/python -m pytest $(PG_TESTS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check nomadcm tests bench tools
	$(BIN)/ruff format --check nomadcm tests bench tools

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix nomadcm tests bench tools
	$(BIN)/ruff format nomadcm tests bench tools

bench: $(VENV)/.installed-test
	@sh tools/system-deps.sh test
	@for b in bench/bench_*.py; do echo "== $$b"; QT_QPA_PLATFORM=offscreen $(BIN)/python $$b || exit 1; done

screenshots: $(VENV)/.installed-test
	@sh tools/system-deps.sh screenshots
	$(BIN)/python tools/screenshots.py

# The one-folder app in dist/NomadCM/, then a smoke test of it: it starts, paints its window, exits 0.
bundle: $(VENV)/.installed-bundle
	@sh tools/system-deps.sh test
	$(BIN)/pyinstaller packaging/nomadcm.spec --noconfirm --clean --distpath dist --workpath build/pyinstaller
	NOMADCM_BUNDLE=dist/NomadCM/NomadCM QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/packaging -q

# French catalogue: lupdate over the code, then lrelease (both files are committed).
translations: $(VENV)/.installed-test
	$(BIN)/python tools/update_translations.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .hypothesis
