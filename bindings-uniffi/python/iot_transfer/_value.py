"""The bases of the face's values (``values.py``, generated from the core's declarations): a
status is a ``WireEnum``, a record a ``Value``, the metadata of a call a ``MetadataValue`` and an
enum's variant a ``VariantValue``. What they share is written here once: how a value prints, and
``to_dict()``, the value as boto3 returns it (the model's member names, absent members left out,
statuses as their text, timestamps as ``datetime``, a call's metadata as boto3's
``ResponseMetadata``)."""

import enum
from typing import Any, ClassVar, Dict, Iterable, cast


class WireEnum(str, enum.Enum):
    """A value the service sends as text: each member is its text (``CertificateStatus.ACTIVE ==
    "ACTIVE"``, the same hash, ``str()`` and formatting), so code written against boto3's strings
    works unchanged. A value this version does not know comes as a plain ``str``."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"


def plain(value: Any) -> Any:
    """``value`` as boto3 would give it: a face value as its dict, a list of them as a list of
    dicts, a status as its text; anything else as it is."""
    if isinstance(value, Value):
        return value.to_dict()
    if isinstance(value, list):
        return [plain(item) for item in cast(Iterable[Any], value)]
    if isinstance(value, WireEnum):
        return str(value.value)
    return value


class Value:
    """A record the core returns, as a frozen dataclass: compared by value, printed with its
    fields (no record the core returns holds a secret)."""

    _WIRE: ClassVar[Dict[str, str]] = {}
    """Each member's name in ``to_dict()``, by its attribute's name."""

    def to_dict(self) -> Dict[str, Any]:
        """The record with the model's member names, as boto3 returns it; absent members are
        left out."""
        members: Dict[str, Any] = {}
        for name, wire in self._WIRE.items():
            value = getattr(self, name)
            if value is not None:
                members[wire] = plain(value)
        return members


class MetadataValue(Value):
    """How a call went; ``to_dict()`` gives it as boto3's ``ResponseMetadata``: ``RequestId``,
    ``HTTPStatusCode``, ``RetryAttempts`` (attempts after the first), and ``Reconciled: True`` when
    a check of the certificate's state settled the outcome (boto3 has no such answer). The
    response's headers are not kept, so there is no ``HTTPHeaders``."""

    def to_dict(self) -> Dict[str, Any]:
        """The metadata as boto3's ``ResponseMetadata``."""
        metadata: Dict[str, Any] = {}
        request_id = getattr(self, "request_id")
        if request_id is not None:
            metadata["RequestId"] = request_id
        metadata["HTTPStatusCode"] = getattr(self, "http_status")
        metadata["RetryAttempts"] = max(int(getattr(self, "attempts")) - 1, 0)
        if getattr(self, "reconciled"):
            metadata["Reconciled"] = True
        return metadata


class VariantValue(Value):
    """A variant of an enum the core returns: a record whose ``type`` is the variant's name
    (``"PoliciesAttached"``); ``to_dict()`` gives ``type`` and the variant's members."""

    type: ClassVar[str] = ""
    """The variant's name, as the core and the npm package name it."""

    def to_dict(self) -> Dict[str, Any]:
        """The variant as ``{"type": name, ...its members}``."""
        return {"type": self.type, **super().to_dict()}
