import pickle

# Unpickling is the bug risk pickle-load, not this concept.
restored = pickle.loads(blob)
with open("state.pkl", "rb") as handle:
    state = pickle.load(handle)
protocol = pickle.HIGHEST_PROTOCOL
data = json.dumps(state)
state = cache.load("key")
