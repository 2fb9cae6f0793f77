"""TalkCards: study a talk or article with offline-generated flashcards."""

# the one place the version is written: pyproject.toml reads it, `talkcards --version` prints it, and a
# test holds the AppStream metainfo's newest release to it
__version__ = "0.1.0"
