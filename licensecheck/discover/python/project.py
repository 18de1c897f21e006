"""The project's Python modules: which files are parsed, which calls are loaders, and parameters followed to their callers.

A reference is a value that reaches a Hub loader (loaders.py) at the place the
loader is called (parse.py, values.py). A loader's argument that is a parameter
of the enclosing function is followed into every call of that function in the
project (and its default), and on through the callers' own parameters.

An Ollama model name `hf.co/ORG/NAME[:TAG]` is a reference wherever it is a whole
string held as a value: assigned, a parameter's default, or a call's argument.
A string in a docstring, a comment, a log message, or a call that publishes
(`push_to_hub`, `save_pretrained`, `create_repo`, `upload_*`) is not a reference.

What stays unknown (an environment variable without default, `sys.argv`, a value
computed by a call) is reported as a notice, at the loader; what a ModelScope
loader fetches, or another service's model name, is an info notice too.

Only files whose text names a loader are parsed; files that call the functions
found to pass a parameter to a loader are parsed afterwards, when they hold a
string that could be a repository id. A file that Python cannot parse, or that
nests too deeply to analyse, is a warning naming it; the others go on.
"""

from __future__ import annotations

import ast
import itertools
import os
import posixpath
import re
from collections.abc import Callable
from functools import partial
from typing import Any

from ...model import DATASET, MODEL, Location
from ..choices import with_named_alternatives
from ..collect import Collector
from ..ids import (
    HUB_PREFIXES,
    HUB_URL_PREFIXES,
    PLACEHOLDERS,
    SENTENCE_TRANSFORMERS_PLAIN,
    WEIGHTS_SUFFIXES,
    api_model_name,
    could_be_repository,
    strip_prefix,
)
from ..keys import key_type
from .callers import Callers
from .datafiles import DataFiles, opened_path, reader_of
from .loaders import (
    ALIASES,
    ALIASES_OTHERWISE,
    ENDPOINT_MODEL,
    HOSTED_SDKS,
    HUB,
    LOADER_HINT,
    MODELSCOPE,
    SHELL,
    SHELL_CALLS,
    URL,
    Loader,
    Slot,
    is_publisher,
    keyword,
    loader_for,
    names_a_loader,
    rooted_name,
    slot_arguments,
)
from .mocks import mocks, patched_targets, refused_calls
from .parse import (
    IMPORT,
    UNKNOWN,
    VALUE,
    ClassInfo,
    Module,
    Scope,
    callee_name,
    collect,
    dotted,
    enclosing_function,
    is_super,
    lookup,
)
from .values import (
    BUDGET,
    MAX_VALUES,
    PLACEHOLDER,
    REGISTRY_CALLS,
    Evaluator,
    Result,
    class_named_by,
    possible,
    qualified_names,
    reason,
    unknown,
)

__all__ = ["LOADER_HINT", "PythonProject"]

# A string that could be a repository id, for the files set aside until a caller is needed.
_ID_LITERAL = re.compile(rb"[\"']([A-Za-z0-9][\w.-]*/[\w.-]+)[\"']")
# The same, searched for in the text with every `'` made a `"` (the two quotes play the same part
# in _ID_LITERAL, and neither is inside what it captures): a pattern that starts with one given
# byte is searched for by a fast scan for that byte, where a choice of two costs a test at every byte.
_SINGLE_TO_DOUBLE = bytes.maketrans(b"'", b'"')
# Possessive (`*+`, `++`): neither `/` nor `"` is in `[\w.-]`, so giving back bytes of a run never
# lets the byte after it match; the same matches, without trying that at every failed start.
_ID_LITERAL_DOUBLE = re.compile(rb'"([A-Za-z0-9][\w.-]*+/[\w.-]++)"')
_IDENTIFIER = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")
_PREFIX_BYTES = re.compile(rb"hf-hub:|hf_hub:|hf\.co/|hf://")  # and MLC's `HF://`, looked for apart (see _has_prefix)
_CLASS_BASES = re.compile(rb"^[ \t]*class[ \t]+\w+[ \t]*\(([^)]*)\)", re.M)
_DATABRICKS_SOURCE = b"# Databricks notebook source"
_FAILED = object()
_TOO_DEEP = "nested too deeply to analyse"
_TOO_LARGE = "too large to analyse"


def _has_prefix(data: bytes) -> bool:
    # Two searches, not `(?i:hf)://` nor a `|HF://` branch: an expression whose first byte may be
    # either of two is tried at every position, twenty times the cost of the one-letter start.
    return _PREFIX_BYTES.search(data) is not None or data.find(b"HF://") >= 0


# Keywords that name a model for loaders and hosted APIs alike, or a dataset as often as a model
# (`hf_repo`: lighteval's tasks, moshi's options): without a loader in sight they say nothing.
_AMBIGUOUS_KEYWORDS = frozenset({"model", "model_name", "hf_repo"})


# The fields that hold the id in a configuration object named for a model or a dataset.
_ID_FIELDS = frozenset({"path", "name_or_path", "repo_id", "hf_path", "hf_name", "hub_id", "hf"})
_DESCRIBED = re.compile(r"(Dataset|Data|Model|Tokenizer)(?:Config|Spec|Args|Arguments|Source|Info)$")


# Keywords a call writes to: `logging_dir="hf://datasets/me/logs"`, `output_folder=...` (a push target)
_WRITTEN_KEYWORDS = ("output", "save", "push", "upload", "export", "log")
# Keywords that make a call a client of a hosted service, or hand it one: the model it names is served there
# Classes holding a model or dataset card's metadata (huggingface_hub's `ModelCardData`,
# sentence-transformers' `SentenceTransformerModelCardData`, `DatasetCardData`)
_CARD_DATA = ("CardData", "ModelCard", "DatasetCard")
_SERVICE_KEYWORDS = frozenset({"api_key", "api_base", "base_url", "endpoint_url", "api_url", "client", "llm_client"})


def _described_type(func: ast.expr) -> str | None:
    """MODEL or DATASET for a class named as a model's or a dataset's configuration (`DatasetConfig`)."""
    match = _DESCRIBED.search(callee_name(func))
    if match is None:
        return None
    return DATASET if match.group(1) in ("Dataset", "Data") else MODEL


# A constant id given to a keyword or parameter that may name a model or a dataset (`path="org/x"`,
# `backbone_repo: str = "org/x"`): a file set aside (no loader word) that holds one is parsed
# (_keyed_keywords). The search starts at the `=`, rarer than the name's letters, and the name is
# read back from there: in the 64 bytes before the `=` read backwards (_KEYED_NAME_REVERSED), the
# name, or the annotation then the name, written in reverse. The leftmost match of
# `(\w+)(?:[ \t]*:[ \t]*\w+)?[ \t]*\Z` there, as one anchored match: a search for that tries it at
# every byte of the 64 (ten times the cost).
_KEYED_ID = re.compile(rb"""=[ \t]*[rb]?["'][\w.-]+/[\w.-]+["']""")
_KEYED_NAME_REVERSED = re.compile(rb"[ \t]*+(\w++)(?:[ \t]*+:[ \t]*+(\w++))?")


