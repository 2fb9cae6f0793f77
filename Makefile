# Every target sets up .venv itself, so each works on a fresh machine with Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEED := resources/talks/000_dce75566e3c95038.txt
TRANSLATIONS := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))

.PHONY: run test bench eval deck package translations desktop-libs clean

# Qt's X11 plugin needs a few system libraries that minimal Linux installs lack (desktops have them).
XCB_PLUGIN = $(VENV)/lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so
XCB_LIBS := libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0 libxkbcommon-x11-0

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(TRANSLATIONS)

desktop-libs: $(STAMP)
	@if ldd $(XCB_PLUGIN) 2>/dev/null | grep -q "not found"; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing the X11 libraries Qt needs: $(XCB_LIBS)"; \
	    apt-get install -y -qq $(XCB_LIBS) >/dev/null || { apt-get update -qq && apt-get install -y -qq $(XCB_LIBS) >/dev/null; }; \
	  else echo "Qt's X11 plugin misses system libraries; install: $(XCB_LIBS)"; fi; \
	fi

run: $(STAMP) translations desktop-libs
	$(BIN)/talkcards

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider -m bench -s tests/benchmarks

# card quality on every text with gold facts (needs ../shared/eval): a report, not a test
eval: $(STAMP)
	$(BIN)/python -m tests.eval.report

deck: $(STAMP)
	mkdir -p decks
	$(BIN)/talkcards export $(SEED) -o decks/talkcards-bundled-talk.apkg --format apkg

package: $(STAMP) translations
	$(BIN)/python -m pip install -q pyinstaller
	$(BIN)/pyinstaller --noconfirm --distpath dist --workpath build packaging/talkcards.spec

clean:
	rm -rf $(VENV) build dist
