import functools
from functools import singledispatch


@singledispatch
#^^^^^^^^^^^^^^ singledispatch
def render(value):
    return str(value)


class Formatter:
    @functools.singledispatchmethod
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ singledispatch
    def format(self, value):
        return str(value)
