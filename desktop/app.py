"""Command line and the one place that wires the app together.

    talkcards [--data-dir DIR]                      open the GUI; first run imports the bundled talk
    talkcards open [PATH]                           open the GUI with PATH imported
    talkcards outline PATH [--json]                 print the outline
    talkcards generate PATH [--json]                print the generated cards
    talkcards export (PATH | --all) -o OUT [--format apkg|csv|md]
    talkcards --screenshot OUT.png [--data-dir DIR] render the main window, save it, exit
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

from desktop import __version__

APP_NAME = "TalkCards"
EXIT_USAGE = 2


class CliError(Exception):
    """A failure the user can act on: printed as one sentence, exit status 2."""


def default_data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="talkcards", description="Study talks with generated flashcards.")
    parser.add_argument("--version", action="version", version=f"talkcards {__version__}")
    parser.add_argument("--data-dir", type=Path, default=None, help="folder of the collection file")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png", help="render the main window to a PNG and exit")
    # the global options are accepted after the subcommand too ("talkcards open PATH --data-dir DIR")
    late = argparse.ArgumentParser(add_help=False)
    late.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help="folder of the collection file")
    late.add_argument("--screenshot", type=Path, metavar="OUT.png", default=argparse.SUPPRESS,
                      help="render the main window to a PNG and exit")
    commands = parser.add_subparsers(dest="command")
    # PATH is optional: the desktop entry runs `talkcards open %f`, and %f is empty when no file was chosen
    opener = commands.add_parser("open", parents=[late], help="open the app, with a file imported if given")
    # a PATH may also be a web address (https://…); a Path would fold its "//"
    opener.add_argument("path", nargs="?", help="a file or a web address")
    for name, text in (("outline", "print the outline"), ("generate", "print the generated cards")):
        command = commands.add_parser(name, parents=[late], help=text)
        command.add_argument("path", help="a file or a web address")
        command.add_argument("--json", action="store_true", help="machine-readable output")
    export = commands.add_parser("export", parents=[late], help="write an Anki deck, a TSV or a Markdown file")
    source = export.add_mutually_exclusive_group(required=True)
    source.add_argument("path", type=Path, nargs="?")
    source.add_argument("--all", action="store_true", help="every document in the collection")
    export.add_argument("-o", "--output", type=Path, required=True)
    export.add_argument("--format", choices=("apkg", "csv", "md"), default=None,
                        help="default: from the output's suffix, else apkg")
    export.add_argument("--include-suspended", action="store_true")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of `talkcards` and `python -m desktop`."""
    args = _parser().parse_args(argv)
    try:
        status = _dispatch(args)
        sys.stdout.flush()  # here, so that a closed pipe is met below rather than at exit
        return status
    except BrokenPipeError:
        # the reader went away (`talkcards generate … | head`): stop quietly, as other Unix tools do;
        # stdout goes to /dev/null so that the interpreter's last flush does not complain either
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except CliError as error:
        print(f"talkcards: {error}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # noqa: BLE001 - last line of defence: one sentence, no traceback
        from desktop.core.collection import CollectionError
        from desktop.core.importing import ImportFailed

        if isinstance(error, (ImportFailed, CollectionError)):
            print(f"talkcards: {error}", file=sys.stderr)
            return EXIT_USAGE
        # a bug: name the exception, since some (StopIteration, KeyError('')) carry no message of their own
        print(f"talkcards: unexpected error: {type(error).__name__}: {error}", file=sys.stderr)
        return 1


def _dispatch(args: argparse.Namespace) -> int:
    data_dir = args.data_dir or default_data_dir()
    if args.command == "outline":
        return _print_outline(args.path, args.json)
    if args.command == "generate":
        return _print_cards(args.path, args.json)
    if args.command == "export":
        return _export(args, data_dir)
    return _run_gui(args, data_dir)


def _run_gui(args: argparse.Namespace, data_dir: Path) -> int:
    """The window, once the machine can show one; a screenshot is rendered offscreen, needing no display."""
    from desktop.core import gui_requirements

    if args.screenshot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    problem = gui_requirements.platform_problem()
    if problem:
        raise CliError(problem)
    try:
        from desktop.ui.launch import run_gui  # Qt only when a window is wanted
    except ImportError as error:
        sentence = gui_requirements.explain_import_error(error)
        if sentence is None:
            raise
        raise CliError(sentence) from None
    return run_gui(data_dir, open_path=getattr(args, "path", None), screenshot=args.screenshot)


def build_main_window(data_dir: str | Path, background: bool = False):
    """The main window over the collection in `data_dir`, built but not shown (for tests and tools)."""
    from desktop.ui.launch import build_main_window as build

    return build(data_dir, background)


def _print_outline(path: str, as_json: bool) -> int:
    from desktop.core.library import read_source

    document = read_source(path)
    if as_json:
        print(json.dumps(document.outline_json(), ensure_ascii=False, indent=1))
        return 0
    print(document.title)
    for section in document.walk():
        print("  " * section.level + section.label)
    return 0


def _print_cards(path: str, as_json: bool) -> int:
    from desktop.core.generate.pipeline import generate
    from desktop.core.library import read_source

    document = read_source(path)
    cards = generate(document)
    if as_json:
        print(json.dumps({"title": document.title, "language": document.language,
                          "cards": [card.to_json() for card in cards]}, ensure_ascii=False, indent=1))
        return 0
    print(f"{document.title} — {len(cards)} cards")
    for card in cards:
        print(f"\n[{card.section}] ({card.rule}, {card.kind})\n  Q: {card.front}\n  A: {card.back}")
    return 0


def _export(args: argparse.Namespace, data_dir: Path) -> int:
    from desktop.core.export.service import export_sources, sources_from_collection, sources_from_file

    fmt = args.format or {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".md": "md"}.get(args.output.suffix.lower(), "apkg")
    if args.all:
        from desktop.core.recovery import open_collection

        collection, recovery = open_collection(data_dir)
        if recovery is not None:
            print(f"talkcards: {recovery.message()}", file=sys.stderr)
        try:
            sources = sources_from_collection(collection)
        finally:
            collection.close()
        if not sources:
            raise CliError(f"The collection in {data_dir} has no documents to export.")
    else:
        sources = sources_from_file(args.path)
    try:
        count = export_sources(sources, args.output, fmt, include_suspended=args.include_suspended)
    except OSError as error:
        raise CliError(f"Cannot write {args.output}: {error.strerror or error}.") from error
    print(f"Wrote {count} notes to {args.output}")
    return 0
