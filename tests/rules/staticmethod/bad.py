class Maths:
    @staticmethod
    #^^^^^^^^^^^^ staticmethod
    def add(a, b):
        return a + b

    @builtins.staticmethod
    #^^^^^^^^^^^^^^^^^^^^^ staticmethod
    def sub(a, b):
        return a - b
