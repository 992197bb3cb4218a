class Singleton:
    _instance = None

    def __new__(cls, *args, **kwargs):
    #   ^^^^^^^ dunder-new
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance


class Meta(type):
    def __new__(mcs, name, bases, namespace):
    #   ^^^^^^^ dunder-new
        return super().__new__(mcs, name, bases, namespace)
