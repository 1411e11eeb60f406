"""Calling the generated client: every error it raises comes out as the face's class for its kind,
naming the operation (``exceptions``), the generated error's traceback left out."""

from typing import Any, Awaitable, Callable, Optional

from ._errors import translate


def blocking(function: Callable[..., Any], arguments: Any, operation_name: Optional[str]) -> Any:
    """``function(*arguments)``, its error translated."""
    try:
        return function(*arguments)
    except Exception as error:
        translated = translate(error, operation_name)
        if translated is error:
            raise
        raise translated from None


async def awaited(function: Callable[..., Awaitable[Any]], arguments: Any, operation_name: Optional[str]) -> Any:
    """``await function(*arguments)``, its error translated."""
    try:
        return await function(*arguments)
    except Exception as error:
        translated = translate(error, operation_name)
        if translated is error:
            raise
        raise translated from None
