"""The package as users get it: the wheel and sdist, the desktop entry, the standalone build."""