def _holds_keyed_id(data: bytes) -> bool:
    for match in _KEYED_ID.finditer(data):
        start = match.start()
        named = _KEYED_NAME_REVERSED.match(data[max(0, start - 64) : start][::-1])
        if named is None:
            continue
        name = (named.group(2) or named.group(1))[::-1].decode("ascii")  # the name, not its annotation
        if name in _ID_FIELDS or _keyword_type(name, "") is not None:
            return True
    return False


def _keyword_type(keyword: str, callee: str) -> tuple[str, str] | None:
    """(type, bare-name policy) of what a keyword given to `callee`, no known loader, may name:
    a model or dataset key, or a repository (`repo_id`, `*_repo`: a dataset's when given to a data
    loader, `LoadDataFromHub`); None for a keyword API clients take too (`model`)."""
    if keyword in _AMBIGUOUS_KEYWORDS:
        return None
    found = key_type(keyword)
    if found is None and (keyword == "repo_id" or keyword.endswith(("_repo", "_repo_id"))):
        found = (DATASET if "data" in callee.lower() else MODEL, "none")
    return found


def _imports_a_hosted_sdk(module: Module) -> bool:
    return any(target.split(".", 1)[0] in HOSTED_SDKS for target in module.imports.values())


# The OpenAI client classes, and the hosts that serve the Hub's own models (its inference providers)
_OPENAI_CLIENTS = frozenset({"OpenAI", "AsyncOpenAI"})
_HUB_INFERENCE_HOSTS = ("huggingface.co", "hf.co", "hf.space")
_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "0.0.0.0", "host.docker.internal", "[::1]"})


def _asks_a_hosted_api(module: Module) -> bool:
    """Whether the module's OpenAI client is pointed at another company's service (`OpenAI(base_url=
    "https://api.siliconflow.cn/v1")`): the model it names is that service's, not a server of a Hub
    model on this machine or the Hub's own inference."""
    for call, _scope in module.calls:
        if callee_name(call.func) not in _OPENAI_CLIENTS:
            continue
        address = keyword(call, "base_url")
        if not (isinstance(address, ast.Constant) and isinstance(address.value, str)):
            continue
        scheme, _, rest = address.value.partition("://")
        host = rest.split("/", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0].lower()
        if scheme == "https" and host not in _LOCAL_HOSTS and not host.endswith(_HUB_INFERENCE_HOSTS):
            return True
    return False


def _bases_loaders(klass: ClassInfo, call: ast.Call) -> list:
    """The loaders of a class's library bases, for a call that builds it or its `super().__init__`."""
    return [
        loader
        for base in klass.node.bases
        for loader in _loaders(qualified_names(base, klass.scope.parent or klass.scope), call)
    ]


def _path_beside(expr: ast.expr, scope: Scope, depth: int = 0) -> str | None:
    """A path written from the module's own folder (`os.path.join(os.path.dirname(os.path.abspath(__file__)),
    "hellomeme", "model_config.json")`, or through names bound once to such parts), relative to that
    folder; None for anything else."""
    if depth > 8:
        return None
    if isinstance(expr, ast.Constant):
        return expr.value if isinstance(expr.value, str) else None
    if isinstance(expr, ast.Name):
        bindings = lookup(expr.id, expr, scope)
        if bindings is not None and len(bindings) == 1 and bindings[0].kind == VALUE:
            return _path_beside(bindings[0].node, bindings[0].scope, depth + 1)
        return None
    if not isinstance(expr, ast.Call):
        return None
    name = qualified_names(expr.func, scope)[0]
    if name in ("os.path.join", "posixpath.join") and expr.args and not expr.keywords:
        parts = [_path_beside(argument, scope, depth + 1) for argument in expr.args]
        if any(part is None for part in parts):
            return None
        return "/".join(part for part in parts if part) or "."
    if name == "os.path.dirname" and len(expr.args) == 1:
        inner = expr.args[0]
        while (
            isinstance(inner, ast.Call)
            and len(inner.args) == 1
            and qualified_names(inner.func, scope)[0] in ("os.path.abspath", "os.path.realpath")
        ):
            inner = inner.args[0]
        if isinstance(inner, ast.Name) and inner.id == "__file__":
            return ""  # the module's folder, where relative paths are looked up first
    return None


_AT_REVISION = re.compile(r"([\w.-]+/[\w.-]+)@([\w.-]+)")

# Loaders that take a repository id or a local path, never `org/repo/file`: diffusers' LoRA loader
# checks the id (`lora/style/x.safetensors` is a file the user keeps, or no id at all)
_WHOLE_REPO_IDS = ("load_lora_weights",)


def _whole_repo_id(shown: str) -> bool:
    return shown.rpartition(".")[2] in _WHOLE_REPO_IDS


def _is_test_file(path: str) -> bool:
    """`tests/unit/x.py`, `test_x.py`, `x_test.py`: a test, whose values are often fakes."""
    folders, _, name = path.rpartition("/")
    return (
        name.startswith("test_")
        or name.endswith("_test.py")
        or any(part in ("test", "tests") for part in folders.split("/"))
    )


def _may_call_with_an_id(data: bytes) -> bool:
    """Whether a file without a loader holds a string that could be a repository id (`org/name`)."""
    if data.find(b"/") < 0:  # not `b"/" in data`: `in` first tries b"/" as an integer and pays for the error
        return False
    if data.find(b"'") >= 0:  # else the translation is the text itself: not made
        data = data.translate(_SINGLE_TO_DOUBLE)
    for found in _ID_LITERAL_DOUBLE.findall(data):  # _ID_LITERAL.findall(data) of the text before the translation
        if could_be_repository(found.decode("ascii")):  # the pattern's bytes are ASCII (`\w` of a bytes pattern)
            return True
    return False


# The identifiers of a file, cheaply: every byte that cannot be part of one becomes a space,
# and the rest splits into runs. A run is what `_IDENTIFIER` finds there, but for a run that
# starts with digits (`2load`): the identifier is what follows them (`load`).
_NOT_IDENTIFIER = bytes(c if chr(c).isascii() and (chr(c).isalnum() or c == 0x5F) else 0x20 for c in range(256))
_DIGITS = b"0123456789"


def _mentions(data: bytes, names: set[bytes]) -> bool:
    """Whether `data` holds one of `names` (identifiers) as a whole identifier, as `_IDENTIFIER` finds them."""
    runs = data.translate(_NOT_IDENTIFIER).split()
    if not names.isdisjoint(runs):
        return True
    # The runs that start with a digit (bytes below `A`), for the identifier after their digits: a
    # look at the runs already made, where a search of the text for digits tries every byte.
    return not names.isdisjoint(run.lstrip(_DIGITS) for run in runs if run[0] < 0x41)


