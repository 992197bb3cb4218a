class Registry(type):
#     ^^^^^^^^ metaclass
    classes = []

    def __new__(mcs, name, bases, namespace):
        cls = super().__new__(mcs, name, bases, namespace)
        mcs.classes.append(cls)
        return cls


class Plugin(metaclass=Registry):
#                      ^^^^^^^^ metaclass
    pass


class Model(Base, metaclass=orm.ModelMeta):
#                           ^^^^^^^^^^^^^ metaclass
    pass
