"""Which packages the wheel holds; the rest of the metadata is in pyproject.toml.

`resources/` stays at the top of the repository (DESIGN.md's layout) and installs as the package
`desktop.resources`, so a checkout (installed editable), an installed wheel and the PyInstaller build
all find the bundled talk, icon and translations the same way: through importlib.resources
(desktop/core/resources.py). Its folders are listed as packages too, which is how setuptools wants
data folders named.
"""
from setuptools import find_namespace_packages, find_packages, setup

data = ["desktop.resources", *(f"desktop.resources.{name}" for name in find_namespace_packages(where="resources"))]
setup(packages=[*find_packages(include=["desktop", "desktop.*"]), *data],
      package_dir={"desktop.resources": "resources"})
