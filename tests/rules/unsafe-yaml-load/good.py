import yaml
from yaml import CSafeLoader

config = yaml.safe_load(text)
config = yaml.load(text, Loader=yaml.SafeLoader)
config = yaml.load(text, yaml.CSafeLoader)
config = yaml.load(text, Loader=CSafeLoader)
docs = list(yaml.load_all(stream, yaml.Loader))
danger = yaml.unsafe_load(text)
data = json.load(handle)
state = cache.load("key")
loaded = load(text)
