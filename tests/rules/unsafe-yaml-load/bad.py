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
