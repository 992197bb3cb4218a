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
