class Point:
    def __init__(self, x, y):
    #   ^^^^^^^^ dunder-init
        self.x = x
        self.y = y


class Point3D(Point):
    def __init__(self, x, y, z):
    #   ^^^^^^^^ dunder-init
        super().__init__(x, y)
        self.z = z
