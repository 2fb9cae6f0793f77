"""Bundled data (talk, icon, translations), installed as the package `desktop.resources` (see setup.py)."""
