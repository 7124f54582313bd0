"""Wire shapes as data: the fields of a record type, their kinds and limits, checked by one
validator that the desk (before anything is queued) and the hub (the authority) both run.

A shape names each field by its wire path (``visitor.satker_code``) and by its flat name
(``satker_code``): the name the desk's table and form use. ``to_wire``/``from_wire`` turn
one into the other, so no program writes the field list out by hand. The hub also builds
its pydantic models (and so its OpenAPI document) from the same shapes
(``hai_central/wire.py``).

Error codes (what a field's problem is; the words belong to the GUI, the CLI, the hub):
``required``, ``wrong_type``, ``too_long``, ``unknown_code``, ``invalid`` (pattern),
``out_of_range``, ``contains_nul``, and per-field ones a field names (``satker_invalid``,
``phone_invalid``, ``email_invalid``, ``time_invalid``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from hai_contract import checks, limits
from hai_contract.emails import valid_email

TEXT = "text"
CODE = "code"
UUID = "uuid"
TIME = "time"
INT = "int"
NUMBER = "number"  # int or float, finite (the clock offset in seconds)
BOOL = "bool"
TEXT_LIST = "text_list"
UUID_LIST = "uuid_list"
KINDS = (TEXT, CODE, UUID, TIME, INT, NUMBER, BOOL, TEXT_LIST, UUID_LIST)


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a wire shape."""

    path: str  # dotted wire path, e.g. "visitor.name"
    kind: str  # one of KINDS
    required: bool = False
    max_length: int | None = None  # text: characters; lists: items
    item_max_length: int | None = None  # text lists: characters per item
    pattern: str | None = None
    codes: tuple[Any, ...] | None = None  # the allowed codes (None: any, or data-defined)
    data_codes: str | None = None  # reference list whose codes are allowed ("applications")
    minimum: int | None = None
    maximum: int | None = None
    check: str | None = None  # a named check: "phone", "email"
    invalid: str = "invalid"  # the error code when the pattern or the check fails
    flat: str = ""  # the flat (table/form) name; default: the path with "." -> "_"
    description: str = ""

    @property
    def name(self) -> str:
        return self.path.rsplit(".", 1)[-1]

    @property
    def flat_name(self) -> str:
        return self.flat or self.path.replace(".", "_")

    @property
    def parent(self) -> str:
        return self.path.rsplit(".", 1)[0] if "." in self.path else ""


Rule = Callable[[Mapping[str, Any]], dict[str, str]]


@dataclass(frozen=True)
class Shape:
    """The wire form of one record type: fields plus the rules that join fields."""

    name: str
    fields: tuple[Field, ...]
    rules: tuple[Rule, ...] = ()
    # JSON Schema fragments stating the rules (``if``/``then``) for the OpenAPI document.
    schema_rules: tuple[dict[str, Any], ...] = ()
    open: bool = True  # a payload may carry more fields than listed (API.md)
    _by_path: dict[str, Field] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for f in self.fields:
            self._by_path[f.path] = f

    def field(self, path: str) -> Field:
        return self._by_path[path]

    def paths(self) -> list[str]:
        return [f.path for f in self.fields]

    def objects(self) -> list[str]:
        """The nested objects' paths, outermost first (``visitor``, ``basis``)."""
        seen: list[str] = []
        for f in self.fields:
            parts = f.path.split(".")[:-1]
            for depth in range(1, len(parts) + 1):
                prefix = ".".join(parts[:depth])
                if prefix not in seen:
                    seen.append(prefix)
        return seen

    def object_required(self, prefix: str) -> bool:
        return any(f.required and f.path.startswith(prefix + ".") for f in self.fields)

    def children(self, prefix: str) -> list[str]:
        """The direct member names of object ``prefix`` ("" = the top level)."""
        out: list[str] = []
        for f in self.fields:
            parent = f.parent
            if parent == prefix:
                out.append(f.name)
            elif prefix == "" or parent.startswith(prefix + "."):
                rest = parent[len(prefix) + 1 :] if prefix else parent
                head = rest.split(".")[0]
                if head and head not in out:
                    out.append(head)
        return out

    # --- flat <-> wire

    def to_wire(self, flat: Mapping[str, Any]) -> dict[str, Any]:
        """The wire JSON of a flat record; optional fields that are empty are left out."""
        wire: dict[str, Any] = {}
        for f in self.fields:
            value = flat.get(f.flat_name)
            if f.kind in (TEXT_LIST, UUID_LIST):
                value = [str(x) for x in value or []]
                if not value and not f.required and f.parent == "":
                    continue
            elif value in (None, "") and not f.required:
                continue
            target = wire
            for part in f.path.split(".")[:-1]:
                target = target.setdefault(part, {})
            target[f.name] = value
        return wire

    def from_wire(self, wire: Mapping[str, Any]) -> dict[str, Any]:
        """The flat record of a wire item (absent fields: None, lists: [])."""
        flat: dict[str, Any] = {}
        for f in self.fields:
            value = get_path(wire, f.path)
            if f.kind in (TEXT_LIST, UUID_LIST):
                value = [str(x) for x in value] if isinstance(value, list) else []
            flat[f.flat_name] = value
        return flat

    def unknown(self, wire: Mapping[str, Any]) -> dict[str, Any]:
        """The fields of ``wire`` (and of its nested objects) the shape does not name, by
        dotted path."""
        out: dict[str, Any] = {}

        def walk(obj: Mapping[str, Any], prefix: str) -> None:
            names = set(self.children(prefix))
            for key, value in obj.items():
                path = f"{prefix}.{key}" if prefix else str(key)
                if key not in names:
                    out[path] = value
                elif path in self.objects() and isinstance(value, Mapping):
                    walk(value, path)

        walk(wire, "")
        return out

    # --- validation

    def validate(
        self,
        wire: Mapping[str, Any],
        *,
        only: Iterable[str] | None = None,
        data_codes: Mapping[str, Iterable[str]] | None = None,
    ) -> dict[str, str]:
        """Wire path -> error code for every problem of ``wire`` (empty: valid).

        ``only``: check just these paths (the desk checks what its form edits; the rest it
        fills in itself). ``data_codes``: the codes of reference lists (``applications``)
        that fields with ``data_codes`` must use; a list not given is not checked.
        """
        wanted = set(only) if only is not None else None
        errors: dict[str, str] = {}
        if not isinstance(wire, Mapping):
            return {"": "wrong_type"}
        for prefix in self.objects():
            value = get_path(wire, prefix)
            if value is not None and not isinstance(value, Mapping):
                errors[prefix] = "wrong_type"
            elif value is None and self.object_required(prefix) and wanted is None:
                errors[prefix] = "required"
        for f in self.fields:
            if wanted is not None and f.path not in wanted:
                continue
            if f.parent and f.parent in errors:
                continue
            code = check_field(f, get_path(wire, f.path), data_codes or {})
            if code:
                errors[f.path] = code
        if not errors:
            for rule in self.rules:
                for path, code in rule(wire).items():
                    if wanted is None or path in wanted:
                        errors.setdefault(path, code)
        return errors


