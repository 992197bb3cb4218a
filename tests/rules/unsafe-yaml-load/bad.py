import yaml
from yaml import load

config = yaml.load(text)
#        ^^^^^^^^^ unsafe-yaml-load
config = yaml.load(text, Loader=yaml.Loader)
#                               ^^^^^^^^^^^ unsafe-yaml-load
config = yaml.load(text, yaml.FullLoader)
#                        ^^^^^^^^^^^^^^^ unsafe-yaml-load
config = load(text, Loader=yaml.UnsafeLoader)
#                          ^^^^^^^^^^^^^^^^^ unsafe-yaml-load
config = yaml.load(text, Loader=yaml.BaseLoader)
#                               ^^^^^^^^^^^^^^^ unsafe-yaml-load
config = load(text)
#        ^^^^ unsafe-yaml-load


# Through import aliases, as ruff's semantic model follows them.
from yaml import load as load_yaml
import yaml as y

config = load_yaml(text, Loader=yaml.Loader)
#                               ^^^^^^^^^^^ unsafe-yaml-load
config = load_yaml(text)
#        ^^^^^^^^^ unsafe-yaml-load
config = y.load(text, Loader=y.FullLoader)
#                            ^^^^^^^^^^^^ unsafe-yaml-load


def read_config(text):
    import yaml as local_yaml

    return local_yaml.load(text)
#          ^^^^^^^^^^^^^^^ unsafe-yaml-load
