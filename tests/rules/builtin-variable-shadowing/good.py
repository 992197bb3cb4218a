items = [1, 2, 3]


class Config:
    type = "json"
    format: str = "yaml"

    def id(self):
        return 1

    def input(self):
        return self.id()


def process(list, *filter, **dict):
    return list


import json as open
from os import path as str

match command:
    case {"id": id}:
        pass

obj.list = []
values[len] = 1
__doc__ = "module"
__name__ = "main"
