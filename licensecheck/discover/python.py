"""Model and dataset references in Python code, found by parsing it with `ast`.

A reference is a value that reaches a Hub loader: the first argument of
`from_pretrained`, `pipeline(model=...)`, `SentenceTransformer(...)`,
`load_dataset(...)`, `hf_hub_download(repo_id=...)` and the others in `LOADERS`.
Values are followed statically, never guessed:

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
- a function's parameter: the arguments of every call of that function (and of
  the functions that pass their own parameter on) in the project, and its default.

An Ollama model name `hf.co/ORG/NAME[:TAG]` is a reference wherever it is a whole
string held as a value: assigned, a parameter's default, or a call's argument.

What stays unknown (an environment variable without default, `sys.argv`, a value
computed by a call) is reported as a notice, at the loader. A string in a
docstring, a comment, a log message or `push_to_hub(...)` is not a reference.

Only files whose text names a loader are parsed; files that call the functions
found to pass a parameter to a loader are parsed afterwards, when they hold a
string that looks like a repository id.
"""

from __future__ import annotations

import ast
import itertools
import os
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from ..model import DATASET, MODEL, Location
from .collect import Collector
from .ids import strip_prefix

# A file is parsed only if its text names a loader (or a Hub prefix).
LOADER_HINT = re.compile(
    rb"from_pretrained|from_quantized|from_finetuned|from_model_id|from_preset|pipeline|"
    rb"SentenceTransformer|CrossEncoder|SparseEncoder|vllm|load_dataset|get_dataset_|"
    rb"hf_hub_download|snapshot_download|hf_hub_url|InferenceClient|hf-hub:|hf_hub:|hf\.co/|"
    rb"hf://|open_clip|timm|mlx_lm|mlx_vlm|load_lora_weights|load_textual_inversion|"
    rb"load_ip_adapter|load_adapter|HuggingFace\w*\(|Flag[A-Z]\w*|fastembed|\btrl\b|faster_whisper|"
    rb"huggingface-cli|hf download"
)
# A file that calls a function of the project with a literal id: kept for the second pass.
ID_LITERAL = re.compile(rb"[\"'][A-Za-z0-9][\w.-]*/[\w.-]+[\"']")
_PREFIXES = ("hf-hub:", "hf_hub:", "hf.co/", "hf://")
_IDENTIFIER = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")
_PREFIX_BYTES = re.compile(rb"hf-hub:|hf_hub:|hf\.co/|hf://")
_CLASS_BASES = re.compile(rb"^[ \t]*class[ \t]+\w+[ \t]*\(([^)]*)\)", re.M)
_MAX_VALUES = 64  # a product of f-string parts is cut here: a loader is not a cartesian explosion
_MAX_DEPTH = 24
_BUDGET = 4000  # steps of following names for one argument: bounds pathological code


class Slot(NamedTuple):
    """One argument of a loader that names a repository."""

    type: str
    positions: tuple[int, ...] = (0,)
    keywords: tuple[str, ...] = ()
    bare: str = "any"
    prefixed_only: bool = False
    repo_type_keyword: bool = False


class Loader(NamedTuple):
    slots: tuple[Slot, ...]
    roots: tuple[str, ...] = ()  # the callee must come from one of these packages


_PRETRAINED_KEYWORDS = (
    "pretrained_model_name_or_path", "model_name_or_path", "model_id", "repo_id",
    "model_name", "pretrained_model_name",
)
FROM_PRETRAINED = Loader((Slot(MODEL, (0,), _PRETRAINED_KEYWORDS),))
PEFT_ADAPTER = Loader((Slot(MODEL, (1,), ("model_id",)),))
_ST = Loader((Slot(MODEL, (0,), ("model_name_or_path", "model_name")),))
_DATASETS = Loader((Slot(DATASET, (0,), ("path",)),))
_HUB_FILES = Loader((Slot(MODEL, (0,), ("repo_id",), repo_type_keyword=True),))
_VLLM = Loader((Slot(MODEL, (0,), ("model",)), Slot(MODEL, (), ("tokenizer",))), roots=("vllm",))
_PREFIXED = Slot(MODEL, (0,), ("model_name", "pretrained"), prefixed_only=True)
_FLAG = Loader((Slot(MODEL, (0,), ("model_name_or_path",)),))
_FASTEMBED = Loader((Slot(MODEL, (0,), ("model_name",), bare="none"),), roots=("fastembed",))

LOADERS: dict[str, Loader] = {
    "from_pretrained": FROM_PRETRAINED,
    "from_quantized": FROM_PRETRAINED,
    "from_finetuned": FROM_PRETRAINED,
    "from_model_id": Loader((Slot(MODEL, (0,), ("model_id",)),)),
    "from_preset": Loader((Slot(MODEL, (0,), ("preset",), prefixed_only=True),)),
    "load_lora_weights": Loader((Slot(MODEL, (0,), ("pretrained_model_name_or_path_or_dict",)),)),
    "load_textual_inversion": Loader((Slot(MODEL, (0,), ("pretrained_model_name_or_path",)),)),
    "load_ip_adapter": Loader((Slot(MODEL, (0,), ("pretrained_model_name_or_path_or_dict",)),)),
    "load_adapter": Loader((Slot(MODEL, (0,), ("peft_model_id",)),)),
    "pipeline": Loader(
        (Slot(MODEL, (1,), ("model",)), Slot(MODEL, (), ("tokenizer", "feature_extractor", "image_processor"))),
        roots=("transformers",),
    ),
    "SentenceTransformer": _ST,
    "CrossEncoder": _ST,
    "SparseEncoder": _ST,
    "LLM": _VLLM,
    "EngineArgs": _VLLM,
    "AsyncEngineArgs": _VLLM,
    "LoRARequest": Loader((Slot(MODEL, (2,), ("lora_path",), bare="none"),), roots=("vllm",)),
    "load_dataset": _DATASETS,
    "load_dataset_builder": _DATASETS,
    "get_dataset_config_names": _DATASETS,
    "get_dataset_split_names": _DATASETS,
    "get_dataset_config_info": _DATASETS,
    "get_dataset_infos": _DATASETS,
    "get_dataset_default_config_name": _DATASETS,
    "hf_hub_download": _HUB_FILES,
    "snapshot_download": _HUB_FILES,
    "hf_hub_url": _HUB_FILES,
    "InferenceClient": Loader((Slot(MODEL, (0,), ("model",), bare="none"),)),
    "AsyncInferenceClient": Loader((Slot(MODEL, (0,), ("model",), bare="none"),)),
    "create_model_and_transforms": Loader((_PREFIXED,), roots=("open_clip",)),
    "create_model_from_pretrained": Loader((_PREFIXED,), roots=("open_clip",)),
    "create_model": Loader((_PREFIXED,), roots=("open_clip", "timm")),
    "get_tokenizer": Loader((_PREFIXED,), roots=("open_clip",)),
    "load": Loader((Slot(MODEL, (0,), ("path_or_hf_repo",)),), roots=("mlx_lm", "mlx_vlm")),
    "WhisperModel": Loader((Slot(MODEL, (0,), ("model_size_or_path",), bare="none"),), roots=("faster_whisper",)),
    "FlagModel": _FLAG,
    "BGEM3FlagModel": _FLAG,
    "FlagReranker": _FLAG,
    "FlagLLMReranker": _FLAG,
    "LayerWiseFlagLLMReranker": _FLAG,
    "FlagAutoModel": _FLAG,
    "FlagAutoReranker": _FLAG,
    "TextEmbedding": _FASTEMBED,
    "SparseTextEmbedding": _FASTEMBED,
    "ImageEmbedding": _FASTEMBED,
    "LateInteractionTextEmbedding": _FASTEMBED,
    "TextCrossEncoder": _FASTEMBED,
}
# LangChain and LlamaIndex wrappers (HuggingFaceEmbeddings, HuggingFaceEndpoint,
# HuggingFaceLLM...) and TRL trainers, recognised by name.
_HUGGINGFACE_WRAPPER = Loader(
    (Slot(MODEL, (), ("model_name", "model_id", "repo_id", "model", "tokenizer_name")),)
)
# A model named to a hosted or OpenAI-compatible endpoint (a vLLM or TGI server, the
# Hub's inference providers): InferenceClient's task methods, `...completions.create`,
# LiteLLM. Only namespaced ids: `gpt-4o` names another service's model.
_ENDPOINT_MODEL = Loader((Slot(MODEL, (), ("model",), bare="none"),))
_INFERENCE_TASKS = frozenset(
    {
        "chat_completion", "text_generation", "text_to_image", "text_to_video", "text_to_speech",
        "feature_extraction", "sentence_similarity", "summarization", "translation", "fill_mask",
        "question_answering", "text_classification", "token_classification", "zero_shot_classification",
        "image_classification", "image_segmentation", "image_to_text", "image_to_image", "object_detection",
        "automatic_speech_recognition", "audio_classification", "visual_question_answering",
        "document_question_answering", "table_question_answering", "zero_shot_image_classification",
    }
)
_TRL_TRAINER = Loader(
    (Slot(MODEL, (0,), ("model", "ref_model", "reward_model", "teacher_model", "reward_funcs")),),
    roots=("trl",),
)
_SHELL_CALLS = frozenset({"run", "call", "check_call", "check_output", "Popen", "system", "getoutput", "getstatusoutput"})
_ENVIRON_GETTERS = frozenset({"os.getenv", "os.environ.get", "environ.get", "getenv", "os.environ.setdefault"})
_CHOICE_WIDGETS = frozenset({"selectbox", "radio", "select_slider"})  # Streamlit
_FIELD_FACTORIES = frozenset({"field", "Field", "Option", "Argument", "Query", "Body", "Form", "Param"})


