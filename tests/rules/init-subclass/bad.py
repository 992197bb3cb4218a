class Plugin:
    registry = {}

    def __init_subclass__(cls, name, **kwargs):
       #^^^^^^^^^^^^^^^^^ init-subclass
        super().__init_subclass__(**kwargs)
        Plugin.registry[name] = cls
