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


class Model(Base, metaclass=ModelMeta):
#     ^^^^^ inheritance
    pass
