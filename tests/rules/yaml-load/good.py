import yaml

# Unsafe yaml.load calls are the bug risk unsafe-yaml-load, not this concept.
config = yaml.load(text)
config = yaml.load(text, Loader=yaml.FullLoader)
data = json.load(handle)
text = yaml.dump(config)
