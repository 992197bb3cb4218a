class Animal:
    def speak(self):
        return "..."


class Dog(Animal):
#     ^^^ inheritance
    def speak(self):
        return "Woof"


class Handler(logging.Handler):
#     ^^^^^^^ inheritance
    pass


class Color(Enum):
#     ^^^^^ inheritance
    RED = 1


class Model(Base, metaclass=ModelMeta):
#     ^^^^^ inheritance
    pass