class Value(NamedTuple):
    text: str
    module: "Module"
    line: int


class Result:
    """What an expression may be: strings, parameters it comes from, and why the rest is unknown.

    `other`: it may also be something else than a string (None, a number).
    """

    __slots__ = ("values", "params", "unknown", "other")

    def __init__(self, values: list[Value] | None = None, params: list[tuple["Function", str]] | None = None,
                 unknown: list[str] | None = None, other: bool = False) -> None:
        self.values = values if values is not None else []
        self.params = params if params is not None else []
        self.unknown = unknown if unknown is not None else []
        self.other = other

    def extend(self, other: "Result") -> "Result":
        self.values.extend(other.values)
        self.params.extend(other.params)
        self.unknown.extend(other.unknown)
        self.other = self.other or other.other
        return self


def _unknown(reason: str) -> Result:
    return Result(unknown=[reason])


class Scope:
    def __init__(self, kind: str, parent: "Scope | None", module: "Module", function: "Function | None" = None,
                 klass: "ClassInfo | None" = None) -> None:
        self.kind = kind
        self.parent = parent
        self.module = module
        self.function = function
        self.klass = klass
        self.bindings: dict[str, list[tuple]] = {}

    def bind(self, name: str, binding: tuple) -> None:
        self.bindings.setdefault(name, []).append(binding)


class ClassInfo:
    def __init__(self, name: str, qualname: str, node: ast.ClassDef, scope: Scope) -> None:
        self.name = name
        self.qualname = qualname
        self.node = node
        self.scope = scope
        self.instance_attrs: dict[str, list[tuple[ast.expr, Scope]]] = {}
        self.methods: dict[str, "Function"] = {}


class Function:
    def __init__(self, module: "Module", qualname: str, node, scope: Scope, klass: ClassInfo | None) -> None:
        self.module = module
        self.qualname = qualname
        self.name = node.name
        self.node = node
        self.scope = scope
        self.klass = klass
        arguments = node.args
        self.positional = [a.arg for a in arguments.posonlyargs + arguments.args]
        self.keyword_only = [a.arg for a in arguments.kwonlyargs]
        self.defaults: dict[str, ast.expr] = {}
        for argument, default in zip(reversed(arguments.posonlyargs + arguments.args), reversed(arguments.defaults)):
            self.defaults[argument.arg] = default
        for argument, default in zip(arguments.kwonlyargs, arguments.kw_defaults):
            if default is not None:
                self.defaults[argument.arg] = default
        decorators = {_dotted(d.func if isinstance(d, ast.Call) else d) for d in node.decorator_list}
        self.kind = "function"
        if klass is not None:
            self.kind = "staticmethod" if "staticmethod" in decorators else (
                "classmethod" if "classmethod" in decorators else "method")
        self._cli_defaults(node.decorator_list)

    @property
    def key(self) -> tuple[str, str]:
        return (self.module.path, self.qualname)

    def _cli_defaults(self, decorators: list[ast.expr]) -> None:
        """`@click.option("--model", default=...)`: the option's default is the parameter's."""
        for decorator in decorators:
            if not (isinstance(decorator, ast.Call) and _dotted(decorator.func).rsplit(".", 1)[-1] in ("option", "argument")):
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


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    if isinstance(node, ast.Call):
        return _dotted(node.func) + "()"
    return "?"


