"""Following values: the strings an expression may be at the place it is read, never a guess.

Names are followed through the bindings that reach them (parse.py), and from there:

- constants of the module, of a class (`self.MODEL`, `Config.MODEL`, an Enum
  member's `.value`), of the function, and of another module of the project
  (`from .settings import MODEL`); for `self.MODEL` in a method, also the value
  each subclass in the project gives `MODEL`, where that subclass writes it;
- f-strings, `+`, `str.format` and `"/".join` of such constants; both branches of
  `a if c else b` and `a or b`; an element of a constant dict or list, every
  element when the key is known only at run time; each item of a loop over one;
- the defaults of `argparse` options, `click` options, dataclass and settings
  fields, and `os.environ.get(NAME, default)` (a notice says the environment
  may override it); the choices of a Streamlit `selectbox`;
- a function's parameter: reported as such (`Result.params`), for the project to
  follow into the calls of that function; with the path that leads from the
  parameter to the value (`args.dataset_name`, `info["path"]` over
  `config.items()`), applied to each call's argument in turn (`follow_path`).

A binding already being followed contributes nothing when it is reached again
(`name = name + "-x"` in a loop is followed once round, not to the limit), and
every argument has a budget of steps, so pathological code stays cheap.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterable
from typing import NamedTuple, Protocol

from .datafiles import may_read
from .loaders import keyword, loader_for
from .parse import (
    CLASS,
    DEF,
    IMPORT,
    ITER,
    PARAM,
    PART,
    UNKNOWN,
    VALUE,
    Binding,
    ClassInfo,
    Function,
    Module,
    Scope,
    callee_name,
    dotted,
    enclosing_function,
    facts_about,
    is_super,
    lookup,
)

_PROGRESS_BARS = frozenset({"tqdm", "track"})  # tqdm, tqdm.auto.tqdm, rich.progress.track
# Calls whose first argument is a folder on this machine.
_FOLDER_CALLS = frozenset({"os.makedirs", "os.mkdir", "os.path.exists", "os.path.isdir", "os.listdir", "shutil.rmtree"})
_ENUM_BASES = frozenset({"Enum", "StrEnum", "IntEnum", "Flag", "IntFlag"})
# `str` methods followed through, with how many (constant) arguments each takes at most:
# they change a name the code picks (`f"pyp1/VoiceCraft_{name.replace('.pth', '')}"`).
_STRING_METHODS = {
    "replace": 3,
    "strip": 1,
    "lstrip": 1,
    "rstrip": 1,
    "removeprefix": 1,
    "removesuffix": 1,
    "split": 2,
    "rsplit": 2,
}
REGISTRY_CALLS = "[]"  # calls_by_name's key for `REGISTRY[name](...)`: the class is known only by the registry
MAX_VALUES = 64  # a product of f-string parts is cut here: a loader is not a cartesian explosion
# The longest string a `str` method is left to make: far above any repository id or URL.
_MAX_MADE = 4096
# The values one expression may have, listed in the code (a table of 200 models): cut here, and said.
MAX_LISTED = 1024
_MAX_DEPTH = 24
BUDGET = 4000  # steps of following names for one argument: bounds pathological code
_ENVIRON_GETTERS = frozenset({"os.getenv", "os.environ.get", "environ.get", "getenv", "os.environ.setdefault"})
_CHOICE_WIDGETS = frozenset({"selectbox", "radio", "select_slider"})  # Streamlit
_GRADIO_INPUTS = frozenset({"Radio", "Dropdown", "Textbox", "Text"})
_DATABRICKS_WIDGETS = frozenset({"combobox", "dropdown", "multiselect", "text"})
# A library's class methods that make an instance of the class they are called on
_MADE_BY_CLASSMETHOD = frozenset({"from_pretrained", "from_single_file", "from_config", "from_pipe"})
_FIELD_FACTORIES = frozenset({"field", "Field", "Option", "Argument", "Query", "Body", "Form", "Param"})


class Value(NamedTuple):
    """A string an expression may be, where it is written, and where its parts are.

    `spans`: (start, end, module, line) of the parts of `text` written elsewhere (an
    f-string's `{MODEL}`), innermost last, so that a command line built in code can
    point at the line where each of its words is written.
    """

    text: str
    module: Module
    line: int
    spans: tuple = ()

    def location_at(self, offset: int):
        for start, end, module, line in reversed(self.spans):
            if start <= offset < end:
                return module.locate(line)
        return self.module.locate(self.line)


PLACEHOLDER = "UNKNOWN"  # stands for a part of a command line known only at run time


class Result:
    """What an expression may be: strings, parameters it comes from, and why the rest is unknown.

    `other`: it may also be something else than a string (None, a number).
    `composed`: a parameter is only a part of the value (`f"org/{size}"`): a caller's
    argument is not the value itself, the expression must be evaluated again with it.
    """

    __slots__ = ("values", "params", "unknown", "other", "composed")

    def __init__(
        self,
        values: list[Value] | None = None,
        params: list[tuple[Function, str, tuple]] | None = None,
        unknown: list[str] | None = None,
        other: bool = False,
    ) -> None:
        self.values = values if values is not None else []
        self.params = params if params is not None else []
        self.unknown = unknown if unknown is not None else []
        self.other = other
        self.composed = False

    def extend(self, other: Result) -> Result:
        self.values.extend(other.values)
        self.params.extend(other.params)
        self.unknown.extend(other.unknown)
        self.other = self.other or other.other
        self.composed = self.composed or other.composed
        return self


def unknown(reason: str) -> Result:
    return Result(unknown=[reason])


def _along(result: Result, *steps: tuple) -> Result:
    """`result` with each parameter's path extended: the value is that part of the parameter."""
    result.params = [(function, name, path + steps) for function, name, path in result.params]
    return result


# Calls that give some of a collection's items (`random.sample(NAMES, 20)`), or one of them
_SAMPLERS = frozenset({"random.sample", "random.choices"})
_PICKERS = frozenset({"random.choice", "np.random.choice", "numpy.random.choice"})


def possible(text: str, name: str, known: tuple[tuple[str, bool], ...]) -> bool:
    """Whether `name` may hold `text` where the facts `known` hold (`name == 'fake'` is false there...)."""
    for key, truth in known:
        operator, _, operand = key[len(name) + 1 :].partition(" ")
        try:
            constants = ast.literal_eval(operand)
        except (ValueError, SyntaxError):
            continue
        if operator in ("contains", "startswith", "endswith"):
            # a tuple: any of several (`a.startswith("x/") or a.startswith("y/")`, `"opt" in a or "t5" in a`)
            several = isinstance(constants, tuple) and all(isinstance(c, str) for c in constants)
            if operator == "contains":
                inside = (
                    constants in text if isinstance(constants, str) else several and any(c in text for c in constants)
                )
            else:
                inside = (isinstance(constants, str) or several) and getattr(text, operator)(constants)
        else:
            if operator == "==":
                constants = (constants,)
            # A whole number compared is met by its digits: `int(...)` gives them (_as_integer)
            inside = text in {c if isinstance(c, str) else str(c) for c in constants if _text_or_integer(c)}
        if inside != truth:
            return False
    return True


def _text_or_integer(constant: object) -> bool:
    return isinstance(constant, str) or (type(constant) is int and abs(constant) < 10**18)


def possible_where(values: list[Value], text: str, facts) -> list[Value]:
    """`values` of `text` (`args.model_type`) less those that the facts about it among `facts`, the
    ones a call is made under (Module.part_facts), rule out."""
    known = tuple(fact for fact in facts or () if fact[0].startswith(text + " "))
    return [v for v in values if possible(v.text, text, known)] if known else values


def reason(result: Result) -> str:
    reasons = list(dict.fromkeys(result.unknown))
    if result.params and not reasons:
        function, parameter, _path = result.params[0]
        reasons = [f"parameter `{parameter}` of `{function.qualname}`"]
    return "; ".join(reasons[:2]) or "computed at run time"


def qualified_names(node: ast.expr, scope: Scope) -> list[str]:
    """The dotted names a callee may have after the imports that reach it: `AutoModel` → `transformers.AutoModel`."""
    text = dotted(node)
    head, _, rest = text.partition(".")
    base = node
    while isinstance(base, ast.Attribute):
        base = base.value
    bindings = lookup(head, base, scope) if isinstance(base, ast.Name) else None
    targets = [b.detail[0] for b in bindings or () if b.kind == IMPORT]
    if not targets:
        return [text]
    return list(dict.fromkeys(t + ("." + rest if rest else "") for t in targets))


class ProjectModules(Protocol):
    """What following values needs to know of the project (project.py's PythonProject)."""

    subclasses: dict[str, list[ClassInfo]]  # a base's last name → classes that name it as a base
    modules: dict[str, Module | None]  # relative path → parsed module (None: did not parse)

    def module_named(self, dotted_name: str, near: str | None = None) -> Module | None: ...

    def resolve_import(self, qualified: str, near: str | None = None) -> tuple[Module, str] | None: ...

    def data_file(self, call: ast.Call, scope: Scope) -> list[tuple[ast.expr, Scope]]: ...

    def launched(self, module: Module, option: str) -> list[tuple[ast.expr, Scope]]: ...


class Evaluator:
    """Follows expressions of the project's modules to the strings they may hold."""

    def __init__(self, project: ProjectModules) -> None:
        self.project = project
        self.budget = BUDGET
        self.active: set[int] = set()  # bindings being followed: reached again, they add nothing
        # While reading a command line, a part known only at run time stands as PLACEHOLDER
        # rather than making the whole string unknown: `--port {port}` must not hide `--model X`.
        self.placeholders = False
        # (function key, parameter) → (argument, scope) of one call: set while an expression
        # built from parameters is evaluated again for that call (project.py's templates).
        # The argument may be a Result instead: strings known already (a Gradio input's choices).
        self.overrides: dict[tuple, tuple[ast.expr | Result, Scope | None]] = {}
        # module path → the project's classes it imports (_imported_fields): asked for every
        # attribute nothing else resolves, it is worked out once per module
        self._classes: dict[str, list[tuple[Module, ClassInfo]]] = {}
        # module path → the project's functions it imports from modules that add options (_imported_options)
        self._parser_functions: dict[str, list[Function]] = {}
        # module path → the names of the folders it makes or checks for (_under_local_folder)
        self._folders: dict[str, frozenset[str]] = {}
        # id(Function) → the expressions its `return` statements give (_returned)
        self._returns: dict[int, list[ast.expr]] = {}
        # (module path, dict name) → what the module's functions store into that dict (_items_stored)
        self._stores: dict[tuple[str, str], list[tuple[Function, ast.expr]]] = {}
        # the same → (modules parsed, the classes a decorator files into that dict) (_decorated_into)
        self._decorated: dict[tuple[str, str], tuple[int, list[tuple[str | None, ClassInfo]]]] = {}

    def is_loader_call(self, call: ast.Call, scope: Scope) -> bool:
        return any(loader_for(name, call) is not None for name in qualified_names(call.func, scope))

    # -- names, attributes, subscripts ---------------------------------------------------

    def follow(self, expr: ast.expr, scope: Scope, depth: int = 0) -> tuple[list, Result]:
        """The concrete expressions `expr` may stand for, through names, attributes and subscripts."""
        self.budget -= 1
        if depth > _MAX_DEPTH or self.budget < 0:
            return [], unknown("too many indirections to follow")
        if isinstance(expr, ast.Name):
            return self.follow_bindings(self._lookup(expr.id, expr, scope), expr.id, depth)
        if isinstance(expr, ast.Attribute):
            return self._follow_attribute(expr, scope, depth)
        if isinstance(expr, ast.Subscript):
            return self._follow_subscript(expr, scope, depth)
        if type(expr) is ast.Call:
            picked = dotted(expr.func)
            if picked in _PICKERS and expr.args:
                # `random.choice(MODELS)`: one of the items
                return self.elements(expr.args[0], scope, (), depth + 1)
            if picked in _SAMPLERS and expr.args:
                # `random.sample(NAMES, 20)`: a list of some of the items, read as the collection itself
                return self.follow(expr.args[0], scope, depth + 1)
            paired = _dict_of_pairs(expr, picked)
            if paired is not None:
                return [(paired, scope)], Result()
            if picked.rsplit(".", 1)[-1] in ("field", "Field"):
                # a dataclass or pydantic field: its default, or what its `default_factory` lambda makes
                # (`names: list = field(default_factory=lambda: ["org/a", "org/b"])`)
                default = keyword(expr, "default")
                factory = keyword(expr, "default_factory")
                if default is None and isinstance(factory, ast.Lambda):
                    default = factory.body
                if default is not None:
                    return self.follow(default, scope, depth + 1)
            if may_read(expr):
                loaded = self.project.data_file(expr, scope)
                if loaded:  # `json.load(open("config/model2path.json"))`: the file's content
                    return loaded, Result()
            target = self.callee(expr, scope)
            if target is not None and target[0].name != "__init__":
                returned = self._returned(target[0], depth)
                if returned is not None:  # `get_model_name()`: what the project's function returns
                    return returned
        return [(expr, scope)], Result()

    def _return_values(self, function: Function) -> list[ast.expr]:
        returns = self._returns.get(id(function))
        if returns is None:
            returns = self._returns[id(function)] = returned_expressions(function.node)
        return returns

    def _returned(self, function: Function, depth: int) -> tuple[list, Result] | None:
        """What `function` returns: each `return` expression followed in its body. None for
        a function with no `return value` (a generator, a procedure). A parameter in it is
        one of the function's: its callers say what it is, as for any parameter."""
        returns = self._return_values(function)
        if not returns:
            return None
        if id(function.node) in self.active:
            return [], Result()  # a recursive function: its other returns say what it gives
        self.active.add(id(function.node))
        concrete: list = []
        result = Result()
        try:
            for value in returns:
                found, more = self.follow(value, function.scope, depth + 1)
                concrete.extend(found)
                result.extend(more)
        finally:
            self.active.discard(id(function.node))
        return concrete, result

    def follow_bindings(self, bindings, name: str, depth: int) -> tuple[list, Result]:
        if bindings is None:
            return [], unknown(f"`{name}` is not defined in this file")
        concrete: list = []
        result = Result()
        for binding in bindings:
            kind = binding.kind
            if kind in (VALUE, ITER, PART):
                if id(binding) in self.active:
                    continue
                self.active.add(id(binding))
                try:
                    if kind == VALUE:
                        found, more = self.follow(binding.node, binding.scope, depth + 1)
                    elif kind == ITER:
                        found, more = self.elements(binding.node, binding.scope, binding.detail, depth + 1)
                    else:
                        found, more = self._part(binding, name, depth)
                finally:
                    self.active.discard(id(binding))
                concrete.extend(found)
                result.extend(more)
            elif kind == PARAM:
                override = self.overrides.get((binding.detail[0].key, binding.detail[1]))
                if override is None:
                    result.params.append((*binding.detail, ()))
                elif isinstance(override[0], Result):  # strings known already, each where it is written
                    concrete.extend(
                        _written(v)
                        for v in override[0].values
                        if not binding.guards or possible(v.text, name, facts_about(name, binding.guards))
                    )
                    result.unknown.extend(override[0].unknown)
                elif id(binding) not in self.active and override[1] is not None:
                    self.active.add(id(binding))  # a call's argument, while a caller's call is evaluated again
                    try:
                        found, more = self.follow(override[0], override[1], depth + 1)
                    finally:
                        self.active.discard(id(binding))
                    if binding.guards:  # past `if name == "330M": name = ...`, the argument is not "330M"
                        found = _possible_nodes(found, name, facts_about(name, binding.guards))
                    argument = override[0]
                    if type(argument) in (ast.Name, ast.Attribute):
                        # `evaluate(task_key)` under `if task_key.startswith("retrieval/"):` in the caller
                        read = override[1].module.read_facts.get(id(argument))
                        if read:
                            found = _possible_nodes(found, dotted(argument), read)
                    concrete.extend(found)
                    result.extend(more)
            elif kind == IMPORT:
                target_name, whole_module = binding.detail
                target = self.project.resolve_import(target_name, _importer(binding)) if not whole_module else None
                if target is not None:
                    found, more = self.follow_bindings(self.exported(*target), target[1], depth + 1)
                    concrete.extend(found)
                    result.extend(more)
                else:
                    result.unknown.append(f"`{name}` is imported from {target_name.rsplit('.', 1)[0] or target_name}")
            elif kind == UNKNOWN:
                result.unknown.append(binding.detail)
            elif kind in (DEF, CLASS):
                concrete.append((binding, None))
        return concrete, result

    def _lookup(self, name: str, node: ast.expr, scope: Scope) -> tuple[Binding, ...] | None:
        """The bindings of `name` that reach `node`, or else what `from x import *` gives it."""
        bindings = lookup(name, node, scope)
        if bindings is None and scope.module.star_imports:
            bindings = self._star_bindings(scope.module, name, {scope.module.path})  # `from config import *`
        return bindings

    def exported(self, module: Module, name: str, seen: set[str] | None = None) -> tuple[Binding, ...] | None:
        """What `name` is bound to at the end of `module`, or in the modules it takes with `from x
        import *` (a package's `from .pipeline import *`); None when none of the project's binds it."""
        bindings = module.scope.exit.get(name)
        if bindings is None and module.star_imports:
            bindings = self._star_bindings(module, name, seen if seen is not None else {module.path})
        if bindings is None and "__getattr__" in module.functions:
            bindings = self._lazy_bindings(module, name, seen if seen is not None else {module.path})
        return bindings

    def _lazy_bindings(self, module: Module, name: str, seen: set[str]) -> tuple[Binding, ...] | None:
        """A package that imports its names when first asked (PEP 562's module `__getattr__`), from a
        table of the module each name is in: `{"RankListwiseOSLLM": "pkg.rank_listwise_os_llm"}`, or
        the names each module holds, transformers' `{"pipeline_x": ["XPipeline"]}`."""
        for bindings in module.scope.exit.values():
            for binding in bindings:
                table = binding.node if binding.kind == VALUE else None
                if type(table) is not ast.Dict:
                    continue
                for key, value in zip(table.keys, table.values):
                    if type(key) is not ast.Constant or not isinstance(key.value, str):
                        continue
                    if key.value == name and type(value) is ast.Constant and isinstance(value.value, str):
                        where = value.value
                    elif isinstance(value, (ast.List, ast.Tuple)) and any(
                        type(item) is ast.Constant and item.value == name for item in value.elts
                    ):
                        where = key.value
                    else:
                        continue
                    package = module.dotted or ""
                    if not module.path.endswith("__init__.py"):
                        package = package.rpartition(".")[0]
                    dotted_name = (
                        where
                        if "." in where.lstrip(".") and not where.startswith(".")
                        else f"{package}.{where.lstrip('.')}"
                    )
                    imported = self.project.module_named(dotted_name, module.path)
                    if imported is None or imported.path in seen:
                        continue
                    seen.add(imported.path)
                    found = self.exported(imported, name, seen)
                    if found is not None:
                        return found
        return None

    def _star_bindings(self, module: Module, name: str, seen: set[str]) -> tuple[Binding, ...] | None:
        """What `name` is bound to in the modules `module` imports with `from x import *` (and in
        theirs), the first that binds it; `seen`: the modules looked in already (an import cycle)."""
        for star in module.star_imports:
            imported = self.project.module_named(star, module.path)
            if imported is None or imported.path in seen:
                continue
            seen.add(imported.path)
            bindings = self.exported(imported, name, seen)
            if bindings is not None:
                return bindings
        return None

    def class_of(self, expr: ast.expr, scope: Scope | None, depth: int) -> ClassInfo | None:
        """The project class an expression names (`Config`) or instantiates (`Config()`)."""
        if scope is None:  # a class scope's parent: never None, but typed as any scope's
            return None
        if isinstance(expr, ast.Call):
            func = expr.func
            if isinstance(func, ast.Attribute) and func.attr in _MADE_BY_CLASSMETHOD and depth <= _MAX_DEPTH:
                # `InstantCharacterFluxPipeline.from_pretrained(...)`: an instance of that class, made by a
                # class method it inherits from the library (`pipe.init_adapter(...)` is the project's method)
                made = self.class_of(func.value, scope, depth + 1)
                if made is not None:
                    return made
            expr = func
        if isinstance(expr, (ast.Name, ast.Attribute)):
            found, _ = self.follow(expr, scope, depth + 1)
            for item, item_scope in found:
                if isinstance(item, Binding) and item.kind == CLASS:
                    return item.detail
                if isinstance(item, ast.Call):
                    return self.class_of(item, item_scope, depth + 1)
        return None

    def _class_attribute(
        self, klass: ClassInfo, attr: str, depth: int, seen: set | None = None
    ) -> tuple[list, Result] | None:
        seen = seen or set()
        if id(klass) in seen:
            return None
        seen.add(id(klass))
        concrete: list = []
        result = Result()
        if not self._collect_own_value(klass, attr, depth, concrete, result, class_level=True):
            for base in klass.node.bases:
                base_class = self.class_of(base, klass.scope.parent, depth)
                if base_class is not None:
                    inherited = self._class_attribute(base_class, attr, depth + 1, seen)
                    if inherited is not None:
                        return inherited
            return None
        return concrete, result

    def _collect_own_value(
        self, klass: ClassInfo, attr: str, depth: int, concrete: list, result: Result, *, class_level: bool
    ) -> bool:
        """Add what `klass` itself sets `attr` to (in its body when `class_level`, and
        through `self` in its methods) to `concrete` and `result`; whether it sets it."""
        hit = False
        if class_level and attr in klass.scope.exit:
            found, more = self.follow_bindings(klass.scope.exit[attr], attr, depth + 1)
            for item in found:
                binding = item[0]
                if isinstance(binding, Binding) and binding.kind == DEF and _is_property(binding.detail):
                    # `self.description` of a `@property`: what the method returns
                    returned = self._returned(binding.detail, depth + 1)
                    if returned is not None:
                        concrete.extend(returned[0])
                        result.extend(returned[1])
                        continue
                concrete.append(item)
            result.extend(more)
            hit = True
        for value, value_scope in klass.instance_attrs.get(attr, ()):
            found, more = self.follow(value, value_scope, depth + 1)
            concrete.extend(found)
            result.extend(more)
            hit = True
        return hit

    def _overrides(self, function: Function, attr: str, depth: int) -> tuple[list, Result] | None:
        """What the project's subclasses set `attr` to, when `function` (a method) reads `self.attr`.

        `self` may be an instance of any subclass: each one that assigns `attr` itself
        (in its body, or through `self` in its methods) contributes that value, where it
        is written. A subclass that overrides `function` without calling `super()` never
        runs it: neither it nor its own subclasses count. A class-level value is hidden
        when a class above it assigns `self.attr` in a method.
        """
        klass = function.klass
        if klass is None:  # asked only for methods
            return None
        concrete: list = []
        result = Result()
        hit = False
        stack = [(klass, self._assigns_through_self(klass, attr, set()))]
        seen = {id(klass)}
        while stack:
            current, hidden = stack.pop()
            for sub in self.project.subclasses.get(current.name, ()):
                if id(sub) in seen or self.budget < 0:
                    continue
                if not any(self.class_of(b, sub.scope.parent, depth + 1) is current for b in sub.node.bases):
                    continue
                seen.add(id(sub))
                own = sub.methods.get(function.name)
                if own is not None and not _calls_super(own.node):
                    continue
                hit = self._collect_own_value(sub, attr, depth, concrete, result, class_level=not hidden) or hit
                stack.append((sub, hidden or attr in sub.instance_attrs))
        return (concrete, result) if hit else None

    def _assigns_through_self(self, klass: ClassInfo, attr: str, seen: set) -> bool:
        """Whether `klass` or a class above it assigns `self.attr` in a method."""
        if id(klass) in seen:
            return False
        seen.add(id(klass))
        if attr in klass.instance_attrs:
            return True
        for base in klass.node.bases:
            parent = self.class_of(base, klass.scope.parent, 0)
            if parent is not None and self._assigns_through_self(parent, attr, seen):
                return True
        return False

    def _follow_attribute(self, expr: ast.Attribute, scope: Scope, depth: int) -> tuple[list, Result]:
        if expr.attr == "__dict__":
            return [(expr, scope)], Result()  # an object's attributes as a dict: read by key (namespace_of)
        base = expr.value
        text = dotted(expr)
        if expr.attr in ("value", "name") and isinstance(base, (ast.Attribute, ast.Subscript)):
            # An Enum member's value: `Models.LARGE.value` is what the class body assigns to
            # LARGE; `Models[key].value` what it assigns to the members `key` may name.
            found, result = (
                self._follow_attribute(base, scope, depth + 1)
                if isinstance(base, ast.Attribute)
                else self._follow_subscript(base, scope, depth + 1)
            )
            if found and expr.attr == "value":
                return found, result
        if expr.attr == "value" and type(base) is ast.Name:
            # `member.value` in a loop over an Enum class (`for member in Models`): a string has no
            # `value`, so a name that holds only strings holds the members' values
            found, result = self.follow(base, scope, depth + 1)
            if found and all(type(n) is ast.Constant and type(n.value) is str for n, _ in found):
                return found, result
        if isinstance(base, ast.Name):
            function = enclosing_function(scope)
            if expr.attr == "param" and function is not None:
                fixture_params = self._fixture_params(function, base.id, depth)
                if fixture_params is not None:
                    return fixture_params
            if function and function.klass and function.positional and base.id == function.positional[0]:
                own = self._class_attribute(function.klass, expr.attr, depth)
                overrides = None
                if function.kind != "staticmethod" and self.project.subclasses.get(function.klass.name):
                    overrides = self._overrides(function, expr.attr, depth)
                if own is None:
                    return overrides or ([], unknown(f"`{text}` is set at run time"))
                if overrides is not None:
                    own[0].extend(overrides[0])
                    own[1].extend(overrides[1])
                return own
            bindings = lookup(base.id, base, scope)
            imported = next((b for b in bindings or () if b.kind == IMPORT), None)
            module = self.project.module_named(imported.detail[0], _importer(imported)) if imported else None
            if module is not None:  # `settings.MODEL` after `import settings` or `from app import settings`
                return self.follow_bindings(module.scope.exit.get(expr.attr), expr.attr, depth + 1)
            klass = self.class_of(base, scope, depth)
            if klass is not None:
                own = self._class_attribute(klass, expr.attr, depth)
                if own is not None:
                    # A field's default in the class body, and what each instance is made with
                    # (`ModelSpec(lora_repo_id="org/x")`): the keyword wins where it is given.
                    found, result = self.follow(base, scope, depth + 1)
                    given = self._step(found, ("attr", expr.attr), result, (), depth)
                    own[0].extend(given)
                    own[1].extend(result)
                    return own
            if bindings and all(
                b.kind == VALUE and isinstance(b.node, ast.Call) and self.is_loader_call(b.node, b.scope)
                for b in bindings
            ):
                return [], Result()  # `processor.tokenizer`: a part of a loaded model, reported at its loader
        if isinstance(base, (ast.Name, ast.Attribute, ast.Subscript)):
            found, result = self.follow(base, scope, depth + 1)
            concrete = self._step(found, ("attr", expr.attr), result, (), depth)
            if concrete or result.params:  # `args.name` of a parameter, `Config(name=...).name`
                return concrete, _along(result, ("attr", expr.attr))
        defaults = self._option_values(scope.module, expr.attr, fields=True)
        if defaults:
            concrete = []
            result = Result()
            for value, value_scope in defaults:
                found, more = self.follow(value, value_scope, depth + 1)
                concrete.extend(found)
                result.extend(more)
            result.unknown.append(f"`{text}` is a command-line option or setting that a run may change")
            return concrete, result
        return [], unknown(f"`{text}` is known only at run time")

    def _fixture_params(self, function: Function, name: str, depth: int) -> tuple[list, Result] | None:
        """`request.param` in `@pytest.fixture(params=[...])`: pytest runs the fixture once per item
        (`pytest.param(x, marks=...)` gives x)."""
        if name not in function.positional:
            return None
        for decorator in function.node.decorator_list:
            if not (isinstance(decorator, ast.Call) and dotted(decorator.func).endswith("fixture")):
                continue
            params = next((k.value for k in decorator.keywords if k.arg == "params"), None)
            if params is None:
                continue
            containers, result = self.follow(params, function.scope.parent or function.scope, depth + 1)
            items = []
            for container, container_scope in containers:
                if not isinstance(container, (ast.List, ast.Tuple)):
                    continue
                for item in container.elts:
                    if isinstance(item, ast.Call) and dotted(item.func).endswith("param") and item.args:
                        item = item.args[0]
                    items.append((item, container_scope))
            return items, result
        return None

    def _split(self, call: ast.Call, scope: Scope, depth: int) -> tuple[list[list[Value]], Result] | None:
        """The pieces of each string `text.split(sep)` (or `rsplit`) splits, when `call` is one."""
        if _string_method(call) not in ("split", "rsplit"):
            return None
        assert isinstance(call.func, ast.Attribute)  # a method call
        inner = self.strings(call.func.value, scope, depth + 1)
        arguments = [a.value for a in call.args]  # type: ignore[attr-defined]  # constants
        pieces = []
        for value in inner.values:
            try:
                texts = getattr(value.text, call.func.attr)(*arguments)
            except (TypeError, ValueError):  # `text.split(1)`, `text.split("")`
                return None
            pieces.append([Value(text, value.module, value.line) for text in texts])
        result = Result(params=inner.params, unknown=inner.unknown)
        result.composed = bool(inner.params)  # a piece of a parameter: evaluated again with each argument
        return pieces, result

    def _piece(self, split: tuple[list[list[Value]], Result], index: int) -> tuple[list, Result]:
        """The piece at `index` of each split string, as constants where the string is written."""
        pieces, result = split
        concrete: list = []
        for texts in pieces:
            if -len(texts) <= index < len(texts):
                concrete.append(_written(texts[index]))
        if not pieces and not result.unknown and not result.params:
            result.unknown.append("a split of a value known at run time")
        return concrete, result

    def _option_values(self, module: Module, option: str, fields: bool = False) -> list[tuple[ast.expr, Scope]]:
        """An option's defaults in `module` (or in the parser-making function it imports; with `fields`,
        else in the dataclasses it imports), and the values the project's shell scripts run it with:
        a script that passes the option does not make its default one no run gets."""
        defaults = self._declared_defaults(module, option)
        if not defaults and fields:
            defaults = self._imported_fields(module, option)
        return defaults + self.project.launched(module, option)

    def _declared_defaults(self, module: Module, option: str) -> list[tuple[ast.expr, Scope]]:
        """An option's defaults where its parser is made: in `module`, or in the parser-making function it imports."""
        return module.option_defaults.get(option) or self._imported_options(module, option)

    def _imported_options(self, module: Module, option: str) -> list[tuple[ast.expr, Scope]]:
        """`from utils.args import create_parser`, then `create_parser().parse_args().ckpt`: the
        option's default where a function `module` imports from the project adds it (in its own
        body, not in its module's `__main__`)."""
        functions = self._parser_functions.get(module.path)
        if functions is None:
            functions = self._parser_functions[module.path] = []
            for target in module.imports.values():
                resolved = self.project.resolve_import(target, module.path)
                if resolved is None:
                    continue
                imported, name = resolved
                function = imported.functions.get(name)
                if function is not None and imported.option_defaults and imported is not module:
                    functions.append(function)
        found: list[tuple[ast.expr, Scope]] = []
        for function in functions:
            found.extend(e for e in function.module.option_defaults.get(option, ()) if _inside(e[1], function))
        return found

    def _part(self, binding: Binding, name: str, depth: int) -> tuple[list, Result]:
        """`repo, file = TABLE[key]`: the element at the binding's place in each value the right side holds."""
        if isinstance(binding.node, ast.Call) and len(binding.detail) == 1:
            pieces = self._split(binding.node, binding.scope, depth)
            if pieces is not None:  # `repo, file = ref.split(":", 1)`
                return self._piece(pieces, binding.detail[0])
        found, result = self.follow(binding.node, binding.scope, depth + 1)
        if result.params:
            # `repo, subset, split = hf_path` of a parameter: that element of what each caller passes
            _along(result, *(("index", index) for index in binding.detail))
        concrete: list = []
        for node, node_scope in found:
            if isinstance(node, (ast.Tuple, ast.List)):
                self._pick(node, node_scope, binding.detail, depth, concrete, result)
            elif not isinstance(node, Binding):
                result.unknown.append(f"`{name}` is unpacked from a value known at run time")
        return concrete, result

    def _imported_fields(self, module: Module, attribute: str) -> list[tuple[ast.expr, Scope]]:
        """The defaults of a field `attribute` of the classes `module` imports from the project:
        `model_args.asr_model_name_or_path` where `model_args` comes from HfArgumentParser over
        `ModelArguments`, a dataclass of another file."""
        classes = self._classes.get(module.path)
        if classes is None:
            classes = self._classes[module.path] = []
            for local, target in module.imports.items():
                if not local[:1].isupper():
                    continue  # classes are what argument parsers are made from
                resolved = self.project.resolve_import(target, module.path)
                if resolved is not None:
                    imported, name = resolved
                    klass = imported.classes.get(name)  # an import names a module-level class: qualname is name
                    if klass is not None:
                        classes.append((imported, klass))
        return [
            e for imported, klass in classes for e in imported.option_defaults.get(attribute, ()) if e[1] is klass.scope
        ]

    def _follow_subscript(self, expr: ast.Subscript, scope: Scope, depth: int) -> tuple[list, Result]:
        container = dotted(expr.value)
        if container in ("os.environ", "environ"):
            name = (
                expr.slice.value if isinstance(expr.slice, ast.Constant) and isinstance(expr.slice.value, str) else "?"
            )
            return [], unknown(f"environment variable {name}")
        if container == "sys.argv":
            return [], unknown("a command-line argument (sys.argv)")
        cut = expr.slice
        if isinstance(cut, ast.Slice) and cut.step is None and (cut.lower is None or _int_index(cut.lower) == 0):
            # `spec[:-1]` of a list: a list of its first items (`load_dataset(*spec[:-1])` takes the first)
            found, result = self.follow(expr.value, scope, depth + 1)
            lists = [(node, node_scope) for node, node_scope in found if isinstance(node, (ast.List, ast.Tuple))]
            if lists:
                return lists, result
        index = _int_index(expr.slice)
        if isinstance(expr.value, ast.Call) and index is not None:
            pieces = self._split(expr.value, scope, depth)
            if pieces is not None:  # `ref.split(":")[0]`, `link.split("https://huggingface.co/")[-1]`
                return self._piece(pieces, index)
        found, result = self.follow(expr.value, scope, depth + 1)
        keys = self.strings(expr.slice, scope, depth + 1) if not isinstance(expr.slice, ast.Slice) else Result()
        wanted = {v.text for v in keys.values} if keys.values and not keys.unknown and not keys.params else None
        if result.params:  # `config["path"]` of a parameter: that key of each caller's argument
            step = (
                ("key", next(iter(wanted)))
                if wanted and len(wanted) == 1
                else ("index", index)
                if index is not None
                else None
            )
            # With a key known only at run time, any value of each caller's dict or list.
            _along(result, step or ("values",))
        concrete: list = []
        for node, node_scope in found:
            if isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values):
                    if key is None:
                        continue
                    if wanted is None or (isinstance(key, ast.Constant) and key.value in wanted):
                        more, extra = self.follow(value, node_scope, depth + 1)
                        concrete.extend(more)
                        result.extend(extra)
                self._stored_items(expr.value, node_scope, depth, concrete, result)
            elif isinstance(node, (ast.List, ast.Tuple)):
                elements = node.elts
                if index is not None and -len(elements) <= index < len(elements):
                    elements = [elements[index]]
                for element in elements:
                    more, extra = self.follow(element, node_scope, depth + 1)
                    concrete.extend(more)
                    result.extend(extra)
            elif isinstance(node, ast.DictComp):
                # `{lm.model_name: lm for lm in MODELS}[name]`: the value made for any item
                more, extra = self.follow(node.value, node_scope, depth + 1)
                concrete.extend(more)
                result.extend(extra)
            elif isinstance(node, Binding) and node.kind == CLASS and _is_enum(node.detail):
                # `Models[name]`: the member `name` names, or any member when it is known at run time
                for member, bindings in node.detail.scope.exit.items():
                    if member.startswith("_") or (wanted is not None and member not in wanted):
                        continue
                    if all(b.kind == VALUE for b in bindings):
                        more, extra = self.follow_bindings(bindings, member, depth + 1)
                        concrete.extend(more)
                        result.extend(extra)
            elif _empty_table_call(node) and self._stored_items(expr.value, node_scope, depth, concrete, result):
                pass
            elif not isinstance(node, Binding):
                result.unknown.append(f"`{dotted(expr.value)}[...]` is known only at run time")
        return concrete, result

    def _stored_items(self, table: ast.expr, scope: Scope, depth: int, concrete: list, result: Result) -> bool:
        """Add what the module's own functions store into its table (`register_model(model_id=...,
        model_hf_path=...)` filling `MODEL_HF_PATH`); whether they store anything."""
        if scope.kind != "module" or not isinstance(table, (ast.Name, ast.Attribute)):
            return False
        stored = self._items_stored(scope.module, dotted(table).rpartition(".")[2])
        for function, value in stored:
            more, extra = self.follow(value, function.scope, depth + 1)
            concrete.extend(more)
            result.extend(extra)
        return bool(stored)

    def elements(self, iterable: ast.expr, scope: Scope, path: tuple[int, ...], depth: int) -> tuple[list, Result]:
        """The items a loop over `iterable` binds: the part at `path` of each (`for i, (a, b) in`: b is (1, 1))."""
        if depth > _MAX_DEPTH:
            return [], unknown("too many indirections")
        if isinstance(iterable, ast.Call):
            function = iterable.func
            name = dotted(function)
            if (
                isinstance(function, ast.Attribute)
                and function.attr in ("items", "values", "keys")
                and not iterable.args
            ):
                if function.attr == "items":
                    if not path:
                        return [], Result()  # the (key, value) pairs themselves
                    side, rest = path[0], path[1:]
                else:
                    side, rest = (0 if function.attr == "keys" else 1), path
                containers, result = self.follow(function.value, scope, depth + 1)
                _along(result, ("keys" if side == 0 else "values",), ("pick", rest))
                concrete: list = []
                for node, node_scope in containers:
                    if isinstance(node, ast.Dict):
                        for key, value in zip(node.keys, node.values):
                            if key is not None:
                                self._pick(key if side == 0 else value, node_scope, rest, depth, concrete, result)
                return concrete, result
            if name == "range" and 0 < len(iterable.args) <= 2 and not path:  # not with a step
                bounds = [b for a in iterable.args[:2] if (b := self._bound(a, scope, depth)) is not None]
                if len(bounds) == min(len(iterable.args), 2):
                    start, stop = (0, bounds[0]) if len(bounds) == 1 else (bounds[0], bounds[1])
                    numbers = range(start, min(stop, start + MAX_LISTED))
                    return [(ast.Constant(value=n, lineno=iterable.lineno), scope) for n in numbers], Result()
            if name == "enumerate" and iterable.args:
                if path and path[0] == 1:
                    return self.elements(iterable.args[0], scope, path[1:], depth + 1)
                return [], Result()  # the counter
            if name in ("zip", "itertools.product", "product") and path and path[0] < len(iterable.args):
                # `for vit, lm in itertools.product(VITS, LMS)` (a sweep's grid) takes each of both as zip does
                return self.elements(iterable.args[path[0]], scope, path[1:], depth + 1)
            if name in ("list", "tuple", "set", "sorted", "reversed", "frozenset") and iterable.args:
                return self.elements(iterable.args[0], scope, path, depth + 1)
            split = self._split(iterable, scope, depth) if not path else None
            if split is not None:
                # `choices="tiny,base,small".split(",")`: each piece
                pieces, result = split
                return [_written(piece) for texts in pieces for piece in texts], result
            if name in _SAMPLERS and iterable.args:
                # `random.sample(LORA_MODULE_NAMES, 20)`: some of the items, which ones known at run time
                return self.elements(iterable.args[0], scope, path, depth + 1)
            if name.rsplit(".", 1)[-1] in _PROGRESS_BARS and iterable.args:
                # `for name in tqdm(names)`: a progress bar yields the items it wraps
                return self.elements(iterable.args[0], scope, path, depth + 1)
            target = self.callee(iterable, scope)
            if target is None or target[0].name == "__init__" or not self._return_values(target[0]):
                return [], unknown(f"the items of `{name}(...)` are known only at run time")
            # `choices=get_models()`: the items of what the project's function returns (follow, below)
        containers, result = self.follow(iterable, scope, depth + 1)
        _along(result, ("items",), ("pick", path))
        concrete = []
        for node, node_scope in containers:
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
                # `MODELS + EXTRA`, `models += [...]`: the items of both.
                for part in (node.left, node.right):
                    more, extra = self.elements(part, node_scope, path, depth + 1)
                    concrete.extend(more)
                    result.extend(extra)
                continue
            if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
                items = node.elts
            elif isinstance(node, ast.Dict):
                items = [k for k in node.keys if k is not None]
            elif isinstance(node, ast.Call):
                # `combos = list(itertools.product(VITS, LMS))`, then `for vit, lm in combos`: the call's items
                more, extra = self.elements(node, node_scope, path, depth + 1)
                concrete.extend(more)
                result.extend(extra)
                continue
            elif _filters_items(node):
                # `tasks = [t for t in REGISTRY[name] if not done(t)]`: some of the items, which ones known at run time
                more, extra = self.elements(node.generators[0].iter, node_scope, path, depth + 1)
                concrete.extend(more)
                result.extend(extra)
                continue
            elif isinstance(node, Binding) and node.kind == CLASS and _is_enum(node.detail) and not path:
                # `for member in Models` (an Enum): each member, by the value its class body gives it
                for member, bindings in node.detail.scope.exit.items():
                    if not member.startswith("_") and all(b.kind == VALUE for b in bindings):
                        more, extra = self.follow_bindings(bindings, member, depth + 1)
                        concrete.extend(more)
                        result.extend(extra)
                continue
            else:
                if not isinstance(node, Binding):
                    result.unknown.append("the loop's items are known only at run time")
                continue
            for item in items:
                self._pick(item, node_scope, path, depth, concrete, result)
        return concrete, result

    def follow_path(self, expr: ast.expr, scope: Scope, path: tuple) -> tuple[list, Result]:
        """What `expr` (a call's argument) holds at `path` (steps from `_along`): `args.name`, `config["path"]`..."""
        concrete, result = self.follow(expr, scope)
        _along(result, *path)
        for number, step in enumerate(path):
            concrete = self._step(concrete, step, result, path[number + 1 :], 0)
        return concrete, result

    def _step(self, found: list, step: tuple, result: Result, rest: tuple, depth: int) -> list:
        """The parts `step` selects in each of `found`; parameters met on the way keep the `rest` of the path."""
        concrete: list = []
        kind = step[0]
        for node, node_scope in found:
            parts: list[ast.expr] = []
            scopes: list[Scope] | None = None  # each part's own scope, where it is not node_scope
            if kind == "attr" and isinstance(node, ast.Call):
                value = keyword(node, step[1])
                if value is None and node.args and node_scope is not None:
                    value = self._positional_field(node, node_scope, step[1], depth)
                parts = [value] if value is not None else []
                options = self._option_values(node_scope.module, step[1]) if value is None and node_scope else []
                if options:
                    # `parser.parse_args()`: an option's default, which a run may change, and what the
                    # project's shell scripts pass for it; each read where it is written
                    parts = [v for v, _ in options]
                    scopes = [s for _, s in options]
                    result.unknown.append(f"`{step[1]}` is a command-line option or setting that a run may change")
                    module = node_scope.module
                    if not self._declared_defaults(module, step[1]):
                        # only what scripts pass: the imported dataclass field's default is what a run
                        # without it gets (HfArgumentParser over `ModelArguments`)
                        for field_default, field_scope in self._imported_fields(module, step[1]):
                            parts.append(field_default)
                            scopes.append(field_scope)
                elif value is None and node_scope is not None:
                    # `TrainConfig().train_dataset_path` of a class another module defines: its default there
                    default = self._class_default(node, node_scope, step[1], depth)
                    if default is not None:
                        parts, scopes = [default[0]], [default[1]]
            elif kind in ("key", "attr") and (namespace := namespace_of(node)) is not None:
                # `parser.parse_args().__dict__["model"]`: the option `model`
                parts = [ast.copy_location(ast.Attribute(value=namespace, attr=step[1], ctx=ast.Load()), node)]
            elif kind in ("key", "attr") and isinstance(node, ast.Dict):
                # a dict's keys read as attributes: the config object made from it (a dataclass's
                # __post_init__, OmegaConf, SimpleNamespace(**d)) has the dict's keys as attributes
                parts = [
                    v for k, v in zip(node.keys, node.values) if isinstance(k, ast.Constant) and k.value == step[1]
                ]
            elif (
                kind == "index"
                and isinstance(node, (ast.List, ast.Tuple))
                and -len(node.elts) <= step[1] < len(node.elts)
            ):
                parts = [node.elts[step[1]]]
            elif kind in ("keys", "values") and isinstance(node, ast.Dict):
                parts = [k for k in node.keys if k is not None] if kind == "keys" else list(node.values)
            elif kind == "values" and isinstance(node, (ast.List, ast.Tuple)):
                parts = list(node.elts)
            elif kind == "items" and isinstance(node, (ast.List, ast.Tuple, ast.Set)):
                parts = list(node.elts)
            elif kind == "items" and isinstance(node, ast.Dict):
                parts = [k for k in node.keys if k is not None]
            elif kind == "pick":
                picked = Result()
                self._pick(node, node_scope, step[1], depth, concrete, picked)
                result.extend(_along(picked, *rest))
                continue
            for index, part in enumerate(parts):
                more_found, more = self.follow(part, scopes[index] if scopes else node_scope, depth + 1)
                concrete.extend(more_found)
                result.extend(_along(more, *rest))
        return concrete

    def _class_default(self, call: ast.Call, scope: Scope, field: str, depth: int) -> tuple[ast.expr, Scope] | None:
        """The value the body of the project class `call` instantiates gives `field` (a dataclass's default)."""
        klass = self.class_of(call.func, scope, depth + 1)
        if klass is None:
            return None
        for statement in klass.node.body:
            if (
                isinstance(statement, ast.AnnAssign)
                and statement.value is not None
                and isinstance(statement.target, ast.Name)
                and statement.target.id == field
            ):
                return statement.value, klass.scope
        return None

    def _positional_field(self, call: ast.Call, scope: Scope, field: str, depth: int) -> ast.expr | None:
        """The positional argument of `call`, an instance of a project class, that sets `field`:
        `LanguageModel("org/x", "X").model_name` by the dataclass's field order, or by the
        `__init__` parameter of that name."""
        klass = self.class_of(call.func, scope, depth + 1)
        if klass is None:
            return None
        init = klass.methods.get("__init__")
        if init is not None:
            names = init.positional[1:]
        else:  # a dataclass or a NamedTuple: its annotated fields, in order
            names = [
                statement.target.id
                for statement in klass.node.body
                if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
            ]
        if field not in names:
            return None
        index = names.index(field)
        arguments = call.args
        if any(isinstance(a, ast.Starred) for a in arguments[: index + 1]) or index >= len(arguments):
            return None
        return arguments[index]

    def _pick(
        self, item: ast.expr, scope: Scope, path: tuple[int, ...], depth: int, concrete: list, result: Result
    ) -> None:
        """Add the part of `item` at `path` (an element of a tuple, of a tuple...) to `concrete`."""
        found, more = self.follow(item, scope, depth + 1)
        result.extend(more)
        if not path:
            concrete.extend(found)
            return
        for node, node_scope in found:
            if isinstance(node, (ast.Tuple, ast.List)) and path[0] < len(node.elts):
                self._pick(node.elts[path[0]], node_scope, path[1:], depth + 1, concrete, result)

    # -- strings -----------------------------------------------------------------------

    def strings(self, expr: ast.expr, scope: Scope, depth: int = 0) -> Result:
        """Every string `expr` may evaluate to, with the parameters and unknowns it depends on."""
        if isinstance(expr, ast.Name):
            result = self._name_strings(expr, scope, depth)
        else:
            result = self._concrete_strings(*self.follow(expr, scope, depth), depth)
            if type(expr) is ast.Attribute and (result.values or result.unknown or result.params):
                text = dotted(expr)
                if not result.values:
                    result.values = self.anticipated(scope.module.compared.get(text), result, depth)
                known = scope.module.read_facts.get(id(expr))
                if known:
                    if not result.values:
                        result.values = self.members(text, known, scope.module, depth)
                    result.values = [v for v in result.values if possible(v.text, text, known)]
                if self.overrides and type(expr.value) is ast.Name and result.values:
                    result.values = self._where_called(expr, scope, result.values)
        if len(result.values) > MAX_LISTED:
            # Said, not silently dropped: the cut values may be references too.
            result.unknown.append(f"more than {MAX_LISTED} possible values; only the first {MAX_LISTED} were followed")
            result.values = result.values[:MAX_LISTED]
        return result

    def _where_called(self, expr: ast.Attribute, scope: Scope, values: list[Value]) -> list[Value]:
        """`values` of `args.model_type` in a function evaluated again for one call, less those the
        call's own conditions rule out (`build_blip2_engine(args)` under `if "opt" in args.model_type`)."""
        for binding in self._lookup(expr.value.id, expr.value, scope) or ():  # type: ignore[attr-defined]
            if binding.kind != PARAM:
                continue
            override = self.overrides.get((binding.detail[0].key, binding.detail[1]))
            if override is None or type(override[0]) is not ast.Name or override[1] is None:
                continue
            facts = override[1].module.part_facts.get(id(override[0]))
            values = possible_where(values, f"{override[0].id}.{expr.attr}", facts)
        return values

    def _name_strings(self, expr: ast.Name, scope: Scope, depth: int) -> Result:
        """A name's strings, each assignment evaluated while it is marked as being followed.

        So `name = name + "-x"`, reached again through its own right-hand side, adds
        nothing: a loop that grows a string is followed once round.
        """
        self.budget -= 1
        if depth > _MAX_DEPTH or self.budget < 0:
            return unknown("too many indirections to follow")
        bindings = self._lookup(expr.id, expr, scope)
        if bindings is None:
            return unknown(f"`{expr.id}` is not defined in this file")
        result = Result()
        for binding in bindings:
            if binding.kind != VALUE:
                result.extend(self._concrete_strings(*self.follow_bindings((binding,), expr.id, depth), depth))
                continue
            if id(binding) in self.active:
                continue
            self.active.add(id(binding))
            try:
                found = self.strings(binding.node, binding.scope, depth + 1)
            finally:
                self.active.discard(id(binding))
            if binding.guards:  # past `if ext == "txt": ext = "text"`, the value is not "txt"
                known_here = facts_about(expr.id, binding.guards)
                if known_here:
                    found.values = [v for v in found.values if possible(v.text, expr.id, known_here)]
            result.extend(found)
        if not result.values and (result.unknown or result.params) and scope.module.compared:
            compared = scope.module.compared
            result.values = self.anticipated([e for b in bindings for e in compared.get(id(b), ())], result, depth)
        elif result.values and scope.module.compared and len(bindings) == 1:
            result.values.extend(self._selected(bindings[0], scope.module.compared.get(id(bindings[0]))))
        known = scope.module.read_facts.get(id(expr))
        if known:
            if not result.values and (result.unknown or result.params):
                result.values = self.members(expr.id, known, scope.module, depth)
            result.values = [v for v in result.values if possible(v.text, expr.id, known)]
        return result

    def members(self, text: str, known: tuple, module: Module, depth: int = 0) -> list[Value]:
        """What `text` (a name, `cfg.model`) known only at run time is within `if text in TABLE:`:
        the items of TABLE, or a dict's keys (`if cfg.autoencoder in REGISTERED_DCAE_MODEL:` before
        `from_pretrained(f"mit-han-lab/{cfg.autoencoder}")`). No other value gets there."""
        values: list[Value] = []
        prefix = f"{text} in "
        for key, truth in known:
            table = module.tables.get(key[len(prefix) :]) if truth and key.startswith(prefix) else None
            if table is None:
                continue
            containers, _ = self.follow(table[0], table[1], depth + 1)
            for node, node_scope in containers:
                if isinstance(node, ast.Dict):
                    items: list = [k for k in node.keys if k is not None]
                elif isinstance(node, (ast.List, ast.Tuple, ast.Set)):
                    items = node.elts
                else:
                    continue
                for item in items:
                    values.extend(self.strings(item, node_scope, depth + 1).values)
        return values

    @staticmethod
    def _selected(binding: Binding, compared: list | None) -> list[Value]:
        """`CHOOSE_MODEL = "0.6B"` at a module's top, then `if CHOOSE_MODEL == "0.6B": ... elif
        CHOOSE_MODEL == "1.7B": ...`: a setting the reader is meant to edit, and each value the code
        handles is one it may be given. Only a constant set once, compared with two values or more."""
        if (
            not compared
            or binding.kind != VALUE
            or binding.scope.kind != "module"
            or type(binding.node) is not ast.Constant
            or type(binding.node.value) is not str
        ):
            return []
        handled = {
            right.value: Value(right.value, scope.module, right.lineno)
            for right, scope, collection, _ in compared
            if not collection and right.value != binding.node.value
        }
        return list(handled.values()) if len(handled) >= 1 and len(compared) >= 2 else []

    def class_level(self, attribute: str) -> Result:
        """The strings the project's classes assign to `attribute` in their bodies, where written."""
        result = Result()
        for module in list(self.project.modules.values()):
            if module is None:
                continue
            for klass in module.classes.values():
                bindings = klass.scope.exit.get(attribute)
                if bindings:
                    self.budget = BUDGET
                    found = self._concrete_strings(*self.follow_bindings(bindings, attribute, 0), 0)
                    result.values.extend(found.values)
        return result

    def anticipated(self, compared: list | None, result: Result, depth: int) -> list[Value]:
        """The constants a value known only at run time is compared with: what the code expects it may be.

        `if model_name == "nvidia/NV-Embed-v2":` after `SentenceTransformer(model_name)` of an
        option without default: each constant is a value a run may give. A parameter waits
        for its callers instead, unless an `assert` says what it may be (`assert name in
        self.MODELS`). Not a dict's keys: `if name in ALIASES` looks a short name up.
        """
        values: list[Value] = []
        for right, scope, collection, asserted in dict.fromkeys(compared or ()):
            if result.params and not asserted:
                continue
            if not collection:
                values.append(Value(right.value, scope.module, right.lineno))
                continue
            containers, _ = self.follow(right, scope, depth + 1)
            for node, node_scope in containers:
                if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
                    for item in node.elts:
                        values.extend(self.strings(item, node_scope, depth + 1).values)
                elif isinstance(node, (ast.ListComp, ast.SetComp)) and asserted:
                    # `[member.value for member in Models]`: what the comprehension makes of each item
                    values.extend(self.strings(node.elt, node_scope, depth + 1).values)
                elif isinstance(node, ast.Dict) and asserted:
                    # `TABLE[model_id]` (parse.py): each key is a value `model_id` may have
                    for key in node.keys:
                        if key is not None:
                            values.extend(self.strings(key, node_scope, depth + 1).values)
        return values

    def strings_of_concrete(self, concrete: list, result: Result) -> Result:
        return self._concrete_strings(concrete, result, 0)

    def _concrete_strings(self, concrete: list, result: Result, depth: int) -> Result:
        for node, node_scope in concrete:
            if isinstance(node, Binding):
                continue  # a function or class, not a string
            result.extend(self._strings_of(node, node_scope, depth + 1))
        return result

    def _strings_of(self, node: ast.expr, scope: Scope, depth: int) -> Result:
        module = scope.module
        if isinstance(node, ast.Constant):
            return (
                Result(values=[Value(node.value, module, node.lineno)])
                if isinstance(node.value, str)
                else Result(other=True)
            )
        if isinstance(node, ast.JoinedStr):
            if self._under_local_folder(node, scope):
                return Result()  # `f"{MODEL_CACHE}/whisperx_{size}"`: a path in a folder the code makes
            parts: list[list[Value]] = []
            result = Result()
            for part in node.values:
                if isinstance(part, ast.Constant):
                    parts.append([Value(str(part.value), module, node.lineno)])
                    continue
                if (
                    not isinstance(part, ast.FormattedValue)
                    or part.format_spec is not None
                    or part.conversion not in (-1, 115)
                ):
                    if self.placeholders:
                        parts.append([Value(PLACEHOLDER, module, node.lineno)])
                        continue
                    return unknown("an f-string with formatting")
                inner = self.strings(part.value, scope, depth + 1)
                if inner.other and not inner.values and not inner.params:
                    numbers = self._integers(part.value, scope, depth)
                    if numbers is not None:  # `f"org/shard_{i}"` for `i in range(50)`, `f"..._{n_gram_size}"`
                        parts.append([Value(str(n), module, node.lineno) for n in numbers])
                        continue
                if not self._joined_part(inner, parts, result, module, node.lineno):
                    return result
            return _product(parts, module, node.lineno, result, self.placeholders)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left = self.strings(node.left, scope, depth + 1)
            right = self.strings(node.right, scope, depth + 1)
            result = Result(params=left.params + right.params, unknown=left.unknown + right.unknown)
            result.composed = bool(result.params) or left.composed or right.composed
            if self.placeholders:
                left.values = left.values or [Value(PLACEHOLDER, module, node.lineno)]
                right.values = right.values or [Value(PLACEHOLDER, module, node.lineno)]
            if not left.values or not right.values:
                return result
            return _product([left.values, right.values], module, node.lineno, result, self.placeholders)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            return self._percent(node, scope, depth)
        if isinstance(node, ast.IfExp):
            return self.strings(node.body, scope, depth + 1).extend(self.strings(node.orelse, scope, depth + 1))
        if isinstance(node, ast.BoolOp):
            result = Result()
            for value in node.values:
                result.extend(self.strings(value, scope, depth + 1))
            return result
        if isinstance(node, ast.Call):
            return self._call_strings(node, scope, depth)
        if isinstance(node, ast.Starred):  # any item of a collection: an option's `choices=MODELS.keys()`
            items, result = self.elements(node.value, scope, (), depth + 1)
            for item, item_scope in items:
                result.extend(self._strings_of(item, item_scope, depth + 1))
            return result
        if isinstance(
            node, (ast.List, ast.Tuple, ast.Dict, ast.Set, ast.Lambda, ast.Compare, ast.ListComp, ast.DictComp)
        ):
            return Result()
        return unknown(f"`{_short(node)}` is computed at run time")

    def _bound(self, expr: ast.expr, scope: Scope, depth: int) -> int | None:
        """A `range` bound written as an integer or as a name of one (`N_SHARDS = 50`)."""
        written = _int_index(expr)
        if written is not None:
            return written
        numbers = self._integers(expr, scope, depth)
        return numbers[0] if numbers and len(set(numbers)) == 1 else None

    def _integers(self, expr: ast.expr, scope: Scope, depth: int) -> list[int] | None:
        """The integers a name may hold when every value it may hold is one (a counter, a size)."""
        if not isinstance(expr, (ast.Name, ast.Constant)):
            return None
        found, result = self.follow(expr, scope, depth + 1)
        numbers = [n.value for n, _ in found if isinstance(n, ast.Constant) and type(n.value) is int]
        if not numbers or len(numbers) != len(found) or result.unknown or result.params:
            return None
        return numbers

    def _under_local_folder(self, node: ast.JoinedStr, scope: Scope) -> bool:
        """Whether an f-string starts with `{NAME}/` where NAME is a folder the module itself
        makes or checks for (`os.makedirs(NAME)`, `os.path.exists(NAME)`): a local path."""
        first = node.values[0] if len(node.values) > 1 else None
        after = node.values[1] if first is not None else None
        if not (
            isinstance(first, ast.FormattedValue)
            and isinstance(first.value, ast.Name)
            and isinstance(after, ast.Constant)
            and isinstance(after.value, str)
            and after.value.startswith("/")
        ):
            return False
        module = scope.module
        folders = self._folders.get(module.path)
        if folders is None:
            folders = self._folders[module.path] = frozenset(
                call.args[0].id
                for call, _ in module.calls
                if call.args and isinstance(call.args[0], ast.Name) and dotted(call.func) in _FOLDER_CALLS
            )
        return first.value.id in folders

    def _path_join(self, node: ast.Call, scope: Scope, depth: int) -> Result:
        """`os.path.join("stabilityai", name)`: the two parts with `/` between them, as `+` would make it."""
        module = scope.module
        result = Result()
        parts: list[list[Value]] = []
        for index, part in enumerate(node.args):
            if isinstance(part, ast.Starred):
                return unknown("a path joined from a list known at run time")
            if index:
                parts.append([Value("/", module, node.lineno)])
            if not self._joined_part(self.strings(part, scope, depth + 1), parts, result, module, node.lineno):
                return result
        return _product(parts, module, node.lineno, result, self.placeholders)

    def _joined_part(self, inner: Result, parts: list, result: Result, module: Module, line: int) -> bool:
        """One part of a string put together (an f-string's, a path join's): its values appended to
        `parts`, what it depends on to `result`. False when it has no value and the whole has none
        (with placeholders, a part known only at run time is a placeholder instead)."""
        result.params.extend(inner.params)
        result.unknown.extend(inner.unknown)
        result.composed = result.composed or bool(inner.params) or inner.composed
        if inner.values:
            parts.append(inner.values)
        elif self.placeholders:
            parts.append([Value(PLACEHOLDER, module, line)])
        else:
            return False
        return True

    def _percent(self, node: ast.BinOp, scope: Scope, depth: int) -> Result:
        """`"h2oai/%s" % name` (and a tuple of values): each template with each value, for `%s` only."""
        template = self.strings(node.left, scope, depth + 1)
        operands = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
        arguments = [self.strings(operand, scope, depth + 1) for operand in operands]
        result = Result(
            params=[p for a in arguments for p in a.params], unknown=[u for a in arguments for u in a.unknown]
        )
        result.params.extend(template.params)
        result.composed = bool(result.params)
        if not template.values or any(not a.values for a in arguments):
            return result if (result.params or result.unknown) else unknown(f"`{_short(node)}` is computed at run time")
        parts: list[list[Value]] = []
        for value in template.values:
            pieces = value.text.split("%s")
            if len(pieces) != len(arguments) + 1 or "%" in "".join(pieces).replace("%%", ""):
                return unknown(f"`{_short(node)}` is computed at run time")
            parts = [[Value(pieces[0].replace("%%", "%"), value.module, value.line)]]
            for argument, piece in zip(arguments, pieces[1:]):
                parts.append(argument.values)
                parts.append([Value(piece.replace("%%", "%"), value.module, value.line)])
            _product(parts, scope.module, node.lineno, result, self.placeholders)
        return result

    def _notebook_widget(self, node: ast.Call, scope: Scope, depth: int) -> Result:
        """`dbutils.widgets.get("model")` (Databricks): the default and the choices of the widget made with that name."""
        names = self.strings(node.args[0], scope, depth + 1)
        wanted = {v.text for v in names.values}
        result = Result()
        for call, call_scope in scope.module.calls:
            if not (
                isinstance(call.func, ast.Attribute)
                and call.func.attr in _DATABRICKS_WIDGETS
                and dotted(call.func).endswith(f"widgets.{call.func.attr}")
                and call.args
            ):
                continue
            made = self.strings(call.args[0], call_scope, depth + 1)
            if wanted.isdisjoint(v.text for v in made.values):
                continue
            default = call.args[1] if len(call.args) > 1 else keyword(call, "defaultValue")
            choices = call.args[2] if len(call.args) > 2 else keyword(call, "choices")
            if default is not None:
                result.extend(self.strings(default, call_scope, depth + 1))
            if choices is not None:
                items, more = self.elements(choices, call_scope, (), depth + 1)
                for item, item_scope in items:
                    result.extend(self._strings_of(item, item_scope, depth + 1))
        result.unknown.append("a notebook widget that a run may change")
        return result

    def _dict_get(self, node: ast.Call, scope: Scope, depth: int) -> Result:
        """`CHOICES.get(key, default)` on a constant dict: the value for a known key, else every value."""
        assert isinstance(node.func, ast.Attribute)  # asked for `x.get(...)` only
        containers, result = self.follow(node.func.value, scope, depth + 1)
        dicts = [(c, c_scope) for c, c_scope in containers if isinstance(c, ast.Dict)]
        if not dicts:
            return unknown(f"the value returned by `{dotted(node.func)}(...)`")
        keys = self.strings(node.args[0], scope, depth + 1)
        wanted = {v.text for v in keys.values} if keys.values and not (keys.unknown or keys.params) else None
        for container, container_scope in dicts:
            for key, value in zip(container.keys, container.values):
                if key is not None and (wanted is None or (isinstance(key, ast.Constant) and key.value in wanted)):
                    result.extend(self.strings(value, container_scope, depth + 1))
        default = node.args[1] if len(node.args) > 1 else None
        if default is not None:
            result.extend(self.strings(default, scope, depth + 1))
        return result

    def _call_strings(self, node: ast.Call, scope: Scope, depth: int) -> Result:
        names = qualified_names(node.func, scope)
        name = names[0]
        last = name.rsplit(".", 1)[-1]
        if name in _ENVIRON_GETTERS or name.endswith("environ.get"):
            first = node.args[0] if node.args else None
            variable = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else "?"
            default = node.args[1] if len(node.args) > 1 else keyword(node, "default")
            result = self.strings(default, scope, depth + 1) if default is not None else Result()
            result.unknown.append(
                f"environment variable {variable}" + (" may override it" if result.values else " without a default")
            )
            return result
        if last in _FIELD_FACTORIES:
            # dataclasses.field(default=...), pydantic Field(...), typer Option(...): the default.
            default = keyword(node, "default")
            if default is None and node.args:
                default = node.args[0]
            if default is None or (isinstance(default, ast.Constant) and default.value is Ellipsis):
                return Result()
            return self.strings(default, scope, depth + 1)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            template = self.strings(node.func.value, scope, depth + 1)
            arguments = [self.strings(a, scope, depth + 1) for a in node.args]
            keywords = {k.arg: self.strings(k.value, scope, depth + 1) for k in node.keywords if k.arg}
            if (
                not template.values
                or any(not a.values for a in arguments)
                or any(not k.values for k in keywords.values())
            ):
                parts = [template, *arguments, *keywords.values()]
                result = Result(params=[p for part in parts for p in part.params])
                if not result.params:
                    return unknown("a `str.format` of values known at run time")
                result.composed = True  # evaluated again with each caller's argument
                return result
            # Each value of each argument, as an f-string's parts (`"org/m_{}".format(args.size)` with
            # the option's choices), up to MAX_VALUES texts in all.
            result = Result()
            names = list(keywords)
            offered = [a.values for a in arguments] + [keywords[k].values for k in names]
            given = len(arguments)
            for value in template.values:
                for combination in itertools.islice(itertools.product(*offered), MAX_VALUES - len(result.values)):
                    try:
                        text = value.text.format(
                            *[v.text for v in combination[:given]],
                            **{k: v.text for k, v in zip(names, combination[given:], strict=True)},
                        )
                    except (IndexError, KeyError, ValueError):
                        return unknown("a `str.format` that does not apply")
                    result.values.append(Value(text, scope.module, node.lineno))
            return result
        if isinstance(node.func, ast.Attribute) and node.func.attr == "join" and len(node.args) == 1:
            separator = self.strings(node.func.value, scope, depth + 1)
            items, result = self.elements(node.args[0], scope, (), depth + 1)
            texts = []
            for item, item_scope in items:
                inner = self._strings_of(item, item_scope, depth + 1)
                if len(inner.values) != 1:
                    return unknown("a join of values known at run time")
                texts.append(inner.values[0].text)
            if len(separator.values) == 1 and texts:
                return Result(values=[Value(separator.values[0].text.join(texts), scope.module, node.lineno)])
            return unknown("a join of values known at run time")
        method = _string_method(node)
        if method is not None and method not in ("split", "rsplit"):
            assert isinstance(node.func, ast.Attribute)  # a method call
            inner = self.strings(node.func.value, scope, depth + 1)
            if inner.values or inner.params:
                constants = [a.value for a in node.args]  # type: ignore[attr-defined]  # constants
                result = Result(params=inner.params, unknown=inner.unknown)
                result.composed = bool(inner.params) or inner.composed
                old, new = (constants + ["", ""])[:2]
                if method == "replace" and not (isinstance(old, str) and isinstance(new, str) and old):
                    return unknown(f"the value returned by `{dotted(node.func)}(...)`")
                for value in inner.values:
                    if (
                        method == "replace"
                        and len(value.text) + value.text.count(old) * max(0, len(new) - len(old)) > _MAX_MADE
                    ):
                        # A scanned file's constants could make `replace` as large as they like
                        # (`"aaaa...".replace("a", "<1 MB>")`); no repository id is that long.
                        return unknown(f"the value returned by `{dotted(node.func)}(...)`")
                    try:
                        text = getattr(value.text, method)(*constants)
                    except TypeError:  # `name.strip(3)`: not what the method takes
                        return unknown(f"the value returned by `{dotted(node.func)}(...)`")
                    result.values.append(Value(text, value.module, value.line))
                return result
        if name in ("str", "os.fspath", "os.path.expanduser", "os.path.expandvars") and len(node.args) == 1:
            return self.strings(node.args[0], scope, depth + 1)
        if name == "int" and len(node.args) == 1 and not node.keywords:
            # `int(resolution.split("_")[1])`, later `"org/model_" + str(size)`: the number's digits
            return _as_integer(self.strings(node.args[0], scope, depth + 1))
        if (
            name in ("os.path.join", "posixpath.join")
            and len(node.args) == 2
            and type(node.args[0]) is ast.Constant
            and isinstance(node.args[0].value, str)
            and "/" not in node.args[0].value
        ):
            # Only an organisation written there, and a name: `os.path.join(folder, file)` of a
            # folder known elsewhere is a local path, and following every such join is costly
            return self._path_join(node, scope, depth)
        if name.endswith("widgets.get") and node.args:
            return self._notebook_widget(node, scope, depth)
        if (
            isinstance(node.func, ast.Attribute)
            and node.func.attr in ("get", "pop")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            # `args = parser.parse_args().__dict__` (or `vars(...)`), then `args.pop("model")`: the option
            holders, held = self.follow(node.func.value, scope, depth + 1)
            for holder, holder_scope in holders:
                namespace = namespace_of(holder)
                if namespace is not None:
                    read = ast.copy_location(
                        ast.Attribute(value=namespace, attr=node.args[0].value, ctx=ast.Load()), node
                    )
                    return self.strings(read, holder_scope, depth + 1)
            if held.params and not holders:  # `args.pop("model")` of a parameter: that key of each caller's argument
                return _along(Result(params=held.params, unknown=held.unknown), ("key", node.args[0].value))
        if isinstance(node.func, ast.Attribute) and node.func.attr == "get" and node.args:
            return self._dict_get(node, scope, depth)
        if last in _CHOICE_WIDGETS:
            # `st.selectbox("Model", [...])`: the person running it picks one of these.
            options = node.args[1] if len(node.args) > 1 else keyword(node, "options") or keyword(node, "choices")
            if options is not None:
                items, result = self.elements(options, scope, (), depth + 1)
                for item, item_scope in items:
                    result.extend(self._strings_of(item, item_scope, depth + 1))
                return result
        if any(loader_for(n, node) is not None for n in names):
            return Result()  # a loaded model or a downloaded path: the loader call itself is the reference
        return unknown(f"the value returned by `{dotted(node.func)}(...)`")

    def widget_value(self, component: ast.expr, scope: Scope) -> Result | None:
        """What a Gradio input gives the function it is wired to: the `value` and the `choices`
        of `gr.Radio([...], value=...)`, `gr.Dropdown(...)`, `gr.Textbox(value=...)`; None for
        another input (an image, a slider) or one not made in the project's code."""
        self.budget = BUDGET
        found, _ = self.follow(component, scope)
        result = None
        for node, node_scope in found:
            if not isinstance(node, ast.Call):
                continue
            widget = dotted(node.func).rsplit(".", 1)[-1]
            if widget not in _GRADIO_INPUTS:
                continue
            result = result or Result()
            value = keyword(node, "value")
            if value is not None:
                result.extend(self.strings(value, node_scope))
            choices = keyword(node, "choices") or (node.args[0] if node.args else None)
            if choices is not None and widget != "Textbox":
                items, more = self.elements(choices, node_scope, (), 0)
                for item, item_scope in items:
                    if isinstance(item, (ast.Tuple, ast.List)) and len(item.elts) == 2:
                        item = item.elts[1]  # `(label, value)` pairs: the function receives the value
                    result.extend(self._strings_of(item, item_scope, 1))
                result.unknown.extend(more.unknown)
        return result

    # -- calls of the project's functions -------------------------------------------------

    def callee(self, call: ast.Call, scope: Scope) -> tuple[Function, int] | None:
        """The project function a call reaches, and how many leading parameters are bound already."""
        func = call.func
        if isinstance(func, ast.Name):
            return self._callable(self._lookup(func.id, func, scope), 0)
        if not isinstance(func, ast.Attribute):
            return None
        base = func.value
        if is_super(base):
            function = enclosing_function(scope)
            if function and function.klass:
                for base_expr in function.klass.node.bases:
                    klass = self.class_of(base_expr, function.klass.scope.parent, 0)
                    method = klass and self.method(klass, func.attr)
                    if method:
                        return method, 1
            return None
        if isinstance(base, ast.Name):
            function = enclosing_function(scope)
            if function and function.klass and function.positional and base.id == function.positional[0]:
                method = self.method(function.klass, func.attr)
                return (method, 0 if method.kind == "staticmethod" else 1) if method else None
            bindings = lookup(base.id, base, scope)
            # `import pkg.models as models`, and `from pkg import models` of a module (not of a name in pkg)
            module_import = next((b for b in bindings or () if b.kind == IMPORT), None)
            if module_import is not None:
                module = self.project.module_named(module_import.detail[0], _importer(module_import))
                if module is not None:
                    return self._callable(self.exported(module, func.attr), 0)
            klass_binding = next((b for b in bindings or () if b.kind == CLASS), None)
            if klass_binding is not None:
                method = self.method(klass_binding.detail, func.attr)
                return (method, 1 if method.kind == "classmethod" else 0) if method else None
            klass = self.class_of(base, scope, 0) or self._annotated_class(bindings)
            if klass is not None:
                method = self.method(klass, func.attr)
                if method:
                    return method, 0 if method.kind == "staticmethod" else 1
            elif all(b.kind == VALUE for b in bindings or ()):
                return self._made_by_the_project(func.attr, [(b.node, b.scope) for b in bindings or ()])
        elif isinstance(base, ast.Attribute) and (found := self._in_module_path(base, func.attr, scope)) is not None:
            return found  # `repeng.saes.from_eleuther(...)` after `import repeng.saes`
        elif isinstance(base, ast.Attribute) and isinstance(base.value, ast.Name):
            function = enclosing_function(scope)
            if function and function.klass and function.positional and base.value.id == function.positional[0]:
                # `self.evaluator = evaluator("text-classification")` in `setUp`, then `self.evaluator.load_data(...)`
                return self._made_by_the_project(func.attr, function.klass.instance_attrs.get(base.attr, []))
        elif isinstance(base, ast.Subscript):
            # `FRAMEWORKS[framework].load(model)` (inseq): a class picked from a registry, then a static or
            # class method of it; one the registry's classes share, since which class is picked is known
            # only at run time
            self.budget = BUDGET
            methods = {
                id(m): m
                for _, klass in self._registry_classes(base.value, scope)
                if (m := self.method(klass, func.attr))
            }
            if len(methods) == 1:
                method = next(iter(methods.values()))
                if method.kind != "method":
                    return method, 1 if method.kind == "classmethod" else 0
        return None

    def _made_by_the_project(self, name: str, sources: list) -> tuple[Function, int] | None:
        """`task = evaluator("text-classification"); task.load_data("evaluate/imdb-ci")`: an object a
        project function makes, of a class it picks at run time. A method of a name of its own (with a
        `_`: not `load`, `run`) that one class of the project defines is that class's."""
        if "_" not in name.strip("_") or not sources:
            return None
        for node, node_scope in sources:
            if type(node) is not ast.Call or self.callee(node, node_scope) is None:
                return None
        method = self._only_method(name)
        if method is None:
            return None
        return method, 0 if method.kind == "staticmethod" else 1

    def _only_method(self, name: str) -> Function | None:
        """The method `name` when exactly one class of the parsed modules defines it."""
        found = None
        for module in self.project.modules.values():
            if module is None:
                continue
            for klass in module.classes.values():
                method = klass.methods.get(name)
                if method is not None:
                    if found is not None:
                        return None
                    found = method
        return found

    def _annotated_class(self, bindings) -> ClassInfo | None:
        """The project class a parameter is annotated with (`def create_demo(model: Model)`), for
        `model.process` handed to a UI event."""
        parameter = next((b for b in bindings or () if b.kind == PARAM), None)
        if parameter is None:
            return None
        function, name = parameter.detail
        annotation = function.annotation(name)
        if isinstance(annotation, (ast.Name, ast.Attribute)):
            return self.class_of(annotation, function.scope, 0)
        return None

    def registry_callees(self, call: ast.Call, scope: Scope) -> list[tuple[Function, int, str | None, ast.Call]]:
        """`REGISTRY[name](...)`: the `__init__` of each class of a constant dict or list, with its key,
        and the call as that class receives it."""
        func = call.func
        named = class_named_by(func)
        if named is not None:
            return self._classes_named(call, named, scope)
        if not isinstance(func, ast.Subscript):
            return []
        self.budget = BUDGET
        found = []
        for key, klass in self._registry_classes(func.value, scope):
            init = self.method(klass, "__init__")
            if init is not None:
                found.append((init, 1, key, call))
        return found

    def _in_module_path(self, base: ast.Attribute, name: str, scope: Scope) -> tuple[Function, int] | None:
        """The project function `name` of the module a dotted path names (`pkg.saes` of `import pkg.saes`)."""
        written = dotted(base)
        _, _, rest = written.partition(".")
        if "?" in written or "(" in written:
            return None
        root: ast.expr = base
        while type(root) is ast.Attribute:
            root = root.value
        if type(root) is not ast.Name:
            return None
        module_import = next((b for b in lookup(root.id, root, scope) or () if b.kind == IMPORT), None)
        if module_import is None:
            return None
        module = self.project.module_named(f"{module_import.detail[0]}.{rest}", _importer(module_import))
        return self._callable(self.exported(module, name), 0) if module is not None else None

    def _classes_named(
        self, call: ast.Call, name: ast.expr, scope: Scope
    ) -> list[tuple[Function, int, str | None, ast.Call]]:
        """`eval(class_name)(ckpt)`, `globals()[class_name](ckpt)`: the `__init__` of each class of the
        module the name's strings name. Where the name and the arguments are parts of one row of a
        table (`class_name, ckpt = vqa_models[name]` of `{"git": ("GIT", "microsoft/git-base-vqav2")}`),
        each class is called with its own row's, not with every row's."""
        self.budget = BUDGET
        rows = self._rows_of(call, name, scope)
        if rows is None:
            rows = [(text, call) for text in dict.fromkeys(v.text for v in self.strings(name, scope).values)]
        found: list[tuple[Function, int, str | None, ast.Call]] = []
        for text, made in rows:
            for binding in scope.module.scope.exit.get(text, ()):
                if binding.kind == CLASS:
                    init = self.method(binding.detail, "__init__")
                    if init is not None:
                        found.append((init, 1, None, made))
        return found

    def _rows_of(self, call: ast.Call, name: ast.expr, scope: Scope) -> list[tuple[str, ast.Call]] | None:
        """(class name, the call with that row's constants for the arguments unpacked with it) for
        each row of the table `name` is unpacked from; None when it is not unpacked from one."""
        if type(name) is not ast.Name:
            return None
        bindings = self._lookup(name.id, name, scope)
        if not bindings or len(bindings) != 1 or bindings[0].kind != PART or len(bindings[0].detail) != 1:
            return None
        whole = bindings[0]
        tables, _ = self.follow(whole.node, whole.scope)
        rows = []
        for row, _row_scope in tables:
            if type(row) is not ast.Tuple:
                return None
            written = _part(row, whole.detail[0])
            if not (type(written) is ast.Constant and isinstance(written.value, str)):
                continue
            arguments = []
            for argument in call.args:
                same = self._lookup(argument.id, argument, scope) if type(argument) is ast.Name else None
                if same and len(same) == 1 and same[0].kind == PART and same[0].node is whole.node:
                    argument = _part(row, same[0].detail[0]) or argument
                arguments.append(argument)
            made = ast.Call(func=call.func, args=arguments, keywords=call.keywords)
            rows.append((written.value, ast.copy_location(made, call)))
        return rows

    def _registry_classes(self, registry: ast.expr, scope: Scope) -> list[tuple[str | None, ClassInfo]]:
        """The project classes a constant dict (with each key) or list of them holds."""
        containers, _ = self.follow(registry, scope)
        found = []
        for node, node_scope in containers:
            if isinstance(node, ast.Dict):
                entries = [
                    (k.value if isinstance(k, ast.Constant) and isinstance(k.value, str) else None, v)
                    for k, v in zip(node.keys, node.values)
                    if k is not None
                ]
            elif isinstance(node, (ast.List, ast.Tuple)):
                entries = [(None, e) for e in node.elts]
            else:
                continue
            for key, value in entries:
                if isinstance(value, (ast.Name, ast.Attribute)):
                    classes, _ = self.follow(value, node_scope)
                    for item, _item_scope in classes:
                        if isinstance(item, Binding) and item.kind == CLASS:
                            found.append((key, item.detail))
            if isinstance(node, ast.Dict) and isinstance(registry, (ast.Name, ast.Attribute)):
                found += self._decorated_into(node_scope.module, dotted(registry).rpartition(".")[2])
        return found

    def _items_stored(self, module: Module, registry: str) -> list[tuple[Function, ast.expr]]:
        """Where the module's functions store into its dict `registry` (`MODEL_HF_PATH[model_id] =
        model_hf_path` in `register_model(...)`): each function, with the value it stores."""
        key = (module.path, registry)
        stored = self._stores.get(key)
        if stored is None:
            stored = self._stores[key] = [
                (function, node.value)
                for function in module.functions.values()
                for node in ast.walk(function.node)
                if type(node) is ast.Assign
                and any(
                    type(target) is ast.Subscript and type(target.value) is ast.Name and target.value.id == registry
                    for target in node.targets
                )
            ]
        return stored

    def _decorated_into(self, module: Module, registry: str) -> list[tuple[str | None, ClassInfo]]:
        """The classes a decorator of `module` files into its dict `registry` (`LOADERS[name] = cls`
        in `register_loader(name)`), each under the name its `@register_loader("llava-1.5")` gives."""
        registrars = {function.name for function, _value in self._items_stored(module, registry)}
        if not registrars:
            return []
        # Asked for each registry call of every class's `__init__`: worked out again only once a module
        # has been parsed since (a decorated class may be in it)
        parsed = len(self.project.modules)
        cached = self._decorated.get((module.path, registry))
        if cached is not None and cached[0] == parsed:
            return cached[1]
        found = []
        for other in list(self.project.modules.values()):
            for klass in other.classes.values() if other is not None else ():
                for decorator in klass.node.decorator_list:
                    if isinstance(decorator, ast.Call) and callee_name(decorator.func) in registrars:
                        given = decorator.args[0] if decorator.args else None
                        key = given.value if isinstance(given, ast.Constant) and isinstance(given.value, str) else None
                        found.append((key, klass))
        self._decorated[(module.path, registry)] = (parsed, found)
        return found

    def unpacked_dicts(self, expr: ast.expr, scope: Scope, key: str | None) -> list[tuple[ast.Dict, Scope]] | None:
        """The constant dicts `**expr` may unpack, or None when one of them is known only at run time.

        `CONFIG[name]` and `CONFIG.get(name, {})` of a constant dict of dicts: the dict under
        `key` when it is given (and the default when none is under it), else every one.
        """
        self.budget = BUDGET
        default = None
        if isinstance(expr, ast.Subscript):
            base = expr.value
        elif (
            isinstance(expr, ast.Call)
            and isinstance(expr.func, ast.Attribute)
            and expr.func.attr == "get"
            and expr.args
        ):
            base, default = expr.func.value, (expr.args[1] if len(expr.args) > 1 else None)
        else:
            base = None
        found: list[tuple[ast.Dict, Scope]] = []
        if base is None:
            candidates, result = self.follow(expr, scope)
        else:
            tables, result = self.follow(base, scope)
            candidates = []
            for table, table_scope in tables:
                if not isinstance(table, ast.Dict):
                    return None
                matched = False
                for name, value in zip(table.keys, table.values):
                    if name is None:
                        continue
                    if key is None or (isinstance(name, ast.Constant) and name.value == key):
                        matched = True
                        more, extra = self.follow(value, table_scope)
                        candidates.extend(more)
                        result.extend(extra)
                if default is not None and (key is None or not matched):
                    more, extra = self.follow(default, scope)
                    candidates.extend(more)
                    result.extend(extra)
        for node, node_scope in candidates:
            if not isinstance(node, ast.Dict):
                return None
            found.append((node, node_scope))  # its `**other` entries are left to the keys written
        if result.unknown and not found:
            return None
        return found

    def _callable(self, bindings, skip: int, seen: frozenset = frozenset()) -> tuple[Function, int] | None:
        for binding in bindings or ():
            if binding.kind == DEF:
                return binding.detail, skip
            if binding.kind == CLASS:
                init = self.method(binding.detail, "__init__")
                return (init, 1) if init else None
            if binding.kind == VALUE and type(binding.node) is ast.Name and id(binding) not in seen:
                # `asr_cls = FasterWhisperASR`, then `asr_cls(...)`: what the name it was given is
                found = self._callable(lookup(binding.node.id, binding.node, binding.scope), skip, seen | {id(binding)})
                if found is not None:
                    return found
                continue
            if binding.kind == IMPORT and not binding.detail[1] and id(binding) not in seen:
                # `seen`: imports that lead back to themselves (`from src import VLLM` in a package whose
                # `src/__init__.py` imports it back) end, not recurse
                target = self.project.resolve_import(binding.detail[0], _importer(binding))
                if target is not None:
                    return self._callable(self.exported(*target), skip, seen | {id(binding)})
        return None

    def is_subclass(self, klass: ClassInfo, base: ClassInfo, depth: int = 0) -> bool:
        """Whether `klass` derives from `base` through the project's classes (a few levels)."""
        if depth > 8:
            return False
        for expr in klass.node.bases:
            parent = self.class_of(expr, klass.scope.parent, 0)
            if parent is base or (parent is not None and self.is_subclass(parent, base, depth + 1)):
                return True
        return False

    def method(self, klass: ClassInfo, name: str, seen: set | None = None) -> Function | None:
        seen = seen or set()
        if id(klass) in seen:
            return None
        seen.add(id(klass))
        if name in klass.methods:
            return klass.methods[name]
        for base in klass.node.bases:
            parent = self.class_of(base, klass.scope.parent, 0)
            if parent is not None:
                found = self.method(parent, name, seen)
                if found:
                    return found
        return None


def _dict_of_pairs(call: ast.Call, picked: str) -> ast.Dict | None:
    """`OrderedDict([("unet", "https://..."), ...])` (or `dict([...])`) as the dict literal it makes."""
    if picked.rsplit(".", 1)[-1] not in ("OrderedDict", "dict") or len(call.args) != 1 or call.keywords:
        return None
    pairs = call.args[0]
    if not isinstance(pairs, (ast.List, ast.Tuple)) or not pairs.elts:
        return None
    if not all(isinstance(pair, ast.Tuple) and len(pair.elts) == 2 for pair in pairs.elts):
        return None
    made = ast.Dict(keys=[pair.elts[0] for pair in pairs.elts], values=[pair.elts[1] for pair in pairs.elts])  # type: ignore[attr-defined]
    return ast.copy_location(made, call)


def _filters_items(node: object) -> bool:
    """`[t for t in items if ...]`: a comprehension that keeps items of one iterable as they are."""
    if not isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)) or len(node.generators) != 1:
        return False
    target = node.generators[0].target
    return type(node.elt) is ast.Name and type(target) is ast.Name and node.elt.id == target.id


