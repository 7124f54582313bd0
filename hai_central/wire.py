"""The contract's wire shapes as the hub's pydantic models, validators and OpenAPI schema.

One place turns ``hai_contract`` into what FastAPI needs:

- ``Time``: an RFC 3339 time with an offset, strictly (a number is not a time; a time that
  leaves the calendar in UTC is refused), as an aware UTC ``datetime``;
- ``Strict``/``StrictOpen``: request models without coercion (``0`` is not ``false``);
- ``model_from_shape``: a pydantic model (and so the OpenAPI schema) built from a
  :class:`hai_contract.shapes.Shape` — ``InquiryIn`` is ``model_from_shape(INQUIRY)``;
- ``validate_item``: one pushed item checked by the contract's own validator, answering the
  field and the error code (the batch's per-item ``rejected``);
- ``install_openapi``: the document states that no text may carry NUL, and holds every
  component a ``$ref`` names.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, WithJsonSchema, create_model
from pydantic import Field as PField

from hai_contract import checks, limits
from hai_contract import shapes as sh
from hai_contract.inquiry import INQUIRY

NO_NUL = limits.TEXT_PATTERN


def _strict_time(value: Any) -> datetime:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value
    try:
        return checks.parse_time(value)
    except ValueError as exc:
        raise ValueError("an RFC 3339 time with an offset (2026-11-26T08:15:00Z)") from exc


TIME_SCHEMA = {"type": "string", "format": "date-time", "pattern": limits.TIME_PATTERN}
Time = Annotated[datetime, BeforeValidator(_strict_time), WithJsonSchema(TIME_SCHEMA)]
# A UUID on the wire is text; the hub's own callers (the CLI) may hand a uuid.UUID. The
# pattern comes before the validator: after it, pydantic leaves it out of the JSON schema.
Uuid = Annotated[
    str,
    PField(pattern=limits.UUID_PATTERN),
    BeforeValidator(lambda v: str(v) if isinstance(v, uuid.UUID) else v),
]


def _whole_number(value: Any) -> Any:
    # JSON Schema's "integer" is any number without a fraction: 5.0 is one. Strict pydantic
    # would refuse it; "5", true and 5.5 stay refused.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def Int(minimum: int | None = None, maximum: int | None = None) -> Any:  # noqa: N802
    """A strict integer (5.0 counts, "5" and true do not) within the bounds; the bounds in
    the type itself, so that an optional one keeps them in the document."""
    return Annotated[int, PField(ge=minimum, le=maximum), BeforeValidator(_whole_number)]


def codes_type(values: tuple[Any, ...]) -> Any:
    """A Literal of the contract's codes (the document's enum)."""
    return Literal[tuple(values)]  # type: ignore[valid-type]


class Strict(BaseModel):
    """A request model: no coercion, unknown fields refused."""

    model_config = ConfigDict(strict=True, extra="forbid")


# What a field the contract does not name may hold: any JSON without NUL, in names too
# (the edge refuses NUL anywhere: PostgreSQL cannot store it).
EXTRA_REF = "#/components/schemas/ExtraValue"
EXTRA_VALUE = {
    "description": "A field the contract does not name: any JSON without NUL characters",
    "anyOf": [
        {"type": "string", "pattern": NO_NUL},
        {"type": ["number", "boolean", "null"]},
        {"type": "array", "items": {"$ref": EXTRA_REF}},
        {
            "type": "object",
            "propertyNames": {"pattern": NO_NUL},
            "additionalProperties": {"$ref": EXTRA_REF},
        },
    ],
}


class StrictOpen(BaseModel):
    """A request model that may carry more fields than listed (API.md); no coercion. (The
    document gives its extra fields the schema ``ExtraValue``: see ``_no_nul``.)"""

    model_config = ConfigDict(strict=True, extra="allow")


# ---------------------------------------------------------------- shapes -> models


def _field_type(f: sh.Field) -> tuple[Any, dict[str, Any]]:
    kw: dict[str, Any] = {}
    if f.description:
        kw["description"] = f.description
    if f.kind in (sh.TEXT, sh.CODE):
        if f.codes is not None:
            return codes_type(f.codes), kw
        if f.max_length is not None:
            kw["max_length"] = f.max_length
        if f.required:
            kw["min_length"] = 1
        kw["pattern"] = f.pattern or (limits.REQUIRED_TEXT_PATTERN if f.required else NO_NUL)
        return str, kw
    if f.kind == sh.UUID:
        return Uuid, kw
    if f.kind == sh.TIME:
        return Time, kw
    if f.kind == sh.INT:
        return Int(f.minimum, f.maximum), kw
    if f.kind == sh.NUMBER:
        kw.update(ge=f.minimum, le=f.maximum, allow_inf_nan=False)
        return float, kw
    if f.kind == sh.BOOL:
        return bool, kw
    item: Any = Uuid
    if f.kind == sh.TEXT_LIST:
        item = Annotated[str, PField(max_length=f.item_max_length, pattern=NO_NUL)]
    kw["max_length"] = f.max_length
    return list[item], kw


def model_from_shape(shape: sh.Shape, name: str, prefix: str = "") -> type[BaseModel]:
    """A pydantic model of ``shape`` (the object at ``prefix``; "" = the record)."""
    fields: dict[str, Any] = {}
    for member in shape.children(prefix):
        path = f"{prefix}.{member}" if prefix else member
        if path in shape.objects():
            sub = model_from_shape(shape, name + member.title().replace("_", ""), path)
            if shape.object_required(path):
                fields[member] = (sub, ...)
            else:
                fields[member] = (sub | None, None)
            continue
        f = shape.field(path)
        typ, kw = _field_type(f)
        if f.required:
            fields[member] = (typ, PField(**kw))
        else:
            fields[member] = (typ | None, PField(default=None, **kw))
    extra: dict[str, Any] = {}
    if not prefix and shape.schema_rules:
        extra["allOf"] = list(shape.schema_rules)
    config = ConfigDict(
        strict=True,
        extra="allow" if shape.open else "forbid",
        json_schema_extra=extra or None,
        title=name,
    )
    return create_model(name, __config__=config, **fields)


InquiryIn = model_from_shape(INQUIRY, "InquiryIn")


# ---------------------------------------------------------------- per-item validation


def validate_item(
    shape: sh.Shape, raw: Any, data_codes: Mapping[str, Any] | None = None
) -> dict[str, str]:
    """Wire path -> error code for one pushed item (empty: valid): the shape's fields and
    rules, NUL anywhere, and the size caps."""
    if not isinstance(raw, Mapping):
        return {"": "wrong_type"}
    errors = shape.validate(raw, data_codes=data_codes)
    if errors:
        return errors
    where = checks.nul_path(raw)
    if where:
        return {where: "contains_nul"}
    return sh.within_size(raw, shape)


# ---------------------------------------------------------------- the document


def _no_nul(node: Any) -> None:
    """Every text schema without a pattern, an enum or a binary format gets ``NO_NUL``; an
    object open to more fields gets ``ExtraValue`` for them, and names without NUL."""
    if isinstance(node, dict):
        if node.get("additionalProperties") is True:
            node["additionalProperties"] = {"$ref": EXTRA_REF}
            node["propertyNames"] = {"pattern": NO_NUL}
        if (
            node.get("type") == "string"
            and "pattern" not in node
            and "enum" not in node
            and "const" not in node
            and node.get("format") not in ("binary", "date-time", "date")
        ):
            node["pattern"] = NO_NUL
        for value in node.values():
            _no_nul(value)
    elif isinstance(node, list):
        for value in node:
            _no_nul(value)


def install_openapi(app: Any) -> None:
    """Make ``app.openapi()`` add the contract's components and the NUL rule."""
    from fastapi.openapi.utils import get_openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        doc = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        from hai_central.api.deps import document_roles  # the routes' roles (no cycle)

        document_roles(getattr(app.state, "routers", ()), doc)
        components = doc.setdefault("components", {}).setdefault("schemas", {})
        inquiry = InquiryIn.model_json_schema(ref_template="#/components/schemas/{model}")
        for name, sub in inquiry.pop("$defs", {}).items():
            components.setdefault(name, sub)
        components["InquiryIn"] = inquiry
        components["ExtraValue"] = EXTRA_VALUE
        _no_nul(doc)
        app.openapi_schema = doc
        return doc

    app.openapi = openapi
