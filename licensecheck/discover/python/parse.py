"""A Python file as scopes, and for every name it reads, the definitions that reach that point.

`collect(module, tree)` walks a parsed file once and records, for each name read
(`ast.Name` in load context), the bindings that may hold its value *there*:
statements in order (a later assignment does not reach an earlier read, and
`name = name + "-x"` reads the value before it), the branches of `if`, `try` and
`match` joined, and a loop's body walked twice so that what the end of one
iteration assigns reaches the next (deeper loops once: the cost stays bounded).
A branch that ends in `return`, `raise`, `break`, `continue` or `sys.exit()` adds
nothing to what follows it.

Conditions are remembered as simple facts (`flag`, `f()`, `x == "a"`, `x is None`):
a binding made where a fact holds does not reach a read where the same fact is
known to be false, so `if use_modelscope(): repo = "ms/x"` does not reach the
Hub download in the `else` branch of another `if use_modelscope():`.

A name a function reads without binding it is looked up, at evaluation time, in
what the enclosing function or the module holds when it ends (`Scope.exit`),
plus what functions assign to it after `global`. Function bodies are walked after
the scope that defines them, so that scope's exit is known.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from typing import Any, overload

from ...model import Location
from ..keys import key_type, option_name

# Binding kinds.
VALUE, ITER, PARAM, IMPORT, DEF, CLASS, UNKNOWN = "value", "iter", "param", "import", "def", "class", "unknown"
PART = "part"  # `repo, file = TABLE[name]`: the element at `detail` (a path of indexes) of the value
_LOOP_PASSES_UNTIL_DEPTH = 3  # loops nested deeper are walked once
_SUBJECT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_EXITS = frozenset({"sys.exit", "exit", "quit", "os._exit"})


class Binding:
    """One way a name gets its value: an assignment, a loop, a parameter, an import, a def.

    `node`: the value (VALUE, PART) or the iterable (ITER); `scope`: where it is evaluated;
    `detail`: the path to the part of each item (ITER) or of the value (PART), (function, name) (PARAM), (target, whole
    module?) (IMPORT), the Function (DEF), the ClassInfo (CLASS) or the reason (UNKNOWN);
    `guards`: the facts that held where it was made.
    """

    __slots__ = ("kind", "node", "scope", "detail", "guards")

    def __init__(self, kind: str, node=None, scope=None, detail=None, guards=None) -> None:
        self.kind = kind
        self.node = node
        self.scope = scope
        self.detail = detail
        self.guards = guards


Env = dict  # name → tuple of Bindings


class Scope:
    __slots__ = ("kind", "parent", "module", "function", "klass", "exit")

    def __init__(
        self,
        kind: str,
        parent: Scope | None,
        module: Module,
        function: Function | None = None,
        klass: ClassInfo | None = None,
    ) -> None:
        self.kind = kind
        self.parent = parent
        self.module = module
        self.function = function
        self.klass = klass
        self.exit: Env = {}  # the bindings each name may hold when the scope's code has run


class ClassInfo:
    def __init__(self, name: str, qualname: str, node: ast.ClassDef, scope: Scope) -> None:
        self.name = name
        self.qualname = qualname
        self.node = node
        self.scope = scope
        self.instance_attrs: dict[str, list[tuple[ast.expr, Scope]]] = {}
        self.methods: dict[str, Function] = {}


class Function:
    def __init__(self, module: Module, qualname: str, node, scope: Scope, klass: ClassInfo | None) -> None:
        self.module = module
        self.qualname = qualname
        self.name = node.name
        self.node = node
        self.scope = scope
        self.klass = klass
        arguments = node.args
        self.positional = [a.arg for a in arguments.posonlyargs + arguments.args]
        # each parameter's binding in the body, by name: what the body compares it with is filed under it
        self.parameters: dict[str, Binding] = {}
        self.defaults: dict[str, ast.expr] = {}
        for argument, default in zip(reversed(arguments.posonlyargs + arguments.args), reversed(arguments.defaults)):
            self.defaults[argument.arg] = default
        for argument, default in zip(arguments.kwonlyargs, arguments.kw_defaults):
            if default is not None:
                self.defaults[argument.arg] = default
        decorators = {dotted(d.func if isinstance(d, ast.Call) else d) for d in node.decorator_list}
        self.kind = "function"
        if klass is not None:
            self.kind = (
                "staticmethod"
                if "staticmethod" in decorators
                else ("classmethod" if "classmethod" in decorators else "method")
            )
        self._cli_defaults(node.decorator_list)
        self.patched: tuple[str, ...] | None = None  # what it replaces while it runs, when asked (mocks.py)
        self.refused: frozenset[int] | None = None  # its calls inside `with pytest.raises(...)` (mocks.py)

    @property
    def key(self) -> tuple[str, str]:
        return (self.module.path, self.qualname)

    def annotation(self, parameter: str) -> ast.expr | None:
        """The annotation a parameter is written with (`model: Model`, `size: Literal["a", "b"]`)."""
        arguments = self.node.args
        for argument in arguments.posonlyargs + arguments.args + arguments.kwonlyargs:
            if argument.arg == parameter:
                return argument.annotation
        return None

    def _cli_defaults(self, decorators: list[ast.expr]) -> None:
        """`@click.option("--model", default=...)`: the option's default is the parameter's. And a spaCy
        factory's `default_config`, whose entries spaCy passes to the parameters of their names."""
        for decorator in decorators:
            if isinstance(decorator, ast.Call) and dotted(decorator.func).endswith("factory"):
                self._factory_defaults(next((k.value for k in decorator.keywords if k.arg == "default_config"), None))
                continue
            if not (
                isinstance(decorator, ast.Call) and dotted(decorator.func).rsplit(".", 1)[-1] in ("option", "argument")
            ):
                continue
            default = next((k.value for k in decorator.keywords if k.arg == "default"), None)
            if default is None:
                continue
            names = [a.value for a in decorator.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            plain = [n for n in names if not n.startswith("-")]
            dashed = sorted((n for n in names if n.startswith("-")), key=len, reverse=True)
            chosen = plain[0] if plain else (dashed[0].lstrip("-").split("/")[0] if dashed else None)
            if chosen:
                self.defaults.setdefault(chosen.replace("-", "_").lower(), default)

    def _factory_defaults(self, config: ast.expr | None) -> None:
        """`@Language.factory("ner", default_config={"model": "org/x"})`, or a constant dict's name there:
        each parameter without a default of its own takes the entry of its name."""
        if isinstance(config, ast.Dict):
            for key, value in zip(config.keys, config.values):
                if isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value in self.positional:
                    self.defaults.setdefault(key.value, value)
        elif isinstance(config, ast.Name):
            for name in self.positional:
                if name not in self.defaults:  # `DEFAULT_CONFIG["model"]`, read where the name is bound
                    key = ast.copy_location(ast.Constant(name), config)
                    entry = ast.Subscript(value=config, slice=key, ctx=ast.Load())
                    self.defaults[name] = ast.copy_location(entry, config)


class Module:
    """One parsed file (a .py file or a notebook's code) and what it binds."""

    def __init__(self, path: str, directory: str, dotted_name: str | None, locate: Callable[[int], Location]) -> None:
        self.path = path
        self.directory = directory
        self.dotted = dotted_name
        self.locate = locate
        self.imports: dict[str, str] = {}  # every import of the file, whatever reaches where
        self.star_imports: list[str] = []  # `from config import *`: the modules, by absolute name
        # `config.model.model_path = "org/x"` (not through `self`): (attribute, the constant), project.py reads them
        self.settings: list[tuple[str, ast.Constant]] = []
        self.scope = Scope("module", None, self)
        self.functions: dict[str, Function] = {}
        self.classes: dict[str, ClassInfo] = {}
        self.calls: list[tuple[ast.Call, Scope]] = []
        self.option_defaults: dict[str, list[tuple[ast.expr, Scope]]] = {}
        self.option_aliases: dict[str, str] = {}  # argparse's `-m`, `whisper_model` → the option's dest
        self.ollama_values: list[tuple[ast.Constant, str]] = []  # `hf.co/...` strings assigned or defaulted
        self.has_prefix = False  # whether the text holds an `hf-hub:`, `hf.co/` or `hf://` string
        # id(ast.Name read) → the bindings that reach it; a name absent here is free
        # (looked up in the enclosing scopes' exits) or undefined.
        self.reaching: dict[int, tuple[Binding, ...]] = {}
        # id(ast.Name or ast.Attribute read) → what is known there about its value: ("x == 'a'", False)...
        self.read_facts: dict[int, tuple[tuple[str, bool], ...]] = {}
        # id(ast.Name read) → what is known there about its attributes' values: `args` passed to a
        # function inside `if args.model_type == "opt":` (Callers reads it for `args.model_type`)
        self.part_facts: dict[int, tuple[tuple[str, bool], ...]] = {}
        # id(ast.Call) of the calls in a branch that cannot run: `model_name = "glpn"` then
        # `if model_name == "glpn": ... else: DPT.from_pretrained("Intel/dpt-large")`
        self.dead_calls: set[int] = set()
        # What the code compares a value with (`name == "org/x"`, `assert name in MODELS`): by
        # id(binding) for a name, by dotted text for an attribute (`args.model`), the other side,
        # whether it is a collection of them, and whether an `assert` requires it.
        # Values.anticipated reads it.
        self.compared: dict[int | str, list[tuple[ast.expr, Scope, bool, bool]]] = {}
        # The collections `if name in TABLE:` tests a value against, by their dotted text, with the scope
        # of the test: within that branch the value is one of TABLE's (values.py's _members)
        self.tables: dict[str, tuple[ast.expr, Scope]] = {}
        # A name assigned another name (`asr_cls = FasterWhisperASR`): the name assigned → the names it
        # was given. A class called through it (`asr_cls(modelsize=size)`) is called under that name.
        self.name_aliases: dict[str, list[str]] = {}
        self.testing: bool | None = None  # whether it imports unittest, mock or pytest (mocks.py), once asked

    def absolute(self, module: str | None, level: int) -> str:
        if not level:
            return module or ""
        parts = (self.dotted or "").split(".")
        # A module `a.b.c` is in package `a.b`; an `__init__` module is its own package.
        package = parts if self.path.endswith("__init__.py") else parts[:-1]
        package = package[: len(package) - (level - 1)] if level > 1 else package
        return ".".join(p for p in package + ([module] if module else []) if p)


def callee_name(func: ast.expr) -> str:
    """The last name of what a call calls: `load` of `pkg.load(...)` and of `load(...)`."""
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value)}.{node.attr}"
    if isinstance(node, ast.Call):
        return dotted(node.func) + "()"
    return "?"