def _product(parts: list[list[Value]], module: Module, line: int, result: Result, linear: bool = False) -> Result:
    """Every concatenation of one value of each part (up to MAX_VALUES), each part's place kept.

    `linear` (a command line): one part varies at a time, the other parts with several
    values stand as PLACEHOLDER, so `f"{worker} --model {path}"` gives one line per
    worker and one per path, not every pair.
    """
    combinations: Iterable = itertools.product(*parts)
    if linear and sum(len(p) > 1 for p in parts) > 1:
        fixed = [p if len(p) == 1 else [Value(PLACEHOLDER, module, line)] for p in parts]
        combinations = (
            fixed[:i] + [[value]] + fixed[i + 1 :] for i, p in enumerate(parts) if len(p) > 1 for value in p
        )
        combinations = (tuple(c[0] for c in combination) for combination in combinations)
    for combination in itertools.islice(combinations, MAX_VALUES):
        spans: list[tuple] = []
        offset = 0
        for piece in combination:
            end = offset + len(piece.text)
            if piece.module is not module or piece.line != line:
                spans.append((offset, end, piece.module, piece.line))
            spans.extend((offset + s, offset + e, m, n) for s, e, m, n in piece.spans)
            offset = end
        result.values.append(Value("".join(p.text for p in combination), module, line, tuple(spans)))
    return result


