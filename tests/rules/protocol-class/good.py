from abc import ABC

from network import Protocol as WireProtocol


class File:  # implements SupportsClose structurally: no base needed
    def close(self) -> None:
        pass


class Handler(WireProtocol):  # another library's Protocol class
    pass


class Plugin(ABC):
    pass


class Wire(Protocol):  # `Protocol` here is not imported from typing
    pass
