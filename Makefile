# Every target sets up .venv itself, so each works on a fresh machine with Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEED := resources/talks/000_dce75566e3c95038.txt
TRANSLATIONS := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))

.PHONY: run test bench eval deck package translations desktop-libs install-desktop uninstall-desktop clean

# The system libraries Qt's window needs that minimal Linux installs lack (desktops have them), as Debian
# and Ubuntu name them; the README lists the same.
XCB_PLUGIN = $(VENV)/lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so
SYSTEM_PACKAGES := libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libglib2.0-0 libx11-xcb1 \
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 \
  libxcb-xfixes0 libxcb-xkb1 fonts-noto-cjk

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,epub]'
	touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(TRANSLATIONS)

desktop-libs: $(STAMP)
	@if ldd $(XCB_PLUGIN) 2>/dev/null | grep -q "not found"; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing the system packages Qt needs: $(SYSTEM_PACKAGES)"; \
	    apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null || { apt-get update -qq && apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; }; \
	  else echo "Qt misses system libraries; install: $(SYSTEM_PACKAGES)"; fi; \
	fi

run: $(STAMP) translations desktop-libs
	$(BIN)/talkcards

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider -m bench -s tests/benchmarks

# card quality on every text with gold facts (needs ../shared/eval): a report, not a test
eval: $(STAMP)
	$(BIN)/python -m tests.eval.report

deck: $(STAMP)
	mkdir -p decks
	$(BIN)/talkcards export $(SEED) -o decks/talkcards-bundled-talk.apkg --format apkg

# a folder build that runs without Python (dist/talkcards/talkcards), then its test
package: $(STAMP) translations
	$(BIN)/python -m pip install -q 'pyinstaller>=6.10,<7'
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build packaging/talkcards.spec
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider -m slow tests/packaging

# the menu entry, icon and AppStream metainfo under ~/.local/share (or DATA_HOME=…); Exec runs this checkout's
# talkcards, or the one on PATH when there is no .venv (pipx install .)
DATA_HOME ?= $(or $(XDG_DATA_HOME),$(HOME)/.local/share)
APP_ID := io.github.talkcards.TalkCards
TALKCARDS = $(if $(wildcard $(BIN)/talkcards),$(abspath $(BIN)/talkcards),talkcards)
install-desktop:
	install -d $(DATA_HOME)/applications $(DATA_HOME)/icons/hicolor/scalable/apps $(DATA_HOME)/metainfo
	sed 's|^Exec=talkcards |Exec=$(TALKCARDS) |' packaging/$(APP_ID).desktop > $(DATA_HOME)/applications/$(APP_ID).desktop
	install -m 644 resources/icons/talkcards.svg $(DATA_HOME)/icons/hicolor/scalable/apps/$(APP_ID).svg
	install -m 644 packaging/$(APP_ID).metainfo.xml $(DATA_HOME)/metainfo/$(APP_ID).metainfo.xml
	if command -v update-desktop-database >/dev/null; then update-desktop-database -q $(DATA_HOME)/applications; fi
	if command -v gtk-update-icon-cache >/dev/null; then gtk-update-icon-cache -q -t $(DATA_HOME)/icons/hicolor; fi

uninstall-desktop:
	rm -f $(DATA_HOME)/applications/$(APP_ID).desktop $(DATA_HOME)/icons/hicolor/scalable/apps/$(APP_ID).svg \
	  $(DATA_HOME)/metainfo/$(APP_ID).metainfo.xml

clean:
	rm -rf $(VENV) build dist *.egg-info
