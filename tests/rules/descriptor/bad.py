class Positive:
    def __set_name__(self, owner, name):
    #   ^^^^^^^^^^^^ descriptor
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
    #   ^^^^^^^ descriptor
        return getattr(obj, self.name)

    def __set__(self, obj, value):
    #   ^^^^^^^ descriptor
        if value <= 0:
            raise ValueError(value)
        setattr(obj, self.name, value)

    def __delete__(self, obj):
    #   ^^^^^^^^^^ descriptor
        delattr(obj, self.name)