class Module:
    """One parsed file (a .py file or a notebook's code) and what it binds."""

    def __init__(self, project: "PythonProject", path: str, directory: str, dotted: str | None,
                 locate: Callable[[int], Location]) -> None:
        self.project = project
        self.path = path
        self.directory = directory
        self.dotted = dotted
        self.locate = locate
        self.imports: dict[str, str] = {}
        self.scope = Scope("module", None, self)
        self.functions: dict[str, Function] = {}
        self.classes: dict[str, ClassInfo] = {}
        self.calls: list[tuple[ast.Call, Scope]] = []
        self.option_defaults: dict[str, list[tuple[ast.expr, Scope]]] = {}
        self.ollama_values: list[tuple[ast.Constant, str]] = []  # `hf.co/...` strings assigned or defaulted
        self.has_prefix = False  # whether the text holds an `hf-hub:`, `hf.co/` or `hf://` string

    # -- collection --------------------------------------------------------------

    def collect(self, tree: ast.Module) -> None:
        self._visit_body(tree.body, self.scope, "")

    def _visit_body(self, statements: Iterable[ast.AST], scope: Scope, prefix: str) -> None:
        for statement in statements:
            self._visit(statement, scope, prefix)

    def _visit(self, node: ast.AST, scope: Scope, prefix: str) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for expression in node.decorator_list + node.args.defaults + [d for d in node.args.kw_defaults if d]:
                self._visit(expression, scope, prefix)
            for default in node.args.defaults + [d for d in node.args.kw_defaults if d]:
                self._ollama_values(default, f"{node.name}(...) default")
            qualname = f"{prefix}{node.name}"
            klass = scope.klass if scope.kind == "class" else None
            function_scope = Scope("function", scope, self, klass=klass)
            function = Function(self, qualname, node, function_scope, klass)
            function_scope.function = function
            self.functions[qualname] = function
            if klass is not None:
                klass.methods[node.name] = function
            scope.bind(node.name, ("def", function))
            arguments = node.args
            for argument in arguments.posonlyargs + arguments.args + arguments.kwonlyargs:
                function_scope.bind(argument.arg, ("param", function, argument.arg))
            for argument in (arguments.vararg, arguments.kwarg):
                if argument is not None:
                    function_scope.bind(argument.arg, ("unknown", f"`{argument.arg}` collects arguments"))
            self._visit_body(node.body, function_scope, qualname + ".")
            return
        if isinstance(node, ast.ClassDef):
            for expression in node.decorator_list + node.bases + [k.value for k in node.keywords]:
                self._visit(expression, scope, prefix)
            qualname = f"{prefix}{node.name}"
            class_scope = Scope("class", scope, self)
            klass = ClassInfo(node.name, qualname, node, class_scope)
            class_scope.klass = klass
            self.classes[qualname] = klass
            scope.bind(node.name, ("class", klass))
            self._visit_body(node.body, class_scope, qualname + ".")
            for statement in node.body:
                if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) and statement.value:
                    self.option_defaults.setdefault(statement.target.id, []).append((statement.value, class_scope))
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                local = alias.asname or alias.name.split(".")[0]
                target = alias.name if alias.asname else alias.name.split(".")[0]
                self.imports[local] = target
                scope.bind(local, ("import", target, True))
            return
        if isinstance(node, ast.ImportFrom):
            base = self._absolute(node.module, node.level)
            for alias in node.names:
                if alias.name == "*":
                    continue
                local = alias.asname or alias.name
                self.imports[local] = f"{base}.{alias.name}" if base else alias.name
                scope.bind(local, ("import", self.imports[local], False))
            return
        if isinstance(node, ast.Assign):
            for target in node.targets:
                self._bind_target(target, node.value, scope)
            self._ollama_values(node.value, _dotted(node.targets[0]))
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            self._bind_target(node.target, node.value, scope)
            self._ollama_values(node.value, _dotted(node.target))
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            scope.bind(node.target.id, ("unknown", f"`{node.target.id}` is modified in place"))
        elif isinstance(node, ast.NamedExpr) and isinstance(node.target, ast.Name):
            scope.bind(node.target.id, ("value", node.value, scope))
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            self._bind_loop(node.target, node.iter, scope)
        elif isinstance(node, ast.comprehension):
            self._bind_loop(node.target, node.iter, scope)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if isinstance(item.optional_vars, ast.Name):
                    scope.bind(item.optional_vars.id, ("unknown", f"`{item.optional_vars.id}` comes from a context manager"))
        elif isinstance(node, ast.Call):
            self.calls.append((node, scope))
            self._argparse_default(node, scope)
        elif isinstance(node, ast.Lambda):
            self._visit(node.body, scope, prefix)
            return
        for child in ast.iter_child_nodes(node):
            self._visit(child, scope, prefix)

    def _ollama_values(self, value: ast.expr, shown: str) -> None:
        """`MODEL = "hf.co/ORG/NAME:TAG"`: an Ollama model name held as a value, where it is written.

        Only a whole string that is the value (or an element, a branch of one): not a
        docstring, not a sentence, not an f-string's part. Call arguments are read by the
        project's `_prefixed_strings`.
        """
        if isinstance(value, ast.Constant):
            if isinstance(value.value, str) and value.value.startswith("hf.co/"):
                self.ollama_values.append((value, shown))
        elif isinstance(value, (ast.List, ast.Tuple, ast.Set)):
            for element in value.elts:
                self._ollama_values(element, shown)
        elif isinstance(value, ast.Dict):
            for element in value.values:
                self._ollama_values(element, shown)
        elif isinstance(value, ast.IfExp):
            self._ollama_values(value.body, shown)
            self._ollama_values(value.orelse, shown)
        elif isinstance(value, ast.BoolOp):
            for element in value.values:
                self._ollama_values(element, shown)

    def _absolute(self, module: str | None, level: int) -> str:
        if not level:
            return module or ""
        parts = (self.dotted or "").split(".")
        # A module `a.b.c` is in package `a.b`; an `__init__` module is its own package.
        package = parts if self.path.endswith("__init__.py") else parts[:-1]
        package = package[: len(package) - (level - 1)] if level > 1 else package
        return ".".join(p for p in package + ([module] if module else []) if p)

    def _bind_target(self, target: ast.expr, value: ast.expr, scope: Scope) -> None:
        if isinstance(target, ast.Name):
            scope.bind(target.id, ("value", value, scope))
        elif isinstance(target, (ast.Tuple, ast.List)):
            if isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(target.elts):
                for element, element_value in zip(target.elts, value.elts):
                    self._bind_target(element, element_value, scope)
            else:
                for element in target.elts:
                    if isinstance(element, ast.Name):
                        scope.bind(element.id, ("unknown", f"`{element.id}` is unpacked from a value known at run time"))
        elif isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
            function = _enclosing_function(scope)
            if function and function.klass and function.positional and target.value.id == function.positional[0]:
                function.klass.instance_attrs.setdefault(target.attr, []).append((value, scope))

    def _bind_loop(self, target: ast.expr, iterable: ast.expr, scope: Scope) -> None:
        if isinstance(target, ast.Name):
            scope.bind(target.id, ("iter", iterable, None, scope))
        elif isinstance(target, (ast.Tuple, ast.List)):
            for index, element in enumerate(target.elts):
                if isinstance(element, ast.Name):
                    scope.bind(element.id, ("iter", iterable, index, scope))

    def _argparse_default(self, call: ast.Call, scope: Scope) -> None:
        """`parser.add_argument("--model", default=...)`: `args.model` starts as that default."""
        if not (isinstance(call.func, ast.Attribute) and call.func.attr == "add_argument"):
            return
        default = next((k.value for k in call.keywords if k.arg == "default"), None)
        if default is None:
            return
        dest = next((k.value.value for k in call.keywords if k.arg == "dest" and isinstance(k.value, ast.Constant)), None)
        if dest is None:
            names = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            longs = [n for n in names if n.startswith("--")]
            dest = (longs[0][2:] if longs else (names[0].lstrip("-") if names else None))
        if isinstance(dest, str) and dest:
            self.option_defaults.setdefault(dest.replace("-", "_"), []).append((default, scope))

    # -- names -------------------------------------------------------------------

    def qualify(self, node: ast.expr) -> str:
        """The dotted name a callee has after imports: `AutoModel` → `transformers.AutoModel`."""
        dotted = _dotted(node)
        head, _, rest = dotted.partition(".")
        if head in self.imports:
            return self.imports[head] + ("." + rest if rest else "")
        return dotted


def _enclosing_function(scope: Scope | None) -> Function | None:
    while scope is not None and scope.kind != "function":
        scope = scope.parent
    return scope.function if scope is not None else None


