import abc
from abc import ABC


class Plugin(ABC):
#     ^^^^^^ abstract-base-class-without-abstract-method
    def run(self):
        raise NotImplementedError


class Storage(metaclass=abc.ABCMeta):
#     ^^^^^^^ abstract-base-class-without-abstract-method
    def save(self, data):
        pass


# Through import aliases.
from abc import ABC as Base, ABCMeta as Meta
import abc as a


class Exporter(Base):
#     ^^^^^^^^ abstract-base-class-without-abstract-method
    def export(self):
        pass


class Importer(metaclass=Meta):
#     ^^^^^^^^ abstract-base-class-without-abstract-method
    def load(self):
        pass


class Reader(a.ABC):
#     ^^^^^^ abstract-base-class-without-abstract-method
    def read(self):
        pass