class PythonProject:
    """The project's Python modules, parsed lazily, and the evaluation of loader arguments."""

    def __init__(self, collector: Collector) -> None:
        self.collector = collector
        self.modules: dict[str, Module | None] = {}
        self._by_name: dict[str, list[str]] = {}  # a module's last name → the paths (without .py) that end in it
        self._unindexed: list[str] = []  # registered, not in _by_name yet: most files are never imported
        self._files_of: dict[tuple[str, str | None], str | None] = {}  # _file_of's answers, until a file is registered
        self.python_files: dict[str, str] = {}  # relative path → absolute path
        self.pending: list[tuple[str, str, bytes]] = []  # files with id literals, not parsed yet
        # files with neither a loader nor an id literal that define subclasses: path and the bases' names
        self.subclass_files: list[tuple[str, str, frozenset[bytes]]] = []
        self.quiet_files: list[tuple[str, str]] = []  # files with neither a loader nor an id: (relative, absolute)
        self._launch_options: dict[str, dict[str, list]] = {}  # module path → option → (value, where), launched()
        self._shell_modules: dict[str, Module] = {}  # a shell script as a Module, to locate the values it passes
        self.calls_by_name: dict[str, list[tuple[ast.Call, Scope]]] = {}
        self.subclasses: dict[str, list[ClassInfo]] = {}  # a base's last name → classes that name it as a base
        self.values = Evaluator(self)
        self.callers = Callers(self)
        # An attribute of a value no call makes known (`task.dataset_name`), by attribute name:
        # the loader uses that wait for what the project's classes set it to (finish).
        self.wanted_attributes: dict[str, list[tuple[Slot, str, Location, tuple]]] = {}
        self.shell_outputs: dict[str, set[str]] = {}  # by file: the folders its commands write (record)
        self._data_files: DataFiles | None = None  # the project's data files code reads, once each
        # `def get_tokenizer(model: Model): from_pretrained(model.path)`: a field of a project class
        # that a loader reads, by the class → (the class, the field, the loader's slot, shown as)
        self.loaded_fields: dict[tuple[int, str], tuple[ClassInfo, str, Slot, str]] = {}

    # -- files -------------------------------------------------------------------

    def register(self, relative: str, absolute: str) -> None:
        """Every .py file of the tree, so that imports of project modules can be followed."""
        self.python_files[relative] = absolute
        self._unindexed.append(relative)
        self._files_of.clear()

    def _file_of(self, dotted_name: str, near: str | None = None) -> str | None:
        """The .py file an import of `dotted_name` reaches: `pkg/mod.py`, or a file whose path ends like it.

        Of several (a repository of projects, each with its own `util/misc.py`), the one
        nearest the importing file `near`: the longest folder path they share.
        """
        key = (dotted_name, near)
        if key in self._files_of:
            return self._files_of[key]
        self._files_of[key] = answer = self._find_file(dotted_name, near)
        return answer

    def _find_file(self, dotted_name: str, near: str | None) -> str | None:
        for relative in self._unindexed:
            stem = relative[:-3].removesuffix("/__init__")
            self._by_name.setdefault(stem.rsplit("/", 1)[-1], []).append(stem)
        self._unindexed.clear()
        wanted = dotted_name.replace(".", "/")
        found = []
        for stem in self._by_name.get(wanted.rsplit("/", 1)[-1], ()):
            if stem == wanted or stem.endswith("/" + wanted):
                for relative in (stem + ".py", stem + "/__init__.py"):
                    if relative in self.python_files:
                        if near is None:
                            return relative
                        found.append(relative)
                        break
        if len(found) > 1:
            folder = near.split("/")[:-1]  # type: ignore[union-attr]
            return max(found, key=lambda relative: len(os.path.commonprefix([relative.split("/")[:-1], folder])))
        return found[0] if found else None

    def add_file(self, relative: str, absolute: str, data: bytes) -> None:
        """A .py file (registered already): parsed now if it names a loader, set aside if it may call one."""
        notebook = data.startswith(_DATABRICKS_SOURCE)
        if notebook:
            data = self._notebook_source(relative, absolute, data)
        # A notebook is read like an .ipynb file: its cells name the model in words a script would not.
        if names_a_loader(data) or (notebook and (b"model" in data or b"dataset" in data)):
            self._parse(relative, absolute, data)
        elif _may_call_with_an_id(data):
            self.pending.append((relative, absolute, data))
        else:
            # No loader, no id: it may still call a function with a value from another module
            # (`model = MODELS[args.model]; build_runner(args, model)`). Kept by path only, read
            # again if a function it may call is waited for (_parse_callers).
            self.quiet_files.append((relative, absolute))
            if data.find(b"class") >= 0:
                # Its classes may subclass one that reads `self.DATASET_PATH` (`DATASET_PATH = "mbpp"`):
                # the names of their bases are kept, the file is read again if one of them is wanted.
                bases = frozenset(
                    name for match in _CLASS_BASES.finditer(data) for name in _IDENTIFIER.findall(match.group(1))
                )
                if bases:
                    self.subclass_files.append((relative, absolute, bases))

    def _notebook_source(self, relative: str, absolute: str, data: bytes) -> bytes:
        """A Databricks notebook kept as a .py file: IPython's `!` and `%` lines, line for line, as Python."""
        from ..ipython import ipython_source

        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return data
        return ipython_source(text, relative, os.path.dirname(absolute), self.collector).encode("utf-8")

    def _parse(self, relative: str, absolute: str, data: bytes) -> Module | None:
        if relative in self.modules:
            return self.modules[relative]
        self.modules[relative] = None  # also while parsing: an import cycle reads it as not parsed
        if data.find(b"# or") >= 0 or data.find(b'# "') >= 0 or data.find(b"# '") >= 0:
            # `MODEL = "org/x"  # or org/y`, `# "org/x", "org/y"`: the alternatives too (choices.py)
            data = with_named_alternatives(data)
        try:
            tree: Any = self._guarded(relative, lambda: ast.parse(data, filename=relative))
        except (SyntaxError, ValueError) as error:
            line = getattr(error, "lineno", None)
            self.collector.unparsable(Location(relative, line), f"not valid Python ({getattr(error, 'msg', error)})")
            return None
        if tree is _FAILED:
            return None
        dotted_name = relative[:-3].removesuffix("/__init__").replace("/", ".")
        module = Module(relative, os.path.dirname(absolute), dotted_name, partial(Location, relative))
        return self._add(module, tree, _has_prefix(data))

    def _inline(self, code: str, location: Location, directory: str | None) -> None:
        """The code of a shell script's `python -c "..."`, read as a module written at the command's line.
        Code a shell expands (`$MODEL`) or cuts short may not parse: it is then not read, quietly."""
        key = f"{location.path}:{location.line}:-c"
        if key in self.modules or not names_a_loader(code.encode()):
            return
        try:
            tree = ast.parse(code)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return
        module = Module(key, directory or ".", None, lambda _line: location)
        self.modules[key] = None
        self._add(module, tree, _has_prefix(code.encode()))

    def _add(self, module: Module, tree: ast.Module, has_prefix: bool) -> Module | None:
        if self._guarded(module.path, lambda: collect(module, tree)) is _FAILED:
            self.modules[module.path] = None
            return None
        module.has_prefix = has_prefix
        self.modules[module.path] = module
        for call, scope in module.calls:
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if type(func) is ast.Subscript or class_named_by(func) is not None:
                name = REGISTRY_CALLS  # `TABLE[name](...)`, `globals()[name](...)`, `eval(name)(...)`
            if name:
                self.calls_by_name.setdefault(name, []).append((call, scope))
        for klass in module.classes.values():
            for base in klass.node.bases:
                name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", None)
                if name:
                    self.subclasses.setdefault(name, []).append(klass)
        return module

    def _guarded(self, path: str, work: Callable[[], object]) -> object:
        """What `work` on one file returns, or _FAILED: a file too deep or too large to analyse is a
        warning naming it, never the end of the scan."""
        try:
            return work()
        except RecursionError:
            self.collector.unparsable(Location(path), _TOO_DEEP)
        except MemoryError:
            self.collector.unparsable(Location(path), _TOO_LARGE)
        return _FAILED

    def add_source(
        self,
        relative: str,
        directory: str,
        tree: ast.Module,
        locate: Callable[[int], Location],
        has_prefix: bool = True,
    ) -> Module | None:
        """A parsed source that is not an importable file (a notebook's code cells)."""
        return self._add(Module(relative, directory, None, locate), tree, has_prefix)

    def module_named(self, dotted_name: str, near: str | None = None) -> Module | None:
        relative = self._file_of(dotted_name, near)
        return None if relative is None else self.module_at(relative)

    def module_at(self, relative: str) -> Module | None:
        """The project's Python file at `relative`, parsed now if it was set aside; None if there is none."""
        if relative in self.modules:
            return self.modules[relative]
        if relative not in self.python_files:
            return None
        try:
            with open(self.python_files[relative], "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        return self._parse(relative, self.python_files[relative], data)

    def data_file(self, call: ast.Call, scope: Scope) -> list[tuple[ast.expr, Scope]]:
        """The content of each of the project's data files a call may parse (`json.load(open("config/x.json"))`)."""
        reader = next((r for name in qualified_names(call.func, scope) if (r := reader_of(name))), None)
        if reader is None:
            return []
        opened = call.args[0]
        path = opened_path(opened, reader)
        if path is None and type(opened) is ast.Name:
            # `with open("bert/models.json") as fp: models = json.load(fp)`: the file the name holds
            for binding in self.values._lookup(opened.id, opened, scope) or ():
                if binding.kind == UNKNOWN and isinstance(binding.node, ast.Call):
                    path = opened_path(binding.node, reader)
                    if path is not None:
                        scope = binding.scope
                        break
        tree = self.collector.tree
        if reader is None or path is None or tree is None:
            return []
        if self._data_files is None:
            self._data_files = DataFiles(tree.root)
        found = []
        texts = [v.text for v in self.values.strings(path, scope).values]
        if not texts and (beside := _path_beside(path, scope)) is not None:
            texts = [beside]
        for text in dict.fromkeys(texts):
            absolute = tree.local_path(text, scope.module.directory)
            if absolute is not None and os.path.isfile(absolute):
                loaded = self._data_files.value(absolute, reader)
                if loaded is not None:
                    found.append(loaded)
        return found

    def _runs(self, shell_script: str, script: str, module: Module) -> bool:
        """Whether `script` as a shell script writes it (`train_lora.py`, `src/train.py`) is `module`: the
        file of that path beside the shell script when the tree has one (FinGPT has a `train_lora.py`
        in two folders, each run by its own `train.sh`), else any file whose path ends so."""
        folder = posixpath.dirname(shell_script)
        beside = posixpath.normpath(posixpath.join(folder, script)) if folder else script
        return module.path == beside or beside not in self.python_files

    def launched(self, module: Module, option: str) -> list[tuple[ast.expr, Scope]]:
        """What the shell scripts that run `module` (`python script/infer.py --checkpoint org/x`)
        pass for `option`: each value as a constant where the script writes it."""
        options = self._launch_options.get(module.path)
        if options is None:
            options = self._launch_options[module.path] = {}
            for script, given in self.collector.launches.items():
                if module.path == script or module.path.endswith("/" + script) or script.endswith("/" + module.path):
                    for name, values in given.items():
                        options.setdefault(name, []).extend(
                            (text, location) for text, location in values if self._runs(location.path, script, module)
                        )
        found: list[tuple[ast.expr, Scope]] = []
        passed = list(options.get(option, ()))
        for alias, dest in module.option_aliases.items():
            if dest == option:
                passed += options.get(alias, ())  # `python eval/perplexity.py -m org/x` for `-m/--model`
        for text, location in passed:
            if option.endswith(("_path", "_dir", "_file")) and "/" not in text:
                continue  # `--retrieval_model_path retrieval_model`: a folder the run makes
            if PLACEHOLDER in text:
                continue  # `os.system(f"python asr.py -s {size}")`: a value known only at run time
            shell = self._shell_modules.get(location.path)
            if shell is None:
                shell = self._shell_modules[location.path] = Module(
                    location.path,
                    os.path.join(self.collector.tree.root, os.path.dirname(location.path)),
                    None,
                    partial(Location, location.path),
                )
            found.append((ast.Constant(value=text, lineno=location.line or 1, col_offset=0), shell.scope))
        return found

    def resolve_import(self, qualified: str, near: str | None = None) -> tuple[Module, str] | None:
        """A name imported from a project module (by the file `near`): that module and the name in it."""
        module_name, _, name = qualified.rpartition(".")
        if not module_name:
            return None
        module = self.module_named(module_name, near)
        return (module, name) if module is not None else None

    # -- loaders -----------------------------------------------------------------

    def analyse(self, module: Module) -> None:
        # a hosted service's client configured in code (`self.config.model = "MiniMaxAI/MiniMax-M3"` beside
        # `Together(...)`): the service's name for a model, not a Hub download
        settings = () if module.settings and _imports_a_hosted_sdk(module) else module.settings
        for attribute, constant in settings:
            found = key_type(attribute)
            if found is not None:
                self.collector.consider(
                    str(constant.value),
                    found[0],
                    module.locate(constant.lineno),
                    f"attribute {attribute}",
                    directory=module.directory,
                    bare=found[1],
                )
        for constant, shown in module.ollama_values:
            self._prefixed(str(constant.value), module.locate(constant.lineno), module, shown)  # a str: parse.py
        dead = module.dead_calls
        hosted: bool | None = None  # whether the module's endpoint calls ask a hosted service: asked once
        for call, scope in module.calls:
            if dead and id(call) in dead:
                continue  # a branch the code before it rules out
            self.values.budget = BUDGET
            names = qualified_names(call.func, scope)
            if is_publisher(names[0].rsplit(".", 1)[-1]):
                continue  # where a run writes: nothing in it is a dependency
            loaders = _loaders(names, call)
            if loaders and type(call.func) is ast.Name and self._own_function(call, scope, loaders[0]):
                loaders = []  # LAVIS's own `load_dataset("sbu_caption")`: its body is read like any function's
            if loaders and type(call.func) is ast.Attribute and call.func.attr == "load_dataset":
                if _called_on_an_object(call.func, scope):
                    # `self.backend.load_dataset(name)`: a method of the project's (ragas' storage
                    # backends) or of another library, not the `datasets` module's function; where
                    # the method wraps that function, its body is read like any function's
                    loaders = []
            if not loaders and rooted_name(names[0].rsplit(".", 1)[-1]):
                loaders = self._inherited_loaders(call, scope)
            if not loaders and type(call.func) is ast.Attribute and call.func.attr == "__init__":
                loaders = self._base_loaders(call, scope)
            if not loaders and names[0] == "dict" and call.keywords:
                loaders = self._config_loaders(call, scope)
            if not loaders and type(call.func) is ast.Subscript:
                self._picked_from_table(call, scope)
            consumed: set[int] = set()
            unpacks = any(k.arg is None for k in call.keywords)
            if loaders and loaders[0] is ENDPOINT_MODEL:
                if hosted is None:
                    hosted = _imports_a_hosted_sdk(module) or _asks_a_hosted_api(module)
                if hosted:
                    continue
            if loaders:
                loader = loaders[0]
                shown = dotted(call.func)
                test = enclosing_function(scope)
                if test is not None and (mocks(shown, patched_targets(test)) or id(call) in refused_calls(test)):
                    continue  # the test's mock receives it, or the loader is expected to refuse it
                for slot in loader.slots:
                    for argument in slot_arguments(call, slot):
                        consumed.add(id(argument))
                        self._slot(call, scope, slot, shown, argument)
                    starred = call.args[0] if call.args else None
                    if isinstance(starred, ast.Starred) and 0 in slot.positions:
                        # `load_dataset(*src)` with `src` a tuple of constants: its first item
                        consumed.add(id(starred))
                        first = ast.copy_location(
                            ast.Subscript(value=starred.value, slice=ast.Constant(value=0), ctx=ast.Load()), starred
                        )
                        self._slot(call, scope, slot, shown, first)
                if loader.default is not None:
                    self._library_default(call, scope, shown, loader)
                if not consumed and unpacks:
                    self._unpacked(call, scope, loader, shown, consumed)
                if not consumed and unpacks and loader.slots[0].positions and loader.slots[0].says_unknown:
                    self.collector.unknown(
                        module.locate(call.lineno),
                        f"{shown}: the {loader.slots[0].type} is not statically known (arguments unpacked with **)",
                    )
            if not loaders and not names[0].startswith("modelscope."):
                self._keyed_keywords(call, scope)
            self._prefixed_strings(call, scope, consumed, names[0])

    def _own_function(self, call: ast.Call, scope: Scope, named: Loader) -> bool:
        """Whether a call named like a library's loader calls a function the project defines itself
        that loads nothing from the Hub (LAVIS's `load_dataset("sbu_caption")` builds a dataset from
        its registry). A wrapper that does call a loader of the same kind (`load_file_from_url`
        around torch.hub's download) stays a loader: its argument is what it fetches, whatever the
        body does to it on the way. One that only reads a URL or a file (a `load_dataset` around
        `pd.read_csv`) is not the Hub loader its name says."""
        target = self.values.callee(call, scope)
        if target is None or target[0].klass is not None or target[0].name != callee_name(call.func):
            return False
        function = target[0]
        host = named.slots[0].host
        return not any(
            loader.slots[0].host == host
            for node in ast.walk(function.node)
            if node is not function.node and type(node) is ast.Call
            for loader in _loaders(qualified_names(node.func, function.scope), node)
        )

    def _keyed_keywords(self, call: ast.Call, scope: Scope) -> None:
        """`ModelConfig(model_path="t5-large")`, `trlx.train(model_path="org/x")`,
        `NeuTTS(backbone_repo=self.backbone_repo)`: a keyword named like a model or dataset key,
        or like a repository (`repo_id`, `*_repo`), given to a call that is not a known loader.
        A configuration built in code, like the same key in a YAML file or set as an attribute
        (`settings`); its value is followed like a loader's argument, quietly.

        No loader is seen here, so the guess is kept to where it holds: not in tests, which hand
        their fakes made-up ids, and not under `model` alone, which API clients take too
        (`embeddings.create(model="nvidia/nv-embedqa-e5-v5")`)."""
        module = scope.module
        if _is_test_file(module.path) or any(k.arg in _SERVICE_KEYWORDS for k in call.keywords):
            return  # a client of a hosted service (`WatsonxLLM(api_key=..., llm_model="ibm/granite-13b")`)
        if callee_name(call.func).endswith(_CARD_DATA):
            # `SpanMarkerModelCardData(model_id="org/x", encoder_id=..., dataset_id=...)`: what a model
            # card will say (the name the model is pushed under, what it was made from), not a download
            return
        described = _described_type(call.func)
        for argument in call.keywords:
            name = argument.arg
            if not name:
                continue
            if described and name in _ID_FIELDS:
                # `types.DatasetConfig(name="commonvoice", path="fixie-ai/common_voice_17_0")`: the
                # id of what the class is named for, like YAML's `dataset: {path: ...}`
                found: tuple[str, str] | None = (described, "legacy")
            else:  # a repository's is a dataset's too with `repo_type="dataset"` beside it (the slot reads it)
                found = _keyword_type(name, callee_name(call.func))
            if found is None:
                continue
            slot = Slot(found[0], (), (name,), bare=found[1], repo_type_keyword=True, guessed=True)
            self._slot(call, scope, slot, f"keyword {name}", argument.value)

    def _unpacked(self, call: ast.Call, scope: Scope, loader, shown: str, consumed: set[int]) -> None:
        """`InferenceClient(**self.client_kwargs)` of a constant dict (`{"model": model_id, ...}`): its
        entries are the loader's keyword arguments."""
        for given in call.keywords:
            if given.arg is not None:
                continue
            for node, node_scope in self.values.unpacked_dicts(given.value, scope, None) or ():
                self._entries_as_keywords(call, scope, loader, shown, node, node_scope, consumed)

    def _entries_as_keywords(
        self, call: ast.Call, scope: Scope, loader, shown: str, entries: ast.Dict, where: Scope, consumed: set[int]
    ) -> None:
        """A dict's entries (written in `where`) given to `call` as the loader's keyword arguments."""
        for name, value in zip(entries.keys, entries.values):
            if not (isinstance(name, ast.Constant) and isinstance(name.value, str)):
                continue
            for slot in loader.slots:
                if name.value in slot.keywords:
                    consumed.add(id(value))
                    self._slot(call, scope, slot, shown, value, where)

    def _config_loaders(self, call: ast.Call, scope: Scope) -> list:
        """`dict(type=HuggingFaceCausalLM, path=...)`: an mmengine-style config (OpenCompass, OpenMMLab)
        that the framework builds by calling `type` with the other entries."""
        built = keyword(call, "type")
        if not isinstance(built, (ast.Name, ast.Attribute)):
            return []
        return _loaders(qualified_names(built, scope), call)

    def _picked_from_table(self, call: ast.Call, scope: Scope) -> None:
        """`setup["model"](**setup["args"])` over a table of `{"model": HuggingFaceEmbedding, "args":
        {"model_name": "BAAI/bge-large-en"}}` (BCEmbedding's evaluations): each entry's class, called
        with that same entry's arguments."""
        func = call.func
        assert isinstance(func, ast.Subscript)  # the caller checked
        unpacked = [k.value for k in call.keywords if k.arg is None]
        if len(unpacked) != 1 or call.args or len(call.keywords) != 1:
            return
        arguments = unpacked[0]
        if not (
            isinstance(arguments, ast.Subscript)
            and ast.dump(arguments.value) == ast.dump(func.value)
            and _constant_text(func.slice) is not None
            and _constant_text(arguments.slice) is not None
        ):
            return
        class_key, arguments_key = _constant_text(func.slice), _constant_text(arguments.slice)
        entries, _ = self.values.follow(func.value, scope)
        for entry, entry_scope in entries:
            if not isinstance(entry, ast.Dict):
                continue
            fields = {_constant_text(k): v for k, v in zip(entry.keys, entry.values) if k is not None}
            built, given = fields.get(class_key), fields.get(arguments_key)
            if not isinstance(built, (ast.Name, ast.Attribute)) or not isinstance(given, ast.Dict):
                continue
            loaders = _loaders(qualified_names(built, entry_scope), call)
            if loaders:
                self._entries_as_keywords(call, scope, loaders[0], dotted(built), given, entry_scope, set())

    def _inherited_loaders(self, call: ast.Call, scope: Scope) -> list:
        """`WhisperModel(arch)` of the project's `class WhisperModel(faster_whisper.WhisperModel)`: its base's loader."""
        klass = self.values.class_of(call.func, scope, 0)
        return _bases_loaders(klass, call) if klass is not None else []

    def _base_loaders(self, call: ast.Call, scope: Scope) -> list:
        """`super().__init__(model_name_or_path=...)` in the project's `class ColBERT(SentenceTransformer)`:
        the base class's loader, with what the subclass gives it."""
        if not is_super(call.func.value):  # type: ignore[attr-defined]
            return []
        method = enclosing_function(scope)
        return _bases_loaders(method.klass, call) if method is not None and method.klass is not None else []

    def _slot(
        self, call: ast.Call, scope: Scope, slot: Slot, shown: str, argument: ast.expr, where: Scope | None = None
    ) -> None:
        """One argument of a loader's call; `where`: the scope the argument is written in, when not the call's."""
        site = scope.module.locate(call.lineno)
        at = where or scope  # where the argument is read
        module = at.module
        if slot.host == SHELL:
            self._command(at, slot, shown, site, argument)
            return
        kind = slot.type
        if slot.repo_type_keyword:
            repo_type = keyword(call, "repo_type")
            if repo_type is not None:
                types = self.values.strings(repo_type, scope)
                names = {v.text for v in types.values}
                for function, parameter, _path in types.params:
                    # `def fetch(repo_id, repo_type="dataset")`: what the parameter holds unless a caller says
                    default = function.defaults.get(parameter)
                    if default is not None:
                        given = self.values.strings(default, function.scope.parent or function.scope)
                        names.update(v.text for v in given.values)
                if names == {"dataset"} and not (types.other or types.unknown):
                    kind = DATASET
                elif names and names <= {"space", "spaces"}:
                    return
        revisions: list[str | None] = [None]
        revision_node = keyword(call, "revision")
        if revision_node is not None:
            evaluated = self.values.strings(revision_node, scope)
            if evaluated.values:
                revisions = [v.text for v in evaluated.values]
            if evaluated.unknown or evaluated.params:
                self.collector.unknown(site, f"{shown}: the revision is not statically known ({reason(evaluated)})")
        # A URL is a reference by its repository part alone: `f"{BASE_URL}/{filename}"` with
        # the file known only at run time still names the repository (a placeholder stands for the file).
        result = (
            self.strings(argument, at, placeholders=True) if slot.host == URL else self.values.strings(argument, at)
        )
        if isinstance(argument, ast.Starred):
            result = unknown("arguments unpacked with *")
        known = module.read_facts.get(id(argument)) if isinstance(argument, (ast.Name, ast.Attribute)) else None
        if known:
            typed = slot._replace(
                type=kind, known=(dotted(argument), self._written_out(dotted(argument), known, module))
            )
        else:  # the loader's own slot (a signature's `known` is empty) unless the type changed: _replace is slow
            typed = slot if kind == slot.type and not slot.known else slot._replace(type=kind, known=())
        self.record(result, typed, shown, site, revisions)
        self._loaded_field(argument, at, typed, shown)
        self.callers.wait(result, typed, shown, site, revisions, argument, at)
        if type(argument) is ast.Attribute and result.unknown and not result.values and not result.params:
            self.want_attribute(argument.attr, typed, shown, site, tuple(revisions))
        if result.unknown and not result.params and slot.says_unknown:
            self.say_unknown(site, shown, kind, result)

    def _written_out(self, name: str, known: tuple, module: Module) -> tuple:
        """Facts about `name` with each collection it is tested against (`dataset in
        custom_datasets.DATASETS`) written out as its items, which `possible` reads: in the `else:`
        of that test, none of them reaches the loader."""
        prefix = f"{name} in "
        written = []
        for key, truth in known:
            if key.startswith(prefix) and not key[len(prefix) :].startswith(("(", "[", "{", "'", '"')):
                items = self.values.members(name, ((key, True),), module)
                if items:
                    key = f"{prefix}{tuple(dict.fromkeys(item.text for item in items))!r}"
            written.append((key, truth))
        return tuple(written)

    def _loaded_field(self, argument: ast.expr, scope: Scope, slot: Slot, shown: str) -> None:
        """Note `model.path` (or `model.onnx_path or model.path`) of a parameter annotated with a
        project class (`model: Model`): every instance of that class the project makes is one
        this loader may be given (_instances_of_loaded_fields)."""
        for part in argument.values if type(argument) is ast.BoolOp else (argument,):
            if type(part) is not ast.Attribute or type(part.value) is not ast.Name:
                continue
            bindings = self.values._lookup(part.value.id, part.value, scope)
            klass = self.values._annotated_class(bindings)
            if klass is not None:
                self.loaded_fields.setdefault((id(klass), part.attr), (klass, part.attr, slot, shown))

    def _instances_of_loaded_fields(self) -> None:
        """`V2_MODEL = Model(path="protectai/deberta-v3-base-prompt-injection-v2")`: a model the
        project describes with a class whose field a loader reads is one a user may pick, though no
        call in the project passes it there. Quiet, as a guess; not in tests."""
        for klass, field, slot, shown in list(self.loaded_fields.values()):
            guessed = slot._replace(guessed=True, known=())
            for module in list(self.modules.values()):
                if module is None or _is_test_file(module.path):
                    continue
                for call, scope in module.calls:
                    if callee_name(call.func) != klass.name or self.values.class_of(call.func, scope, 0) is not klass:
                        continue
                    given = keyword(call, field) or self.values._positional_field(call, scope, field, 0)
                    if given is not None:
                        self._slot(call, scope, guessed, f"{shown} ({klass.name}.{field})", given)

    def _library_default(self, call: ast.Call, scope: Scope, shown: str, loader: Loader) -> None:
        """`pipeline("summarization")` with no model (or `model=None`): transformers loads the
        task's default model; bert_score the language's. A parameter whose default is None is not
        taken for None: code tests it first (`elif isinstance(model, str): pipeline(..., model=model)`)."""
        default = loader.default
        assert default is not None  # called for such loaders only
        models = slot_arguments(call, loader.slots[0])
        if any(k.arg is None for k in call.keywords):
            return  # `**kwargs` may hold the model
        if models:
            given = self.values.strings(models[0], scope)
            if given.values or given.unknown or given.params or not given.other:
                return
        selectors = slot_arguments(call, default.selector)
        if not selectors:
            return
        if default.models is None:  # followed like a loader's argument, each value its alias
            self._slot(call, scope, default.selector, f"{shown} ({default.said})", selectors[0])
            return
        site = scope.module.locate(call.lineno)
        for value in self.values.strings(selectors[0], scope).values:
            model = default.models.get(value.text)
            if model is not None:
                self.collector.consider(model, MODEL, site, f"{shown} ({default.said.format(value.text)})", bare="any")

    def _command(self, scope: Scope, slot: Slot, shown: str, site: Location, argument: ast.expr) -> None:
        """A command line run from Python: a list of words, or a string (an f-string, a parameter...)."""
        concrete, _ = self.values.follow(argument, scope)
        for node, node_scope in concrete:
            if isinstance(node, (ast.List, ast.Tuple)):
                self.shell_words(node, node_scope)
        result = self.strings(argument, scope, placeholders=True)
        self.record(result, slot, shown, site, [None])
        self.callers.wait(result, slot, shown, site, [None], argument, scope)

    def strings(self, expr: ast.expr, scope: Scope, *, placeholders: bool = False, path: tuple = ()) -> Result:
        """The strings `expr` may be (the part at `path` of it); command-line mode with `placeholders`."""
        self.values.placeholders = placeholders
        try:
            if path:
                return self.values.strings_of_concrete(*self.values.follow_path(expr, scope, path))
            return self.values.strings(expr, scope)
        finally:
            self.values.placeholders = False

    def want_attribute(self, attribute: str, slot: Slot, shown: str, site: Location, revisions: tuple) -> None:
        """Wait for the classes that set `attribute`: a name configuration uses for a model or dataset only."""
        if slot.says_unknown and key_type(attribute) is not None:
            self.wanted_attributes.setdefault(attribute, []).append((slot, shown, site, revisions))

    def _record_attributes(self) -> None:
        """`load_dataset(task.dataset_name)` with `task` any of the project's task classes: each
        class that sets `dataset_name` in its body gives its value (the registry a run picks from)."""
        for attribute, uses in self.wanted_attributes.items():
            result = self.values.class_level(attribute)
            for slot, shown, site, revisions in dict.fromkeys(uses):
                # Any class's value, not the one the loader's own object holds: a bare name there
                # (`model = "rerank-v3.5"` of another provider's config) is not the library's to complete
                self.record(result, slot._replace(namespace=None) if slot.namespace else slot, shown, site, revisions)

    def say_unknown(self, site: Location, shown: str, kind: str, result: Result) -> None:
        if result.values:  # a default was found and reported: say that a run may use another value
            self.collector.unknown(site, f"{shown}: the {kind} reported is a default; {reason(result)}")
        else:
            self.collector.unknown(site, f"{shown}: the {kind} is not statically known ({reason(result)})")

    def record(self, result: Result, slot: Slot, shown: str, site: Location, revisions) -> None:
        for value in result.values:
            if slot.known and not possible(value.text, *slot.known):
                continue
            if slot.guessed and _is_test_file(value.module.path):
                continue  # a test's made-up id passed to the code under test (_keyed_keywords)
            if slot.host == SHELL:
                from ..container import Variables, scan_command_text

                # A folder one command of the file writes (`--output_dir data`) is that folder when a
                # later one reads it (`--dataset_name data`), in a notebook's cells as in a script
                variables = Variables()
                variables.outputs = self.shell_outputs.setdefault(value.module.path, set())
                scan_command_text(
                    value.text, self.collector, value.location_at, value.module.directory, shown, variables
                )
                variables.flush()
                continue
            location = value.module.locate(value.line)
            text = value.text
            if slot.host == URL and PLACEHOLDER in text and not _repository_known(text):
                continue  # `https://huggingface.co/{repo}/...` with the repository known only at run time
            if slot.host == MODELSCOPE:
                self.collector.not_hub(location, shown, text, "fetched from ModelScope")
                continue
            if slot.aliases is not None:
                # `WhisperModel("small")`: the repository faster-whisper fetches
                text = ALIASES[slot.aliases].get(text) or ALIASES_OTHERWISE.get(slot.aliases, text)
            elif slot.namespace and self._bare_for_namespace(text, value.module.directory):
                text = f"{slot.namespace}/{text}"  # the library's own rule for a name without one
            elif slot.host == HUB and slot.type == MODEL and not slot.prefixed_only and not _whole_repo_id(shown):
                text = self._repository_of_file(text, value.module.directory) or text
            at = revisions
            pinned = _AT_REVISION.fullmatch(text) if slot.type == MODEL and "@" in text else None
            if pinned is not None:
                # pyannote's `pyannote/speaker-diarization@2.1`: no repository id holds an `@`
                text, at = pinned.group(1), (pinned.group(2),)
            for revision in at:
                self.collector.consider(
                    text,
                    slot.type,
                    location,
                    shown,
                    directory=value.module.directory,
                    revision=revision,
                    bare=slot.bare,
                    prefixed_only=slot.prefixed_only,
                    explain=slot.host != URL and not slot.guessed,  # another host's URL is no news, nor a guess
                )

    def _repository_of_file(self, text: str, directory: str) -> str | None:
        """`org/repo/weights.safetensors` given to a loader: the repository the file is fetched from
        (nunchaku's and ComfyUI-style loaders split it so), unless the path is the project's own
        or a template (`path/to/lora.safetensors`, `user/repo/lora.safetensors`)."""
        parts = text.split("/")
        if len(parts) != 3 or not parts[2].lower().endswith(WEIGHTS_SUFFIXES):
            return None
        if parts[0].lower() in _TEMPLATE_OWNERS or self.collector.tree.local_path(text, directory) is not None:
            return None
        return f"{parts[0]}/{parts[1]}"

    def _bare_for_namespace(self, text: str, directory: str) -> bool:
        """A name sentence-transformers looks up in its own namespace: no `/`, not a path, not a plain legacy model."""
        return (
            bool(text)
            and "/" not in text
            and "\\" not in text
            and ":" not in text
            and text == text.strip()
            and text.lower() not in SENTENCE_TRANSFORMERS_PLAIN
            and text.lower() not in PLACEHOLDERS
            and not api_model_name(text)  # `text-embedding-3-small`: OpenAI's, given to a wrapper that routes it
            and self.collector.tree.local_path(text, directory) is None
        )

    def _prefixed_strings(self, call: ast.Call, scope: Scope, consumed: set[int], qualified: str) -> None:
        """`hf-hub:`, `hf.co/`, `hf://` strings in any call; shell commands run from Python."""
        module = scope.module
        shell = qualified.rsplit(".", 1)[-1] in SHELL_CALLS
        if not (shell or module.has_prefix):
            return  # no prefixed string anywhere in the file's text, and not a command
        if callee_name(call.func).startswith("assert"):
            return  # `self.assertEqual(path, "hf://...")`: the value a test expects, not a download
        arguments = [a for a in call.args] + [
            k.value for k in call.keywords if k.arg is None or not k.arg.startswith(_WRITTEN_KEYWORDS)
        ]
        for argument in arguments:
            if id(argument) in consumed:
                continue
            if shell and isinstance(argument, (ast.List, ast.Tuple)):
                self.shell_words(argument, scope)
                continue
            for node in ast.walk(argument):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    if node.value.startswith(HUB_PREFIXES):
                        self._prefixed(node.value, module.locate(node.lineno), module, dotted(call.func))
                    elif shell:
                        self._shell_text(node.value, module, node.lineno)
                elif isinstance(node, ast.Name) and node is argument and module.has_prefix:
                    for value in self.values.strings(node, scope).values:
                        if value.text.startswith(HUB_PREFIXES):
                            self._prefixed(value.text, value.module.locate(value.line), value.module, dotted(call.func))

    def _prefixed(self, text: str, location: Location, module: Module, shown: str) -> None:
        _name, kind, _revision, _ = strip_prefix(text, MODEL)
        self.collector.consider(text, kind, location, shown, directory=module.directory, prefixed_only=True)

    def _shell_text(self, text: str, module: Module, line: int) -> None:
        from ..container import scan_command_text

        scan_command_text(text, self.collector, lambda _offset: module.locate(line), module.directory, "subprocess")

    def shell_words(self, argument: ast.List | ast.Tuple, scope: Scope) -> None:
        """`subprocess.run(["huggingface-cli", "download", MODEL])`: each word where it is written; a
        word that may be one of several values (an option's choices) gives one command line per value."""
        from ..container import scan_command_text

        choices: list[list[tuple[str, Location]]] = []  # each word's possible texts, where each is written
        for element in argument.elts:
            self.values.budget = BUDGET
            evaluated = self.values.strings(element, scope)
            if evaluated.values and not evaluated.other:
                choices.append([(v.text, v.module.locate(v.line)) for v in evaluated.values])
            else:
                choices.append([("$UNKNOWN", scope.module.locate(element.lineno))])
        for words in itertools.islice(itertools.product(*choices), MAX_VALUES):
            text, starts = "", []
            for word, location in words:
                starts.append((len(text), location))
                text += (f'"{word}"' if " " in word or not word else word) + " "

            def locate(offset: int, starts: list = starts) -> Location:
                return max((s for s in starts if s[0] <= offset), key=lambda s: s[0], default=starts[0])[1]

            if starts:
                scan_command_text(text, self.collector, locate, scope.module.directory, "subprocess")

    # -- parameters passed on ----------------------------------------------------

    def finish(self) -> None:
        """Analyse every parsed module, then follow parameters into their callers until nothing is new."""
        analysed: set[str] = set()
        searched: set[str] = set()
        for code, location, directory in self.collector.inline_python:
            self._inline(code, location, directory)
        self._parse_pending(_holds_keyed_id)
        self._parse_subclass_files()
        for _round in range(10):
            self._analyse_new(analysed)
            attributes = set(self.wanted_attributes) - searched
            if attributes:  # the classes that set them may be in files set aside
                self._parse_setting(attributes, analysed)
                searched |= attributes
            if not self.callers.waiting:
                break
            names = self.callers.names(self.callers.waiting) - searched
            if names:
                self._parse_callers(names)
                searched |= names
                self._analyse_new(analysed)
            self.callers.forget_calls()
            batch, self.callers.waiting = self.callers.waiting, []
            for function, parameter, use in batch:
                self._guarded(function.module.path, partial(self.callers.resolve, function, parameter, use))
        if self.wanted_attributes:
            self._parse_setting(set(self.wanted_attributes) - searched, analysed)
            self._record_attributes()
        if self.loaded_fields:
            self._instances_of_loaded_fields()

    def _analyse_new(self, analysed: set[str]) -> None:
        for relative, module in list(self.modules.items()):
            if module is not None and relative not in analysed:
                analysed.add(relative)
                self._guarded(relative, partial(self.analyse, module))

    def _parse_subclass_files(self) -> None:
        """Parse the files set aside that subclass a class of a parsed module: `self.X` may read their `X`.

        Again for the classes those files define (`GeneralHumanEvalPlus(GeneralHumanEval)`,
        `GeneralHumanEval(Task)`), a few rounds deep.
        """
        known: set[bytes] = set()
        for _round in range(4):
            names = {k.name.encode() for m in self.modules.values() if m is not None for k in m.classes.values()}
            names -= known
            if not names:
                return
            known |= names
            self._parse_pending(partial(_subclasses_one_of, names=names))
            others = []
            for relative, absolute, bases in self.subclass_files:
                if names.isdisjoint(bases):
                    others.append((relative, absolute, bases))
                    continue
                try:
                    with open(absolute, "rb") as handle:
                        self._parse(relative, absolute, handle.read())
                except OSError:
                    continue  # gone since the walk: nothing to read
            self.subclass_files = others

    def _parse_setting(self, attributes: set[str], analysed: set[str]) -> None:
        """Parse the files set aside that assign one of `attributes` in an indented block (a class body).

        Parsed for their classes only: they hold no loader word, and what else they hold is
        no more a reference than it was before they were parsed (they count as `analysed`).
        """
        if not attributes:
            return
        alternatives = b"|".join(re.escape(a.encode()) for a in sorted(attributes))
        assigned = re.compile(rb"^[ \t]+(?:" + alternatives + rb")[ \t]*(?::[^=\n]*)?=(?!=)", re.M)
        analysed.update(self._parse_pending(lambda data: assigned.search(data) is not None))

    def _parse_callers(self, names: set[str]) -> None:
        """Parse the files set aside (no loader, an id-like string) that mention one of `names`."""
        wanted = {name.encode() for name in names}  # a set, not a regex: the cost must not grow with the names
        self._parse_pending(lambda data: _mentions(data, wanted))
        # The files with neither a loader nor an id are read again only for the names no parsed
        # file calls: most callers hold an id or a loader, and reading every other file costs.
        wanted = {name.encode() for name in names if name not in self.calls_by_name}
        if not wanted or not self.quiet_files:
            return
        remaining = []
        for relative, absolute in self.quiet_files:
            try:
                with open(absolute, "rb") as handle:
                    data = handle.read()
            except OSError:
                continue  # gone since the walk: nothing to read
            if _mentions(data, wanted):
                self._parse(relative, absolute, data)
            else:
                remaining.append((relative, absolute))
        self.quiet_files = remaining

    def _parse_pending(self, wanted: Callable[[bytes], bool]) -> list[str]:
        """Parse the files set aside whose text is `wanted`; the rest stay aside. The paths parsed."""
        parsed, remaining = [], []
        for relative, absolute, data in self.pending:
            if wanted(data):
                self._parse(relative, absolute, data)
                parsed.append(relative)
            else:
                remaining.append((relative, absolute, data))
        self.pending = remaining
        return parsed


def _subclasses_one_of(data: bytes, names: set[bytes]) -> bool:
    """Whether the source `data` defines a class with one of `names` among its bases."""
    return b"class" in data and any(
        not names.isdisjoint(_IDENTIFIER.findall(match.group(1))) for match in _CLASS_BASES.finditer(data)
    )


# The first word of a path written as a template to fill in (`path/to/x.safetensors`, `user/repo/...`)
_TEMPLATE_OWNERS = frozenset({"path", "user", "org", "repo", "username", "your"})


def _called_on_an_object(func: ast.Attribute, scope: Scope) -> bool:
    """Whether `x.y.method` is called on a value the code made rather than on a module it imports:
    the name at its base is bound in the code, and by no import."""
    base = func.value
    while type(base) is ast.Attribute:
        base = base.value
    if type(base) is not ast.Name:
        return True  # `Backend().load_dataset(...)`, `self.backends[k].load_dataset(...)`
    bindings = lookup(base.id, base, scope)
    if not bindings:
        return False  # bound nowhere we know (a star import): may be the module
    return not any(b.kind == IMPORT for b in bindings)


def _constant_text(node: ast.expr | None) -> str | None:
    return node.value if type(node) is ast.Constant and type(node.value) is str else None


def _loaders(names: list[str], call: ast.Call) -> list[Loader]:
    """The loaders a call reaches under any of the names its callee may have."""
    return [loader for name in names if (loader := loader_for(name, call)) is not None]


def _repository_known(url: str) -> bool:
    """Whether a Hub URL built with a part known only at run time (PLACEHOLDER) names its repository in full."""
    if not url.startswith(HUB_URL_PREFIXES):
        return False
    repository, _kind, _revision, _prefixed = strip_prefix(url, MODEL)
    return bool(repository) and PLACEHOLDER not in repository