def namespace_of(node: object) -> ast.expr | None:
    """`X` of `X.__dict__` or `vars(X)`: the object whose attributes a dict holds."""
    if isinstance(node, ast.Attribute) and node.attr == "__dict__":
        return node.value
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "vars"
        and len(node.args) == 1
    ):
        return node.args[0]
    return None


def _written(value: Value) -> tuple[ast.Constant, Scope]:
    """A string already made, as a constant written where it is (its module's line): to follow like code."""
    return ast.Constant(value=value.text, lineno=value.line, col_offset=0), value.module.scope


def _possible_nodes(found: list, text: str, known: tuple) -> list:
    """`found` less the strings the facts `known` about `text` rule out."""
    return [
        (node, node_scope)
        for node, node_scope in found
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or possible(node.value, text, known)
    ]


def _part(row: ast.Tuple, index: int) -> ast.expr | None:
    return row.elts[index] if -len(row.elts) <= index < len(row.elts) else None


def class_named_by(func: ast.expr) -> ast.expr | None:
    """The expression naming the class of `eval(name)(...)` or `globals()[name](...)`, else None."""
    if type(func) is ast.Call and getattr(func.func, "id", None) == "eval" and len(func.args) == 1:
        return func.args[0]
    if (
        type(func) is ast.Subscript
        and type(func.value) is ast.Call
        and getattr(func.value.func, "id", None) == "globals"
    ):
        return func.slice
    return None


