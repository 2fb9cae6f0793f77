# Every target sets up .venv itself, so each works on a fresh machine with Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEED := resources/talks/000_dce75566e3c95038.txt
TRANSLATIONS := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))

.PHONY: run test bench deck package translations clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(TRANSLATIONS)

run: $(STAMP) translations
	$(BIN)/talkcards

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider -m bench -s tests/benchmarks

deck: $(STAMP)
	mkdir -p decks
	$(BIN)/talkcards export $(SEED) -o decks/talkcards-bundled-talk.apkg --format apkg

package: $(STAMP) translations
	$(BIN)/python -m pip install -q pyinstaller
	$(BIN)/pyinstaller --noconfirm --distpath dist --workpath build packaging/talkcards.spec

clean:
	rm -rf $(VENV) build dist
