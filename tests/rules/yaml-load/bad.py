import yaml

config = yaml.safe_load(text)
#        ^^^^^^^^^^^^^^ yaml-load
config = yaml.load(text, Loader=yaml.SafeLoader)
#        ^^^^^^^^^ yaml-load
docs = list(yaml.load_all(stream, yaml.Loader))
#           ^^^^^^^^^^^^^ yaml-load
danger = yaml.unsafe_load(text)
#        ^^^^^^^^^^^^^^^^ yaml-load

# Through import aliases.
import yaml as y

config = y.safe_load(text)
#        ^^^^^^^^^^^ yaml-load