def is_super(node: ast.AST) -> bool:
    """Whether `node` is `super()`: what `super().name(...)` calls a method of."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"


def enclosing_function(scope: Scope | None) -> Function | None:
    while scope is not None and scope.kind != "function":
        scope = scope.parent
    return scope.function if scope is not None else None


def lookup(name: str, node: ast.AST | None, scope: Scope) -> tuple[Binding, ...] | None:
    """The bindings of `name` read at `node` in `scope` (None: not bound anywhere we know)."""
    if node is not None:
        found = scope.module.reaching.get(id(node))
        if found is not None:
            return found
        if scope.kind == "module":
            return None  # read before any binding at the module level: a builtin or an error
    current = scope.parent if node is not None else scope
    while current is not None:
        if current.kind != "class" or current is scope:
            found = current.exit.get(name)
            if found is not None:
                return found
        current = current.parent
    return None


@overload
def join(first: Env, /, *envs: Env | None) -> Env: ...
@overload
def join(*envs: Env | None) -> Env | None: ...
def join(*envs: Env | None) -> Env | None:
    """The bindings a name may hold after paths that end in `envs` (None: a path that does not go on)."""
    live = [e for e in envs if e is not None]
    if not live:
        return None
    result = dict(live[0])
    for env in live[1:]:
        for name, bindings in env.items():
            mine = result.get(name)
            if mine is None:
                result[name] = bindings
            elif mine is not bindings and mine != bindings:
                result[name] = _merge(mine, bindings)
    return result


def _merge(first: tuple, second: tuple) -> tuple:
    return tuple(dict.fromkeys(first + second))


# -- conditions as facts ----------------------------------------------------------------------


# The facts that compare a value with constants, by the word after its subject: `x == 'a'`,
# `x in ('a', 'b')`, `x contains 'a'` (`"a" in x`), `x startswith 'a'`, `x endswith 'a'`.
VALUE_FACTS = (" == ", " in ", " contains ", " startswith ", " endswith ")


def _fact(test: ast.expr) -> tuple[str, bool] | None:
    """A condition as (key, truth) when it is simple enough to recognise again."""
    if type(test) is ast.BoolOp and type(test.op) is ast.Or:
        # `task.startswith("retrieval/") or task.startswith("misc/")`: one test of a tuple of prefixes;
        facts = [_fact(value) for value in test.values]
        parts = [f[0].split(" ", 2) for f in facts if f is not None and f[1]]
        if len(parts) == len(test.values) and all(len(p) == 3 for p in parts):
            names, operators = {p[0] for p in parts}, {p[1] for p in parts}
            if len(names) == 1 and len(operators) == 1 and operators <= {"startswith", "endswith", "contains"}:
                # and `"opt" in name or "t5" in name`: a part of the string, any of several
                prefixes = tuple(ast.literal_eval(p[2]) for p in parts)
                return (f"{parts[0][0]} {parts[0][1]} {prefixes!r}", True)
        return None
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _fact(test.operand)
        return (inner[0], not inner[1]) if inner else None
    if isinstance(test, (ast.Name, ast.Attribute)):
        text = dotted(test)
        return (text, True) if "?" not in text else None
    if (
        isinstance(test, ast.Call)
        and isinstance(test.func, ast.Attribute)
        and test.func.attr in ("startswith", "endswith")
        and isinstance(test.func.value, (ast.Name, ast.Attribute))
        and len(test.args) == 1
        and not test.keywords
        and isinstance(test.args[0], ast.Constant)
        and isinstance(test.args[0].value, str)
    ):
        # `model_name.startswith("mlx-community/")`
        return (f"{dotted(test.func.value)} {test.func.attr} {test.args[0].value!r}", True)
    if (
        isinstance(test, ast.Call)
        and not test.args
        and not test.keywords
        and isinstance(test.func, (ast.Name, ast.Attribute))
    ):
        text = dotted(test)
        return (text, True) if "?" not in text else None
    if (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.left, (ast.Name, ast.Attribute))
        and isinstance(test.comparators[0], ast.Constant)
    ):
        right = test.comparators[0]
        op = test.ops[0]
        text = dotted(test.left)
        if isinstance(op, (ast.Eq, ast.NotEq)):
            return (f"{text} == {right.value!r}", isinstance(op, ast.Eq))
        if isinstance(op, (ast.Is, ast.IsNot)):
            return (f"{text} is {right.value!r}", isinstance(op, ast.Is))
    if (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], (ast.In, ast.NotIn))
        and isinstance(test.left, (ast.Name, ast.Attribute))
        and isinstance(test.comparators[0], (ast.List, ast.Tuple, ast.Set))
        and all(isinstance(e, ast.Constant) for e in test.comparators[0].elts)
    ):
        values = tuple(sorted({repr(e.value) for e in test.comparators[0].elts if isinstance(e, ast.Constant)}))
        return (f"{dotted(test.left)} in ({', '.join(values)},)", isinstance(test.ops[0], ast.In))
    if (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], (ast.In, ast.NotIn))
        and isinstance(test.left, (ast.Name, ast.Attribute))
        and isinstance(test.comparators[0], (ast.Name, ast.Attribute))
    ):
        # `if name in REGISTERED_MODELS:` (a collection the module names): `possible` cannot read it,
        # values.py takes the collection's members as what `name` is within
        text, table = dotted(test.left), dotted(test.comparators[0])
        return (f"{text} in {table}", isinstance(test.ops[0], ast.In)) if "?" not in text + table else None
    if (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], (ast.In, ast.NotIn))
        and isinstance(test.left, ast.Constant)
        and isinstance(test.left.value, str)
        and isinstance(test.comparators[0], (ast.Name, ast.Attribute))
    ):
        # `"speech" in checkpoint_name`: a part of the string
        text = dotted(test.comparators[0])
        return (f"{text} contains {test.left.value!r}", isinstance(test.ops[0], ast.In))
    return None


def _subject(key: str) -> str:
    """The name a fact is about: `x` in `x.y == 'a'`, `f` in `f()`."""
    match = _SUBJECT.match(key)
    return match.group(0) if match else ""


def _after_assignment(guards: dict[str, bool], name: str, value) -> dict[str, bool] | None:
    """The facts that still hold once `name` is assigned `value`.

    A fact about another name is unchanged. `name == C` and `name is C` are decided
    when `value` is a constant (`if x is None: x = "org/m"` makes `x is None` false);
    any other fact about `name` is dropped.
    """
    kept: dict[str, bool] = {}
    for key, truth in guards.items():
        if _subject(key) != name:
            kept[key] = truth
        elif isinstance(value, ast.Constant) and key.startswith((f"{name} == ", f"{name} is ")):
            kept[key] = key[len(name) + 4 :] == repr(value.value)
    return kept or None


def facts_about(name: str, guards: dict[str, bool]) -> tuple[tuple[str, bool], ...]:
    """The facts of `guards` that compare `name` (a name or a dotted attribute) with constants:
    what `possible` reads."""
    return tuple((k, v) for k, v in guards.items() if k.startswith(name) and k.startswith(VALUE_FACTS, len(name)))


def _refined(bindings: tuple, earlier: tuple, name: str, guards: dict | None) -> tuple:
    """The bindings of `name` that reach past an `if` which reassigns it, on the way the
    test went false: `if name == "330M": name = "giga330M"` lets through every value but "330M".
    Only those made before the `if` (in `earlier`) are about the value the test compared."""
    about = dict(facts_about(name, guards or {}))
    if not about:
        return bindings
    return tuple(
        Binding(b.kind, b.node, b.scope, b.detail, {**(b.guards or {}), **about}) if b in earlier else b
        for b in bindings
    )


def facts(test: ast.expr, truth: bool) -> list[tuple[str, bool]]:
    """What is known where `test` evaluated to `truth`."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And) and truth:
        return [f for value in test.values for f in facts(value, True)]
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or) and not truth:
        return [f for value in test.values for f in facts(value, False)]
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) and isinstance(test.operand, ast.BoolOp):
        return facts(test.operand, not truth)
    fact = _fact(test)
    if fact is None:
        return []
    return [(fact[0], fact[1] if truth else not fact[1])]


