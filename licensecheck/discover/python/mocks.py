"""What a test puts in a loader's place: an id it passes to a patched loader is fetched by no one.

`@patch("app.embeddings.SentenceTransformer")` on a test, `with mock.patch.object(AutoModel,
"from_pretrained")` in it, `mocker.patch(...)`, `monkeypatch.setattr(...)`, or a patcher started
in its class's `setUp`: what the test then gives that loader, itself or through the project's
functions (`EmbeddingsWrapper("test-model")`), is a stand-in the mock receives. So is what it gives
while the project's own method that calls the loader is patched (`_initialize_tokenizer`), and
what it gives inside `with pytest.raises(...)`: a name made up to be refused.
"""

from __future__ import annotations

import ast

from .parse import Function, dotted

# unittest's, and pytest-mock's `mocker` fixture (by the parameter name a test receives it under)
_PATCH = frozenset({"unittest.mock.patch", "mock.patch", "mocker.patch"})
_PATCH_OBJECT = frozenset({"unittest.mock.patch.object", "mock.patch.object", "mocker.patch.object"})
# The methods a test class runs before each test (or once before them all)
_SET_UPS = ("setUp", "setUpClass", "asyncSetUp", "setup_method", "setup_class")


def patched_targets(function: Function) -> tuple[str, ...]:
    """What a test function (or a function of a test class) replaces while it runs, as dotted names:
    `app.embeddings.SentenceTransformer`, `AutoModel.from_pretrained`."""
    return _read_test(function)[0]


def mocks(shown: str, targets: tuple[str, ...], within: str = "") -> bool:
    """Whether a loader called as `shown` (`SentenceTransformer`, `transformers.AutoTokenizer.from_pretrained`)
    in the project's function `within` is one of `targets`: the class itself, its method of that
    name, or that function."""
    if not targets:
        return False
    parts = shown.split(".")
    for target in targets:
        if target == REFUSED:
            return True
        *owner, last = target.split(".")
        if within and last == within:
            return True  # `patch.object(LiteLLMEmbeddings, "_initialize_tokenizer")`: the method around it
        if len(parts) > 1 and last == parts[-2]:
            return True  # the class patched whole: its `from_pretrained` too
        if last != parts[-1]:
            continue
        if len(parts) == 1 or not owner or not parts[-2][:1].isupper() or owner[-1] == parts[-2]:
            # a function (`load_dataset`), or the method of that very class (`AutoModel.from_pretrained`)
            return True
    return False


def refused_calls(function: Function) -> frozenset[int]:
    """The calls (by id) a test makes inside `with pytest.raises(...)` (or unittest's `assertRaises`):
    what they are given is expected to be refused, not fetched."""
    return _read_test(function)[1]


def _read_test(function: Function) -> tuple[tuple[str, ...], frozenset[int]]:
    """Both of the above, read in one walk of the function's body, once (and no walk for a function
    of a module that imports no test library: most are not tests)."""
    if function.patched is not None and function.refused is not None:
        return function.patched, function.refused
    if not _tests(function):
        function.patched, function.refused = (), frozenset()
        return function.patched, function.refused
    body = list(ast.walk(function.node))  # its decorators included
    nodes: list[ast.AST] = list(body)
    if function.klass is not None:
        nodes += function.klass.node.decorator_list
        for name in _SET_UPS:
            set_up = function.klass.methods.get(name)
            if set_up is not None and set_up is not function:
                nodes += ast.walk(set_up.node)
    patched = tuple(
        target for node in nodes if isinstance(node, ast.Call) and (target := _target(node, function)) is not None
    )
    refused: set[int] = set()
    for node in body:
        if type(node) is ast.With and any(
            isinstance(item.context_expr, ast.Call) and dotted(item.context_expr.func).endswith(_RAISES)
            for item in node.items
        ):
            refused.update(
                id(call) for statement in node.body for call in ast.walk(statement) if type(call) is ast.Call
            )
    function.patched, function.refused = patched, frozenset(refused)
    return function.patched, function.refused


_RAISES = ("pytest.raises", "assertRaises", "assertRaisesRegex")
REFUSED = "*"  # what `patched_targets` of a call inside `pytest.raises` stands for: whatever it reaches


def _tests(function: Function) -> bool:
    """Whether a function may patch or expect a failure: its module imports unittest, mock or pytest,
    or it is given pytest's `mocker` or `monkeypatch` (most functions are not: no walk of their body)."""
    module = function.module
    if module.testing is None:
        module.testing = any(target.startswith(_TESTING) for target in module.imports.values())
    return module.testing or any(_given(function, fixture) for fixture in _FIXTURES)


_TESTING = ("unittest", "mock", "pytest")
_FIXTURES = ("mocker", "monkeypatch")  # pytest's, that patch: by the parameter name a test receives them under


def _given(function: Function, fixture: str) -> bool:
    return fixture in function.positional or any(a.arg == fixture for a in function.node.args.kwonlyargs)


def _target(call: ast.Call, function: Function) -> str | None:
    """The dotted name a patching call replaces, or None when it is not one (or says it otherwise)."""
    name = _qualified(dotted(call.func), function)
    arguments = call.args
    if name in _PATCH and arguments:
        return _text(arguments[0])
    if name in _PATCH_OBJECT and len(arguments) >= 2:
        attribute = _text(arguments[1])
        return f"{dotted(arguments[0])}.{attribute}" if attribute else None
    if name == "monkeypatch.setattr" and arguments:
        written = _text(arguments[0])
        if written is not None:
            return written  # `monkeypatch.setattr("app.models.pipeline", fake)`
        attribute = _text(arguments[1]) if len(arguments) > 1 else None
        return f"{dotted(arguments[0])}.{attribute}" if attribute else None
    return None


def _qualified(name: str, function: Function) -> str:
    """A patcher's name after the module's imports (`patch` of `from unittest.mock import patch`); a
    fixture's (`mocker.patch`) as it is written, when the function is given that fixture."""
    root, _, rest = name.partition(".")
    if root in _FIXTURES:
        return name if _given(function, root) else ""
    imported = function.module.imports.get(root)
    if imported is None:
        return ""
    return f"{imported}.{rest}" if rest else imported


def _text(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value else None
