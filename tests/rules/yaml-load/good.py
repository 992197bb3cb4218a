import yaml

config = yaml.safe_load(text)
config = yaml.load(text, Loader=yaml.SafeLoader)
config = yaml.load(text, Loader=yaml.CSafeLoader)
docs = yaml.load_all(stream, yaml.SafeLoader)
data = json.load(handle)