def get_path(obj: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(obj, Mapping):
            return None
        obj = obj.get(part)
    return obj


def _text_problem(f: Field, value: Any, max_length: int | None) -> str | None:
    if not isinstance(value, str):
        return "wrong_type"
    if "\x00" in value:
        return "contains_nul"
    if max_length is not None and len(value) > max_length:
        return "too_long"
    return None


def check_field(f: Field, value: Any, data_codes: Mapping[str, Iterable[str]]) -> str | None:
    """The error code of one field's value, or None."""
    if value is None or (f.kind in (TEXT, CODE) and isinstance(value, str) and not value.strip()):
        return "required" if f.required else None
    if f.kind in (TEXT_LIST, UUID_LIST):
        if not isinstance(value, list):
            return "wrong_type"
        if f.max_length is not None and len(value) > f.max_length:
            return "too_long"
        for item in value:
            if f.kind == UUID_LIST:
                if not checks.valid_uuid(item):
                    return "wrong_type" if not isinstance(item, str) else f.invalid
            else:
                problem = _text_problem(f, item, f.item_max_length)
                if problem:
                    return problem
        return None
    if f.kind == INT:
        if isinstance(value, bool) or not isinstance(value, int):
            return "wrong_type"
        if (f.minimum is not None and value < f.minimum) or (
            f.maximum is not None and value > f.maximum
        ):
            return "out_of_range"
        return None
    if f.kind == NUMBER:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return "wrong_type"
        if value != value or value in (float("inf"), float("-inf")):
            return "out_of_range"
        if (f.minimum is not None and value < f.minimum) or (
            f.maximum is not None and value > f.maximum
        ):
            return "out_of_range"
        return None
    if f.kind == BOOL:
        return None if isinstance(value, bool) else "wrong_type"
    if f.kind == UUID:
        if not isinstance(value, str):
            return "wrong_type"
        return None if checks.valid_uuid(value) else f.invalid
    if f.kind == TIME:
        if not isinstance(value, str):
            return "wrong_type"
        try:
            checks.parse_time(value)
        except ValueError:
            return f.invalid
        return None
    problem = _text_problem(f, value, f.max_length)
    if problem:
        return problem
    if f.kind == CODE:
        if f.codes is not None and value not in f.codes:
            return "unknown_code"
        known = data_codes.get(f.data_codes) if f.data_codes else None
        if known is not None and value not in set(known):
            return "unknown_code"
    if f.pattern and re.match(f.pattern, value) is None:
        return f.invalid
    if f.check == "phone" and not checks.valid_phone(value):
        return f.invalid
    if f.check == "email" and not valid_email(value):
        return f.invalid
    return None


def within_size(wire: Mapping[str, Any], shape: Shape) -> dict[str, str]:
    """Size caps beyond the text limits: unknown fields (their bytes and their depth) and the
    whole item (its bytes beyond what the text fields take). Path -> error code."""
    unknown = shape.unknown(wire)
    if unknown:
        if checks.json_depth(unknown) > limits.JSON_DEPTH_MAX:
            return {next(iter(unknown)): "too_deep"}
        if checks.json_bytes(unknown) > limits.UNKNOWN_FIELDS_BYTES_MAX:
            return {next(iter(unknown)): "too_large"}
    texts = 0
    for f in shape.fields:
        if f.kind == TEXT:
            value = get_path(wire, f.path)
            if isinstance(value, str):
                texts += len(value.encode("utf-8")) * 2  # JSON escapes at most double a byte
    if checks.json_depth(wire) > limits.JSON_DEPTH_MAX:
        return {"": "too_deep"}
    if checks.json_bytes(wire) > texts + limits.ITEM_EXTRA_BYTES_MAX:
        return {"": "too_large"}
    return {}
