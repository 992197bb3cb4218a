class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)

    def __getattr__(self, name):
       #^^^^^^^^^^^ attribute-hooks
        return getattr(self._target, name)

    def __setattr__(self, name, value):
       #^^^^^^^^^^^ attribute-hooks
        setattr(self._target, name, value)


class Audited:
    @staticmethod
    def __getattribute__(name):
       #^^^^^^^^^^^^^^^^ attribute-hooks
        return name
