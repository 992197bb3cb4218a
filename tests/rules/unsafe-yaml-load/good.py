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


# Aliases ruff does not follow: shadowed, or visible elsewhere only.
from yaml import load as load_yaml


def parse(load_yaml):
    return load_yaml(text)


def parse_again():
    load_yaml = json_loads
    return load_yaml(text)


def scoped():
    import yaml as inner

    return inner.safe_load(text)


config = inner.load(text)
safe = load_yaml(text, Loader=yaml.SafeLoader)