def _loader_for(module: Module, call: ast.Call) -> tuple[Loader, str] | None:
    """The loader a call is, with the name it is shown as, or None."""
    qualified = module.qualify(call.func)
    last = qualified.rsplit(".", 1)[-1]
    loader = LOADERS.get(last)
    if loader is None:
        if "HuggingFace" in last:
            loader = _HUGGINGFACE_WRAPPER
        elif last.endswith("Trainer"):
            loader = _TRL_TRAINER
        elif last in _INFERENCE_TASKS or (last == "create" and ".completions." in f".{qualified}") or (
            last in ("completion", "acompletion", "embedding", "aembedding") and qualified.startswith("litellm.")
        ) or last in ("ChatOpenAI", "OpenAIEmbeddings", "ChatLiteLLM"):
            loader = _ENDPOINT_MODEL
        else:
            return None
    if loader.roots and qualified.split(".", 1)[0] not in loader.roots:
        return None
    if loader is FROM_PRETRAINED and isinstance(call.func, ast.Attribute):
        owner = qualified.rsplit(".", 2)[-2] if qualified.count(".") else ""
        if owner.startswith("PeftModel") or owner == "PeftMixedModel":
            loader = PEFT_ADAPTER
    shown = _dotted(call.func)
    return loader, shown


def _argument(call: ast.Call, positions: tuple[int, ...], keywords: tuple[str, ...]) -> list[ast.expr]:
    found = []
    positional = call.args
    for position in positions:
        if position < len(positional) and not any(isinstance(a, ast.Starred) for a in positional[: position + 1]):
            found.append(positional[position])
    for keyword in call.keywords:
        if keyword.arg in keywords:
            found.append(keyword.value)
    return found


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


