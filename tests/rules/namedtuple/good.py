from dataclasses import dataclass


@dataclass
class Point:
    x: int


point = (1, 2)


class Named(Tuple):
    pass
