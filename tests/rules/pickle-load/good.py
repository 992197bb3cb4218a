import json
import pickle

blob = pickle.dumps(state)
with open("state.pkl", "wb") as handle:
    pickle.dump(state, handle)
data = json.loads(text)
state = cache.load("key")
protocol = pickle.HIGHEST_PROTOCOL
restored = loads(blob)


# A parameter or local named like the alias is not the import.
from pickle import loads as unpickle


def restore(unpickle):
    return unpickle(blob)


def restore_again():
    unpickle = json.loads
    return unpickle(blob)