def _empty_table_call(node) -> bool:
    """`dict()`, `OrderedDict()`: a table filled later (an empty `{}` is a dict literal, read as one)."""
    return (
        type(node) is ast.Call
        and not node.args
        and not node.keywords
        and dotted(node.func).rpartition(".")[2] in ("dict", "OrderedDict", "defaultdict")
    )


def _int_index(node: ast.expr) -> int | None:
    """The integer a subscript's index is written as: `[0]`, and `[-1]` (a minus applied to 1)."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if (
        isinstance(node, ast.UnaryOp)
        and isinstance(node.op, ast.USub)
        and isinstance(node.operand, ast.Constant)
        and type(node.operand.value) is int
    ):
        return -node.operand.value
    return None


def returned_expressions(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.expr]:
    """The values of a function's own `return` statements (not those of functions inside
    it); none for a generator, whose `return` is not what a call gives."""
    values = []
    stack: list[ast.AST] = list(node.body)
    while stack:
        current = stack.pop()
        if isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(current, (ast.Yield, ast.YieldFrom)):
            return []
        if isinstance(current, ast.Return) and current.value is not None:
            values.append(current.value)
        stack.extend(ast.iter_child_nodes(current))
    values.reverse()
    return values


def _is_property(function: Function) -> bool:
    return any(dotted(d).rsplit(".", 1)[-1] in ("property", "cached_property") for d in function.node.decorator_list)


def _is_enum(klass: ClassInfo) -> bool:
    """Whether a class derives from one of `enum`'s classes by name (`class Models(str, Enum)`)."""
    return any(dotted(base).rsplit(".", 1)[-1] in _ENUM_BASES for base in klass.node.bases)