# -- the walk ----------------------------------------------------------------------------------

_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)
_MOST_GROWN = 1024  # the most items a list literal grows to by `append` / `extend` (a table's limit)
_LOOPS = (ast.For, ast.AsyncFor, ast.While)


def collect(module: Module, tree: ast.Module) -> None:
    """Walk `tree` into `module`: scopes, functions, classes, calls and the bindings reaching each name."""
    walker = _Walker(module)
    end = walker.body(tree.body, {}, module.scope)
    module.scope.exit = join(end, *walker.exits) or {}
    while walker.queue:
        walker.function_body(walker.queue.pop(0))
    for name, bindings in walker.global_bindings.items():
        module.scope.exit[name] = _merge(module.scope.exit.get(name, ()), tuple(bindings))


class _Walker:
    def __init__(self, module: Module) -> None:
        self.module = module
        self.reaching = module.reaching
        self.queue: list[Function] = []
        self.made: dict[int, Any] = {}  # what a node made, reused when a loop walks it again
        self.calls_seen: set[int] = set()
        self.global_bindings: dict[str, list[Binding]] = {}
        # The state of the scope being walked.
        self.scope = module.scope
        self.guards: dict[str, bool] | None = None
        self.exits: list[Env] = []
        self.loops: list[tuple[list[Env], list[Env]]] = []  # (breaks, continues) of each enclosing loop
        self.loop_depth = 0
        self.outer: Env | None = None  # a class body reads the enclosing scope's names
        self.global_names: set[str] = set()
        self.written: set[str] | None = None  # names the branch being walked assigns (for a cheap join)
        self._subjects: dict[int, tuple[dict, frozenset[str]]] = {}
        self.asserting = False  # walking an `assert`'s test

    # -- scopes ------------------------------------------------------------------------

    def body(self, statements: list[ast.stmt], env: Env, scope: Scope) -> Env | None:
        self.scope = scope
        return self.block(statements, env)

    def function_body(self, function: Function) -> None:
        self.scope = function.scope
        self.guards, self.exits, self.loops, self.loop_depth = None, [], [], 0
        self.outer, self.global_names, self.written = None, set(), None
        env: Env = {}
        arguments = function.node.args
        for argument in arguments.posonlyargs + arguments.args + arguments.kwonlyargs:
            binding = function.parameters[argument.arg] = Binding(
                PARAM, scope=function.scope, detail=(function, argument.arg)
            )
            env[argument.arg] = (binding,)
        if arguments.vararg is not None:
            # `*hf_name`: the tuple of a call's arguments left over (callers.py's `_arguments` makes it)
            name = arguments.vararg.arg
            env[name] = (Binding(PARAM, scope=function.scope, detail=(function, name)),)
        if arguments.kwarg is not None:
            env[arguments.kwarg.arg] = (Binding(UNKNOWN, detail=f"`{arguments.kwarg.arg}` collects arguments"),)
        end = self.block(function.node.body, env)
        function.scope.exit = join(end, *self.exits) or {}

    # -- statements --------------------------------------------------------------------

    def block(self, statements: list[ast.stmt], env: Env | None) -> Env | None:
        saved = self.guards  # what an early exit teaches holds to the end of this block only
        for statement in statements:
            if env is None:
                break  # unreachable: after return, raise, break or continue
            env = self.statement(statement, env)
        self.guards = saved
        return env

    # Any: dispatched on `type(node) is ...` (faster than isinstance), which mypy does not narrow.
    def statement(self, node: Any, env: Env) -> Env | None:
        kind = type(node)
        if kind is ast.Expr:
            self.expr(node.value, env)
            value = node.value
            if isinstance(value, ast.Call) and dotted(value.func) in _EXITS:
                self.exits.append(env)
                return None
            return env
        if kind is ast.Assign:
            self.expr(node.value, env)
            for target in node.targets:
                self.bind_target(target, node.value, env)
                if type(target) is ast.Name and type(node.value) is ast.Name:
                    self.module.name_aliases.setdefault(node.value.id, []).append(target.id)
            self.ollama_values(node.value, dotted(node.targets[0]))
            return env
        if kind is ast.AnnAssign:
            if node.value is not None:
                self.expr(node.value, env)
                self.bind_target(node.target, node.value, env)
                self.ollama_values(node.value, dotted(node.target))
            return env
        if kind is ast.AugAssign:
            self.augmented(node, env)
            return env
        if kind is ast.If:
            return self.branch(node, env)
        if kind in (ast.For, ast.AsyncFor, ast.While):
            return self.loop(node, env)
        if kind in (ast.Return, ast.Raise):
            for child in ast.iter_child_nodes(node):
                self.expr(child, env)
            self.exits.append(env)
            return None
        if kind is ast.Break or kind is ast.Continue:
            if self.loops:
                self.loops[-1][0 if kind is ast.Break else 1].append(env)
            return None
        if kind in (ast.FunctionDef, ast.AsyncFunctionDef):
            self.function(node, env)
            return env
        if kind is ast.ClassDef:
            self.klass(node, env)
            return env
        if kind is ast.Import:
            for alias in node.names:
                local = alias.asname or alias.name.split(".")[0]
                target = alias.name if alias.asname else alias.name.split(".")[0]
                self.module.imports[local] = target
                self.bind(local, self.make(alias, IMPORT, detail=(target, True)), env)
            return env
        if kind is ast.ImportFrom:
            base = self.module.absolute(node.module, node.level)
            for alias in node.names:
                if alias.name == "*":
                    self.module.star_imports.append(base)
                    continue
                local = alias.asname or alias.name
                target = f"{base}.{alias.name}" if base else alias.name
                self.module.imports[local] = target
                self.bind(local, self.make(alias, IMPORT, detail=(target, False)), env)
            return env
        if kind in (ast.Try, ast.TryStar):
            return self.attempt(node, env)
        if kind in (ast.With, ast.AsyncWith):
            for item in node.items:
                self.expr(item.context_expr, env)
                if item.optional_vars is not None:
                    # the binding keeps the context expression: `with open(path) as fp` (a data file's reader)
                    self.unknown_targets(item.optional_vars, "comes from a context manager", env, item.context_expr)
            return self.block(node.body, env)
        if kind is ast.Match:
            return self.match(node, env)
        if kind is ast.Global:
            self.global_names.update(node.names)
            return env
        if kind is ast.Delete:
            for target in node.targets:
                if isinstance(target, ast.Name):
                    env.pop(target.id, None)
                    if self.written is not None:
                        self.written.add(target.id)
                else:
                    self.expr(target, env)
            return env
        if kind is ast.Assert:
            self.asserting = True  # what an assertion compares a name with is all it may be
            try:
                self.expr(node.test, env)
            finally:
                self.asserting = False
            if node.msg is not None:
                self.expr(node.msg, env)
            return env
        for child in ast.iter_child_nodes(node):  # nonlocal, pass, type aliases
            if isinstance(child, ast.expr):
                self.expr(child, env)
        return env

    def branch(self, node: ast.If, env: Env) -> Env | None:
        self.expr(node.test, env)
        decided = self._decided(node.test, env)
        if decided is not None:
            for statement in node.orelse if decided else node.body:
                self.module.dead_calls.update(id(n) for n in ast.walk(statement) if type(n) is ast.Call)
        for part in node.test.values if isinstance(node.test, ast.BoolOp) else [node.test]:
            if (
                isinstance(part, ast.Compare)
                and len(part.ops) == 1
                and isinstance(part.ops[0], ast.In)
                and isinstance(part.comparators[0], (ast.Name, ast.Attribute))
            ):
                self.module.tables.setdefault(dotted(part.comparators[0]), (part.comparators[0], self.scope))
        saved = self.guards
        outer_written, self.written = self.written, set()
        self.guards = self._with_facts(saved, facts(node.test, True))
        body = self.block(node.body, dict(env))
        went_false = self.guards = self._with_facts(saved, facts(node.test, False))  # never changed in place
        before = dict(env) if node.orelse else env  # the else branch writes into `env`
        orelse = self.block(node.orelse, env) if node.orelse else env
        written, self.written = self.written, outer_written
        if outer_written is not None:
            outer_written |= written
        # `if not name: return`: what follows runs only where the test went the other way.
        if body is None and orelse is not None:
            self.guards = went_false
        elif orelse is None and body is not None:
            self.guards = self._with_facts(saved, facts(node.test, True))
        else:
            self.guards = saved
        if body is None or orelse is None:
            return orelse if body is None else body
        # Both go on from the same bindings: only the names a branch assigned can differ.
        for name in written:
            mine, theirs = body.get(name), orelse.get(name)
            if mine is not theirs and mine is not None:
                if theirs is not None and name in before:
                    theirs = _refined(theirs, before[name], name, went_false)
                orelse[name] = mine if theirs is None else _merge(theirs, mine)
        return orelse

    def _decided(self, test: ast.expr, env: Env) -> bool | None:
        """What `test` gives where it is decided by the code before it: a local name compared
        (`==`, `!=`, `in`, `not in`) with constants, that only constant strings reach. None elsewhere.

        In functions only: a module's constant is what a reader edits to choose (a notebook's
        `MODEL = "small"`), and other modules may set it."""
        if self.scope.function is None or type(test) is not ast.Compare or type(test.left) is not ast.Name:
            return None
        if len(test.ops) != 1:
            return None
        operator, right = type(test.ops[0]), test.comparators[0]
        if operator in (ast.Eq, ast.NotEq) and type(right) is ast.Constant:
            accepted: tuple = (right.value,)
        elif (
            operator in (ast.In, ast.NotIn)
            and isinstance(right, (ast.List, ast.Tuple, ast.Set))
            and all(isinstance(e, ast.Constant) for e in right.elts)
        ):
            accepted = tuple(e.value for e in right.elts if isinstance(e, ast.Constant))
        else:
            return None
        holds = operator in (ast.Eq, ast.In)
        outcomes = set()
        for binding in env.get(test.left.id) or ():
            if (
                binding.kind != VALUE
                or type(binding.node) is not ast.Constant
                or not isinstance(binding.node.value, str)
            ):
                return None
            outcomes.add((binding.node.value in accepted) == holds)
        return outcomes.pop() if len(outcomes) == 1 else None

    @staticmethod
    def _with_facts(guards: dict | None, new: list[tuple[str, bool]]) -> dict | None:
        if not new:
            return guards
        result = dict(guards or {})
        result.update(new)
        return result

    def loop(self, node, env: Env) -> Env | None:
        is_for = not isinstance(node, ast.While)
        self.expr(node.iter if is_for else node.test, env)
        passes = 2 if self.loop_depth < _LOOP_PASSES_UNTIL_DEPTH else 1
        self.loop_depth += 1
        breaks: list[Env]
        head, breaks = env, []
        try:
            for number in range(passes):
                state = dict(head)
                if is_for:
                    self.loop_target(node.target, node.iter, state)
                self.loops.append(([], []))
                end = self.block(node.body, state)
                breaks, continues = self.loops.pop()
                following = join(env, end, *continues)
                if number == 0 and following == head:
                    break
                head = following
        finally:
            self.loop_depth -= 1
        always = not is_for and isinstance(node.test, ast.Constant) and bool(node.test.value)
        after = None if always else (self.block(node.orelse, dict(head)) if node.orelse else head)
        return join(after, *breaks)

    def attempt(self, node, env: Env) -> Env | None:
        before = dict(env)
        body = self.block(node.body, env)
        # An exception may leave the body anywhere: a handler sees what held before or after it.
        handler_entry = join(before, body)
        ends = [self.block(node.orelse, body) if node.orelse and body is not None else body]
        for handler in node.handlers:
            state = dict(handler_entry)
            if handler.type is not None:
                self.expr(handler.type, state)
            if handler.name:
                self.bind(handler.name, Binding(UNKNOWN, detail=f"`{handler.name}` is an exception"), state)
            ends.append(self.block(handler.body, state))
        after = join(*ends)
        if node.finalbody:
            final = self.block(node.finalbody, after if after is not None else dict(handler_entry))
            return final if after is not None else None
        return after

    def match(self, node: ast.Match, env: Env) -> Env | None:
        self.expr(node.subject, env)
        ends: list[Env | None] = [env]  # no case matched
        for case in node.cases:
            state = dict(env)
            for sub in ast.walk(case.pattern):
                name = (
                    getattr(sub, "name", None)
                    if isinstance(sub, (ast.MatchAs, ast.MatchStar))
                    else (sub.rest if isinstance(sub, ast.MatchMapping) else None)
                )
                if name:
                    self.bind(name, Binding(UNKNOWN, detail=f"`{name}` is matched at run time"), state)
                if isinstance(sub, ast.MatchValue):
                    self.expr(sub.value, state)
            if case.guard is not None:
                self.expr(case.guard, state)
            ends.append(self.block(case.body, state))
        return join(*ends)

    def function(self, node, env: Env) -> None:
        arguments = node.args
        defaults = arguments.defaults + [d for d in arguments.kw_defaults if d]
        for expression in node.decorator_list:
            self.expr(expression, env)
        if defaults:  # most functions have none: no message made for them
            shown = f"{node.name}(...) default"
            for expression in defaults:
                self.expr(expression, env)
            for expression in defaults:
                self.ollama_values(expression, shown)
        if id(node) not in self.made:
            scope = self.scope
            prefix = _qualname_prefix(scope)
            klass = scope.klass if scope.kind == "class" else None
            function_scope = Scope("function", scope, self.module, klass=klass)
            function = Function(self.module, f"{prefix}{node.name}", node, function_scope, klass)
            function_scope.function = function
            self.module.functions[function.qualname] = function
            if klass is not None:
                klass.methods[node.name] = function
            self.made[id(node)] = (function, Binding(DEF, detail=function))
            self.queue.append(function)
        self.bind(node.name, self.made[id(node)][1], env)

    def klass(self, node: ast.ClassDef, env: Env) -> None:
        for expression in node.decorator_list + node.bases + [k.value for k in node.keywords]:
            self.expr(expression, env)
        made = self.made.get(id(node))
        if made is None:
            scope = self.scope
            class_scope = Scope("class", scope, self.module)
            info = ClassInfo(node.name, f"{_qualname_prefix(scope)}{node.name}", node, class_scope)
            class_scope.klass = info
            self.module.classes[info.qualname] = info
            made = self.made[id(node)] = (info, Binding(CLASS, detail=info))
            for statement in node.body:
                if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) and statement.value:
                    self.module.option_defaults.setdefault(statement.target.id, []).append(
                        (statement.value, class_scope)
                    )
        info = made[0]
        saved = (self.scope, self.guards, self.exits, self.loops, self.loop_depth, self.outer, self.global_names)
        self.scope, self.guards, self.exits, self.loops, self.loop_depth = info.scope, None, [], [], 0
        self.outer = env if saved[5] is None else {**saved[5], **env}
        self.global_names = set()
        try:
            end = self.block(node.body, {})
            info.scope.exit = join(info.scope.exit, end) or {}
        finally:
            self.scope, self.guards, self.exits, self.loops, self.loop_depth, self.outer, self.global_names = saved
        self.bind(node.name, made[1], env)

    # -- bindings ----------------------------------------------------------------------

    def make(self, node: ast.AST, kind: str, value=None, detail=None) -> Binding:
        """The binding `node` makes (the same object each time a loop walks it again)."""
        key = id(node)
        binding = self.made.get(key)
        if binding is None:
            guards = self.guards
            if guards and isinstance(node, ast.Name):
                guards = _after_assignment(guards, node.id, value)
            binding = self.made[key] = Binding(kind, value, self.scope, detail, guards)
        return binding

    def bind(self, name: str, binding: Binding, env: Env) -> None:
        env[name] = (binding,)
        if self.written is not None:
            self.written.add(name)
        if self.guards:  # what was known about the name's old value is not known about the new one
            self.guards = _after_assignment(self.guards, name, binding.node if binding.kind == VALUE else None)
        if name in self.global_names and self.scope.kind == "function":
            self.global_bindings.setdefault(name, []).append(binding)

    def bind_target(self, target: ast.expr, value: ast.expr, env: Env) -> None:
        if isinstance(target, ast.Name):
            if (
                self.guards
                and isinstance(value, ast.Constant)
                and target.id in env
                and self.guards.get(f"{target.id} == {value.value!r}")
            ):
                return  # `if x == "a": x = "a"` changes nothing: the value it had is the one it keeps
            self.bind(target.id, self.make(target, VALUE, value), env)
        elif isinstance(target, (ast.Tuple, ast.List)):
            if (
                isinstance(value, (ast.Tuple, ast.List))
                and len(value.elts) == len(target.elts)
                and not any(isinstance(e, ast.Starred) for e in target.elts)
            ):
                for element, element_value in zip(target.elts, value.elts):
                    self.bind_target(element, element_value, env)
            elif not any(isinstance(e, ast.Starred) for e in ast.walk(target)):
                self.expr(value, env)
                self.unpacked(target, value, (), env)
            else:
                self.unknown_targets(target, "is unpacked from a value known at run time", env)
        elif isinstance(target, ast.Attribute):
            self.expr(target.value, env)
            base = target.value
            function = enclosing_function(self.scope)
            if (
                isinstance(base, ast.Name)
                and function
                and function.klass
                and function.positional
                and base.id == function.positional[0]
            ):
                function.klass.instance_attrs.setdefault(target.attr, [])
                entries = function.klass.instance_attrs[target.attr]
                if not any(v is value for v, _ in entries):
                    entries.append((value, self.scope))
            elif (
                isinstance(value, ast.Constant)
                and isinstance(value.value, str)
                and not target.attr.startswith("_")  # a private attribute set from outside: a test's fake
                and key_type(target.attr) is not None
                and not any(v is value for _, v in self.module.settings)
            ):
                # `default_config.model.model_path = "EleutherAI/pythia-1.4b-deduped"`: a configuration
                # object set in code, like the same key in a YAML file
                self.module.settings.append((target.attr, value))
        else:
            self.expr(target, env)

    def unpacked(self, target: ast.Tuple | ast.List, value: ast.expr, path: tuple[int, ...], env: Env) -> None:
        """`repo, file = TABLE[name]`: each name is the element at its place in what the value holds."""
        for index, element in enumerate(target.elts):
            if isinstance(element, ast.Name):
                self.bind(element.id, self.make(element, PART, value, path + (index,)), env)
            elif isinstance(element, (ast.Tuple, ast.List)):
                self.unpacked(element, value, path + (index,), env)
            else:
                self.unknown_targets(element, "is unpacked from a value known at run time", env)

    def unknown_targets(self, target: ast.expr, why: str, env: Env, source: ast.expr | None = None) -> None:
        for node in ast.walk(target):
            if isinstance(node, ast.Name):
                self.bind(node.id, self.make(node, UNKNOWN, source, detail=f"`{node.id}` {why}"), env)
            elif isinstance(node, (ast.Attribute, ast.Subscript)):
                self.expr(node.value, env)

    def augmented(self, node: ast.AugAssign, env: Env) -> None:
        """`name += value` is `name = name + value`, reading the value before it."""
        self.expr(node.value, env)
        target = node.target
        if not isinstance(target, ast.Name):
            self.expr(target, env)
            return
        if not isinstance(node.op, ast.Add):
            self.bind(target.id, self.make(target, UNKNOWN, detail=f"`{target.id}` is modified in place"), env)
            return
        combined: Any = self.made.get(id(node))  # a BinOp whose left is a Name, made below
        if combined is None:
            read = ast.Name(id=target.id, ctx=ast.Load(), lineno=target.lineno, col_offset=target.col_offset)
            combined = ast.BinOp(
                left=read, op=ast.Add(), right=node.value, lineno=node.lineno, col_offset=node.col_offset
            )
            self.made[id(node)] = combined
        self.record(combined.left, env)
        self.bind(target.id, self.make(target, VALUE, combined), env)

    def loop_target(self, target: ast.expr, iterable: ast.expr, env: Env, path: tuple[int, ...] = ()) -> None:
        """Bind a loop's target: each name to the part of an item at `path` (`for i, (a, b) in ...`: b is (1, 1))."""
        if isinstance(target, ast.Name):
            self.bind(target.id, self.make(target, ITER, iterable, path), env)
        elif isinstance(target, (ast.Tuple, ast.List)) and not any(isinstance(e, ast.Starred) for e in target.elts):
            for index, element in enumerate(target.elts):
                self.loop_target(element, iterable, env, path + (index,))
        else:
            self.unknown_targets(target, "is set by a loop", env)

    # -- expressions -------------------------------------------------------------------

    def record(self, node: ast.Name, env: Env) -> None:
        name = node.id
        bindings = env.get(name)
        if bindings is None and self.outer is not None:
            bindings = self.outer.get(name)
        if bindings is None:
            return
        guards = self.guards
        key = id(node)
        if guards:
            if len(bindings) > 1 or bindings[0].guards:
                bindings = tuple(
                    b for b in bindings if not b.guards or all(guards.get(k, v) == v for k, v in b.guards.items())
                )
            if name in self._value_subjects(guards):
                about = facts_about(name, guards)
                if about:
                    self.module.read_facts[key] = about
                parts = tuple((k, v) for k, v in guards.items() if k.startswith(name + "."))
                if parts:
                    self.module.part_facts[key] = parts
        previous = self.reaching.get(key)
        if previous is None or previous is bindings:
            self.reaching[key] = bindings
        else:
            self.reaching[key] = _merge(previous, bindings)

    def attribute_facts(self, node: ast.Attribute) -> None:
        """What is known of `args.model` where it is read (`if args.model == "org/x": ... else:`)."""
        guards = self.guards
        if guards and node.value.id in self._value_subjects(guards):  # type: ignore[attr-defined]
            text = dotted(node)
            about = facts_about(text, guards)
            if about:
                self.module.read_facts[id(node)] = about

    def _value_subjects(self, guards: dict) -> frozenset[str]:
        """The names that facts of `guards` compare with constants (`x == 'a'`, `x in (...)`)."""
        cached = self._subjects.get(id(guards))
        if cached is None or cached[0] is not guards:
            subjects = frozenset(_subject(k) for k in guards if any(word in k for word in VALUE_FACTS))
            cached = self._subjects[id(guards)] = (guards, subjects)
        return cached[1]

    def expr(self, node: ast.AST, env: Env) -> None:
        # A constant or a name (a docstring, a default, `x = y`) without the set-up of the walk below.
        leaf: Any = node
        if type(leaf) is ast.Constant:
            return
        if type(leaf) is ast.Name:
            if type(leaf.ctx) is ast.Load:
                self.record(leaf, env)
            return
        # Any: dispatched on `type(current) is ...` (faster than isinstance), which mypy does not narrow.
        stack: list[Any] = [node]
        pop, push, extend = stack.pop, stack.append, stack.extend
        Name, Constant, Call, Attribute = ast.Name, ast.Constant, ast.Call, ast.Attribute
        List, Tuple, Set, Dict, BinOp = ast.List, ast.Tuple, ast.Set, ast.Dict, ast.BinOp
        JoinedStr, FormattedValue = ast.JoinedStr, ast.FormattedValue
        while stack:
            current = pop()
            kind = type(current)
            if kind is Name:
                if type(current.ctx) is ast.Load:
                    self.record(current, env)
                continue
            if kind is Constant:
                continue
            if kind is Attribute:
                push(current.value)
                if self.guards and type(current.value) is Name:
                    self.attribute_facts(current)
                continue
            if kind is Call:
                if id(current) not in self.calls_seen:
                    self.calls_seen.add(id(current))
                    self.module.calls.append((current, self.scope))
                    if type(current.func) is Attribute and current.func.attr == "add_argument":
                        self.argparse_default(current)
                    elif type(current.func) is Attribute and current.func.attr in ("append", "extend"):
                        self.grown(current, env)
                push(current.func)
                extend(current.args)
                extend(k.value for k in current.keywords)
                continue
            if kind in _COMPREHENSIONS:
                self.comprehension(current, env)
                continue
            if kind is ast.Compare:
                extend(current.comparators)
                if type(current.left) is Name:
                    self.record(current.left, env)  # now: compare() asks which bindings reach it
                else:
                    push(current.left)
                if len(current.ops) == 1:
                    self.compare(current)
                continue
            if kind is ast.Subscript and type(current.slice) is Name and type(current.value) is Name:
                # `TABLE[model_id]`: a KeyError unless `model_id` is one of TABLE's keys (Values.anticipated)
                self.record(current.slice, env)
                push(current.value)
                if type(current.ctx) is ast.Load:
                    self._expected(current.slice, (current.value, self.scope, True, True))
                continue
            if kind is ast.IfExp:
                # `"-" + subset if subset != "full" else ""`: each side read where the test went its way
                push(current.test)
                saved = self.guards
                for side, truth in ((current.body, True), (current.orelse, False)):
                    self.guards = self._with_facts(saved, facts(current.test, truth))
                    self.expr(side, env)
                self.guards = saved
                continue
            if kind is ast.Lambda:
                self.lambda_(current, env)
                continue
            if kind is ast.NamedExpr:
                self.expr(current.value, env)
                if isinstance(current.target, ast.Name):
                    self.bind(current.target.id, self.make(current.target, VALUE, current.value), env)
                continue
            # The commonest containers by hand, constants left out: large literal tables are cheap.
            if kind is List or kind is Tuple or kind is Set:
                extend([e for e in current.elts if type(e) is not Constant])
                continue
            if kind is Dict:
                extend([k for k in current.keys if k is not None and type(k) is not Constant])
                extend([v for v in current.values if type(v) is not Constant])
                continue
            if kind is BinOp:
                push(current.left)
                push(current.right)
                continue
            if kind is JoinedStr:
                extend([v.value for v in current.values if type(v) is FormattedValue])
                continue
            for field in current._fields:
                value = getattr(current, field)
                if type(value) is list:
                    extend(v for v in value if isinstance(v, ast.AST))
                elif isinstance(value, ast.AST):
                    push(value)

    def compare(self, node: ast.Compare) -> None:
        """`name == "org/x"`, `name in MODELS`: what the code expects `name` may be (Values.anticipated)."""
        left, right, op = node.left, node.comparators[0], type(node.ops[0])
        # `!=` and `not in` are left out: `x != "org/m"` skips a model more often than it expects one.
        if op is ast.Eq:
            if type(right) is not ast.Constant or type(right.value) is not str:
                return
            collection = False
        elif op is ast.In:
            if not isinstance(right, (ast.List, ast.Tuple, ast.Set, ast.Name, ast.Attribute)) and not (
                type(right) is ast.Call and not right.args and not right.keywords
            ):  # `Models.all()`: what a function of the project returns
                return
            collection = True
        else:
            return
        entry = (right, self.scope, collection, self.asserting)
        if type(left) is ast.Name:
            self._expected(left, entry)
        elif type(left) is ast.Attribute:
            text = dotted(left)
            if "?" not in text:
                self.module.compared.setdefault(text, []).append(entry)

    def _expected(self, name: ast.Name, entry: tuple) -> None:
        """What the code expects `name` may be (a comparison, a table it is a key of), for each
        binding that reaches it (read by Values.anticipated)."""
        for binding in self.reaching.get(id(name), ()):
            self.module.compared.setdefault(id(binding), []).append(entry)

    def grown(self, call: ast.Call, env: Env) -> None:
        """`models = []` then `models.append("org/x")` (or `.extend([...])`): the list literal the name
        holds gets the item, so that reading it (a dropdown's `choices=models`, a loop) gives it too."""
        target = call.func.value  # type: ignore[attr-defined]  # an Attribute: the caller checked
        if type(target) is not ast.Name or len(call.args) != 1 or call.keywords:
            return
        added = call.args[0]
        if call.func.attr == "extend":  # type: ignore[attr-defined]
            if not isinstance(added, (ast.List, ast.Tuple)):
                return
            items = list(added.elts)
        else:
            items = [added]
        for binding in env.get(target.id) or ():
            if binding.kind == VALUE and type(binding.node) is ast.List and len(binding.node.elts) < _MOST_GROWN:
                binding.node.elts.extend(items)

    def argparse_default(self, call: ast.Call) -> None:
        """`parser.add_argument("--model", default=...)`: `args.model` starts as that default, or is
        one of the `choices` the option offers (a literal list of them)."""
        default = next((k.value for k in call.keywords if k.arg == "default"), None)
        choices = next((k.value for k in call.keywords if k.arg == "choices"), None)
        nargs = next((k.value for k in call.keywords if k.arg == "nargs"), None)
        values = [default] if default is not None else []
        if choices is not None and nargs is not None and getattr(nargs, "value", None) != "?":
            # `nargs="*"`: `args.ckpt` is a list of some of the choices (`for ckpt in args.ckpt`)
            values.append(choices)
        elif isinstance(choices, (ast.List, ast.Tuple, ast.Set)):
            values += [
                e
                for e in choices.elts
                if not (isinstance(e, ast.Constant) and e.value == getattr(default, "value", None))
            ]
        elif choices is not None:
            # `choices=MODELS.keys()`, `choices=list(MODELS)`: any item of it (Values reads a Starred so)
            values.append(ast.copy_location(ast.Starred(value=choices, ctx=ast.Load()), choices))
        names = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        dest = next(
            (k.value.value for k in call.keywords if k.arg == "dest" and isinstance(k.value, ast.Constant)), None
        )
        if dest is None:
            longs = [n for n in names if n.startswith("--")]
            dest = longs[0][2:] if longs else (names[0].lstrip("-") if names else None)
        if not isinstance(dest, str) or not dest:
            return
        dest = dest.replace("-", "_")
        for name in names:
            # `-m` or `--whisper-model` (with `dest="model_name"`) on a command line sets `args.model_name`
            flag = option_name(name)
            if name.startswith("-") and flag != dest:
                self.module.option_aliases[flag] = dest
        if values:
            self.module.option_defaults.setdefault(dest, []).extend((v, self.scope) for v in values)

    def comprehension(self, node, env: Env) -> None:
        local = env
        for index, generator in enumerate(node.generators):
            self.expr(generator.iter, local)
            if index == 0:
                local = dict(env)
            self.loop_target(generator.target, generator.iter, local)
            for condition in generator.ifs:
                self.expr(condition, local)
        if isinstance(node, ast.DictComp):
            self.expr(node.key, local)
            self.expr(node.value, local)
        else:
            self.expr(node.elt, local)

    def lambda_(self, node: ast.Lambda, env: Env) -> None:
        arguments = node.args
        for default in arguments.defaults + [d for d in arguments.kw_defaults if d]:
            self.expr(default, env)
        local = dict(env)
        for argument in (
            arguments.posonlyargs
            + arguments.args
            + arguments.kwonlyargs
            + [a for a in (arguments.vararg, arguments.kwarg) if a]
        ):
            local[argument.arg] = (Binding(UNKNOWN, detail=f"`{argument.arg}` is a lambda's parameter"),)
        self.expr(node.body, local)

    def ollama_values(self, value: ast.expr, shown: str) -> None:
        """`MODEL = "hf.co/ORG/NAME:TAG"`: an Ollama model name held as a value, where it is written.

        Only a whole string that is the value (or an element, a branch of one): not a
        docstring, not a sentence, not an f-string's part. Call arguments are read by the
        project's prefixed-string pass.
        """
        if isinstance(value, ast.Constant):
            if isinstance(value.value, str) and value.value.startswith("hf.co/"):
                if not any(v is value for v, _ in self.module.ollama_values):
                    self.module.ollama_values.append((value, shown))
        elif isinstance(value, (ast.List, ast.Tuple, ast.Set)):
            for element in value.elts:
                self.ollama_values(element, shown)
        elif isinstance(value, ast.Dict):
            for element in value.values:
                self.ollama_values(element, shown)
        elif isinstance(value, ast.IfExp):
            self.ollama_values(value.body, shown)
            self.ollama_values(value.orelse, shown)
        elif isinstance(value, ast.BoolOp):
            for element in value.values:
                self.ollama_values(element, shown)


def _qualname_prefix(scope: Scope) -> str:
    if scope.kind == "function" and scope.function is not None:
        return scope.function.qualname + "."
    if scope.kind == "class" and scope.klass is not None:
        return scope.klass.qualname + "."
    return ""
