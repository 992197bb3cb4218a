import yaml

config = yaml.load(text)
#        ^^^^^^^^^ yaml-load
config = yaml.load(text, Loader=yaml.FullLoader)
#        ^^^^^^^^^ yaml-load
docs = list(yaml.load_all(stream, yaml.Loader))
#           ^^^^^^^^^^^^^ yaml-load
danger = yaml.unsafe_load(text)
#        ^^^^^^^^^^^^^^^^ yaml-load