class PythonProject:
    """The project's Python modules, parsed lazily, and the evaluation of loader arguments."""

    def __init__(self, collector: Collector) -> None:
        self.collector = collector
        self.modules: dict[str, Module] = {}
        self.by_dotted: dict[str, str] = {}  # dotted module name → relative path, for imports
        self.python_files: dict[str, str] = {}  # relative path → absolute path
        self.pending: list[tuple[str, str, bytes]] = []  # files with id literals, not parsed yet
        self.budget = _BUDGET
        self.calls_by_name: dict[str, list[tuple[ast.Call, Scope]]] = {}
        self.subclasses: dict[str, list[ClassInfo]] = {}  # a base's last name → classes that name it as a base
        self.sinks: dict[tuple[tuple[str, str], str], list[tuple[Slot, str, Location, list[str | None]]]] = {}
        self._sink_queue: list[tuple[tuple[str, str], str]] = []

    # -- files -------------------------------------------------------------------

    def register(self, relative: str, absolute: str) -> None:
        """Every .py file of the tree, so that imports of project modules can be followed."""
        self.python_files[relative] = absolute
        stem = relative[:-3]
        if stem.endswith("/__init__"):
            stem = stem[: -len("/__init__")]
        parts = stem.split("/")
        for start in range(len(parts)):
            self.by_dotted.setdefault(".".join(parts[start:]), relative)

    def add_file(self, relative: str, absolute: str, data: bytes) -> None:
        self.register(relative, absolute)
        if LOADER_HINT.search(data):
            self._parse(relative, absolute, data)
        elif ID_LITERAL.search(data):
            self.pending.append((relative, absolute, data))

    def _dotted(self, relative: str) -> str:
        stem = relative[:-3]
        return stem[: -len("/__init__")].replace("/", ".") if stem.endswith("/__init__") else stem.replace("/", ".")

    def _parse(self, relative: str, absolute: str, data: bytes) -> Module | None:
        if relative in self.modules:
            return self.modules[relative]
        try:
            tree = ast.parse(data, filename=relative)
        except (SyntaxError, ValueError) as error:
            line = getattr(error, "lineno", None)
            self.collector.unparsable(Location(relative, line), f"not valid Python ({getattr(error, 'msg', error)})")
            self.modules[relative] = None  # type: ignore[assignment]
            return None
        module = Module(self, relative, os.path.dirname(absolute), self._dotted(relative),
                        lambda line, path=relative: Location(path, line))
        return self._add(module, tree, _PREFIX_BYTES.search(data) is not None)

    def _add(self, module: Module, tree: ast.Module, has_prefix: bool) -> Module | None:
        try:
            module.collect(tree)
        except RecursionError:
            self.collector.unparsable(Location(module.path), "nested too deeply to analyse")
            self.modules[module.path] = None  # type: ignore[assignment]
            return None
        module.has_prefix = has_prefix
        self.modules[module.path] = module
        for call, scope in module.calls:
            name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)
            if name:
                self.calls_by_name.setdefault(name, []).append((call, scope))
        for klass in module.classes.values():
            for base in klass.node.bases:
                name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", None)
                if name:
                    self.subclasses.setdefault(name, []).append(klass)
        return module


    def add_source(self, relative: str, directory: str, tree: ast.Module, locate: Callable[[int], Location],
                   has_prefix: bool = True) -> Module | None:
        """A parsed source that is not an importable file (a notebook's code cells)."""
        return self._add(Module(self, relative, directory, None, locate), tree, has_prefix)

    def module_named(self, dotted: str) -> Module | None:
        relative = self.by_dotted.get(dotted)
        if relative is None:
            return None
        module = self.modules.get(relative)
        if module is None and relative not in self.modules:
            absolute = self.python_files[relative]
            try:
                with open(absolute, "rb") as handle:
                    data = handle.read()
            except OSError:
                return None
            module = self._parse(relative, absolute, data)
        return module

    def resolve_import(self, qualified: str) -> tuple[Module, str] | None:
        """A name imported from a project module: that module and the name in it."""
        module_name, _, name = qualified.rpartition(".")
        if not module_name:
            return None
        module = self.module_named(module_name)
        return (module, name) if module is not None else None

    # -- evaluation --------------------------------------------------------------

    def follow(self, expr: ast.expr, scope: Scope, depth: int = 0) -> tuple[list[tuple[ast.expr, Scope]], Result]:
        """The concrete expressions `expr` may stand for, through names, attributes and subscripts."""
        result = Result()
        self.budget -= 1
        if depth > _MAX_DEPTH or self.budget < 0:
            return [], _unknown("too many indirections to follow")
        if isinstance(expr, ast.Name):
            return self._follow_bindings(self._lookup(expr.id, scope), expr.id, depth)
        if isinstance(expr, ast.Attribute):
            return self._follow_attribute(expr, scope, depth)
        if isinstance(expr, ast.Subscript):
            return self._follow_subscript(expr, scope, depth)
        return [(expr, scope)], result

    def _lookup(self, name: str, scope: Scope) -> list[tuple] | None:
        current: Scope | None = scope
        while current is not None:
            if current.kind == "class" and current is not scope:
                current = current.parent
                continue
            if name in current.bindings:
                return current.bindings[name]
            current = current.parent
        return None

    def _follow_bindings(self, bindings: list[tuple] | None, name: str, depth: int) -> tuple[list, Result]:
        if bindings is None:
            return [], _unknown(f"`{name}` is not defined in this file")
        concrete: list[tuple[ast.expr, Scope]] = []
        result = Result()
        for binding in bindings:
            kind = binding[0]
            if kind == "value":
                found, more = self.follow(binding[1], binding[2], depth + 1)
                concrete.extend(found)
                result.extend(more)
            elif kind == "iter":
                found, more = self.elements(binding[1], binding[3], binding[2], depth + 1)
                concrete.extend(found)
                result.extend(more)
            elif kind == "param":
                result.params.append((binding[1], binding[2]))
            elif kind == "import":
                target = self.resolve_import(binding[1]) if not binding[2] else None
                if target is not None:
                    found, more = self._follow_bindings(target[0].scope.bindings.get(target[1]), target[1], depth + 1)
                    concrete.extend(found)
                    result.extend(more)
                else:
                    result.unknown.append(f"`{name}` is imported from {binding[1].rsplit('.', 1)[0] or binding[1]}")
            elif kind == "unknown":
                result.unknown.append(binding[1])
            elif kind in ("def", "class"):
                concrete.append((binding, None))  # type: ignore[arg-type]
        return concrete, result

    def _class_of(self, expr: ast.expr, scope: Scope, depth: int) -> ClassInfo | None:
        """The project class an expression names (`Config`) or instantiates (`Config()`)."""
        if isinstance(expr, ast.Call):
            expr = expr.func
        if isinstance(expr, (ast.Name, ast.Attribute)):
            found, _ = self.follow(expr, scope, depth + 1)
            for item, _scope in found:
                if isinstance(item, tuple) and item[0] == "class":
                    return item[1]
                if isinstance(item, ast.Call):
                    return self._class_of(item.func, _scope, depth + 1)
        return None

    def _class_attribute(self, klass: ClassInfo, attr: str, depth: int, seen: set | None = None) -> tuple[list, Result] | None:
        seen = seen or set()
        if id(klass) in seen:
            return None
        seen.add(id(klass))
        concrete: list = []
        result = Result()
        hit = self._collect_own_value(klass, attr, depth, concrete, result, class_level=True)
        if not hit:
            for base in klass.node.bases:
                base_class = self._class_of(base, klass.scope.parent, depth)
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
        if class_level and attr in klass.scope.bindings:
            found, more = self._follow_bindings(klass.scope.bindings[attr], attr, depth + 1)
            concrete.extend(found)
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
        concrete: list = []
        result = Result()
        hit = False
        shadowed = self._assigns_through_self(klass, attr, set())
        stack = [(klass, shadowed)]
        seen = {id(klass)}
        while stack:
            current, hidden = stack.pop()
            for sub in self.subclasses.get(current.name, ()):
                if id(sub) in seen or self.budget < 0:
                    continue
                if not any(self._class_of(b, sub.scope.parent, depth + 1) is current for b in sub.node.bases):
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
            parent = self._class_of(base, klass.scope.parent, 0)
            if parent is not None and self._assigns_through_self(parent, attr, seen):
                return True
        return False

    def _follow_attribute(self, expr: ast.Attribute, scope: Scope, depth: int) -> tuple[list, Result]:
        base = expr.value
        text = _dotted(expr)
        if expr.attr in ("value", "name") and isinstance(base, ast.Attribute):
            # An Enum member's value: `Models.LARGE.value` is what the class body assigns to LARGE.
            found, result = self._follow_attribute(base, scope, depth + 1)
            if found and expr.attr == "value":
                return found, result
        if isinstance(base, ast.Name):
            function = _enclosing_function(scope)
            if function and function.klass and function.positional and base.id == function.positional[0]:
                found = self._class_attribute(function.klass, expr.attr, depth)
                overrides = None
                if function.kind != "staticmethod" and self.subclasses.get(function.klass.name):
                    overrides = self._overrides(function, expr.attr, depth)
                if found is None and overrides is None:
                    return [], _unknown(f"`{text}` is set at run time")
                if found is None:
                    return overrides
                if overrides is not None:
                    found[0].extend(overrides[0])
                    found[1].extend(overrides[1])
                return found
            bindings = self._lookup(base.id, scope)
            imported = next((b[1] for b in bindings or () if b[0] == "import"), None)
            module = self.module_named(imported) if imported else None
            if module is not None:  # `settings.MODEL` after `import settings` or `from app import settings`
                return self._follow_bindings(module.scope.bindings.get(expr.attr), expr.attr, depth + 1)
            klass = self._class_of(base, scope, depth)
            if klass is not None:
                found = self._class_attribute(klass, expr.attr, depth)
                if found is not None:
                    return found
            if bindings and all(b[0] == "value" and isinstance(b[1], ast.Call) and _loader_for(scope.module, b[1])
                                for b in bindings):
                return [], Result()  # `processor.tokenizer`: a part of a loaded model, reported at its loader
        if scope.module.option_defaults.get(expr.attr):
            concrete, result = [], Result()
            for value, value_scope in scope.module.option_defaults[expr.attr]:
                found, more = self.follow(value, value_scope, depth + 1)
                concrete.extend(found)
                result.extend(more)
            result.unknown.append(f"`{text}` is a command-line option or setting that a run may change")
            return concrete, result
        return [], _unknown(f"`{text}` is known only at run time")

    def _follow_subscript(self, expr: ast.Subscript, scope: Scope, depth: int) -> tuple[list, Result]:
        container = _dotted(expr.value)
        if container in ("os.environ", "environ"):
            name = expr.slice.value if isinstance(expr.slice, ast.Constant) else "?"
            return [], _unknown(f"environment variable {name}")
        if container == "sys.argv":
            return [], _unknown("a command-line argument (sys.argv)")
        found, result = self.follow(expr.value, scope, depth + 1)
        keys = self.strings(expr.slice, scope, depth + 1) if not isinstance(expr.slice, ast.Slice) else Result()
        wanted = {v.text for v in keys.values} if keys.values and not keys.unknown and not keys.params else None
        index = expr.slice.value if isinstance(expr.slice, ast.Constant) and isinstance(expr.slice.value, int) else None
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
            elif isinstance(node, (ast.List, ast.Tuple)):
                elements = node.elts
                if index is not None and -len(elements) <= index < len(elements):
                    elements = [elements[index]]
                for element in elements:
                    more, extra = self.follow(element, node_scope, depth + 1)
                    concrete.extend(more)
                    result.extend(extra)
            elif not isinstance(node, tuple):
                result.unknown.append(f"`{_dotted(expr.value)}[...]` is known only at run time")
        return concrete, result

    def elements(self, iterable: ast.expr, scope: Scope, index: int | None, depth: int) -> tuple[list, Result]:
        """The items a loop over `iterable` binds (element `index` of each, for tuple targets)."""
        if depth > _MAX_DEPTH:
            return [], _unknown("too many indirections")
        if isinstance(iterable, ast.Call):
            function = iterable.func
            name = _dotted(function)
            if isinstance(function, ast.Attribute) and function.attr in ("items", "values", "keys") and not iterable.args:
                containers, result = self.follow(function.value, scope, depth + 1)
                concrete: list = []
                for node, node_scope in containers:
                    if not isinstance(node, ast.Dict):
                        continue
                    pairs = [(k, v) for k, v in zip(node.keys, node.values) if k is not None]
                    if function.attr == "keys" or (function.attr == "items" and index == 0):
                        chosen = [k for k, _ in pairs]
                    elif function.attr == "values" or (function.attr == "items" and index == 1):
                        chosen = [v for _, v in pairs]
                    else:
                        continue
                    for item in chosen:
                        more, extra = self.follow(item, node_scope, depth + 1)
                        concrete.extend(more)
                        result.extend(extra)
                return concrete, result
            if name == "enumerate" and iterable.args:
                return self.elements(iterable.args[0], scope, None, depth + 1) if index == 1 else ([], Result())
            if name == "zip" and index is not None and index < len(iterable.args):
                return self.elements(iterable.args[index], scope, None, depth + 1)
            if name in ("list", "tuple", "set", "sorted", "reversed", "frozenset") and iterable.args:
                return self.elements(iterable.args[0], scope, index, depth + 1)
            return [], _unknown(f"the items of `{name}(...)` are known only at run time")
        containers, result = self.follow(iterable, scope, depth + 1)
        concrete = []
        for node, node_scope in containers:
            if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
                items = node.elts
            elif isinstance(node, ast.Dict):
                items = [k for k in node.keys if k is not None]
            else:
                if not isinstance(node, tuple):
                    result.unknown.append("the loop's items are known only at run time")
                continue
            for item in items:
                if index is not None:
                    if isinstance(item, (ast.Tuple, ast.List)) and index < len(item.elts):
                        item = item.elts[index]
                    else:
                        continue
                more, extra = self.follow(item, node_scope, depth + 1)
                concrete.extend(more)
                result.extend(extra)
        return concrete, result

    def strings(self, expr: ast.expr, scope: Scope, depth: int = 0) -> Result:
        """Every string `expr` may evaluate to, with the parameters and unknowns it depends on."""
        concrete, result = self.follow(expr, scope, depth)
        for node, node_scope in concrete:
            if isinstance(node, tuple):
                continue  # a function or class, not a string
            result.extend(self._strings_of(node, node_scope, depth + 1))
        if len(result.values) > _MAX_VALUES:
            # Said, not silently dropped: the cut values may be references too.
            result.unknown.append(f"more than {_MAX_VALUES} possible values; only the first {_MAX_VALUES} were followed")
            result.values = result.values[:_MAX_VALUES]
        return result

    def _strings_of(self, node: ast.expr, scope: Scope, depth: int) -> Result:
        module = scope.module
        if isinstance(node, ast.Constant):
            return Result(values=[Value(node.value, module, node.lineno)]) if isinstance(node.value, str) else Result(other=True)
        if isinstance(node, ast.JoinedStr):
            parts: list[list[str]] = []
            result = Result()
            for part in node.values:
                if isinstance(part, ast.Constant):
                    parts.append([str(part.value)])
                    continue
                if not isinstance(part, ast.FormattedValue) or part.format_spec is not None or part.conversion not in (-1, 115):
                    return _unknown("an f-string with formatting")
                inner = self.strings(part.value, scope, depth + 1)
                result.params.extend(inner.params)
                result.unknown.extend(inner.unknown)
                if not inner.values:
                    return result
                parts.append([v.text for v in inner.values])
            return self._product(parts, module, node.lineno, result)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left = self.strings(node.left, scope, depth + 1)
            right = self.strings(node.right, scope, depth + 1)
            result = Result(params=left.params + right.params, unknown=left.unknown + right.unknown)
            if not left.values or not right.values:
                return result
            return self._product([[v.text for v in left.values], [v.text for v in right.values]], module, node.lineno, result)
        if isinstance(node, ast.IfExp):
            return self.strings(node.body, scope, depth + 1).extend(self.strings(node.orelse, scope, depth + 1))
        if isinstance(node, ast.BoolOp):
            result = Result()
            for value in node.values:
                result.extend(self.strings(value, scope, depth + 1))
            return result
        if isinstance(node, ast.Call):
            return self._call_strings(node, scope, depth)
        if isinstance(node, (ast.List, ast.Tuple, ast.Dict, ast.Set, ast.Lambda, ast.Compare, ast.ListComp, ast.DictComp)):
            return Result()
        return _unknown(f"`{_short(node)}` is computed at run time")

    def _dict_get(self, node: ast.Call, scope: Scope, depth: int) -> Result:
        """`CHOICES.get(key, default)` on a constant dict: the value for a known key, else every value."""
        containers, result = self.follow(node.func.value, scope, depth + 1)
        dicts = [(c, c_scope) for c, c_scope in containers if isinstance(c, ast.Dict)]
        if not dicts:
            return _unknown(f"the value returned by `{_dotted(node.func)}(...)`")
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

    def _product(self, parts: list[list[str]], module: Module, line: int, result: Result) -> Result:
        for combination in itertools.islice(itertools.product(*parts), _MAX_VALUES):
            result.values.append(Value("".join(combination), module, line))
        return result

    def _call_strings(self, node: ast.Call, scope: Scope, depth: int) -> Result:
        name = scope.module.qualify(node.func)
        last = name.rsplit(".", 1)[-1]
        if name in _ENVIRON_GETTERS or name.endswith("environ.get"):
            variable = node.args[0].value if node.args and isinstance(node.args[0], ast.Constant) else "?"
            default = node.args[1] if len(node.args) > 1 else _keyword(node, "default")
            result = self.strings(default, scope, depth + 1) if default is not None else Result()
            result.unknown.append(
                f"environment variable {variable}" + (" may override it" if result.values else " without a default")
            )
            return result
        if last in _FIELD_FACTORIES:
            # dataclasses.field(default=...), pydantic Field(...), typer Option(...): the default.
            default = _keyword(node, "default")
            if default is None and node.args:
                default = node.args[0]
            if default is None or (isinstance(default, ast.Constant) and default.value is Ellipsis):
                return Result()
            return self.strings(default, scope, depth + 1)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            template = self.strings(node.func.value, scope, depth + 1)
            arguments = [self.strings(a, scope, depth + 1) for a in node.args]
            keywords = {k.arg: self.strings(k.value, scope, depth + 1) for k in node.keywords if k.arg}
            if not template.values or any(not a.values for a in arguments) or any(not k.values for k in keywords.values()):
                return _unknown("a `str.format` of values known at run time")
            result = Result()
            for value in template.values:
                try:
                    text = value.text.format(*[a.values[0].text for a in arguments],
                                             **{k: v.values[0].text for k, v in keywords.items()})
                except (IndexError, KeyError, ValueError):
                    return _unknown("a `str.format` that does not apply")
                result.values.append(Value(text, scope.module, node.lineno))
            return result
        if isinstance(node.func, ast.Attribute) and node.func.attr == "join" and len(node.args) == 1:
            separator = self.strings(node.func.value, scope, depth + 1)
            items, result = self.elements(node.args[0], scope, None, depth + 1)
            texts = []
            for item, item_scope in items:
                inner = self._strings_of(item, item_scope, depth + 1)
                if len(inner.values) != 1:
                    return _unknown("a join of values known at run time")
                texts.append(inner.values[0].text)
            if len(separator.values) == 1 and texts:
                return Result(values=[Value(separator.values[0].text.join(texts), scope.module, node.lineno)])
            return _unknown("a join of values known at run time")
        if name in ("str", "os.fspath") and len(node.args) == 1:
            return self.strings(node.args[0], scope, depth + 1)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "get" and node.args:
            return self._dict_get(node, scope, depth)
        if last in _CHOICE_WIDGETS:
            # `st.selectbox("Model", [...])`: the person running it picks one of these.
            options = node.args[1] if len(node.args) > 1 else _keyword(node, "options") or _keyword(node, "choices")
            if options is not None:
                items, result = self.elements(options, scope, None, depth + 1)
                for item, item_scope in items:
                    result.extend(self._strings_of(item, item_scope, depth + 1))
                return result
        if _loader_for(scope.module, node) is not None:
            return Result()  # a loaded model or a downloaded path: the loader call itself is the reference
        return _unknown(f"the value returned by `{_dotted(node.func)}(...)`")

    # -- loaders -----------------------------------------------------------------

    def analyse(self, module: Module) -> None:
        for constant, shown in module.ollama_values:
            self._prefixed(constant.value, module.locate(constant.lineno), module, shown)
        for call, scope in module.calls:
            self.budget = _BUDGET
            found = _loader_for(module, call)
            consumed: set[int] = set()
            if found is not None:
                loader, shown = found
                for slot in loader.slots:
                    for argument in _argument(call, slot.positions, slot.keywords):
                        consumed.add(id(argument))
                        self._slot(call, scope, slot, shown, argument)
                if not consumed and any(k.arg is None for k in call.keywords) and loader.slots[0].positions:
                    self.collector.unknown(module.locate(call.lineno),
                                           f"{shown}: the {loader.slots[0].type} is not statically known "
                                           "(arguments unpacked with **)")
            self._prefixed_strings(call, scope, consumed)

    def _slot(self, call: ast.Call, scope: Scope, slot: Slot, shown: str, argument: ast.expr) -> None:
        module = scope.module
        site = module.locate(call.lineno)
        kind = slot.type
        if slot.repo_type_keyword:
            repo_type = _keyword(call, "repo_type")
            if repo_type is not None:
                types = self.strings(repo_type, scope)
                names = {v.text for v in types.values}
                if names == {"dataset"} and not (types.other or types.unknown or types.params):
                    kind = DATASET
                elif names and names <= {"space", "spaces"}:
                    return
        revisions: list[str | None] = [None]
        revision_node = _keyword(call, "revision")
        if revision_node is not None:
            evaluated = self.strings(revision_node, scope)
            if evaluated.values:
                revisions = [v.text for v in evaluated.values]
            if evaluated.unknown or evaluated.params:
                self.collector.unknown(site, f"{shown}: the revision is not statically known ({_reason(evaluated)})")
        result = self.strings(argument, scope)
        if isinstance(argument, ast.Starred):
            result = _unknown("arguments unpacked with *")
        typed = Slot(kind, slot.positions, slot.keywords, slot.bare, slot.prefixed_only)
        self._record(result, typed, shown, site, revisions)
        for function, parameter in result.params:
            self._add_sink(function, parameter, typed, shown, site, revisions)
        if result.unknown and not result.params:
            self._say_unknown(site, shown, kind, result)

    def _say_unknown(self, site: Location, shown: str, kind: str, result: Result) -> None:
        if result.values:  # a default was found and reported: say that a run may use another value
            self.collector.unknown(site, f"{shown}: the {kind} reported is a default; {_reason(result)}")
        else:
            self.collector.unknown(site, f"{shown}: the {kind} is not statically known ({_reason(result)})")

    def _record(self, result: Result, slot: Slot, shown: str, site: Location, revisions: list[str | None]) -> None:
        for value in result.values:
            location = value.module.locate(value.line)
            for revision in revisions:
                self.collector.consider(
                    value.text, slot.type, location, shown, directory=value.module.directory,
                    revision=revision, bare=slot.bare, prefixed_only=slot.prefixed_only,
                )

    def _prefixed_strings(self, call: ast.Call, scope: Scope, consumed: set[int]) -> None:
        """`hf-hub:`, `hf.co/`, `hf://` strings in any call; shell commands run from Python."""
        module = scope.module
        arguments = [a for a in call.args] + [k.value for k in call.keywords]
        shell = module.qualify(call.func).rsplit(".", 1)[-1] in _SHELL_CALLS
        for argument in arguments:
            if id(argument) in consumed:
                continue
            if shell and isinstance(argument, (ast.List, ast.Tuple)):
                self._shell_words(argument, scope)
                continue
            for node in ast.walk(argument):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    if node.value.startswith(_PREFIXES):
                        self._prefixed(node.value, module.locate(node.lineno), module, _dotted(call.func))
                    elif shell:
                        self._shell_text(node.value, module, node.lineno)
                elif isinstance(node, ast.Name) and node is argument and module.has_prefix:
                    for value in self.strings(node, scope).values:
                        if value.text.startswith(_PREFIXES):
                            self._prefixed(value.text, value.module.locate(value.line), value.module, _dotted(call.func))

    def _prefixed(self, text: str, location: Location, module: Module, shown: str) -> None:
        _name, kind, _revision, _ = strip_prefix(text, MODEL)
        self.collector.consider(text, kind, location, shown, directory=module.directory, prefixed_only=True)

    def _shell_text(self, text: str, module: Module, line: int) -> None:
        from .container import scan_command_text

        scan_command_text(text, self.collector, lambda _offset: module.locate(line), module.directory, "subprocess")

    def _shell_words(self, argument: ast.List | ast.Tuple, scope: Scope) -> None:
        """`subprocess.run(["huggingface-cli", "download", MODEL])`: each word where it is written."""
        from .container import scan_command_text

        text, starts = "", []
        for element in argument.elts:
            evaluated = self.strings(element, scope)
            value = evaluated.values[0] if len(evaluated.values) == 1 else None
            word = value.text if value is not None else "$UNKNOWN"
            starts.append((len(text), value.module.locate(value.line) if value else scope.module.locate(element.lineno)))
            text += _quote(word) + " "

        def locate(offset: int) -> Location:
            return max((s for s in starts if s[0] <= offset), key=lambda s: s[0], default=starts[0])[1]

        if starts:
            scan_command_text(text, self.collector, locate, scope.module.directory, "subprocess")

    # -- parameters passed on ----------------------------------------------------

    def _add_sink(self, function: Function, parameter: str, slot: Slot, shown: str, site: Location,
                  revisions: list[str | None]) -> None:
        key = (function.key, parameter)
        uses = self.sinks.setdefault(key, [])
        use = (slot, shown, site, revisions)
        if use in uses:
            return
        uses.append(use)
        if len(uses) == 1:
            self._sink_queue.append(key)

    def finish(self) -> None:
        """Analyse every parsed module, then follow parameters into their callers until nothing is new."""
        analysed: set[str] = set()
        searched: set[str] = set()
        resolved: set[tuple] = set()
        self._parse_subclass_files()
        for _round in range(10):
            self._analyse_new(analysed)
            if not self._sink_queue:
                break
            names = set()
            for key in self._sink_queue:
                function = self._function(key[0])
                names.add(function.name)
                if function.klass is not None and function.name == "__init__":
                    names.add(function.klass.name)
            if names - searched:
                self._parse_callers(names - searched)
                searched |= names
                self._analyse_new(analysed)
            queue, self._sink_queue = self._sink_queue, []
            for key in queue:
                self._resolve_sink(key, resolved)

    def _analyse_new(self, analysed: set[str]) -> None:
        for relative, module in list(self.modules.items()):
            if module is not None and relative not in analysed:
                analysed.add(relative)
                self.analyse(module)

    def _function(self, key: tuple[str, str]) -> Function:
        return self.modules[key[0]].functions[key[1]]

    def _parse_subclass_files(self) -> None:
        """Parse the files set aside that subclass a class of a parsed module: `self.X` may read their `X`."""
        names = {k.name.encode() for m in self.modules.values() if m is not None for k in m.classes.values()}
        if not names:
            return
        remaining = []
        for relative, absolute, data in self.pending:
            if b"class" in data and any(not names.isdisjoint(_IDENTIFIER.findall(match.group(1)))
                                        for match in _CLASS_BASES.finditer(data)):
                self._parse(relative, absolute, data)
            else:
                remaining.append((relative, absolute, data))
        self.pending = remaining

    def _parse_callers(self, names: set[str]) -> None:
        """Parse the files set aside (no loader, an id-like string) that mention one of `names`."""
        wanted = {name.encode() for name in names}  # a set, not a regex: the cost must not grow with the names
        remaining = []
        for relative, absolute, data in self.pending:
            if not wanted.isdisjoint(_IDENTIFIER.findall(data)):
                self._parse(relative, absolute, data)
            else:
                remaining.append((relative, absolute, data))
        self.pending = remaining

    def _resolve_sink(self, key: tuple[tuple[str, str], str], resolved: set) -> None:
        """A parameter that reaches a loader: its default, and the argument of every call found."""
        function_key, parameter = key
        function = self._function(function_key)
        uses = self.sinks[key]
        found_any = False
        default = function.defaults.get(parameter)
        if default is not None:
            found_any = True
            self.budget = _BUDGET
            self._propagate(self.strings(default, function.scope.parent or function.scope), uses, None)
        names = {function.name, "__init__"} | ({function.klass.name} if function.klass and function.name == "__init__" else set())
        for name in names:
            for call, scope in self.calls_by_name.get(name, ()):
                if (id(call), key) in resolved:
                    continue
                binding = self._bind(call, scope, function, parameter)
                if binding is None:
                    continue
                resolved.add((id(call), key))
                found_any = True
                argument, site = binding
                if argument is not None:  # None: the default applies, counted above
                    self.budget = _BUDGET
                    self._propagate(self.strings(argument, scope), uses, site)
        if not found_any:
            for slot, shown, site, _revisions in uses:
                self.collector.unknown(
                    site, f"{shown}: the {slot.type} is not statically known "
                          f"(parameter `{parameter}` of `{function.qualname}`, and no call of it was found)"
                )

    def _propagate(self, result: Result, uses: list, call_site: Location | None) -> None:
        for slot, shown, site, revisions in uses:
            self._record(result, slot, shown, site, revisions)
            for function, parameter in result.params:
                self._add_sink(function, parameter, slot, shown, site, revisions)
            if result.unknown and not result.params:
                if call_site is None:  # a parameter's default: said at the loader
                    self._say_unknown(site, shown, slot.type, result)
                else:
                    self._say_unknown(call_site, f"{shown} (through this call)", slot.type, result)

    def _bind(self, call: ast.Call, scope: Scope, function: Function, parameter: str):
        """(the argument for `parameter` or None when the default applies, call site) if `call` calls `function`."""
        target = self._callee(call, scope)
        if target is None or target[0] is not function:
            return None
        skip = target[1]
        site = scope.module.locate(call.lineno)
        for keyword in call.keywords:
            if keyword.arg == parameter:
                return keyword.value, site
            if keyword.arg is None:
                return ast.Name(id="**kwargs", lineno=call.lineno, col_offset=0), site
        positional = function.positional[skip:]
        if parameter in positional:
            index = positional.index(parameter)
            for position, argument in enumerate(call.args):
                if isinstance(argument, ast.Starred):
                    return argument, site
                if position == index:
                    return argument, site
        return None, site

    def _callee(self, call: ast.Call, scope: Scope) -> tuple[Function, int] | None:
        """The project function a call reaches, and how many leading parameters are bound already."""
        func = call.func
        if isinstance(func, ast.Name):
            return self._callable(self._lookup(func.id, scope), 0)
        if not isinstance(func, ast.Attribute):
            return None
        base = func.value
        if isinstance(base, ast.Call) and isinstance(base.func, ast.Name) and base.func.id == "super":
            function = _enclosing_function(scope)
            if function and function.klass:
                for base_expr in function.klass.node.bases:
                    klass = self._class_of(base_expr, function.klass.scope.parent, 0)
                    method = klass and self._method(klass, func.attr)
                    if method:
                        return method, 1
            return None
        if isinstance(base, ast.Name):
            function = _enclosing_function(scope)
            if function and function.klass and function.positional and base.id == function.positional[0]:
                method = self._method(function.klass, func.attr)
                return (method, 0 if method.kind == "staticmethod" else 1) if method else None
            bindings = self._lookup(base.id, scope)
            if bindings and any(b[0] == "import" and b[2] for b in bindings):
                module = self.module_named(next(b[1] for b in bindings if b[0] == "import"))
                if module is not None:
                    return self._callable(module.scope.bindings.get(func.attr), 0)
            if bindings and any(b[0] == "class" for b in bindings):
                klass = next(b[1] for b in bindings if b[0] == "class")
                method = self._method(klass, func.attr)
                return (method, 1 if method.kind == "classmethod" else 0) if method else None
            klass = self._class_of(base, scope, 0)
            if klass is not None:
                method = self._method(klass, func.attr)
                if method:
                    return method, 0 if method.kind == "staticmethod" else 1
        return None

    def _callable(self, bindings: list[tuple] | None, skip: int) -> tuple[Function, int] | None:
        for binding in bindings or ():
            if binding[0] == "def":
                return binding[1], skip
            if binding[0] == "class":
                init = self._method(binding[1], "__init__")
                return (init, 1) if init else None
            if binding[0] == "import" and not binding[2]:
                target = self.resolve_import(binding[1])
                if target is not None:
                    return self._callable(target[0].scope.bindings.get(target[1]), skip)
        return None

    def _method(self, klass: ClassInfo, name: str, seen: set | None = None) -> Function | None:
        seen = seen or set()
        if id(klass) in seen:
            return None
        seen.add(id(klass))
        if name in klass.methods:
            return klass.methods[name]
        for base in klass.node.bases:
            parent = self._class_of(base, klass.scope.parent, 0)
            if parent is not None:
                method = self._method(parent, name, seen)
                if method:
                    return method
        return None


def _calls_super(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Name) and n.id == "super" for n in ast.walk(node))


def _reason(result: Result) -> str:
    reasons = list(dict.fromkeys(result.unknown))
    if result.params and not reasons:
        function, parameter = result.params[0]
        reasons = [f"parameter `{parameter}` of `{function.qualname}`"]
    return "; ".join(reasons[:2]) or "computed at run time"


def _short(node: ast.AST) -> str:
    try:
        text = ast.unparse(node)
    except Exception:  # noqa: BLE001 - only for a message
        return type(node).__name__
    return text if len(text) <= 60 else text[:57] + "..."


def _quote(word: str) -> str:
    return f'"{word}"' if " " in word or not word else word
