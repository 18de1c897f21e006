"""Model and dataset references in Python code, found by parsing it with `ast`.

loaders.py   which calls fetch from the Hub, and which argument names the repository
parse.py     a file as scopes, and the definitions that reach each name where it is read
values.py    the strings an expression may be, followed through those definitions
project.py   the project's files, the analysis of loader calls, parameters followed to callers
"""

from .loaders import LOADER_HINT
from .project import PythonProject

__all__ = ["LOADER_HINT", "PythonProject"]
