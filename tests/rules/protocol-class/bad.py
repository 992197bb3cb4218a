import typing
from typing import Protocol, TypeVar

import typing_extensions

T = TypeVar("T", covariant=True)


class SupportsClose(Protocol):
#     ^^^^^^^^^^^^^ protocol-class
    def close(self) -> None: ...


class Named(typing.Protocol):
#     ^^^^^ protocol-class
    name: str


class Source(Protocol[T]):
#     ^^^^^^ protocol-class
    def read(self) -> T: ...


class Sized(typing_extensions.Protocol):
#     ^^^^^ protocol-class
    def __len__(self) -> int: ...
