import json
import pickle

blob = pickle.dumps(state)
with open("state.pkl", "wb") as handle:
    pickle.dump(state, handle)
data = json.loads(text)
state = cache.load("key")
protocol = pickle.HIGHEST_PROTOCOL
restored = loads(blob)
