"""Faster buffers for the generated module's records: the same bytes cross the FFI, written and read
with fewer calls.

uniffi's Python writes a record into a native buffer piece by piece: it allocates the buffer
with one FFI call, grows it with another as each string goes in, and enters a context manager
for every field; it reads a record back field by field from the native memory. For a
``TransferCertificateInput`` that was about 50 µs, and 20 µs for its output, against a core
that spends about 130 µs on the whole call. Here a record is written into a ``bytearray`` and
handed over with one FFI call (``rustbuffer_from_bytes``); a returned buffer is copied out once,
freed, and read with precompiled ``struct`` formats. Every FFI call also makes its status record
with one constructor instead of two.

The generated module looks these names up when it runs, so replacing them here changes every
converter at once; the serialized form, the checks before lowering and the errors raised are
uniffi's own. Applied only when the generated module has every name it replaces (uniffi is pinned,
``=0.32.2``; a test asserts ``APPLIED``), else the module is left as generated.
"""

import ctypes
import importlib
import struct
from typing import Any, Callable, Tuple

_module: Any = importlib.import_module(".iot_transfer.iot_transfer", __name__.rpartition(".")[0])

_REPLACED = (
    "_UniffiRustBuffer", "_UniffiRustBufferBuilder", "_UniffiRustBufferStream", "_UniffiConverterRustBuffer",
    "_UniffiRustCallStatus", "_UniffiForeignBytes", "_uniffi_rust_call_with_error", "_uniffi_check_call_status",
    "_UniffiLib", "InternalError",
)

def _packer(form: str) -> Callable[[Any, Any], None]:
    pack = struct.Struct(form).pack

    def write(self: "_Builder", value: Any) -> None:
        self.data += pack(value)

    return write


def _reader(form: str) -> Callable[[Any], Any]:
    compiled = struct.Struct(form)
    unpack_from, size = compiled.unpack_from, compiled.size

    def read(self: "_Stream") -> Any:
        offset = self.offset
        if offset + size > self.len:
            raise _module.InternalError("read past end of rust buffer")
        self.offset = offset + size
        return unpack_from(self.data, offset)[0]

    return read


_FORMATS: Tuple[Tuple[str, str], ...] = (
    ("i8", ">b"), ("u8", ">B"), ("i16", ">h"), ("u16", ">H"), ("i32", ">i"), ("u32", ">I"),
    ("i64", ">q"), ("u64", ">Q"), ("float", ">f"), ("double", ">d"), ("c_size_t", "@N"),
)


class _Builder:
    """``_UniffiRustBufferBuilder``'s interface over a ``bytearray``."""

    __slots__ = ("data",)

    def __init__(self) -> None:
        self.data = bytearray()

    def write(self, value: bytes) -> None:
        self.data += value

    def finalize(self) -> Any:
        """The bytes as a native buffer, in one FFI call."""
        data = bytes(self.data)
        foreign = _module._UniffiForeignBytes()
        foreign.len = len(data)
        if data:
            foreign.data = ctypes.cast(ctypes.c_char_p(data), ctypes.POINTER(ctypes.c_char))
        return _module._uniffi_rust_call_with_error(None, _module._UniffiLib.ffi_iot_transfer_uniffi_rustbuffer_from_bytes, foreign)

    def discard(self) -> None:
        """Nothing native is held before ``finalize``."""


class _Stream:
    """``_UniffiRustBufferStream``'s interface over a copy of the buffer's bytes."""

    __slots__ = ("data", "len", "offset")

    def __init__(self, data: Any, length: int) -> None:
        self.data = ctypes.string_at(data, length) if length else b""
        self.len = length
        self.offset = 0

    @classmethod
    def from_rust_buffer(cls, buf: Any) -> "_Stream":
        return cls(buf.data, buf.len)

    def remaining(self) -> int:
        return self.len - self.offset

    def read(self, size: int) -> bytes:
        offset = self.offset
        if offset + size > self.len:
            raise _module.InternalError("read past end of rust buffer")
        self.offset = offset + size
        return self.data[offset : offset + size]


for _name, _form in _FORMATS:
    setattr(_Builder, "write_" + _name, _packer(_form))
    setattr(_Stream, "read_" + _name, _reader(_form))


def _lift(cls: Any, rbuf: Any) -> Any:
    """A returned buffer's value: its bytes copied out, the buffer freed, then read."""
    try:
        stream = _Stream(rbuf.data, rbuf.len)
    finally:
        rbuf.free()
    value = cls.read(stream)
    if stream.remaining() != 0:
        raise RuntimeError(f"junk data left in buffer at end of consume_with_stream {stream.remaining()}")
    return value


def _lower(cls: Any, value: Any) -> Any:
    builder = _Builder()
    cls.write(value, builder)
    return builder.finalize()


def _rust_call_with_error(error_ffi_converter: Any, fn: Any, *args: Any) -> Any:
    """The generated function's work, its status record made by one constructor (zeroed: success,
    an empty buffer)."""
    call_status = _module._UniffiRustCallStatus()
    result = fn(*args, ctypes.byref(call_status))
    if call_status.code:
        _module._uniffi_check_call_status(error_ffi_converter, call_status)
    return result


def _apply() -> bool:
    if not all(hasattr(_module, name) for name in _REPLACED):
        return False
    if not hasattr(_module._UniffiLib, "ffi_iot_transfer_uniffi_rustbuffer_from_bytes"):
        return False
    _module._UniffiRustBufferBuilder = _Builder
    _module._UniffiRustBufferStream = _Stream
    _module._UniffiConverterRustBuffer.lift = classmethod(_lift)
    _module._UniffiConverterRustBuffer.lower = classmethod(_lower)
    _module._uniffi_rust_call_with_error = _rust_call_with_error
    return True


APPLIED = _apply()
"""Whether the generated module's buffers were replaced."""