def _string_method(call: ast.Call) -> str | None:
    """The name of a `str` method that `call` applies with constant arguments (`name.replace(".pth", "")`)."""
    func = call.func
    if (
        isinstance(func, ast.Attribute)
        and func.attr in _STRING_METHODS
        and not call.keywords
        and len(call.args) <= _STRING_METHODS[func.attr]
        and all(isinstance(a, ast.Constant) and isinstance(a.value, (str, int)) for a in call.args)
    ):
        return func.attr
    return None


def _calls_super(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Name) and n.id == "super" for n in ast.walk(node))


def _short(node: ast.AST) -> str:
    try:
        text = ast.unparse(node)
    except Exception:  # noqa: BLE001 - only for a message
        return type(node).__name__
    return text if len(text) <= 60 else text[:57] + "..."


def _importer(binding: Binding) -> str | None:
    """The path of the file an import binding is made in (its own imports resolve nearest to it)."""
    return binding.scope.module.path if binding.scope is not None else None


def _as_integer(inner: Result) -> Result:
    """What `int(x)` gives for each `x` that is written as a whole number, as digits (`"0512"` is
    `512`); a run-time value stays unknown, and text `int` would refuse is no value at all."""
    result = Result(params=inner.params, unknown=inner.unknown)
    result.composed = inner.composed
    for value in inner.values:
        text = value.text.strip()
        if len(text) <= 18 and text.lstrip("+-").isdigit() and text.isascii():
            result.values.append(Value(str(int(text)), value.module, value.line))
    if not result.values and not result.params and not result.unknown:
        return unknown("the value returned by `int(...)`")
    return result


def _inside(scope: Scope | None, function: Function) -> bool:
    """Whether `scope` is `function`'s own, or one nested in it."""
    while scope is not None:
        if scope.function is function:
            return True
        scope = scope.parent
    return False
