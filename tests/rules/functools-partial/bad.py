import functools
from functools import partial

to_int = functools.partial(int, base=2)
#        ^^^^^^^^^^^^^^^^^ functools-partial
square = partial(pow, exp=2)
#        ^^^^^^^ functools-partial


class Cell:
    set_alive = functools.partialmethod(set_state, True)
    #           ^^^^^^^^^^^^^^^^^^^^^^^ functools-partial
