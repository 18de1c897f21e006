"""Parameters followed to the calls that give them a value.

A loader's argument that is a parameter (`def load(name): from_pretrained(name)`)
waits for that function's calls: each call's argument is the value (and the
parameter's default, where a call leaves it out). An argument in which parameters
are only parts (`f"org/{size}"`, `"h2oai/%s" % name`) waits as a whole: it is
evaluated again for each call, every parameter of the function bound to that
call's arguments. The calls of a function are the project's calls that reach it
(by name, then checked: a method through `self`, a class through `__init__`...),
and the rows of a `pytest.mark.parametrize` on it.

A call's argument that is itself a parameter of the caller waits in turn for the
caller's calls, and so on.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import NamedTuple, Protocol

from ...model import Location
from ..collect import Collector
from .loaders import SHELL, URL, Slot, keyword
from .mocks import REFUSED, mocks, patched_targets, refused_calls
from .parse import ClassInfo, Function, Module, Scope, callee_name, dotted, enclosing_function, is_super
from .values import (
    BUDGET,
    REGISTRY_CALLS,
    Evaluator,
    Result,
    namespace_of,
    possible,
    possible_where,
    returned_expressions,
    unknown,
)

# What runs a function elsewhere with the arguments it is given (_spawned)
_SPAWNERS = ("Process", "Thread", "submit", "apply", "apply_async")
# Gradio's events and its interfaces: what calls a function with the values of input components
_UI_EVENTS = ("click", "change", "submit", "then", "success", "select", "input", "upload", "release", "Interface")
Argument = tuple  # (expression, scope) of one call's argument, or (Result, None) when it is not known


class Use(NamedTuple):
    """A loader's argument waiting for the calls of the function whose parameters it depends on.

    `template`: the expression (and its scope) to evaluate again at each call, when
    parameters are only parts of it; None when the argument is the parameter itself.
    """

    slot: Slot
    shown: str
    site: Location
    revisions: tuple
    template: tuple[ast.expr, Scope] | None = None
    path: tuple = ()  # the part of the parameter's value that is the argument (`args.name`: ("attr", "name"))
    # The class of the method the argument is read in (`self.model_id` in MLXModel.generate):
    # a base class's `__init__` gets it from the `super().__init__(...)` of that class's line only
    receiver: ClassInfo | None = None
    # Parameters bound already by the calls followed so far ((function key, parameter), (argument, scope)):
    # `"haoheliu/%s" % name` in download_checkpoint(name), called as download_checkpoint(model_name)
    # from build_model(model_name="..."), is evaluated with both functions' arguments.
    bound: tuple = ()
    # What is known of the parameter where the argument reads it (`else:` of `if name in TABLE:`)
    facts: tuple = ()
    # The name of the function the loader is called in: a test that patches it mocks the loader too
    within: str = ""


class CallerProject(Protocol):
    """What following parameters to their callers needs of the project (project.py's PythonProject)."""

    collector: Collector
    values: Evaluator
    calls_by_name: dict[str, list[tuple[ast.Call, Scope]]]
    subclasses: dict[str, list[ClassInfo]]  # a base's last name → the classes that name it as a base
    modules: dict  # relative path → Module (or None): grows with every file parsed

    def strings(self, expr: ast.expr, scope: Scope, *, placeholders: bool = False, path: tuple = ()) -> Result: ...

    def record(self, result: Result, slot: Slot, shown: str, site: Location, revisions: tuple) -> None: ...

    def say_unknown(self, site: Location, shown: str, kind: str, result: Result) -> None: ...

    def want_attribute(self, attribute: str, slot: Slot, shown: str, site: Location, revisions: tuple) -> None: ...

    def shell_words(self, argument: ast.List | ast.Tuple, scope: Scope) -> None: ...

    def module_at(self, relative: str) -> Module | None: ...


def _is_fixture(function: Function) -> bool:
    return any("fixture" in dotted(d.func if isinstance(d, ast.Call) else d) for d in function.node.decorator_list)


class Callers:
    def __init__(self, project: CallerProject) -> None:
        self.project = project
        self.waiting: list[tuple[Function, str | None, Use]] = []
        self._seen: set[tuple] = set()
        self._calls_of: dict[int, list] = {}  # a function's calls, while no new file is parsed
        self._aliases: tuple[int, dict[str, list[str]]] = (-1, {})  # (modules seen, _name_aliases)
        # A call's argument evaluated for a parameter, for the other uses waiting on the same
        # parameter (a tokenizer and its model): (expression, files parsed, budget left, Result)
        # by (expression, scope, command-line mode, path). A file parsed since may change the
        # answer (a subclass, a module imported), so the count of parsed files must match.
        self._evaluated: dict[tuple, tuple] = {}
        self._parametrizations: list[tuple[ast.expr, Scope]] | None = None  # the tests', while no new file is parsed

    def forget_calls(self) -> None:
        """New files were parsed: the calls of a function are found again."""
        self._calls_of.clear()
        self._parametrizations = None

    def wait(
        self, result: Result, slot: Slot, shown: str, site: Location, revisions, expression: ast.expr, scope: Scope
    ) -> None:
        """Park what `result` leaves to the callers: each parameter, or the whole expression built from them."""
        revisions = tuple(revisions)
        method = enclosing_function(scope)
        receiver = method.klass if method is not None else None
        within = method.name if method is not None else ""
        if result.composed and slot.guessed:
            # `build_dataset(dataset_name=f"wds/{task}")` of a library not known to load anything: a
            # keyword's name is the only hint, too little to fill a template in with each caller's values
            return
        if result.composed:
            for function in dict.fromkeys(function for function, _, _ in result.params):
                use = Use(slot, shown, site, revisions, (expression, scope), receiver=receiver, within=within)
                self._add(function, None, use)
        else:
            facts = scope.module.read_facts.get(id(expression), ()) if type(expression) is ast.Name else ()
            for function, parameter, path in result.params:
                use = Use(slot, shown, site, revisions, path=path, receiver=receiver, facts=facts, within=within)
                self._add(function, parameter, use)

    def _add(self, function: Function, parameter: str | None, use: Use) -> None:
        key = (function.key, parameter, use)
        if key not in self._seen:
            self._seen.add(key)
            self.waiting.append((function, parameter, use))

    def names(self, batch: list[tuple[Function, str | None, Use]]) -> set[str]:
        """The names the calls of the functions in `batch` are written with."""
        names = set()
        for function, _, _ in batch:
            names.update(self._written_as(function))
        return names

    def _written_as(self, function: Function) -> list[str]:
        """The names a call of `function` is written with: `__init__`'s are `__init__(...)` (super()),
        its class's name, and the names of its subclasses that keep it (`class Llama_Scorer(Scorer)`
        with no `__init__` of its own)."""
        names = [function.name]
        if function.klass is not None and function.name == "__init__":
            names.append(function.klass.name)
            keeping = self.project.subclasses.get(function.klass.name, ())
            names.extend(sub.name for sub in keeping if "__init__" not in sub.methods)
            # `asr_cls = FasterWhisperASR` in the module that calls `asr_cls(modelsize=size)`
            aliases = self._name_aliases()
            names.extend(alias for name in names[1:] for alias in aliases.get(name, ()))
        return names

    def _name_aliases(self) -> dict[str, list[str]]:
        """Every module's `name_aliases` in one, made again when a module has been parsed since."""
        parsed = [module for module in list(self.project.modules.values()) if module is not None]
        if self._aliases[0] != len(parsed):  # a module is None while it is parsed, then itself: counted then
            merged: dict[str, list[str]] = {}
            for module in parsed:
                for name, aliases in module.name_aliases.items():
                    merged.setdefault(name, []).extend(aliases)
            self._aliases = (len(parsed), merged)
        return self._aliases[1]

    # -- one waiting use ---------------------------------------------------------------

    def resolve(self, function: Function, parameter: str | None, use: Use) -> None:
        sources = self._calls_of.get(id(function))
        if sources is None:
            sources = self._calls_of[id(function)] = list(self._calls(function))
        sources = self._for(function, use, sources)
        if parameter is None:
            self._template(function, use, sources)
            return
        found = run_time = False
        default = function.defaults.get(parameter)
        if default is not None:
            found = True
            run_time = self._value((default, function.scope.parent or function.scope), use, None)
        for fixture in self._fixtures(function, parameter):
            # `def model(model_name): ColQwen2.from_pretrained(model_name)` beside
            # `@pytest.fixture def model_name(): return "vidore/colqwen2-v1.0"`: pytest passes what it returns
            found = True
            for returned in returned_expressions(fixture.node):
                # `return request.param` of `@pytest.fixture(params=[...])`: each in turn (Values)
                self._value((returned, fixture.scope), use, None)
        for choice in _literal_choices(function, parameter) + _node_input_choices(function, parameter):
            # `model_id: Literal["caidas/swin2SR-classical-sr-x2-64", "caidas/swin2SR-classical-sr-x4-48"]`,
            # a ComfyUI node's input list: each is a value a caller may give, as an option's `choices` are
            found = True
            if getattr(default, "value", None) != choice.value:
                self._value((choice, function.scope.parent or function.scope), use, None)
        for arguments, site, _caller, patched in sources:
            found = True
            if parameter in arguments and not mocks(use.shown, patched, use.within):
                run_time = self._value(arguments[parameter], use, site) or run_time
        if run_time and not use.path:
            # `elif model_name in GPT_NEO_MODELS: GPTNeoForCausalLM.from_pretrained(model_name)` called with
            # a command-line option: what the function compares its parameter with is what a run may
            # give, as it is for the option read where it is compared (Values.anticipated)
            expected = self._expected(function, parameter, use.facts)
            if expected:
                self._value((expected, function.scope), use, None)
        if not found:
            self._by_attribute(use)
        if not found and use.slot.says_unknown:
            self.project.collector.unknown(
                use.site,
                f"{use.shown}: the {use.slot.type} is not statically known "
                f"(parameter `{parameter}` of `{function.qualname}`, and no call of it was found)",
            )

    def _fixtures(self, function: Function, parameter: str) -> list[Function]:
        """The pytest fixture named `parameter` that a function (a test, or another fixture) is given:
        one in its module, or in a `conftest.py` of its folder or a folder above."""
        module = function.module
        if function.klass is not None:
            return []
        places = [module]
        folder = module.path.rpartition("/")[0]
        while True:
            conftest = self.project.module_at(f"{folder}/conftest.py" if folder else "conftest.py")
            if conftest is not None:
                places.append(conftest)
            if not folder:
                break
            folder = folder.rpartition("/")[0]
        return [
            fixture
            for place in places
            if (fixture := place.functions.get(parameter)) is not None and _is_fixture(fixture)
        ]

    def _value(self, argument: Argument, use: Use, call_site: Location | None) -> bool:
        """One call's argument (or the default) for a parameter that is the loader's whole argument.

        True when a run may give another value than those found (an option, a setting)."""
        expression, scope = argument
        if use.slot.host == SHELL and not isinstance(expression, Result) and not use.path:
            # `run_command(["huggingface-cli", "download", repo])`: a caller's list of words
            for node, node_scope in self.project.values.follow(expression, scope)[0]:
                if isinstance(node, (ast.List, ast.Tuple)):
                    self.project.shell_words(node, node_scope)
        result = expression if isinstance(expression, Result) else self._evaluate(expression, scope, use)
        if type(expression) is ast.Name and use.path and all(step[0] == "attr" for step in use.path):
            result = self._where_called(result, expression, scope, use.path)
        self.project.record(result, use.slot, use.shown, use.site, use.revisions)
        if not isinstance(expression, Result):
            self.wait(result, use.slot, use.shown, use.site, use.revisions, expression, scope)
        if not result.values and not result.params:  # unknown, or nothing a string can come from
            self._by_attribute(use)
        self._say(result, use, call_site)
        return bool(result.unknown)

    def _where_called(self, result: Result, argument: ast.Name, scope: Scope, path: tuple) -> Result:
        """`result` less what the call's own conditions rule out: `build_blip2_engine(args)` under
        `if "opt" in args.model_type or "t5" in args.model_type:` reads only those of `args.model_type`."""
        facts = scope.module.part_facts.get(id(argument))
        if not facts or not result.values:
            return result
        text = ".".join([argument.id, *(step[1] for step in path)])
        values = possible_where(result.values, text, facts)
        if values is result.values:
            return result
        kept = Result(values, result.params, result.unknown)
        kept.other, kept.composed = result.other, result.composed
        return kept

    def _expected(self, function: Function, parameter: str, facts: tuple) -> Result | None:
        """The constants of the collections `function` tests `parameter` against (`if name in MODELS`),
        but for those the loader is not reached with (`facts`: in the `else:` of `if name in
        CUSTOM_DATASETS:`, none of them).

        Not what it is compared with alone: `if name == "BAAI/bge-m3": instruction = ""` is a
        special case of a value it is given, where a collection is the set it accepts."""
        binding = function.parameters.get(parameter)
        compared = function.module.compared.get(id(binding)) if binding is not None else None
        compared = [entry for entry in compared or () if entry[2]]
        if not compared:
            return None
        values = self.project.values
        values.budget = BUDGET
        expected = values.anticipated(compared, Result(unknown=["a run's value"]), 0)
        facts = tuple(fact for fact in facts if fact[0].startswith(parameter + " "))  # about the parameter itself
        if facts:
            outside = tuple((key, True) for key, truth in facts if not truth)
            ruled_out = {value.text for value in values.members(parameter, outside, function.module)}
            expected = [
                value for value in expected if value.text not in ruled_out and possible(value.text, parameter, facts)
            ]
        return Result(values=expected) if expected else None

    def _by_attribute(self, use: Use) -> None:
        """`task.dataset_name` of a `task` no call makes known: what the project's classes set `dataset_name` to."""
        if len(use.path) == 1 and use.path[0][0] == "attr":
            self.project.want_attribute(use.path[0][1], use.slot, use.shown, use.site, use.revisions)

    def _evaluate(self, expression: ast.expr, scope: Scope, use: Use) -> Result:
        """What `expression` may be for `use`, evaluated once for every use that asks the same.

        The Result is only read by those who receive it. The budget left is the one the
        evaluation left, as if it had run again: finding the next function's calls spends from it.
        """
        values = self.project.values
        placeholders = use.slot.host in (SHELL, URL)  # a command line, or a URL (its repository part decides)
        if values.overrides:  # a caller's call evaluated again: the answer holds for that call only
            values.budget = BUDGET
            return self.project.strings(expression, scope, placeholders=placeholders, path=use.path)
        key = (id(expression), id(scope), placeholders, use.path)
        known = self._evaluated.get(key)
        if known is not None and known[0] is expression and known[1] == len(self.project.modules):
            values.budget = known[2]
            return known[3]
        values.budget = BUDGET
        result = self.project.strings(expression, scope, placeholders=placeholders, path=use.path)
        self._evaluated[key] = (expression, len(self.project.modules), values.budget, result)
        return result

    def _template(self, function: Function, use: Use, sources: list) -> None:
        """The loader's expression evaluated again with each call's arguments (the defaults where none)."""
        expression, scope = use.template  # type: ignore[misc]
        run_time = False
        for arguments, site, _caller, patched in sources or [({}, None, None, ())]:
            if mocks(use.shown, patched, use.within):
                continue
            run_time = self._template_for(function, use, expression, scope, arguments, site) or run_time
        if run_time and not use.path:
            # `if dataset_name in ["gsm8k"]: name = local_dir + dataset_name if local_dir else dataset_name`
            # called with a command-line option: what the function tests the parameter against is what a
            # run may give (as in `resolve`), each put in the expression
            for parameter in function.parameters:
                expected = self._expected(function, parameter, use.facts)
                if expected:
                    self._template_for(function, use, expression, scope, {parameter: (expected, None)}, None)

    def _template_for(
        self, function: Function, use: Use, expression: ast.expr, scope: Scope, arguments: dict, site
    ) -> bool:
        """The loader's expression evaluated with one call's arguments; whether a run may give another value."""
        overrides = dict(use.bound)
        for name, default in function.defaults.items():
            overrides[(function.key, name)] = (default, function.scope.parent or function.scope)
        for name, (value, value_scope) in arguments.items():
            # a Result: strings known already (a Gradio input's choices), taken as they are
            overrides[(function.key, name)] = (value, value_scope)
        values = self.project.values
        saved, values.overrides = values.overrides, {**values.overrides, **overrides}
        try:
            values.budget = BUDGET
            result = self.project.strings(expression, scope, placeholders=use.slot.host in (SHELL, URL))
        finally:
            values.overrides = saved
        self.project.record(result, use.slot, use.shown, use.site, use.revisions)
        outer = [holder for holder, _parameter, _path in result.params if holder is not function]
        if outer and site is not None:  # a parameter of the caller: its own callers give it, these bound
            bound = tuple(overrides.items())
            for holder in dict.fromkeys(outer):
                self._add(holder, None, use._replace(bound=bound))
            return False
        if result.params and not result.values:
            holder, parameter, _path = result.params[0]  # not `function`: the loop still needs it
            result.unknown.append(f"built from parameter `{parameter}` of `{holder.qualname}`")
        self._say(result, use, site)
        return bool(result.unknown)

    def _say(self, result: Result, use: Use, call_site: Location | None) -> None:
        if not use.slot.says_unknown or not result.unknown or (result.params and not result.composed):
            return  # a command line's other words are not the question; a parameter waits for its callers
        if call_site is None:
            self.project.say_unknown(use.site, use.shown, use.slot.type, result)
        else:
            self.project.say_unknown(call_site, f"{use.shown} (through this call)", use.slot.type, result)

    # -- the calls of a function -------------------------------------------------------

    def _for(self, function: Function, use: Use, sources: list) -> list:
        """The calls of `function` that may give `use` its value.

        A base class's `__init__` sets what its subclasses' methods read (`self.model_id`): for
        a use read in one subclass, the `super().__init__(...)` of a sibling subclass (another
        model wrapper) builds an object that never runs that method, and is left out.
        """
        receiver = use.receiver
        klass = function.klass
        if (
            receiver is None
            or klass is None
            or not (receiver is klass or self.project.values.is_subclass(receiver, klass))
        ):
            return sources
        values = self.project.values
        return [
            source
            for source in sources
            if source[2] is None
            or source[2] is receiver
            or values.is_subclass(source[2], receiver)
            or values.is_subclass(receiver, source[2])
        ]

    def _calls(
        self, function: Function
    ) -> Iterator[tuple[dict[str, Argument], Location, ClassInfo | None, tuple[str, ...]]]:
        """Each call of `function` in the project, as its arguments by parameter name, where it is, for
        a `super().__init__(...)` the class it is written in, and what the calling test patches."""
        project = self.project
        # In this order, whatever the hash seed: a call's callee may parse another module, which adds calls.
        values = project.values
        for name in dict.fromkeys(self._written_as(function)):
            for call, scope in project.calls_by_name.get(name, ()):
                target = values.callee(call, scope)
                if target is None and _left_to_subclasses(function, call, scope, values):
                    # `self.load_model(size)` in a base class that leaves `load_model` to its subclasses
                    target = (function, 0 if function.kind == "staticmethod" else 1)
                if target is None or (target[0] is not function and not _dispatched(function, target[0], call, values)):
                    continue
                site = scope.module.locate(call.lineno)
                caller = _super_caller(call, scope)
                test = enclosing_function(scope)
                patched = patched_targets(test) if test is not None else ()
                if test is not None and id(call) in refused_calls(test):
                    patched = (REFUSED,)
                for arguments in _arguments(call, scope, function, target[1], values):
                    yield arguments, site, caller, patched
        if function.klass is not None and function.name == "__init__":
            # `ROUTERS[name](**CONFIG[name])`: a class picked from a registry by a key known at run time
            for call, scope in project.calls_by_name.get(REGISTRY_CALLS, ()):
                for init, skip, key, made in values.registry_callees(call, scope):
                    if init is function:
                        site = scope.module.locate(call.lineno)
                        for arguments in _arguments(made, scope, function, skip, values, key):
                            yield arguments, site, None, ()
        if function.klass is not None and function.name == "__init__":
            # OpenMMLab's configs: `dict(type="HuggingCLIPLanguageBackbone", model_name=...)` is built by
            # the registry into that class, with the other entries as its keyword arguments; the
            # class's own name, or the one it is registered under (`@MODELS.register_module("t5")`)
            registered = _registered_names(function.klass.node)
            for call, scope in project.calls_by_name.get("dict", ()):
                built = next((k.value for k in call.keywords if k.arg == "type"), None)
                if type(built) is ast.Constant and built.value in registered and not call.args:
                    site = scope.module.locate(call.lineno)
                    for arguments in _arguments(call, scope, function, 1, values):
                        yield arguments, site, None, ()
        # pytest calls a test with each row of its parametrization, under the test's own patches
        patched = patched_targets(function) if function.name.startswith("test") else ()
        for arguments, site in self._parametrized(function):
            yield arguments, site, None, patched
        for arguments, site in self._event_handlers(function):
            yield arguments, site, None, ()
        for arguments, site in self._spawned(function):
            yield arguments, site, None, ()

    def _spawned(self, function: Function) -> Iterator[tuple[dict[str, Argument], Location]]:
        """A function run by another process, a thread or an executor, with the arguments given
        there: `mp.Process(target=f, args=(a, b))`, `Thread(target=f, kwargs={...})`,
        `executor.submit(f, a, b)`, `pool.apply_async(f, (a,), {...})`."""
        project = self.project
        values = project.values
        for name in _SPAWNERS:
            for call, scope in project.calls_by_name.get(name, ()):
                target, given, keywords = _spawn_parts(name, call)
                if not isinstance(target, (ast.Name, ast.Attribute)):
                    continue
                callee = values.callee(ast.Call(func=target, args=[], keywords=[]), scope)
                if callee is None or callee[0] is not function:
                    continue
                made = ast.copy_location(ast.Call(func=target, args=given, keywords=keywords), call)
                site = scope.module.locate(call.lineno)
                for arguments in _arguments(made, scope, function, callee[1], values):
                    yield arguments, site

    def _event_handlers(self, function: Function) -> Iterator[tuple[dict[str, Argument], Location]]:
        """Gradio calls a function wired to an event (`button.click(fn, inputs=[model, text])`,
        `.then(...)`, `gr.Interface(fn, inputs)`) with its input components' values, in order."""
        project = self.project
        values = project.values
        for event in _UI_EVENTS:
            for call, scope in project.calls_by_name.get(event, ()):
                handler = call.args[0] if call.args else keyword(call, "fn")
                inputs = call.args[1] if len(call.args) > 1 else keyword(call, "inputs")
                if not isinstance(handler, (ast.Name, ast.Attribute)) or inputs is None:
                    continue
                target = values.callee(ast.Call(func=handler, args=[], keywords=[]), scope)
                if target is None or target[0] is not function:
                    continue
                if isinstance(inputs, ast.Name):
                    # `inputs = [prompt, model_name, ...]` kept for `gr.Examples` and the button alike
                    values.budget = BUDGET
                    lists = [n for n, _ in values.follow(inputs, scope)[0] if isinstance(n, (ast.List, ast.Tuple))]
                    inputs = lists[0] if len(lists) == 1 else inputs
                components = inputs.elts if isinstance(inputs, (ast.List, ast.Tuple)) else [inputs]
                arguments: dict[str, Argument] = {}
                for parameter, component in zip(function.positional[target[1] :], components):
                    given = values.widget_value(component, scope)
                    if given is not None:
                        arguments[parameter] = (given, None)
                if arguments:
                    yield arguments, scope.module.locate(call.lineno)

    def _parametrized(self, function: Function) -> Iterator[tuple[dict[str, Argument], Location]]:
        """`@pytest.mark.parametrize("a, b", [(x, y), ...])`: pytest calls the test once per row. A
        fixture gets them too: a test's parametrized name replaces the fixture of that name for every
        fixture the test uses (`def model_name_or_path(model_name)` in a `conftest.py`, beside
        `@pytest.mark.parametrize("model_name", [...])` on a test below it)."""
        decorators = [(d, function.scope.parent or function.scope) for d in function.node.decorator_list]
        fixture = _is_fixture(function)
        if fixture:
            folder = function.module.path.rpartition("/")[0]
            decorators += [
                (decorator, scope)
                for decorator, scope in self._test_parametrizations()
                if not folder or scope.module.path.startswith(folder + "/")
            ]
        for decorator, scope in decorators:
            if not (
                isinstance(decorator, ast.Call)
                and dotted(decorator.func).endswith("parametrize")
                and len(decorator.args) >= 2
            ):
                continue
            names = _argument_names(decorator.args[0])
            if not names:
                continue
            evaluator = self.project.values
            rows, _ = evaluator.follow(decorator.args[1], scope)
            if len(names) == 1 and not any(isinstance(row, (ast.List, ast.Tuple)) for row, _ in rows):
                # `parametrize("backbone", SLOW)` of `SLOW = [b for b in list(TABLE.keys()) if ...]`: each item
                items, _ = evaluator.elements(decorator.args[1], scope, (), 0)
                for item, item_scope in items:
                    site = item_scope.module.locate(getattr(item, "lineno", decorator.lineno))
                    yield {names[0]: (item, item_scope)}, site
                continue
            for container, container_scope in rows:
                if not isinstance(container, (ast.List, ast.Tuple)):
                    continue
                for row in container.elts:
                    if isinstance(row, ast.Call) and dotted(row.func).endswith("param"):
                        row = ast.Tuple(elts=row.args, ctx=ast.Load()) if len(names) > 1 else (row.args or [row])[0]
                    values = row.elts if len(names) > 1 and isinstance(row, (ast.Tuple, ast.List)) else [row]
                    if len(values) != len(names):
                        continue
                    site = container_scope.module.locate(getattr(row, "lineno", decorator.lineno))
                    yield {name: (value, container_scope) for name, value in zip(names, values)}, site

    def _test_parametrizations(self) -> list[tuple[ast.expr, Scope]]:
        """Every `parametrize` decorator on the project's test functions, with the scope it is read in."""
        if self._parametrizations is None:
            self._parametrizations = [
                (decorator, test.scope.parent or test.scope)
                for module in list(self.project.modules.values())
                if module is not None
                for test in module.functions.values()
                if test.name.startswith("test")
                for decorator in test.node.decorator_list
                if isinstance(decorator, ast.Call) and dotted(decorator.func).endswith("parametrize")
            ]
        return self._parametrizations


def _spawn_parts(name: str, call: ast.Call) -> tuple[ast.expr | None, list[ast.expr], list[ast.keyword]]:
    """(the function, its positional arguments, its keyword arguments) of a call that runs it elsewhere."""
    if name == "submit":  # concurrent.futures: `submit(fn, /, *args, **kwargs)`
        return (call.args[0] if call.args else None), list(call.args[1:]), list(call.keywords)
    if name in ("apply", "apply_async"):  # multiprocessing.Pool: `apply_async(func, args=(), kwds={})`
        target = call.args[0] if call.args else keyword(call, "func")
        packed = call.args[1] if len(call.args) > 1 else keyword(call, "args")
        named = call.args[2] if len(call.args) > 2 else keyword(call, "kwds")
    else:  # Process / Thread: `(group=None, target=None, name=None, args=(), kwargs={})`
        target, packed, named = keyword(call, "target"), keyword(call, "args"), keyword(call, "kwargs")
    given = list(packed.elts) if isinstance(packed, (ast.Tuple, ast.List)) else []
    keywords = []
    if isinstance(named, ast.Dict):
        keywords = [
            ast.keyword(arg=k.value, value=v)
            for k, v in zip(named.keys, named.values)
            if isinstance(k, ast.Constant) and isinstance(k.value, str)
        ]
    return target, given, keywords


def _registered_names(node: ast.ClassDef) -> frozenset:
    """The names a registry builds `node` by: its own, and each its decorators register it under
    (`@MODELS.register_module("text_embedder")`, `@BACKBONES.register_module(name="clip")`)."""
    names = {node.name}
    for decorator in node.decorator_list:
        if not (isinstance(decorator, ast.Call) and callee_name(decorator.func).startswith("register")):
            continue
        given = decorator.args[0] if decorator.args else keyword(decorator, "name")
        if isinstance(given, ast.Constant) and isinstance(given.value, str):
            names.add(given.value)
    return frozenset(names)


def _super_caller(call: ast.Call, scope: Scope) -> ClassInfo | None:
    """The class a `super().name(...)` call is written in; None for any other call."""
    if isinstance(call.func, ast.Attribute) and is_super(call.func.value):
        method = enclosing_function(scope)
        return method.klass if method is not None else None
    return None


def _dispatched(function: Function, called: Function, call: ast.Call, values: Evaluator) -> bool:
    """Whether `self.name(...)` in a method of a base class reaches `function`, a subclass's override
    of `called` (`setup()` calls `self._load_model()`, each handler has its own `_load_model`)."""
    return (
        function.name == called.name
        and function.klass is not None
        and called.klass is not None
        and isinstance(call.func, ast.Attribute)
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == "self"
        and values.is_subclass(function.klass, called.klass)
    )


def _left_to_subclasses(function: Function, call: ast.Call, scope: Scope, values: Evaluator) -> bool:
    """Whether `self.name(...)` in a method of a base class that does not define `name` (each
    subclass does: whisper_streaming's `ASRBase.__init__` calls `self.load_model(...)`) reaches
    `function`, a subclass's method of that name."""
    caller = enclosing_function(scope)
    func = call.func
    return (
        caller is not None
        and caller.klass is not None
        and function.klass is not None
        and isinstance(func, ast.Attribute)
        and func.attr == function.name
        and isinstance(func.value, ast.Name)
        and bool(caller.positional)
        and func.value.id == caller.positional[0]
        and caller.klass is not function.klass
        and values.is_subclass(function.klass, caller.klass)
        and values.method(caller.klass, function.name) is None
    )


def _argument_names(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [name.strip() for name in node.value.split(",") if name.strip()]
    if isinstance(node, (ast.List, ast.Tuple)):
        return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return []


def _arguments(
    call: ast.Call, scope: Scope, function: Function, skip: int, values: Evaluator, key: str | None = None
) -> list[dict[str, Argument]]:
    """The arguments of `call` by parameter name (`skip`: leading parameters bound already, `self`).

    `**kwargs` of constant dicts (`**CONFIG[name]`, `**CONFIG.get(name, {})`) gives one set of
    arguments per dict; `key`, the registry key the callee was picked with, picks the dict
    under the same key when both are looked up with the same name. Any other `**` may fill
    every parameter with a value known only at run time.
    """
    positional = function.positional[skip:]
    found: dict[str, Argument] = {}
    for index, argument in enumerate(call.args):
        if isinstance(argument, ast.Starred):
            for name in positional[index:]:
                found.setdefault(name, (unknown("arguments unpacked with *"), None))
            break
        if index < len(positional):
            found[positional[index]] = (argument, scope)
    else:
        extra = function.node.args.vararg
        if extra is not None:
            # `def hf_loader(*hf_name)` called as `hf_loader("boolq")`: the tuple of the arguments left over
            rest = ast.Tuple(elts=call.args[len(positional) :], ctx=ast.Load())
            found[extra.arg] = (ast.copy_location(rest, call), scope)
    unpacked = None
    dicts: list[tuple[ast.Dict, Scope]] = []
    for given in call.keywords:
        if given.arg is not None:
            found[given.arg] = (given.value, scope)
            continue
        namespace = namespace_of(given.value)
        if namespace is not None:
            # `main(**vars(args))`: each parameter is the option of its name (`args.dataset_name_or_path`)
            for name in positional + [a.arg for a in function.node.args.kwonlyargs]:
                read = ast.copy_location(ast.Attribute(value=namespace, attr=name, ctx=ast.Load()), given.value)
                found.setdefault(name, (read, scope))
            continue
        picked = key if key is not None and _same_key(call.func, given.value) else None
        known = values.unpacked_dicts(given.value, scope, picked)
        if known is None:
            unpacked = (unknown("arguments unpacked with **"), None)  # one for every parameter it may fill
        else:
            dicts.extend(known)
    if unpacked is not None:
        for name in positional + list(function.defaults):
            found.setdefault(name, unpacked)
    if not dicts:
        return [found]
    expanded = []
    for node, node_scope in dicts:
        arguments = dict(found)
        for name, value in zip(node.keys, node.values):
            if isinstance(name, ast.Constant) and isinstance(name.value, str):
                arguments.setdefault(name.value, (value, node_scope))
        expanded.append(arguments)
    return expanded


def _same_key(func: ast.expr, unpacked: ast.expr) -> bool:
    """`REGISTRY[name](**CONFIG[name])` or `(**CONFIG.get(name, {}))`: both looked up with the same name."""
    if not isinstance(func, ast.Subscript) or not isinstance(func.slice, ast.Name):
        return False
    if isinstance(unpacked, ast.Subscript):
        key = unpacked.slice
    elif isinstance(unpacked, ast.Call) and isinstance(unpacked.func, ast.Attribute) and unpacked.args:
        key = unpacked.args[0]
    else:
        return False
    return isinstance(key, ast.Name) and key.id == func.slice.id


def _literal_choices(function: Function, parameter: str) -> list[ast.Constant]:
    """The constants a parameter's `Literal[...]` annotation allows (`typing.Literal`, `Literal`)."""
    annotation = function.annotation(parameter)
    if type(annotation) is not ast.Subscript or dotted(annotation.value).rsplit(".", 1)[-1] != "Literal":
        return []
    allowed = annotation.slice
    return [c for c in (allowed.elts if type(allowed) is ast.Tuple else [allowed]) if type(c) is ast.Constant]


def _node_input_choices(function: Function, parameter: str) -> list[ast.Constant]:
    """A ComfyUI node's input: `FUNCTION = "loadmodel"` names the method ComfyUI calls with the inputs
    `INPUT_TYPES` declares, `"model": (["microsoft/Florence-2-base", ...], {"default": ...})`; the
    list is what the user picks from."""
    klass = function.klass
    if klass is None or "INPUT_TYPES" not in klass.methods:
        return []
    named = [
        s.value
        for s in klass.node.body
        if type(s) is ast.Assign and any(type(t) is ast.Name and t.id == "FUNCTION" for t in s.targets)
    ]
    if not any(type(n) is ast.Constant and n.value == function.name for n in named):
        return []
    choices: list[ast.Constant] = []
    for declared in returned_expressions(klass.methods["INPUT_TYPES"].node):
        for group in declared.values if type(declared) is ast.Dict else ():
            if type(group) is not ast.Dict:
                continue
            for key, value in zip(group.keys, group.values):
                if type(key) is ast.Constant and key.value == parameter and type(value) is ast.Tuple and value.elts:
                    listed = value.elts[0]
                    if isinstance(listed, (ast.List, ast.Tuple)):
                        choices.extend(c for c in listed.elts if type(c) is ast.Constant and type(c.value) is str)
    return choices
