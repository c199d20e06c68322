"""The checks every request model of the gateway gets: good input passes, unknown fields and bad values
are refused with the field named."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ValidationError


def accepts(model: type[BaseModel], good: dict[str, Any]) -> None:
    model.model_validate(good)


def refuses_unknown(model: type[BaseModel], good: dict[str, Any], extra: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as error:
        model.model_validate(good | extra)
    assert error.value.errors()[0]["type"] == "extra_forbidden"


def refuses(model: type[BaseModel], good: dict[str, Any], field: str, value: Any, type_: str) -> None:
    with pytest.raises(ValidationError) as error:
        model.model_validate(good | {field: value})
    errors = error.value.errors()
    assert errors[0]["type"] == type_, errors
    assert errors[0]["loc"][0] == field


def refuses_missing(model: type[BaseModel], good: dict[str, Any]) -> None:
    """Each required field, left out, is refused by name."""
    for name in [name for name, info in model.model_fields.items() if info.is_required()]:
        with pytest.raises(ValidationError) as error:
            model.model_validate({k: v for k, v in good.items() if k != name})
        assert error.value.errors()[0]["type"] == "missing"
        assert error.value.errors()[0]["loc"] == (name,)
